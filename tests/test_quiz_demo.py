"""The demo quiz: complete in both languages, valid, linked, and loaded only once."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from quiz.models import Answer, Question, QuizPage
from quiz.scoring import band_problems
from quiz.views import band_links
from tests.support.pages import html_of


@pytest.fixture
def demo_quizzes(db):
    quiz = QuizPage.objects.get(slug="questionario", locale__language_code="pt")
    english = quiz.get_translation(Locale.objects.get(language_code="en")).specific
    return quiz, english


@pytest.mark.django_db
def test_a_complete_quiz_in_both_languages(demo_quizzes):
    for quiz in demo_quizzes:
        assert quiz.live
        structure = quiz.structure()
        assert len(structure) >= 12
        assert {q.category for q, _a in structure} == {
            "privacy",
            "strangers",
            "images",
            "gaming_money",
            "cyberbullying",
        }
        assert sum(1 for q, _a in structure if q.public and q.parents_prompt) >= 3
        assert all(len(answers) >= 2 for _q, answers in structure)
        assert sum(1 for _q, answers in structure for a in answers if a.tip) >= 12
        bands = quiz.ordered_bands()
        assert len(bands) == 3
        points = [[a.points for a in answers] for _q, answers in structure]
        rows = [(b.min_score, b.max_score, b.title) for b in bands]
        assert band_problems(points, rows) == []
    quiz, english = demo_quizzes
    assert english.title != quiz.title
    assert english.structure()[0][0].text != quiz.structure()[0][0].text
    assert [len(a) for _q, a in english.structure()] == [len(a) for _q, a in quiz.structure()]


@pytest.mark.django_db
def test_the_bands_point_at_booklet_chapters_and_alerts_in_each_language(demo_quizzes):
    for quiz in demo_quizzes:
        for band in quiz.ordered_bands():
            pages = band_links(quiz, band)
            assert pages, band.title
            assert {page.locale_id for page in pages} == {quiz.locale_id}


@pytest.mark.django_db
def test_the_words(demo_quizzes):
    text = " ".join(
        [q.text for q in Question.objects.all()]
        + [f"{a.text} {a.tip}" for a in Answer.objects.all()]
    ).lower()
    assert "pornogra" not in text
    assert "your fault" not in text.replace("not your fault", "")
    assert "culpa" not in text.replace("a culpa não é tua", "")


@pytest.mark.django_db
def test_the_quiz_is_a_section_of_both_home_pages(client, demo_quizzes):
    for quiz, home in zip(demo_quizzes, ["/pt/", "/en/"], strict=True):
        assert f'href="{quiz.url}"' in html_of(client.get(home))


@pytest.mark.django_db
def test_loading_again_changes_nothing(demo_quizzes):
    counts = (QuizPage.objects.count(), Question.objects.count(), Answer.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert (QuizPage.objects.count(), Question.objects.count(), Answer.objects.count()) == counts
