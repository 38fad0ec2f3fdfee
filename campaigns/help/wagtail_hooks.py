from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import freshness
from .admin_views import DirectoryEntriesToCheckView
from .models import HelpDirectoryPage, HelpOrganisation, HelpPathPage


class HelpOrganisationViewSet(SnippetViewSet):
    model = HelpOrganisation
    icon = "help"
    menu_label = _("Directory of help")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "last_checked", "live"]
    list_filter = ["kind", "live", "demo"]
    search_fields = ["name", "summary"]


register_snippet(HelpOrganisationViewSet)


@hooks.register("limit_page_cache_seconds")
def until_an_organisation_opens_or_closes(request):
    """A cached page must not say "open now" once the organisation has closed."""
    return freshness.seconds_for(request)


@hooks.register("register_help_links")
def where_to_turn(request):
    """Beside the emergency number on every page: "What happened?" and the directory of
    help, in the reader's language."""
    language = translation.get_language()
    pages = [
        model.objects.live().public().filter(locale__language_code=language).first()
        for model in (HelpPathPage, HelpDirectoryPage)
    ]
    links = [(page.get_url(request), page.title) for page in pages if page is not None]
    if not links:
        return ""
    return render_to_string("help/includes/help_links.html", {"links": links})


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(HelpOrganisation).user_has_any_permission(
            request.user, ["add", "change"]
        )


@hooks.register("register_admin_urls")
def register_directory_report_urls():
    return [
        path(
            "reports/directory-entries-to-check/",
            DirectoryEntriesToCheckView.as_view(),
            name="help_directory_report",
        ),
        path(
            "reports/directory-entries-to-check/results/",
            DirectoryEntriesToCheckView.as_view(results_only=True),
            name="help_directory_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_directory_report_menu_item():
    return EditorsMenuItem(
        _("Directory entries to check"),
        reverse("help_directory_report"),
        name="directory-entries-to-check",
        icon_name="help",
        order=1350,
    )
