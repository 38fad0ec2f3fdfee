"""Small screens, zoom and motion, measured in a real browser.

- Reflow: at 320 CSS px, and at 640 px (a 1280 px window zoomed to 200%), no page scrolls
  sideways and nothing sticks out of the screen, on every page type in both languages,
  the quiz with JavaScript, the report form with its errors, search and the print view.
- A phone's first screen: quick exit and the header (name, language switch, the folded
  menu and search) take at most a third of it; quick exit stays on screen, uncovered,
  wherever the page is scrolled; the <details> menu opens without JavaScript.
- Reduced motion: nothing transitions or animates when the visitor asks for less.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import open_page, public_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 568}
ZOOMED = {"width": 640, "height": 400}  # 1280 x 800 at 200%
PHONES = [{"width": 360, "height": 640}, NARROW]


# Elements that sit off-screen on purpose: text for screen readers, the spam trap, and
# the skip link until it is focused.
OFF_SCREEN_ON_PURPOSE = ".visually-hidden, .form-honeypot, .skip-link"

OVERFLOW = """(offScreenOnPurpose) => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const sticking = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(offScreenOnPurpose)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      sticking.push(`${element.tagName.toLowerCase()}.${element.className} ${where}`);
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, sticking: sticking.slice(0, 5)};
}"""


def overflow_on(page):
    # After a click, the new page's elements can be found before its stylesheets arrive:
    # a text area measured then is as wide as its 40 columns.
    page.wait_for_load_state()
    measured = page.evaluate(OVERFLOW, OFF_SCREEN_ON_PURPOSE)
    problems = []
    if measured["scrollWidth"] > measured["clientWidth"]:
        problems.append(f"scrolls sideways: {measured['scrollWidth']} > {measured['clientWidth']}")
    return problems + measured["sticking"]


# One test per screen, so that the two halves run side by side.
@pytest.mark.parametrize("viewport", [NARROW, ZOOMED], ids=["320 px", "200 percent zoom"])
def test_pages_reflow_at_320_px_and_at_200_percent_zoom(page, viewport):
    page.set_viewport_size(viewport)
    found = {}
    for url in public_urls():
        page.goto(url)
        page.eval_on_selector_all("details", "nodes => nodes.forEach(n => n.open = true)")
        found[url] = overflow_on(page)

    # The quiz with JavaScript, one question at a time, then its result.
    page.goto("/pt/questionario/")
    expect(page.locator(".quiz-progress")).to_be_visible()
    found["quiz with JavaScript"] = overflow_on(page)

    # The report form with its errors showing.
    page.goto("/en/alert-line/")
    page.locator("button[type=submit]").last.click()
    expect(page.locator("#error-summary")).to_be_visible()
    found["report errors"] = overflow_on(page)
    assert not any(found.values()), {key: value for key, value in found.items() if value}


def header_measures(page):
    return page.evaluate(
        """() => {
      const exit = document.querySelector('.quick-exit__button').getBoundingClientRect();
      const header = document.querySelector('.site-header').getBoundingClientRect();
      const middle = document.elementFromPoint(
        exit.left + exit.width / 2, exit.top + exit.height / 2);
      return {
        headerBottom: header.bottom,
        exitTop: exit.top, exitBottom: exit.bottom,
        exitUncovered: Boolean(middle && middle.closest('.quick-exit__button')),
        screen: window.innerHeight,
      };
    }"""
    )


@pytest.mark.parametrize("phone", PHONES, ids=["360x640", "320x568"])
def test_on_a_phone_the_header_takes_a_third_and_quick_exit_stays(page, phone):
    page.set_viewport_size(phone)
    for url in ("/pt/", "/en/alerts/", "/pt/linha-alerta/", "/en/quiz/", "/pt/pesquisa/?q=ajuda"):
        page.goto(url)
        top = header_measures(page)
        assert top["headerBottom"] <= top["screen"] / 3, (url, top)
        assert top["exitTop"] >= 0 and top["exitUncovered"], (url, top)
        expect(page.locator("a[data-quick-exit]")).to_be_in_viewport()

        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        scrolled = header_measures(page)
        assert scrolled["exitTop"] >= 0 and scrolled["exitBottom"] <= scrolled["screen"], url
        assert scrolled["exitUncovered"], (url, scrolled)


def test_the_menu_opens_without_javascript_on_a_phone(demo_site, live_server, browser):
    page = open_page(
        browser,
        live_server,
        answer_other_hosts=False,
        java_script_enabled=False,
        viewport=PHONES[0],
    )
    page.goto("/en/")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Citizen alerts")).to_be_hidden()
    toggle = page.get_by_text("Menu and search")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Citizen alerts")).to_be_visible()
    page.get_by_role("searchbox", name="Search this site").fill("history")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=history"))
    page.context.close()


MOTION = """() => {
  const moving = [];
  for (const element of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const seconds = [style.transitionDuration, style.animationDuration].join(',')
        .split(',').map(parseFloat);
      if (seconds.some(value => value > 0) && (style.transitionProperty !== 'none'
          || style.animationName !== 'none')) {
        moving.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo || ''}`);
      }
    }
  }
  const smooth = getComputedStyle(document.documentElement).scrollBehavior === 'smooth';
  return {moving: moving.slice(0, 5), smooth};
}"""


def test_nothing_moves_when_less_motion_is_asked_for(demo_site, live_server, browser):
    urls = ["/pt/", "/en/quiz/", "/pt/linha-alerta/", "/en/alerts/"]
    found = {}
    for preference in ("reduce", "no-preference"):
        page = open_page(browser, live_server, answer_other_hosts=False, reduced_motion=preference)
        for url in urls:
            page.goto(url)
            found[(preference, url)] = page.evaluate(MOTION)
        # The quiz's JavaScript steps: after Next, still nothing moves.
        page.goto("/en/quiz/")
        page.locator("#q1-1").check()
        page.locator("[data-quiz-next]").click()
        expect(page.locator(".quiz-progress__text")).to_have_text("Question 2 of 14")
        found[(preference, "quiz step 2")] = page.evaluate(MOTION)
        page.context.close()
    reduced = {key: value for key, value in found.items() if key[0] == "reduce"}
    assert not any(value["moving"] or value["smooth"] for value in reduced.values()), reduced
    # Without the request, buttons do ease: the media query is what stops them.
    assert all(found[("no-preference", url)]["moving"] for url in urls)
