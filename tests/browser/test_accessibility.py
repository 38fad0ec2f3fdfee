"""axe-core (bundled with axe-playwright-python, nothing downloaded) finds no WCAG 2.2 AA
violation on the foundation's pages and the booklet (contents, chapters, print view), in
both languages and on a phone-sized screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
URLS = [
    "/pt/",
    "/en/",
    "/pt/apagar-o-rasto/",
    "/en/for-parents/",
    "/pt/pesquisa/?q=hist%C3%B3rico",
    "/en/search/?q=zzzz",
    "/pt/nao-existe/",
    # The booklet: its contents, a chapter with every kind of block, the whole booklet.
    "/pt/tu-e-a-internet/",
    "/en/you-and-the-internet/",
    "/pt/tu-e-a-internet/partilhar-imagens/",
    "/en/you-and-the-internet/how-to-report/",
    "/pt/tu-e-a-internet/print/",
    "/en/you-and-the-internet/print/",
]


def violations_on(page, url):
    page.goto(url)
    # Open every <details> so the answers are checked too.
    page.eval_on_selector_all("details", "nodes => nodes.forEach(n => n.open = true)")
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{item['id']} ({item['impact']}): {item['help']} -> "
        + "; ".join(node["target"][0] for node in item["nodes"][:3])
        for item in results.response["violations"]
    ]


def test_no_axe_violations(page):
    found = {url: violations_on(page, url) for url in URLS}
    assert not any(found.values()), found


def test_no_axe_violations_on_a_phone(page):
    page.set_viewport_size({"width": 375, "height": 740})
    found = {url: violations_on(page, url) for url in URLS[:3]}
    assert not any(found.values()), found
