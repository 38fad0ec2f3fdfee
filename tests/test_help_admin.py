"""Editing the help: the whole "What happened?" path on one admin screen, refused when a
reader could be stuck, go round in a loop, miss an outcome, answer more than three
questions or end without help; and the directory's entries with their hours."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.help.models import HelpOrganisation, HelpPathPage
from tests.support.admin import choose_admin_language
from website.models import HomePage


def question(key, choices):
    return {
        "key": key,
        "text": f"Question {key}?",
        "hint": "",
        "choices": inline_formset(
            [{"label": f"To {target}", "leads_to": target} for target in choices], initial=0
        ),
    }


def outcome(key, category="other", steps=("Talk to someone you trust.",)):
    return {
        "key": key,
        "title": f"Outcome {key}",
        "what_to_do": streamfield([("step", step) for step in steps]),
        "keep_evidence": streamfield([]),
        "report_category": category,
        "where_to_report": streamfield([]),
    }


def path_form(questions, outcomes):
    return nested_form_data(
        {
            "title": "What happened?",
            "slug": "what-happened-test",
            "intro": "Answer a few questions.",
            "questions": inline_formset(questions, initial=0),
            "outcomes": inline_formset(outcomes, initial=0),
        }
    )


SOUND = (
    [question("start", ["danger", "other"]), question("danger", ["call", "other"])],
    [outcome("call", "grooming"), outcome("other")],
)


@pytest.mark.django_db
class TestPathAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        choose_admin_language(self.user, "en")
        self.home = HomePage.objects.get(locale__language_code="pt")
        # One path per home page: the demo's makes way for the one each test builds.
        for page in HelpPathPage.objects.all():
            page.delete()
        self.add_url = reverse(
            "wagtailadmin_pages:add", args=("help", "helppathpage", self.home.pk)
        )

    def post(self, questions, outcomes):
        data = {**path_form(questions, outcomes), "action-publish": "publish"}
        return self.client.post(self.add_url, data)

    def refused(self, questions, outcomes):
        response = self.post(questions, outcomes)
        assert response.status_code == 200
        assert not HelpPathPage.objects.filter(slug="what-happened-test").exists()
        return response.content.decode()

    def test_the_whole_path_is_saved_from_one_form(self):
        response = self.post(*SOUND)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = HelpPathPage.objects.get(slug="what-happened-test")
        assert page.live
        saved = [
            (item.key, [(choice.label, choice.leads_to) for choice in item.choices.all()])
            for item in page.questions.all()
        ]
        assert saved == [
            ("start", [("To danger", "danger"), ("To other", "other")]),
            ("danger", [("To call", "call"), ("To other", "other")]),
        ]
        outcomes = [
            (item.key, item.report_category, len(item.what_to_do)) for item in page.outcomes.all()
        ]
        assert outcomes == [("call", "grooming", 1), ("other", "other", 1)]

    def test_a_dead_end_is_refused(self):
        html = self.refused([question("start", ["nowhere", "other"])], [outcome("other")])
        assert "leads to “nowhere”, which is neither a question nor an outcome" in html

    def test_a_loop_is_refused(self):
        html = self.refused(
            [question("start", ["again", "other"]), question("again", ["start"])],
            [outcome("other")],
        )
        assert "The path goes round in a loop at the question “start”." in html

    def test_an_unreachable_outcome_is_refused(self):
        html = self.refused(
            [question("start", ["other"])], [outcome("other"), outcome("forgotten")]
        )
        assert "No choice leads to “forgotten”: a reader can never reach it." in html

    def test_a_path_deeper_than_three_questions_is_refused(self):
        html = self.refused(
            [
                question("one", ["two"]),
                question("two", ["three"]),
                question("three", ["four"]),
                question("four", ["end"]),
            ],
            [outcome("end")],
        )
        assert "A reader may have to answer 4 questions: the path allows three at most." in html

    def test_an_outcome_without_a_way_to_get_help_is_refused(self):
        html = self.refused([question("start", ["alone"])], [outcome("alone", category="")])
        assert "The outcome “alone” gives no way to get help" in html

    def test_more_than_five_steps_are_refused(self):
        html = self.refused(
            [question("start", ["end"])], [outcome("end", steps=[f"Step {n}." for n in range(6)])]
        )
        assert "The maximum number of items is 5" in html

    def test_messages_are_in_the_editors_language(self):
        choose_admin_language(self.user, "pt")
        html = self.refused(
            [question("start", ["again", "other"]), question("again", ["start"])],
            [outcome("other")],
        )
        assert "O percurso anda em círculo na pergunta “start”." in html

    def test_translating_copies_the_whole_path(self):
        self.post(*SOUND)
        page = HelpPathPage.objects.get(slug="what-happened-test")
        english = Locale.objects.get(language_code="en")
        copy = page.copy_for_translation(english)
        assert [item.key for item in copy.questions.all()] == ["start", "danger"]
        assert [item.key for item in copy.outcomes.all()] == ["call", "other"]
        assert [choice.leads_to for choice in copy.questions.first().choices.all()] == [
            "danger",
            "other",
        ]


@pytest.mark.django_db
class TestDirectoryAdmin(WagtailPageTestCase):
    def setUp(self):
        choose_admin_language(self.login(), "en")
        self.add_url = reverse("wagtailsnippets_help_helporganisation:add")

    def entry(self, opens, closes):
        data = nested_form_data(
            {
                "name": "Linha de teste",
                "summary": "Ouve quem liga.",
                "who_they_help": "Jovens",
                "kind": "helpline",
                "phone": "116 111",
                "free": "true",
                "anonymous": "unknown",
                "opening_hours": inline_formset(
                    [{"weekday": 0, "opens": opens, "closes": closes}], initial=0
                ),
                "exceptions": inline_formset([], initial=0),
                "action-publish": "publish",
            }
        )
        return {**data, "needs": ["talk", "bullying"]}

    def test_an_entry_is_saved_with_its_hours(self):
        response = self.client.post(self.add_url, self.entry("09:00", "17:00"))
        assert response.status_code == 302, response.content.decode()[:2000]
        saved = HelpOrganisation.objects.get(name="Linha de teste")
        assert saved.live and saved.needs == ["talk", "bullying"] and saved.free is True
        assert [
            (row.weekday, str(row.opens), str(row.closes)) for row in saved.opening_hours.all()
        ] == [(0, "09:00:00", "17:00:00")]

    def test_hours_that_close_before_they_open_are_refused(self):
        response = self.client.post(self.add_url, self.entry("17:00", "09:00"))
        assert response.status_code == 200
        assert "The closing time must be after the opening time" in response.content.decode()
        assert not HelpOrganisation.objects.filter(name="Linha de teste").exists()

    def test_the_report_lists_entries_to_check(self):
        response = self.client.get(reverse("help_directory_report"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "never checked" in html and "demo entry" in html
