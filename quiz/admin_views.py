"""The editors' "Quiz insights": completions, bands and answers per quiz and dates.

Editors (anyone who may add, change or publish pages) see it; alert-line handlers do not.
Every count under 5 is shown as "fewer than 5", on the page and in the CSV.
"""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import insights
from .models import QuizPage

EDITOR_PERMISSIONS = ["add", "change", "publish"]
MAX_DAYS = 366


def is_editor(user):
    return PagePermissionPolicy().user_has_any_permission(user, EDITOR_PERMISSIONS)


class QuizChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.get_display_name()})"

    def to_python(self, value):
        # An id no database can hold is just another wrong choice, not a server error.
        if value not in self.empty_values and (not str(value).isdigit() or len(str(value)) > 18):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class InsightsForm(forms.Form):
    quiz = QuizChoiceField(
        label=gettext_lazy("Quiz"),
        queryset=QuizPage.objects.select_related("locale").order_by("title", "locale_id"),
        empty_label=None,
    )
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif (end - start).days >= MAX_DAYS:
                self.add_error("end", _("Choose at most a year at a time."))
        return cleaned


def default_data():
    today = timezone.localdate()
    first = QuizPage.objects.order_by("title", "locale_id").values_list("pk", flat=True).first()
    return {"quiz": first, "start": today - datetime.timedelta(days=29), "end": today}


class QuizInsightsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Quiz insights")
    header_icon = "list-ul"
    template_name = "quiz/admin/insights.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        data = self.request.GET if "quiz" in self.request.GET else default_data()
        return InsightsForm(data)

    def figures(self, form):
        if not form.is_valid():
            return None
        quiz, start, end = (form.cleaned_data[name] for name in ("quiz", "start", "end"))
        return {
            "quiz": quiz,
            "start": start,
            "end": end,
            "completions": insights.completions_by_day(quiz, start, end),
            "bands": insights.bands(quiz, start, end),
            "questions": insights.answers_per_question(quiz, start, end),
            "has_demo_data": insights.has_demo_data(quiz),
        }

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        figures = self.figures(form)
        if figures and request.GET.get("format") == "csv":
            return csv_response(figures)
        context = self.get_context_data(form=form, figures=figures, minimum=insights.EDITOR_MINIMUM)
        return self.render_to_response(context)


def safe_cell(value):
    """Spreadsheets run cells that start with these as formulas: keep them text."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_response(figures):
    quiz = figures["quiz"]
    dates = f"{figures['start']}-{figures['end']}"
    filename = f"quiz-insights-{quiz.slug}-{quiz.locale.language_code}-{dates}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([_("Section"), _("Item"), _("Answer"), _("Count")])
    for cell in figures["completions"].cells:
        writer.writerow([_("Completions per day"), cell.label, "", cell.display])
    for cell in figures["bands"].cells:
        writer.writerow([_("Result bands reached"), safe_cell(cell.label), "", cell.display])
    for chart in figures["questions"]:
        for cell in chart.cells:
            writer.writerow(
                [_("Answers"), safe_cell(chart.title), safe_cell(cell.label), cell.display]
            )
    if figures["has_demo_data"]:
        writer.writerow([_("Note"), _("These figures include demo data."), "", ""])
    return response
