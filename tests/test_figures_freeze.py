"""The alert line's quarterly figures are frozen by the purge before it deletes reports:
a quarter's published figures are the same before and after its reports are gone, each
report is counted once, and what is kept is counts and durations only."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache

from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report
from campaigns.figures.models import ReportFigures
from tests.factories.figures import (
    add_report,
    figures_page,
    moment,
    old_quarter,
    purge_reports_at,
)

pytestmark = pytest.mark.django_db


def published_rows(client, page, quarter, table):
    cache.clear()  # read the figures again from the database, not from a cached copy
    response = client.get(page.quarter_url(quarter, name=f"csv/{table}"))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def make_quarter_of_reports(quarter):
    """Reports received during `quarter`: (reports, what a true count must find)."""
    day = quarter.start + datetime.timedelta(days=3)
    made = []
    # Spam closed a day after it came in: purged a week later, long before the quarter ends.
    made += [
        add_report(moment(day), "other", Status.SPAM, response_hours=5, closed_after_days=1)
        for _ in range(4)
    ]
    made += [
        add_report(
            moment(day), "grooming", Status.CLOSED, response_hours=hours, closed_after_days=60
        )
        for hours in (2, 4, 8, 20, 30, 40, 50, 60, 70, 90, 100, 200)
    ]
    made += [
        add_report(moment(day), "sextortion", Status.FORWARDED, response_hours=6, forwarded=True)
        for _ in range(11)
    ]
    made += [add_report(moment(day), "cyberbullying") for _ in range(3)]  # never answered
    return made


def test_a_quarters_figures_survive_the_purge_of_its_reports_unchanged(client):
    quarter = old_quarter()
    page = figures_page("en")
    made = make_quarter_of_reports(quarter)

    # During the quarter, the daily purge deletes the spam: it is frozen first.
    purge_reports_at(moment(quarter.start + datetime.timedelta(days=20)))
    assert not Report.objects.filter(category="other", pk__in=[r.pk for r in made]).exists()
    # A month after the quarter, the purge seals it with the reports still kept.
    purge_reports_at(moment(quarter.publishable_on))
    reports = published_rows(client, page, quarter, "reports")
    times = published_rows(client, page, quarter, "response-times")
    assert Report.objects.filter(category="grooming", pk__in=[r.pk for r in made]).exists()

    # Three months later the closed reports are deleted too; the police's are kept.
    purge_reports_at(moment(quarter.publishable_on + datetime.timedelta(days=120)))
    left = Report.objects.filter(pk__in=[r.pk for r in made])
    assert set(left.values_list("category", flat=True)) == {"sextortion", "cyberbullying"}
    assert published_rows(client, page, quarter, "reports") == reports
    assert published_rows(client, page, quarter, "response-times") == times

    by_category = {row[1]: row for row in reports}
    # 30 reports: 12 grooming, 11 sextortion, 4 spam and 3 unanswered (true counts).
    assert by_category["all"][3:6] == ["30", "10", "c"]  # received, forwarded, spam
    assert by_category["grooming"][3] == "10" and by_category["sextortion"][3] == "10"
    # 27 first responses; the 14th fastest took 6 hours, the 25th 90 hours.
    assert times[1][1:4] == ["25", "6", "90"]


def test_each_report_is_counted_once_and_only_counts_and_durations_are_kept():
    quarter = old_quarter()
    make_quarter_of_reports(quarter)
    purge_reports_at(moment(quarter.start + datetime.timedelta(days=20)))
    purge_reports_at(moment(quarter.publishable_on))
    purge_reports_at(moment(quarter.publishable_on + datetime.timedelta(days=120)))

    rows = ReportFigures.objects.filter(quarter_start=quarter.start, is_demo=False)
    assert all(row.sealed_at is not None for row in rows)
    totals = {row.category: (row.received, row.forwarded, row.spam, row.responded) for row in rows}
    assert totals["other"] == (4, 0, 4, 4)
    assert totals["grooming"] == (12, 0, 0, 12)
    assert totals["sextortion"] == (11, 11, 0, 11)
    assert totals["cyberbullying"] == (3, 0, 0, 0)
    grooming = rows.get(category="grooming")
    assert sum(grooming.response_hours.values()) == 12
    assert grooming.response_hours["200"] == 1
    # Two working days promised: 2 to 40 hours are in time from a weekday morning, 200 never.
    assert grooming.responded_in_time < 12
    stored = {field.name for field in ReportFigures._meta.get_fields()}
    assert stored.isdisjoint({"reference", "description", "where", "contact_encrypted", "reply"})


def test_the_current_quarter_and_the_month_after_it_are_never_shown(client):
    page = figures_page("en")
    quarter = old_quarter(back=0).next  # closed, but less than a month ago, or still open
    add_report(moment(quarter.start), "grooming", response_hours=3)
    purge_reports_at(moment(quarter.start + datetime.timedelta(days=5)))
    assert client.get(page.quarter_url(quarter)).status_code == 404
    assert client.get(page.quarter_url(quarter, name="csv/reports")).status_code == 404
    html = client.get(page.url).content.decode()
    assert quarter.slug not in html
