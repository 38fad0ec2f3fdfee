from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AlertLinePage, Report
from .workspace import HandlersOnlyPolicy, ReportsPanel, ReportViewSet

report_policy = HandlersOnlyPolicy(Report)
register_permission_policy(Report, report_policy)


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("alertline_report", url_prefix="alert-line-reports")


@hooks.register("register_search_suggestions")
def suggest_the_alert_line(request):
    """A search that finds nothing offers the alert line in the reader's language
    (`website` collects suggestions through this hook without importing this app)."""
    page = (
        AlertLinePage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language())
        .order_by("path")
        .first()
    )
    if page is None:
        return []
    return [{"title": page.title, "url": page.get_url(request), "text": page.intro}]


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    if report_policy.user_has_permission(request.user, "view"):
        panels.append(ReportsPanel())


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action("alertline.view", _("View report"), _("Report viewed"))
    actions.register_action("alertline.export", _("Export reports"), _("Report exported"))
    actions.register_action("alertline.status", _("Change report status"), _("Status changed"))
    actions.register_action("alertline.reply", _("Reply to reporter"), _("Reply changed"))
    actions.register_action(
        "alertline.reporter_added", _("Reporter added information"), _("Reporter added information")
    )
    actions.register_action(
        "alertline.reporter_withdrew", _("Reporter withdrew"), _("Reporter withdrew the report")
    )
    actions.register_action(
        "alertline.reporter_asked_to_withdraw",
        _("Reporter asked to withdraw"),
        _("Reporter asked to withdraw after it reached the police"),
    )
