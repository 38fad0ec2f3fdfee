"""Publishing purges the front-end cache (proxy or CDN) at both languages' real addresses."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from campaigns.alerts.models import AlertPage
from campaigns.booklets.models import BookletChapterPage

PURGED = []


class RecordingBackend(BaseBackend):
    """A purge backend that writes down what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(django_capture_on_commit_callbacks):
    PURGED.clear()
    with override_settings(
        WAGTAILFRONTENDCACHE={"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    ):
        yield PURGED
    PURGED.clear()


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def paths(urls):
    return {url.removeprefix("http://localhost") for url in urls}


@pytest.mark.django_db
def test_publishing_an_alert_purges_both_languages_its_index_feeds_and_home_pages(
    purged, django_capture_on_commit_callbacks
):
    alert = AlertPage.objects.filter(locale__language_code="pt").live().first()
    english = alert.get_translation(alert.get_translations().first().locale)
    publish(alert, django_capture_on_commit_callbacks)
    got = paths(purged)
    assert alert.url in got and english.url in got
    assert english.url.startswith("/en/") and alert.url.startswith("/pt/")
    for index in (alert.get_parent(), english.get_parent()):
        assert {index.url, index.url + "feed/"} <= got
        assert index.url + "feed/?audience=parents" in got
    assert {"/pt/", "/en/"} <= got
    # Only real addresses: no Portuguese slug under /en/ or English slug under /pt/.
    real = {page.url for page in Page.objects.live().specific()}
    assert {path.split("feed/")[0] for path in got} <= real


@pytest.mark.django_db
def test_publishing_a_chapter_purges_its_booklet_print_and_pdf_addresses(
    purged, django_capture_on_commit_callbacks
):
    chapter = BookletChapterPage.objects.filter(locale__language_code="pt").live().first()
    booklet = chapter.get_parent().specific
    english_booklet = booklet.get_translations().first().specific
    publish(chapter, django_capture_on_commit_callbacks)
    got = paths(purged)
    for version in (booklet, english_booklet):
        assert {version.url, version.print_url(), version.pdf_url()} <= got
    assert {page.url for page in chapter.get_translations()} | {chapter.url} <= got


@pytest.mark.django_db
def test_unpublishing_purges_too_and_nothing_is_sent_without_a_configured_cache(
    purged, django_capture_on_commit_callbacks
):
    alert = AlertPage.objects.filter(locale__language_code="en").live().first()
    with django_capture_on_commit_callbacks(execute=True):
        alert.unpublish()
    assert alert.url in paths(purged)

    purged.clear()
    with override_settings(WAGTAILFRONTENDCACHE={}):
        other = AlertPage.objects.filter(locale__language_code="en").live().first()
        publish(other, django_capture_on_commit_callbacks)
    assert purged == []


@pytest.mark.django_db
def test_a_draft_purges_nothing_and_a_page_made_private_is_purged(
    purged, django_capture_on_commit_callbacks
):
    alert = AlertPage.objects.filter(locale__language_code="en").live().first()
    with django_capture_on_commit_callbacks(execute=True):
        alert.title = "A draft title"
        alert.save_revision()
    assert purged == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=alert, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-alert"
        )
    assert alert.url in paths(purged)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert alert.url in paths(purged)
