"""The handlers' workspace in the Wagtail admin: reports, and only for handlers.

A report is read and changed in one view (its edit view): what the reporter wrote is shown
as escaped text above the handler's fields (status, notes, reply). Links in reports are
never made clickable here: a handler must not open them by accident.
"""

import statistics

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component, MediaContainer
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from . import codes
from .choices import Status
from .models import Report
from .tasks import HANDLERS_GROUP


class HandlersOnlyPolicy(ModelPermissionPolicy):
    """Members of the handlers group (with the report permissions) and superusers.

    Nobody adds reports in the admin (they come from the public form); only superusers
    delete them (the retention command deletes the rest).
    """

    def _allowed(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if action == "add":
            return False
        if user.is_superuser:
            return True
        if action == "delete":
            return False
        in_group = user.groups.filter(name=HANDLERS_GROUP).exists()
        return in_group and user.has_perm(self._get_permission_name(action))

    def user_has_permission(self, user, action):
        return self._allowed(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self._allowed(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        codenames = self._get_permission_codenames(
            [action for action in actions if action not in {"add", "delete"}]
        )
        allowed = Q(is_superuser=True)
        if codenames:
            allowed |= Q(
                groups__name=HANDLERS_GROUP,
                groups__permissions__codename__in=codenames,
                groups__permissions__content_type__app_label=self.app_label,
            )
        return get_user_model().objects.filter(allowed, is_active=True).distinct()


class ReportSummaryPanel(Panel):
    """What the reporter wrote, read-only and escaped, with the reporter's added information."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "alertline/admin/report_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            context["report"] = report
            context["additions"] = list(report.additions.all()) if report.pk else []
            context["contact"] = report.contact if report.contact_encrypted else ""
            return context


# Django's Portuguese catalogue says "Garanta que este valor tenha…" (Brazilian); the
# admin speaks European Portuguese, so the length limit gets its own message.
TOO_LONG = ngettext_lazy(
    "This can have at most %(limit_value)d character (it has %(show_value)d).",
    "This can have at most %(limit_value)d characters (it has %(show_value)d).",
    "limit_value",
)


class ReportAdminForm(WagtailAdminModelForm):
    class Meta:
        model = Report
        fields = ["status", "handler_notes", "reply"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG
        self.previous_status = self.instance.status
        self.previous_reply = self.instance.reply

    def clean_status(self):
        status = self.cleaned_data["status"]
        self.instance.check_status_change(status)
        return status

    def save(self, commit=True):
        report = self.instance
        new_status = report.status
        report.status = self.previous_status
        report.apply_status(new_status, user=self.for_user)
        if report.reply != self.previous_reply:
            report.replied_at = timezone.now() if report.reply else None
        if commit:
            report.save()
        return report


class ForbiddenNotRedirected:
    """A plain 403 for people who are not handlers, instead of Wagtail's redirect home.

    Wagtail turns PermissionDenied into a redirect with a message; for reports the answer
    must be an unambiguous 403 that reveals nothing, including to an automated check.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, "alertline/admin/forbidden.html", status=403)


class ReportStatusSidePanel(StatusSidePanel):
    """The report's status (as saved) and its history, instead of Wagtail's "Live"."""

    def __init__(self, *args, saved_status, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_status = saved_status

    def get_status_templates(self, context):
        return ["alertline/admin/status_side_panel.html"]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["report_status"] = Status(self.saved_status).label
        return context


class ReportEditView(ForbiddenNotRedirected, generic.EditView):
    # Wagtail's generic messages put the model's name into a masculine sentence ("O
    # denúncia não pôde ser gravado"): reports have their own, which agree in Portuguese.
    success_message = _("Report %(object)s updated.")
    error_message = _("The report could not be saved. Correct the errors below.")

    def get_side_panels(self):
        panel = ReportStatusSidePanel(
            self.object,
            self.request,
            saved_status=self.form.previous_status,  # not a change that was refused
            history_url=self.get_history_url(),
            last_updated_info=self.get_last_updated_info(),
        )
        return MediaContainer([panel])

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, "alertline.view", user=request.user)
        return response

    def save_instance(self):
        previous_status = self.form.previous_status
        previous_reply = self.form.previous_reply
        instance = super().save_instance()
        if instance.status != previous_status:
            log(
                instance,
                "alertline.status",
                user=self.request.user,
                data={"from": previous_status, "to": instance.status},
            )
        if instance.reply != previous_reply:
            log(instance, "alertline.reply", user=self.request.user)
        return instance


def in_language(language, chunks):
    """Each chunk of a streamed export made in `language`: the stream is read after the
    view has returned, when the admin user's language is no longer active."""
    while True:
        with translation.override(language):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


class ReportIndexView(ForbiddenNotRedirected, generic.IndexView):
    # Exported as the handler reads them in the admin, in the handler's language.
    labelled_fields = ["category", "status", "reporter_role", "language"]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_export:
            for report in self.get_queryset():
                log(report, "alertline.export", user=request.user)
        return response

    def search_queryset(self, queryset):
        """A reference matches however the reporter reads it out: "dfkv h78e", "DFKV-H78E"."""
        found = super().search_queryset(queryset)
        reference = codes.normalise(self.search_query) if self.is_searching else ""
        if reference:
            found |= queryset.filter(reference__icontains=reference)
        return found

    @cached_property
    def columns(self):
        title, *others = super().columns
        title.accessor = "display_reference"  # sorted by the stored form, shown dashed
        return [title, *others]

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No reports match this search or these filters.")
        return _("There are no reports to show.")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["reference"] = item.display_reference
        for field in self.labelled_fields:
            row[field] = getattr(item, f"get_{field}_display")()
        return row

    def stream_csv(self, queryset):
        return in_language(translation.get_language(), super().stream_csv(queryset))


class ReportDeleteView(ForbiddenNotRedirected, generic.DeleteView):
    success_message = _("Report %(object)s deleted.")

    @property
    def confirmation_message(self):
        return _("Are you sure you want to delete report %(object)s?") % {"object": self.object}

    def get_usage_url(self):
        return None  # reports are never referenced from anything


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Alert-line reports")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView
    add_view_class = type("ReportCreateView", (ForbiddenNotRedirected, generic.CreateView), {})
    delete_view_class = ReportDeleteView
    history_view_class = type(
        "ReportHistoryView", (ForbiddenNotRedirected, history.HistoryView), {}
    )
    usage_view_class = type("ReportUsageView", (ForbiddenNotRedirected, usage.UsageView), {})
    list_display = ["reference", "category", "status", "created_at", "withdrawal_requested_at"]
    list_filter = ["status", "category", "reporter_role", "language"]
    search_fields = ["reference", "description", "where"]
    list_export = [
        "reference",
        "category",
        "status",
        "reporter_role",
        "language",
        "created_at",
        "first_reviewed_at",
        "forwarded_at",
        "closed_at",
        "withdrawal_requested_at",
    ]
    export_filename = "alert-line-reports"
    edit_handler = ObjectList(
        [
            ReportSummaryPanel(heading=_("The report")),
            FieldPanel("status"),
            FieldPanel("handler_notes"),
            FieldPanel("reply"),
        ],
        base_form_class=ReportAdminForm,
    )


def median_days_to_first_review(now=None):
    now = now or timezone.now()
    since = now - timezone.timedelta(days=30)
    pairs = Report.objects.filter(created_at__gte=since, first_reviewed_at__isnull=False)
    waits = [
        (reviewed - created).total_seconds() / 3600
        for created, reviewed in pairs.values_list("created_at", "first_reviewed_at")
    ]
    return statistics.median(waits) if waits else None


class ReportsPanel(Component):
    name = "alertline_reports"
    template_name = "alertline/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        counts = {Status.NEW: 0, Status.IN_REVIEW: 0}
        for status in counts:
            counts[status] = Report.objects.filter(status=status).count()
        return {
            "new_count": counts[Status.NEW],
            "in_review_count": counts[Status.IN_REVIEW],
            "median_hours": median_days_to_first_review(),
        }
