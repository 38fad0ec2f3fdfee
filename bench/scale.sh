#!/usr/bin/env bash
# The scaled-out shape on one machine, from real parts: two gunicorn app servers on their
# own ports, the local PostgreSQL (a database of its own, created and dropped) and Redis
# (a database number and key prefix of its own), the alert line's task worker, and
# Debian's Varnish in front with deploy/varnish/default.vcl (pointed at the two app
# servers). FRONTEND_CACHE_URL points at Varnish, as it would at a CDN.
#
# It loads the site through Varnish (wrk), publishes an alert and shows that both
# languages' addresses were purged (X-Varnish and Age: hit, then miss) and the new
# title is served at once, stops one app server mid-run and counts failed requests before
# and after Varnish notices, then stops everything it started and prints its figures.
#
#   bench/scale.sh            (as root or a user who may run varnishd; no Docker)
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379, wrk,
# varnishd, curl. Never stops or reconfigures them: only what it started.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
DB_NAME="campaigns_scale_$$"
REDIS_DB="${SCALE_REDIS_DB:-9}"
PREFIX="scale$$"
WORK="$(mktemp -d /tmp/campaigns-scale.XXXXXX)"
chmod 755 "$WORK"
PIDS=()

free_port() { "$PY" -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
APP1="$(free_port)"
APP2="$(free_port)"
PROXY="$(free_port)"
DEAD_SMTP="$(free_port)"   # nothing listens there: mail is down, reports still work

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$WORK/varnish.pid" ] && kill "$(cat "$WORK/varnish.pid")" 2>/dev/null
  sleep 2
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB_NAME" 2>/dev/null
  redis-cli -n "$REDIS_DB" --scan --pattern "$PREFIX:*" | xargs -r redis-cli -n "$REDIS_DB" del >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=website.settings.production
SECRET_KEY="$("$PY" -c 'import secrets;print(secrets.token_urlsafe(64))')"
ALERTLINE_CONTACT_KEYS="$("$PY" -c 'import os,base64;print(base64.b64encode(os.urandom(32)).decode())')"
export SECRET_KEY ALERTLINE_CONTACT_KEYS
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME" DATABASE_CONN_MAX_AGE=60
export REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" CACHE_KEY_PREFIX="$PREFIX"
export ALLOWED_HOSTS="127.0.0.1,localhost" SECURE_SSL_REDIRECT=0
export SITE_URL="http://127.0.0.1:$PROXY" WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PROXY"
export ALERTLINE_TASKS_BACKEND=django_tasks_db.DatabaseBackend
export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$DEAD_SMTP"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export PYTHONPATH="$ROOT"
cd "$ROOT"

echo "== preparing: database $DB_NAME, Redis db $REDIS_DB prefix $PREFIX, ports app $APP1 $APP2, Varnish $PROXY"
createdb -h 127.0.0.1 -U postgres "$DB_NAME"
"$PY" manage.py migrate -v0
"$PY" manage.py collectstatic --no-input -v0  # before the demo: its booklet PDFs need it
"$PY" manage.py load_demo_content >/dev/null
# Purges name pages by the site's address: Varnish's, here.
"$PY" manage.py shell -v0 -c "
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = '127.0.0.1', $PROXY
site.save()  # clears Wagtail's cached site root paths too"
# From here on, publishing purges Varnish (not while the demo was being loaded).
export FRONTEND_CACHE_URL="http://127.0.0.1:$PROXY"

start_app() {
  "$GUNICORN" website.wsgi --bind "127.0.0.1:$1" --workers 2 --log-level warning \
    >"$WORK/app-$1.log" 2>&1 &
  PIDS+=($!)
  echo $! >"$WORK/app-$1.pid"
}
start_app "$APP1"
start_app "$APP2"
"$PY" manage.py db_worker --backend alertline >"$WORK/worker.log" 2>&1 &
PIDS+=($!)
for port in "$APP1" "$APP2"; do
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
done

# The deployed VCL, with the two local app servers as its backends and purgers.
sed -e "s/\"10.0.0.11\"; .port = \"8000\"/\"127.0.0.1\"; .port = \"$APP1\"/" \
    -e "s/\"10.0.0.12\"; .port = \"8000\"/\"127.0.0.1\"; .port = \"$APP2\"/" \
    -e 's/^    "10.0.0.11";/    "127.0.0.1";/' -e 's/^    "10.0.0.12";/    "::1";/' \
    deploy/varnish/default.vcl >"$WORK/scale.vcl"
mkdir -p "$WORK/varnish"
varnishd -n "$WORK/varnish" -a "127.0.0.1:$PROXY" -f "$WORK/scale.vcl" -s malloc,64m \
  -P "$WORK/varnish.pid"
for _ in $(seq 40); do curl -fs "http://127.0.0.1:$PROXY/healthz" >/dev/null && break; sleep 0.5; done
sleep 5  # the probes mark both app servers healthy

V="http://127.0.0.1:$PROXY"
cache_state() {  # "hit" when X-Varnish carries two ids (this request and the cached one)
  local headers
  headers="$(curl -s -o /dev/null -D - "$V$1")"
  local ids age
  ids="$(grep -i '^x-varnish:' <<<"$headers" | cut -d: -f2 | wc -w)"
  age="$(grep -i '^age:' <<<"$headers" | tr -dc '0-9')"
  if [ "$ids" -ge 2 ]; then echo "hit (Age ${age:-0})"; else echo "miss (Age ${age:-0})"; fi
}

echo "== load through Varnish (wrk, 10 s each, 2 threads, 16 connections)"
ALERT_PT="$("$PY" manage.py shell -v0 -c "
from campaigns.alerts.models import AlertPage
print(AlertPage.objects.live().filter(locale__language_code='pt').first().url)")"
ALERT_EN="$("$PY" manage.py shell -v0 -c "
from campaigns.alerts.models import AlertPage
a = AlertPage.objects.live().filter(locale__language_code='pt').first()
print(a.get_translations().live().first().url)")"
for path in /pt/ "$ALERT_PT" "$ALERT_EN"; do
  result="$(wrk -t2 -c16 -d10s "$V$path" 2>&1)"
  echo "$path: $(grep 'Requests/sec' <<<"$result" | awk '{print $2}') requests/s," \
    "$(grep 'Non-2xx' <<<"$result" | awk '{print $NF}' | grep . || echo 0) non-2xx," \
    "mean latency $(grep 'Latency' <<<"$result" | awk '{print $2}')"
done

echo "== publishing the Portuguese alert (both languages purged, new title served at once)"
for path in "$ALERT_PT" "$ALERT_EN" /pt/ /en/; do echo "before: $path $(cache_state "$path")"; done
BANS_BEFORE="$(varnishstat -n "$WORK/varnish" -1 -f MAIN.bans_added | awk '{print $2}')"
STAMP="scale-$(date +%s)"
"$PY" manage.py shell -v0 -c "
from campaigns.alerts.models import AlertPage
a = AlertPage.objects.live().filter(locale__language_code='pt').first()
a.title = a.title + ' $STAMP'
a.save_revision().publish()"
BANS_AFTER="$(varnishstat -n "$WORK/varnish" -1 -f MAIN.bans_added | awk '{print $2}')"
for path in "$ALERT_PT" "$ALERT_EN" /pt/ /en/; do echo "after:  $path $(cache_state "$path")"; done
if curl -s "$V$ALERT_PT" | grep -q "$STAMP"; then
  echo "new title served through Varnish at once: yes"
else
  echo "new title served through Varnish at once: NO"
fi
echo "purges received by Varnish: $((BANS_AFTER - BANS_BEFORE))"

echo "== stopping one app server mid-run (uncached pages: the alert line's form)"
"$PY" - "$V" "$(cat "$WORK/app-$APP2.pid")" "$WORK/varnish" <<'PYEOF'
import os, signal, subprocess, sys, threading, time, urllib.error, urllib.request
base, victim, workdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
results, stop = [], time.monotonic() + 20
def load():
    while time.monotonic() < stop:
        started = time.monotonic()
        try:
            status = urllib.request.urlopen(base + "/pt/linha-alerta/", timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        results.append((started, status))
threads = [threading.Thread(target=load) for _ in range(6)]
for thread in threads:
    thread.start()
time.sleep(6)
workers = subprocess.run(["pgrep", "-P", str(victim)], capture_output=True, text=True).stdout.split()
killed = time.monotonic()
for pid in [victim, *map(int, workers)]:
    os.kill(pid, signal.SIGKILL)  # abrupt, master and workers: no graceful shutdown
noticed = None
while noticed is None and time.monotonic() < stop:
    listing = subprocess.run(["varnishadm", "-n", workdir, "backend.list"], capture_output=True, text=True).stdout
    if any("app2" in line and "sick" in line.lower() for line in listing.splitlines()):
        noticed = time.monotonic()
    time.sleep(0.2)
for thread in threads:
    thread.join()
failed = [(t, s) for t, s in results if not 200 <= s < 400]
between = [f for f in failed if f[0] >= killed and (noticed is None or f[0] < noticed)]
after = [f for f in failed if noticed and f[0] >= noticed]
print(f"requests: {len(results)}, failed: {len(failed)}"
      f" (in flight when the app server stopped: {len([f for f in failed if f[0] < killed])},"
      f" started before Varnish marked it sick: {len(between)},"
      f" after: {len(after)})")
print(f"Varnish marked it sick {noticed - killed:.1f} s after it stopped" if noticed else "Varnish never marked it sick")
PYEOF

echo "== reports through the proxy while mail is down"
REPORTS_BEFORE="$("$PY" manage.py shell -v0 -c "
from campaigns.alertline.models import Report; print(Report.objects.count())")"
"$PY" - "$V" <<'PYEOF'
import re, sys, urllib.parse, urllib.request
base = sys.argv[1]
accepted = 0
for _ in range(5):
    # The CSRF cookie is Secure in production: sent back by hand over this plain-HTTP test.
    form = urllib.request.urlopen(base + "/pt/linha-alerta/")
    cookie = form.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.read().decode()).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "category": "sextortion",
        "where": "InstaDemo", "when": "ontem", "description": "Teste de escala, não é real.",
        "reporter_role": "self", "contact": "", "website": ""}).encode()
    request = urllib.request.Request(base + "/pt/linha-alerta/", data,
        headers={"Cookie": cookie, "Origin": base, "Referer": base + "/pt/linha-alerta/"})
    accepted += 'data-testid="reference"' in urllib.request.urlopen(request).read().decode()
print(f"reports accepted through Varnish with mail down: {accepted} of 5")
PYEOF
REPORTS_AFTER="$("$PY" manage.py shell -v0 -c "
from campaigns.alertline.models import Report; print(Report.objects.count())")"
echo "reports stored: $((REPORTS_AFTER - REPORTS_BEFORE))"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
