"""Editing a quiz: the whole quiz on one admin screen, its validation, translation, preview."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from quiz.models import Answer, QuizFindingsPage, QuizPage
from tests.factories.quiz import make_quiz
from tests.support.admin import choose_admin_language
from website.models import GuidancePage, HomePage


def question(text, category, answers, public=False):
    data = {
        "text": text,
        "category": category,
        "parents_prompt": "",
        "answers": inline_formset(
            [{"text": a, "points": p, "tip": t} for a, p, t in answers], initial=0
        ),
    }
    if public:
        data["public"] = "on"
    return data


def band(low, high, title, message="Keep going.", links=()):
    return {
        "min_score": low,
        "max_score": high,
        "title": title,
        "message": message,
        "links": inline_formset([{"link_page": page.pk} for page in links], initial=0),
    }


def quiz_form(questions, bands, slug="my-quiz"):
    return nested_form_data(
        {
            "title": "My quiz",
            "slug": slug,
            "intro": "Answer honestly: nobody sees it.",
            "questions": inline_formset(questions, initial=0),
            "bands": inline_formset(bands, initial=0),
        }
    )


TWO_QUESTIONS = [
    question(
        "Who sees your posts?",
        "privacy",
        [("Only friends", 0, ""), ("Everyone", 2, "Set your account to private.")],
    ),
    question(
        "Would you add someone you never met?",
        "strangers",
        [("No", 0, ""), ("Maybe", 1, "Check who they are first."), ("Yes", 3, "Ask someone.")],
        public=True,
    ),
]


@pytest.mark.django_db
class TestQuizAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        choose_admin_language(self.user, "en")
        self.home = HomePage.objects.get(locale__language_code="pt")
        self.add_url = reverse("wagtailadmin_pages:add", args=("quiz", "quizpage", self.home.pk))

    def post(self, data):
        data = {**data, "action-publish": "publish"}
        return self.client.post(self.add_url, data)

    def test_where_a_quiz_can_be_created(self):
        self.assertCanCreateAt(HomePage, QuizPage)
        self.assertCanNotCreateAt(GuidancePage, QuizPage)
        self.assertAllowedSubpageTypes(QuizPage, {QuizFindingsPage})
        self.assertAllowedParentPageTypes(QuizFindingsPage, {QuizPage})

    def test_the_whole_quiz_is_saved_from_one_form(self):
        chapter = GuidancePage.objects.filter(locale__language_code="pt").first()
        data = quiz_form(
            TWO_QUESTIONS, [band(0, 2, "Careful", links=[chapter]), band(3, 5, "Risky")]
        )
        response = self.post(data)
        assert response.status_code == 302, response.content.decode()[:3000]
        quiz = QuizPage.objects.get(slug="my-quiz")
        assert quiz.live
        saved = [
            (q.text, q.category, q.public, [(a.text, a.points, a.tip) for a in answers])
            for q, answers in quiz.structure()
        ]
        assert saved == [
            (
                "Who sees your posts?",
                "privacy",
                False,
                [("Only friends", 0, ""), ("Everyone", 2, "Set your account to private.")],
            ),
            (
                "Would you add someone you never met?",
                "strangers",
                True,
                [
                    ("No", 0, ""),
                    ("Maybe", 1, "Check who they are first."),
                    ("Yes", 3, "Ask someone."),
                ],
            ),
        ]
        bands = quiz.ordered_bands()
        assert [(b.min_score, b.max_score, b.title) for b in bands] == [
            (0, 2, "Careful"),
            (3, 5, "Risky"),
        ]
        assert [link.link_page_id for link in bands[0].links.all()] == [chapter.pk]

    def assert_refused(self, data, message):
        count = QuizPage.objects.count()
        response = self.post(data)
        assert response.status_code == 200
        assert QuizPage.objects.count() == count
        html = response.content.decode()
        assert message in html, html[:2000]
        # Nothing the editor typed is lost.
        assert "Would you add someone you never met?" in html or "Lonely" in html

    def test_overlapping_bands_are_refused(self):
        self.assert_refused(
            quiz_form(TWO_QUESTIONS, [band(0, 3, "Careful"), band(3, 5, "Risky")]),
            "The bands “Careful” and “Risky” overlap: both include score 3.",
        )

    def test_a_gap_between_bands_is_refused(self):
        self.assert_refused(
            quiz_form(TWO_QUESTIONS, [band(0, 1, "Careful"), band(3, 5, "Risky")]),
            "No band covers scores 2 to 2, between “Careful” and “Risky”.",
        )

    def test_bands_must_reach_the_highest_possible_score(self):
        self.assert_refused(
            quiz_form(TWO_QUESTIONS, [band(0, 2, "Careful"), band(3, 4, "Risky")]),
            "No band covers scores 5 to 5: the highest possible score is 5.",
        )

    def test_bands_must_start_at_zero(self):
        self.assert_refused(
            quiz_form(TWO_QUESTIONS, [band(1, 2, "Careful"), band(3, 5, "Risky")]),
            "No band covers scores 0 to 0: the first band must start at 0.",
        )

    def test_a_band_that_ends_before_it_starts_is_refused(self):
        self.assert_refused(
            quiz_form(TWO_QUESTIONS, [band(0, 2, "Careful"), band(5, 3, "Risky")]),
            "The band “Risky” starts at 5 but ends at 3",
        )

    def test_a_question_without_answers_is_refused(self):
        questions = [*TWO_QUESTIONS, question("Lonely question?", "images", [])]
        self.assert_refused(
            quiz_form(questions, [band(0, 2, "Careful"), band(3, 5, "Risky")]),
            "Question 3 has no answers: add at least one.",
        )

    def test_a_quiz_without_questions_is_refused(self):
        response = self.post(quiz_form([], [band(0, 0, "Lonely")]))
        assert response.status_code == 200
        assert "Add at least one question." in response.content.decode()
        assert not QuizPage.objects.filter(slug="my-quiz").exists()

    def test_deleted_children_do_not_count(self):
        data = quiz_form(
            TWO_QUESTIONS, [band(0, 2, "Careful"), band(3, 5, "Risky"), band(3, 9, "Gone")]
        )
        data["bands-2-DELETE"] = "1"
        response = self.post(data)
        assert response.status_code == 302
        quiz = QuizPage.objects.get(slug="my-quiz")
        assert [b.title for b in quiz.ordered_bands()] == ["Careful", "Risky"]

    def test_messages_are_in_the_editors_language(self):
        choose_admin_language(self.user, "pt")
        response = self.post(quiz_form(TWO_QUESTIONS, [band(0, 3, "A"), band(3, 5, "B")]))
        assert "sobrepõem" in response.content.decode()

    def test_editing_keeps_answer_ids(self):
        quiz = make_quiz(self.home)
        before = [a.pk for _q, answers in quiz.structure() for a in answers]
        quiz.title = "Renamed"
        quiz.save_revision().publish()
        after = [
            a.pk for _q, answers in QuizPage.objects.get(pk=quiz.pk).structure() for a in answers
        ]
        assert before == after

    def test_preview_of_the_quiz_the_result_and_each_band(self):
        quiz = make_quiz(self.home)
        modes = dict(quiz.preview_modes)
        assert {"", "result", "band-0", "band-1", "band-2"} <= set(modes)
        self.assertPageIsPreviewable(quiz, mode="")
        self.assertPageIsPreviewable(quiz, mode="result")
        for position in range(3):
            self.assertPageIsPreviewable(quiz, mode=f"band-{position}")

    def test_preview_shows_unsaved_bands(self):
        url = reverse("wagtailadmin_pages:preview_on_add", args=("quiz", "quizpage", self.home.pk))
        data = quiz_form(TWO_QUESTIONS, [band(0, 2, "Careful"), band(3, 5, "Risky")])
        response = self.client.post(url, data)
        assert response.json()["is_valid"]
        html = self.client.get(url, {"mode": "band-1"}).content.decode()
        assert "<h1>Risky</h1>" in html, html[html.find("<main") :][:1500]
        html = self.client.get(url, {"mode": ""}).content.decode()
        assert "Would you add someone you never met?" in html

    def test_translation_copies_questions_answers_and_bands(self):
        quiz = make_quiz(self.home)
        english = Locale.objects.get(language_code="en")
        url = reverse("simple_translation:submit_page_translation", args=(quiz.pk,))
        response = self.client.post(url, {"locales": [english.pk]})
        assert response.status_code == 302
        copy = quiz.get_translation(english).specific
        original = [
            (q.text, q.category, [(a.text, a.points) for a in ans]) for q, ans in quiz.structure()
        ]
        copied = [
            (q.text, q.category, [(a.text, a.points) for a in ans]) for q, ans in copy.structure()
        ]
        assert copied == original
        assert [(b.min_score, b.title) for b in copy.ordered_bands()] == [
            (b.min_score, b.title) for b in quiz.ordered_bands()
        ]
        copied_ids = {a.pk for _q, ans in copy.structure() for a in ans}
        original_ids = {a.pk for _q, ans in quiz.structure() for a in ans}
        assert not copied_ids & original_ids  # the copy's tallies will point at its own answers
        assert Answer.objects.filter(question__page=copy).count() == len(copied_ids)
        assert Page.objects.filter(pk=copy.pk).exists()
