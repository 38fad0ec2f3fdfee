"""Logs are JSON lines and carry no personal data: no address, no report contents, no
contact details, no reference or code typed, no query string."""

import io
import json
import logging

import pytest
from django.test import Client

from tests.support.alertline import REPORT_URL, STATUS_URL, VALID

pytestmark = pytest.mark.usefixtures("fresh_cache")

ADDRESS = "203.0.113.77"
DESCRIPTION = "Um homem chamado Zebedeu-Marquesini pede fotos na PlataformaXyzzy."
CONTACT = "zebedeu.segredo@example.org"
TYPED_REFERENCE = "QWER-7777"
TYPED_CODE = "ZXCVB-N7777-77777"
QUERY_VALUE = "pista-do-joao-321"


@pytest.fixture
def log_output():
    """Everything any logger writes, at every level, through the site's JSON handler."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    root = logging.getLogger()
    stream = io.StringIO()
    previous_stream, previous_level = handler.setStream(stream), root.level
    root.setLevel(logging.DEBUG)
    yield stream
    root.setLevel(previous_level)
    handler.setStream(previous_stream)


def json_lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


def assert_no_personal_data(stream, *secrets):
    text = stream.getvalue()
    json_lines(stream)  # every line is JSON
    for secret in (ADDRESS, *secrets):
        assert secret not in text, f"{secret!r} is in the logs"


@pytest.mark.django_db
def test_a_server_error_is_logged_as_json_without_the_address_or_query(log_output, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("search engine exploded")

    monkeypatch.setattr("website.views.find_results", broken)
    response = Client(raise_request_exception=False).get(
        "/pt/pesquisa/", {"q": "segredo-do-joao"}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 500
    errors = [line for line in json_lines(log_output) if line["logger"] == "django.request"]
    assert errors and errors[0]["level"] == "ERROR"
    assert "/pt/pesquisa/" in errors[0]["message"]
    assert_no_personal_data(log_output, "segredo")


@pytest.mark.django_db
def test_a_report_on_the_alert_line_leaves_no_contents_in_the_logs(log_output, settings):
    settings.ALERTLINE_NOTIFY_EMAILS = ["equipa@example.org"]
    response = Client().post(
        REPORT_URL["pt"] + "?origem=" + QUERY_VALUE,
        {**VALID, "description": DESCRIPTION, "contact": CONTACT, "contact_consent": "on"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 200
    assert 'data-testid="reference"' in response.content.decode()
    assert_no_personal_data(log_output, "Zebedeu", "PlataformaXyzzy", CONTACT, QUERY_VALUE)


@pytest.mark.django_db
def test_a_failed_status_check_leaves_no_reference_code_or_query_in_the_logs(log_output):
    client = Client()
    statuses = []
    for _attempt in range(31):  # past the client's limit of failed look-ups, which may log
        response = client.post(
            STATUS_URL["en"] + "?reference=" + TYPED_REFERENCE + "&q=" + QUERY_VALUE,
            {"action": "lookup", "reference": TYPED_REFERENCE, "code": TYPED_CODE, "website": ""},
            REMOTE_ADDR=ADDRESS,
        )
        statuses.append(response.status_code)
        if len(statuses) == 1:
            assert "could not find" in response.content.decode()
    assert statuses[0] == 200 and statuses[-1] == 429
    assert_no_personal_data(log_output, TYPED_REFERENCE, TYPED_CODE, QUERY_VALUE, "7777")


@pytest.mark.django_db
def test_a_server_error_on_the_status_page_logs_no_form_or_query(log_output, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("status lookup exploded")

    monkeypatch.setattr("campaigns.alertline.models.Report.find", broken)
    response = Client(raise_request_exception=False).post(
        STATUS_URL["pt"] + "?q=" + QUERY_VALUE,
        {"action": "lookup", "reference": TYPED_REFERENCE, "code": TYPED_CODE, "website": ""},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 500
    errors = [line for line in json_lines(log_output) if line["logger"] == "django.request"]
    assert errors and errors[0]["level"] == "ERROR"
    assert_no_personal_data(log_output, TYPED_REFERENCE, TYPED_CODE, QUERY_VALUE, "7777")
