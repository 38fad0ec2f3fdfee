"""Benchmark: quiz submissions at once from several processes to gunicorn on PostgreSQL.

Prints submissions per second and the 99th percentile of their latency beside a trivial
view (robots.txt) served by the same gunicorn, so the figures mean something on any
machine, and checks afterwards that the tallies grew by exactly the number of
submissions (answers and band). Not a test: it prints figures.

    createdb -h 127.0.0.1 -U postgres bench_quiz   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_quiz \\
        .venv/bin/python bench/quiz.py [--submissions 400] [--processes 8] [--workers 4]

The database is migrated and given the demo site first. The bench's counts stay in the
tallies of the day (they are anonymous counts like any other).
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

ROOT = Path(__file__).resolve().parent.parent
# This file is called quiz.py: the project's `quiz` app must win over it on the path.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.append(str(ROOT / "bench"))
from gunicorn_site import free_port, prepare, start_gunicorn  # noqa: E402

QUIZ_URL = "/en/quiz/"


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DJANGO_DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        QUIZ_COMPLETIONS_PER_HOUR="10000000",
        PYTHONPATH=str(ROOT),
    )
    env.setdefault("DATABASE_CONN_MAX_AGE", "60")  # as deploy/campaigns.env.example
    return env


def form_data(html, choice):
    """The CSRF token and, for each question, the answer at position `choice`."""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    answers = {}
    for name, value in re.findall(r'type="radio" name="(q\d+)" id="[^"]+" value="(\d+)"', html):
        answers.setdefault(name, []).append(value)
    data = {"csrfmiddlewaretoken": token}
    data.update({name: values[choice % len(values)] for name, values in answers.items()})
    return data


def submit(args):
    base, count, choice = args
    jar = http.cookiejar.CookieJar()
    client = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = client.open(base + QUIZ_URL, timeout=30).read().decode()
    body = urllib.parse.urlencode(form_data(html, choice)).encode()
    latencies, bands = [], set()
    for _ in range(count):
        request = urllib.request.Request(  # noqa: S310
            base + QUIZ_URL, data=body, headers={"Referer": base + QUIZ_URL}
        )
        started = time.perf_counter()
        page = client.open(request, timeout=60).read().decode()
        latencies.append(time.perf_counter() - started)
        found = re.search(r'<article class="quiz-result prose">.*?<h1>([^<]+)</h1>', page, re.S)
        bands.add(found.group(1) if found else None)
    return (
        latencies,
        bands,
        sorted(v for k, v in form_data(html, choice).items() if k != "csrfmiddlewaretoken"),
    )


def fetch_trivial(args):
    base, count = args
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        urllib.request.urlopen(base + "/robots.txt", timeout=30).read()  # noqa: S310
        latencies.append(time.perf_counter() - started)
    return latencies


def p99(latencies):
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def tallies():
    import django

    os.environ.update(environment())
    django.setup()
    from django.db.models import Sum
    from django.utils import timezone

    from quiz.models import AnswerTally, BandTally, QuizPage

    quiz = QuizPage.objects.get(url_path__endswith="/quiz/", locale__language_code="en")
    today = timezone.localdate()
    answers = dict(
        AnswerTally.objects.filter(page=quiz, day=today, is_demo=False).values_list(
            "answer_id", "count"
        )
    )
    bands = BandTally.objects.filter(page=quiz, day=today, is_demo=False).aggregate(
        total=Sum("count")
    )["total"]
    return answers, bands or 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=400)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")

    prepare(environment())
    answers_before, bands_before = tallies()
    port = free_port()
    server = start_gunicorn(port, options.workers, environment())
    base = f"http://127.0.0.1:{port}"
    per_process = options.submissions // options.processes
    try:
        with multiprocessing.Pool(options.processes) as pool:
            started = time.perf_counter()
            # Every process gives the same answers, so the expected tallies are known.
            results = pool.map(submit, [(base, per_process, 1)] * options.processes)
            quiz_seconds = time.perf_counter() - started
            started = time.perf_counter()
            trivial = pool.map(fetch_trivial, [(base, per_process)] * options.processes)
            trivial_seconds = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    sent = per_process * options.processes
    quiz_latencies = [latency for batch, _bands, _ids in results for latency in batch]
    trivial_latencies = [latency for batch in trivial for latency in batch]
    bands_seen = set().union(*(bands for _l, bands, _ids in results))
    chosen = results[0][2]
    answers_after, bands_after = tallies()
    problems = []
    if None in bands_seen or len(bands_seen) != 1:
        problems.append(f"results were not all the same band: {bands_seen}")
    if bands_after - bands_before != sent:
        problems.append(f"band tallies grew by {bands_after - bands_before} for {sent} sent")
    for answer_id in chosen:
        grown = answers_after.get(int(answer_id), 0) - answers_before.get(int(answer_id), 0)
        if grown != sent:
            problems.append(f"answer {answer_id} counted {grown} times for {sent} sent")

    quiz_rate = sent / quiz_seconds
    trivial_rate = len(trivial_latencies) / trivial_seconds
    print(
        f"quiz submissions: {sent} from {options.processes} processes, "
        f"gunicorn {options.workers} workers, {len(chosen)} questions each"
    )
    print(f"tallies equal the submissions: {'yes' if not problems else 'NO'}")
    for problem in problems:
        print(f"  problem: {problem}")
    print(f"submissions/s: {quiz_rate:.1f}, p99 {1000 * p99(quiz_latencies):.0f} ms")
    print(
        f"trivial view (robots.txt)/s: {trivial_rate:.1f}, "
        f"p99 {1000 * p99(trivial_latencies):.0f} ms"
    )
    print(
        f"ratio to the trivial view: throughput {quiz_rate / trivial_rate:.3f}, "
        f"p99 {p99(quiz_latencies) / p99(trivial_latencies):.1f}x"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
