"""Moving through a page with the keyboard alone, as the browser journeys do."""

from tests.support.alertline import REPORT_URL


def tab_until(page, condition, key="Tab", limit=150):
    """Press Tab (or Shift+Tab) until `condition`, a JavaScript expression about `el` (the
    focused element), holds. Waits first for a page that a key just opened to load: until
    it has, a key press may land in the page that is going away. While focus has left the
    document (Chromium moves it out past the first or last stop, and
    `document.activeElement` is then null), the condition does not hold."""
    page.wait_for_load_state()
    for _ in range(limit):
        page.keyboard.press(key)
        script = f"(() => {{ const el = document.activeElement; return !!el && ({condition}); }})()"
        if page.evaluate(script):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def tab_to(page, element_id, limit=150):
    tab_until(page, f"el.id === {element_id!r}", limit=limit)


def tab_to_button(page, name):
    tab_until(page, f"el.tagName === 'BUTTON' && el.innerText.trim() === {name!r}")


def tab_to_link(page, name, limit=20):
    tab_until(page, f"el.tagName === 'A' && el.textContent.trim() === {name!r}", limit=limit)


def tab_to_quick_exit(page):
    tab_until(page, "el.hasAttribute('data-quick-exit')")


def focused(page, attribute):
    return page.evaluate(f"document.activeElement.{attribute}")


def send_report_by_keyboard(page, language, where, description, when=None, category=True):
    """Fill in the alert line's form and send it with the keyboard alone."""
    page.goto(REPORT_URL[language])
    if category:
        tab_to(page, "id_category_0")
        page.keyboard.press("ArrowDown")  # the next choice, checked
    tab_to(page, "id_where")
    page.keyboard.type(where)
    if when:
        tab_to(page, "id_when")
        page.keyboard.type(when)
    tab_to(page, "id_description")
    page.keyboard.type(description)
    tab_to(page, "id_reporter_role_0")
    page.keyboard.press("Space")
    # The honeypot is skipped by Tab; the next stop after the consent box is the button.
    tab_to(page, "id_contact_consent")
    page.keyboard.press("Tab")
    assert focused(page, "type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
