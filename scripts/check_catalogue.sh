#!/usr/bin/env bash
# The Portuguese catalogue is complete: no empty or fuzzy entry, and a fresh makemessages
# finds no string that the committed catalogue lacks (the creation date is ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
po=locale/pt/LC_MESSAGES/django.po
work=$(mktemp -d)
trap 'cp "$work/committed.po" "$po"; rm -f locale/django.pot; rm -rf "$work"' EXIT
cp "$po" "$work/committed.po"

msgfmt --check -o /dev/null "$po"
if grep -q '^#, .*fuzzy' "$po"; then
  echo "FAIL: $po has fuzzy entries:" >&2
  grep -n -A1 '^#, .*fuzzy' "$po" >&2
  exit 1
fi

.venv/bin/python manage.py makemessages -l pt --keep-pot --no-location \
  --ignore=.venv --ignore=tests --ignore=build --ignore=bench --ignore=node_modules >/dev/null
# msgcmp fails on any msgid of the fresh template that is missing, empty or fuzzy.
if ! msgcmp "$work/committed.po" locale/django.pot; then
  echo "FAIL: the Portuguese catalogue is incomplete. Run makemessages and translate." >&2
  exit 1
fi
echo "Catalogue check: $(grep -c '^msgid ' "$work/committed.po") entries, all translated."
