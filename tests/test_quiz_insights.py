"""Quiz insights for editors: who sees them, what they show, the CSV, small numbers hidden."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.tallies import add_counts
from tests.factories.quiz import make_quiz
from tests.support.admin import signed_in_as
from tests.support.pages import html_of

URL = "/admin/quiz-insights/"


@pytest.fixture
def quiz(home_pt):
    return make_quiz(home_pt, slug="insights-quiz")


def complete(quiz, choices, times, day=None):
    structure = quiz.structure()
    answers = [answers[choice] for (_q, answers), choice in zip(structure, choices, strict=True)]
    score = sum(answer.points for answer in answers)
    band = next(b for b in quiz.ordered_bands() if b.min_score <= score <= b.max_score)
    add_counts(quiz, answers, band, day=day, times=times)


def params(quiz, start, end, **extra):
    return {"quiz": quiz.pk, "start": start.isoformat(), "end": end.isoformat(), **extra}


@pytest.mark.django_db
def test_editors_see_it_and_handlers_do_not(client, quiz):
    signed_in_as(client, "editor", "en")
    assert client.get(URL).status_code == 200
    assert reverse("quiz_insights") in html_of(client.get("/admin/"))
    signed_in_as(client, "handler", "en")
    assert client.get(URL).status_code in (302, 403)
    assert reverse("quiz_insights") not in html_of(client.get("/admin/"))


@pytest.mark.django_db
def test_counts_under_five_are_hidden_in_the_view_and_the_csv(client, quiz):
    today = timezone.localdate()
    complete(quiz, [2, 2, 2, 2], times=7)  # High, 7 times
    complete(quiz, [0, 0, 0, 0], times=3)  # Low, 3 times
    complete(quiz, [2, 2, 2, 2], times=40, day=today - datetime.timedelta(days=60))
    signed_in_as(client, "editor", "en")
    html = html_of(client.get(URL, params(quiz, today - datetime.timedelta(days=6), today)))
    assert "<svg" in html and 'role="img"' in html
    assert '<th scope="row">High</th><td>7 (70%)</td>' in html
    assert '<th scope="row">Low</th><td>fewer than 5</td>' in html
    assert '<th scope="row">Q1 answer 2</th><td>7 (70%)</td>' in html
    assert '<th scope="row">Q1 answer 0</th><td>fewer than 5</td>' in html
    assert f'<th scope="row">{today.isoformat()}</th><td>10 (100%)</td>' in html
    assert "10 completions in these dates." in html
    assert ">3<" not in html and "(30%)" not in html

    response = client.get(
        URL, params(quiz, today - datetime.timedelta(days=6), today, format="csv")
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Result bands reached", "High", "", "7"] in rows
    assert ["Result bands reached", "Low", "", "fewer than 5"] in rows
    assert ["Answers", "Question 1?", "Q1 answer 0", "fewer than 5"] in rows
    assert not any(row[-1] == "3" for row in rows)


@pytest.mark.django_db
def test_the_date_range_chooses_the_days(client, quiz):
    today = timezone.localdate()
    complete(quiz, [2, 2, 2, 2], times=40, day=today - datetime.timedelta(days=60))
    signed_in_as(client, "editor", "en")
    old = today - datetime.timedelta(days=61)
    html = html_of(client.get(URL, params(quiz, old, old + datetime.timedelta(days=2))))
    assert "40 completions in these dates." in html
    html = html_of(client.get(URL, params(quiz, today - datetime.timedelta(days=6), today)))
    assert "0 completions in these dates." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "quiz_id", "message"),
    [
        ("2026-05-10", "2026-05-01", None, "The end date must not be before the start date."),
        ("2020-01-01", "2026-01-01", None, "Choose at most a year at a time."),
        ("yesterday", "2026-05-01", None, "Enter a valid date."),
        ("2026-05-01", "2026-05-02", "999999", "Select a valid choice."),
        ("2026-05-01", "2026-05-02", "x' OR 1=1", "Select a valid choice."),
        ("2026-05-01", "2026-05-02", "9" * 23, "Select a valid choice."),
    ],
)
def test_bad_input_gives_the_form_back_with_a_message(client, quiz, start, end, quiz_id, message):
    signed_in_as(client, "editor", "en")
    response = client.get(URL, {"quiz": quiz_id or quiz.pk, "start": start, "end": end})
    assert response.status_code == 200
    html = html_of(response)
    assert message in html
    assert f'value="{start}"' in html  # what was typed is kept
    csv_response = client.get(
        URL, {"quiz": quiz_id or quiz.pk, "start": start, "end": end, "format": "csv"}
    )
    assert csv_response.status_code == 200 and "text/html" in csv_response["Content-Type"]


@pytest.mark.django_db
def test_the_last_day_a_date_can_have_is_an_empty_range(client, quiz):
    signed_in_as(client, "editor", "en")
    last_day = {"quiz": quiz.pk, "start": "9999-12-31", "end": "9999-12-31"}
    assert "0 completions in these dates." in html_of(client.get(URL, last_day))
    assert client.get(URL, {**last_day, "format": "csv"}).status_code == 200


@pytest.mark.django_db
def test_csv_cells_never_run_as_formulas(client, home_pt):
    quiz = make_quiz(
        home_pt,
        slug="formula",
        bands=[(0, 4, '=HYPERLINK("https://example.org")', "A"), (5, 8, "+1", "B")],
    )
    complete(quiz, [0, 0, 0, 0], times=6)
    complete(quiz, [2, 2, 2, 2], times=7)
    signed_in_as(client, "editor", "en")
    today = timezone.localdate()
    response = client.get(URL, params(quiz, today, today, format="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Result bands reached", '\'=HYPERLINK("https://example.org")', "", "6"] in rows
    assert ["Result bands reached", "'+1", "", "7"] in rows


@pytest.mark.django_db
def test_demo_data_is_labelled(client, quiz):
    structure = quiz.structure()
    add_counts(
        quiz,
        [answers[0] for _q, answers in structure],
        quiz.ordered_bands()[0],
        times=9,
        is_demo=True,
    )
    signed_in_as(client, "editor", "en")
    today = timezone.localdate()
    assert "These figures include demo data." in html_of(
        client.get(URL, params(quiz, today, today))
    )
    signed_in_as(client, "editor", "pt")
    html = html_of(client.get(URL, params(quiz, today, today)))
    assert "Estes números incluem dados de demonstração." in html
    assert "menos de 5" in html
