"""Stable codes for the kinds of organisation and the needs they answer.

The codes go in filter addresses (`?kind=helpline&need=images`), the same in both
languages; their labels go through the catalogue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.alertline.choices import Category


class Kind(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    POLICE = "police", _("Police")
    PROSECUTION = "prosecution", _("Public Prosecutor")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    VICTIM_SUPPORT = "victim_support", _("Victim support")
    HELPLINE = "helpline", _("Helpline")
    PLATFORM = "platform", _("Reporting online content")


class Need(models.TextChoices):
    DANGER = "danger", _("Someone is in danger now")
    THREATS = "threats", _("Threats or demands for money or pictures")
    IMAGES = "images", _("Pictures shared without consent")
    CONTACT = "contact", _("Someone online asking to meet or for pictures")
    ABUSE_MATERIAL = "abuse_material", _("Child sexual abuse material seen online")
    BULLYING = "bullying", _("Bullying or harassment")
    TALK = "talk", _("Someone to talk to")


# An outcome opens the alert line's form with one of its categories chosen.
REPORT_CATEGORIES = Category.choices
