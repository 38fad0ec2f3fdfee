"""The alert line on a phone, as a frightened young person would use it.

- The reference and the code are readable on every width from 320 px, in both languages:
  each value lies inside the screen, on one line, and is what was stored.
- The whole journey by keyboard at 320 px, with and without JavaScript, in both
  languages: send, read both values, look up the status, add information, fail and then
  succeed a withdrawal, quick exit and Back.
- Quick exit then Back never shows again what was typed: after a form sent with errors,
  after a report was sent, after a status answer.
"""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from campaigns.alertline import codes
from campaigns.alertline import views as alertline_views
from campaigns.alertline.models import Report
from tests.browser.keyboard import send_report_by_keyboard, tab_to, tab_to_button, tab_to_quick_exit
from tests.browser.support import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("fresh_cache"),
]

STATUS_URL = {"pt": "/pt/linha-alerta/estado/", "en": "/en/alert-line/status/"}
NEUTRAL_SITE = "https://www.ipma.pt/"
WORDS = {
    "pt": {
        "withdraw": "Retirar a minha denúncia",
        "add": "Acrescentar à minha denúncia",
        "added": "Obrigado. Acrescentámos isto à tua denúncia.",
        "withdrawn": "A tua denúncia foi retirada. Não vamos agir.",
        "tick": "Marca a caixa para confirmar que a queres retirar.",
    },
    "en": {
        "withdraw": "Withdraw my report",
        "add": "Add to my report",
        "added": "Thank you. We added this to your report.",
        "withdrawn": "Your report is withdrawn. We will not act on it.",
        "tick": "Tick the box to confirm that you want to withdraw it.",
    },
}
DESCRIPTION = "Um rapaz do jogo pede fotos e diz que conta a todos."
ADDITION = "O nome dele no jogo é demo_rapaz_77."

# Where a value's text is drawn: inside the screen, and on one line (never broken inside).
VALUE_ON_SCREEN = """(element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const box = range.getBoundingClientRect();
  return {
    left: box.left, right: box.right, lines: range.getClientRects().length,
    screen: document.documentElement.clientWidth,
    scrollWidth: document.scrollingElement.scrollWidth,
  };
}"""


def phone(browser, live_server, language, width=320, javascript=True):
    return open_page(
        browser,
        live_server,
        viewport={"width": width, "height": 740},
        java_script_enabled=javascript,
        locale="pt-PT" if language == "pt" else "en-GB",
    )


def send_by_keyboard(page, language, description=DESCRIPTION, category=True):
    send_report_by_keyboard(page, language, "JogoDemo", description, category=category)


def read_pair(page):
    """The reference and the code as a person sees them, each checked to be on screen."""
    values = {}
    for name in ("reference", "code"):
        element = page.get_by_test_id(name)
        expect(element).to_be_visible()
        drawn = element.evaluate(VALUE_ON_SCREEN)
        assert drawn["left"] >= 0 and drawn["right"] <= drawn["screen"], (name, drawn)
        assert drawn["lines"] == 1, f"the {name} is broken over {drawn['lines']} lines"
        assert drawn["scrollWidth"] <= drawn["screen"], drawn
        values[name] = element.inner_text()
    return values["reference"], values["code"]


def stored(reference, code):
    report = Report.find(codes.normalise(reference), codes.normalise(code))
    assert report is not None, "the values on screen do not open the stored report"
    return report


def nothing_typed_is_shown(page, *typed):
    """Back after quick exit: the page (or the browser's own "resend?" page) shows none of
    what was typed, as text or as a field's value."""
    text, values = settled_page(page)
    for words in typed:
        assert words not in text, f"{words!r} is on the page after Back"
        assert all(words not in value for value in values), f"{words!r} restored in a field"


def settled_page(page):
    """The page's markup and field values once Back has finished: a restored page can
    still be navigating a moment after `go_back` returns, so read again until it holds."""
    for _ in range(50):
        try:
            page.wait_for_load_state()
            values = page.eval_on_selector_all(
                "input:not([type=hidden]), textarea", "fields => fields.map(f => f.value)"
            )
            return page.content(), values
        except PlaywrightError:  # "the page is navigating": read it once it has arrived
            page.wait_for_timeout(100)
    raise AssertionError("the page never settled after Back")


def quick_exit_and_back(page, language):
    tab_to_quick_exit(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(NEUTRAL_SITE)
    # A browser never sends a form again on Back without asking ("Confirm form
    # resubmission"); the automated one does, so a resent form is refused here.
    page.route(
        "**/*",
        lambda route: route.abort() if route.request.method == "POST" else route.fallback(),
    )
    go_back(page)


def go_back(page):
    # An error here is the browser's own "confirm form resubmission" page: nothing of ours.
    with contextlib.suppress(PlaywrightError):
        page.go_back()
    page.wait_for_timeout(300)


# --- The reference and the code on every width --------------------------------------------


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_reference_and_the_code_are_readable_from_320_px(
    demo_site, live_server, browser, language, monkeypatch
):
    page = phone(browser, live_server, language)
    send_by_keyboard(page, language)
    for width in (320, 360, 390, 1280):
        page.set_viewport_size({"width": width, "height": 740})
        reference, code = read_pair(page)
        stored(reference, code)

    # The plain page, shown when the full confirmation cannot be built, reads the same.
    render_page = alertline_views.render_page

    def broken(page_, request, template, context, status=200):
        if template == "alertline/confirmation.html":
            raise RuntimeError("the confirmation template is broken")
        return render_page(page_, request, template, context, status)

    monkeypatch.setattr(alertline_views, "render_page", broken)
    page.set_viewport_size({"width": 320, "height": 740})
    send_by_keyboard(page, language, description="Outra vez, com o modelo estragado.")
    for width in (320, 360, 390, 1280):
        page.set_viewport_size({"width": width, "height": 740})
        stored(*read_pair(page))


# --- The whole journey by keyboard on a 320 px phone ---------------------------------------


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_whole_report_journey_by_keyboard_on_a_phone(
    demo_site, live_server, browser, language, javascript
):
    words = WORDS[language]
    page = phone(browser, live_server, language, javascript=javascript)
    page.goto("about:blank")
    send_by_keyboard(page, language)
    reference, code = read_pair(page)
    report = stored(reference, code)

    # Look up the status with what was read on screen.
    page.goto(STATUS_URL[language])
    tab_to(page, "id_reference")
    page.keyboard.type(reference)
    tab_to(page, "id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("status")).to_be_visible()

    # Add information.
    tab_to(page, "id_text")
    page.keyboard.type(ADDITION)
    tab_to_button(page, words["add"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(words["added"])
    assert report.additions.get().text == ADDITION

    # A withdrawal without the box ticked: the status page again, the error by the box.
    tab_to_button(page, words["withdraw"])
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("status")).to_be_visible()
    expect(page.locator(".form-field--error")).to_contain_text(words["tick"])
    if javascript:
        expect(page.locator("#error-summary")).to_be_focused()
    report.refresh_from_db()
    assert report.status == "new"

    # Then with the box ticked.
    tab_to(page, "id_confirm")
    page.keyboard.press("Space")
    tab_to_button(page, words["withdraw"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(words["withdrawn"])
    report.refresh_from_db()
    assert report.status == "withdrawn"

    quick_exit_and_back(page, language)
    nothing_typed_is_shown(page, ADDITION, code, codes.normalise(code))
    page.context.close()


# --- Quick exit, then Back ----------------------------------------------------------------


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("sent", ["with errors", "sent"])
def test_quick_exit_then_back_never_shows_the_typed_report(
    demo_site, live_server, browser, sent, javascript
):
    page = phone(browser, live_server, "en", javascript=javascript)
    page.goto("about:blank")
    send_by_keyboard(page, "en", category=sent == "sent")
    typed = [DESCRIPTION, "JogoDemo"]
    if sent == "sent":
        typed.append(page.get_by_test_id("code").inner_text())
    else:
        expect(page.locator(".error-summary")).to_be_visible()
    quick_exit_and_back(page, "en")
    nothing_typed_is_shown(page, *typed)
    if not javascript:  # the link added an entry: one more step back, to the blank form
        go_back(page)
        assert page.url.endswith("/en/alert-line/")
        nothing_typed_is_shown(page, *typed)
    page.context.close()


def test_the_code_can_be_shown_as_typed(demo_site, live_server, browser):
    page = phone(browser, live_server, "pt")
    page.goto(STATUS_URL["pt"])
    field = page.locator("#id_code")
    field.fill("ABCDE-FGHJK")
    expect(field).to_have_attribute("type", "password")
    show = page.get_by_role("button", name="Mostrar o código")
    show.focus()
    page.keyboard.press("Enter")
    expect(field).to_have_attribute("type", "text")
    expect(page.get_by_role("button", name="Esconder o código")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.context.close()


def test_a_failed_look_up_moves_focus_to_the_error_summary(demo_site, live_server, browser):
    page = phone(browser, live_server, "en")
    page.goto(STATUS_URL["en"])
    page.locator("#id_reference").fill("ABCD-EFGH")
    page.locator("#id_code").fill("ABCDE-FGHJK-MNPQR")
    page.locator("#id_code").press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    page.context.close()
