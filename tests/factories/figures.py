"""What the open-figures tests need: alert-line reports with the dates a handler's work
gives them, the figures page in each language, and a clock set to a chosen moment."""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report
from campaigns.figures.models import FiguresPage
from campaigns.figures.quarters import latest_publishable
from website.models import HomePage


def moment(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def add_report(
    received,
    category="grooming",
    status=Status.NEW,
    response_hours=None,
    forwarded=False,
    closed_after_days=None,
):
    """A report received at `received`, first looked at `response_hours` later, then
    forwarded and/or closed (or marked spam) as a handler would."""
    report, _code = Report.create(
        category=category,
        description="Someone keeps sending messages.",
        reporter_role="parent",
        language="pt",
        contact="ana@example.org",
        contact_consent=True,
    )
    report.created_at = received
    if response_hours is not None:
        report.first_reviewed_at = received + datetime.timedelta(hours=response_hours)
    if forwarded:
        report.forwarded_at = received + datetime.timedelta(days=1)
    if closed_after_days is not None:
        report.closed_at = received + datetime.timedelta(days=closed_after_days)
    report.status = status
    report.save()
    return report


@contextmanager
def clock_at(when):
    """The site's clock (timezone.now) reads `when` inside the block."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        yield


def purge_reports_at(when):
    with clock_at(when), open("/dev/null", "w") as quiet:
        call_command("purge_reports", stdout=quiet)


def old_quarter(back=12):
    """A published quarter older than the demo's eight."""
    quarter = latest_publishable(timezone.localdate())
    for _step in range(back):
        quarter = quarter.previous
    return quarter


def figures_page(language):
    """The live figures page of `language`, made (in both languages) when missing."""
    page = FiguresPage.objects.live().filter(locale__language_code=language).first()
    if page is not None:
        return page
    home = HomePage.objects.get(locale__language_code="pt")
    page = FiguresPage(title="Números", slug="numeros", intro="Números de cada trimestre.")
    home.add_child(instance=page)
    page.save_revision().publish()
    english = HomePage.objects.get(locale__language_code="en").locale
    translation = page.copy_for_translation(english)
    translation.title, translation.slug = "Figures", "figures"
    translation.save_revision().publish()
    return FiguresPage.objects.live().get(locale__language_code=language)
