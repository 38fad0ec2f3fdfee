"""The editor's Checks panel runs on this site's previews and shows the page's readability
in its own language (computed on the server, copied by checks-panel.js)."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.booklets.models import BookletChapterPage
from tests.browser.support import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_checks_panel_shows_the_portuguese_score_and_its_target(page):
    sign_in(page, "editor", "editor-demo-2026")
    chapter = BookletChapterPage.objects.filter(locale__language_code="pt").first()
    page.goto(f"/admin/pages/{chapter.pk}/edit/")
    page.locator('[data-side-panel-toggle="checks"]').click()
    score = page.locator('[data-readability-field="score"]')
    expect(score).to_have_text(re.compile(r"^-?\d+$"), timeout=30_000)
    # Wagtail's own word count runs too, now that the preview carries the checker.
    expect(page.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))
    expect(page.locator('[data-readability-field="formula"]')).to_contain_text("Martins")
    expect(page.locator('[data-readability-field="target"]')).to_contain_text("50")
    # Wagtail's English-speed reading time makes way for the Portuguese one.
    expect(page.locator("[data-content-reading-time]")).to_be_hidden()
    expect(page.locator('[data-readability-field="reading-time"]')).to_have_text(
        re.compile(r"^\d+ min")
    )
