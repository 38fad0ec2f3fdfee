"""Benchmark: every page type in both languages, uncached and from the page cache.

Starts gunicorn on 127.0.0.1 with the production settings (on SQLite with ALLOW_SQLITE=1
unless DATABASE_URL is set; with Redis when REDIS_URL is set), loads the demo content, and
runs wrk (Debian's `wrk` package) against each page and against a trivial view (robots.txt)
served by the same gunicorn, first with the page cache off (PAGE_CACHE_SECONDS=0), then on.
Prints requests per second, p50 and p99 latency, the queries of one view (counted outside
gunicorn, with Django's test client and the same settings) and the ratio to the trivial
view. Not a test: it prints figures. It stops everything it started, and exits non-zero only
when it could not run.

    .venv/bin/python bench/pages.py [--seconds 3] [--connections 16] [--workers 2]
    createdb -h 127.0.0.1 -U postgres bench_pages   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages \\
        REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/pages.py
"""

import argparse
import base64
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from gunicorn_site import free_port, prepare, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = "/robots.txt"
PAGES = {
    "home": ("/pt/", "/en/"),
    "guidance": ("/pt/para-jovens/", "/en/for-young-people/"),
    "booklet": ("/pt/tu-e-a-internet/", "/en/you-and-the-internet/"),
    "chapter": (
        "/pt/tu-e-a-internet/para-que-serve-a-internet/",
        "/en/you-and-the-internet/what-the-internet-is-good-for/",
    ),
    "alert index": ("/pt/alertas/", "/en/alerts/"),
    "alert": ("/pt/alertas/fotografia-intima-partilhada/", "/en/alerts/intimate-picture-shared/"),
    "quiz page": ("/pt/questionario/", "/en/quiz/"),
    "alert line": ("/pt/linha-alerta/", "/en/alert-line/"),
    "search results": ("/pt/pesquisa/?q=ajuda", "/en/search/?q=help"),
    "quiz findings": (
        "/pt/questionario/o-que-os-jovens-nos-disseram/",
        "/en/quiz/what-young-people-told-us/",
    ),
    "what happened? step": (
        "/pt/o-que-aconteceu/?step=under-18",
        "/en/what-happened/?step=under-18",
    ),
    "what happened? outcome": (
        "/pt/o-que-aconteceu/resultado/threats/",
        "/en/what-happened/result/threats/",
    ),
    "directory of help": ("/pt/quem-pode-ajudar/", "/en/who-can-help/"),
}

COUNT_QUERIES = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for url in json.loads(sys.argv[1]):
    for _ in range(2):  # earlier visitors fill the content cache: the route, then the page
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    counts[url] = len(queries) if status == 200 else f"HTTP {status}"
print(json.dumps(counts))
"""


def environment(workdir):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        ALERTLINE_CONTACT_KEYS=base64.b64encode(os.urandom(32)).decode(),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="ERROR",
    )
    env.setdefault("SITE_URL", "http://127.0.0.1")  # the production settings require it
    env.setdefault("DATABASE_CONN_MAX_AGE", "60")  # as deploy/campaigns.env.example
    if not env.get("DATABASE_URL"):
        env.update(ALLOW_SQLITE="1", DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}")
    return env


def collect_static(env):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def count_queries(env, urls):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", COUNT_QUERIES, json.dumps(urls)],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, seconds, connections):
    """(requests/s, p50 ms, p99 ms, non-2xx/3xx answers) of one short wrk run."""
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rate, to_ms(*p50.groups()), to_ms(*p99.groups()), int(errors.group(1)) if errors else 0


def fetch(url):
    urllib.request.urlopen(url, timeout=120).read()  # noqa: S310 (127.0.0.1 only)


def measure(env, label, args, queries):
    port = free_port()
    server = start_gunicorn(port, args.workers, env)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for url in [TRIVIAL] + [url for pair in PAGES.values() for url in pair]:
            fetch(base + url)  # warm-up: caches, renditions, the booklets' PDFs
        trivial = run_wrk(base + TRIVIAL, args.seconds, args.connections)
        fetch(base + TRIVIAL)
        rows.append((label, "trivial (robots.txt)", TRIVIAL, trivial, "-", 1.0))
        for name, pair in PAGES.items():
            for url in pair:
                figures = run_wrk(base + url, args.seconds, args.connections)
                fetch(base + TRIVIAL)  # waits behind the requests wrk left queued
                ratio = figures[0] / trivial[0] if trivial[0] else 0.0
                rows.append((label, name, url, figures, queries.get(url, "?"), ratio))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def print_table(rows):
    print(
        "| mode | page | address | requests/s | p50 ms | p99 ms | errors | queries | "
        "share of trivial |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for label, name, url, (rate, p50, p99, errors), queries, ratio in rows:
        print(
            f"| {label} | {name} | `{url}` | {rate:.0f} | {p50:.1f} | {p99:.1f} | {errors} "
            f"| {queries} | {ratio:.1%} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        env = environment(workdir)
        collect_static(env)  # first: the demo's booklet PDFs are made with the static files
        prepare(env)
        urls = [url for pair in PAGES.values() for url in pair]
        queries = count_queries(env, urls)
        database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
        cache = "Redis" if env.get("REDIS_URL") else "local memory"
        print(
            f"{database}, {cache}; gunicorn with {args.workers} sync workers; wrk, "
            f"{args.connections} connections, {args.seconds} s per address; "
            f"load average before: {os.getloadavg()[0]:.2f}"
        )
        rows = measure({**env, "PAGE_CACHE_SECONDS": "0"}, "uncached", args, queries)
        rows += measure({**env, "PAGE_CACHE_SECONDS": "300"}, "cached", args, queries)
        print_table(rows)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
