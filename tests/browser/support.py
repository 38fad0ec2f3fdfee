"""What the browser journeys share: axe's options, every public address to sweep, and
the neutral site that quick exit leads to (answered by the tests, never reached)."""

from axe_playwright_python.sync_playwright import Axe

from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, live_urls_of

NEUTRAL_SITE = "https://www.ipma.pt/"


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # AAA contrast (7:1, and 4.5:1 for large text) instead of AA's (4.5:1 and 3:1): any text
    # that fails AA fails AAA too, and measuring every text twice took a third of axe's time.
    "rules": {"color-contrast-enhanced": {"enabled": True}, "color-contrast": {"enabled": False}},
    # Violations only: the passes and the rest took half of the time and were never read.
    "resultTypes": ["violations"],
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


def axe_violations(page, open_details=True):
    """axe's findings on the page, one line each; with `open_details`, every <details> is
    opened first so that the answers and the menu are checked too."""
    # After a click, the new page's elements can be found before its stylesheets arrive.
    page.wait_for_load_state()
    if open_details:
        page.eval_on_selector_all("details", "nodes => nodes.forEach(n => n.open = true)")
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{item['id']} ({item['impact']}): {item['help']} -> "
        + "; ".join(node["target"][0] for node in item["nodes"][:3])
        for item in results.response["violations"]
    ]


def sign_in(page, username, password):
    """Sign in to the admin through its own form, as a person does."""
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")


def open_page(browser, live_server, answer_other_hosts=True, **context_options):
    """A page in a fresh browser context (its own cookies, storage and cache) on the live
    server. Every other host is "the outside world", unreachable from these machines: the
    browser resolves no other name (CHROMIUM_ARGS), and with `answer_other_hosts` the test
    answers for them, so a navigation there (quick exit) can be asserted. Routing any
    request turns the context's HTTP cache off and stops every request in Playwright,
    which doubles the time of a page load: sweeps that never leave the site go without."""
    context = browser.new_context(base_url=live_server.url, **context_options)
    if answer_other_hosts:
        context.route(
            lambda url: not url.startswith(live_server.url) and url.startswith("http"),
            lambda route: route.fulfill(
                status=200, content_type="text/html", body="<title>Neutral</title>Weather"
            ),
        )
    page = context.new_page()
    # Patient, for a busy machine: publishing in the admin makes the booklet's downloads
    # before it answers.
    page.set_default_timeout(20_000)
    page.set_default_navigation_timeout(30_000)
    return page
