"""Moving through a page with the keyboard alone, as the browser journeys do."""


def tab_until(page, condition, key="Tab", limit=150):
    """Press Tab (or Shift+Tab) until `condition`, a JavaScript expression about `el` (the
    focused element), holds."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
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
