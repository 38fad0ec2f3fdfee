#!/usr/bin/env bash
# A non-editable `pip install .` works: templates, static files and the compiled
# catalogue travel as package data, and the site renders from outside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m venv "$work/venv"
if ! "$work/venv/bin/python" -m pip install --quiet . >"$work/pip.log" 2>&1; then
  cat "$work/pip.log" >&2
  echo "FAIL: pip install . failed" >&2
  exit 1
fi
cd "$work"
DJANGO_SETTINGS_MODULE=website.settings.test DATABASE_URL="sqlite:///$work/db.sqlite3" \
  "$work/venv/bin/python" - <<'PY'
import django
from django.core.management import call_command
from django.test import Client

django.setup()
import website

assert "site-packages" in website.__file__, website.__file__
call_command("migrate", verbosity=0)
call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"))
html = Client().get("/pt/").content.decode()
assert "Sair desta página" in html, "the Portuguese catalogue is not installed"
assert "/static/website/js/quick-exit.js" in html
from django.contrib.staticfiles import finders

assert finders.find("website/js/quick-exit.js"), "static files are not installed"
assert finders.find("website/css/site.css")
favicon = Client().get("/favicon.ico")
assert favicon.status_code == 200 and favicon["Content-Type"] == "image/x-icon", "no favicon"
print("Non-editable install: renders /pt/ with its catalogue from", website.__file__)
PY
