#!/usr/bin/env bash
# Set up everything and serve the site with bilingual demo content on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo_content
# The demo loader makes the booklet PDFs and EPUBs when it publishes them; this makes any
# that are missing (SITE_URL or a layout changed, media deleted). Downloads never make one.
.venv/bin/python manage.py build_booklet_downloads
exec .venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}"
