"""The directory of help for a test: organisations with their hours, and the directory page."""

import datetime

from wagtail.models import Locale

from campaigns.help.models import (
    HelpDirectoryPage,
    HelpOrganisation,
    OpeningException,
    OpeningHours,
)


def add_organisation(name, language="pt", hours=(), exceptions=(), live=True, **fields):
    """A published organisation. `hours` are (weekday, "09:00", "17:00"); `exceptions` are
    (date, opens or None, closes or None)."""
    values = {
        "summary": f"What {name} does.",
        "who_they_help": "Everyone",
        "kind": "helpline",
        "needs": ["talk"],
    } | fields
    organisation = HelpOrganisation(
        name=name, locale=Locale.objects.get(language_code=language), **values
    )
    organisation.opening_hours = [
        OpeningHours(weekday=day, opens=time_of(opens), closes=time_of(closes))
        for day, opens, closes in hours
    ]
    organisation.exceptions = [
        OpeningException(date=date, opens=time_of(opens), closes=time_of(closes))
        for date, opens, closes in exceptions
    ]
    organisation.live = live
    organisation.save()
    if live:
        organisation.save_revision().publish()
    return organisation


def time_of(text):
    return datetime.time.fromisoformat(text) if text else None


def directory_for(language):
    return HelpDirectoryPage.objects.live().get(locale__language_code=language)
