"""The offline copy in a real browser, with the site's Content-Security-Policy enforced:
kept only when the reader asks, read without a connection, never standing in for the
alert line, and gone after "Remove from this device" or quick exit."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.support import NEUTRAL_SITE
from tests.support.demo import DEMO_BOOKLET_EN, DEMO_BOOKLET_PT, DEMO_CHAPTERS_EN, DEMO_CHAPTERS_PT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SITE_STORAGE = """async () => ({
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  mark: localStorage.getItem("offline-copy-kept"),
})"""
NOTHING_KEPT = {"caches": [], "workers": 0, "mark": None}


def keep_copy(page, booklet_url, keep, kept):
    page.goto(booklet_url)
    page.get_by_role("button", name=keep).click()
    expect(page.get_by_role("status")).to_contain_text(kept, timeout=20_000)


def chapter_urls(page):
    return page.eval_on_selector_all(".booklet__chapters a", "links => links.map(a => a.href)")


def not_served(page, url):
    """Without a connection, the address gives the browser's own error, not a page."""
    try:
        page.goto(url)
    except PlaywrightError as error:
        return "ERR_INTERNET_DISCONNECTED" in str(error)
    return False


def test_a_kept_booklet_is_read_offline_and_the_report_form_is_never_kept(strict_page):
    page = strict_page
    page.goto(DEMO_BOOKLET_PT)
    controls = page.get_by_role("region", name="Ler sem ligação")
    expect(controls).to_contain_text("Quem usar este dispositivo")
    keep_copy(page, DEMO_BOOKLET_PT, "Guardar neste dispositivo", "Guardado neste")
    expect(page.get_by_role("button", name="Apagar deste dispositivo")).to_be_visible()
    chapters = chapter_urls(page)
    assert len(chapters) == len(DEMO_CHAPTERS_PT)

    # A POST from a page the worker controls goes to the server untouched.
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.evaluate("fetch(location.href, {method: 'POST'}).then(r => r.status)")
    assert not posted.value.from_service_worker
    # The alert line is outside the worker's scope: the server answers it.
    response = page.goto("/pt/linha-alerta/")
    assert response.ok and not response.from_service_worker
    assert page.evaluate("navigator.serviceWorker.controller") is None

    page.context.set_offline(True)
    for url, title in zip(chapters, DEMO_CHAPTERS_PT, strict=True):
        response = page.goto(url)
        assert response.from_service_worker
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("[data-offline-notice]")).to_contain_text(
            re.compile(r"cópia guardada neste dispositivo em \d+ de \w+ de \d{4}")
        )
        assert page.evaluate(
            "document.querySelector('main img') === null || "
            "[...document.images].every(image => image.complete)"
        )
    page.goto(f"{DEMO_BOOKLET_PT}print/")
    expect(page.locator(".booklet__chapter-title")).to_have_count(len(DEMO_CHAPTERS_PT))

    # The report form, the quiz and search: the browser's offline page, never a copy.
    for url in ("/pt/linha-alerta/", "/pt/questionario/", "/pt/pesquisa/?q=ajuda"):
        assert not_served(page, url), url


def test_remove_from_this_device_leaves_nothing_to_read_offline(strict_page):
    page = strict_page
    keep_copy(page, DEMO_BOOKLET_EN, "Keep on this device", "Kept on this device")
    chapters = chapter_urls(page)
    assert len(chapters) == len(DEMO_CHAPTERS_EN)
    assert page.evaluate(SITE_STORAGE)["workers"] == 1

    page.get_by_role("button", name="Remove from this device").click()
    expect(page.get_by_role("status")).to_contain_text("Nothing from this site is kept")
    expect(page.get_by_role("button", name="Keep on this device")).to_be_focused()
    assert page.evaluate(SITE_STORAGE) == NOTHING_KEPT

    page.context.set_offline(True)
    for url in [*chapters, DEMO_BOOKLET_EN]:
        assert not_served(page, url), url


def test_quick_exit_with_a_kept_copy_leaves_no_copy_behind(strict_page):
    page = strict_page
    keep_copy(page, DEMO_BOOKLET_PT, "Guardar neste dispositivo", "Guardado neste")
    kept = page.evaluate(SITE_STORAGE)
    assert kept["caches"] and kept["workers"] == 1 and kept["mark"] == "1"

    page.goto("/pt/linha-alerta/")  # a page the worker does not control
    page.get_by_role("link", name=re.compile("Sair desta página")).click()
    expect(page).to_have_url(NEUTRAL_SITE)

    page.goto("/pt/")
    assert page.evaluate(SITE_STORAGE) == NOTHING_KEPT
