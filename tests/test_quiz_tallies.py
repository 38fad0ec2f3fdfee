"""Anonymous tallies: what is counted, what is not, the rate limit, and exact counts
under concurrency (on PostgreSQL)."""

import threading

import pytest
from django.core.cache import cache
from django.db import DatabaseError, close_old_connections, connection
from django.test import Client
from django.utils import timezone

from quiz.models import AnswerTally, BandTally
from tests.factories.quiz import (  # noqa: F401 - fixtures
    answer_ids,
    count_at_once,
    fresh_rate_limits,
    make_quiz,
    post_data,
)
from tests.support.pages import html_of
from website.models import HomePage


@pytest.fixture
def quiz(home_pt):
    return make_quiz(home_pt)


def counts(quiz):
    return {tally.answer_id: tally.count for tally in AnswerTally.objects.filter(page=quiz)}


def band_counts(quiz):
    return {tally.band.title: tally.count for tally in BandTally.objects.filter(page=quiz)}


@pytest.mark.django_db
def test_a_completion_counts_each_chosen_answer_and_the_band(client, quiz):
    client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]))
    client.post(quiz.url, post_data(quiz, [2, 0, 0, 0]))
    ids = answer_ids(quiz)
    assert counts(quiz) == {
        ids[0][2]: 2,
        ids[1][1]: 1,
        ids[1][0]: 1,
        ids[2][1]: 1,
        ids[2][0]: 1,
        ids[3][0]: 2,
    }
    assert band_counts(quiz) == {"Some": 1, "Low": 1}
    days = AnswerTally.objects.filter(page=quiz).values_list("day", flat=True)
    assert set(days) == {timezone.localdate()}


@pytest.mark.django_db
def test_only_counts_are_stored(client, quiz):
    client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]), REMOTE_ADDR="203.0.113.9")
    columns = {field.column for field in AnswerTally._meta.concrete_fields}
    assert columns == {"id", "page_id", "question_id", "answer_id", "day", "count", "is_demo"}
    columns = {field.column for field in BandTally._meta.concrete_fields}
    assert columns == {"id", "page_id", "band_id", "day", "count", "is_demo"}
    with connection.cursor() as cursor:
        for table in (AnswerTally._meta.db_table, BandTally._meta.db_table):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            assert "203.0.113.9" not in repr(cursor.fetchall())


@pytest.mark.django_db
def test_over_the_rate_limit_the_result_is_shown_but_not_counted(client, quiz, settings):
    settings.QUIZ_COMPLETIONS_PER_HOUR = 2
    for _ in range(4):
        response = client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]), REMOTE_ADDR="198.51.100.7")
        assert response.status_code == 200
        assert "<h1>Some</h1>" in html_of(response)
    assert band_counts(quiz) == {"Some": 2}
    # Another client is counted.
    client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]), REMOTE_ADDR="198.51.100.8")
    assert band_counts(quiz) == {"Some": 3}


@pytest.mark.django_db
def test_with_the_cache_down_the_result_is_still_shown(client, quiz, monkeypatch):
    client.get(quiz.url)  # Wagtail's own site lookups are cached before the cache "fails"

    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    for method in ("add", "incr", "set", "get_or_set", "incr_version"):
        monkeypatch.setattr(cache, method, down)
    response = client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]))
    assert response.status_code == 200
    assert "<h1>Some</h1>" in html_of(response)


@pytest.mark.django_db
def test_a_tally_that_cannot_be_written_never_hides_the_result(client, quiz, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr("quiz.tallies.add_counts", broken)
    response = client.post(quiz.url, post_data(quiz, [2, 1, 1, 0]))
    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Some</h1>" in html, html[html.find("<main") :]
    assert not AnswerTally.objects.filter(page=quiz).exists()


@pytest.mark.django_db
def test_a_translation_has_its_own_tallies(client, quiz):
    from wagtail.models import Locale

    copy = quiz.copy_for_translation(Locale.objects.get(language_code="en"))
    copy.save_revision().publish()
    copy = type(quiz).objects.get(pk=copy.pk)
    client.post(copy.url, post_data(copy, [0, 0, 0, 0]))
    assert counts(quiz) == {}
    assert sum(counts(copy).values()) == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_submissions_are_all_counted(settings, committed_demo):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): SQLite serialises all writers")
    home_pt = HomePage.objects.get(locale__language_code="pt")
    settings.QUIZ_COMPLETIONS_PER_HOUR = 10_000
    quiz = make_quiz(home_pt, slug="busy-quiz")
    data = post_data(quiz, [2, 1, 1, 0])
    threads_count, per_thread = 12, 5
    barrier = threading.Barrier(threads_count)
    failures = []

    def submit():
        try:
            client = Client()
            barrier.wait()
            for _ in range(per_thread):
                response = client.post(quiz.url, data)
                if response.status_code != 200:
                    failures.append(response.status_code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    total = threads_count * per_thread
    ids = answer_ids(quiz)
    assert counts(quiz) == {ids[0][2]: total, ids[1][1]: total, ids[2][1]: total, ids[3][0]: total}
    assert band_counts(quiz) == {"Some": total}
