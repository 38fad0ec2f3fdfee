"""The editors' report of alerts past their review date."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import AlertPage


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class AlertsDueForReviewView(ReportView):
    page_title = _("Alerts due for review")
    header_icon = "warning"
    index_url_name = "alerts_review_report"
    index_results_url_name = "alerts_review_report_results"
    model = AlertPage
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    no_results_message = _("No alert is past its review date.")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=edit_url),
        Column("language", label=_("Language"), accessor="locale.get_display_name"),
        Column("topic", label=_("Topic"), accessor="get_topic_display"),
        Column("review_date", label=_("Review date")),
        Column("status", label=_("Status"), accessor="status_string"),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "get_topic_display",
        "review_date",
        "status_string",
    ]
    export_headings = {
        "title": _("Title"),
        "locale.language_code": _("Language"),
        "get_topic_display": _("Topic"),
        "review_date": _("Review date"),
        "status_string": _("Status"),
    }

    def get_filename(self):
        return f"alerts-due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            AlertPage.objects.filter(
                pk__in=editable.values("pk"), review_date__lt=timezone.localdate()
            )
            .select_related("locale")
            .order_by("review_date", "title")
        )
