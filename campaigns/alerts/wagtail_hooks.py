from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from .banners import urgent_alerts, urgent_banner_html
from .views import AlertsDueForReviewView


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/alerts-due-for-review/",
            AlertsDueForReviewView.as_view(),
            name="alerts_review_report",
        ),
        path(
            "reports/alerts-due-for-review/results/",
            AlertsDueForReviewView.as_view(results_only=True),
            name="alerts_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Alerts due for review"),
        reverse("alerts_review_report"),
        name="alerts-due-for-review",
        icon_name="warning",
        order=1300,
    )


# `website` collects site-wide banners through this hook, without importing this app.
hooks.register("register_site_banners", urgent_banner_html)


@hooks.register("limit_page_cache_seconds")
def until_the_first_urgent_banner_ends(request):
    """A cached page must not show an urgent banner after its end date."""
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    alerts = urgent_alerts(language)
    if not alerts:
        return None
    return (min(alert["until"] for alert in alerts) - timezone.now()).total_seconds()
