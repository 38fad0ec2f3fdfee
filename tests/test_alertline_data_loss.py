"""Never lose a report: it is committed before anything else, whatever fails after.

These tests commit for real (transactional), with ATOMIC_REQUESTS on as in every
environment, so a rollback after the save would show. Run them on SQLite and on
PostgreSQL (DATABASE_URL=postgres://…).
"""

import logging

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.core.signals import got_request_exception
from django.db import connection
from django.test import Client, override_settings
from django.views.debug import SafeExceptionReporterFilter

from campaigns.alertline import codes, views
from campaigns.alertline.models import Report
from tests.support.alertline import VALID, pair_from, send_report

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("committed_demo"),
    pytest.mark.usefixtures("fresh_cache"),
]

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
}


def stored(reference):
    return Report.objects.filter(reference=codes.normalise(reference)).exists()


def test_atomic_requests_is_on():
    assert connection.settings_dict["ATOMIC_REQUESTS"] is True


def test_a_report_is_stored_when_the_mail_backend_raises(client, monkeypatch, caplog):
    def explode(self, messages):
        raise OSError("mail server on fire")

    monkeypatch.setattr(EmailBackend, "send_messages", explode)
    with caplog.at_level(logging.ERROR):
        response = send_report(client, contact="ana@example.org", contact_consent="on")
    assert response.status_code == 200
    reference, _code = pair_from(response)
    assert stored(reference)
    logged = caplog.text
    assert "Alert-line notice not sent (OSError)" in logged
    assert VALID["description"] not in logged and "ana@example.org" not in logged


def test_a_report_is_stored_when_redis_is_unreachable(caplog):
    # override_settings(CACHES=…) makes Django rebuild its cache handlers.
    with override_settings(CACHES=UNREACHABLE_REDIS), caplog.at_level(logging.WARNING):
        response = Client().post("/en/alert-line/", VALID)
    assert response.status_code == 200
    reference, code = pair_from(response)
    assert stored(reference) and len(codes.normalise(code)) == codes.CODE_LENGTH
    assert VALID["description"] not in caplog.text


def test_a_report_is_kept_when_the_confirmation_page_fails(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("template machinery broke")

    monkeypatch.setattr(views, "render_page", broken)
    before = Report.objects.count()
    with caplog.at_level(logging.ERROR):
        response = send_report(client, language="en")
    assert response.status_code == 200
    reference, _code = pair_from(response)  # the plain page still gives the pair
    assert stored(reference) and Report.objects.count() == before + 1
    assert "confirmation page failed (RuntimeError)" in caplog.text


def test_what_the_public_typed_never_reaches_an_error_report(monkeypatch):
    """An error report (mail to admins, an error tracker) is built from the request that
    failed: its POST data must come out masked."""

    def database_down(**fields):
        raise RuntimeError("database down")

    failed = []

    def keep_request(sender, request=None, **kwargs):
        failed.append(request)

    monkeypatch.setattr(Report, "create", database_down)
    got_request_exception.connect(keep_request)
    try:
        response = Client(raise_request_exception=False).post(
            "/en/alert-line/", {**VALID, "contact": "ana@example.org", "contact_consent": "on"}
        )
    finally:
        got_request_exception.disconnect(keep_request)
    assert response.status_code == 500
    reported = SafeExceptionReporterFilter().get_post_parameters(failed[0])
    assert reported["contact"] != "ana@example.org"
    assert reported["description"] != VALID["description"]
