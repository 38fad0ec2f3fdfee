#!/usr/bin/env bash
# Run the whole test suite: unit, page, security, HTML validity and browser tests.
# Extra arguments go to pytest. DATABASE_URL and REDIS_URL, when set, are used by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# Browser tests drive Debian's Chromium. Install it with apt-get when missing; never
# download a browser build of its own.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n"
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = "0" ] || [ -n "$sudo_cmd" ]; }; then
    echo "Installing Debian's chromium for the browser tests..."
    { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium; } \
      >/tmp/chromium-install.log 2>&1 || echo "apt-get could not install chromium: see /tmp/chromium-install.log" >&2
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "##################################################################" >&2
  echo "# WARNING: /usr/bin/chromium is missing: BROWSER TESTS ARE SKIPPED." >&2
  echo "# Install Debian's 'chromium' package to run them.                 #" >&2
  echo "##################################################################" >&2
fi

# The HTML validity test runs the W3C checker (vnu.jar), and the booklet EPUB test runs
# EPUBCheck, with Java (installed here when missing).
scripts/vnu.sh

# One test process per core (pytest-xdist), each with its own database, media folder, cache
# keys and live server. TEST_WORKERS=0 (or `-n 0` among the arguments) runs in this process.
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist worksteal "$@"
