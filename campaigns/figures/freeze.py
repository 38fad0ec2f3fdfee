"""Freezing the alert line's figures before its reports are purged.

`purge_reports` calls `freeze_before_purge` (through the `before_purging_reports` hook)
with the reports it is about to delete, inside its own transaction, before deleting:

1. Every quarter that may now be published and is not sealed yet is sealed: its reports
   still kept are added to what was frozen of it before, and its rows never change again.
2. The reports about to be deleted whose quarter is still open (spam goes after 7 days,
   long before its quarter closes) are added to their quarter's open rows.

So each report is counted exactly once, and a quarter's figures are the same whether its
reports were purged before or after it was sealed. Only counts and durations are kept.
"""

import datetime
import math

from django.apps import apps
from django.db.models import Min
from django.utils import timezone

from website.caching.invalidation import SeparateToken

from .models import ReportFigures
from .quarters import Quarter, latest_publishable, quarters_between

SEALED = SeparateToken(
    "figures:sealed", "the open figures: a quarter frozen or demo figures loaded"
)
DEFAULT_PROMISED_DAYS = 2
SPAM = "spam"
COUNTED = ["received", "forwarded", "spam", "responded", "responded_in_time", "response_hours"]


def figures_token():
    return SEALED.current()


def freeze_before_purge(reports, now=None):
    now = now or timezone.now()
    promised = promised_days()
    seal_due_quarters(reports.model, now, promised)
    add_to_open_quarters(reports, promised)


def promised_days():
    """What the alert-line page promises for a first look, in working days."""
    page_model = apps.get_model("alertline", "AlertLinePage")
    days = page_model.objects.live().order_by("path").values_list("first_response_days", flat=True)
    return days.first() or DEFAULT_PROMISED_DAYS


def local_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def reports_of(report_model, quarter):
    return report_model.objects.filter(
        created_at__gte=local_start(quarter.start), created_at__lt=local_start(quarter.next.start)
    )


def seal_due_quarters(report_model, now, promised):
    last = latest_publishable(timezone.localdate(now))
    real = ReportFigures.objects.filter(is_demo=False)
    earliest = [
        report_model.objects.aggregate(first=Min("created_at"))["first"],
        real.filter(sealed_at__isnull=True).aggregate(first=Min("quarter_start"))["first"],
    ]
    earliest = [
        timezone.localdate(day) if isinstance(day, datetime.datetime) else day
        for day in earliest
        if day
    ]
    if not earliest:
        return
    sealed = set(real.filter(sealed_at__isnull=False).values_list("quarter_start", flat=True))
    for quarter in quarters_between(Quarter.of(min(earliest)), last):
        if quarter.start not in sealed:
            seal(report_model, quarter, now, promised)


def seal(report_model, quarter, now, promised):
    rows = open_rows(quarter, categories(report_model))
    for report in reports_of(report_model, quarter):
        add_report(rows[report.category], report, promised)
    for row in rows.values():
        row.sealed_at = now
    save_rows(rows.values(), promised)


def add_to_open_quarters(reports, promised):
    sealed = set(
        ReportFigures.objects.filter(is_demo=False, sealed_at__isnull=False).values_list(
            "quarter_start", flat=True
        )
    )
    rows = {}
    for report in reports:
        quarter = Quarter.of(timezone.localdate(report.created_at))
        if quarter.start in sealed:
            continue  # counted when its quarter was sealed
        key = (quarter, report.category)
        if key not in rows:
            rows[key] = open_rows(quarter, [report.category])[report.category]
        add_report(rows[key], report, promised)
    save_rows(rows.values(), promised)


def categories(report_model):
    return [value for value, _label in report_model._meta.get_field("category").choices]


def open_rows(quarter, names):
    """{category: row} of a quarter's real rows, new ones unsaved."""
    rows = {
        row.category: row
        for row in ReportFigures.objects.filter(
            quarter_start=quarter.start, is_demo=False, category__in=names
        )
    }
    for name in names:
        rows.setdefault(name, ReportFigures(quarter_start=quarter.start, category=name))
    return rows


def save_rows(rows, promised):
    rows = list(rows)
    for row in rows:
        row.promised_days = row.promised_days or promised
    ReportFigures.objects.bulk_create([row for row in rows if row.pk is None])
    ReportFigures.objects.bulk_update(
        [row for row in rows if row.pk is not None], [*COUNTED, "sealed_at", "promised_days"]
    )
    if rows:
        SEALED.replace()


def first_response(report):
    """A handler's first look (the first status change) or first reply, whichever came
    first: what the alert-line page promises within its working days."""
    moments = [moment for moment in (report.first_reviewed_at, report.replied_at) if moment]
    return min(moments, default=None)


def deadline(received, working_days):
    """The moment `working_days` working days (Monday to Friday) after `received`."""
    moment = timezone.localtime(received)
    added = 0
    while added < working_days:
        moment += datetime.timedelta(days=1)
        if moment.weekday() < 5:
            added += 1
    return moment


def add_report(row, report, promised):
    row.received += 1
    row.forwarded += report.forwarded_at is not None
    row.spam += report.status == SPAM
    responded = first_response(report)
    if responded is None:
        return
    hours = max(0, math.ceil((responded - report.created_at).total_seconds() / 3600))
    row.responded += 1
    row.responded_in_time += responded <= deadline(report.created_at, promised)
    row.response_hours[str(hours)] = row.response_hours.get(str(hours), 0) + 1
