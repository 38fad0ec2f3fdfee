"""Booklets: page types, the admin, block rules, the web and print views, the PDF, and
query counts."""

import io
import itertools
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.booklets import pdf as booklet_pdf
from campaigns.booklets.models import BookletChapterPage, BookletPage, GeneratedPDF
from tests.conftest import html_of
from website.blocks import HelpLinkBlock, IllustrationBlock
from website.models import GuidancePage, HomePage

DEMO_CHAPTERS_PT = [
    "Para que serve a internet",
    "A tua privacidade",
    "Pessoas que conheces online",
    "Partilhar imagens",
    "Quando algo corre mal",
    "Como denunciar",
]
DEMO_CHAPTERS_EN = [
    "What the internet is good for",
    "Your privacy",
    "People you meet online",
    "Sharing images",
    "When something goes wrong",
    "How to report",
]


# --- Helpers ------------------------------------------------------------------------------


def make_image(title="Test picture", colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (160, 100), colour).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.replace(' ', '-')}.png")
    )


def chapter_body(images=1, text="Keep your password to yourself."):
    body = [("text", RichText(f"<p>{text}</p>"))]
    for number in range(images):
        body.append(
            (
                "illustration",
                {
                    "image": make_image(f"Picture {number}", (20 * number % 255, 90, 140)),
                    "alt_text": f"Picture number {number}",
                    "caption": "",
                },
            )
        )
    body.append(("steps", {"heading": "What to do", "steps": ["Stop.", "Tell someone."]}))
    return body


def add_chapter(booklet, title, slug, images=1, publish=True):
    chapter = BookletChapterPage(
        title=title, slug=slug, body=chapter_body(images, title), live=publish
    )
    booklet.add_child(instance=chapter)
    if publish:
        chapter.save_revision().publish()
    return chapter


def make_booklet(home, slug, chapters=2, images_per_chapter=1):
    booklet = BookletPage(
        title=f"Booklet {slug}",
        slug=slug,
        intro="A short guide.",
        audience="Young people",
        age_from=11,
        age_to=17,
        cover_image=make_image("Cover"),
        cover_alt_text="A drawn cover",
    )
    home.add_child(instance=booklet)
    booklet.save_revision().publish()
    for number in range(chapters):
        add_chapter(booklet, f"Chapter {slug} {number}", f"chapter-{number}", images_per_chapter)
    return BookletPage.objects.get(pk=booklet.pk)


def get_pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def figure_alt_texts(data):
    """The alternative texts of the figures in the PDF's structure tree."""
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid)

    walk(PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"])
    return found


def page_count(data):
    return len(PdfReader(io.BytesIO(data)).pages)


def make_pdf(booklet):
    """Make the booklet's PDF through the task that publishing queues (downloads never
    make one)."""
    booklet_pdf.build_booklet_pdf.enqueue(booklet.pk)


def build_pdfs():
    """What a deploy runs: `manage.py build_booklet_pdfs`; returns what it printed."""
    out = io.StringIO()
    call_command("build_booklet_pdfs", stdout=out)
    return out.getvalue()


@pytest.fixture
def booklets(db):
    booklet = BookletPage.objects.get(slug="tu-e-a-internet")
    return booklet, booklet.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def count_renders(db):
    """Spy on the PDF renderer: the number of times a PDF was actually made. The demo
    loader made the demo PDFs when the session began: forget them, so each test starts
    with none."""
    GeneratedPDF.objects.all().delete()
    with mock.patch.object(
        booklet_pdf, "render_booklet_pdf", wraps=booklet_pdf.render_booklet_pdf
    ) as spy:
        yield spy


# --- Page types and the admin -------------------------------------------------------------


def every_block_body(image, target):
    return streamfield(
        [
            ("text", rich_text("<p>Your password is yours.</p>")),
            (
                "illustration",
                {"image": image.pk, "alt_text": "A padlock on a phone", "caption": "Locked"},
            ),
            ("did_you_know", {"text": rich_text("<p>You can block quietly.</p>")}),
            (
                "steps",
                {
                    "heading": "What to do",
                    "steps": streamfield([("item", "Stop replying."), ("item", "Tell someone.")]),
                },
            ),
            (
                "help",
                {
                    "heading": "Where to get help",
                    "show_alert_line": "on",
                    "links": streamfield(
                        [
                            ("item", {"label": "For parents", "page": target.pk, "url": ""}),
                            (
                                "item",
                                {"label": "Elsewhere", "page": "", "url": "https://example.org/"},
                            ),
                        ]
                    ),
                },
            ),
            ("question", {"question": "Is it my fault?", "answer": rich_text("<p>No, never.</p>")}),
        ]
    )


@pytest.mark.django_db
class TestBookletPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.english = Locale.objects.get(language_code="en")
        self.booklet_pt = BookletPage.objects.get(slug="tu-e-a-internet")
        self.booklet_en = self.booklet_pt.get_translation(self.english).specific

    def test_where_booklets_and_chapters_can_be_created(self):
        self.assertCanCreateAt(HomePage, BookletPage)
        self.assertCanCreateAt(BookletPage, BookletChapterPage)
        self.assertCanNotCreateAt(HomePage, BookletChapterPage)
        self.assertCanNotCreateAt(GuidancePage, BookletPage)
        self.assertCanNotCreateAt(BookletChapterPage, BookletChapterPage)
        self.assertCanNotCreateAt(Page, BookletPage)
        self.assertAllowedSubpageTypes(BookletPage, {BookletChapterPage})
        self.assertAllowedSubpageTypes(BookletChapterPage, set())
        self.assertAllowedParentPageTypes(BookletChapterPage, {BookletPage})
        self.assertAllowedParentPageTypes(BookletPage, {HomePage})

    def test_create_a_chapter_with_every_block_through_the_admin_in_both_languages(self):
        image = make_image("Padlock")
        target = GuidancePage.objects.get(slug="para-pais")
        for booklet, slug in ((self.booklet_pt, "capitulo-novo"), (self.booklet_en, "new-one")):
            data = nested_form_data(
                {
                    "title": f"Chapter {slug}",
                    "slug": slug,
                    "summary": "One sentence.",
                    "body": every_block_body(image, target),
                }
            )
            self.assertCanCreate(booklet, BookletChapterPage, data)
            chapter = BookletChapterPage.objects.get(slug=slug)
            assert chapter.live and chapter.get_parent().pk == booklet.pk
            assert chapter.locale_id == booklet.locale_id
            blocks = [(child.block_type, child.value) for child in chapter.body]
            assert [name for name, _ in blocks] == [
                "text",
                "illustration",
                "did_you_know",
                "steps",
                "help",
                "question",
            ]
            assert "Your password is yours." in blocks[0][1].source
            illustration = blocks[1][1]
            assert illustration["image"].pk == image.pk
            assert (illustration["alt_text"], illustration["caption"]) == (
                "A padlock on a phone",
                "Locked",
            )
            assert "You can block quietly." in blocks[2][1]["text"].source
            assert list(blocks[3][1]["steps"]) == ["Stop replying.", "Tell someone."]
            help_block = blocks[4][1]
            assert help_block["show_alert_line"] is True
            assert help_block["links"][0]["page"].pk == target.pk
            assert help_block["links"][1]["url"] == "https://example.org/"
            assert blocks[5][1]["question"] == "Is it my fault?"
            assert "No, never." in blocks[5][1]["answer"].source

            with translation.override(chapter.locale.language_code):
                url = chapter.url
            html = html_of(self.client.get(url))
            assert 'alt="A padlock on a phone"' in html
            assert "<details" in html and "Is it my fault?" in html

    def add_url(self, parent, model):
        return reverse(
            "wagtailadmin_pages:add",
            args=(model._meta.app_label, model._meta.model_name, parent.pk),
        )

    def booklet_form(self, **overrides):
        fields = {
            "title": "Online games",
            "slug": "online-games",
            "intro": "Play safe.",
            "cover_image": make_image("Game cover").pk,
            "cover_alt_text": "A game controller",
            "audience": "Young people",
            "age_from": 11,
            "age_to": 17,
        }
        fields.update(overrides)
        return nested_form_data(fields)

    def test_create_a_booklet_through_the_admin(self):
        home = HomePage.objects.get(locale__language_code="en")
        self.assertCanCreate(home, BookletPage, self.booklet_form())
        booklet = BookletPage.objects.get(slug="online-games")
        assert (booklet.cover_alt_text, booklet.audience, booklet.age_from, booklet.age_to) == (
            "A game controller",
            "Young people",
            11,
            17,
        )
        assert booklet.cover_image.title == "Game cover"

    def test_the_admin_refuses_a_booklet_without_cover_alt_text_or_with_ages_reversed(self):
        home = HomePage.objects.get(locale__language_code="en")
        for overrides, field in (
            ({"cover_alt_text": ""}, "cover_alt_text"),
            ({"cover_image": ""}, "cover_image"),
            ({"age_from": 17, "age_to": 11}, "age_to"),
        ):
            data = self.booklet_form(**overrides)
            data["action-publish"] = "action-publish"
            response = self.client.post(self.add_url(home, BookletPage), data)
            assert response.status_code == 200, overrides
            assert field in response.context["form"].errors, overrides
            assert not BookletPage.objects.filter(slug="online-games").exists()

    def test_the_admin_refuses_a_help_link_with_both_a_page_and_a_url_or_neither(self):
        target = GuidancePage.objects.get(slug="para-pais")
        for link in (
            {"label": "Both", "page": target.pk, "url": "https://example.org/"},
            {"label": "Neither", "page": "", "url": ""},
        ):
            body = streamfield(
                [
                    (
                        "help",
                        {
                            "heading": "Help",
                            "show_alert_line": "on",
                            "links": streamfield([("item", link)]),
                        },
                    )
                ]
            )
            data = nested_form_data({"title": "Bad link", "slug": "bad-link", "body": body})
            data["action-publish"] = "action-publish"
            response = self.client.post(self.add_url(self.booklet_en, BookletChapterPage), data)
            assert response.status_code == 200
            assert "body" in response.context["form"].errors
            assert not BookletChapterPage.objects.filter(slug="bad-link").exists()

    def test_the_admin_refuses_an_illustration_without_alt_text(self):
        body = streamfield(
            [("illustration", {"image": make_image().pk, "alt_text": "", "caption": ""})]
        )
        data = nested_form_data({"title": "No alt", "slug": "no-alt", "body": body})
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(self.booklet_pt, BookletChapterPage), data)
        assert response.status_code == 200
        assert "body" in response.context["form"].errors
        assert not BookletChapterPage.objects.filter(slug="no-alt").exists()

    def test_booklets_and_chapters_render_and_preview_in_both_languages(self):
        for booklet in (self.booklet_pt, self.booklet_en):
            self.assertPageIsRenderable(booklet)
            self.assertPageIsRenderable(booklet, route_path="/print/")
            self.assertPageIsPreviewable(
                booklet,
                post_data=nested_form_data(
                    {
                        "title": booklet.title,
                        "slug": booklet.slug,
                        "intro": "Preview introduction.",
                        "cover_image": booklet.cover_image_id,
                        "cover_alt_text": booklet.cover_alt_text,
                        "audience": booklet.audience,
                        "age_from": 11,
                        "age_to": 17,
                    }
                ),
            )
            chapter = BookletChapterPage.objects.child_of(booklet).first()
            self.assertPageIsRenderable(chapter)
            self.assertPageIsPreviewable(
                chapter,
                post_data=nested_form_data(
                    {
                        "title": chapter.title,
                        "slug": chapter.slug,
                        "summary": "",
                        "body": streamfield([("text", rich_text("<p>Preview text.</p>"))]),
                    }
                ),
            )

    def test_new_pages_preview_before_their_first_save(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=("booklets", "bookletchapterpage", self.booklet_en.pk),
        )
        data = nested_form_data(
            {
                "title": "A new chapter",
                "slug": "a-new-chapter",
                "summary": "",
                "body": streamfield([("text", rich_text("<p>Draft words.</p>"))]),
            }
        )
        assert self.client.post(url, data).json()["is_valid"]
        html = html_of(self.client.get(url))
        assert "Draft words." in html and "A new chapter" in html
        assert 'href="/en/you-and-the-internet/#contents"' in html

        home = HomePage.objects.get(locale__language_code="en")
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=("booklets", "bookletpage", home.pk)
        )
        assert self.client.post(url, self.booklet_form()).json()["is_valid"]
        html = html_of(self.client.get(url))
        assert "Online games" in html
        assert "booklet__download" not in html, "no PDF before the booklet exists"

    def test_a_translation_does_not_inherit_the_designed_pdf(self):
        document = get_document_model().objects.create(
            title="Designed", file=ContentFile(b"%PDF-1.4 designed", name="designed.pdf")
        )
        home = HomePage.objects.get(locale__language_code="pt")
        booklet = make_booklet(home, "com-pdf", chapters=0)
        booklet.designed_pdf = document
        booklet.save_revision().publish()
        translation = booklet.copy_for_translation(self.english)
        assert translation.designed_pdf_id is None


# --- Block rules --------------------------------------------------------------------------


def test_help_link_gives_a_page_or_a_url_never_both_nor_neither(db):
    block = HelpLinkBlock()
    page = GuidancePage.objects.get(slug="para-pais")
    with pytest.raises(StructBlockValidationError) as both:
        block.clean(block.to_python({"label": "x", "page": page.pk, "url": "https://a.example/"}))
    assert set(both.value.block_errors) == {"page", "url"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "x", "page": None, "url": ""}))
    assert block.clean(block.to_python({"label": "x", "page": page.pk, "url": ""}))["page"]
    assert block.clean(block.to_python({"label": "x", "page": None, "url": "https://a.example/"}))


def test_illustration_needs_alt_text(db):
    block = IllustrationBlock()
    image = make_image()
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "A dog", "caption": ""}))
    assert value["alt_text"] == "A dog"


def test_illustrations_fetch_their_images_with_renditions_in_one_go(db, django_assert_num_queries):
    block = IllustrationBlock()
    images = [make_image(f"Bulk {n}") for n in range(4)]
    raw = [{"image": image.pk, "alt_text": "x", "caption": ""} for image in images]
    with django_assert_num_queries(2):  # the images, then all their renditions
        values = block.bulk_to_python(raw)
    assert [value["image"].pk for value in values] == [image.pk for image in images]
    with django_assert_num_queries(0):
        for value in values:
            assert value["image"].prefetched_renditions == []


# --- Reading on the web -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "titles", "words"),
    [
        (
            "/pt/tu-e-a-internet/",
            DEMO_CHAPTERS_PT,
            ["Índice", "Dos 11 aos 17 anos", "Descarregar o livro (PDF)", "Jovens, e os pais"],
        ),
        (
            "/en/you-and-the-internet/",
            DEMO_CHAPTERS_EN,
            ["Contents", "Ages 11 to 17", "Download the booklet (PDF)", "Young people, and"],
        ),
    ],
)
def test_booklet_page_shows_cover_introduction_readers_contents_and_download(
    client, url, titles, words
):
    html = html_of(client.get(url))
    booklet = BookletPage.objects.get(url_path__endswith=url.split("/")[2] + "/")
    assert re.search(
        rf'<img alt="{re.escape(booklet.cover_alt_text)}"[^>]+src="/media/images/', html
    )
    assert booklet.intro.split("\n")[0] in html
    for word in words:
        assert word in html
    contents = html[html.index('id="contents-heading"') :]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', contents)
    assert [title for _href, title in links][: len(titles)] == titles
    for href, _title in links:
        assert href.startswith(url) and client.get(href).status_code == 200
    assert f'href="{url}pdf/"' in html


@pytest.mark.django_db
def test_download_button_shows_the_file_size_once_the_pdf_is_made(client, booklets):
    booklet, _english = booklets
    response, data = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    html = html_of(client.get("/pt/tu-e-a-internet/"))
    size = re.search(r'class="booklet__download-size">, ([^<]+)</span>', html)
    assert size, "the size appears next to the button"
    kilobytes = len(data) / 1024
    assert size.group(1) == f"{kilobytes:.1f}\xa0KB".replace(".", ",")


@pytest.mark.django_db
def test_chapters_link_to_previous_next_and_the_contents(client):
    first = html_of(client.get("/en/you-and-the-internet/what-the-internet-is-good-for/"))
    assert 'rel="prev"' not in first
    assert (
        '<a href="/en/you-and-the-internet/your-privacy/" rel="next">'
        '<span class="chapter-nav__label">Next chapter</span> Your privacy</a>' in first
    )
    assert '<a href="/en/you-and-the-internet/#contents">Back to the contents</a>' in first
    assert "Chapter 1 of 6" in first

    middle = html_of(client.get("/pt/tu-e-a-internet/partilhar-imagens/"))
    assert 'href="/pt/tu-e-a-internet/pessoas-que-conheces-online/" rel="prev"' in middle
    assert 'href="/pt/tu-e-a-internet/quando-algo-corre-mal/" rel="next"' in middle
    assert "Capítulo 4 de 6" in middle and "Capítulo seguinte" in middle
    assert "material de abuso sexual de crianças" in middle

    last = html_of(client.get("/en/you-and-the-internet/how-to-report/"))
    assert 'rel="next"' not in last
    assert 'href="/en/you-and-the-internet/when-something-goes-wrong/" rel="prev"' in last


@pytest.mark.django_db
def test_drafts_stay_out_of_the_contents_and_the_chapter_links(client, booklets):
    booklet, _english = booklets
    draft = add_chapter(booklet, "Rascunho secreto", "rascunho", publish=False)
    assert not draft.live
    assert "Rascunho secreto" not in html_of(client.get("/pt/tu-e-a-internet/"))
    last = html_of(client.get("/pt/tu-e-a-internet/como-denunciar/"))
    assert 'rel="next"' not in last
    assert "Rascunho secreto" not in html_of(client.get("/pt/tu-e-a-internet/print/"))


@pytest.mark.django_db
def test_language_switch_leads_to_the_same_chapter(client):
    html = html_of(client.get("/pt/tu-e-a-internet/a-tua-privacidade/"))
    assert 'hreflang="en" href="http://testserver/en/you-and-the-internet/your-privacy/"' in html
    assert '<a href="/en/you-and-the-internet/your-privacy/" hreflang="en"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "other_language", "other_url"),
    [
        ("/pt/tu-e-a-internet/print/", "en", "/en/you-and-the-internet/print/"),
        ("/en/you-and-the-internet/print/", "pt", "/pt/tu-e-a-internet/print/"),
    ],
)
def test_print_view_alternates_and_language_switch_lead_to_the_other_print_view(
    client, url, other_language, other_url
):
    html = html_of(client.get(url))
    language = url[1:3]
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        language: f"http://testserver{url}",
        other_language: f"http://testserver{other_url}",
        "x-default": "http://testserver/",
    }
    assert f'<a href="{other_url}" hreflang="{other_language}"' in html
    # The contents page keeps its own alternates.
    contents = html_of(client.get(url.removesuffix("print/")))
    assert (
        f'hreflang="{other_language}" href="http://testserver{other_url.removesuffix("print/")}"'
        in contents
    )


@pytest.mark.django_db
def test_print_view_of_an_untranslated_booklet_has_only_its_own_alternate(client, home_en):
    make_booklet(home_en, "only-english", chapters=1)
    html = html_of(client.get("/en/only-english/print/"))
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        "en": "http://testserver/en/only-english/print/",
        "x-default": "http://testserver/",
    }
    assert '<a href="/pt/" hreflang="pt"' in html


@pytest.mark.django_db
def test_home_pages_lead_to_the_booklet_in_their_language(client):
    assert 'href="/pt/tu-e-a-internet/"' in html_of(client.get("/pt/"))
    assert 'href="/en/you-and-the-internet/"' in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_booklet_pages_load_their_stylesheet(client):
    for url in ("/pt/tu-e-a-internet/", "/en/you-and-the-internet/print/"):
        assert "booklets/css/booklet.css" in html_of(client.get(url))


# --- Print --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_print_page_holds_the_whole_booklet_with_answers_open(client):
    html = html_of(client.get("/en/you-and-the-internet/print/"))
    main = html[html.index("<main") :]
    positions = [main.index(f"</span> {title}</h2>") for title in DEMO_CHAPTERS_EN]
    assert positions == sorted(positions), "chapters in order"
    assert "<details" not in main, "answers print open"
    assert "What if I already sent a photo I regret?" in main
    assert "There are ways to ask for the image to be taken down." in main
    assert main.count('<img alt="') >= 7, "the cover and an illustration per chapter"
    # The contents point inside the page.
    assert re.search(r'<li><a href="#chapter-\d+">Your privacy</a></li>', main)


def heading_levels(html):
    """(level, text) of every heading in the page's main content, in order."""
    main = html[html.index("<main") :]
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", main, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/you-and-the-internet/print/", "/pt/tu-e-a-internet/print/"])
def test_print_page_headings_nest_under_the_chapter_titles(client, url):
    levels = heading_levels(html_of(client.get(url)))
    assert levels[0][0] == 1
    titles = [text for level, text in levels if level == 2]
    assert len(titles) == 1 + 6, titles  # the contents and one per chapter
    assert all(level in (3, 4) for level, _text in levels[2:] if level != 2)
    assert any(level == 3 for level, _text in levels), "steps, help and text headings"
    # A heading never skips a level on the way down.
    for (before, _b), (after, _a) in itertools.pairwise(levels):
        assert after <= before + 1, levels


@pytest.mark.django_db
def test_block_and_text_headings_keep_h2_on_a_chapter_page(client):
    levels = heading_levels(html_of(client.get("/en/you-and-the-internet/sharing-images/")))
    assert (2, "Intimate images") in levels
    levels = heading_levels(html_of(client.get("/en/you-and-the-internet/how-to-report/")))
    assert all(level in (1, 2) for level, _text in levels), levels
    assert [level for level, _text in levels].count(2) >= 2


def pdf_headings(data):
    """The heading tags (/H1, /H2, …) of the PDF's structure tree, in order."""
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if re.fullmatch(r"/H[1-6]", str(node.get("/S", ""))):
            found.append(int(str(node["/S"])[2:]))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid)

    walk(PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.django_db
def test_pdf_headings_nest_under_the_chapter_titles(client):
    _response, data = get_pdf(client, "/en/you-and-the-internet/pdf/")
    levels = pdf_headings(data)
    # About, contents, six chapters, "Need help?": everything else sits below them.
    assert levels.count(2) == 9, levels
    assert levels.count(3) >= 6, levels


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/you-and-the-internet/sharing-images/",
        "/en/you-and-the-internet/print/",
        "/pt/tu-e-a-internet/partilhar-imagens/",
    ],
)
def test_did_you_know_is_a_note_not_a_landmark(client, url):
    html = html_of(client.get(url))
    assert "<aside" not in html[html.index("<main") :]
    assert '<div class="did-you-know" role="note">' in html


def test_print_stylesheets_hide_navigation_and_write_links_out():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("booklets/css/booklet.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    for selector in (".site-header", ".site-footer", ".chapter-nav", ".booklet__download"):
        assert selector in print_rules.split("{")[1], selector
    site_print = Path(finders.find("website/css/print.css")).read_text(encoding="utf-8")
    assert 'content: " (" attr(href) ")"' in site_print


# --- The PDF ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pdf_download_is_a_tagged_pdf_with_the_right_name_and_headers(client, booklets):
    response, data = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    assert data.startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="tu-e-a-internet-pt.pdf"'
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    # Tagged, with a structure tree and its language (PDF/UA).
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert reader.trailer["/Root"]["/Lang"] == "pt"
    assert reader.metadata.title == "Tu e a Internet"
    # The cover and every illustration, each a figure with its alternative text.
    booklet, _english = booklets
    expected = [booklet.cover_alt_text]
    for chapter in BookletChapterPage.objects.child_of(booklet).live().order_by("path"):
        expected += [b.value["alt_text"] for b in chapter.body if b.block_type == "illustration"]
    assert figure_alt_texts(data) == expected
    assert len(expected) == 7

    again = client.get("/pt/tu-e-a-internet/pdf/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_portuguese_and_english_pdfs_are_different_files_in_their_own_language(client):
    _response, portuguese = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    response, english = get_pdf(client, "/en/you-and-the-internet/pdf/")
    assert response["Content-Disposition"] == 'attachment; filename="you-and-the-internet-en.pdf"'
    assert portuguese != english
    text_pt, text_en = pdf_text(portuguese), pdf_text(english)
    for title in DEMO_CHAPTERS_PT + ["Índice", "Capítulo 6", "Precisas de ajuda?"]:
        assert title in text_pt
    for title in DEMO_CHAPTERS_EN + ["Contents", "Chapter 6", "Need help?"]:
        assert title in text_en
    assert "Partilhar imagens" not in text_en and "Sharing images" not in text_pt
    assert PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.django_db
def test_pdf_prints_the_public_address_and_never_localhost(client, settings):
    settings.SITE_URL = "https://internetsegura.example"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    client.defaults["HTTP_HOST"] = "localhost"
    build_pdfs()  # a deploy that changes SITE_URL runs it
    _response, portuguese = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    _response, english = get_pdf(client, "/en/you-and-the-internet/pdf/")
    text_pt, text_en = (pdf_text(data).replace("\n", "") for data in (portuguese, english))
    assert "https://internetsegura.example/pt/tu-e-a-internet/" in text_pt
    assert "https://internetsegura.example/en/you-and-the-internet/" in text_en
    for text in (text_pt, text_en):
        assert "localhost" not in text and "testserver" not in text


@pytest.mark.django_db
def test_pdf_is_made_once_and_not_rebuilt_per_request(client, booklets, count_renders):
    make_pdf(booklets[0])
    make_pdf(booklets[0])
    _response, first = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    assert count_renders.call_count == 1
    _response, second = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    client.get("/pt/tu-e-a-internet/")
    assert count_renders.call_count == 1
    assert first == second
    assert GeneratedPDF.objects.filter(booklet=booklets[0]).count() == 1


@pytest.mark.django_db
def test_publishing_a_chapter_changes_the_next_download(
    client, booklets, count_renders, django_capture_on_commit_callbacks
):
    booklet, _english = booklets
    make_pdf(booklet)
    _response, before = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    chapter = BookletChapterPage.objects.child_of(booklet).get(slug="a-tua-privacidade")

    chapter.title = "A tua vida privada"
    chapter.save_revision()  # a draft: readers do not see it yet, nor does the PDF
    _response, draft = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    assert draft == before and count_renders.call_count == 1

    old_file = GeneratedPDF.objects.get(booklet=booklet).file.name
    with django_capture_on_commit_callbacks(execute=True):
        chapter.get_latest_revision().publish()
    assert count_renders.call_count == 2
    with django_capture_on_commit_callbacks(execute=True):
        _response, after = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
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
    _response, before = get_pdf(client, "/en/you-and-the-internet/pdf/")
    english.title = "You, me and the Internet"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    _response, after = get_pdf(client, "/en/you-and-the-internet/pdf/")
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
    get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    assert count_renders.call_count == 1


@pytest.mark.django_db
def test_designed_pdf_is_served_instead_for_its_language(client, booklets, count_renders):
    booklet, english = booklets
    designed = b"%PDF-1.7\n% designed by hand\n%%EOF\n"
    english.designed_pdf = get_document_model().objects.create(
        title="Designed booklet", file=ContentFile(designed, name="designed.pdf")
    )
    english.save_revision().publish()

    response, data = get_pdf(client, "/en/you-and-the-internet/pdf/")
    assert data == designed
    assert response["Content-Disposition"] == 'attachment; filename="you-and-the-internet-en.pdf"'
    assert count_renders.call_count == 0
    assert f", {len(designed)}\xa0bytes" in html_of(client.get("/en/you-and-the-internet/"))

    make_pdf(booklet)
    _response, portuguese = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
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
        response = client.get("/pt/tu-e-a-internet/pdf/")
    assert response.status_code == 503
    assert count_renders.call_count == 2
    assert not GeneratedPDF.objects.filter(pk=stale.pk).exists(), "the record is dropped"

    assert "1 made, 1 already up to date" in build_pdfs()
    assert count_renders.call_count == 3
    response, again = get_pdf(client, "/pt/tu-e-a-internet/pdf/")
    assert again.startswith(b"%PDF-")
    assert response["Content-Disposition"] == 'attachment; filename="tu-e-a-internet-pt.pdf"'
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

    response, data = get_pdf(client, "/en/you-and-the-internet/pdf/")
    assert data.startswith(b"%PDF-") and "Sharing images" in pdf_text(data)
    assert response["Content-Disposition"] == 'attachment; filename="you-and-the-internet-en.pdf"'
    assert count_renders.call_count == 1
    assert client.get("/en/you-and-the-internet/").status_code == 200


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


# --- Query counts -------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm up: renditions and site caches are made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_booklet_page_uses_the_same_queries_for_2_or_6_chapters(
    client,
    home_pt,
    django_assert_num_queries,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    # Published: their PDFs are made after the commit, and the button shows their size.
    with django_capture_on_commit_callbacks(execute=True):
        small = make_booklet(home_pt, "pequeno", chapters=2, images_per_chapter=1)
        large = make_booklet(home_pt, "grande", chapters=6, images_per_chapter=3)
    expected = count_queries(client, small.url)
    client.get(large.url)
    with django_assert_num_queries(expected):
        html = html_of(client.get(large.url))
    assert html.count('<li><a href="/pt/grande/chapter-') == 6
    assert 'class="booklet__download-size"' in html
    with django_assert_max_num_queries(12):
        client.get(small.url)

    expected = count_queries(client, small.url + "print/")
    client.get(large.url + "print/")
    with django_assert_num_queries(expected):
        html = html_of(client.get(large.url + "print/"))
    assert html.count('alt="Picture number') == 18


@pytest.mark.django_db
def test_chapter_page_uses_the_same_queries_whatever_its_images_and_siblings(
    client, home_pt, django_assert_num_queries, django_assert_max_num_queries
):
    small = make_booklet(home_pt, "pequeno", chapters=2, images_per_chapter=1)
    large = make_booklet(home_pt, "grande", chapters=6, images_per_chapter=4)
    small_chapter = small.url + "chapter-1/"
    large_chapter = large.url + "chapter-3/"
    expected = count_queries(client, small_chapter)
    client.get(large_chapter)
    with django_assert_num_queries(expected):
        html = html_of(client.get(large_chapter))
    assert html.count('alt="Picture number') == 4
    with django_assert_max_num_queries(12):
        client.get(small_chapter)


# --- Demo content -------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_booklet_is_complete_in_both_languages(booklets, home_pt, home_en):
    booklet, english = booklets
    for page, titles in ((booklet, DEMO_CHAPTERS_PT), (english, DEMO_CHAPTERS_EN)):
        chapters = BookletChapterPage.objects.child_of(page).live().order_by("path")
        assert [chapter.title for chapter in chapters] == titles
        assert page.cover_image and page.cover_alt_text
        for chapter in chapters:
            illustrations = [
                block.value for block in chapter.body if block.block_type == "illustration"
            ]
            assert illustrations, chapter.title
            assert all(value["image"] and value["alt_text"] for value in illustrations)
    assert english.locale.language_code == "en" and english.live
    assert booklet.pk in [s.section_page_id for s in home_pt.sections.all()]
    assert booklet.pk in [s.section_page_id for s in home_en.sections.all()]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "said", "never_said"),
    [
        (
            "partilhar-imagens",
            [
                "Quem pede estas imagens, as passa a outras pessoas ou ameaça partilhá-las "
                "comete um crime.",
                "Se enviaste uma imagem tua, a culpa não é tua.",
                "A linha de alerta ajuda-te a pedir que a imagem seja retirada.",
                "fala com um adulto de confiança",
            ],
            ["Partilhá-las é crime", "toda a escola"],
        ),
        (
            "sharing-images",
            [
                "People who ask for these images, pass them on or threaten to share them "
                "commit a crime.",
                "If you sent a picture of yourself, you are not to blame.",
                "The alert line can help you ask for the image to be taken down.",
                "talk to an adult you trust",
            ],
            ["Sharing them is a crime", "whole school"],
        ),
    ],
)
def test_demo_chapter_on_sharing_images_never_blames_the_young_person(slug, said, never_said):
    chapter = BookletChapterPage.objects.get(slug=slug)
    text = " ".join(
        str(block.value.source if hasattr(block.value, "source") else block.value)
        for block in chapter.body
    )
    text = re.sub(r"<[^>]+>", " ", text)
    for words in said:
        assert words in text, words
    for words in never_said:
        assert words not in text, words
    assert "pornogra" not in text.lower()
