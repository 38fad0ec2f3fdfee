"""The "Translations" report and the "Mark as reviewed" action."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import user_has_any_page_permission, user_passes_test
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .sync import STATES, mark_reviewed, translation_overview

# Its own context: Wagtail's "All" stays as Wagtail translates it elsewhere.
ALL = pgettext_lazy("translations report filter", "All")


class TranslationsFilterSet(WagtailFilterSet):
    """Its choices come from the report's own overview: no query of their own."""

    # Named "locale", Wagtail adds no locale filter (and no query) of its own.
    locale = django_filters.ChoiceFilter(
        label=_("Language"), widget=forms.RadioSelect, empty_label=ALL
    )
    section = django_filters.ChoiceFilter(label=_("Section"))
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=list(STATES.items()),
        widget=forms.RadioSelect,
        empty_label=ALL,
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, overview, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in overview.languages
        ]
        self.filters["section"].extra["choices"] = [
            (str(page_id), "\u2003" * (depth - 2) + title)
            for page_id, title, depth, _path in overview.sections
        ]


class StandingColumn(Column):
    cell_template_name = "translation_sync/standing_cell.html"


class TranslationsReportView(ReportView):
    page_title = _("Translations")
    header_icon = "globe"
    index_url_name = "translation_sync_report"
    index_results_url_name = "translation_sync_report_results"
    filterset_class = TranslationsFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    export_filename = "translations"
    columns = [
        TitleColumn(
            "source_title",
            label=_("Page"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.source_id]),
        ),
        Column("language", label=_("Language")),
        StandingColumn("state", label=_("State")),
    ]
    list_export = [
        "source_title",
        "source_id",
        "language",
        "translation_title",
        "translation_id",
        "state_label",
        "changes",
        "changed_at",
    ]
    export_headings = {
        "source_title": _("Page"),
        "source_id": _("Page ID"),
        "language": _("Language"),
        "translation_title": _("Translation"),
        "translation_id": _("Translation ID"),
        "state_label": _("State"),
        "changes": _("Published changes since the review"),
        "changed_at": _("Source changed at"),
    }

    @cached_property
    def overview(self):
        return translation_overview()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "overview": self.overview}

    def get_queryset(self):
        return self.overview.rows

    def get_filtered_queryset(self):
        return self.filter_queryset(self.get_queryset())

    def filter_queryset(self, rows):
        if not (self.filters and self.filters.is_valid()):
            return rows
        chosen = self.filters.form.cleaned_data
        if chosen.get("locale"):
            rows = [row for row in rows if row.locale.language_code == chosen["locale"]]
        if chosen.get("section"):
            paths = {str(page_id): path for page_id, _, _, path in self.overview.sections}
            path = paths[chosen["section"]]
            rows = [row for row in rows if row.source_path.startswith(path)]
        if chosen.get("state"):
            rows = [row for row in rows if row.state == chosen["state"]]
        return rows

    def write_csv_response(self, queryset):
        # Wagtail streams the file after the view has returned, once the user's language is
        # no longer active: write it now, so headings and states are in their language.
        response = super().write_csv_response(queryset)
        response.streaming_content = list(response.streaming_content)
        return response


@require_POST
@user_passes_test(user_has_any_page_permission)
def mark_translation_reviewed(request, page_id):
    translation = get_object_or_404(Page, pk=page_id)
    if not translation.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if mark_reviewed(translation, request.user) is None:
        messages.error(request, _("This page has no published source to review it against."))
    else:
        messages.success(
            request,
            _("“%(title)s” is marked as reviewed against its source.")
            % {"title": translation.title},
        )
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_pages:edit", args=[translation.pk]))
