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
    .venv/bin/python bench/pages.py --layers /en/alerts/ [--repeat 3]

With --layers, only the given address, uncached and cached, with every cache layer and
then without each one (the switches in docs/caching.md): the median time of --requests
requests made one at a time in one process with Django's test client (with Redis when
REDIS_URL is set), beside the trivial view's, --repeat times in turn, so that the spread
between runs shows how noisy the machine is.
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


def run_script(env, script, *args):
    """The JSON that a Python script, run with the site's settings, printed last."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def count_queries(env, urls):
    return run_script({**env, "PAGE_CACHE_SECONDS": "0"}, COUNT_QUERIES, json.dumps(urls))


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


# Each layer below the page cache, and the setting that turns it off.
LAYERS = {
    "every layer": {},
    "no per-process copy": {"CONTENT_CACHE_COPIES_PER_PROCESS": "0"},
    "no route cache": {"CONTENT_CACHE_ROUTES": "0"},
    "no fragments": {"CONTENT_CACHE_FRAGMENTS": "0"},
}


TIME_REQUESTS = """
import json, statistics, sys, time
import django
django.setup()
from django.test import Client
url, count = sys.argv[1], int(sys.argv[2])
client = Client()
for _ in range(5):  # earlier visitors fill the caches
    client.get(url)
    client.get("/robots.txt")
assert client.get(url).status_code == 200
# Median wall and CPU milliseconds: this process's CPU time moves less than the wall time
# when other work shares the machine (it leaves out the database's and Redis's own work).
def median_ms(address):
    wall, cpu = [], []
    for _ in range(count):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(address)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return [statistics.median(wall) * 1000, statistics.median(cpu) * 1000]
print(json.dumps([median_ms(url), median_ms("/robots.txt")]))
"""


def time_in_one_process(env, url, count):
    """([wall, CPU] median ms of the page, of the trivial view), one request at a time in one
    process: far less disturbed by other work on the machine than wrk's parallel load."""
    return run_script(env, TIME_REQUESTS, url, str(count))


def measure_layers(env, args, url):
    print(
        "| run | layers | mode | median ms | CPU ms | trivial ms | trivial CPU ms "
        "| share of trivial (CPU) | queries uncached |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for run in range(1, args.repeat + 1):
        for label, switches in LAYERS.items():
            for mode, seconds in (("uncached", "0"), ("cached", "300")):
                layer_env = {**env, **switches, "PAGE_CACHE_SECONDS": seconds}
                page, trivial = time_in_one_process(layer_env, url, args.requests)
                queries = count_queries(layer_env, [url])[url]
                print(
                    f"| {run} | {label} | {mode} | {page[0]:.2f} | {page[1]:.2f} "
                    f"| {trivial[0]:.2f} | {trivial[1]:.2f} | {trivial[1] / page[1]:.1%} "
                    f"| {queries} |",
                    flush=True,
                )


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
    parser.add_argument("--layers", metavar="ADDRESS", help="measure each cache layer")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200, help="per layer, with --layers")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        env = environment(workdir)
        collect_static(env)  # first: the demo's booklet PDFs are made with the static files
        prepare(env)
        urls = [url for pair in PAGES.values() for url in pair]
        queries = count_queries(env, [args.layers] if args.layers else urls)
        database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
        cache = "Redis" if env.get("REDIS_URL") else "local memory"
        print(
            f"{database}, {cache}; gunicorn with {args.workers} sync workers; wrk, "
            f"{args.connections} connections, {args.seconds} s per address; "
            f"load average before: {os.getloadavg()[0]:.2f}"
        )
        if args.layers:
            print(f"{args.layers}; load average before: {os.getloadavg()[0]:.2f}")
            measure_layers(env, args, args.layers)
            return
        rows = measure({**env, "PAGE_CACHE_SECONDS": "0"}, "uncached", args, queries)
        rows += measure({**env, "PAGE_CACHE_SECONDS": "300"}, "cached", args, queries)
        print_table(rows)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
