"""The demo's “What happened?”, walked in both languages by following links only: every
outcome is reached and gives a way to get help, and nothing is stored on the way."""

import re
from collections import deque

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.pages import html_of

# Each language's demo: where the footer link leads, the outcomes' address prefix.
DEMO = {
    "pt": ("/pt/o-que-aconteceu/", "/pt/o-que-aconteceu/resultado/"),
    "en": ("/en/what-happened/", "/en/what-happened/result/"),
}
OUTCOMES = 9
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)


def main_links(html):
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', main)


def walk(client, start, outcome_prefix):
    """Every address reached from `start` by following the path's own links."""
    seen, queue, outcomes = {start}, deque([start]), {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        html = html_of(response)
        if url.startswith(outcome_prefix):
            outcomes[url] = html
            continue
        for link in main_links(html):
            if link.startswith(start) and link.replace("&amp;", "&") not in seen:
                seen.add(link.replace("&amp;", "&"))
                queue.append(link.replace("&amp;", "&"))
    return outcomes


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_every_demo_path_reaches_an_outcome_that_gives_help_and_stores_nothing(language):
    start, outcome_prefix = DEMO[language]
    client = Client()
    footer = html_of(client.get(f"/{language}/")).split('class="site-footer"')[1]
    assert f'href="{start}"' in footer  # reachable from every page
    with CaptureQueriesContext(connection) as queries:
        outcomes = walk(client, start, outcome_prefix)
    assert len(outcomes) == OUTCOMES
    assert not [query["sql"] for query in queries if WRITES.match(query["sql"])]
    for url, html in outcomes.items():
        links = main_links(html)
        gives_help = [link for link in links if link.startswith(("tel:", f"/{language}/"))]
        assert any(link.startswith("tel:") for link in gives_help), url
        assert "Demo" in html or "demonstração" in html, url
    danger = outcomes[outcome_prefix + "danger/"]
    assert danger.index('href="tel:112"') < danger.index('class="help-steps"')
    reports = [
        link for html in outcomes.values() for link in main_links(html) if "?category=" in link
    ]
    assert reports
    for link in set(reports):
        response = client.get(link.replace("&amp;", "&"))
        category = link.split("?category=")[1]
        assert re.search(
            rf'<input type="radio" name="category" value="{category}"[^>]*\bchecked\b',
            html_of(response),
        ), link
