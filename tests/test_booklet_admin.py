"""Booklets in the admin: page types, where they may go, the editor's forms and the
block rules."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.booklets.models import BookletChapterPage, BookletPage
from tests.factories.pages import add_guidance_page, add_translation, make_booklet, make_image
from tests.support.pages import html_of
from website.blocks import HelpLinkBlock, IllustrationBlock
from website.models import GuidancePage, HomePage

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
        home_pt = HomePage.objects.get(locale__language_code="pt")
        self.booklet_pt = make_booklet(home_pt, "livreto-de-teste", chapters=1)
        self.booklet_en = add_translation(self.booklet_pt, "en", "Test booklet", "test-booklet")
        chapter = BookletChapterPage.objects.child_of(self.booklet_pt).get()
        add_translation(chapter, "en", "Chapter one", "chapter-one")
        self.target = add_guidance_page(home_pt, "Guia de ajuda", "guia-de-ajuda")

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
        target = self.target
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
        target = self.target
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
        assert 'href="/en/test-booklet/#contents"' in html

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


def test_help_link_gives_a_page_or_a_url_never_both_nor_neither(home_pt):
    block = HelpLinkBlock()
    page = add_guidance_page(home_pt, "Guia de ajuda", "guia-de-ajuda")
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
