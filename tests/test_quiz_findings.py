"""For parents: guess first, then see how young people answered, with small numbers hidden
and nothing shown before 50 completions in that language."""

import pytest
from wagtail.models import Locale

from quiz.models import AnswerTally, QuizFindingsPage, QuizPage
from quiz.tallies import add_counts
from tests.factories.quiz import make_quiz
from tests.support.demo import demo_page
from tests.support.pages import html_of


def findings_under(quiz):
    page = QuizFindingsPage(title="What they told us", slug="told-us", intro="Guess first.")
    quiz.add_child(instance=page)
    page.save_revision().publish()
    return page


def complete(quiz, choices, times):
    structure = quiz.structure()
    answers = [answers[choice] for (_q, answers), choice in zip(structure, choices, strict=True)]
    add_counts(quiz, answers, quiz.ordered_bands()[0], times=times)


@pytest.fixture
def quiz(home_pt):
    return make_quiz(home_pt, slug="parents-quiz", public=(0, 2))


@pytest.mark.django_db
def test_the_demo_page_in_both_languages_linked_from_the_parents_page(client):
    english = Locale.objects.get(language_code="en")
    parents = demo_page("parents", "pt")
    findings = QuizFindingsPage.objects.get(locale__language_code="pt")
    pairs = [
        (parents, findings),
        (parents.get_translation(english), findings.get_translation(english)),
    ]
    for guidance, page in pairs:
        assert f'href="{page.url}"' in html_of(client.get(guidance.url))
        html = html_of(client.get(page.url))
        assert "Demo data:" in html or "Dados de demonstração:" in html
        assert html.count('name="guess"') >= 3 * 5  # 4 guesses and "skip", per question
        assert 'role="img"' not in html  # nothing before the guess


@pytest.mark.django_db
def test_the_demo_findings_ask_nothing_the_quiz_did_not_ask(client):
    """The quiz never asks anyone's age, so the parents' questions cannot speak of it."""
    english = Locale.objects.get(language_code="en")
    findings = QuizFindingsPage.objects.get(locale__language_code="pt")
    for page in (findings, findings.get_translation(english)):
        html = html_of(client.get(page.url))
        assert "who took this quiz" in html or "que responderam a este questionário" in html
        for age_words in ("your child's age", "your child&#x27;s age", "idade do seu filho"):
            assert age_words not in html


@pytest.mark.django_db
def test_guess_then_reveal(client, quiz):
    page = findings_under(quiz)
    complete(quiz, [0, 0, 0, 0], times=30)
    complete(quiz, [1, 1, 2, 1], times=25)
    complete(quiz, [2, 2, 1, 2], times=5)
    html = html_of(client.get(page.url))
    assert html.count("quiz-finding__guess") == 2  # the public questions only
    assert "Guess: Question 1?" in html and "Guess: Question 3?" in html
    assert "Guess: Question 2?" not in html
    assert 'method="get"' in html

    response = client.get(page.url, {"q": "1", "guess": "half"})
    html = html_of(response)
    assert "O teu palpite" not in html  # parents are addressed formally (você)
    assert 'role="img"' in html
    assert '<th scope="row">Q1 answer 0</th><td>30 (50%)</td>' in html
    # 5 is hidden, and so is the 25: with the total shown, one hidden cell is no secret.
    assert '<th scope="row">Q1 answer 1</th><td>menos de 10</td>' in html
    assert '<th scope="row">Q1 answer 2</th><td>menos de 10</td>' in html
    assert "50% dos 60 jovens que responderam (30)." in html
    assert "O seu palpite: Cerca de metade." in html
    assert "O seu palpite estava perto." in html
    assert html.count("quiz-finding__guess") == 1  # question 3 still waits for a guess
    assert not AnswerTally.objects.filter(page=quiz, count__gt=60).exists()
    assert set(response.cookies) <= {"csrftoken"}


@pytest.mark.django_db
def test_seeing_without_guessing_and_a_bad_guess(client, quiz):
    page = findings_under(quiz)
    complete(quiz, [0, 0, 0, 0], times=60)
    html = html_of(client.get(page.url, {"q": "2", "guess": "skip"}))
    assert 'role="img"' in html and "O seu palpite:" not in html
    assert "Menos de 10 dos 60 jovens que responderam." in html
    for bad in (
        {"q": "1", "guess": "everyone"},
        {"q": "1"},
        {"q": "99", "guess": "half"},
        {"q": "x", "guess": "half"},
        {"q": ["1", "2"], "guess": ["few", "most"]},
    ):
        response = client.get(page.url, bad)
        assert response.status_code == 200
        assert 'role="img"' not in html_of(response) or bad["q"] == ["1", "2"]
    html = html_of(client.get(page.url, {"q": "1", "guess": "everyone"}))
    assert "Escolha um dos palpites" in html
    assert 'aria-describedby="guess-1-error"' in html


@pytest.mark.django_db
def test_nothing_is_shown_before_fifty_completions(client, quiz):
    page = findings_under(quiz)
    complete(quiz, [0, 0, 0, 0], times=40)
    complete(quiz, [1, 1, 1, 1], times=9)
    html = html_of(client.get(page.url, {"q": "1", "guess": "few"}))
    assert 'role="img"' not in html
    assert "Ainda não há respostas suficientes" in html
    complete(quiz, [1, 1, 1, 1], times=1)
    html = html_of(client.get(page.url, {"q": "1", "guess": "few"}))
    assert 'role="img"' in html
    assert '<th scope="row">Q1 answer 0</th><td>40 (80%)</td>' in html
    # 40, 10 and 0: the 0 is hidden, and so is the 10, or the total would give the 0 away.
    assert '<th scope="row">Q1 answer 1</th><td>menos de 10</td>' in html
    assert '<th scope="row">Q1 answer 2</th><td>menos de 10</td>' in html


@pytest.mark.django_db
def test_each_language_shows_its_own_answers(client, quiz):
    english = Locale.objects.get(language_code="en")
    page = findings_under(quiz)
    copy = quiz.copy_for_translation(english)
    copy.save_revision().publish()
    copy = QuizPage.objects.get(pk=copy.pk)
    page_en = page.copy_for_translation(english, copy_parents=False)
    page_en.save_revision().publish()
    complete(quiz, [0, 0, 0, 0], times=60)
    html = html_of(
        client.get(QuizFindingsPage.objects.get(pk=page_en.pk).url, {"q": "1", "guess": "few"})
    )
    assert "Not enough young people have answered this question yet." in html
