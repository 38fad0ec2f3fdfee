"""The alert line in a real browser: a report sent with the keyboard alone, the status page,
a handler's reply reaching the reporter, and axe on every alert-line page."""

import pytest
from playwright.sync_api import expect

from campaigns.alertline import codes
from campaigns.alertline.models import Report
from tests.browser.keyboard import send_report_by_keyboard, tab_to
from tests.browser.support import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def send_with_keyboard(page, language="en", description="Someone asks for money."):
    send_report_by_keyboard(
        page, language, "DemoChat, https://example.org/profile", description, when="yesterday"
    )
    reference = page.get_by_test_id("reference")
    expect(reference).to_be_visible()
    return reference.inner_text(), page.get_by_test_id("code").inner_text()


def test_a_report_sent_with_the_keyboard_alone_gives_a_reference_and_a_code(page):
    reference, code = send_with_keyboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report was sent")
    expect(
        page.get_by_role("heading", name="If someone is threatening to share images")
    ).to_be_visible()
    report = Report.objects.get(reference=codes.normalise(reference))
    assert report.category == "sextortion" and report.reporter_role == "self"
    assert report.where == "DemoChat, https://example.org/profile"
    assert len(codes.normalise(code)) == codes.CODE_LENGTH


def check_status(page, language, reference, code):
    page.goto("/en/alert-line/status/" if language == "en" else "/pt/linha-alerta/estado/")
    # With the keyboard alone, as in the report journey.
    tab_to(page, "id_reference")
    expect(page.get_by_label("Reference" if language == "en" else "Referência")).to_be_focused()
    page.keyboard.type(reference)
    tab_to(page, "id_code")
    expect(
        page.get_by_label(
            "Secret follow-up code" if language == "en" else "Código secreto de acompanhamento"
        )
    ).to_be_focused()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("status")).to_be_visible()


def test_the_reporter_checks_the_status_and_adds_information(page):
    reference, code = send_with_keyboard(page)
    check_status(page, "en", reference, code)
    expect(page.get_by_test_id("status")).to_have_text("New")
    page.get_by_role("textbox", name="Add information").fill("The username is demo_user_42.")
    page.get_by_role("button", name="Add to my report").click()
    expect(page.get_by_role("status")).to_have_text("Thank you. We added this to your report.")
    report = Report.objects.get(reference=codes.normalise(reference))
    assert report.additions.get().text == "The username is demo_user_42."


def test_a_handler_forwards_and_replies_and_the_reporter_sees_the_reply(page):
    reference, code = send_with_keyboard(page)
    report = Report.objects.get(reference=codes.normalise(reference))

    page.goto("/admin/login/")
    page.locator("#id_username").fill("handler")
    page.locator("#id_password").fill("handler-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/alert-line-reports/edit/{report.pk}/")
    # The link the reporter typed is text, not a link.
    expect(page.locator('a[href="https://example.org/profile"]')).to_have_count(0)
    page.locator("#id_status").select_option("forwarded")
    page.locator("#id_reply").fill("We passed this to the police. Help: https://example.org/help")
    page.locator("button.button-longrunning[type=submit]").first.click()
    page.wait_for_url("**/admin/alert-line-reports/")
    report.refresh_from_db()
    assert report.status == "forwarded" and report.status_changed_by.username == "handler"

    page.context.clear_cookies()
    check_status(page, "en", reference, code)
    expect(page.get_by_test_id("status")).to_have_text("Forwarded to the police")
    expect(page.get_by_test_id("reply")).to_contain_text("We passed this to the police.")
    expect(page.get_by_test_id("reply").get_by_role("link")).to_have_attribute(
        "rel", "nofollow noopener"
    )
    expect(page.get_by_role("button", name="Withdraw my report")).to_have_count(0)


@pytest.mark.parametrize("language", ["pt", "en"])
def test_no_axe_violations_on_the_alert_line(page, language):
    found = {}
    base = "/en/alert-line/" if language == "en" else "/pt/linha-alerta/"
    status = base + ("status/" if language == "en" else "estado/")
    page.goto(base)
    found["page"] = axe_violations(page)
    page.locator("button[type=submit]").last.click()  # empty form: errors
    expect(page.locator("#error-summary")).to_be_visible()
    found["errors"] = axe_violations(page)
    page.goto(status)
    found["status form"] = axe_violations(page)
    check_status(page, language, "XDEM-3333", "DEMXC-D3333-33333")
    found["status"] = axe_violations(page)
    reference, code = send_with_keyboard(page, language)
    found["confirmation"] = axe_violations(page)
    assert not any(found.values()), found
