"""Whether an organisation is open now, and until or from when, in Portugal's time.

Opening hours are written per weekday in Europe/Lisbon time, with exceptions for given
dates (a holiday: closed, or other hours). Everything here is worked out from the hours
and the current time at each request, never stored: a cached page asks
`seconds_it_stays_true` how long its "open now" stays right (see `freshness.py`).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

LISBON = ZoneInfo("Europe/Lisbon")
# Far enough to find the next opening of an entry open once a week, past a week of
# holidays; an entry with nothing in that time says its hours are not known.
DAYS_AHEAD = 15


@dataclass(frozen=True)
class Opening:
    """What a reader is told: open (until `until`), closed (opens at `next_open`), open at
    any time, or hours not known. `changes_at` is when this stops being true."""

    state: str  # "always", "open", "closed", "unknown"
    until: datetime.datetime | None = None
    next_open: datetime.datetime | None = None

    @property
    def is_open(self):
        return self.state in ("always", "open")

    @property
    def changes_at(self):
        return self.until if self.state == "open" else self.next_open


@dataclass(frozen=True)
class Timetable:
    """An organisation's hours as plain values: a page looks up to DAYS_AHEAD days ahead for
    each entry, and keeps its entries with their timetables in the content cache."""

    weekly: dict  # weekday -> [(opens, closes)]
    exceptions: dict  # date -> [(opens, closes)], an empty list on a day it is closed

    @classmethod
    def of(cls, hours, exceptions):
        """From an organisation's OpeningHours and OpeningException rows."""
        weekly, by_date = {}, {}
        for item in hours:
            weekly.setdefault(item.weekday, []).append((item.opens, item.closes))
        for item in exceptions:
            rows = by_date.setdefault(item.date, [])
            if item.opens and item.closes:
                rows.append((item.opens, item.closes))
        return cls(weekly, by_date)


def periods_on(timetable, day):
    """The (opens, closes) datetimes of `day` in Lisbon: an exception for that date
    replaces the weekday's hours. A closing time of 00:00 means midnight."""
    if day in timetable.exceptions:
        rows = timetable.exceptions[day]
    else:
        rows = timetable.weekly.get(day.weekday(), [])
    periods = []
    for opens, closes in rows:
        start = datetime.datetime.combine(day, opens, tzinfo=LISBON)
        end_day = day + datetime.timedelta(days=1) if closes == datetime.time(0) else day
        periods.append((start, datetime.datetime.combine(end_day, closes, tzinfo=LISBON)))
    return sorted(periods)


def opening_at(organisation, now=None):
    """The Opening of `organisation` at `now` (the current time by default)."""
    if organisation.always_open:
        return Opening("always")
    now = (now or timezone.now()).astimezone(LISBON)
    today = now.date()
    timetable = organisation.timetable
    for offset in range(-1, DAYS_AHEAD):  # yesterday's hours may run to midnight
        for start, end in periods_on(timetable, today + datetime.timedelta(days=offset)):
            if start <= now < end:
                return Opening("open", until=closing_of_run(timetable, end))
            if start > now:
                return Opening("closed", next_open=start)
    return Opening("unknown")


def closing_of_run(timetable, end):
    """Hours that meet (until midnight, then from midnight) close at the last one's end."""
    for _day in range(DAYS_AHEAD):
        following = [later for start, later in periods_on(timetable, end.date()) if start == end]
        if not following:
            break
        end = following[0]
    return end


def seconds_it_stays_true(openings, now=None):
    """Whole seconds until the first of these openings changes (open to closed or back);
    None when none of them ever changes."""
    now = now or timezone.now()
    changes = [opening.changes_at for opening in openings if opening.changes_at is not None]
    if not changes:
        return None
    return max(0, int((min(changes) - now).total_seconds()))


def describe(opening, now=None):
    """The opening in words, in the active language, with times in Portugal's time."""
    if opening.state == "always":
        return _("Open now, at any time of day or night")
    if opening.state == "open":
        return _("Open now, until %(time)s") % {"time": hour(opening.until)}
    if opening.state == "unknown":
        return _("Opening hours not known: check before you go or call")
    today = (now or timezone.now()).astimezone(LISBON).date()
    day = opening.next_open.date()
    time = hour(opening.next_open)
    if day == today:
        return _("Closed now. Opens today at %(time)s") % {"time": time}
    if day == today + datetime.timedelta(days=1):
        return _("Closed now. Opens tomorrow at %(time)s") % {"time": time}
    if day < today + datetime.timedelta(days=7):
        return _("Closed now. Opens on %(weekday)s at %(time)s") % {
            "weekday": date_format(day, "l"),
            "time": time,
        }
    return _("Closed now. Opens on %(date)s at %(time)s") % {
        "date": date_format(day, "j F"),
        "time": time,
    }


def hour(moment):
    return moment.astimezone(LISBON).strftime("%H:%M")
