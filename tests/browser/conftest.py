"""Browser tests: Playwright's sync API drives Debian's Chromium against live_server.

Never downloads a browser. Every request to another host is answered here by the test
(external hosts are unreachable on these machines), so navigations can be asserted.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NEUTRAL_SITE = "https://www.ipma.pt/"


@pytest.fixture(scope="module", autouse=True)
def allow_orm_beside_playwright():
    """While a journey runs, Playwright's loop runs in this thread; a test body that reads
    the database beside it needs Django's async-safety check relaxed. Browser modules
    only: other tests keep the check.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def browser(demo_site):
    """A fresh Chromium per test, started after the database is ready and stopped before
    it is flushed: Django's test database handling must not run beside Playwright's loop.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM}: browser tests cannot run")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db):
    """live_server needs committed data: build the demo site for each browser test."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def page(demo_site, live_server, browser):
    # axe-core is injected into the page, which the site's strict CSP would refuse:
    # journeys run with it bypassed, and test_content_security_policy.py loads every page
    # type with the policy enforced.
    context = browser.new_context(base_url=live_server.url, locale="pt-PT", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def answer_external(route):
        route.fulfill(status=200, content_type="text/html", body="<title>Neutral</title>Weather")

    # Anything not served by live_server is "the outside world".
    context.route(
        lambda url: not url.startswith(live_server.url) and url.startswith("http"),
        answer_external,
    )
    yield page
    context.close()
