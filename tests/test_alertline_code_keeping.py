"""The follow-up code is kept as a keyed HMAC; codes kept as PBKDF2 before still open their
report, and are re-kept as HMAC the first time."""

import pytest
from django.contrib.auth.hashers import make_password

from campaigns.alertline import codes
from campaigns.alertline.models import Report
from tests.support.alertline import STATUS_URL, pair_from, send_report
from tests.support.pages import html_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def opens(client, reference, code):
    """Whether the status page shows the report's status for this pair."""
    response = client.post(
        STATUS_URL["en"], {"action": "lookup", "reference": reference, "code": code}
    )
    return 'data-testid="status"' in html_of(response)


def stored(reference):
    return Report.objects.get(reference=codes.normalise(reference))


def test_a_new_code_is_kept_as_an_hmac_and_opens_its_report(client):
    reference, code = pair_from(send_report(client))
    report = stored(reference)
    assert report.code_hash.startswith("hmac-sha256$")
    assert codes.normalise(code) not in report.code_hash
    assert opens(client, reference, code)
    assert not opens(client, reference, "A" * 15)


def test_a_code_kept_as_pbkdf2_still_opens_its_report_and_is_re_kept(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    reference, code = pair_from(send_report(client))
    report = stored(reference)
    report.code_hash = make_password(codes.normalise(code))  # as earlier versions kept it
    report.save(update_fields=["code_hash"])
    assert not opens(client, reference, "B" * 15)
    assert stored(reference).code_hash.startswith("pbkdf2_")  # a wrong code changes nothing
    assert opens(client, reference, code)
    assert stored(reference).code_hash.startswith("hmac-sha256$")
    assert opens(client, reference, code)


def test_after_a_new_secret_key_old_codes_open_with_the_fallback_and_are_re_kept(client, settings):
    reference, code = pair_from(send_report(client))
    before = stored(reference).code_hash
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-test-only-key-that-is-not-secret-either-0123456789"  # noqa: S105
    assert opens(client, reference, code)
    after = stored(reference).code_hash
    assert after != before and after.startswith("hmac-sha256$")
    settings.SECRET_KEY_FALLBACKS = []
    assert opens(client, reference, code)
