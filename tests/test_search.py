"""Site search answers in the active language only, and handles hostile input."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories.pages import add_guidance_page, add_translation
from tests.support.pages import html_of
from website.models import SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def giraffes(home_pt):
    """A page in Portuguese and its English translation, in words no other page uses."""
    page = add_guidance_page(home_pt, "Girafas", "girafas", intro="A girafa tem o pescoço longo.")
    add_translation(page, "en", "Giraffes", "giraffes", intro="The giraffe has a long neck.")


def test_search_finds_pages_in_the_active_language_only(client, giraffes):
    html = html_of(client.get("/pt/pesquisa/", {"q": "girafa"}))
    assert "/pt/girafas/" in html
    assert "/en/" not in html.split("search-results", 1)[1].split("</ol>")[0]
    html = html_of(client.get("/en/search/", {"q": "giraffe"}))
    assert "/en/giraffes/" in html
    assert "/pt/girafas/" not in html


def test_english_words_do_not_find_portuguese_pages(client):
    html = html_of(client.get("/pt/pesquisa/", {"q": "incognito"}))
    assert "search-results" not in html
    assert "Nada encontrado" in html


def test_results_show_the_page_type(client, giraffes):
    html = html_of(client.get("/en/search/", {"q": "giraffe"}))
    assert "Guidance page" in html
    assert "/en/giraffes/" in html


def test_empty_query_explains_what_to_do(client):
    html = html_of(client.get("/en/search/"))
    assert "Type a word above" in html
    assert "search-results" not in html


def test_no_results_state_in_portuguese(client):
    html = html_of(client.get("/pt/pesquisa/", {"q": "zzzzqqqq"}))
    assert "Nada encontrado para «zzzzqqqq»" in html
    assert "Começar uma nova pesquisa" in html


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '" onmouseover="alert(1)',
        "' OR 1=1 --",
        "%00%ff",
        "\x00",
        "a" * 5000,
        "🙂" * 300,
        "AND OR NOT ( ) * :",
    ],
)
def test_hostile_queries_get_a_normal_page(client, query):
    response = client.get("/en/search/", {"q": query, "page": "xyz"})
    assert response.status_code == 200
    html = html_of(response)
    assert "<script>alert(1)</script>" not in html
    assert '" onmouseover="alert(1)' not in html


def test_long_query_is_shortened_with_a_notice(client):
    html = html_of(client.get("/pt/pesquisa/", {"q": "rasto " * 100}))
    assert "usámos só os primeiros 100 caracteres" in html


def test_page_number_out_of_range_shows_the_last_page(client):
    response = client.get("/en/search/", {"q": "help", "page": "999"})
    assert response.status_code == 200
    assert "That page of results does not exist" in html_of(response)


@pytest.mark.parametrize(
    ("url", "alert_line"),
    [("/pt/pesquisa/", 'href="/pt/linha-alerta/"'), ("/en/search/", 'href="/en/alert-line/"')],
)
# Words that no page has, alone and among search operators (a query of operators alone
# matches everything on PostgreSQL, whose English stop words include "and", "or", "not").
@pytest.mark.parametrize("query", ["zzzzqqqq", "zzzz AND (qqqq) OR NOT * :"])
def test_a_search_that_finds_nothing_offers_the_alert_line_and_the_form(
    client, url, alert_line, query
):
    html = html_of(client.get(url, {"q": query}))
    assert "search-results" not in html
    empty_state = html.split('class="empty-state"', 1)[1].split("</div>", 1)[0]
    assert alert_line in empty_state
    assert 'id="search-query-main" name="q"' in html  # the search form stays


def test_the_alert_line_is_not_offered_when_something_is_found(client, giraffes):
    html = html_of(client.get("/en/search/", {"q": "giraffe"}))
    assert "search-results" in html and "search-suggestions" not in html


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/pt/pesquisa/", "chantagem"),
        ("/pt/pesquisa/", "nudes"),
        ("/pt/pesquisa/", "Chantagem online"),
        ("/en/search/", "nudes"),
        ("/en/search/", "blackmail"),
    ],
)
def test_the_demo_synonyms_find_the_pages_about_it(client, url, query):
    html = html_of(client.get(url, {"q": query}))
    assert "search-results" in html, query
    results = html.split("search-results", 1)[1].split("</ol>")[0]
    assert "/alertas/" in results or "/alerts/" in results, results


def test_a_synonym_added_in_the_admin_widens_the_next_search(client, admin_client, giraffes):
    assert "search-results" not in html_of(client.get("/en/search/", {"q": "zorblax"}))
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        reverse("wagtailsnippets_website_searchsynonym:add") + f"?locale={english.language_code}",
        {"term": "Zorblax", "means": "nothing here at all, giraffe"},
    )
    assert response.status_code == 302, html_of(response)[:3000]
    assert SearchSynonym.objects.get(term="Zorblax").locale == english
    html = html_of(client.get("/en/search/", {"q": "zorblax"}))
    assert "/en/giraffes/" in html
    # Only in its own language.
    assert "search-results" not in html_of(client.get("/pt/pesquisa/", {"q": "zorblax"}))
