#!/usr/bin/env bash
# pip-audit against the locked set (requirements.lock and requirements-production.lock,
# exactly the pinned versions and hashes, no resolution). A known vulnerability fails.
# When the vulnerability service cannot be reached, or does not know a package, it says
# loudly that the audit did not run (for those packages) and does not fail.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for lock in requirements.lock requirements-production.lock; do
  set +e
  .venv/bin/pip-audit --disable-pip --require-hashes -r "$lock" --progress-spinner off \
    --format json --output "$work/audit.json" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  .venv/bin/python scripts/audit_report.py "$lock" "$code" "$work/audit.json" "$work/err" || status=1
done
exit $status
