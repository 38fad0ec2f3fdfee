"""The public side: the report form, the confirmation and the status page.

Never lose a report: with ATOMIC_REQUESTS on, the whole request is one transaction, so
an exception anywhere after the report is saved would roll it back. Once the report is
saved, nothing may escape this module: the confirmation falls back to a page built from
values already in memory, and the handlers' notice runs after the commit (robust=True).
"""

import functools
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from website.ratelimit import allow, under_limit

from . import codes
from .choices import Category, Status
from .forms import AccessForm, AdditionForm, ReportForm, WithdrawForm
from .models import Report, ReportAddition
from .tasks import notify_handlers

logger = logging.getLogger(__name__)


def reports_per_client():
    """Reports per hour from one client (ALERTLINE_REPORTS_PER_HOUR; 10 by default)."""
    return (settings.ALERTLINE_REPORTS_PER_HOUR, 60 * 60)


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
        return no_store(show_report_form(page, request, ReportForm(initial=chosen(request))))

    form = ReportForm(request.POST)
    if not form.is_valid():
        return no_store(show_report_form(page, request, form))

    data = form.cleaned_data
    key = codes.submission_key(data["submission"], sent_fields(data))
    earlier = Report.already_received(key)
    if earlier is not None:  # the same form again: a reload of the confirmation, say
        return no_store(confirmation(page, request, earlier, code=None))

    limit, period = reports_per_client()
    if not allow(request, "alertline-report", limit, period):
        form.add_error(None, ValidationError(TOO_MANY_REPORTS, code="too_many"))
        return no_store(show_report_form(page, request, form, status=429))

    report, code = Report.create(
        category=data["category"],
        where=data["where"],
        when=data["when"],
        description=data["description"],
        reporter_role=data["reporter_role"],
        contact=data["contact"],
        contact_consent=data["contact_consent"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
        submission_key=key,
    )
    if code is not None:  # None: the same form, sent twice at once, was stored once
        transaction.on_commit(functools.partial(enqueue_notice, report.reference), robust=True)
    return no_store(confirmation(page, request, report, code))


def chosen(request):
    """The category a link chose for the reader (`?category=sextortion`, as the help path's
    outcomes send it), when it is one of the form's; any other value is ignored."""
    category = request.GET.get("category", "")
    return {"category": category} if category in Category.values else {}


TOO_MANY_REPORTS = gettext_lazy(
    "Many reports were sent from your connection in a short time. Wait an hour "
    "and send it again, or call the alert line."
)


def sent_fields(data):
    return {name: value for name, value in data.items() if name not in {"submission", "website"}}


def show_report_form(page, request, form, status=200):
    """The page with the form. A form sent back with errors keeps its one-time token, so
    that sending it corrected still counts as the same form."""
    token = form["submission"].value() if form.is_bound else ""
    context = {"form": form, "submission_token": token or codes.new_submission_token()}
    return render_page(page, request, "alertline/alert_line_page.html", context, status=status)


def enqueue_notice(reference):
    notify_handlers.enqueue(reference)


def confirmation(page, request, report, code):
    """The reference and the code, shown this once; or, with no code, the reference of a
    report already received from this same form (its code was shown the first time)."""
    context = {
        "report": report,
        "reference": codes.display_reference(report.reference),
        "code": codes.display_code(code) if code else "",
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
        context["stylesheet_url"] = stylesheet_url()
        html = render_to_string("alertline/confirmation_plain.html", context)
        return HttpResponse(html)


def stylesheet_url():
    """The alert line's stylesheet for the plain page, or "" when even that fails."""
    try:
        return static("alertline/css/alertline.css")
    except Exception:
        return ""


def _is_pt(request):
    return (translation.get_language() or "").startswith("pt")


# --- The status page ------------------------------------------------------------------

ACTIONS = {"lookup": AccessForm, "add": AdditionForm, "withdraw": WithdrawForm}

# Wrong pairs per client. Only failures count, and only the client's own: a reference is
# not secret (the reporter says it on the phone), so a limit per reference would let
# anyone who knows it lock its owner out; the 74-bit code is what cannot be guessed.
FAILED_LOOKUPS_PER_CLIENT = (30, 60 * 60)


def status_view(page, request):
    hide_post_from_error_reports(request)
    context = {"alternate_urls": alternate_urls(page, request, "status")}
    action = request.POST.get("action", "lookup") if request.method == "POST" else None
    if action not in ACTIONS:
        return no_store(
            render_page(page, request, "alertline/status.html", {**context, "form": AccessForm()})
        )

    form = ACTIONS[action](request.POST)
    access = AccessForm(request.POST)  # the pair alone, to find the report
    if not access.is_valid():
        form.is_valid()  # every error shows, the pair's and the action's
        return no_store(render_status(page, request, context, form, action))

    if not under_limit(request, "alertline-status", *FAILED_LOOKUPS_PER_CLIENT):
        form.is_valid()
        form.add_error(
            None,
            ValidationError(
                _("Too many tries. Wait an hour and try again, or call the alert line."),
                code="too_many",
            ),
        )
        return no_store(render_status(page, request, context, form, action, status=429))

    reference, code = access.cleaned_data["reference"], access.cleaned_data["code"]
    report = Report.find(reference, code)
    if report is None:
        allow(request, "alertline-status", *FAILED_LOOKUPS_PER_CLIENT)  # counts this failure
        form.is_valid()
        form.add_error(
            None,
            _(
                "We could not find a report with this reference and code. Check both and try "
                "again. Letters and numbers only: there is no letter O or I."
            ),
        )
        return no_store(render_status(page, request, context, form, action))

    if not form.is_valid():  # the right pair, but no text to add or the box not ticked
        return no_store(
            show_report(page, request, context, report, access.cleaned_data, "", failed=form)
        )

    message = ""
    if action == "add" and report.status in {Status.WITHDRAWN, Status.SPAM}:
        message = _("This report is closed, so nothing can be added. You can send a new report.")
    elif action == "add":
        ReportAddition.objects.create(report=report, text=form.cleaned_data["text"])
        log(report, "alertline.reporter_added")
        message = _("Thank you. We added this to your report.")
    elif action == "withdraw":
        message = withdraw(report)
    return no_store(show_report(page, request, context, report, access.cleaned_data, message))


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


def show_report(page, request, context, report, access, message, failed=None):
    """The report's status and what the reporter can do; `failed` is an addition or a
    withdrawal sent with an error, shown again in its place with the error beside it."""
    pair = {"reference": access["reference"], "code": access["code"]}
    addition_form = failed if isinstance(failed, AdditionForm) else AdditionForm(initial=pair)
    withdraw_form = failed if isinstance(failed, WithdrawForm) else WithdrawForm(initial=pair)
    return render_page(
        page,
        request,
        "alertline/status.html",
        {
            **context,
            "report": report,
            "message": message,
            "form": failed,
            "addition_form": addition_form,
            "withdraw_form": withdraw_form,
            "access": pair,
        },
    )
