"""The directory of help for a test: organisations with their hours, and the directory page."""

import datetime

from wagtail.models import Locale

from campaigns.help.models import (
    HelpDirectoryPage,
    HelpOrganisation,
    HelpPathPage,
    OpeningException,
    OpeningHours,
    PathChoice,
    PathOutcome,
    PathQuestion,
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


def add_path(home, slug, outcome_organisations=(), alert_line=None):
    """A published "What happened?" path under `home`: one question with two choices,
    each leading to an outcome; the first outcome lists `outcome_organisations`."""
    page = HelpPathPage(
        title=f"Path {slug}",
        slug=slug,
        intro="Answer one question.",
        alert_line=alert_line,
        questions=[
            PathQuestion(
                key="start",
                text="What happened?",
                choices=[
                    PathChoice(label="Threats", leads_to="threats"),
                    PathChoice(label="Something else", leads_to="other"),
                ],
            )
        ],
    )
    threats = PathOutcome(key="threats", title="Threats", report_category="sextortion")
    threats.organisations = list(outcome_organisations)
    other = PathOutcome(key="other", title="Something else", report_category="other")
    page.outcomes = [threats, other]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
