"""The page form's check: a refused term blocks publishing, scheduling and submitting.

The check runs in the form's `clean()`, which runs for every action of the page editor
except saving a draft and previewing (both defer validation: drafts can hold anything).
It is installed on every page type from the installed apps, on top of the form the page
type already has (the quiz's), so no app needs to know about it.
"""

import types

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import get_page_models

# Editor actions that never make a page live nor send it for review.
WORKFLOW_ACTIONS_WITHOUT_CHECK = {"reject"}


class WordingCheckMixin:
    def clean(self):
        cleaned = super().clean()
        if self.may_go_live():
            self.refuse_terms()
        return cleaned

    def may_go_live(self):
        if self.is_deferred_validation or "action-cancel-workflow" in self.data:
            return False
        if "action-workflow-action" in self.data:
            return self.data.get("workflow-action-name") not in WORKFLOW_ACTIONS_WITHOUT_CHECK
        return True

    def refuse_terms(self):
        from .checks import refused_in_form

        for problem in refused_in_form(self):
            piece = problem.piece
            error = ValidationError(problem.message, code="refused_wording")
            if piece.form is not self:
                # A nested child (a quiz answer): marked where it is, and named at the top.
                self.add_error(None, error)
            if piece.field_name in piece.form.fields:
                piece.form.add_error(piece.field_name, error)


def with_wording_check(form_class):
    if issubclass(form_class, WordingCheckMixin):
        return form_class
    return types.new_class(
        f"Wording{form_class.__name__}",
        (WordingCheckMixin, form_class),
        exec_body=lambda namespace: namespace.update(__module__=__name__),
    )


def install_wording_check():
    """Give every page type a form that checks the wording. Runs in `ready()`, before
    Wagtail builds the edit handlers (and before wagtail.admin sets Page's default)."""
    for model in get_page_models():
        current = getattr(model, "base_form_class", None) or WagtailAdminPageForm
        model.base_form_class = with_wording_check(current)
