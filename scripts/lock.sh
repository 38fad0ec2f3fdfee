#!/usr/bin/env bash
# The lock files: every dependency pinned with its hashes, for Python 3.12 and newer on
# every platform, from pyproject.toml.
#   scripts/lock.sh            add what pyproject.toml asks for, keep every other pin
#   scripts/lock.sh --upgrade  move every pin to the newest release pyproject.toml allows
#   scripts/lock.sh --check    change nothing; fail when pyproject.toml and a lock disagree
# requirements.lock (with the test and s3 extras: the tests cover the S3 settings) is what
# scripts/setup.sh installs;
# requirements-production.lock (with the s3 extra, without the test tools) is for servers.
set -euo pipefail
cd "$(dirname "$0")/.."

uv=.venv/bin/uv
[ -x "$uv" ] || uv=$(command -v uv) || { echo "ERROR: uv is missing: run scripts/setup.sh" >&2; exit 1; }

mode=write
upgrade=()
case "${1:-}" in
  --check) mode=check ;;
  --upgrade) upgrade=(--upgrade) ;;
  "") ;;
  *) echo "usage: scripts/lock.sh [--check | --upgrade]" >&2; exit 2 ;;
esac

# uv keeps the pins already in the output file unless pyproject.toml rules them out, so
# a check regenerates a copy of each lock and a new release upstream changes nothing.
compile() {
  local output=$1
  shift
  "$uv" pip compile pyproject.toml --quiet --universal --generate-hashes \
    --python-version 3.12 --custom-compile-command "scripts/lock.sh" \
    "${upgrade[@]}" "$@" -o "$output"
}

# The pinned set: each `name==version ; markers` line, without hashes or comments.
pins() {
  grep -E '^[A-Za-z0-9]' "$1" | sed -e 's/[[:space:]]*\\$//' | sort
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for spec in "requirements.lock:--extra=test --extra=s3" "requirements-production.lock:--extra=s3"; do
  lock=${spec%%:*}
  extra=${spec#*:}
  if [ "$mode" = write ]; then
    compile "$lock" $extra
    echo "Wrote $lock ($(pins "$lock" | wc -l) packages)"
    continue
  fi
  if [ ! -f "$lock" ]; then
    echo "FAIL: $lock is missing: run scripts/lock.sh" >&2
    status=1
    continue
  fi
  cp "$lock" "$work/$lock"
  compile "$work/$lock" $extra
  if ! diff -u <(pins "$lock") <(pins "$work/$lock") >"$work/diff"; then
    echo "FAIL: $lock disagrees with pyproject.toml; run scripts/lock.sh and commit it:" >&2
    cat "$work/diff" >&2
    status=1
  else
    echo "$lock agrees with pyproject.toml ($(pins "$lock" | wc -l) packages)"
  fi
done
exit $status
