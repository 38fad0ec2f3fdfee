"""The quiz page and its result use a fixed number of queries, whatever the quiz's size,
and no more than 13 (the result, with its tallies written after the commit; the quiz page
itself uses 6)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from quiz.models import BandTally
from tests.factories.quiz import (  # noqa: F401 - fresh_rate_limits is a fixture
    fresh_rate_limits,
    make_questions,
    make_quiz,
    post_data,
)
from tests.support.pages import html_of
from website.models import GuidancePage, HomePage

LIMIT = 13


def translated_quiz(home, slug, questions):
    guides = list(GuidancePage.objects.filter(locale__language_code="pt")[:3])
    quiz = make_quiz(
        home, slug=slug, questions=make_questions(questions), links={1: guides, 2: guides[:1]}
    )
    copy = quiz.copy_for_translation(Locale.objects.get(language_code="en"))
    copy.save_revision().publish()
    return quiz


def measure(client, method, url, data=None):
    send = client.post if method == "post" else client.get
    send(url, data) if data else send(url)  # warm up the site caches
    with CaptureQueriesContext(connection) as queries:
        response = send(url, data) if data else send(url)
    assert response.status_code == 200
    return len(queries), html_of(response)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quiz_and_result_queries_do_not_grow_with_questions(client, committed_demo):
    # Committed for real, so the tallies are written after the commit, as in production,
    # and counted here.
    home_pt = HomePage.objects.get(locale__language_code="pt")
    small = translated_quiz(home_pt, "small", 3)
    large = translated_quiz(home_pt, "large", 24)

    counts = {}
    for name, quiz, size in (("small", small, 3), ("large", large, 24)):
        form, html = measure(client, "get", quiz.url)
        assert html.count("<fieldset") == size
        choices = [1] * size  # the middle band, which has advice links
        result, html = measure(client, "post", quiz.url, post_data(quiz, choices))
        assert "<h1>Some</h1>" in html and "quiz-result__links" in html
        link = re.search(r'href="([^"]+/resultado/\?r=[^"]+)"', html).group(1).replace("&amp;", "&")
        signed, html = measure(client, "get", link)
        assert "<h1>Some</h1>" in html and 'hreflang="en"' in html
        counts[name] = (form, result, signed)
        assert BandTally.objects.get(page=quiz).count == 2  # the warm-up and the measure
    assert counts["small"] == counts["large"], counts
    assert max(counts["small"]) <= LIMIT, counts
