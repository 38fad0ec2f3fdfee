"""Flow 3 in a real browser: read the booklet chapter by chapter with the keyboard only,
then download its PDF."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.keyboard import tab_until
from tests.browser.support import open_page
from tests.support.demo import (
    DEMO_BOOKLET_EN,
    DEMO_BOOKLET_PT,
    DEMO_BOOKLET_SLUG_PT,
    DEMO_BOOKLET_TITLE_PT,
    DEMO_CHAPTER_SLUGS_EN,
    DEMO_CHAPTER_SLUGS_PT,
    DEMO_CHAPTERS_EN,
    DEMO_CHAPTERS_PT,
    demo_title,
    demo_url,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_read_the_booklet_chapter_by_chapter_with_the_keyboard_and_download_it(page):
    page.goto(DEMO_BOOKLET_PT)
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_BOOKLET_TITLE_PT)
    expect(page.get_by_role("img", name=re.compile("Desenho de um telemóvel"))).to_be_visible()

    # Into the first chapter from the contents.
    tab_until(page, f"el.textContent.trim() === {DEMO_CHAPTERS_PT[0]!r}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[0]}/$"))

    for number, title in enumerate(DEMO_CHAPTERS_PT, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_text(f"Capítulo {number} de 6")).to_be_visible()
        if number == len(DEMO_CHAPTERS_PT):
            break
        tab_until(page, "el.getAttribute('rel') === 'next'")
        page.keyboard.press("Enter")

    # The last chapter has no next link; back to the contents, then the download.
    expect(page.locator("a[rel=next]")).to_have_count(0)
    tab_until(page, "el.textContent.trim() === 'Voltar ao índice'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"{DEMO_BOOKLET_PT}#contents$"))

    # The downloads sit just above the contents: the e-book, and above it the PDF.
    tab_until(page, "el.type === 'application/epub+zip'", key="Shift+Tab")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == f"{DEMO_BOOKLET_SLUG_PT}-pt.epub"
    assert Path(download.path()).read_bytes()[30:58] == b"mimetypeapplication/epub+zip"

    tab_until(page, "el.type === 'application/pdf'", key="Shift+Tab")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == f"{DEMO_BOOKLET_SLUG_PT}-pt.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")


def test_chapter_links_work_without_javascript(demo_site, live_server, browser):
    page = open_page(browser, live_server, java_script_enabled=False)
    page.goto(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[3]}/")
    page.get_by_text("What if I already sent a photo I regret?").click()
    expect(page.get_by_text("It is not your fault, and you are not alone.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Next chapter")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_CHAPTERS_EN[4])
    page.get_by_role("link", name="Português").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_CHAPTERS_PT[4])
    page.context.close()


def test_a_chapter_prints_without_navigation_and_with_links_written_out(page):
    page.goto(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[5]}/")
    nav = page.locator(".chapter-nav")
    expect(nav).to_be_visible()
    page.emulate_media(media="print")
    for selector in (".chapter-nav", ".site-header", ".quick-exit", ".site-footer"):
        expect(page.locator(selector)).to_be_hidden()
    link = page.locator(".get-help a", has_text=demo_title("cover_your_tracks", "en"))
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert demo_url("cover_your_tracks", "en") in after
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_CHAPTERS_EN[5])


def test_the_whole_booklet_prints_from_one_page_with_answers_open(page):
    page.goto(f"{DEMO_BOOKLET_EN}print/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".booklet__print-tip")).to_be_hidden()
    expect(page.locator(".booklet__chapter")).to_have_count(6)
    expect(
        page.get_by_text("There are ways to ask for the image to be taken down.")
    ).to_be_visible()
    breaks = page.locator(".booklet__chapter").first.evaluate(
        "el => getComputedStyle(el).breakBefore"
    )
    assert breaks == "page"
