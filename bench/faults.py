"""Faults under load: Redis stopped, mail (SMTP) down, PostgreSQL restarted mid-run.

gunicorn (bench/gunicorn_site.py) serves the site with the production settings, on a
PostgreSQL and a Redis that this script starts itself on free ports (a private PostgreSQL
cluster in a temporary folder, run as the `postgres` user when started as root, and
`redis-server --save ''`), and a tiny SMTP server of its own. Or it uses ones already
running, when given their URLs: then it never stops them, and skips the faults that
would need to (it stops and starts only what it started).

For each fault it sends a mix of page loads, quiz submissions and alert-line reports
from several threads during the fault and again after recovery (the same gunicorn, never
restarted), and prints: requests sent, answered 2xx, 5xx (503 counted apart), reports
accepted (confirmation pages) and stored (counted in the database afterwards, each
accepted reference exactly once, none half-written), quiz tallies counted, and the
median time of a page load.

    .venv/bin/python bench/faults.py [--seconds 10] [--threads 6]
    .venv/bin/python bench/faults.py --database-url postgres://postgres@127.0.0.1:5432/x \\
        --redis-url redis://127.0.0.1:6379/5      # existing ones: those faults are skipped

Not a test: it prints figures.
"""

import argparse
import base64
import json
import os
import random
import re
import secrets
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from gunicorn_site import free_port, prepare, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
MARKER = "FAULT-BENCH"
REPORT_URL = "/pt/linha-alerta/"
QUIZ_URL = "/en/quiz/"
PAGES = ["/pt/", "/en/", "/pt/alertas/", "/en/search/?q=internet", "/pt/tu-e-a-internet/"]


# --- What the script starts ---------------------------------------------------------------


def as_postgres(command):
    """Run PostgreSQL's tools as `postgres` when we are root (it refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivatePostgres:
    """A throw-away PostgreSQL cluster in a temporary folder, on a free port."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        subprocess.run(  # noqa: S603
            as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.start()
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-qc",
                "CREATE DATABASE faults",
            ],
            check=True,
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/faults"

    def ctl(self, *args):
        subprocess.run(  # noqa: S603
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", *args]),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.ctl("-o", options, "-l", str(self.folder / "log"), "start")

    def stop(self):
        self.ctl("-m", "fast", "stop")

    def remove(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(self.port), "--save", "", "--bind", "127.0.0.1"],  # noqa: S607
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def remove(self):
        if self.process.poll() is None:
            self.stop()


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to take a message and count it."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 faults-bench")
        in_data = False
        while line := self.rfile.readline():
            text = line.decode(errors="replace").rstrip("\r\n")
            if in_data:
                if text == ".":
                    in_data = False
                    self.server.received += 1
                    self.reply("250 queued")
                continue
            verb = text[:4].upper()
            if verb == "DATA":
                in_data = True
                self.reply("354 go on")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            elif verb == "EHLO":
                self.reply("250 faults-bench")
            else:
                self.reply("250 ok")


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.received = 0
        self.server = None
        self.start()

    def start(self):
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), SMTPHandler)
        self.server.received = 0
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.received += self.server.received
        self.server.shutdown()
        self.server.server_close()
        self.server = None

    def count(self):
        return self.received + (self.server.received if self.server else 0)


# --- The load -----------------------------------------------------------------------------


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = self.ok = self.errors5 = self.unavailable = self.other = self.refused = 0
        self.references = []
        self.quiz_results = 0
        self.page_seconds = []
        self.last_unavailable = None

    def add(self, status, seconds=None):
        with self.lock:
            self.sent += 1
            if status == 0:
                self.refused += 1
            elif 200 <= status < 300:
                self.ok += 1
            elif status == 503:
                self.unavailable += 1
                self.last_unavailable = time.monotonic()
            elif status >= 500:
                self.errors5 += 1
            else:
                self.other += 1
            if seconds is not None and 200 <= status < 300:
                self.page_seconds.append(seconds)


def request(url, data=None, cookie=None):
    headers = {"Referer": url}
    if cookie:
        headers["Cookie"] = cookie
    try:
        ask = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
        response = urllib.request.urlopen(ask, timeout=30)  # noqa: S310
        return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), error.headers
    except OSError:
        return 0, "", {}


def csrf_pair(base, path, tally):
    """The form page, its CSRF token and cookie (Secure in production: sent back by hand)."""
    status, html, headers = request(base + path)
    tally.add(status)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    cookie = headers.get("Set-Cookie", "") if headers else ""
    if status != 200 or not found or "csrftoken=" not in cookie:
        return None
    return found.group(1), cookie.split(";")[0], html


def send_report(base, tally, tag, number):
    pair = csrf_pair(base, REPORT_URL, tally)
    if pair is None:
        return
    token, cookie, _html = pair
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "category": "other",
            "where": "https://example.org/bench",
            "when": "agora",
            "description": f"{MARKER} {tag} {number}",
            "reporter_role": "other",
            "contact": "",
            "website": "",
        }
    ).encode()
    status, html, _headers = request(base + REPORT_URL, data, cookie)
    tally.add(status)
    found = re.search(r'data-testid="reference">([^<]+)<', html)
    if status == 200 and found:
        with tally.lock:
            tally.references.append(found.group(1))


def send_quiz(base, tally):
    pair = csrf_pair(base, QUIZ_URL, tally)
    if pair is None:
        return
    token, cookie, html = pair
    answers = {}
    for name, value in re.findall(r'type="radio" name="(q\d+)" id="[^"]+" value="(\d+)"', html):
        answers.setdefault(name, []).append(value)
    data = {"csrfmiddlewaretoken": token} | {k: random.choice(v) for k, v in answers.items()}  # noqa: S311
    status, html, _headers = request(base + QUIZ_URL, urllib.parse.urlencode(data).encode(), cookie)
    tally.add(status)
    if status == 200 and "quiz-result" in html:
        with tally.lock:
            tally.quiz_results += 1


def load_page(base, tally):
    started = time.perf_counter()
    status, _html, _headers = request(base + random.choice(PAGES))  # noqa: S311
    tally.add(status, time.perf_counter() - started)


def run_load(base, seconds, threads, tag):
    tally = Tally()
    deadline = time.monotonic() + seconds
    counter = iter(range(10**9))

    def worker(index):
        while time.monotonic() < deadline:
            kind = (index + next(counter)) % 5
            if kind == 0:
                send_report(base, tally, tag, next(counter))
            elif kind == 1:
                send_quiz(base, tally)
            else:
                load_page(base, tally)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    return tally, pool


def finish(pool):
    for thread in pool:
        thread.join()


# --- Counting what was stored ---------------------------------------------------------------

COUNT_STORED = """
import json
from campaigns.alertline.models import Report
from quiz.models import BandTally
from django.db.models import Sum
rows = list(Report.objects.filter(description__startswith="{marker} {tag} ").values_list(
    "reference", "code_hash"))
print(json.dumps({{"references": [r for r, _h in rows],
    "half_written": sum(1 for r, h in rows if not r or not h),
    "tallies": BandTally.objects.aggregate(n=Sum("count"))["n"] or 0}}))
"""


def stored(env, tag):
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v0",
            "-c",
            COUNT_STORED.format(marker=MARKER, tag=tag),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


TIME_CACHE = """
import json, time
from django.core.cache import cache
timings = []
for _ in range(200):
    started = time.perf_counter()
    cache.get("faults-bench-probe")
    timings.append((time.perf_counter() - started) * 1000)
print(json.dumps({"first": timings[0], "rest": sorted(timings[1:])[len(timings) // 2]}))
"""


def cache_read_cost(env):
    """What one cache read costs in milliseconds: the first, then the median of 199."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-v0", "-c", TIME_CACHE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bare(reference):
    return re.sub(r"[^0-9A-Z]", "", reference.upper())


def report_phase(name, tally, env, tag, tallies_before, mails=None):
    found = stored(env, tag)
    # The confirmation shows the reference grouped (XXXX-XXXX); the database keeps it bare.
    accepted = [bare(reference) for reference in tally.references]
    stored_references = [bare(reference) for reference in found["references"]]
    lost = [ref for ref in accepted if stored_references.count(ref) != 1]
    median = statistics.median(tally.page_seconds) * 1000 if tally.page_seconds else float("nan")
    print(
        f"{name:<34} sent {tally.sent:4}  2xx {tally.ok:4}  5xx {tally.errors5:3}"
        f"  503 {tally.unavailable:3}  refused {tally.refused:3}  other {tally.other:3}"
        f"  reports accepted {len(accepted):3} stored {len(stored_references):3}"
        f" (accepted but lost {len(lost)}, half-written {found['half_written']})"
        f"  quiz results {tally.quiz_results:3} tallies +{found['tallies'] - tallies_before:3}"
        f"  page p50 {median:6.1f} ms" + (f"  mails {mails}" if mails is not None else "")
    )
    return found["tallies"]


# --- The faults ---------------------------------------------------------------------------


def main():  # noqa: C901, PLR0915
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", help="an existing PostgreSQL database (never restarted)")
    parser.add_argument("--redis-url", help="an existing Redis (never stopped)")
    options = parser.parse_args()

    started = []
    postgres = redis = None
    try:
        if options.database_url:
            database_url = options.database_url
        else:
            postgres = PrivatePostgres()
            started.append(postgres)
            database_url = postgres.url
        if options.redis_url:
            redis_url = options.redis_url
        else:
            redis = PrivateRedis()
            started.append(redis)
            redis_url = redis.url
        smtp = SMTPServer()
        static_root = tempfile.mkdtemp(prefix="faults-static-")
        env = dict(os.environ) | {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALERTLINE_CONTACT_KEYS": base64.b64encode(os.urandom(32)).decode(),
            "ALERTLINE_NOTIFY_EMAILS": "equipa@example.org",
            "ALERTLINE_REPORTS_PER_HOUR": "1000000",
            "QUIZ_COMPLETIONS_PER_HOUR": "1000000",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": f"faults{os.getpid()}",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SITE_URL": "https://internetsegura.example",
            "STATIC_ROOT": static_root,
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        prepare(env)
        port = free_port()
        server = start_gunicorn(port, options.workers, env)
        base = f"http://127.0.0.1:{port}"
        tallies = stored(env, "none")["tallies"]
        seconds, threads = options.seconds, options.threads
        print(
            f"gunicorn {options.workers} workers, {threads} client threads, {seconds} s per phase"
        )

        def phase(name, tag, mails=None):
            nonlocal tallies
            tally, pool = run_load(base, seconds, threads, tag)
            finish(pool)
            tallies = report_phase(name, tally, env, tag, tallies, mails() if mails else None)

        phase("no fault", "baseline")

        if redis is not None:
            up = cache_read_cost(env)
            redis.stop()
            down = cache_read_cost(env)
            print(
                f"(a cache read: {up['rest']:.2f} ms with Redis; with Redis stopped the first"
                f" {down['first']:.1f} ms, then {down['rest']:.3f} ms until it is tried again)"
            )
            phase("Redis stopped", "redis-down")
            redis.start()
            phase("Redis back (no restart)", "redis-back")
        else:
            print("Redis: not started here, so not stopped (skipped)")

        before = smtp.count()
        smtp.stop()
        phase("mail down (SMTP refused)", "mail-down", lambda: smtp.count() - before)
        smtp.start()
        before_back = smtp.count()
        phase("mail back", "mail-back", lambda: smtp.count() - before_back)

        if postgres is not None:
            tally, pool = run_load(base, seconds, threads, "pg-restart")
            time.sleep(seconds / 4)
            postgres.stop()
            down = time.monotonic()
            time.sleep(3)
            postgres.start()
            back = time.monotonic()
            print(f"(PostgreSQL down for {back - down:.1f} s during the run)")
            finish(pool)
            if tally.last_unavailable:
                gap = tally.last_unavailable - back
                print(
                    f"(last 503 sent {gap:.1f} s after PostgreSQL was back)"
                    if gap > 0
                    else f"(last 503 sent {-gap:.1f} s before PostgreSQL was back; none after)"
                )
            tallies = report_phase(
                "PostgreSQL restarted mid-run", tally, env, "pg-restart", tallies
            )
            phase("PostgreSQL back (no restart)", "pg-back")
        else:
            print("PostgreSQL: not started here, so not restarted (skipped)")
        server.terminate()
        server.wait(30)
        print(
            f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f},"
            f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        )
    finally:
        for service in reversed(started):
            service.remove()


if __name__ == "__main__":
    main()
