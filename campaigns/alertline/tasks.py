"""The handlers' notice: sent after the report is committed, through Django's tasks.

It says only that a report arrived and its reference: never what it says, never the
contact. It runs on the TASKS alias "alertline" with Django 6.1's own `django.tasks`:
django-tasks-db 0.13 (the persistent queue for production) runs only `django.tasks`
tasks on Django 6, while Wagtail 8.0's tasks use the `django_tasks` backport on
"default" (its immediate backend), and both frameworks read the same TASKS setting. The
alias keeps each framework on a backend it can run. django.tasks has no retries of its
own: a failed send is enqueued again, later, where the backend can defer.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .codes import display_reference

logger = logging.getLogger(__name__)

HANDLERS_GROUP = "Alert-line handlers"
MAX_ATTEMPTS = 5


def recipients():
    if settings.ALERTLINE_NOTIFY_EMAILS:
        return list(settings.ALERTLINE_NOTIFY_EMAILS)
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=HANDLERS_GROUP)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


@task(backend="alertline")
def notify_handlers(reference, attempt=1):
    to = recipients()
    if not to:
        logger.warning("Alert-line notice: nobody to notify (set ALERTLINE_NOTIFY_EMAILS)")
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("alertline_report:index")
        shown = display_reference(reference)
        subject = _("New alert-line report %(reference)s") % {"reference": shown}
        body = _(
            "A new report arrived at the alert line. Reference: %(reference)s.\n"
            "Read it in the admin: %(url)s"
        ) % {"reference": shown, "url": admin_url}
    try:
        sent = send_mail(subject, body, None, to)
    except Exception as error:
        logger.error("Alert-line notice not sent (%s), attempt %d", type(error).__name__, attempt)
        sent = 0
    if not sent and attempt < MAX_ATTEMPTS and notify_handlers.get_backend().supports_defer:
        # A persistent queue takes it again later; the dashboard shows the report meanwhile.
        later = timezone.now() + datetime.timedelta(minutes=5 * attempt)
        notify_handlers.using(run_after=later).enqueue(reference, attempt + 1)
    return sent
