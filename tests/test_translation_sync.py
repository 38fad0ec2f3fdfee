"""Translations in sync: flow 9. An editor changes a Portuguese page; its English translation
shows as out of date in the report, on the dashboard and in its editor, with the comparison of
what changed; the editor marks it reviewed."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories.pages import add_guidance_page
from tests.support.admin import signed_in_as
from tests.support.pages import html_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations/"


def translate_in_admin(client, page):
    """Wagtail's simple translation "Translate" action, as an editor uses it."""
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    return page.get_translation(english).specific


def publish_in_admin(client, page, title, text):
    """The moderator edits a guidance page and publishes it through Wagtail's edit view."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("text", rich_text(text))]),
            "action-publish": "Publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, html_of(response)[:3000]
    page.refresh_from_db()
    assert page.title == title and page.live


def new_translated_page(client, home_pt, slug="novidades"):
    source = add_guidance_page(
        home_pt, "Novidades", slug, body=[("text", rich_text_value("<p>Antes.</p>"))]
    )
    source.refresh_from_db()
    signed_in_as(client, "editor", "pt-pt")
    return source, translate_in_admin(client, source)


def rich_text_value(html):
    from wagtail.rich_text import RichText

    return RichText(html)


CSV_COLUMNS = [
    "Page",
    "Page ID",
    "Language",
    "Translation",
    "Translation ID",
    "State",
    "Published changes since the review",
    "Source changed at",
]


def report_csv(client, **filters):
    response = client.get(REPORT, {**filters, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def report_rows(client, **filters):
    """The report as CSV: one dict per row, keyed by the English headings whatever the
    admin's language (the headings themselves are checked in each language below)."""
    headings, *rows = report_csv(client, **filters)
    assert len(headings) == len(CSV_COLUMNS)
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows]


def row_for(client, page, **filters):
    rows = [row for row in report_rows(client, **filters) if row["Page ID"] == str(page.pk)]
    assert len(rows) == 1, rows
    return rows[0]


def english_row(client, page):
    return row_for(client, page, locale="en")


def change_source(client, source, title="Novidades de hoje", text="<p>Depois.</p>"):
    signed_in_as(client, "moderator", "pt-pt")
    publish_in_admin(client, source, title, text)
    signed_in_as(client, "editor", "pt-pt")


# --- The whole flow, through Wagtail's own views -----------------------------------------


def test_a_translation_made_in_the_admin_starts_up_to_date(client, home_pt):
    source, translation = new_translated_page(client, home_pt)
    signed_in_as(client, "editor", "en")
    row = english_row(client, source)
    assert row["State"] == "Up to date"
    assert row["Translation ID"] == str(translation.pk)
    html = html_of(client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])))
    assert "This translation is out of date" not in html


def test_a_changed_source_shows_everywhere_as_out_of_date(client, home_pt):
    source, translation = new_translated_page(client, home_pt)
    reviewed_revision = Page.objects.get(pk=source.pk).live_revision_id
    change_source(client, source)
    signed_in_as(client, "editor", "en")

    row = english_row(client, source)
    assert row["State"] == "Out of date"
    assert row["Published changes since the review"] == "1"
    assert row["Source changed at"]

    # The report's row links to the comparison of the source and to the translation's editor.
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[source.pk, reviewed_revision, "live"]
    )
    html = html_of(client.get(REPORT, {"locale": "en", "state": "out_of_date"}))
    assert compare in html
    assert reverse("wagtailadmin_pages:edit", args=[translation.pk]) in html
    comparison = client.get(compare)
    assert comparison.status_code == 200
    assert "Depois" in html_of(comparison) and "Antes" in html_of(comparison)

    # The dashboard counts it.
    dashboard = html_of(client.get(reverse("wagtailadmin_home")))
    assert 'data-translations-out-of-date="en">' in dashboard
    count = dashboard.split('data-translations-out-of-date="en">')[1].split("<")[0]
    assert int(count) >= 1

    # Its editor says so, with the comparison link and the "Mark as reviewed" action.
    editor = html_of(client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])))
    assert "This translation is out of date" in editor
    assert "Novidades de hoje" in editor
    assert compare in editor
    assert reverse("translation_sync_mark_reviewed", args=[translation.pk]) in editor


def test_the_dashboard_count_follows_the_source(client, home_pt):
    signed_in_as(client, "editor", "en")

    def out_of_date_count():
        dashboard = html_of(client.get(reverse("wagtailadmin_home")))
        return int(dashboard.split('data-translations-out-of-date="en">')[1].split("<")[0])

    before = out_of_date_count()
    source, _translation = new_translated_page(client, home_pt)
    signed_in_as(client, "editor", "en")
    assert out_of_date_count() == before
    change_source(client, source)
    signed_in_as(client, "editor", "en")
    assert out_of_date_count() == before + 1


def test_a_re_publish_without_change_keeps_the_translation_up_to_date(client, home_pt):
    source, _translation = new_translated_page(client, home_pt)
    change_source(client, source, title=source.title, text="<p>Antes.</p>")
    signed_in_as(client, "editor", "en")
    assert english_row(client, source)["State"] == "Up to date"


def test_a_scheduled_go_live_without_change_keeps_the_translation_up_to_date(client, home_pt):
    source, _translation = new_translated_page(client, home_pt)
    # Scheduled for a minute ago: publish_scheduled publishes it now, as the cron job would.
    source.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = source.save_revision(approved_go_live_at=source.go_live_at)
    call_command("publish_scheduled", stdout=io.StringIO())
    source.refresh_from_db()
    assert source.live_revision_id == revision.pk
    signed_in_as(client, "editor", "en")
    assert english_row(client, source)["State"] == "Up to date"


def test_marking_reviewed_brings_it_up_to_date_and_is_logged(client, home_pt):
    source, translation = new_translated_page(client, home_pt)
    change_source(client, source)
    change_source(client, source, title="Novidades de amanhã", text="<p>Mais.</p>")
    signed_in_as(client, "editor", "en")
    assert english_row(client, source)["Published changes since the review"] == "2"

    editor = get_user_model().objects.get(username="editor")
    response = client.post(reverse("translation_sync_mark_reviewed", args=[translation.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert english_row(client, source)["State"] == "Up to date"
    html = html_of(client.get(response["Location"]))
    assert "marked as reviewed" in html and "This translation is out of date" not in html
    entry = PageLogEntry.objects.filter(page=translation, action="translation_sync.reviewed").get()
    assert entry.user == editor
    assert entry.data["source_revision_id"] == Page.objects.get(pk=source.pk).live_revision_id
    history = html_of(client.get(reverse("wagtailadmin_pages:history", args=[translation.pk])))
    assert "Translation marked as reviewed against its source" in history


def test_marking_reviewed_needs_a_post_and_edit_permission(client, home_pt):
    _source, translation = new_translated_page(client, home_pt)
    url = reverse("translation_sync_mark_reviewed", args=[translation.pk])
    assert client.get(url).status_code == 405
    signed_in_as(client, "handler", "pt-pt")
    assert client.post(url).status_code in (302, 403)
    assert not PageLogEntry.objects.filter(action="translation_sync.reviewed").exists()


def test_a_missing_translation_is_listed_with_the_translate_action(client, home_pt):
    source = add_guidance_page(home_pt, "Só em português", "so-em-portugues")
    signed_in_as(client, "editor", "en")
    assert english_row(client, source)["State"] == "Missing"
    assert report_csv(client)[0] == CSV_COLUMNS
    xlsx = client.get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200 and b"".join(xlsx.streaming_content).startswith(b"PK")
    html = html_of(client.get(REPORT, {"state": "missing"}))
    assert reverse("simple_translation:submit_page_translation", args=[source.pk]) in html


# --- Filters, export and the query budget ----------------------------------------------


def test_the_report_filters_by_section_and_state(client, home_pt):
    section, _ = new_translated_page(client, home_pt, slug="seccao")
    inside, _ = new_translated_page(client, section, slug="dentro")
    outside, _ = new_translated_page(client, home_pt, slug="fora")
    change_source(client, inside)
    signed_in_as(client, "editor", "en")
    ids = {row["Page ID"] for row in report_rows(client, section=section.pk)}
    assert ids == {str(section.pk), str(inside.pk)}
    out_of_date = {row["Page ID"] for row in report_rows(client, state="out_of_date")}
    assert str(inside.pk) in out_of_date and str(outside.pk) not in out_of_date
    html = html_of(client.get(REPORT, {"section": "nothing"}))
    assert "Select a valid choice" in html or "Escolha uma opção válida" in html


def count_queries(client, url, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
        if query.get("export"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


def test_the_report_answers_within_12_queries_whatever_the_number_of_pages(
    client, home_pt, django_assert_max_num_queries
):
    english = Locale.objects.get(language_code="en")
    signed_in_as(client, "editor", "en")
    queries = [{}, {"locale": "en", "state": "out_of_date"}, {"export": "csv"}]
    before = [count_queries(client, REPORT, query) for query in queries]
    for number in range(30):
        page = add_guidance_page(home_pt, f"Página {number}", f"pagina-{number}")
        if number % 2:
            translation = page.copy_for_translation(english)
            translation.save_revision().publish()
        if number % 3 == 0:
            page.title = f"Página {number}, revista"
            page.save_revision().publish()
    # The whole screen costs what the admin's own frame costs, plus 4: it never grows.
    assert [count_queries(client, REPORT, query) for query in queries] == before
    # The results (what the filters fetch, and the report's own work) within 12.
    results = reverse("translation_sync_report_results")
    for query in [*queries[:2], {"section": home_pt.pk}]:
        with django_assert_max_num_queries(12):
            assert client.get(results, query).status_code == 200


# --- Every page type, and the admin's two languages -------------------------------------


def demo_pair(model):
    english = Locale.objects.get(language_code="en")
    for page in model.objects.filter(locale__language_code="pt").order_by("path"):
        translation = page.get_translation_or_none(english)
        if translation is not None:
            return page, translation
    pytest.fail(f"the demo has no translated {model.__name__}")


PAGE_MODELS = [model for model in get_page_models() if model is not Page and model.is_creatable]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model._meta.label)
def test_every_page_type_from_the_demo_starts_up_to_date_and_follows_its_source(client, model):
    source, _translation = demo_pair(model)
    signed_in_as(client, "editor", "en")
    assert english_row(client, source)["State"] == "Up to date"
    # A re-publish of the same content (the quiz's questions get new ids) changes nothing.
    source.specific.get_latest_revision_as_object().save_revision().publish()
    assert english_row(client, source)["State"] == "Up to date"
    changed = source.specific.get_latest_revision_as_object()
    changed.title += " (revisto)"
    changed.save_revision().publish()
    assert english_row(client, source)["State"] == "Out of date"


def test_a_quiz_answer_tip_changed_makes_the_quiz_translation_out_of_date(client):
    quiz_model = next(model for model in PAGE_MODELS if model._meta.label == "quiz.QuizPage")
    source, _translation = demo_pair(quiz_model)
    signed_in_as(client, "editor", "en")
    quiz = source.specific.get_latest_revision_as_object()
    questions = list(quiz.questions.all())
    answers = list(questions[0].answers.all())
    answers[0].tip += " Fala com alguém de confiança."
    questions[0].answers = answers
    quiz.questions = questions
    quiz.save_revision().publish()
    assert english_row(client, source)["State"] == "Out of date"


def test_a_portuguese_editor_reads_the_report_and_the_notice_in_portuguese(client, home_pt):
    source, translation = new_translated_page(client, home_pt)
    change_source(client, source)
    signed_in_as(client, "editor", "pt-pt")
    headings = report_csv(client)[0]
    assert headings[:3] == ["Página", "ID da página", "Língua"]
    assert english_row(client, source)["State"] == "Desatualizada"
    report = html_of(client.get(REPORT))
    assert "Traduções" in report
    editor = html_of(client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])))
    assert "Esta tradução está desatualizada" in editor
    assert "Marcar como revista" in editor
    assert "Ver o que mudou" in editor


def test_translations_that_existed_before_the_feature_start_up_to_date(client, translated_page):
    """The data migration records each live page's publication and takes each existing
    translation as reviewed against its source as it is now."""
    from importlib import import_module

    from django.apps import apps

    from website.translation_sync.models import Publication, TranslationReview

    migration = import_module(
        "website.translation_sync.migrations.0002_existing_translations_in_step"
    )
    Publication.objects.all().delete()
    TranslationReview.objects.all().delete()
    signed_in_as(client, "editor", "en")
    states = {row["State"] for row in report_rows(client) if row["State"] != "Missing"}
    assert states == {"Up to date"}  # nothing published since the feature: nothing to compare
    migration.record_current_state(apps, None)
    assert TranslationReview.objects.exists()
    guidance, _english = translated_page
    assert english_row(client, guidance)["State"] == "Up to date"
    changed = guidance.get_latest_revision_as_object()
    changed.title += " (revisto)"
    changed.save_revision().publish()
    assert english_row(client, guidance)["State"] == "Out of date"
