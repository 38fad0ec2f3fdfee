from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website.caching.routing import served_route

from .admin_views import QuizInsightsView, is_editor
from .models import QuizFindingsPage


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_urls")
def register_quiz_insights_urls():
    return [path("quiz-insights/", QuizInsightsView.as_view(), name="quiz_insights")]


@hooks.register("register_reports_menu_item")
def register_quiz_insights_menu_item():
    return EditorsMenuItem(
        _("Quiz insights"),
        reverse("quiz_insights"),
        name="quiz-insights",
        icon_name="list-ul",
        order=1400,
    )


# Parents read counts that grow with every completion: a cached copy may lag a minute,
# never the page cache's full lifetime.
FINDINGS_PAGE_CACHE_SECONDS = 60


@hooks.register("limit_page_cache_seconds")
def findings_stay_a_minute_at_most(request):
    route = served_route(request)
    if route is not None and isinstance(route[0], QuizFindingsPage):
        return FINDINGS_PAGE_CACHE_SECONDS
    return None
