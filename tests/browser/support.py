"""What the browser journeys share: axe's options, every public address to sweep, and
the neutral site that quick exit leads to (answered by the tests, never reached)."""

from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, live_urls_of

NEUTRAL_SITE = "https://www.ipma.pt/"


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "rules": {"color-contrast-enhanced": {"enabled": True}},
}


MORE_VIEWS = [
    "/pt/pesquisa/?q=hist%C3%B3rico",
    "/en/search/?q=zzzz",  # no results
    "/en/search/",  # no query
    "/pt/tu-e-a-internet/print/",
    "/pt/nao-existe/",
    "/pt/linha-alerta/estado/",
    "/en/alert-line/status/",
]


def public_urls():
    """Every page type in both languages, found from the installed apps, and the views."""
    urls = [url for label in PAGE_TYPES for url in live_urls_of(label).values()]
    assert len(urls) >= 2 * len(PAGE_TYPES)
    return urls + EXTRA_VIEWS + MORE_VIEWS
