"""Every page type, in both languages, runs under the strict Content-Security-Policy with
nothing refused, and asks no host other than the site itself for anything."""

import pytest

from tests.browser.support import open_page
from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, live_urls_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_pages_run_under_the_policy_and_reach_no_other_host(browser, live_server):
    urls = [url for label in PAGE_TYPES for url in live_urls_of(label).values()]
    urls += EXTRA_VIEWS
    assert len(urls) >= 2 * len(PAGE_TYPES)
    # The policy is enforced. Nothing is routed: a request for another host still shows
    # as a request, and fails (its name does not resolve).
    page = open_page(browser, live_server, answer_other_hosts=False)
    refused, elsewhere = [], []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("a.skip-link").count() == 1, url  # the page really rendered
    page.context.close()
    assert not refused, refused
    assert not elsewhere, elsewhere
