"""axe-core (bundled with axe-playwright-python, nothing downloaded) finds no violation of
WCAG 2.2 AA, of axe's best practices, or of AAA colour contrast (7:1 for text, 4.5:1 for
large text) on every public page type in both languages, on a desktop and on a 360 px
phone, and on the states a person meets: search with and without results, forms with
their errors showing, the status page, and the 403, 404, 429 and 500 pages.

The quiz and its result, and the alert line's pages, are checked with the same options
in test_quiz.py and test_alertline.py, where their journeys run."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.support import axe_violations, public_urls
from tests.support.alertline import REPORT_URL, STATUS_URL
from website.views import server_error

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 640}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


# One test per screen, so that the two halves of the sweep run side by side.
@pytest.mark.parametrize("screen", VIEWPORTS)
def test_every_page_type_in_both_languages_on_a_desktop_and_a_phone(page, screen):
    page.set_viewport_size(VIEWPORTS[screen])
    found = {}
    for url in public_urls():
        page.goto(url)
        assert page.locator("a.skip-link").count() == 1, url  # the page really rendered
        found[url] = axe_violations(page)
    assert not any(found.values()), {key: value for key, value in found.items() if value}


def look_up(page, language, reference, code):
    page.goto(STATUS_URL[language])
    page.locator("#id_reference").fill(reference)
    page.locator("#id_code").fill(code)
    page.locator("#id_code").press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("screen", VIEWPORTS)
def test_forms_with_errors_and_the_error_pages(page, live_server, fresh_cache, screen):
    page.set_viewport_size(VIEWPORTS[screen])
    found = {}
    for language in ("pt", "en"):
        page.goto(REPORT_URL[language])
        page.locator("button[type=submit]").last.click()  # nothing filled in
        expect(page.locator("#error-summary")).to_be_visible()
        found[f"report errors {language}"] = axe_violations(page)

        look_up(page, language, "ABCD-EF98", "C" * 15)
        expect(page.locator("#error-summary")).to_be_visible()
        found[f"status, wrong pair {language}"] = axe_violations(page)

        look_up(page, language, "XDEM-3333", "DEMXC-D3333-33333")
        expect(page.get_by_test_id("status")).to_be_visible()
        found[f"status, found {language}"] = axe_violations(page)

    # A form sent after its CSRF cookie is gone: the friendly 403 page.
    page.goto(REPORT_URL["en"])
    page.context.clear_cookies()
    page.locator("button[type=submit]").last.click()
    expect(page.locator("h1")).to_have_text("Please send the form again")
    found["403 CSRF"] = axe_violations(page)

    # The 500 page as Django's handler renders it, shown in the live browser.
    page.goto("/en/")
    page.set_content(rendered_server_error())
    expect(page.locator("a[data-quick-exit]")).to_be_visible()
    found["500"] = axe_violations(page)
    assert not any(found.values()), {key: value for key, value in found.items() if value}


def test_the_page_after_too_many_failed_look_ups(page, client, fresh_cache):
    # The limit itself is tested over HTTP (test_alertline.py): the first 30 failures go
    # through the test client, from the browser's address (127.0.0.1) into the same cache,
    # and the browser makes the one that is refused.
    for _ in range(30):
        client.post(
            STATUS_URL["en"], {"action": "lookup", "reference": "ABCD-EF99", "code": "C" * 15}
        )
    look_up(page, "en", "ABCD-EF99", "C" * 15)
    expect(page.locator("#error-summary")).to_contain_text("Too many tries")
    assert axe_violations(page) == []


def rendered_server_error():
    with translation.override("en"):
        response = server_error(RequestFactory().get("/en/broken/"))
    assert response.status_code == 500
    return response.content.decode()
