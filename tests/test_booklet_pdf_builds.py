"""The booklet PDF is never made inside a reader's download.

A download serves what is stored: the current version, or the one before it while the
current one is made, or a "being prepared" page (503). Publishing, saving the safety
settings and `manage.py build_booklet_pdfs` make PDFs. Most tests here replace WeasyPrint
by a fast stand-in: they are about when a PDF is made, not what it holds.
"""

import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from campaigns.booklets.downloads import pdf as booklet_pdf
from campaigns.booklets.downloads import tasks as booklet_tasks
from campaigns.booklets.models import GeneratedPDF
from tests.factories.pages import make_booklet
from tests.support.demo import (
    DEMO_BOOKLET_EN,
    DEMO_BOOKLET_PT,
    DEMO_BOOKLET_TITLE_EN,
    DEMO_BOOKLET_TITLE_PT,
)
from tests.support.pages import html_of
from tests.support.pdf import get_pdf, pdf_text, stand_in_pdf

PT_PDF = f"{DEMO_BOOKLET_PT}pdf/"
EN_PDF = f"{DEMO_BOOKLET_EN}pdf/"


@pytest.fixture
def renders(db):
    """The renderer, replaced by the stand-in and counted; no stored PDF to start with
    (the demo loader made the demo's PDFs when the test process built the demo)."""
    GeneratedPDF.objects.all().delete()
    with mock.patch.object(booklet_pdf, "render_booklet_pdf", side_effect=stand_in_pdf) as spy:
        yield spy


def make_pdf(booklet):
    """Through the task that publishing queues."""
    booklet_tasks.build_booklet_pdf.enqueue(booklet.pk)


def build_pdfs():
    out = io.StringIO()
    call_command("build_booklet_pdfs", stdout=out)
    return out.getvalue()


# --- Downloads ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_download_serves_the_current_pdf_and_makes_none(client, booklets, renders):
    booklet, _english = booklets
    make_pdf(booklet)
    assert renders.call_count == 1
    stored = GeneratedPDF.objects.get(booklet=booklet)

    response, data = get_pdf(client, PT_PDF)
    assert data.startswith(f"%PDF-1.7\n% {DEMO_BOOKLET_TITLE_PT}".encode())
    assert response["ETag"] == f'"{stored.fingerprint}"'
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert renders.call_count == 1


@pytest.mark.django_db
def test_while_the_current_pdf_is_made_the_one_before_is_served_for_a_minute(
    client, booklets, renders, settings
):
    _booklet, english = booklets
    make_pdf(english)
    older = GeneratedPDF.objects.get(booklet=english)
    # A deploy changed the address printed on the cover and has not made the PDFs yet.
    settings.SITE_URL = "https://internetsegura.example"

    response, data = get_pdf(client, EN_PDF)
    assert data.startswith(f"%PDF-1.7\n% {DEMO_BOOKLET_TITLE_EN}".encode())
    assert response["ETag"] == f'"{older.fingerprint}"', "its own version, not the current"
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert client.get(EN_PDF, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    # The button shows the size of the file a download gets.
    html = html_of(client.get(DEMO_BOOKLET_EN))
    assert f", {older.file_size}\xa0bytes</span>" in html
    assert renders.call_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "booklet_url", "language", "title", "explanation"),
    [
        (
            PT_PDF,
            DEMO_BOOKLET_PT,
            "pt",
            "O PDF está a ser preparado",
            "O PDF deste livro está a ser preparado. Tenta outra vez daqui a uns minutos.",
        ),
        (
            EN_PDF,
            DEMO_BOOKLET_EN,
            "en",
            "The PDF is being prepared",
            "The PDF of this booklet is being prepared. Please try again in a few minutes.",
        ),
    ],
)
def test_without_any_pdf_a_download_says_it_is_being_prepared(
    client, booklets, renders, url, booklet_url, language, title, explanation
):
    response = client.get(url)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    html = html_of(response)
    assert f'<html lang="{language}"' in html
    assert f"<h1>{title}</h1>" in html and explanation in html
    assert f'href="{booklet_url}print/"' in html and f'href="{booklet_url}"' in html
    assert client.get(booklet_url + "print/").status_code == 200
    # The booklet page says so too, instead of a "download" link that would save this page.
    page = html_of(client.get(booklet_url))
    assert explanation in page and f'href="{url}"' not in page
    assert renders.call_count == 0


@pytest.mark.django_db
def test_a_stored_pdf_whose_file_is_gone_is_skipped_for_the_one_before(
    client, booklets, renders, settings, django_capture_on_commit_callbacks
):
    booklet, _english = booklets
    make_pdf(booklet)
    older = GeneratedPDF.objects.get(booklet=booklet)
    settings.SITE_URL = "https://internetsegura.example"
    make_pdf(booklet)
    current = GeneratedPDF.objects.get(booklet=booklet)
    # Both versions stored (media restored from before the last build), the current
    # one's file gone.
    older.save(force_insert=True)
    assert default_storage.exists(older.file.name)
    default_storage.delete(current.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        response, data = get_pdf(client, PT_PDF)
    assert data == older.file.open("rb").read()
    assert response["ETag"] == f'"{older.fingerprint}"'
    assert "max-age=60" in response["Cache-Control"]
    assert not GeneratedPDF.objects.filter(pk=current.pk).exists(), "dropped, not made again"
    assert renders.call_count == 2

    default_storage.delete(older.file.name)
    assert client.get(PT_PDF).status_code == 503
    assert not GeneratedPDF.objects.filter(booklet=booklet).exists()
    assert renders.call_count == 2


@pytest.mark.django_db
def test_the_being_prepared_page_uses_few_queries_whatever_the_booklet(
    client, home_pt, renders, django_assert_num_queries
):
    small = make_booklet(home_pt, "pequeno", chapters=2, images_per_chapter=1)
    large = make_booklet(home_pt, "grande", chapters=6, images_per_chapter=3)

    def queries(url):
        client.get(url)  # warm up: the site, its settings and the menu are cached once
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 503
        return len(captured)

    expected = queries(small.url + "pdf/")
    client.get(large.url + "pdf/")
    with django_assert_num_queries(expected):
        client.get(large.url + "pdf/")
    assert expected <= 12
    assert renders.call_count == 0


@pytest.mark.django_db
def test_with_a_task_queue_a_download_without_the_current_pdf_queues_one(
    client, booklets, renders, settings
):
    booklet, _english = booklets
    cache.clear()
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    assert client.get(PT_PDF).status_code == 503
    assert client.get(PT_PDF).status_code == 503
    queued = booklet_tasks.build_booklet_pdf.get_backend().results
    assert [result.args for result in queued] == [[booklet.pk]], "once, not per download"
    assert renders.call_count == 0


# --- What makes them ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_makes_every_missing_pdf_once(client, booklets, renders, settings):
    out = build_pdfs()
    assert f"Made the PDF of {DEMO_BOOKLET_TITLE_PT} (pt)" in out
    assert f"Made the PDF of {DEMO_BOOKLET_TITLE_EN} (en)" in out
    assert "2 made, 2 already up to date" in out, "the EPUBs were there"
    assert renders.call_count == 2
    for url in (PT_PDF, EN_PDF):
        response, _data = get_pdf(client, url)
        assert "max-age=300" in response["Cache-Control"]

    assert "0 made, 4 already up to date" in build_pdfs()
    assert renders.call_count == 2

    settings.SITE_URL = "https://internetsegura.example"  # printed on the cover
    assert "4 made, 0 already up to date" in build_pdfs(), "the EPUBs print it too"
    assert renders.call_count == 4
    assert GeneratedPDF.objects.count() == 2, "the versions before are removed"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_alert_line_number_makes_new_pdfs_that_the_next_download_serves(
    client, committed_demo
):
    # The demo site committed, with its PDFs; change the number as an administrator.
    client.force_login(get_user_model().objects.get(username="admin"))
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=["website", "safetysettings", site.pk])

    with mock.patch.object(
        booklet_pdf, "render_booklet_pdf", wraps=booklet_pdf.render_booklet_pdf
    ) as spy:
        response = client.post(
            settings_url,
            {
                "alert_line_phone": "+351 210 000 999",
                "emergency_number": "112",
                "quick_exit_url": "https://www.ipma.pt/",
            },
        )
        assert response.status_code == 302
        assert spy.call_count == 2, "both languages, once the save committed"
        response, data = get_pdf(client, PT_PDF)
        assert "+351 210 000 999" in pdf_text(data)
        assert "max-age=300" in response["Cache-Control"], "the current version"
        assert spy.call_count == 2


# --- A chapter that leaves without being unpublished ----------------------------------------


def chapter_of(booklet):
    from campaigns.booklets.models import BookletChapterPage

    return BookletChapterPage.objects.child_of(booklet).live().order_by("path").first()


@pytest.mark.django_db
def test_a_chapter_made_private_leaves_the_next_pdf(
    client, booklets, renders, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    booklet, _english = booklets
    make_pdf(booklet)
    chapter = chapter_of(booklet)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=chapter, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-cap"
        )
    assert renders.call_count == 2
    made_from = [page.pk for page in renders.call_args.args[1]]
    assert chapter.pk not in made_from and made_from, "the new PDF leaves the private chapter out"
    response, _data = get_pdf(client, PT_PDF)
    assert "max-age=300" in response["Cache-Control"], "the download serves the new, current PDF"


@pytest.mark.django_db
def test_a_deleted_chapter_leaves_the_next_pdf(
    client, booklets, renders, django_capture_on_commit_callbacks
):
    """Wagtail unpublishes a live page before deleting it: that queues the new PDF."""
    booklet, _english = booklets
    make_pdf(booklet)
    chapter = chapter_of(booklet)
    with django_capture_on_commit_callbacks(execute=True):
        chapter.delete()
    assert renders.call_count == 2
    assert chapter.pk not in [page.pk for page in renders.call_args.args[1]]


@pytest.mark.django_db
def test_a_chapter_moved_to_another_booklet_changes_both_pdfs(
    booklets, renders, django_capture_on_commit_callbacks
):
    portuguese, english = booklets
    make_pdf(portuguese)
    make_pdf(english)
    chapter = chapter_of(portuguese)
    with django_capture_on_commit_callbacks(execute=True):
        chapter.move(english, pos="last-child")
    assert renders.call_count == 4
    made = {
        call.args[0].pk: [page.pk for page in call.args[1]] for call in renders.call_args_list[2:]
    }
    assert chapter.pk in made[english.pk] and chapter.pk not in made[portuguese.pk]
