"""“What happened?”: outcomes at their own addresses, the alert line's form with the
category chosen, nothing stored, and a query count that does not grow with the content."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories.help import add_organisation, add_path, directory_for
from tests.support.pages import html_of

MAX_QUERIES = 12


def alert_line_page(language):
    from campaigns.alertline.models import AlertLinePage

    return AlertLinePage.objects.live().get(locale__language_code=language)


def checked_category(html):
    found = re.findall(r'<input type="radio" name="category" value="(\w+)"[^>]*\bchecked\b', html)
    return found[0] if found else None


@pytest.mark.django_db
def test_a_path_leads_by_links_to_an_outcome_with_its_own_address(home_pt):
    organisation = add_organisation("Ouvir", phone="116 111")
    path = add_path(home_pt, "caminho", [organisation], alert_line=alert_line_page("pt"))
    client = Client()
    step = html_of(client.get(path.url))
    assert '<a href="/pt/caminho/resultado/threats/">Threats</a>' in step
    outcome = client.get("/pt/caminho/resultado/threats/")
    html = html_of(outcome)
    assert outcome.status_code == 200 and "<h1>Threats</h1>" in html
    assert 'href="tel:116111"' in html
    assert 'href="/pt/linha-alerta/?category=sextortion"' in html
    assert client.get("/pt/caminho/resultado/nowhere/").status_code == 404
    # An unknown step shows the first question, never an error.
    assert "What happened?" in html_of(client.get(path.url, {"step": "<b>nowhere"}))


@pytest.mark.django_db
def test_an_outcome_shows_an_entry_only_while_it_is_live_and_in_the_readers_language(home_pt):
    organisation = add_organisation("Entrada viva", phone="116 111")
    path = add_path(home_pt, "caminho", [organisation])
    url = path.url + "resultado/threats/"
    assert "Entrada viva" in html_of(Client().get(url))
    organisation.unpublish()
    assert "Entrada viva" not in html_of(Client().get(url))


@pytest.mark.django_db
def test_the_alert_lines_form_arrives_with_the_category_chosen_and_ignores_a_wrong_one(client):
    url = alert_line_page("en").url
    assert checked_category(html_of(client.get(url, {"category": "grooming"}))) == "grooming"
    wrong = client.get(url, {"category": "<script>"})
    assert wrong.status_code == 200 and checked_category(html_of(wrong)) is None
    assert checked_category(html_of(client.get(url))) is None


def queries_of(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_counts_stay_within_budget_whatever_the_number_of_entries(home_pt):
    first = add_organisation("Primeira", kind="child_protection")
    path = add_path(home_pt, "caminho", [first])
    urls = [
        path.url,
        path.url + "resultado/threats/",
        directory_for("pt").url + "?kind=child_protection",
    ]
    client = Client()
    before = [queries_of(client, url) for url in urls]
    more = [
        add_organisation(f"Mais {number}", kind="child_protection", hours=[(0, "09:00", "17:00")])
        for number in range(10)
    ]
    path.outcomes.get(key="threats").organisations.add(*more)
    path.save_revision().publish()
    after = [queries_of(client, url) for url in urls]
    assert after == before, (before, after)
    assert max(after) <= MAX_QUERIES
