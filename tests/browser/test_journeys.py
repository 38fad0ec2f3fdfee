"""Journeys of the foundation, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.keyboard import tab_to_link
from tests.browser.support import NEUTRAL_SITE, open_page
from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, live_urls_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_in_both_languages(page, live_server):
    page.goto("/", wait_until="domcontentloaded")
    expect(page).to_have_url(re.compile(r"/pt/$"))
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(page.get_by_role("heading", level=1)).to_have_text("Internet Segura")
    expect(page.get_by_role("link", name="Sou jovem")).to_be_visible()

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="I am an educator")).to_be_visible()


def test_switching_language_on_an_inner_page_with_the_keyboard(page):
    page.goto("/pt/apagar-o-rasto/")
    tab_to_link(page, "English")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/cover-your-tracks/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cover your tracks")
    tab_to_link(page, "Português")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/pt/apagar-o-rasto/$"))


def test_quick_exit_is_reached_right_after_the_skip_link_on_every_page_type(page):
    urls = [url for label in PAGE_TYPES for url in live_urls_of(label).values()]
    for url in urls + EXTRA_VIEWS:
        page.goto(url)
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_class("skip-link")
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_attribute("data-quick-exit", "")
    # The skip link leads to the content: the next Tab is inside <main>.
    page.goto("/en/cover-your-tracks/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


# The focused element's ring (outline or box-shadow) against what is behind the element:
# the best of its colours must reach 3:1 (WCAG 1.4.11), and the element must not be
# hidden under the sticky quick-exit bar (2.4.11).
FOCUS_RING = """() => {
  const element = document.activeElement;
  const rgb = text => (text.match(/rgba?\\([^)]*\\)/g) || []).map(
    colour => colour.match(/[\\d.]+/g).map(Number));
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map(value => {
      value /= 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const contrast = (a, b) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  let behind = [255, 255, 255];
  for (let node = element.parentElement; node; node = node.parentElement) {
    const colour = rgb(getComputedStyle(node).backgroundColor)[0];
    if (colour && (colour.length < 4 || colour[3] > 0)) { behind = colour; break; }
  }
  const style = getComputedStyle(element);
  const ring = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
    ring.push(...rgb(style.outlineColor));
  }
  ring.push(...rgb(style.boxShadow).filter(colour => colour.length < 4 || colour[3] > 0));
  const best = Math.max(0, ...ring.map(colour => contrast(colour, behind)));
  const box = element.getBoundingClientRect();
  const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    what: `${element.tagName.toLowerCase()}#${element.id}.${element.className}`,
    contrast: Math.round(best * 100) / 100,
    uncovered: Boolean(seen && (element.contains(seen) || seen.contains(element)
      || (element.labels && [...element.labels].some(label => label.contains(seen))))),
  };
}"""


@pytest.mark.parametrize(
    "viewport", [None, {"width": 360, "height": 640}], ids=["desktop", "phone"]
)
def test_focus_is_always_visible_and_never_hidden(page, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    weak = []
    for url in (
        "/pt/",
        "/en/alerts/",
        "/pt/linha-alerta/",
        "/en/quiz/",
        "/pt/tu-e-a-internet/partilhar-imagens/",
        "/en/search/?q=help",
    ):
        page.goto(url)
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body"):
                break
            ring = page.evaluate(FOCUS_RING)
            if ring["contrast"] < 3 or not ring["uncovered"]:
                weak.append((url, ring))
    assert not weak, weak


def test_quick_exit_by_click_replaces_the_history_entry(leaving_page):
    page = leaving_page
    page.goto("about:blank")
    page.goto("/en/cover-your-tracks/")
    page.get_by_role("link", name=re.compile("Exit this page")).click()
    expect(page).to_have_url(NEUTRAL_SITE)
    page.go_back()
    assert "cover-your-tracks" not in page.url
    assert page.url == "about:blank"


def test_quick_exit_by_pressing_shift_three_times(leaving_page):
    page = leaving_page
    page.goto("about:blank")
    page.goto("/pt/")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url == "about:blank"


def test_typing_capitals_in_search_does_not_exit(page):
    page.goto("/en/")
    box = page.get_by_role("searchbox", name="Search this site")
    box.click()
    # A capital is Shift held down while a letter is pressed: Shift goes down many times,
    # but never three times alone.
    for letter in "HELP ME NOW":
        if letter == " ":
            page.keyboard.press("Space")
            continue
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/")
    expect(box).to_have_value("HELP ME NOW")


def test_two_shift_presses_and_a_key_between_do_not_exit(page):
    page.goto("/en/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/")


def test_search_from_the_header(page):
    page.goto("/pt/")
    page.get_by_role("searchbox", name="Pesquisar neste site").fill("histórico")
    page.get_by_role("searchbox", name="Pesquisar neste site").press("Enter")
    expect(page).to_have_url(re.compile(r"/pt/pesquisa/\?q="))
    page.locator("#main").get_by_role("link", name="Apagar o rasto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apagar o rasto")


def test_quick_exit_works_without_javascript(demo_site, live_server, browser):
    page = open_page(browser, live_server, java_script_enabled=False)
    page.goto("/en/")
    page.get_by_role("link", name=re.compile("Exit this page")).click()
    expect(page).to_have_url(NEUTRAL_SITE)
    page.context.close()
