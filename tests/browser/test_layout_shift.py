"""Nothing moves while a page loads: the layout shifts that Chromium records (what
Lighthouse adds up as Cumulative Layout Shift) stay at nothing on the quiz, whose script
shows one question at a time, and on pages under the urgent banner, whose script adds a
Hide button."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const sources = entry.sources.map(
      (source) => source.node ? source.node.nodeName + "." + source.node.className : "?"
    );
    window.layoutShifts.push({value: entry.value, sources: sources.join(", ")});
  }
}).observe({type: "layout-shift", buffered: true});
"""

URLS = ["/en/quiz/", "/pt/questionario/", "/pt/"]
VIEWPORTS = [{"width": 412, "height": 823}, {"width": 1280, "height": 900}]


def test_the_quiz_and_the_urgent_banner_do_not_shift_the_page(page):
    page.add_init_script(RECORD_SHIFTS)
    shifted = []
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        for url in URLS:
            page.goto(url, wait_until="load")
            assert page.locator(".urgent-banner__hide").is_visible(), url  # the demo's banner
            page.wait_for_timeout(300)  # shifts are reported a moment after they happen
            shifts = page.evaluate("window.layoutShifts")
            total = sum(shift["value"] for shift in shifts)
            if total > 0.001:
                shifted.append((viewport["width"], url, round(total, 3), shifts))
    assert not shifted, shifted


def test_the_quiz_shows_one_question_from_the_start_and_all_when_its_script_fails(page):
    page.route("**/quiz/js/quiz.js", lambda route: route.abort())
    page.goto("/en/quiz/", wait_until="load")
    questions = page.locator("[data-quiz-question]")
    # quiz.js never ran: the class that laid out one question is gone, every question shows.
    page.wait_for_function("!document.documentElement.classList.contains('quiz-will-step')")
    for number in (0, 5, 13):
        assert questions.nth(number).is_visible()
    assert page.locator("[data-quiz-submit]").is_visible()
