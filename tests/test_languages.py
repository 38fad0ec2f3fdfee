"""Flow 1: every page in both languages, a language switch, hreflang alternates."""

import re

import pytest
from django.test import override_settings

from tests.factories.pages import add_guidance_page
from tests.support.pages import html_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("pt-PT,pt;q=0.9,en;q=0.5", "/pt/"),
        ("pt-BR", "/pt/"),
        ("fr-FR,fr;q=0.9", "/pt/"),
        ("", "/pt/"),
        ("😀;q=nonsense,,,", "/pt/"),
    ],
)
def test_root_redirects_by_browser_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies, "no language cookie is set"


def test_root_ignores_a_language_cookie(client):
    client.cookies["django_language"] = "en"
    response = client.get("/", headers={"accept-language": "pt-PT"})
    assert response["Location"] == "/pt/"


@pytest.mark.parametrize(("url", "lang"), [("/pt/", "pt"), ("/en/", "en")])
def test_home_page_declares_its_language(client, url, lang):
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html_of(response)


def test_page_lists_alternates_for_each_translation_and_x_default(client, translated_page):
    _pt, en = translated_page
    html = html_of(client.get("/pt/pagina-traduzida/"))
    assert (
        '<link rel="alternate" hreflang="pt" href="http://testserver/pt/pagina-traduzida/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/translated-page/">' in html
    )
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in html
    assert en.url == "/en/translated-page/"


def test_language_switch_leads_to_the_same_page_in_the_other_language(client, translated_page):
    html = html_of(client.get("/en/translated-page/"))
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    assert 'href="/pt/pagina-traduzida/" hreflang="pt" lang="pt">Português</a>' in switch
    assert "English" not in switch
    html = html_of(client.get("/pt/pagina-traduzida/"))
    assert 'href="/en/translated-page/" hreflang="en" lang="en">English</a>' in html


def test_untranslated_page_switches_to_the_other_home_and_has_no_false_alternate(client, home_pt):
    add_guidance_page(home_pt, "Só em português", "so-em-portugues")
    html = html_of(client.get("/pt/so-em-portugues/"))
    assert 'href="/en/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html
    assert 'hreflang="x-default"' in html


def test_draft_translation_is_not_offered(client, translated_page):
    _pt, en = translated_page
    en.unpublish()
    html = html_of(client.get("/pt/pagina-traduzida/"))
    assert "/en/translated-page/" not in html
    assert client.get("/en/translated-page/").status_code == 404


def test_search_page_supplies_its_own_alternates(client):
    html = html_of(client.get("/pt/pesquisa/?q=rasto"))
    assert 'hreflang="en" href="http://testserver/en/search/?q=rasto"' in html
    assert 'href="/en/search/?q=rasto" hreflang="en"' in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [
        ("/pt/nao-existe/", "pt", "Página não encontrada"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_not_found_page_in_both_languages(client, url, lang, text):
    response = client.get(url)
    assert response.status_code == 404
    html = html_of(response)
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert "data-quick-exit" in html
    assert "language-switch" in html


def test_language_switch_keeps_the_filters_of_a_page(client, translated_page):
    html = html_of(client.get("/en/translated-page/?audience=parents"))
    assert 'href="/pt/pagina-traduzida/?audience=parents" hreflang="pt"' in html
    assert 'hreflang="pt" href="http://testserver/pt/pagina-traduzida/">' in html, "not in hreflang"
