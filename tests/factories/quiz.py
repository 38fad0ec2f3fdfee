"""Quizzes for the tests, built the way the admin saves them (a published revision)."""

import pytest
from django.core.cache import cache

from quiz.models import Answer, BandLink, Question, QuizPage, ResultBand

CATEGORIES = ["privacy", "strangers", "images", "gaming_money", "cyberbullying"]


def make_questions(count, answers_per_question=3):
    """`count` questions over the five categories, answers worth 0, 1, 2… points."""
    return [
        (
            f"Question {number}?",
            CATEGORIES[number % len(CATEGORIES)],
            [
                (f"Q{number} answer {points}", points, f"Tip {number}.{points}" if points else "")
                for points in range(answers_per_question)
            ],
        )
        for number in range(1, count + 1)
    ]


def default_bands(top):
    third = top // 3
    return [
        (0, third, "Low", "You already take good care."),
        (third + 1, 2 * third, "Some", "A few things to look at."),
        (2 * third + 1, top, "High", "Let's look at this together."),
    ]


def make_quiz(
    parent, slug="test-quiz", title="Test quiz", questions=None, bands=None, links=None, public=()
):
    """A published quiz under `parent`. `questions`: [(text, category, [(text, points, tip)])].

    `links`: {band index: [pages]}; `public`: positions of questions shown to parents.
    """
    questions = questions if questions is not None else make_questions(4)
    top = sum(max(points for _t, points, _tip in answers) for _q, _c, answers in questions)
    bands = bands if bands is not None else default_bands(top)
    quiz = QuizPage(title=title, slug=slug, intro="How safe are you online?")
    quiz.questions = [
        Question(
            sort_order=position,
            text=text,
            category=category,
            public=position in public,
            parents_prompt=f"Guess: {text}" if position in public else "",
            answers=[
                Answer(text=a_text, points=points, tip=tip, sort_order=order)
                for order, (a_text, points, tip) in enumerate(answers)
            ],
        )
        for position, (text, category, answers) in enumerate(questions)
    ]
    quiz.bands = [
        ResultBand(
            sort_order=position,
            min_score=low,
            max_score=high,
            title=b_title,
            message=message,
            links=[BandLink(link_page=page) for page in (links or {}).get(position, [])],
        )
        for position, (low, high, b_title, message) in enumerate(bands)
    ]
    parent.add_child(instance=quiz)
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def answer_ids(quiz):
    """[[answer ids of question 1], …] in order."""
    return [[answer.pk for answer in answers] for _question, answers in quiz.structure()]


def post_data(quiz, choice_per_question):
    """Form data choosing answer index `choice` for each question."""
    ids = answer_ids(quiz)
    return {f"q{n + 1}": ids[n][choice] for n, choice in enumerate(choice_per_question)}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test starts with no client over the quiz's rate limit (import it to use it)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def count_at_once(request, monkeypatch):
    """Tallies are written after the request's transaction commits; inside a test's own
    transaction that never happens, so write them at once (import it to use it).
    Transactional tests commit for real and keep the real behaviour."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return
    monkeypatch.setattr("quiz.tallies.on_commit", lambda write: write())
