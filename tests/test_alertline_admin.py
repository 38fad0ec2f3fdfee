"""The handlers' workspace: only handlers and superusers reach reports; the police decide
first; every view and change is in the audit log; links are never clickable here."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from campaigns.alertline import codes
from campaigns.alertline.choices import Status
from campaigns.alertline.models import Report, ReportAddition
from tests.support.admin import signed_in_as
from tests.support.alertline import STATUS_URL, pair_from, send_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

ALLOWED = {"admin", "handler"}
ROLES = ["editor", "moderator", "handler", "admin"]


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
    signed_in_as(client, username)
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
    html = signed_in_as(client, username).get(reverse("wagtailadmin_home")).content.decode()
    index_url = reverse("alertline_report:index")
    shown = username in ALLOWED
    assert (index_url in html) is shown
    assert ('id="alertline-panel-heading"' in html) is shown


def test_the_dashboard_counts_new_and_in_review_reports(client, report):
    html = signed_in_as(client, "handler").get(reverse("wagtailadmin_home")).content.decode()
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
    response = signed_in_as(client, "handler").get(
        reverse("alertline_report:edit", args=[report.pk])
    )
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
    signed_in_as(client, "handler")
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
    signed_in_as(client, "handler")
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
    handler_view = signed_in_as(client, "handler").get(
        reverse("alertline_report:edit", args=[report.pk])
    )
    assert "asked to withdraw" in handler_view.content.decode() or (
        "pediu para retirar" in handler_view.content.decode()
    )


def test_csv_export_is_for_handlers_only_and_has_no_contact_or_content(client, report):
    url = reverse("alertline_report:index") + "?export=csv"
    assert signed_in_as(client, "editor").get(url).status_code == 403
    response = signed_in_as(client, "handler").get(url)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = list(csv.reader(io.StringIO(body)))
    assert any(report.display_reference in row for row in rows)
    assert "ana@example.org" not in body and report.description not in body
    assert ModelLogEntry.objects.filter(
        action="alertline.export", object_id=str(report.pk)
    ).exists()


def test_search_and_filter_find_a_report(client, report):
    signed_in_as(client, "handler")
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
    html = signed_in_as(client, "admin").get(reverse("wagtailadmin_home")).content.decode()
    assert "Median time to first review (last 30 days): 3.0 hours." in html
    assert "1 new report" in html and "4 reports in review" in html


def test_a_report_reads_in_the_same_number_of_queries_with_more_added_information(client, report):
    signed_in_as(client, "handler")
    url = reverse("alertline_report:edit", args=[report.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()  # warm the per-process caches
    ReportAddition.objects.create(report=report, text="one")
    first = count()
    for number in range(5):
        ReportAddition.objects.create(report=report, text=f"more {number}")
    assert count() == first


def test_status_page_queries_do_not_grow_with_added_information(client, report):
    reference, code = report.pair
    pair = {"action": "lookup", "reference": reference, "code": code}

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.post(STATUS_URL["en"], pair).status_code == 200
        return len(queries)

    count()
    first = count()
    for number in range(5):
        ReportAddition.objects.create(report=report, text=f"more {number}")
    assert count() == first <= 21


# --- In the handler's language, with the reference as the reporter reads it -------------


def test_saving_a_report_says_so_in_portuguese_that_agrees(client, report):
    signed_in_as(client, "handler", "pt-pt")
    url = reverse("alertline_report:edit", args=[report.pk])
    html = client.post(url, {"status": Status.IN_REVIEW}, follow=True).content.decode()
    assert f"Denúncia {report.display_reference} atualizada." in html
    assert "atualizado" not in html

    html = client.post(url, {"status": Status.NEW}).content.decode()  # reviewed: never new
    assert "Não foi possível gravar a denúncia. Corrige os erros abaixo." in html
    assert "O denúncia" not in html and "gravado" not in html


def test_an_empty_search_says_so_in_portuguese_that_agrees(client, report):
    html = signed_in_as(client, "handler", "pt-pt").get(
        reverse("alertline_report:index"), {"q": "nada-disto-existe"}
    )
    html = html.content.decode()
    assert "Nenhuma denúncia corresponde a esta pesquisa ou a estes filtros." in html
    assert "denúncias match" not in html


def test_deleting_a_report_speaks_portuguese_that_agrees(client, report):
    signed_in_as(client, "admin", "pt-pt")
    url = reverse("alertline_report:delete", args=[report.pk])
    html = client.get(url).content.decode()
    assert f"Tens a certeza de que queres apagar a denúncia {report.display_reference}?" in html
    assert "este denúncia" not in html and "This denúncia" not in html
    html = client.post(url, follow=True).content.decode()
    assert f"Denúncia {report.display_reference} apagada." in html
    assert not Report.objects.filter(pk=report.pk).exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("pt-pt", "Tem de ter no máximo 3000 caracteres (tem 3001)."),
        ("en", "This can have at most 3000 characters (it has 3001)."),
    ],
)
def test_a_reply_too_long_is_refused_in_the_handlers_language(client, report, language, message):
    signed_in_as(client, "handler", language)
    response = post_edit(client, report, status=Status.IN_REVIEW, reply="x" * 3001)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "Garanta" not in html
    report.refresh_from_db()
    assert report.reply == "" and report.status == Status.NEW


def export_rows(client, export_format):
    response = client.get(reverse("alertline_report:index"), {"export": export_format})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return list(csv.reader(io.StringIO(body.decode())))
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.values]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "pt-pt",
            [
                "Referência",
                "Sextorsão ou ameaças de partilhar imagens",
                "Nova",
                "Sou o jovem a quem aconteceu",
            ],
        ),
        (
            "en",
            [
                "Reference",
                "Sextortion or threats to share images",
                "New",
                "I am the young person it happened to",
            ],
        ),
    ],
)
def test_the_export_has_labels_in_the_handlers_language(
    client, report, export_format, language, expected
):
    heading, category, status, role = expected
    rows = export_rows(signed_in_as(client, "handler", language), export_format)
    assert rows[0][0] == heading
    row = next(row for row in rows if row[0] == report.display_reference)
    assert row[1:4] == [category, status, role]
    assert row[4] == "Português"  # the language of the report, by its own name
    assert row[5].startswith(str(report.created_at.year))  # dates stay as they are


@pytest.mark.parametrize(
    "typed",
    ["{dashed}", "{plain}", "{dashed_lower}", "  {spaced_lower} ", "{first_half}"],
)
def test_search_finds_a_report_however_the_reference_is_typed(client, report, typed):
    other, _code = Report.create(
        category="other", description="Outra.", reporter_role="other", language="pt"
    )
    dashed = report.display_reference
    query = typed.format(
        dashed=dashed,
        plain=report.reference,
        dashed_lower=dashed.lower(),
        spaced_lower=dashed.replace("-", " ").lower(),
        first_half=dashed.split("-")[0],
    )
    response = signed_in_as(client, "handler", "pt-pt").get(
        reverse("alertline_report:index"), {"q": query}
    )
    html = response.content.decode()  # the query is echoed in the search box: look at links
    assert f'href="{reverse("alertline_report:edit", args=[report.pk])}"' in html
    assert f'href="{reverse("alertline_report:edit", args=[other.pk])}"' not in html


def test_the_listing_and_the_report_show_the_reference_dashed(client, report):
    signed_in_as(client, "handler", "pt-pt")
    listing = client.get(reverse("alertline_report:index")).content.decode()
    edit = client.get(reverse("alertline_report:edit", args=[report.pk])).content.decode()
    for html in (listing, edit):
        assert report.display_reference in html
        assert report.reference not in html


def test_the_side_panel_shows_the_reports_status_never_published(client, report):
    signed_in_as(client, "handler", "pt-pt")
    url = reverse("alertline_report:edit", args=[report.pk])
    html = client.get(url).content.decode()
    assert 'id="status-sidebar-nova"' in html
    assert "Publicada" not in html  # Wagtail's "Live": a report is never published
    assert "Utilizado 0" not in html  # nothing ever refers to a report

    html = client.post(url, {"status": Status.TAKEDOWN}).content.decode()  # refused
    assert 'id="status-sidebar-nova"' in html and "status-sidebar-remocao" not in html
