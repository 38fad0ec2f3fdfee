"""The handlers' workspace: only handlers and superusers reach reports; the police decide
first; every view and change is in the audit log; links are never clickable here."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaigns.alertline import codes
from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report
from tests.alertline_helpers import STATUS_URL, fresh_cache, pair_from, send_report  # noqa: F401

pytestmark = pytest.mark.django_db

ALLOWED = {"admin", "handler"}
ROLES = ["editor", "moderator", "handler", "admin"]


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def report(client):
    response = send_report(client, contact="ana@example.org", contact_consent="on")
    reference, code = pair_from(response)
    report = Report.objects.get(reference=codes.normalise(reference))
    report.pair = (reference, code)
    return report


def report_urls(pk):
    """Every admin URL of reports (a test below checks that none is missed)."""
    return {
        "index": reverse("alertline_report:index"),
        "index_results": reverse("alertline_report:index_results"),
        "export": reverse("alertline_report:index") + "?export=csv",
        "add": reverse("alertline_report:add"),
        "edit": reverse("alertline_report:edit", args=[pk]),
        "delete": reverse("alertline_report:delete", args=[pk]),
        "history": reverse("alertline_report:history", args=[pk]),
        "history_results": reverse("alertline_report:history_results", args=[pk]),
        "usage": reverse("alertline_report:usage", args=[pk]),
    }


def test_the_walk_covers_every_report_admin_url():
    from django.urls import get_resolver

    names = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif "alert-line-reports" in prefix + str(pattern.pattern):
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    assert names == set(report_urls(1)) - {"export"}


@pytest.mark.parametrize("username", ROLES)
def test_every_report_admin_url_as_each_role(client, report, username):
    login(client, username)
    for name, url in report_urls(report.pk).items():
        response = client.get(url)
        if name == "add":
            expected = {403}  # reports come only from the public form
        elif name == "delete":
            expected = {200} if username == "admin" else {403}
        else:
            expected = {200} if username in ALLOWED else {403}
        assert response.status_code in expected, (username, name, response.status_code)


@pytest.mark.parametrize("username", ROLES)
def test_only_handlers_see_the_menu_item_and_the_dashboard_panel(client, report, username):
    html = login(client, username).get(reverse("wagtailadmin_home")).content.decode()
    index_url = reverse("alertline_report:index")
    shown = username in ALLOWED
    assert (index_url in html) is shown
    assert ('id="alertline-panel-heading"' in html) is shown


def test_the_dashboard_counts_new_and_in_review_reports(client, report):
    html = login(client, "handler").get(reverse("wagtailadmin_home")).content.decode()
    new = Report.objects.filter(status=Status.NEW).count()
    in_review = Report.objects.filter(status=Status.IN_REVIEW).count()
    assert f"{new} " in html and f"{in_review} " in html
    assert "Median time to first review" in html or "Tempo mediano" in html


def test_the_handlers_group_has_the_report_permissions():
    codenames = set(
        Group.objects.get(name="Alert-line handlers").permissions.values_list("codename", flat=True)
    )
    assert {"view_report", "change_report", "access_admin"} <= codenames
    assert "delete_report" not in codenames and "add_report" not in codenames


def test_links_in_reports_are_not_clickable_and_the_view_is_logged(client, report):
    report.where = "https://example.org/perfil and javascript:alert(1)"
    report.description = "<script>alert(1)</script> see https://example.org/x"
    report.save()
    response = login(client, "handler").get(reverse("alertline_report:edit", args=[report.pk]))
    html = response.content.decode()
    assert "https://example.org/perfil" in html
    assert 'href="https://example.org/perfil"' not in html
    assert 'href="https://example.org/x"' not in html
    assert "<script>alert(1)</script>" not in html
    assert "ana@example.org" in html  # handlers can read the contact the reporter gave
    assert ModelLogEntry.objects.filter(
        action="alertline.view", object_id=str(report.pk), user__username="handler"
    ).exists()


def post_edit(client, report, **fields):
    data = {"status": report.status, "handler_notes": "", "reply": "", **fields}
    return client.post(reverse("alertline_report:edit", args=[report.pk]), data)


def test_takedown_is_refused_until_the_police_have_the_report(client, report):
    login(client, "handler")
    response = post_edit(client, report, status=Status.TAKEDOWN)
    assert response.status_code == 200
    assert "Forward the report to the police first" in response.content.decode() or (
        "Encaminha primeiro a denúncia" in response.content.decode()
    )
    report.refresh_from_db()
    assert report.status == Status.NEW

    response = post_edit(client, report, status=Status.FORWARDED, handler_notes="Sent to PJ.")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.FORWARDED and report.forwarded_at is not None
    assert report.status_changed_by.username == "handler"
    assert report.first_reviewed_at is not None
    assert report.handler_notes == "Sent to PJ."

    assert post_edit(client, report, status=Status.TAKEDOWN).status_code == 302
    report.refresh_from_db()
    assert report.status == Status.TAKEDOWN
    changes = ModelLogEntry.objects.filter(action="alertline.status", object_id=str(report.pk))
    assert [(entry.data["from"], entry.data["to"]) for entry in changes.order_by("timestamp")] == [
        ("new", "forwarded"),
        ("forwarded", "takedown"),
    ]
    assert {entry.user.username for entry in changes} == {"handler"}


def test_a_reply_reaches_the_reporter_and_withdrawal_wish_reaches_the_handler(client, report):
    reference, code = report.pair
    login(client, "handler")
    post_edit(
        client, report, status=Status.FORWARDED, reply="Thank you. See https://example.org/help"
    )
    client.logout()
    response = client.post(
        STATUS_URL["en"],
        {"action": "withdraw", "reference": reference, "code": code, "confirm": "on"},
    )
    html = response.content.decode()
    assert '<a href="https://example.org/help" rel="nofollow noopener">' in html
    report.refresh_from_db()
    assert report.status == Status.FORWARDED and report.withdrawal_requested_at
    handler_view = login(client, "handler").get(reverse("alertline_report:edit", args=[report.pk]))
    assert "asked to withdraw" in handler_view.content.decode() or (
        "pediu para retirar" in handler_view.content.decode()
    )


def test_csv_export_is_for_handlers_only_and_has_no_contact_or_content(client, report):
    url = reverse("alertline_report:index") + "?export=csv"
    assert login(client, "editor").get(url).status_code == 403
    response = login(client, "handler").get(url)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = list(csv.reader(io.StringIO(body)))
    assert any(report.reference in row for row in rows)
    assert "ana@example.org" not in body and report.description not in body
    assert ModelLogEntry.objects.filter(
        action="alertline.export", object_id=str(report.pk)
    ).exists()


def test_search_and_filter_find_a_report(client, report):
    login(client, "handler")
    index = reverse("alertline_report:index")
    html = client.get(index, {"q": report.reference}).content.decode()
    assert report.display_reference in html or report.reference in html
    html = client.get(index, {"status": "closed"}).content.decode()
    assert not re.search(rf"\b{report.reference}\b", html)


def test_the_median_time_to_first_review_covers_the_last_30_days(client):
    Report.objects.all().delete()
    now = timezone.now()
    for days_ago, hours in [(2, 1), (5, 3), (10, 11), (40, 100)]:
        created = now - datetime.timedelta(days=days_ago)
        report, _code = Report.create(
            category="other", description="x", reporter_role="other", language="pt"
        )
        Report.objects.filter(pk=report.pk).update(
            created_at=created,
            first_reviewed_at=created + datetime.timedelta(hours=hours),
            status=Status.IN_REVIEW,
        )
    Report.create(category="other", description="y", reporter_role="other", language="en")
    html = login(client, "admin").get(reverse("wagtailadmin_home")).content.decode()
    assert "Median time to first review (last 30 days): 3.0 hours." in html
    assert "1 new report" in html and "4 reports in review" in html
