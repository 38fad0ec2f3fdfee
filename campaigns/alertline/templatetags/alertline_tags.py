from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from website.sanitize import linkify_plain_text

from ..choices import Status

register = template.Library()

EXPLANATIONS = {
    Status.NEW: lambda: _("We have your report. Nobody has looked at it yet."),
    Status.IN_REVIEW: lambda: _("A member of our team is looking at your report."),
    Status.FORWARDED: lambda: _(
        "We passed your report to the police. They decide what happens next, and they keep it."
    ),
    Status.TAKEDOWN: lambda: _(
        "The police have your report, and we asked for the content to be taken down."
    ),
    Status.CLOSED: lambda: _("We have finished working on this report."),
    Status.SPAM: lambda: _("We have finished working on this report."),
    Status.WITHDRAWN: lambda: _("You withdrew this report. We will not act on it."),
}


@register.simple_tag
def status_explanation(report):
    return EXPLANATIONS.get(report.status, EXPLANATIONS[Status.NEW])()


@register.filter
def linkify_reply(text):
    """A handler's reply: escaped, line breaks kept, https links made clickable."""
    html = linkify_plain_text(text or "")
    return mark_safe("<br>".join(html.splitlines()))  # noqa: S308 (escaped by bleach above)
