"""The quiz's admin form: questions, answers and bands are checked together.

The rules need every child at once (bands against the highest possible score), which
only the page form sees: the nested formsets hold what the editor is about to save.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from .scoring import band_problems


def _kept_forms(formset):
    """The forms of a formset that will be saved: filled in, not marked for deletion."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        kept.append(form)
    return kept


class QuizPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        bands = self.formsets.get("bands")
        if questions is None or bands is None:
            return cleaned
        forms = [questions, bands]
        forms += [form.formsets["answers"] for form in questions.forms if hasattr(form, "formsets")]
        if any(not formset.is_valid() for formset in forms):
            return cleaned  # the field errors come first; the totals need valid numbers
        points = [
            [answer.cleaned_data["points"] for answer in _kept_forms(form.formsets["answers"])]
            for form in _kept_forms(questions)
        ]
        fields = ("min_score", "max_score", "title")
        band_rows = [
            tuple(form.cleaned_data[name] for name in fields) for form in _kept_forms(bands)
        ]
        for problem in band_problems(points, band_rows):
            self.add_error(None, problem)
        return cleaned
