"""Retention: delete closed reports after N days, spam after 7, erase contact details sooner.

Run it daily (see docs/alert-line.md). Counts only are printed: never a report's content.
Before anything is deleted, each `before_purging_reports` hook gets the reports about to
go (the open figures freeze their counts this way), in the same transaction.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks

from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report

FINISHED = [Status.CLOSED, Status.WITHDRAWN]


class Command(BaseCommand):
    help = "Delete old closed and spam reports and erase old contact details."

    def add_arguments(self, parser):
        parser.add_argument("--closed-days", type=int, default=settings.ALERTLINE_KEEP_CLOSED_DAYS)
        parser.add_argument(
            "--contact-days", type=int, default=settings.ALERTLINE_KEEP_CONTACT_DAYS
        )
        parser.add_argument("--spam-days", type=int, default=settings.ALERTLINE_KEEP_SPAM_DAYS)

    @transaction.atomic
    def handle(self, *args, closed_days, contact_days, spam_days, **options):
        now = timezone.now()

        def before(days):
            return now - datetime.timedelta(days=days)

        erased = (
            Report.objects.filter(status__in=FINISHED, closed_at__lt=before(contact_days))
            .exclude(contact_encrypted="")
            .update(contact_encrypted="", contact_consent=False)
        )
        old_finished = Q(status__in=FINISHED, closed_at__lt=before(closed_days))
        old_spam = Q(status=Status.SPAM, closed_at__lt=before(spam_days))
        for hook in hooks.get_hooks("before_purging_reports"):
            hook(Report.objects.filter(old_finished | old_spam))
        closed, _ = Report.objects.filter(old_finished).delete()
        spam, _ = Report.objects.filter(old_spam).delete()
        self.stdout.write(
            f"Reports: {erased} contact details erased, {closed} closed deleted "
            f"(deleted rows include added information), {spam} spam deleted."
        )
