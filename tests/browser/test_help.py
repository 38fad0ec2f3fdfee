"""“What happened?” in a real browser: by keyboard alone, with and without JavaScript, to
the same outcome; quick exit from a step; axe finds nothing on any step or outcome of the
demo path in either language."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import axe_violations
from tests.support.demo import DEMO_DANGER_QUESTION

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STARTS = {"pt": "/pt/o-que-aconteceu/", "en": "/en/what-happened/"}


def tab_to_link(page, href, limit=150):
    """Tab forward until the link to `href` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == href:
            return
    raise AssertionError(f"Tab never reached the link to {href}")


def walk_by_keyboard(page):
    """From the home page's footer link to the outcome for threats, with Tab and Enter."""
    page.goto("/en/")
    tab_to_link(page, STARTS["en"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="What happened?")).to_be_visible()
    tab_to_link(page, "/en/what-happened/?step=danger-threats")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_DANGER_QUESTION["en"])
    tab_to_link(page, "/en/what-happened/result/threats/")
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile("threatens you"))
    return page.url, heading.inner_text(), page.locator(".help-steps").inner_text()


def test_the_path_by_keyboard_gives_the_same_outcome_with_and_without_javascript(
    live_server, browser
):
    outcomes = []
    for javascript in (True, False):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
        context.route(
            lambda url: not url.startswith(live_server.url) and url.startswith("http"),
            lambda route: route.fulfill(status=200, content_type="text/html", body="Weather"),
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        outcomes.append(walk_by_keyboard(page))
        assert not context.cookies()
        # Quick exit from a step: right after the skip link, and it leaves the site.
        page.goto("/en/what-happened/?step=under-18")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_attribute("data-quick-exit", "")
        page.keyboard.press("Enter")
        expect(page).not_to_have_url(re.compile(re.escape(live_server.url)))
        context.close()
    assert outcomes[0] == outcomes[1]


def links_in_main(page, start):
    hrefs = page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href for href in hrefs if href.startswith(start)]


def test_axe_finds_nothing_on_any_step_or_outcome_in_either_language(page):
    problems, visited = [], set()
    for start in STARTS.values():
        queue = [start]
        while queue:
            url = queue.pop()
            if url in visited:
                continue
            visited.add(url)
            page.goto(url)
            problems += [f"{url}: {finding}" for finding in axe_violations(page)]
            queue += links_in_main(page, start)
    assert len(visited) == 2 * (5 + 9)  # every question and outcome of the demo
    assert not problems, problems
