"""Fragments rendered once per content generation (the `content_fragment` tag and
`website.caching.fragments.cached_for_page`): a publish shows on the next request, and a preview is
never kept nor served from them."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.alertline.models import AlertLinePage
from campaigns.booklets.models import BookletChapterPage
from tests.factories.pages import (
    add_alert,
    add_chapter,
    add_guidance_page,
    index_for,
    make_booklet,
)
from tests.support.pages import html_of

CHAPTER = "/en/test-booklet/chapter-0/"
BOOKLET = "/en/test-booklet/"


@pytest.fixture
def booklet(home_en):
    return make_booklet(home_en, "test-booklet", chapters=2)


def chapter_en():
    return BookletChapterPage.objects.get(url_path__endswith="/test-booklet/chapter-0/")


def set_body(page, text):
    page.body = [("text", RichText(f"<p>{text}</p>"))]


@pytest.mark.django_db
def test_a_published_chapter_body_shows_on_the_next_request(client, booklet):
    assert "A brand new paragraph" not in html_of(client.get(CHAPTER))
    chapter = chapter_en()
    set_body(chapter, "A brand new paragraph")
    chapter.save_revision()  # a draft: visitors do not see it yet
    assert "A brand new paragraph" not in html_of(client.get(CHAPTER))
    chapter.get_latest_revision().publish()
    assert "A brand new paragraph" in html_of(client.get(CHAPTER))


@pytest.mark.django_db
def test_a_published_chapter_shows_in_the_contents_and_the_chapter_nav(client, booklet):
    last = BookletChapterPage.objects.child_of(booklet).live().order_by("path").last().get_url()
    assert "A chapter added last" not in html_of(client.get(BOOKLET))
    assert "A chapter added last" not in html_of(client.get(last))
    add_chapter(booklet, "A chapter added last", "a-chapter-added-last")
    assert "A chapter added last" in html_of(client.get(BOOKLET))
    assert "A chapter added last" in html_of(client.get(last))  # its "next chapter"


@pytest.mark.django_db
def test_a_published_guidance_body_shows_on_the_next_request(client, home_pt):
    page = add_guidance_page(home_pt, "Guia com corpo", "guia-com-corpo")
    assert "Texto novo do guia" not in html_of(client.get("/pt/guia-com-corpo/"))
    set_body(page, "Texto novo do guia")
    page.save_revision().publish()
    assert "Texto novo do guia" in html_of(client.get("/pt/guia-com-corpo/"))


@pytest.mark.django_db
def test_a_published_alert_shows_in_the_index_and_its_filters_at_once(client):
    for url in ("/en/alerts/", "/en/alerts/?audience=parents", "/en/alerts/?topic=scams"):
        assert "Brand new scam" not in html_of(client.get(url))
    add_alert(index_for("en"), "Brand new scam", "brand-new-scam")
    for url in ("/en/alerts/", "/en/alerts/?audience=parents", "/en/alerts/?topic=scams"):
        assert "Brand new scam" in html_of(client.get(url)), url


@pytest.mark.django_db
def test_a_preview_neither_uses_nor_fills_the_fragments(client, admin_client, booklet):
    assert "Only in the preview" not in html_of(client.get(CHAPTER))
    chapter = chapter_en()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(chapter.pk,))
    data = nested_form_data(
        {
            "title": chapter.title,
            "slug": chapter.slug,
            "summary": "",
            "body": streamfield([("text", rich_text("<p>Only in the preview</p>"))]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]
    assert "Only in the preview" in html_of(admin_client.get(url))
    assert "Only in the preview" not in html_of(client.get(CHAPTER))


@pytest.mark.django_db
def test_a_published_alert_body_shows_on_the_next_request(client):
    alert = add_alert(index_for("en"), "Test alert", "test-alert")
    url = "/en/alerts/test-alert/"
    assert "A new thing is happening" not in html_of(client.get(url))
    alert.what_is_happening = "<p>A new thing is happening.</p>"
    alert.save_revision().publish()
    assert "A new thing is happening" in html_of(client.get(url))


@pytest.mark.django_db
def test_a_published_alert_line_text_shows_on_the_next_request(client):
    assert "Report new kinds of harm" not in html_of(client.get("/en/alert-line/"))
    page = AlertLinePage.objects.get(locale__language_code="en")
    page.what_can_be_reported = "<p>Report new kinds of harm.</p>"
    page.save_revision().publish()
    assert "Report new kinds of harm" in html_of(client.get("/en/alert-line/"))
