"""The page cache: anonymous visitors share whole pages, and nothing personal is ever shared."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from wagtail.models import Locale, Site

from tests.factories.pages import add_guidance_page, add_urgent_alert, index_for
from tests.support.pages import html_of
from website.models import GuidancePage, SafetySettings

GUIDANCE = "/pt/guia-em-cache/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def guidance(home_pt):
    """The page at GUIDANCE."""
    return add_guidance_page(home_pt, "Guia em cache", "guia-em-cache")


pytestmark = pytest.mark.usefixtures("guidance")


def cache_state(response):
    return response.get("X-Page-Cache")


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_page_from_the_cache_the_second_time(client):
    first = client.get(GUIDANCE)
    second = Client().get(GUIDANCE)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # security headers on cached pages too
    assert cache_state(Client().head(GUIDANCE)) == "hit"


@pytest.mark.django_db
def test_each_address_and_query_is_its_own_entry(client):
    client.get("/pt/alertas/")
    assert cache_state(client.get("/pt/alertas/?audience=parents")) == "miss"
    assert cache_state(client.get("/en/alerts/")) == "miss"
    assert cache_state(client.get("/pt/alertas/?audience=parents")) == "hit"


@pytest.mark.django_db
def test_a_published_change_is_served_at_once(client):
    client.get(GUIDANCE)
    page = GuidancePage.objects.get(url_path__endswith="/guia-em-cache/")
    page.title = "Guia em cache, revisto"
    page.save_revision().publish()
    response = client.get(GUIDANCE)
    assert cache_state(response) == "miss"
    assert "Guia em cache, revisto" in html_of(response)


@pytest.mark.django_db
def test_an_unpublished_page_leaves_the_cache_at_once(client, home_pt):
    page = add_guidance_page(home_pt, "Vai sair", "vai-sair")
    client.get("/pt/vai-sair/")
    assert cache_state(client.get("/pt/vai-sair/")) == "hit"
    page.unpublish()
    assert client.get("/pt/vai-sair/").status_code == 404


@pytest.mark.django_db
def test_a_new_translation_shows_in_the_cached_page_at_once(client, home_pt):
    page = add_guidance_page(home_pt, "Só em português", "so-em-portugues")
    client.get("/pt/so-em-portugues/")
    assert 'hreflang="en" href="http://testserver/en/so-em-portugues/"' not in html_of(
        client.get("/pt/so-em-portugues/")
    )
    copy = page.copy_for_translation(Locale.objects.get(language_code="en"))
    copy.save_revision().publish()
    html = html_of(client.get("/pt/so-em-portugues/"))
    assert 'hreflang="en"' in html and "/en/so-em-portugues/" in html


@pytest.mark.django_db
def test_a_changed_setting_is_served_at_once(client):
    client.get(GUIDANCE)
    assert 'href="tel:115"' not in html_of(client.get(GUIDANCE))
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.emergency_number = "115"
    settings.save()
    assert 'href="tel:115"' in html_of(client.get(GUIDANCE))


@pytest.mark.django_db
def test_a_new_urgent_alert_and_latest_alert_are_served_at_once(client, home_en):
    add_guidance_page(home_en, "Cached guide", "cached-guide")
    client.get("/en/")
    client.get("/en/cached-guide/")
    add_urgent_alert(index_for("en"), "Urgent new scam", "urgent-new-scam")
    assert "Urgent new scam" in html_of(client.get("/en/cached-guide/"))  # the banner
    assert "Urgent new scam" in html_of(client.get("/en/"))  # the latest alerts


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/pt/questionario/", "/en/alert-line/"])
def test_pages_with_a_form_are_never_shared(url):
    first, second = Client(), Client()
    responses = [first.get(url), second.get(url), second.get(url)]
    assert [cache_state(response) for response in responses] == ["miss"] * 3
    tokens = {
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html_of(response)).group(1)
        for response in responses[:2]
    }
    assert len(tokens) == 2  # each visitor their own token


@pytest.mark.django_db
def test_logged_in_editors_are_never_served_from_or_stored_in_the_cache(client):
    editor = User.objects.create_user("cache-editor", password="a-long-password-1")
    client.force_login(editor)
    response = client.get(GUIDANCE)
    assert cache_state(response) is None and response.status_code == 200
    assert cache_state(Client().get(GUIDANCE)) == "miss"  # the editor stored nothing
    assert cache_state(client.get(GUIDANCE)) is None  # nor reads what others stored


@pytest.mark.django_db
def test_the_admin_and_previews_are_never_cached(admin_client):
    page = GuidancePage.objects.get(url_path__endswith="/guia-em-cache/")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert cache_state(response) is None
    client = Client()
    client.cookies["sessionid"] = "someone-else"
    assert cache_state(client.get("/admin/login/")) is None
    assert cache_state(client.get(GUIDANCE)) is None


@pytest.mark.django_db
def test_not_found_and_views_that_are_not_pages_are_not_stored(client):
    for url in ("/pt/nada-aqui/", "/pt/pesquisa/?q=ajuda"):
        client.get(url)
        assert cache_state(client.get(url)) == "miss"


@pytest.mark.django_db
def test_no_page_cache_when_the_setting_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(GUIDANCE)
    assert cache_state(client.get(GUIDANCE)) is None


@pytest.mark.django_db
def test_a_page_with_an_urgent_banner_is_kept_no_longer_than_the_banner(client, monkeypatch):
    from website.caching import page_cache

    kept_for = []
    real_set = page_cache.cache.set

    def remember(key, value, timeout=None, **kwargs):
        if key.startswith("page:"):
            kept_for.append(timeout)
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(page_cache.cache, "set", remember)
    client.get(GUIDANCE)
    assert kept_for == [300]  # no urgent alert in Portuguese: the setting
    add_urgent_alert(
        index_for("pt"), "Alerta que acaba", "alerta-que-acaba", ends_in=timedelta(seconds=90)
    )
    assert "Alerta que acaba" in html_of(client.get(GUIDANCE))
    assert 0 < kept_for[-1] <= 90


@pytest.mark.django_db
def test_the_parents_findings_are_kept_a_minute_at_most(client, monkeypatch):
    """Their counts grow with every completion; other pages keep the setting's lifetime."""
    from website.caching import page_cache

    kept_for = {}
    real_set = page_cache.cache.set

    def remember(key, value, timeout=None, **kwargs):
        if key.startswith("page:"):
            kept_for[current_url] = timeout
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(page_cache.cache, "set", remember)
    for current_url in ("/en/quiz/what-young-people-told-us/", GUIDANCE):
        assert client.get(current_url).status_code == 200
    assert kept_for == {"/en/quiz/what-young-people-told-us/": 60, GUIDANCE: 300}
