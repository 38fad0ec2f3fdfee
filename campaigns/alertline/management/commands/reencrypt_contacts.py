"""Key rotation: seal every stored contact with the first key of ALERTLINE_CONTACT_KEYS.

Put the new key first, keep the old ones after it, run this, then remove the old keys.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from campaigns.alertline import crypto
from campaigns.alertline.models import Report


class Command(BaseCommand):
    help = "Re-encrypt reporters' contact details with the current (first) key."

    @transaction.atomic
    def handle(self, *args, **options):
        current = crypto.current_key_id()
        moved = 0
        reports = Report.objects.exclude(contact_encrypted="").select_for_update()
        for report in reports.only("pk", "contact_encrypted"):
            if report.contact_encrypted.split(":")[1] == current:
                continue
            report.contact_encrypted = crypto.reencrypt(report.contact_encrypted)
            report.save(update_fields=["contact_encrypted"])
            moved += 1
        self.stdout.write(f"Contact details re-encrypted: {moved}.")
