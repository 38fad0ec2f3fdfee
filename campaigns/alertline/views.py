"""The public side: the report form, the confirmation and the status page.

Never lose a report: with ATOMIC_REQUESTS on, the whole request is one transaction, so
an exception anywhere after the report is saved would roll it back. Once the report is
saved, nothing may escape this module: the confirmation falls back to a page built from
values already in memory, and the handlers' notice runs after the commit (robust=True).
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from website.ratelimit import allow

from . import codes
from .choices import Status
from .forms import AccessForm, AdditionForm, ReportForm, WithdrawForm
from .models import Report, ReportAddition
from .tasks import notify_handlers

logger = logging.getLogger(__name__)


def reports_per_client():
    """Reports per hour from one client (ALERTLINE_REPORTS_PER_HOUR; 10 by default)."""
    return (settings.ALERTLINE_REPORTS_PER_HOUR, 60 * 60)


LOOKUPS_PER_CLIENT = (30, 60 * 60)
TRIES_PER_REFERENCE = (10, 60 * 60)  # from any client: a reference cannot be worked on


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def alternate_urls(page, request, route):
    """The same route on each language's version of the page (for the language switch)."""
    urls = {}
    for other in page.get_translations(inclusive=True).live().public().select_related("locale"):
        other = other.specific
        urls[other.locale.language_code] = (
            other.status_url(request) if route == "status" else other.get_url(request)
        )
    return urls


def render_page(page, request, template, context, status=200):
    context = {
        **page.get_context(request),
        "page": page,
        "self": page,
        **context,
    }
    return TemplateResponse(request, template, context, status=status)


# --- The report form ------------------------------------------------------------------


def hide_post_from_error_reports(request):
    """What the public typed (contact, description, code) never reaches an error report.

    The same as @sensitive_post_parameters(), which cannot wrap a routed page method.
    """
    request.sensitive_post_parameters = "__ALL__"


def report_view(page, request):
    hide_post_from_error_reports(request)
    if request.method != "POST":
        return render_page(page, request, "alertline/alert_line_page.html", {"form": ReportForm()})

    form = ReportForm(request.POST)
    limit, period = reports_per_client()
    status = 200
    if form.is_valid() and not allow(request, "alertline-report", limit, period):
        status = 429
        form.add_error(
            None,
            _(
                "Many reports were sent from your connection in a short time. Wait an hour "
                "and send it again, or call the alert line."
            ),
        )
    if not form.is_valid():
        return no_store(
            render_page(
                page, request, "alertline/alert_line_page.html", {"form": form}, status=status
            )
        )

    data = form.cleaned_data
    report, code = Report.create(
        category=data["category"],
        where=data["where"],
        when=data["when"],
        description=data["description"],
        reporter_role=data["reporter_role"],
        contact=data["contact"],
        contact_consent=data["contact_consent"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    transaction.on_commit(functools.partial(enqueue_notice, report.reference), robust=True)
    return no_store(confirmation(page, request, report, code))


def enqueue_notice(reference):
    notify_handlers.enqueue(reference)


def confirmation(page, request, report, code):
    context = {
        "report": report,
        "reference": codes.display_reference(report.reference),
        "code": codes.display_code(code),
        # Built from the request alone, so the plain fallback needs nothing else.
        "status_url": request.path + ("estado/" if _is_pt(request) else "status/"),
        "LANGUAGE_CODE": translation.get_language(),
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }
    try:
        context["status_url"] = page.status_url(request)
        response = render_page(page, request, "alertline/confirmation.html", context)
        response.render()
        return response
    except Exception as error:  # the report is saved: the reporter must still get the pair
        logger.error(
            "Alert-line confirmation page failed (%s): plain page shown", type(error).__name__
        )
        html = render_to_string("alertline/confirmation_plain.html", context)
        return HttpResponse(html)


def _is_pt(request):
    return (translation.get_language() or "").startswith("pt")


# --- The status page ------------------------------------------------------------------

ACTIONS = {"lookup": AccessForm, "add": AdditionForm, "withdraw": WithdrawForm}


def reference_key(reference):
    """The per-reference limit's key: a salted hash, so the cache never holds a reference."""
    return hashlib.sha256(f"{settings.SECRET_KEY}|alertline|{reference}".encode()).hexdigest()[:32]


def status_view(page, request):
    hide_post_from_error_reports(request)
    context = {"alternate_urls": alternate_urls(page, request, "status")}
    action = request.POST.get("action", "lookup") if request.method == "POST" else None
    if action not in ACTIONS:
        return no_store(
            render_page(page, request, "alertline/status.html", {**context, "form": AccessForm()})
        )

    form = ACTIONS[action](request.POST)
    if not form.is_valid():
        return no_store(render_status(page, request, context, form, action))

    reference, code = form.cleaned_data["reference"], form.cleaned_data["code"]
    client_ok = allow(request, "alertline-status", *LOOKUPS_PER_CLIENT)
    reference_ok = allow(
        request, "alertline-reference", *TRIES_PER_REFERENCE, key=reference_key(reference)
    )
    if not (client_ok and reference_ok):
        form.add_error(
            None,
            _("Too many tries. Wait an hour and try again, or call the alert line."),
        )
        return no_store(render_status(page, request, context, form, action, status=429))

    report = Report.find(reference, code)
    if report is None:
        form.add_error(
            None,
            _(
                "We could not find a report with this reference and code. Check both and try "
                "again. Letters and numbers only: there is no letter O or I."
            ),
        )
        return no_store(render_status(page, request, context, form, action))

    message = ""
    if action == "add":
        ReportAddition.objects.create(report=report, text=form.cleaned_data["text"])
        log(report, "alertline.reporter_added")
        message = _("Thank you. We added this to your report.")
    elif action == "withdraw":
        message = withdraw(report)
    return no_store(show_report(page, request, context, report, form.cleaned_data, message))


def withdraw(report):
    if report.status == Status.WITHDRAWN:
        return _("This report is already withdrawn.")
    report.withdrawal_requested_at = report.withdrawal_requested_at or timezone.now()
    if report.can_be_withdrawn:
        report.apply_status(Status.WITHDRAWN)
        report.save()
        log(report, "alertline.reporter_withdrew")
        return _("Your report is withdrawn. We will not act on it.")
    report.save(update_fields=["withdrawal_requested_at", "updated_at"])
    log(report, "alertline.reporter_asked_to_withdraw")
    return _(
        "The police already have this report, so they keep it. We told the team that you "
        "asked to withdraw it."
    )


def render_status(page, request, context, form, action, status=200):
    return render_page(
        page,
        request,
        "alertline/status.html",
        {**context, "form": form, "failed_action": action},
        status=status,
    )


def show_report(page, request, context, report, access, message):
    pair = {"reference": access["reference"], "code": access["code"]}
    return render_page(
        page,
        request,
        "alertline/status.html",
        {
            **context,
            "report": report,
            "message": message,
            "addition_form": AdditionForm(initial=pair),
            "withdraw_form": WithdrawForm(initial=pair),
            "access": pair,
        },
    )
