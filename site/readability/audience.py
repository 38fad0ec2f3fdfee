"""Whom a page speaks to, for the readability target beside its score.

A page type says it with a `readability_audience` attribute or method (the booklet and
the quiz: young people). A page that records its audiences with one yes/no field per
audience (`for_young_people`, `for_parents`, ...: the alerts) gets the easiest target of
those it chose. Every other page is read by parents and educators: the standard target.
"""

from website.choices import AUDIENCES

from .scoring import STANDARD, YOUNG_PEOPLE


def readability_audience(page):
    declared = getattr(page, "readability_audience", None)
    if callable(declared):
        declared = declared()
    if declared:
        return declared
    if YOUNG_PEOPLE in chosen_audiences(page):
        return YOUNG_PEOPLE
    return STANDARD


def chosen_audiences(page):
    return {code for code, _label in AUDIENCES if getattr(page, f"for_{code}", None) is True}
