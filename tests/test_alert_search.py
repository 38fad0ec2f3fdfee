"""Search finds alerts in their own language, folds accents on both databases, and stems
Portuguese on PostgreSQL."""

import pytest
from django.conf import settings
from django.db import connection

from campaigns.alerts.models import AlertIndexPage
from tests.factories.pages import add_alert, add_guidance_page, add_translation
from tests.support.pages import html_of

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="stemming needs PostgreSQL's text search; SQLite's FTS5 does not stem",
)


def results_of(html):
    if "search-results" not in html:
        return ""
    return html.split('class="search-results"', 1)[1].split("</ol>", 1)[0]


def portuguese_index():
    return AlertIndexPage.objects.get(locale__language_code="pt")


def test_alerts_are_found_in_their_own_language_with_type_and_snippet(client):
    alert = add_alert(
        portuguese_index(), "Chantagem com zebras", "chantagem-zebras", summary="Zebras falsas."
    )
    add_translation(
        alert, "en", "Zebra blackmail", "zebra-blackmail", summary="Fake zebras ask for money."
    )
    results = results_of(html_of(client.get("/en/search/", {"q": "zebra"})))
    assert 'href="/en/alerts/zebra-blackmail/"' in results
    assert "Citizen alert" in results
    assert "Fake zebras ask for money." in results, "the summary is the snippet"
    assert "/pt/" not in results
    results = results_of(html_of(client.get("/pt/pesquisa/", {"q": "zebras"})))
    assert 'href="/pt/alertas/chantagem-zebras/"' in results
    assert "Alerta ao cidadão" in results
    assert "/en/" not in results


def test_guidance_pages_and_alerts_share_one_search(client, home_en):
    add_guidance_page(home_en, "A giraffe for parents", "giraffes-for-parents")
    add_alert(AlertIndexPage.objects.get(locale__language_code="en"), "Giraffe scam", "giraffe")
    results = results_of(html_of(client.get("/en/search/", {"q": "giraffe"})))
    assert "Guidance page" in results and "/en/giraffes-for-parents/" in results
    assert "Citizen alert" in results and "/en/alerts/giraffe/" in results


@pytest.mark.parametrize("query", ["seguranca", "SEGURANÇA", "segurança"])
def test_accents_are_folded(client, query):
    add_alert(
        portuguese_index(),
        "Dicas de segurança para contas",
        "dicas-de-seguranca",
        summary="Uma conta protegida.",
    )
    results = results_of(html_of(client.get("/pt/pesquisa/", {"q": query})))
    assert 'href="/pt/alertas/dicas-de-seguranca/"' in results, connection.vendor


def test_accent_folding_works_the_other_way_too(client):
    add_alert(portuguese_index(), "Burlas com codigos", "burlas-codigos", summary="Sem acentos.")
    results = results_of(html_of(client.get("/pt/pesquisa/", {"q": "códigos"})))
    assert 'href="/pt/alertas/burlas-codigos/"' in results, connection.vendor


@on_postgresql
def test_system_checks_pass_on_postgresql():
    from django.core.management import call_command

    call_command("check", fail_level="ERROR")  # the search index needs django.contrib.postgres


@on_postgresql
def test_portuguese_configuration_with_unaccent_is_in_use():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portuguese_unaccent"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portuguese_unaccent', 'Segurança das senhas')")
        (vector,) = cursor.fetchone()
    assert "segur" in vector and "senh" in vector and "ç" not in vector


@on_postgresql
@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Nunca partilhes as tuas senhas", "senha"),
        ("Proteger a senha da conta", "senhas"),
        ("Cuidado com alertas falsos", "alerta falso"),
        ("Proteger as contas", "conta"),
    ],
)
def test_singular_and_plural_match_on_postgresql(client, stored, query):
    add_alert(portuguese_index(), stored, "stem-test", summary="Texto curto.")
    results = results_of(html_of(client.get("/pt/pesquisa/", {"q": query})))
    assert 'href="/pt/alertas/stem-test/"' in results


def test_sqlite_does_not_need_the_postgresql_configuration():
    if connection.vendor == "postgresql":
        pytest.skip("this database is PostgreSQL")
    assert "SEARCH_CONFIG" not in settings.WAGTAILSEARCH_BACKENDS["default"]
