"""The booklet's PDF: tagged, in each language, made once per published version (never in
a download), and the designed PDF an editor uploads."""

import io
from unittest import mock

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader
from wagtail.documents import get_document_model

from campaigns.booklets.downloads import pdf as booklet_pdf
from campaigns.booklets.models import BookletChapterPage, GeneratedPDF
from tests.factories.pages import add_chapter, make_booklet, make_image
from tests.support.demo import (
    DEMO_BOOKLET_EN,
    DEMO_BOOKLET_PT,
    DEMO_BOOKLET_SLUG_EN,
    DEMO_BOOKLET_SLUG_PT,
    DEMO_BOOKLET_TITLE_PT,
    DEMO_CHAPTER_SLUGS_PT,
    DEMO_CHAPTERS_EN,
    DEMO_CHAPTERS_PT,
)
from tests.support.pages import html_of
from tests.support.pdf import (
    build_pdfs,
    figure_alt_texts,
    get_pdf,
    make_pdf,
    page_count,
    pdf_text,
)

# The demo booklet's downloads are named after its slug and language.
PT_DOWNLOAD = f'attachment; filename="{DEMO_BOOKLET_SLUG_PT}-pt.pdf"'
EN_DOWNLOAD = f'attachment; filename="{DEMO_BOOKLET_SLUG_EN}-en.pdf"'

# --- The PDF ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pdf_download_is_a_tagged_pdf_with_the_right_name_and_headers(client, booklets):
    response, data = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert data.startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == PT_DOWNLOAD
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    # Tagged, with a structure tree and its language (PDF/UA).
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert reader.trailer["/Root"]["/Lang"] == "pt"
    assert reader.metadata.title == DEMO_BOOKLET_TITLE_PT
    # The cover and every illustration, each a figure with its alternative text.
    booklet, _english = booklets
    expected = [booklet.cover_alt_text]
    for chapter in BookletChapterPage.objects.child_of(booklet).live().order_by("path"):
        expected += [b.value["alt_text"] for b in chapter.body if b.block_type == "illustration"]
    assert figure_alt_texts(data) == expected
    assert len(expected) == 7

    again = client.get(f"{DEMO_BOOKLET_PT}pdf/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_portuguese_and_english_pdfs_are_different_files_in_their_own_language(client):
    _response, portuguese = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    response, english = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    assert response["Content-Disposition"] == EN_DOWNLOAD
    assert portuguese != english
    text_pt, text_en = pdf_text(portuguese), pdf_text(english)
    for title in DEMO_CHAPTERS_PT + ["Índice", "Capítulo 6", "Precisas de ajuda?"]:
        assert title in text_pt
    for title in DEMO_CHAPTERS_EN + ["Contents", "Chapter 6", "Need help?"]:
        assert title in text_en
    assert DEMO_CHAPTERS_PT[3] not in text_en and DEMO_CHAPTERS_EN[3] not in text_pt
    assert PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.django_db
def test_pdf_prints_the_public_address_and_never_localhost(client, settings):
    settings.SITE_URL = "https://internetsegura.example"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    client.defaults["HTTP_HOST"] = "localhost"
    build_pdfs()  # a deploy that changes SITE_URL runs it
    _response, portuguese = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    _response, english = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    text_pt, text_en = (pdf_text(data).replace("\n", "") for data in (portuguese, english))
    assert f"https://internetsegura.example{DEMO_BOOKLET_PT}" in text_pt
    assert f"https://internetsegura.example{DEMO_BOOKLET_EN}" in text_en
    for text in (text_pt, text_en):
        assert "localhost" not in text and "testserver" not in text


@pytest.mark.django_db
def test_pdf_is_made_once_and_not_rebuilt_per_request(client, booklets, count_renders):
    make_pdf(booklets[0])
    make_pdf(booklets[0])
    _response, first = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert count_renders.call_count == 1
    _response, second = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    client.get(DEMO_BOOKLET_PT)
    assert count_renders.call_count == 1
    assert first == second
    assert GeneratedPDF.objects.filter(booklet=booklets[0]).count() == 1


@pytest.mark.django_db
def test_publishing_a_chapter_changes_the_next_download(
    client, booklets, count_renders, django_capture_on_commit_callbacks
):
    booklet, _english = booklets
    make_pdf(booklet)
    _response, before = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    chapter = BookletChapterPage.objects.child_of(booklet).get(slug=DEMO_CHAPTER_SLUGS_PT[1])

    chapter.title = "A tua vida privada"
    chapter.save_revision()  # a draft: readers do not see it yet, nor does the PDF
    _response, draft = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert draft == before and count_renders.call_count == 1

    old_file = GeneratedPDF.objects.get(booklet=booklet).file.name
    with django_capture_on_commit_callbacks(execute=True):
        chapter.get_latest_revision().publish()
    assert count_renders.call_count == 2
    with django_capture_on_commit_callbacks(execute=True):
        _response, after = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert count_renders.call_count == 2
    assert "A tua vida privada" in pdf_text(after)
    assert "A tua vida privada" not in pdf_text(before)
    # Only the newest PDF is kept, on disk too.
    newest = GeneratedPDF.objects.get(booklet=booklet)
    assert default_storage.exists(newest.file.name)
    assert not default_storage.exists(old_file)


@pytest.mark.django_db
def test_publishing_the_booklet_changes_the_next_download(
    client, booklets, count_renders, django_capture_on_commit_callbacks
):
    _booklet, english = booklets
    make_pdf(english)
    _response, before = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    english.title = "You, me and the Internet"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    _response, after = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    assert count_renders.call_count == 2
    assert PdfReader(io.BytesIO(after)).metadata.title == "You, me and the Internet"
    assert before != after


@pytest.mark.django_db
def test_pdf_page_count_grows_when_a_chapter_is_added(
    client, home_pt, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booklet = make_booklet(home_pt, "crescer", chapters=2)
    _response, before = get_pdf(client, "/pt/crescer/pdf/")
    with django_capture_on_commit_callbacks(execute=True):
        add_chapter(booklet, "Um capítulo novo", "novo", images=2)
    _response, after = get_pdf(client, "/pt/crescer/pdf/")
    assert page_count(after) > page_count(before)
    assert "Um capítulo novo" in pdf_text(after)


@pytest.mark.django_db
def test_pdf_is_made_when_a_chapter_is_published(
    client, booklets, count_renders, django_capture_on_commit_callbacks
):
    booklet, _english = booklets
    chapter = BookletChapterPage.objects.child_of(booklet).first()
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    assert count_renders.call_count == 1, "made after publishing, not by the first reader"
    get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert count_renders.call_count == 1


@pytest.mark.django_db
def test_designed_pdf_is_served_instead_for_its_language(client, booklets, count_renders):
    booklet, english = booklets
    designed = b"%PDF-1.7\n% designed by hand\n%%EOF\n"
    english.designed_pdf = get_document_model().objects.create(
        title="Designed booklet", file=ContentFile(designed, name="designed.pdf")
    )
    english.save_revision().publish()

    response, data = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    assert data == designed
    assert response["Content-Disposition"] == EN_DOWNLOAD
    assert count_renders.call_count == 0
    assert f", {len(designed)}\xa0bytes" in html_of(client.get(DEMO_BOOKLET_EN))

    make_pdf(booklet)
    _response, portuguese = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert portuguese != designed and count_renders.call_count == 1


@pytest.mark.django_db
def test_a_stored_pdf_whose_file_is_gone_is_skipped_and_made_again_by_the_command(
    client, booklets, count_renders, django_capture_on_commit_callbacks
):
    """Media not restored, another server, a deletion racing the download: never a 500,
    and never a PDF made inside the download."""
    booklet, english = booklets
    make_pdf(booklet)
    make_pdf(english)
    stale = GeneratedPDF.objects.get(booklet=booklet)
    default_storage.delete(stale.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"{DEMO_BOOKLET_PT}pdf/")
    assert response.status_code == 503
    assert count_renders.call_count == 2
    assert not GeneratedPDF.objects.filter(pk=stale.pk).exists(), "the record is dropped"

    assert "1 made, 3 already up to date" in build_pdfs(), "and both EPUBs"
    assert count_renders.call_count == 3
    response, again = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    assert again.startswith(b"%PDF-")
    assert response["Content-Disposition"] == PT_DOWNLOAD
    # One record, and its file is there (the stale record's clean-up left it alone).
    fresh = GeneratedPDF.objects.get(booklet=booklet)
    assert default_storage.exists(fresh.file.name)
    assert count_renders.call_count == 3


@pytest.mark.django_db
def test_a_designed_pdf_whose_file_is_gone_falls_back_to_the_generated_one(
    client, booklets, count_renders
):
    _booklet, english = booklets
    make_pdf(english)
    document = get_document_model().objects.create(
        title="Designed booklet", file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="gone.pdf")
    )
    english.designed_pdf = document
    english.save_revision().publish()
    default_storage.delete(document.file.name)

    response, data = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    assert data.startswith(b"%PDF-") and DEMO_CHAPTERS_EN[3] in pdf_text(data)
    assert response["Content-Disposition"] == EN_DOWNLOAD
    assert count_renders.call_count == 1
    assert client.get(DEMO_BOOKLET_EN).status_code == 200


@pytest.mark.django_db
def test_draft_booklets_have_no_pdf(client, home_en):
    booklet = make_booklet(home_en, "unpublished", chapters=1)
    booklet.unpublish()
    assert client.get("/en/unpublished/pdf/").status_code == 404


def test_pdf_renderer_reads_files_locally_and_never_the_network(db):
    fetcher = booklet_pdf.local_fetcher()
    image = make_image("Local")
    response = fetcher.fetch(f"http://localhost{image.file.url}")
    assert response.read().startswith(b"\x89PNG")
    css = fetcher.fetch("http://localhost/static/booklets/css/pdf.css")
    assert b"@page" in css.read()
    for url in ("https://example.org/tracker.png", "http://localhost/pt/", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    for escape in ("http://x/media/../../etc/passwd", "http://x/static/../../etc/passwd"):
        with pytest.raises(SuspiciousFileOperation):
            fetcher.fetch(escape)
    with mock.patch("urllib.request.OpenerDirector.open") as network, pytest.raises(ValueError):
        fetcher.fetch("https://fonts.example.com/font.woff2")
    network.assert_not_called()
