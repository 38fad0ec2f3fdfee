"""Property-based: arbitrary values in every public GET parameter that the views read, and
in every field of the public POST forms not already covered by
tests/test_alertline_properties.py (the quiz, the admin sign-in), never cause a 500, and
invalid input stores nothing."""

import logging
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.db.models import Sum
from django.test import Client, TestCase
from hypothesis import given
from hypothesis import strategies as st

from campaigns.alerts.models import AlertIndexPage
from quiz.models import AnswerTally, BandTally, QuizFindingsPage, QuizPage
from tests.fuzz_inputs import clean, fuzz_settings

pytestmark = pytest.mark.django_db

any_text = st.text(max_size=200)
odd_values = st.one_of(
    any_text,
    st.integers(min_value=5_000, max_value=40_000).map(lambda n: "9" * n),
    st.sampled_from(
        ["", " ", "\x00", "-1", "0", "1e9", "99999999999999999999", "NaN", "../", "%00", "💥"]
    ),
    st.integers().map(str),
    st.lists(any_text, min_size=2, max_size=3),  # the same parameter sent several times
)
FUZZ = fuzz_settings(max_examples=50)


def quiz_pages():
    return list(QuizPage.objects.live().order_by("pk"))


def public_get_targets():
    """Each public address and the query parameters its view reads."""
    targets = [
        ("/pt/pesquisa/", ["q", "page"]),
        ("/en/search/", ["q", "page"]),
        ("/", ["next", "q"]),  # the language redirect keeps the query string
        ("/pt/", ["utm_source", "lang"]),  # the language switch repeats the query string
        ("/sitemap.xml", ["p"]),  # Django's sitemap view reads its page number
    ]
    for index in AlertIndexPage.objects.live():
        targets.append((index.url, ["audience", "topic", "page"]))
        targets.append((index.url + index.reverse_subpage("feed"), ["audience", "topic"]))
    for quiz in quiz_pages():
        targets.append((quiz.url + quiz.reverse_subpage("result"), ["r"]))
    for findings in QuizFindingsPage.objects.live():
        targets.append((findings.url, ["q", "guess"]))
    return targets


@pytest.fixture
def get_targets():
    targets = public_get_targets()
    assert len(targets) >= 10  # both languages of every page type above
    return targets


@FUZZ
@given(data=st.data())
def test_no_public_get_parameter_causes_a_server_error(get_targets, data, caplog):
    url, names = data.draw(st.sampled_from(get_targets))
    params = data.draw(st.dictionaries(st.sampled_from(names), odd_values, min_size=1))
    query = urlencode({name: clean(value) for name, value in params.items()}, doseq=True)
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = Client(raise_request_exception=False).get(f"{url}?{query}")
    assert response.status_code < 500, (url, query[:200])
    assert not caplog.records


def tally_totals():
    return (
        AnswerTally.objects.aggregate(total=Sum("count"))["total"] or 0,
        BandTally.objects.aggregate(total=Sum("count"))["total"] or 0,
    )


def valid_answers(quiz):
    return {
        f"q{position + 1}": str(answers[0].pk)
        for position, (_question, answers) in enumerate(quiz.structure())
    }


def submit(quiz, data):
    """Send the quiz form and run what waits for the commit (the tallies' upsert)."""
    cache.clear()  # the per-client limit must not hide a tally
    with TestCase.captureOnCommitCallbacks(execute=True):
        return Client(raise_request_exception=False).post(quiz.url, data)


def test_a_valid_quiz_submission_is_counted():
    # The measure the next test relies on: a good submission does move the tallies.
    quiz = quiz_pages()[0]
    before = tally_totals()
    response = submit(quiz, valid_answers(quiz))
    assert response.status_code == 200
    after = tally_totals()
    assert after[0] == before[0] + len(quiz.structure()) and after[1] == before[1] + 1


@FUZZ
@given(data=st.data())
def test_the_quiz_form_never_fails_and_counts_only_valid_answers(data):
    quiz = data.draw(st.sampled_from(quiz_pages()))
    valid = valid_answers(quiz)
    field_names = [*valid, "csrfmiddlewaretoken", "q0", "q999", "submit"]
    changes = data.draw(st.dictionaries(st.sampled_from(field_names), odd_values, min_size=1))
    removed = data.draw(st.sets(st.sampled_from(list(valid)), max_size=2))
    sent = {name: value for name, value in valid.items() if name not in removed}
    sent |= {name: clean(value) for name, value in changes.items()}
    before = tally_totals()
    response = submit(quiz, sent)
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert tally_totals() == before


@FUZZ
@given(
    username=odd_values,
    password=odd_values,
    extra=st.dictionaries(st.sampled_from(["next", "remember", "csrfmiddlewaretoken"]), odd_values),
)
def test_the_admin_sign_in_never_fails_and_signs_nobody_in(username, password, extra):
    AccessAttempt.objects.all().delete()  # each example meets the form, not the lockout
    client = Client(raise_request_exception=False, REMOTE_ADDR="192.0.2.200")
    data = {"username": clean(username), "password": clean(password)}
    response = client.post("/admin/login/", data | {k: clean(v) for k, v in extra.items()})
    assert response.status_code in {200, 429}
    assert "_auth_user_id" not in client.session
