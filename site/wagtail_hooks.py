from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_login import LockedSignInsView
from .models import SearchSynonym


class SuperusersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_locked_sign_ins_url():
    return [path("locked-sign-ins/", LockedSignInsView.as_view(), name="website_locked_sign_ins")]


@hooks.register("register_settings_menu_item")
def register_locked_sign_ins_menu_item():
    return SuperusersMenuItem(
        _("Locked sign-ins"),
        reverse("website_locked_sign_ins"),
        name="locked-sign-ins",
        icon_name="lock",
        order=900,
    )


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["term", "means"]


register_snippet(SearchSynonymViewSet)
