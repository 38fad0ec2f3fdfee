from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import freshness
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
