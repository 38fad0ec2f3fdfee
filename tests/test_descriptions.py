"""Every page tells search engines and link previews what it is about: a
`<meta name="description">` from the page's search description, else its lead text, else
(views that are not a page) a description of the site, in the page's language."""

import re
from html import unescape

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.pages import add_alert, add_guidance_page, index_for, make_booklet
from tests.support.pages import html_of

pytestmark = pytest.mark.django_db

SITE_DESCRIPTION = {
    "en": "Help for young people, parents and educators to be safe online",
    "pt": "Ajuda para jovens, pais e educadores",
}


def descriptions_of(response):
    html = html_of(response)
    return [
        unescape(text) for text in re.findall(r'<meta name="description" content="([^"]*)"', html)
    ]


def description_of(response):
    found = descriptions_of(response)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("home", ["home_pt", "home_en"])
def test_a_page_with_a_search_description_shows_it(client, home, request):
    parent = request.getfixturevalue(home)
    page = add_guidance_page(
        parent, "Guide", "guide-described", intro="The lead.", search_description="For search."
    )
    assert description_of(client.get(page.url)) == "For search."


@pytest.mark.parametrize("home", ["home_pt", "home_en"])
def test_a_page_without_one_shows_its_lead_text_shortened_between_words(client, home, request):
    parent = request.getfixturevalue(home)
    lead = "Quem & o quê:\n" + "palavra " * 40
    page = add_guidance_page(parent, "Guia", "guia-sem-descricao", intro=lead)
    description = description_of(client.get(page.url))
    assert description.startswith("Quem & o quê: palavra palavra")
    assert description.endswith("palavra…") and len(description) <= 160


@pytest.mark.parametrize("language", ["pt", "en"])
def test_an_alert_without_one_shows_its_summary(client, language):
    alert = add_alert(index_for(language), "Fake shop", "fake-shop-described")
    assert description_of(client.get(alert.url)) == "Summary of Fake shop."


@pytest.mark.parametrize(
    ("url", "language"),
    [("/pt/", "pt"), ("/en/alert-line/", "en"), ("/en/quiz/", "en"), ("/pt/questionario/", "pt")],
)
def test_the_demo_pages_show_their_lead_text(client, url, language):
    assert description_of(client.get(url))
    assert SITE_DESCRIPTION[language] not in description_of(client.get(url))


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("/pt/pesquisa/?q=ajuda", "pt"),
        ("/en/search/", "en"),
        ("/pt/nada-aqui/", "pt"),
        ("/en/nothing-here/", "en"),
    ],
)
def test_views_that_are_not_a_page_describe_the_site_in_their_language(client, url, language):
    assert SITE_DESCRIPTION[language] in description_of(client.get(url))


@pytest.mark.parametrize(
    ("route", "page"),
    [
        ("/en/alert-line/status/", "/en/alert-line/"),
        ("/pt/linha-alerta/estado/", "/pt/linha-alerta/"),
        ("/en/test-booklet/print/", "/en/test-booklet/"),
    ],
)
def test_a_pages_own_routes_share_its_description(client, home_en, route, page):
    make_booklet(home_en, "test-booklet", chapters=1)
    assert description_of(client.get(route)) == description_of(client.get(page))


def test_a_private_page_shows_nothing_of_itself_before_its_password(client, home_en):
    page = add_guidance_page(home_en, "Private", "private-described", intro="Secret lead.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-described"
    )
    response = client.get(page.url)
    assert 'name="password"' in html_of(response)
    assert SITE_DESCRIPTION["en"] in description_of(response)
    assert "Secret lead" not in html_of(response)
