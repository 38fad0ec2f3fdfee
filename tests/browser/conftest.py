"""Browser tests: Playwright's sync API drives Debian's Chromium against live_server.

Never downloads a browser. Every request to another host is answered here by the test
(external hosts are unreachable on these machines), so navigations can be asserted.
"""

import os
import threading
from pathlib import Path

import pytest
from django.db import connections

from tests.browser.support import open_page

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # No other host is ever reached: its name does not resolve (the tests that follow quick
    # exit answer for the neutral site themselves, see open_page).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="module", autouse=True)
def allow_orm_beside_playwright():
    """While Chromium runs, Playwright's event loop counts as running in this thread, and
    Django takes the thread for async code: its async-safety check refuses the ORM, and
    its connections move to per-task storage, so the tests and Django's own database
    handling (the flush after each test) would open a second connection, one that the
    test set-up knows nothing about and that stays open until PostgreSQL refuses to drop
    the test database. Browser modules only: the check is relaxed, and this thread keeps
    its one connection (asgiref's thread-local storage, read directly).
    """
    thread_connections = getattr(connections._connections, "_storage", None)
    assert isinstance(thread_connections, threading.local), "asgiref's Local has changed"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        patch.setattr(connections, "_connections", thread_connections)
        yield


@pytest.fixture(scope="module")
def browser(allow_orm_beside_playwright, django_db_setup):
    """One Chromium per test module (each test gets a fresh context: its own cookies,
    storage and cache), started once the test database is ready; the database is flushed
    beside it, which allow_orm_beside_playwright permits.
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


@pytest.fixture(autouse=True)
def demo_site(committed_demo):
    """live_server needs committed data: every browser test starts from the demo site as
    it was loaded (tests/conftest.py), whatever the tests before it changed."""


@pytest.fixture
def page(demo_site, live_server, browser):
    """A page for journeys on the site, Portuguese first. axe-core is injected into the
    page, which the site's strict CSP would refuse: journeys run with it bypassed, and
    test_content_security_policy.py loads every page type with the policy enforced.
    Nothing is routed, so the context keeps its HTTP cache and a page loads in half the
    time (open_page); another host does not resolve."""
    page = open_page(
        browser, live_server, answer_other_hosts=False, locale="pt-PT", bypass_csp=True
    )
    yield page
    page.context.close()


@pytest.fixture
def leaving_page(demo_site, live_server, browser):
    """`page` for the journeys that leave the site (quick exit): the test answers for the
    neutral site, so the address it leads to can be asserted."""
    page = open_page(browser, live_server, locale="pt-PT", bypass_csp=True)
    yield page
    page.context.close()


@pytest.fixture
def strict_page(demo_site, live_server, browser):
    """A page with the site's Content-Security-Policy enforced (no axe here), Portuguese
    first, the outside world answered as in `leaving_page`."""
    page = open_page(browser, live_server, locale="pt-PT")
    yield page
    page.context.close()
