"""Scoring, kept apart from HTTP and the database so that preview, the result view and
the admin's validation all use the same rules.

A score is the sum of the risk points of the chosen answers. The possible range is
[0, sum of each question's highest points]; the bands must cover it with no gap and no
overlap, so every score lands in exactly one band.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .choices import RISK_CATEGORIES


def max_score(points_per_question):
    """The highest possible score: each question's highest answer, added up."""
    return sum(max(points, default=0) for points in points_per_question)


def band_problems(points_per_question, bands):
    """Messages (translated) for a quiz whose questions and bands do not fit together.

    `points_per_question`: a list with, per question, the list of its answers' points.
    `bands`: a list of (min_score, max_score, title).
    """
    problems = []
    if not points_per_question:
        problems.append(_("Add at least one question."))
    for position, points in enumerate(points_per_question, start=1):
        if not points:
            problems.append(
                _("Question %(number)s has no answers: add at least one.") % {"number": position}
            )
    if not bands:
        problems.append(_("Add at least one result band."))
        return problems
    top = max_score(points_per_question)
    ordered = sorted(bands, key=lambda band: (band[0], band[1]))
    for low, high, title in ordered:
        if low > high:
            problems.append(
                _(
                    "The band “%(title)s” starts at %(low)s but ends at %(high)s: the end must not be lower than the start."  # noqa: E501
                )
                % {"title": title, "low": low, "high": high}
            )
    for (_low_a, high_a, title_a), (low_b, _high_b, title_b) in zip(
        ordered, ordered[1:], strict=False
    ):
        if low_b <= high_a:
            problems.append(
                _("The bands “%(first)s” and “%(second)s” overlap: both include score %(score)s.")
                % {"first": title_a, "second": title_b, "score": low_b}
            )
        elif low_b > high_a + 1:
            problems.append(
                _(
                    "No band covers scores %(low)s to %(high)s, between “%(first)s” and “%(second)s”."  # noqa: E501
                )
                % {"low": high_a + 1, "high": low_b - 1, "first": title_a, "second": title_b}
            )
    if ordered[0][0] > 0:
        problems.append(
            _("No band covers scores 0 to %(high)s: the first band must start at 0.")
            % {"high": ordered[0][0] - 1}
        )
    highest = max(band[1] for band in ordered)
    if highest < top:
        problems.append(
            _("No band covers scores %(low)s to %(top)s: the highest possible score is %(top)s.")
            % {"low": highest + 1, "top": top}
        )
    return problems


@dataclass
class CategoryScore:
    code: str
    label: str
    points: int = 0
    maximum: int = 0

    @property
    def percent(self):
        return round(100 * self.points / self.maximum) if self.maximum else 0


@dataclass
class Result:
    """What a set of chosen answers means: score, band, per-category points and tips."""

    score: int
    maximum: int
    band: object  # a ResultBand, or None when the bands do not cover the score
    categories: list = field(default_factory=list)
    chosen: list = field(default_factory=list)  # (question, answer) pairs, in quiz order

    @property
    def tips(self):
        return [(question, answer) for question, answer in self.chosen if answer.tip]


def compute_result(structure, chosen_answers, bands):
    """`structure`: [(question, [answers])]; `chosen_answers`: {question position: answer}."""
    labels = dict(RISK_CATEGORIES)
    categories = {code: CategoryScore(code, labels[code]) for code, _label in RISK_CATEGORIES}
    chosen = []
    score = 0
    for position, (question, answers) in enumerate(structure):
        category = categories.get(question.category)
        best = max((answer.points for answer in answers), default=0)
        answer = chosen_answers.get(position)
        if category is not None:
            category.maximum += best
        if answer is None:
            continue
        chosen.append((question, answer))
        score += answer.points
        if category is not None:
            category.points += answer.points
    band = next((band for band in bands if band.min_score <= score <= band.max_score), None)
    return Result(
        score=score,
        maximum=max_score([[answer.points for answer in answers] for _q, answers in structure]),
        band=band,
        categories=[category for category in categories.values() if category.maximum],
        chosen=chosen,
    )
