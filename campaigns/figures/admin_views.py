"""The editors' "Open figures (true counts)": what the public page shows before rounding
and suppression, so that editors can check it.

Editors (anyone who may add, change or publish pages) see the quiz's figures; the
alert line's figures appear only for those who may view its reports (the handlers).
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .figures import has_alert_line, published_quarters, quarter_figures
from .quarters import Quarter

EDITOR_PERMISSIONS = ["add", "change", "publish"]


def is_editor(user):
    return PagePermissionPolicy().user_has_any_permission(user, EDITOR_PERMISSIONS)


def sees_reports(user):
    if not has_alert_line():
        return False
    policy = policy_registry.get_by_type(apps.get_model("alertline", "Report"))
    return policy.user_has_permission(user, "view")


def may_see_figures(user):
    return is_editor(user) or sees_reports(user)


class TrueFiguresView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Open figures (true counts)")
    header_icon = "table"
    template_name = "figures/admin/true_figures.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_figures(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        quarters = list(reversed(published_quarters()))
        asked = Quarter.from_slug(self.request.GET.get("quarter", ""))
        shown = asked if asked in quarters else (quarters[0] if quarters else None)
        figures = None
        if shown is not None:
            # Quiz texts in the admin's language where the site has it (pt-pt is pt).
            language = get_supported_content_language_variant(translation.get_language())
            figures = quarter_figures(shown, language, protected=False)
            if not sees_reports(user):
                figures.reports = None
            if not is_editor(user):
                figures.quizzes = []
            # The charts show the published figures; the admin has the tables only.
            figures.trend = []
        return super().get_context_data(
            quarters=quarters,
            shown=shown,
            figures=figures,
            unknown=bool(self.request.GET.get("quarter") and asked not in quarters),
            **kwargs,
        )
