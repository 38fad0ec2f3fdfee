"""The booklet as an EPUB 3: offered beside the PDF in the reader's language, made from every
published chapter, accepted by EPUBCheck with no error and no warning, and served like the
PDF (its own fingerprint, cache headers, and "being prepared" while there is none)."""

import io
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from campaigns.booklets.downloads import pdf as booklet_pdf
from campaigns.booklets.models import BookletChapterPage, GeneratedEPUB
from tests.factories.pages import add_chapter
from tests.support.demo import (
    DEMO_BOOKLET_EN,
    DEMO_BOOKLET_PT,
    DEMO_BOOKLET_SLUG_PT,
    DEMO_BOOKLET_TITLE_EN,
    DEMO_BOOKLET_TITLE_PT,
)
from tests.support.epub import NS, XML_LANG, Epub, epubcheck_findings, get_epub, text_of
from tests.support.pdf import stand_in_pdf
from website.models import SafetySettings

PT_EPUB = f"{DEMO_BOOKLET_PT}epub/"
EN_EPUB = f"{DEMO_BOOKLET_EN}epub/"


# The demo booklet's EPUBs as this test process first downloaded them: the tests that only
# read them share one download.
DOWNLOADED_EPUBS = {}


@pytest.fixture
def demo_epubs(db):
    """The demo booklet's EPUB in each language, made when the demo was loaded, downloaded
    as a reader does. (Asking for `db` puts the demo back first, whatever ran before.)"""
    if not DOWNLOADED_EPUBS:
        client = Client()
        for language, url in (("pt", PT_EPUB), ("en", EN_EPUB)):
            DOWNLOADED_EPUBS[language] = get_epub(client, url)[1]
    return DOWNLOADED_EPUBS


@pytest.fixture
def epubcheck_messages(demo_epubs, tmp_path):
    """EPUBCheck's findings for each language, from one run."""
    paths = {}
    for language, data in demo_epubs.items():
        paths[language] = tmp_path / f"booklet-{language}.epub"
        paths[language].write_bytes(data)
    findings = epubcheck_findings(list(paths.values()))
    return {language: findings[path] for language, path in paths.items()}


def test_epubcheck_finds_no_error_and_no_warning_in_either_language(epubcheck_messages):
    assert epubcheck_messages == {"pt": [], "en": []}


def block_texts(chapter):
    """The words of each text block of a chapter, as plain text."""
    for block in chapter.body:
        if block.block_type == "text":
            text = BeautifulSoup(str(block.value), "html.parser").get_text(" ")
            yield " ".join(text.split())


@pytest.mark.django_db
def test_every_published_chapter_is_in_the_epub_in_order_with_its_illustrations(
    booklets, demo_epubs
):
    for booklet, language in zip(booklets, ("pt", "en"), strict=True):
        epub = Epub(demo_epubs[language])
        chapters = booklet.live_chapters_with_bodies()
        spine = epub.spine()
        chapter_documents = [href for href in spine if href.startswith("chapter-")]
        assert len(chapter_documents) == len(chapters) >= 2
        assert spine.index("nav.xhtml") < spine.index(chapter_documents[0])
        for chapter, href in zip(chapters, chapter_documents, strict=True):
            document = epub.document(href)
            assert text_of(document.find(".//x:h2", NS)) == chapter.title
            document_text = text_of(document)
            for text in block_texts(chapter):
                assert text in document_text, (href, text)
            for block in chapter.body:
                if block.block_type == "illustration":
                    alt_texts = [img.get("alt") for img in document.iter(f"{{{NS['x']}}}img")]
                    assert block.value["alt_text"] in alt_texts
        images = [
            item for item in epub.manifest().values() if item["media-type"].startswith("image/")
        ]
        for item in images:
            assert epub.read(item["href"])[:3] == b"\xff\xd8\xff", "a JPEG copied into the EPUB"
        assert [item for item in images if item.get("properties") == "cover-image"]


def html_languages(epub):
    return {
        (root.get("lang"), root.get(XML_LANG))
        for root in (epub.document(href) for href in epub.spine())
    }


def test_the_portuguese_epub_is_in_portuguese_and_the_english_one_in_english(demo_epubs):
    portuguese, english = Epub(demo_epubs["pt"]), Epub(demo_epubs["en"])
    assert portuguese.metadata("dc:language") == ["pt"]
    assert portuguese.package.get(XML_LANG) == "pt"
    assert html_languages(portuguese) == {("pt", "pt")}, "lang and xml:lang on every document"
    assert portuguese.metadata("dc:title") == [DEMO_BOOKLET_TITLE_PT]
    assert "Capítulo 1" in text_of(portuguese.document("chapter-1.xhtml"))
    assert text_of(portuguese.document("nav.xhtml").find(".//x:h2", NS)) == "Índice"
    assert "Precisas de ajuda?" in text_of(portuguese.document("help.xhtml"))
    summary = portuguese.metadata("schema:accessibilitySummary")[0]
    assert "capítulo" in summary.lower() and "chapter" not in summary.lower()

    assert english.metadata("dc:language") == ["en"]
    assert html_languages(english) == {("en", "en")}
    assert "Chapter 1" in text_of(english.document("chapter-1.xhtml"))


@pytest.mark.django_db
def test_the_epub_has_a_navigation_document_accessibility_metadata_and_the_safety_numbers(
    demo_epubs, booklets, settings
):
    epub = Epub(demo_epubs["pt"])
    nav_item = next(item for item in epub.manifest().values() if item.get("properties") == "nav")
    toc = epub.document(nav_item["href"]).find(".//x:nav[@role='doc-toc']", NS)
    assert toc.get(f"{{{NS['epub']}}}type") == "toc"
    listed = [text_of(link) for link in toc.iter(f"{{{NS['x']}}}a")]
    assert [chapter.title for chapter in booklets[0].live_chapters()] == listed[1:-1]

    assert epub.metadata("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert epub.package.find(".//dc:conformsTo", NS) is None
    assert set(epub.metadata("schema:accessMode")) == {"textual", "visual"}
    assert epub.metadata("schema:accessModeSufficient") == ["textual"]
    assert {"alternativeText", "tableOfContents", "structuralNavigation"} <= set(
        epub.metadata("schema:accessibilityFeature")
    )
    assert epub.metadata("schema:accessibilityHazard") == ["none"]
    assert epub.metadata("rendition:layout") == ["reflowable"]

    safety = SafetySettings.objects.get()
    address = settings.SITE_URL + DEMO_BOOKLET_PT
    help_text = text_of(epub.document("help.xhtml"))
    assert f"Liga {safety.emergency_number}." in help_text
    assert f"Linha de alerta: {safety.alert_line_phone}." in help_text
    assert address in help_text
    assert address in text_of(epub.document("cover.xhtml"))
    assert epub.read(epub.spine()[0]).count(b"<link ") == 1, "the reading styles"


@pytest.mark.django_db
def test_the_booklet_page_offers_the_epub_beside_the_pdf_and_serves_it_with_its_fingerprint(
    client, booklets
):
    html = client.get(DEMO_BOOKLET_PT).content.decode()
    assert f'href="{PT_EPUB}" type="application/epub+zip" download' in html
    assert "Descarregar o livro digital (EPUB)" in html
    assert f'href="{DEMO_BOOKLET_PT}pdf/"' in html

    response, _data = get_epub(client, PT_EPUB)
    stored = GeneratedEPUB.objects.get(booklet=booklets[0])
    assert response["Content-Type"] == "application/epub+zip"
    assert f'filename="{DEMO_BOOKLET_SLUG_PT}-pt.epub"' in response["Content-Disposition"]
    assert response["ETag"] == f'"{stored.fingerprint}"'
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert client.get(PT_EPUB, headers={"If-None-Match": response["ETag"]}).status_code == 304


@pytest.mark.django_db
def test_without_an_epub_yet_the_page_and_the_download_say_it_is_being_prepared(client):
    GeneratedEPUB.objects.all().delete()
    response = client.get(EN_EPUB)
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "no-cache" in response["Cache-Control"]
    assert "The e-book (EPUB) of this booklet is being prepared." in response.content.decode()

    html = client.get(DEMO_BOOKLET_PT).content.decode()
    assert PT_EPUB not in html, "no link that would save the 503 page as a file"
    assert "O livro digital (EPUB) deste livro está a ser preparado." in html
    assert client.get(f"{DEMO_BOOKLET_PT}pdf/").status_code == 200, "the PDF is still there"


@pytest.mark.django_db
def test_a_chapter_published_later_is_in_the_next_epub(
    client, booklets, django_capture_on_commit_callbacks
):
    booklet, _english = booklets
    _response, before = get_epub(client, PT_EPUB)
    # WeasyPrint is replaced: publishing makes the PDF too, and this test is about the EPUB.
    with (
        mock.patch.object(booklet_pdf, "render_booklet_pdf", side_effect=stand_in_pdf),
        django_capture_on_commit_callbacks(execute=True),
    ):
        add_chapter(booklet, "Jogos online", "jogos-online")
    response, after = get_epub(client, PT_EPUB)

    assert "Jogos online" not in text_of(Epub(before).document("nav.xhtml"))
    epub = Epub(after)
    assert text_of(epub.document("nav.xhtml")).count("Jogos online") == 1
    last_chapter = [href for href in epub.spine() if href.startswith("chapter-")][-1]
    assert "Jogos online" in text_of(epub.document(last_chapter))
    assert response["ETag"] == f'"{GeneratedEPUB.objects.get(booklet=booklet).fingerprint}"'
    assert BookletChapterPage.objects.child_of(booklet).live().count() == len(
        [href for href in epub.spine() if href.startswith("chapter-")]
    )


@pytest.mark.django_db
def test_the_build_command_makes_the_missing_epubs_and_keeps_its_former_name():
    GeneratedEPUB.objects.all().delete()
    out = io.StringIO()
    call_command("build_booklet_downloads", stdout=out)
    assert f"Made the EPUB of {DEMO_BOOKLET_TITLE_PT} (pt)" in out.getvalue()
    assert f"Made the EPUB of {DEMO_BOOKLET_TITLE_EN} (en)" in out.getvalue()
    assert "2 made, 2 already up to date" in out.getvalue(), "the PDFs were there"

    out = io.StringIO()
    call_command("build_booklet_pdfs", stdout=out)
    assert "0 made, 4 already up to date" in out.getvalue()
