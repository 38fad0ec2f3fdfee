#!/usr/bin/env bash
# Create .venv with Python 3.12 or newer, install the locked dependencies and the project,
# and compile the catalogues.
# Safe to run again: an existing, working .venv is reused and brought up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3 \
      /root/.pyenv/versions/3.13.0/bin/python3.13 /root/.pyenv/versions/3.12.1/bin/python3.12 \
      "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/bin/python3.13 /usr/bin/python3.12; do
    # Run each one: a pyenv shim can exist on PATH and still fail.
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
      command -v "$candidate" || echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
  if ! python=$(find_python); then
    echo "ERROR: this project needs Python 3.12 or newer, and none was found." >&2
    echo "Tried python3.13, python3.12, python3 and the pyenv builds. Install one and run this again." >&2
    exit 1
  fi
  echo "Creating .venv with $python ($("$python" --version))"
  rm -rf .venv
  "$python" -m venv .venv
fi

# Catalogues are compiled before installing, so a non-editable install ships them too.
if ! command -v msgfmt >/dev/null 2>&1; then
  echo "ERROR: msgfmt (GNU gettext) is missing: install the 'gettext' package." >&2
  exit 1
fi
for po in locale/*/LC_MESSAGES/django.po; do
  msgfmt --check -o "${po%.po}.mo" "$po"
done

# Exactly the locked versions, each checked against its hash (scripts/lock.sh makes the
# lock from pyproject.toml), then the project itself without resolving anything again.
# Skipped when the lock, pyproject.toml and the Python are what the last install used
# (pip takes seconds only to find that nothing changed, and scripts/test.sh runs this).
installed_stamp=.venv/.installed-from
wanted=$( { .venv/bin/python --version; cat requirements.lock pyproject.toml; } | sha256sum)
if [ "$(cat "$installed_stamp" 2>/dev/null)" = "$wanted" ] && .venv/bin/python -c 'import website' 2>/dev/null; then
  echo "Up to date: $(.venv/bin/python --version) with the project in .venv"
  exit 0
fi
rm -f "$installed_stamp"
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
.venv/bin/python -m pip install --quiet --no-deps -e .
echo "$wanted" > "$installed_stamp"
echo "Installed $(.venv/bin/python --version) with the project in .venv"
