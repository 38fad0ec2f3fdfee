from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import TrueFiguresView, may_see_figures
from .freeze import freeze_before_purge


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_figures(request.user)


@hooks.register("register_admin_urls")
def register_true_figures_urls():
    return [path("open-figures/", TrueFiguresView.as_view(), name="figures_true_counts")]


@hooks.register("register_reports_menu_item")
def register_true_figures_menu_item():
    return FiguresMenuItem(
        _("Open figures (true counts)"),
        reverse("figures_true_counts"),
        name="open-figures",
        icon_name="table",
        order=1500,
    )


# The alert line's purge runs this before it deletes anything (see freeze.py).
hooks.register("before_purging_reports", freeze_before_purge)
