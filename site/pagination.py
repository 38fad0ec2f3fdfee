"""A page of a list kept in the content cache, shown with Django's Paginator.

A cached list keeps only its total and the items of one page: enough for the Paginator's
links and counts, without the query that found them.
"""

from django.core.paginator import Paginator


class OnePage:
    """One page of items and how many there are in all: all that a Paginator reads."""

    def __init__(self, total, start, items):
        self.total = total
        self.start = start
        self.items = items

    def __len__(self):
        return self.total

    def __getitem__(self, key):  # the Paginator asks for this page's slice only
        return self.items[key.start - self.start : key.stop - self.start]


def page_of(total, number, items, per_page):
    """Paginator page `number` (1-based) of `total` items, holding `items`."""
    start = (number - 1) * per_page
    return Paginator(OnePage(total, start, items), per_page).page(number)
