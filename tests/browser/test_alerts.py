"""Citizen alerts in a real browser: a parent filters with the keyboard and finds the feed;
the urgent banner can be hidden with JavaScript and is readable without it."""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.browser.support import open_page
from tests.support.demo import demo_title, demo_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tab_until(page, matches, limit=80):
    """Press Tab until the focused element satisfies `matches` (a JS predicate on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {matches})(document.activeElement)"):
            return page.evaluate("document.activeElement.textContent.trim()")
    raise AssertionError(f"Tab never reached an element where {matches}")


def fetch_feed(page, url, language):
    response = page.request.get(url)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())
    assert feed.tag == f"{ATOM}feed" and feed.get(XML_LANG) == language
    return feed


def test_a_parent_filters_alerts_by_keyboard_opens_one_and_finds_the_feed(page):
    page.goto("/en/alerts/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Citizen alerts")

    tab_until(page, "el.textContent.trim() === 'Parents and carers'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/alerts/\?audience=parents$"))
    expect(page.get_by_role("link", name="Parents and carers", exact=True)).to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator("#results-heading")).to_contain_text("Parents and carers")

    # The filtered view offers the feed of this audience, in the head and on the page.
    audience_feed = page.get_by_role("link", name="Feed of alerts for Parents and carers (Atom)")
    expect(audience_feed).to_be_visible()
    head_link = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(head_link).to_have_count(2)
    feed = fetch_feed(page, audience_feed.get_attribute("href"), "en")
    assert feed.findall(f"{ATOM}entry"), "the parents' feed has alerts"

    title = tab_until(page, "el.closest('.alert-list') !== null")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name="What to do")).to_be_visible()

    feed_link = page.get_by_role("link", name="Feed of all alerts (Atom)")
    expect(feed_link).to_be_visible()
    feed = fetch_feed(page, feed_link.get_attribute("href"), "en")
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert title in titles


def test_the_urgent_banner_can_be_hidden_for_the_session(page, browser, live_server):
    page.goto("/pt/")
    banner = page.locator(".urgent-banner")
    expect(banner).to_contain_text("Ameaças para divulgar imagens íntimas")
    page.get_by_role("button", name=re.compile("Esconder")).click()
    expect(banner).to_be_hidden()
    page.goto(demo_url("cover_your_tracks", "pt"))
    expect(page.locator(".urgent-banner")).to_be_hidden()

    # A new session sees it again; nothing was stored in a cookie.
    assert not [c for c in page.context.cookies() if "banner" in c["name"]]
    fresh = open_page(browser, live_server)
    fresh.goto("/pt/")
    expect(fresh.locator(".urgent-banner")).to_be_visible()
    fresh.context.close()


def test_the_urgent_banner_is_readable_without_javascript(browser, live_server):
    page = open_page(browser, live_server, java_script_enabled=False)
    page.goto(demo_url("cover_your_tracks", "en"))
    banner = page.locator(".urgent-banner")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link")).to_have_text(demo_title("sextortion", "en"))
    expect(banner.get_by_role("button")).to_be_hidden()
    banner.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_title("sextortion", "en"))
    page.context.close()
