"""The "What happened?" path's admin form: questions, choices and outcomes checked together.

The rules (`paths.py`) need the whole path at once, which only the page form sees: the
nested formsets hold what the editor is about to save.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from . import paths


def kept_forms(formset):
    """The forms of a formset that will be saved: filled in, not marked for deletion."""
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class HelpPathForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        outcomes = self.formsets.get("outcomes")
        if questions is None or outcomes is None:
            return cleaned
        formsets = [questions, outcomes]
        formsets += [
            form.formsets["choices"] for form in questions.forms if hasattr(form, "formsets")
        ]
        if any(not formset.is_valid() for formset in formsets):
            return cleaned  # each field's own error first
        path_questions = [
            paths.Question(
                form.cleaned_data["key"],
                [
                    choice.cleaned_data["leads_to"]
                    for choice in kept_forms(form.formsets["choices"])
                ],
            )
            for form in kept_forms(questions)
        ]
        path_outcomes = [
            paths.Outcome(form.cleaned_data["key"], gives_help(form.cleaned_data))
            for form in kept_forms(outcomes)
        ]
        for problem in paths.problems(path_questions, path_outcomes):
            self.add_error(None, problem)
        return cleaned


def gives_help(data):
    return bool(
        data.get("organisations") or data.get("report_category") or data.get("where_to_report")
    )
