"""Calendar quarters: the unit of the open figures, and when each may be published.

A quarter is published only once it has closed and a month has passed, so that the
reports and quiz completions of its last days are handled and counted. The current
quarter is never published: a figure that moves while reports arrive would reveal one.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

SLUG = re.compile(r"^(?P<year>[0-9]{4})-q(?P<number>[1-4])$")
MONTHS_TO_WAIT = 1


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def from_slug(cls, slug):
        """The quarter named `2026-q3`, or None for anything else."""
        match = SLUG.match(slug or "")
        if not match or int(match["year"]) < 1:
            return None
        return cls(int(match["year"]), int(match["number"]))

    @property
    def slug(self):
        return f"{self.year}-q{self.number}"

    @property
    def label(self):
        return _("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}

    @property
    def start(self):
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def next(self):
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    @property
    def previous(self):
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    @property
    def end(self):
        """The quarter's last day."""
        return self.next.start - datetime.timedelta(days=1)

    @property
    def publishable_on(self):
        """The first day its figures may be shown: a month after the quarter closed."""
        after = self.next.start
        month = after.month - 1 + MONTHS_TO_WAIT
        return datetime.date(after.year + month // 12, month % 12 + 1, 1)

    def is_publishable(self, today):
        return self.publishable_on <= today


def latest_publishable(today):
    quarter = Quarter.of(today).previous
    while not quarter.is_publishable(today):
        quarter = quarter.previous
    return quarter


def quarters_between(first, last):
    """Every quarter from `first` to `last`, both included, oldest first."""
    quarters = []
    quarter = first
    while quarter <= last:
        quarters.append(quarter)
        quarter = quarter.next
    return quarters


def last_quarters(last, count):
    quarters = [last]
    while len(quarters) < count:
        quarters.insert(0, quarters[0].previous)
    return quarters
