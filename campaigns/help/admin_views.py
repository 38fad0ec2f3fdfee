"""The editors' report "Directory entries to check": what readers may be told wrong or
never be shown."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import HelpOrganisation, PathOutcome


def edit_url(organisation):
    return reverse("wagtailsnippets_help_helporganisation:edit", args=[organisation.pk])


def reasons_to_check(organisation, used_keys, today):
    reasons = []
    if organisation.last_checked is None:
        reasons.append(_("never checked"))
    elif organisation.is_stale(today):
        reasons.append(_("not checked for six months"))
    if organisation.translation_key not in used_keys:
        reasons.append(_("no outcome of “What happened?” uses it"))
    if not (organisation.phone or organisation.text_number or organisation.chat_url):
        reasons.append(_("no phone, text or chat"))
    if not (organisation.always_open or organisation.hour_rows):
        reasons.append(_("no opening hours"))
    if organisation.demo:
        reasons.append(_("demo entry"))
    return reasons


class DirectoryEntriesToCheckView(ReportView):
    page_title = gettext_lazy("Directory entries to check")
    header_icon = "help"
    index_url_name = "help_directory_report"
    index_results_url_name = "help_directory_report_results"
    model = HelpOrganisation
    permission_policy = ModelPermissionPolicy(HelpOrganisation)
    any_permission_required = ["add", "change"]
    no_results_message = gettext_lazy("Every entry is checked, complete and used.")
    list_export = ["name", "locale.language_code", "last_checked", "reasons"]
    export_headings = {
        "name": gettext_lazy("Name"),
        "locale.language_code": gettext_lazy("Language"),
        "last_checked": gettext_lazy("Last checked"),
        "reasons": gettext_lazy("To check"),
    }

    @property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), get_url=edit_url),
            Column("language", label=_("Language"), accessor="locale.get_display_name"),
            Column("last_checked", label=_("Last checked")),
            Column("reasons", label=_("To check")),
        ]

    def get_filename(self):
        return f"directory-entries-to-check-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        today = timezone.localdate()
        used_keys = set(
            PathOutcome.organisations.through.objects.values_list(
                "helporganisation__translation_key", flat=True
            )
        )
        organisations = HelpOrganisation.objects.select_related("locale").annotate(
            hour_rows=Count("opening_hours")
        )
        flagged = []
        for organisation in organisations:
            reasons = reasons_to_check(organisation, used_keys, today)
            if reasons:
                organisation.reasons = ", ".join(reasons)
                flagged.append(organisation)
        return sorted(flagged, key=lambda item: (item.last_checked is not None, item.name))
