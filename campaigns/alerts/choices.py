"""Stable codes for filters and their translated labels.

Codes are what URLs carry (`?audience=parents&topic=grooming`): the same in both
languages, so a filtered address or a feed subscription works in either and survives a
change of wording. Labels go through the catalogue.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from website.choices import AUDIENCES  # noqa: F401 (the audiences filter uses them)

TOPICS = [
    ("grooming", _("Grooming")),
    ("sextortion", _("Sextortion")),
    ("intimate_images", _("Sharing intimate images")),
    ("scams", _("Scams")),
    ("cyberbullying", _("Cyberbullying")),
    ("privacy", _("Privacy")),
    ("harmful_content", _("Harmful content and challenges")),
]
RISK_LEVELS = [
    ("low", _("Low")),
    ("medium", _("Medium")),
    ("high", _("High")),
]
ALERTS_PER_PAGE = 10
FEED_LENGTH = 20
# Newest first; among alerts of the same day, the one published last comes first.
ALERT_ORDERING = ("-published_date", "-first_published_at", "-pk")


def audience_field(code):
    return f"for_{code}"


def audience_q(code):
    return Q(**{audience_field(code): True})
