"""Benchmark: 200 reports sent at once from several processes to gunicorn on PostgreSQL.

Checks that every report is stored exactly once, with distinct references, and prints
reports per second beside a trivial view (robots.txt) served by the same gunicorn, so the
figure means something on any machine. Not a test: it prints figures. The follow-up code
is kept as a keyed HMAC (campaigns/alertline/codes.py), so it costs microseconds.

    createdb -h 127.0.0.1 -U postgres bench_alertline   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_alertline \\
        .venv/bin/python bench/reports.py [--reports 200] [--processes 8] [--workers 4]

The database is migrated and given the demo site first. As in production
(deploy/campaigns.env.example), database connections stay open and each report queues the
handlers' notice in the database (django-tasks-db); the bench checks that exactly one
notice was queued per report. Reports the bench made, and their notices, are deleted at the
end (the reports are marked in their description).
"""

import argparse
import http.cookiejar
import multiprocessing
import os
import re
import signal
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from gunicorn_site import free_port, prepare, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
MARKER = "BENCH-REPORT"
FORM_URL = "/en/alert-line/"


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DJANGO_DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        ALERTLINE_REPORTS_PER_HOUR="100000",
        PYTHONPATH=str(ROOT),
    )
    # As deploy/campaigns.env.example: connections kept open, and the handlers' notices
    # queued in the database for the worker (none runs here: the bench counts them).
    env.setdefault("DATABASE_CONN_MAX_AGE", "60")
    env.setdefault("ALERTLINE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    return env


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def send_reports(args):
    base, first, count = args
    client, jar = opener()
    html = client.open(base + FORM_URL, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    references = []
    for number in range(first, first + count):
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "category": "other",
                "description": f"{MARKER} {number}",
                "reporter_role": "other",
                "where": "https://example.org/bench",
                "when": "now",
                "website": "",
            }
        ).encode()
        request = urllib.request.Request(  # noqa: S310
            base + FORM_URL, data=data, headers={"Referer": base + FORM_URL}
        )
        page = client.open(request, timeout=60).read().decode()
        found = re.search(r'data-testid="reference">([^<]+)<', page)
        references.append(found.group(1) if found else None)
    return references


def fetch_trivial(args):
    base, count = args
    for _ in range(count):
        urllib.request.urlopen(base + "/robots.txt", timeout=30).read()  # noqa: S310
    return count


def stored_reports():
    import django

    os.environ.update(environment())
    django.setup()
    from campaigns.alertline import codes
    from campaigns.alertline.models import Report

    rows = list(
        Report.objects.filter(description__startswith=MARKER).values_list(
            "reference", "description"
        )
    )
    references = [reference for reference, _text in rows]
    notices = queued_notices(references)

    def cleanup():
        Report.objects.filter(description__startswith=MARKER).delete()
        if notices is not None:
            notices.delete()

    return rows, codes, cleanup, notices


def queued_notices(references):
    """The handlers' notices queued for these reports, or None with another task backend."""
    from django.conf import settings

    if not settings.TASKS["alertline"]["BACKEND"].startswith("django_tasks_db."):
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path="campaigns.alertline.tasks.notify_handlers",
        args_kwargs__args__0__in=references,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")

    prepare(environment())
    port = free_port()
    # Dev settings: no SMTP server or HTTPS needed.
    server = start_gunicorn(
        port, options.workers, {**environment(), "DJANGO_SETTINGS_MODULE": "website.settings.dev"}
    )
    base = f"http://127.0.0.1:{port}"
    per_process = options.reports // options.processes
    try:
        with multiprocessing.Pool(options.processes) as pool:
            started = time.perf_counter()
            batches = pool.map(
                send_reports,
                [(base, index * per_process, per_process) for index in range(options.processes)],
            )
            report_seconds = time.perf_counter() - started
            trivial_count = per_process * 4
            started = time.perf_counter()
            pool.map(fetch_trivial, [(base, trivial_count)] * options.processes)
            trivial_seconds = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    sent = per_process * options.processes
    shown = [reference for batch in batches for reference in batch]
    rows, codes, cleanup, notices = stored_reports()
    stored_refs = [codes.display_reference(reference) for reference, _text in rows]
    descriptions = [text for _reference, text in rows]
    problems = []
    if None in shown:
        problems.append(f"{shown.count(None)} responses without a reference")
    if len(rows) != sent:
        problems.append(f"{len(rows)} stored for {sent} sent")
    if len(set(descriptions)) != len(descriptions):
        problems.append("a report was stored twice")
    if len(set(stored_refs)) != len(stored_refs):
        problems.append("two reports share a reference")
    if sorted(filter(None, shown)) != sorted(stored_refs):
        problems.append("the references shown differ from those stored")
    if notices is not None and notices.count() != len(rows):
        problems.append(f"{notices.count()} handlers' notices queued for {len(rows)} reports")
    cleanup()

    reports_per_second = sent / report_seconds
    trivial_per_second = trivial_count * options.processes / trivial_seconds
    print(
        f"reports sent: {sent} from {options.processes} processes, "
        f"gunicorn {options.workers} workers"
    )
    print(f"stored exactly once, distinct references: {'yes' if not problems else 'NO'}")
    for problem in problems:
        print(f"  problem: {problem}")
    print(f"reports/s: {reports_per_second:.1f}")
    print(f"trivial view (robots.txt)/s: {trivial_per_second:.1f}")
    print(
        f"reports/s as a ratio to the trivial view: {reports_per_second / trivial_per_second:.3f}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
