#!/usr/bin/env bash
# Install the W3C Nu Html Checker (vnu.jar, pinned) into node_modules/, which git ignores,
# for tests/test_html_validity.py. It runs with the system's Java: installed with apt-get
# when missing and allowed. Safe to run again: an installed checker of this version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_VERSION="26.9.27"
jar=node_modules/vnu-jar/build/dist/vnu.jar
installed=node_modules/vnu-jar/package.json

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Java (default-jre-headless) for the HTML checker and EPUBCheck..."
  { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq default-jre-headless; } \
    >/tmp/java-install.log 2>&1 || echo "apt-get could not install Java: see /tmp/java-install.log" >&2
fi

if [ ! -f "$jar" ] || ! grep -q "\"version\": \"$VNU_VERSION\"" "$installed" 2>/dev/null; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing vnu-jar $VNU_VERSION into node_modules/..."
    # The package's own install script would download a Java: the system's is used instead.
    npm install --prefix "$PWD" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund --silent \
      "vnu-jar@$VNU_VERSION" || echo "npm could not install vnu-jar" >&2
  else
    echo "npm is missing: the HTML checker cannot be installed." >&2
  fi
fi

if [ ! -f "$jar" ] || ! command -v java >/dev/null 2>&1; then
  echo "##################################################################" >&2
  echo "# WARNING: java or $jar is missing:" >&2
  echo "# THE HTML VALIDITY TEST IS SKIPPED. Install Node's npm and Java 17+.  #" >&2
  echo "##################################################################" >&2
fi
