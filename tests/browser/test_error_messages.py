"""Screen readers hear errors: on every public form sent with a mistake, in both languages,
the page title starts with "Erro:" / "Error:", a summary links to each field with a
problem, every aria-describedby points at something that exists, and a field with an
error has that error in its accessible description."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE_PREFIX = {"pt": "Erro:", "en": "Error:"}
PAGES = {
    "pt": {
        "report": "/pt/linha-alerta/",
        "status": "/pt/linha-alerta/estado/",
        "quiz": "/pt/questionario/",
        "findings": "/pt/questionario/o-que-os-jovens-nos-disseram/",
    },
    "en": {
        "report": "/en/alert-line/",
        "status": "/en/alert-line/status/",
        "quiz": "/en/quiz/",
        "findings": "/en/quiz/what-young-people-told-us/",
    },
}

LINKS_AND_DESCRIPTIONS = """() => {
  const summary = document.querySelector('.error-summary');
  const links = summary ? [...summary.querySelectorAll('a')].map(a => a.getAttribute('href')) : [];
  const missingTargets = links.filter(href => !document.getElementById(href.slice(1)));
  const missingDescriptions = [];
  for (const element of document.querySelectorAll('[aria-describedby]')) {
    for (const id of element.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)) {
      const name = element.id || element.tagName;
      if (!document.getElementById(id)) missingDescriptions.push(`${name}: ${id}`);
    }
  }
  return {links, missingTargets, missingDescriptions};
}"""


def loosely(text):
    """The words of `text` in order, however the spaces and line breaks fall."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def send_with_mistakes(page, form, language):
    url = PAGES[language][form]
    page.goto(url)
    if form == "report":
        page.locator("button[type=submit]").last.click()  # nothing filled in
    elif form == "status":
        page.locator("#id_reference").fill("ABCD-EF97")
        page.locator("#id_code").fill("C" * 15)  # a pair that does not exist
        page.locator("#id_code").press("Enter")
    elif form == "quiz":
        page.locator("form[data-quiz]").evaluate(
            "form => HTMLFormElement.prototype.submit.call(form)"
        )
    else:  # the findings page: "See what young people answered" without a guess
        page.locator(".quiz-finding__guess button[type=submit]").first.click()
    page.wait_for_load_state()


def check_heard(page, language):
    expect(page).to_have_title(re.compile("^" + re.escape(TITLE_PREFIX[language]) + " "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    found = page.evaluate(LINKS_AND_DESCRIPTIONS)
    assert found["links"], "the summary links to no field"
    assert not found["missingTargets"], found
    assert not found["missingDescriptions"], found
    # The first link leads to its field, and that field's description carries the error.
    target = page.locator(found["links"][0])
    summary.get_by_role("link").first.click()
    expect(target).to_be_focused()
    return target


@pytest.mark.parametrize("language", ["pt", "en"])
def test_every_public_form_with_a_mistake_is_heard(page, language):
    for form in ("report", "status", "quiz", "findings"):
        send_with_mistakes(page, form, language)
        target = check_heard(page, language)
        if form == "report":
            # A text field: its own error is part of what a screen reader reads with it.
            error = page.locator("#id_description_error").inner_text()
            expect(page.locator("#id_description")).to_have_accessible_description(loosely(error))
        if form in ("quiz", "findings"):
            # A group of choices: the error describes the group the focused answer is in.
            group = target.locator("xpath=ancestor::fieldset[1]")
            error_id = group.get_attribute("aria-describedby")
            error = page.locator(f"#{error_id}").inner_text()
            expect(group).to_have_accessible_description(loosely(error))
