from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .sync import OUT_OF_DATE, compare_url, counts_by_language, standing_of, translation_overview
from .views import TranslationsReportView, mark_translation_reviewed

REPORT_PERMISSIONS = ["add", "change", "publish"]


def can_see_report(user):
    return PagePermissionPolicy().user_has_any_permission(user, REPORT_PERMISSIONS)


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_sync_urls():
    return [
        path(
            "reports/translations/",
            TranslationsReportView.as_view(),
            name="translation_sync_report",
        ),
        path(
            "reports/translations/results/",
            TranslationsReportView.as_view(results_only=True),
            name="translation_sync_report_results",
        ),
        path(
            "translations/<int:page_id>/reviewed/",
            mark_translation_reviewed,
            name="translation_sync_mark_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translation_sync_report"),
        name="translations",
        icon_name="globe",
        order=150,
    )


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(
        "translation_sync.reviewed",
        _("Mark translation as reviewed"),
        _("Translation marked as reviewed against its source"),
    )


@hooks.register("before_edit_page")
def warn_when_translation_is_out_of_date(request, page):
    """The notice sits in Wagtail's messages, above the editor (and outside its form, so
    the "Mark as reviewed" button can be a form of its own)."""
    if request.method != "GET":
        return None
    source, standing = standing_of(page)
    if standing is None or standing.state != OUT_OF_DATE:
        return None
    notice = render_to_string(
        "translation_sync/notice.html",
        {
            "page": page,
            "source": source,
            "standing": standing,
            "compare_url": compare_url(source.pk, standing),
            "review_url": reverse("translation_sync_mark_reviewed", args=[page.pk]),
        },
        request=request,
    )
    messages.warning(request, notice)
    return None


class TranslationsPanel(Component):
    name = "translations"
    order = 150
    template_name = "translation_sync/dashboard_panel.html"

    def get_context_data(self, parent_context):
        counts = counts_by_language(translation_overview().rows)
        return {
            "languages": [
                {"locale": locale, "missing": states["missing"], "out_of_date": states[OUT_OF_DATE]}
                for locale, states in counts.items()
            ],
            "report_url": reverse("translation_sync_report"),
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if can_see_report(request.user):
        panels.append(TranslationsPanel())
