import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import GroupApprovalTask

from .matching import term_regex


class WordingRule(models.Model):
    """A term (or a pattern) that pages in one language must not publish, or should avoid."""

    REFUSE = "refuse"
    WARN = "warn"
    ACTIONS = [
        (REFUSE, _("Refuse: the page cannot be published")),
        (WARN, _("Warn: shown in the Checks panel")),
    ]

    phrase = models.CharField(
        _("term or pattern"),
        max_length=200,
        help_text=_("Whole words, for example: revenge porn. Capitals and accents do not count."),
    )
    is_pattern = models.BooleanField(
        _("regular expression"),
        default=False,
        help_text=_(
            "Read the term as a regular expression, for example: (she|he) sent (it|them). "
            "It still matches whole words only."
        ),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    action = models.CharField(_("action"), max_length=10, choices=ACTIONS, default=REFUSE)
    preferred = models.CharField(
        _("preferred wording"),
        max_length=300,
        help_text=_("What to write instead, in the same language."),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    unless_text_says = models.CharField(
        _("not when the same text also says"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a short form that is fine once the full form is there, for example: "
            "sextortion, not when the text also says sexual extortion."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("phrase"), FieldPanel("is_pattern")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("action")]),
        FieldPanel("preferred"),
        FieldPanel("reason"),
        FieldPanel("unless_text_says"),
    ]

    class Meta:
        verbose_name = _("wording rule")
        verbose_name_plural = _("wording rules")
        ordering = ["language", "action", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["language", "phrase"], name="one_rule_per_phrase")
        ]

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        if self.is_pattern:
            try:
                term_regex(self.phrase, is_pattern=True)
            except re.error as error:
                raise ValidationError(
                    {"phrase": _("This is not a valid pattern: %(error)s") % {"error": error}}
                ) from error

    @property
    def refuses(self):
        return self.action == self.REFUSE

    @property
    def check_id(self):
        """Its name in the Checks panel's list of checks."""
        return f"wording-warning-{self.pk}"


class WordingApprovalTask(GroupApprovalTask):
    """Wagtail's group approval, which refuses to approve a revision with a refused term.

    Approving from the dashboard or the workflow menu never sees the page form, and
    Wagtail's `before_publish_page` hook does not run for approvals: the task checks the
    revision itself. The "Moderators approval" task is this type (migration 0001).
    """

    class Meta:
        verbose_name = _("Group approval task with a wording check")
        verbose_name_plural = _("Group approval tasks with a wording check")

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from .checks import refused_in_object

            if refused_in_object(task_state.revision.as_object()):
                # The task has no request for a message: a view shows the problems.
                return reverse("wording_approval_refused", args=[task_state.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or reject; a revision that uses a "
            "refused term cannot be approved."
        )
