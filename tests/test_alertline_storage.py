"""Contact details encrypted at rest with their own rotating keys; retention."""

import base64
import datetime
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from campaigns.alertline import crypto
from campaigns.alertline.choices import Category, Role, Status
from campaigns.alertline.models import Report, ReportAddition

ROOT = Path(__file__).resolve().parent.parent
OLD_KEY = base64.b64encode(b"o" * 32).decode()
NEW_KEY = base64.b64encode(b"n" * 32).decode()


def test_contact_is_sealed_with_a_key_id_and_no_readable_timestamp():
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY]):
        first, second = crypto.encrypt("912 345 678"), crypto.encrypt("912 345 678")
        assert first != second  # a fresh nonce each time
        version, key_id, payload = first.split(":")
        assert version == "v1" and key_id == crypto.current_key_id()
        raw = base64.b64decode(payload)
        assert len(raw) == 12 + len("912 345 678") + 16  # nonce, ciphertext, tag: nothing else
        assert crypto.decrypt(first) == "912 345 678"


def test_keys_rotate_old_values_still_open_and_reencrypt_moves_them():
    with override_settings(ALERTLINE_CONTACT_KEYS=[OLD_KEY]):
        sealed = crypto.encrypt("ana@example.org")
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY, OLD_KEY]):
        assert crypto.decrypt(sealed) == "ana@example.org"
        moved = crypto.reencrypt(sealed)
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY]):
        assert crypto.decrypt(moved) == "ana@example.org"
        with pytest.raises(crypto.ContactDecryptionError) as error:
            crypto.decrypt(sealed)
        assert "ana@example.org" not in str(error.value)


def test_a_tampered_value_is_refused():
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY]):
        sealed = crypto.encrypt("ana@example.org")
        version, key_id, payload = sealed.split(":")
        raw = bytearray(base64.b64decode(payload))
        raw[-1] ^= 1
        with pytest.raises(crypto.ContactDecryptionError):
            crypto.decrypt(f"{version}:{key_id}:{base64.b64encode(bytes(raw)).decode()}")


# --- Retention -------------------------------------------------------------------------


def make(status, closed_days_ago=None, contact="ana@example.org"):
    report, _code = Report.create(
        category=Category.OTHER,
        description="Retention test",
        reporter_role=Role.OTHER,
        language="pt",
        contact=contact,
        contact_consent=bool(contact),
    )
    if closed_days_ago is not None:
        report.status = status
        report.closed_at = timezone.now() - datetime.timedelta(days=closed_days_ago)
        report.save()
    ReportAddition.objects.create(report=report, text="more")
    return report


@pytest.mark.django_db
def test_purge_reports_keeps_to_the_retention_rules():
    fresh_closed = make(Status.CLOSED, closed_days_ago=5)
    contact_due = make(Status.CLOSED, closed_days_ago=31)
    closed_due = make(Status.CLOSED, closed_days_ago=91)
    spam_fresh = make(Status.SPAM, closed_days_ago=3)
    spam_due = make(Status.SPAM, closed_days_ago=8)
    open_old = make(Status.NEW)
    Report.objects.filter(pk=open_old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("purge_reports", stdout=open(os.devnull, "w"))  # noqa: SIM115

    remaining = set(Report.objects.values_list("pk", flat=True))
    assert closed_due.pk not in remaining and spam_due.pk not in remaining
    assert not ReportAddition.objects.filter(report_id=closed_due.pk).exists()
    assert {fresh_closed.pk, contact_due.pk, spam_fresh.pk, open_old.pk} <= remaining
    contact_due.refresh_from_db()
    fresh_closed.refresh_from_db()
    assert contact_due.contact_encrypted == "" and not contact_due.contact_consent
    assert fresh_closed.contact == "ana@example.org"
    open_old.refresh_from_db()
    assert open_old.contact == "ana@example.org"  # open reports are never purged


@pytest.mark.django_db
def test_reencrypt_contacts_moves_every_contact_to_the_current_key():
    with override_settings(ALERTLINE_CONTACT_KEYS=[OLD_KEY]):
        report = make(Status.NEW)
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY, OLD_KEY]):
        call_command("reencrypt_contacts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    with override_settings(ALERTLINE_CONTACT_KEYS=[NEW_KEY]):
        report.refresh_from_db()
        assert report.contact == "ana@example.org"
