"""The alert line through HTTP: the page, a report, the one-time code, the status page."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.alertline import codes
from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report, ReportAddition
from tests.support.alertline import REPORT_URL, STATUS_URL, VALID, pair_from, send_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def html_of(response):
    return response.content.decode()


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_page_opens_with_the_emergency_number_then_phone_hours_evidence_and_the_form(
    client, language
):
    response = client.get(REPORT_URL[language])
    assert response.status_code == 200
    html = html_of(response)
    danger = (
        "Alguém está em perigo agora? Liga 112."
        if language == "pt"
        else ("Is someone in danger right now? Call 112.")
    )
    order = [
        danger,
        "+351 918 089 090",
        "9:00" if language == "en" else "9h00",
        'id="evidence-heading"',
        '<form method="post"',
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions), positions
    assert 'href="tel:112"' in html
    assert 'type="file"' not in html
    never = (
        "Never copy, download or send images of abuse"
        if language == "en"
        else ("Nunca copies, descarregues nem envies imagens de abuso")
    )
    assert never in html
    assert ("anonymous" if language == "en" else "anónima") in html


def test_a_report_is_stored_as_typed_with_a_hashed_code_and_the_pair_is_shown_once(client):
    before = Report.objects.count()
    response = send_report(client, contact="ana@example.org", contact_consent="on")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    reference, code = pair_from(response)
    assert Report.objects.count() == before + 1
    report = Report.objects.get(reference=codes.normalise(reference))
    assert report.description == VALID["description"]  # as typed, tags and all
    assert report.where == VALID["where"]
    assert report.language == "pt"
    assert report.status == Status.NEW
    # The code: >= 60 bits, from the readable alphabet, kept only as a password hash.
    plain = codes.normalise(code)
    assert len(plain) * 4.95 >= 60
    assert not set(plain + report.reference) & set("0O1I")
    assert plain not in report.code_hash
    assert codes.check_code(plain, report.code_hash) == (True, False)
    # The contact is encrypted at rest and readable with the key.
    assert "ana@example.org" not in report.contact_encrypted
    assert report.contact == "ana@example.org"
    # Escaped when shown back (the description is not echoed on the confirmation).
    assert "<b>e</b>" not in html_of(response)
    # The code is never in a URL: the confirmation is the POST's own response.
    assert code not in response.get("Location", "")


def test_the_confirmation_gives_category_advice(client):
    html = html_of(send_report(client, language="en", category="sextortion"))
    assert "Do not pay" in html and "Stop replying" in html and "Keep the messages" in html
    html = html_of(send_report(client, language="en", category="images_shared"))
    assert "Take It Down" in html and "never uploaded" in html


def test_references_are_random_and_distinct():
    references = {codes.new_reference() for _ in range(500)}
    assert len(references) == 500
    assert all(codes.looks_valid(ref, codes.REFERENCE_LENGTH) for ref in references)


def test_the_handlers_notice_says_only_that_a_report_arrived(
    client, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = send_report(client, contact="ana@example.org", contact_consent="on")
        assert mail.outbox == []  # nothing is sent before the report is committed
    assert len(callbacks) == 1
    reference, _code = pair_from(response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert reference in message.subject
    body = message.subject + message.body
    assert VALID["description"] not in body and "ana@example.org" not in body
    assert "example.org/perfil" not in body


@pytest.mark.parametrize("language", ["pt", "en"])
def test_status_page_shows_status_and_reply_and_takes_additions(client, language):
    reference, code = pair_from(send_report(client, language=language))
    report = Report.objects.get(reference=codes.normalise(reference))
    report.reply = "Obrigado. Vê https://example.org/ajuda e http://inseguro.example/x"
    report.save()
    # Lower case and spaces instead of dashes are fine.
    response = client.post(
        STATUS_URL[language],
        {"action": "lookup", "reference": reference.lower().replace("-", " "), "code": code},
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = html_of(response)
    assert re.search(r'data-testid="status">[^<]+<', html)
    # https links become links with rel="nofollow noopener"; http stays text.
    assert '<a href="https://example.org/ajuda" rel="nofollow noopener">' in html
    assert 'href="http://inseguro.example' not in html

    response = client.post(
        STATUS_URL[language],
        {"action": "add", "reference": reference, "code": code, "text": "Mais um nome: xpto"},
    )
    assert response.status_code == 200
    assert ReportAddition.objects.filter(report=report, text="Mais um nome: xpto").exists()


def test_the_status_page_has_a_language_switch_to_the_other_status_page(client):
    html = html_of(client.get(STATUS_URL["pt"]))
    assert f'hreflang="en" href="http://testserver{STATUS_URL["en"]}"' in html
    html = html_of(client.get(STATUS_URL["en"]))
    assert f'hreflang="pt" href="http://testserver{STATUS_URL["pt"]}"' in html


def test_a_wrong_pair_does_not_reveal_whether_the_reference_exists(client):
    reference, code = pair_from(send_report(client))
    wrong_code = client.post(
        STATUS_URL["en"], {"action": "lookup", "reference": reference, "code": "A" * 15}
    )
    no_such_reference = client.post(
        STATUS_URL["en"], {"action": "lookup", "reference": "ZZZZ-ZZZZ", "code": code}
    )
    assert wrong_code.status_code == no_such_reference.status_code == 200

    def error_of(response):
        return re.search(r'<div class="error-summary".*?</div>', html_of(response), re.S).group(0)

    assert error_of(wrong_code) == error_of(no_such_reference)
    assert "could not find a report" in error_of(wrong_code)


def test_attempts_are_limited_per_client(client):
    for number in range(30):
        client.post(
            STATUS_URL["en"],
            {"action": "lookup", "reference": f"ABCD-EF{number:02d}", "code": "C" * 15},
        )
    response = client.post(STATUS_URL["en"], {"action": "lookup", "reference": "X", "code": "Y"})
    assert response.status_code == 429


def test_withdraw_before_the_police_and_refused_after(client, admin_user):
    reference, code = pair_from(send_report(client, language="en"))
    response = client.post(
        STATUS_URL["en"],
        {"action": "withdraw", "reference": reference, "code": code, "confirm": "on"},
    )
    assert "Your report is withdrawn" in html_of(response)
    assert Report.objects.get(reference=codes.normalise(reference)).status == Status.WITHDRAWN

    reference, code = pair_from(send_report(client, language="en"))
    report = Report.objects.get(reference=codes.normalise(reference))
    report.apply_status(Status.FORWARDED, user=admin_user)
    report.save()
    html = html_of(
        client.post(STATUS_URL["en"], {"action": "lookup", "reference": reference, "code": code})
    )
    assert "Withdraw my report" not in html
    assert "they keep it" in html
    response = client.post(
        STATUS_URL["en"],
        {"action": "withdraw", "reference": reference, "code": code, "confirm": "on"},
    )
    assert "The police already have this report" in html_of(response)
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    assert report.withdrawal_requested_at is not None


def test_nothing_can_be_added_to_a_withdrawn_report(client):
    reference, code = pair_from(send_report(client, language="en"))
    pair = {"reference": reference, "code": code}
    client.post(STATUS_URL["en"], {"action": "withdraw", "confirm": "on", **pair})
    response = client.post(STATUS_URL["en"], {"action": "add", "text": "late", **pair})
    assert "This report is closed, so nothing can be added" in html_of(response)
    assert not ReportAddition.objects.filter(text="late").exists()


def test_the_report_page_has_the_same_query_count_with_more_reports(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REPORT_URL["en"]).status_code == 200
        return len(queries)

    count()  # warm the caches: the site, the settings, the route
    count()  # and the page read through the route
    first = count()
    for _ in range(5):
        send_report(client)
    assert count() == first <= 21


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_home_page_shows_the_alert_line_section_in_each_language(client, language):
    html = html_of(client.get(f"/{language}/"))
    section = re.search(r'<section class="section section--alert-line".*?</section>', html, re.S)
    assert section, "no alert-line section on the home page"
    assert f'href="{REPORT_URL[language]}"' in section.group(0)
    assert 'aria-labelledby="alert-line-heading"' in section.group(0)


def test_a_report_judged_to_be_spam_reads_as_closed_to_the_reporter(client):
    """Nobody, least of all a frightened child, is told their report was "spam"."""
    report = Report.objects.get(reference="XDEM3333")  # a demo report with a known code
    report.status = Status.SPAM
    report.save()
    response = client.post(
        STATUS_URL["en"],
        {"action": "lookup", "reference": "XDEM-3333", "code": "DEMXC-D3333-33333"},
    )
    status = re.search(r'<dd data-testid="status">([^<]*)</dd>', html_of(response)).group(1)
    assert status == "Closed"
