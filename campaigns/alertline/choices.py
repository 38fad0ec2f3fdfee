"""Stable codes for categories, roles and statuses; labels go through the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    GROOMING = "grooming", _("Grooming: an adult building trust to abuse a young person")
    SEXTORTION = "sextortion", _("Sextortion or threats to share images")
    IMAGES_SHARED = "images_shared", _("Images shared without consent")
    CSAM = "csam", _("Child sexual abuse material online")
    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    OTHER = "other", _("Something else")


# Categories about content that is online: evidence must reach the police before anyone
# asks for it to be taken down.
CONTENT_ONLINE = {Category.IMAGES_SHARED, Category.CSAM, Category.SEXTORTION}


class Role(models.TextChoices):
    SELF = "self", _("I am the young person it happened to")
    PARENT = "parent", _("A parent or carer")
    EDUCATOR = "educator", _("An educator")
    OTHER = "other", _("Someone else")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    FORWARDED = "forwarded", _("Forwarded to the police")
    TAKEDOWN = "takedown", _("Takedown requested")
    CLOSED = "closed", _("Closed")
    SPAM = "spam", _("Spam")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Once the police have a report, it is theirs to keep: the reporter cannot withdraw it.
WITH_THE_POLICE = {Status.FORWARDED, Status.TAKEDOWN}
OPEN_STATUSES = {Status.NEW, Status.IN_REVIEW, Status.FORWARDED, Status.TAKEDOWN}
