"""The quiz in a real browser: keyboard only, with JavaScript (one question at a time) and
without it (one long form), the same answers give the same result; the advice links and
the language switch work on the result; axe finds nothing on the quiz and its result."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import axe_violations, open_page
from tests.support.demo import demo_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# One answer position per question of the demo quiz (14 questions, answers worth 0, 1, 2):
# 15 points, the middle band (9 to 18).
CHOICES = [2, 1, 0, 2, 1, 0, 2, 1, 0, 1, 2, 0, 1, 2]


def tab_until(page, matches, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {matches})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {matches}")


def choose_with_keys(page, choice):
    """On a focused radio group: Space checks the first answer, arrows move the choice."""
    page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")


def result_of(page):
    expect(page.locator(".quiz-result")).to_be_visible()
    title = page.get_by_role("heading", level=1).inner_text()
    table = page.locator(".quiz-table tbody").inner_text()
    tips = page.locator(".quiz-result__tips").inner_text()
    return title, table, tips


def take_with_javascript(page):
    page.goto("/en/quiz/")
    questions = page.locator("[data-quiz-question]")
    expect(questions.nth(0)).to_be_visible()
    expect(questions.nth(1)).to_be_hidden()
    expect(page.locator(".quiz-progress")).to_contain_text("Question 1 of 14")
    expect(page.locator("[data-quiz-submit]")).to_be_hidden()
    tab_until(page, "el.name === 'q1'")
    for number, choice in enumerate(CHOICES, start=1):
        expect(page.locator(".quiz-progress__text")).to_have_text(f"Question {number} of 14")
        assert page.evaluate("document.activeElement.name") == f"q{number}"
        choose_with_keys(page, choice)
        if number == 3:  # Back shows the previous question with its answer kept
            tab_until(page, "el.hasAttribute('data-quiz-back')")
            page.keyboard.press("Enter")
            expect(page.locator(".quiz-progress__text")).to_have_text("Question 2 of 14")
            assert page.evaluate("document.activeElement.checked")
            page.keyboard.press("Enter")  # Enter on a radio means Next
            expect(page.locator(".quiz-progress__text")).to_have_text("Question 3 of 14")
            assert page.evaluate("document.activeElement.name") == "q3"
            assert page.evaluate("document.activeElement.checked")
        page.keyboard.press("Enter")
    return result_of(page)


def take_without_javascript(browser, live_server):
    page = open_page(browser, live_server, locale="en-GB", java_script_enabled=False)
    page.goto("/en/quiz/")
    expect(page.locator("[data-quiz-question]").nth(13)).to_be_visible()
    expect(page.locator(".quiz-progress")).to_have_count(0)
    tab_until(page, "el.name === 'q1'")
    for number, choice in enumerate(CHOICES, start=1):
        assert page.evaluate("document.activeElement.name") == f"q{number}"
        choose_with_keys(page, choice)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-submit')")
    page.keyboard.press("Enter")
    result = result_of(page)
    page.context.close()
    return result


def test_keyboard_only_with_and_without_javascript_gives_the_same_result(
    page, browser, live_server
):
    with_js = take_with_javascript(page)
    without_js = take_without_javascript(browser, live_server)
    assert with_js == without_js
    assert with_js[0] == "A few things to adjust"


def test_errors_without_an_answer_show_every_question_and_the_summary(page):
    page.goto("/en/quiz/")
    tab_until(page, "el.name === 'q1'")
    choose_with_keys(page, 1)
    for _ in range(13):
        page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # the last question, unanswered: the form is sent
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(13)
    expect(page.locator("[data-quiz-question]").nth(5)).to_be_visible()
    expect(page.locator("input[name=q1]:checked")).to_have_count(1)
    summary.get_by_role("link").first.click()
    expect(page.locator("#q2-1")).to_be_focused()


def test_advice_link_and_language_switch_on_the_result(page):
    take_with_javascript(page)
    table = page.locator(".quiz-table tbody").inner_text()
    result_url = page.get_by_role("link", name="Link to this result").get_attribute("href")

    page.get_by_role("link", name="Português").click()
    expect(page).to_have_url(re.compile(r"/pt/questionario/resultado/\?r="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Há umas coisas a ajustar")
    numbers = re.findall(r"\d+", page.locator(".quiz-table tbody").inner_text())
    assert numbers == re.findall(r"\d+", table)

    page.goto(result_url)
    advice = page.locator(".quiz-result__links a").first
    title = advice.inner_text()
    advice.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert "/en/" in page.url


def test_no_axe_violations_on_the_quiz_and_its_result(page):
    found = {}
    for url in ["/pt/questionario/", "/en/quiz/"]:
        page.goto(url)
        found[url] = axe_violations(page, open_details=False)
        page.locator("[data-quiz-submit]").evaluate("button => button.form.noValidate = true")
        page.evaluate(
            "document.querySelectorAll('[data-quiz-question]').forEach(q => q.hidden = false)"
        )
        for number in range(1, 15):
            page.locator(f"#q{number}-2").check()
        page.locator("form[data-quiz]").evaluate(
            "form => HTMLFormElement.prototype.submit.call(form)"
        )
        expect(page.locator(".quiz-result")).to_be_visible()
        found[f"{url} result"] = axe_violations(page, open_details=False)
    page.goto("/en/quiz/")
    page.locator("form[data-quiz]").evaluate("form => HTMLFormElement.prototype.submit.call(form)")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    found["/en/quiz/ errors"] = axe_violations(page, open_details=False)
    assert not any(found.values()), found


def test_a_parent_guesses_then_sees_what_young_people_answered(page):
    page.goto(demo_url("parents", "en"))
    page.get_by_role("link", name="What young people told us").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What young people told us")
    expect(page.get_by_text("Demo data:")).to_be_visible()
    first = page.locator(".quiz-finding").first
    expect(first.locator("svg")).to_have_count(0)
    tab_until(page, "el.name === 'guess' && el.type === 'radio'")
    page.keyboard.press("ArrowDown")  # the second guess: about 1 in 4
    tab_until(page, "el.type === 'submit' && el.closest('.quiz-finding__guess')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=1&guess=some#question-1$"))
    first = page.locator("#question-1")
    expect(first.get_by_text("Your guess: About 1 in 4.")).to_be_visible()
    expect(first.locator("svg[role=img]")).to_be_visible()
    expect(first.locator("table tbody tr")).to_have_count(3)
    expect(first.locator(".quiz-finding__share")).to_contain_text("young people who answered")
    found = {"findings": axe_violations(page, open_details=False)}
    page.goto("/pt/questionario/o-que-os-jovens-nos-disseram/")
    found["findings pt"] = axe_violations(page, open_details=False)
    assert not any(found.values()), found


QUIZ_ADDRESSES = {"pt": "/pt/questionario/", "en": "/en/quiz/"}
SEND_THE_ANSWERS = """choices => {
  choices.forEach((choice, index) => {
    document.querySelectorAll(`input[name=q${index + 1}]`)[choice].checked = true;
  });
  document.querySelector("form.quiz-form").submit();
}"""


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_result_fits_a_small_phone_without_scrolling_sideways(page, language):
    """The per-area table (its longest area names are Portuguese) once made the page
    365-378 px wide on 320-360 px screens."""
    page.goto(QUIZ_ADDRESSES[language])
    page.evaluate(SEND_THE_ANSWERS, CHOICES)
    result_url = page.locator(".quiz-result__link a").get_attribute("href")
    for width in (320, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(result_url)
        expect(page.locator(".quiz-table")).to_be_visible()
        sizes = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth,"
            " document.querySelector('.quiz-table').getBoundingClientRect().right]"
        )
        assert sizes[0] <= sizes[1], f"{language} at {width} px: {sizes}"
        assert sizes[2] <= sizes[1], f"{language} at {width} px: the table sticks out: {sizes}"
