"""Wagtail's `publish_scheduled`, which first cancels scheduled revisions that use a
refused term.

A revision is checked when it is scheduled (the page form, the approval task), but the
list of terms can grow before it goes live, and Wagtail publishes scheduled revisions
without any check. This command takes the place of Wagtail's (website apps come first in
INSTALLED_APPS); the cancellation is in the page's history, and the page stays as it is.
"""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Page, Revision

from ...checks import refused_in_object


class Command(WagtailCommand):
    help = "Publish scheduled revisions, except those that use a refused term."

    def handle(self, *args, **options):
        for revision in Revision.objects.filter(
            approved_go_live_at__lt=timezone.now(), base_content_type=page_content_type()
        ):
            problems = refused_in_object(revision.as_object())
            if not problems:
                continue
            self.stderr.write(
                f"Not publishing revision {revision.pk} of {revision.object_str!r}: "
                + "; ".join(problem.message for problem in problems)
            )
            if not options["dryrun"]:
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
        super().handle(*args, **options)


def page_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page)
