"""Flow 9 in a real browser: a moderator changes a Portuguese chapter and publishes it; the
English chapter's editor shows the notice; the editor follows the comparison link, edits
the translation, marks it reviewed, and the report shows it up to date."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.booklets.models import BookletChapterPage
from tests.browser.support import sign_in
from tests.support.demo import (
    DEMO_CHAPTER_SLUGS_EN,
    DEMO_CHAPTER_SLUGS_PT,
    DEMO_CHAPTERS_EN,
    DEMO_CHAPTERS_PT,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def publish(page):
    # The moderator's editor: "Publish" sits in the footer's "More actions" menu.
    page.locator(".w-dropdown-button").get_by_role("button", name="Mais ações").click()
    page.locator("button[name='action-publish']").click()


def test_a_changed_chapter_is_reviewed_through_the_notice_and_the_report(page):
    chapter = BookletChapterPage.objects.get(slug=DEMO_CHAPTER_SLUGS_PT[1])
    english = BookletChapterPage.objects.get(slug=DEMO_CHAPTER_SLUGS_EN[1])

    # Someone who may publish changes the Portuguese chapter.
    sign_in(page, "moderator", "moderator-demo-2026")
    page.goto(f"/admin/pages/{chapter.pk}/edit/")
    page.locator("#id_title").fill(f"{DEMO_CHAPTERS_PT[1]}, revista")
    publish(page)
    expect(page.locator(".messages")).to_contain_text(f"{DEMO_CHAPTERS_PT[1]}, revista")
    page.context.clear_cookies()

    # The editor opens the English chapter: the notice says what changed and links to it.
    sign_in(page, "editor", "editor-demo-2026")
    page.goto(f"/admin/pages/{english.pk}/edit/")
    notice = page.locator(".messages li.warning")
    expect(notice).to_contain_text("Esta tradução está desatualizada")
    expect(notice).to_contain_text(f"{DEMO_CHAPTERS_PT[1]}, revista")
    notice.get_by_role("link", name="Ver o que mudou").click()
    compare = rf"/admin/pages/{chapter.pk}/revisions/compare/\d+\.\.\.live/$"
    expect(page).to_have_url(re.compile(compare))
    expect(page.locator("main")).to_contain_text(f"{DEMO_CHAPTERS_PT[1]}, revista")

    # Back to the translation: edit it, save the draft, then mark it reviewed.
    page.goto(f"/admin/pages/{english.pk}/edit/")
    page.locator("#id_title").fill(f"{DEMO_CHAPTERS_EN[1]}, reviewed")
    page.locator("button.action-save").first.click()
    expect(page.locator(".messages")).to_contain_text(f"{DEMO_CHAPTERS_EN[1]}, reviewed")
    page.locator(".messages li.warning").get_by_role("button", name="Marcar como revista").click()
    expect(page.locator(".messages")).to_contain_text("marcada como revista")
    expect(page.locator(".messages li.warning")).to_have_count(0)

    # The report shows it up to date.
    page.goto("/admin/reports/translations/?locale=en&state=up_to_date")
    expect(page.locator("main")).to_contain_text(f"{DEMO_CHAPTERS_PT[1]}, revista")
