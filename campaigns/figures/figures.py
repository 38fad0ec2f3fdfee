"""The published figures of a quarter, built from the alert line's frozen aggregates and
the quiz's anonymous tallies, each protected by `disclosure` before anyone sees it.

Either source may be left out of the site: its part of the figures is then absent, never
an error. `protected=False` gives editors the true counts in the admin.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext as _

from website.charts import Chart

from .disclosure import Figure, Missing, protect_table, share
from .quarters import Quarter, last_quarters, latest_publishable

TREND_LENGTH = 8
ALERTLINE = "campaigns.alertline"
QUIZ = "quiz"


def has_alert_line():
    return apps.is_installed(ALERTLINE)


def has_quiz():
    return apps.is_installed(QUIZ)


# --- Which quarters are published --------------------------------------------------------


def sealed_quarters():
    if not has_alert_line():
        return set()
    from .models import ReportFigures

    starts = ReportFigures.objects.filter(sealed_at__isnull=False).values_list(
        "quarter_start", flat=True
    )
    return {Quarter.of(start) for start in starts.distinct()}


def quiz_quarters():
    if not has_quiz():
        return set()
    from quiz.models import BandTally

    return {Quarter.of(month) for month in BandTally.objects.dates("day", "month")}


def published_quarters(today=None):
    """Quarters with figures that may be shown, oldest first: closed, a month past, and
    with frozen alert-line figures or quiz tallies."""
    last = latest_publishable(today or timezone.localdate())
    return sorted(quarter for quarter in sealed_quarters() | quiz_quarters() if quarter <= last)


# --- The alert line ---------------------------------------------------------------------


@dataclass
class ReportFigures:
    categories: list  # [(code, label, received, forwarded, spam)], counts as Figures
    received: Figure
    forwarded: Figure
    spam: Figure
    responded: Figure
    median_hours: int | None
    p90_hours: int | None
    in_time: Figure
    promised_days: int | None
    is_demo: bool

    @property
    def forwarded_share(self):
        return share(self.forwarded, self.received)

    @property
    def spam_share(self):
        return share(self.spam, self.received)

    @property
    def in_time_share(self):
        return share(self.in_time, self.responded)


def percentile(hours, fraction):
    """The nearest-rank percentile of a {hours: reports} histogram."""
    total = sum(hours.values())
    if not total:
        return None
    rank, seen = max(1, math.ceil(total * fraction)), 0
    for value in sorted(hours):
        seen += hours[value]
        if seen >= rank:
            return value
    return None


def category_labels():
    from campaigns.alertline.choices import Category

    return [(value, str(label)) for value, label in Category.choices]


def rows_by_quarter(quarters):
    from .models import ReportFigures as Row

    rows = Row.objects.filter(
        sealed_at__isnull=False, quarter_start__in=[quarter.start for quarter in quarters]
    )
    grouped = {}
    for row in rows:
        grouped.setdefault(row.quarter, []).append(row)
    return grouped


def report_figures(rows, protected=True):
    """The alert line's figures of one sealed quarter, from its rows (both real and demo
    rows are added up; `is_demo` says whether any is the demo's)."""
    totals = {value: Counter() for value, _label in category_labels()}
    hours = Counter()
    for row in rows:
        counts = totals.setdefault(row.category, Counter())
        counts.update(
            received=row.received,
            forwarded=row.forwarded,
            spam=row.spam,
            responded=row.responded,
            in_time=row.responded_in_time,
        )
        hours.update({int(key): value for key, value in row.response_hours.items()})
    labels = dict(category_labels())
    names = list(totals)
    grid = [[totals[name][key] for key in ("received", "forwarded", "spam")] for name in names]
    table = protect_table(grid, labels=[labels.get(name, name) for name in names])
    responded = sum(counts["responded"] for counts in totals.values())
    in_time = sum(counts["in_time"] for counts in totals.values())
    enough = not Figure(responded).hidden or not protected
    figures = ReportFigures(
        categories=[
            (name, cells[0].label, *cells) for name, cells in zip(names, table.cells, strict=True)
        ],
        received=table.column_totals[0],
        forwarded=table.column_totals[1],
        spam=table.column_totals[2],
        responded=Figure(responded),
        median_hours=percentile(hours, 0.5) if enough else None,
        p90_hours=percentile(hours, 0.9) if enough else None,
        in_time=Figure(in_time),
        promised_days=max((row.promised_days or 0 for row in rows), default=0) or None,
        is_demo=any(row.is_demo for row in rows),
    )
    if not protected:
        reveal(
            *[cell for row in table.cells for cell in row],
            *table.column_totals,
            figures.responded,
            figures.in_time,
        )
    return figures


def reveal(*figures):
    """Nothing rounded or hidden: the admin's true counts."""
    for figure in figures:
        figure.reveal()


# --- The quiz ----------------------------------------------------------------------------


@dataclass
class QuestionFigures:
    text: str
    answers: list  # Figures labelled with the answer's text
    answered: Figure


@dataclass
class QuizFigures:
    title: str
    bands: list  # Figures labelled with the band's title
    completions: Figure
    questions: list = field(default_factory=list)
    is_demo: bool = False


def quiz_groups(language):
    """[(quiz in this language, {page id: (band positions, answer positions)})] for every
    live quiz: tallies of its translations are added up by position (the first band of
    one language is the first band of the other, as the signed results assume)."""
    from quiz.models import Answer, QuizPage, ResultBand

    quizzes = list(
        QuizPage.objects.live().public().filter(locale__language_code=language).order_by("path")
    )
    keys = [quiz.translation_key for quiz in quizzes]
    pages = dict(
        QuizPage.objects.filter(translation_key__in=keys).values_list("pk", "translation_key")
    )
    positions = {pk: ({}, {}) for pk in pages}
    bands = ResultBand.objects.filter(page_id__in=pages).order_by("page_id", "sort_order", "pk")
    for band in bands:
        band_positions = positions[band.page_id][0]
        band_positions[band.pk] = len(band_positions)
    answers = Answer.objects.filter(question__page_id__in=pages).order_by(
        "question__page_id", "question__sort_order", "question_id", "sort_order", "pk"
    )
    questions = {}
    for page_id, question_id, answer_id in answers.values_list(
        "question__page_id", "question_id", "pk"
    ):
        order = questions.setdefault(page_id, {})
        question_position = order.setdefault(question_id, len(order))
        answer_positions = positions[page_id][1]
        within = sum(
            1 for position in answer_positions.values() if position[0] == question_position
        )
        answer_positions[answer_id] = (question_position, within)
    return [
        (quiz, {pk: positions[pk] for pk, key in pages.items() if key == quiz.translation_key})
        for quiz in quizzes
    ]


def tally_rows(pages, first, last):
    """Band and answer tallies of these pages between two quarters, with their days."""
    from quiz.models import AnswerTally, BandTally

    days = {"day__gte": first.start, "day__lte": last.end, "page_id__in": pages}
    bands = BandTally.objects.filter(**days).values_list(
        "page_id", "band_id", "day", "count", "is_demo"
    )
    answers = AnswerTally.objects.filter(**days).values_list("page_id", "answer_id", "day", "count")
    return list(bands), list(answers)


def quiz_figures(quiz, positions, band_rows, answer_rows, quarter, protected=True):
    in_quarter = lambda day: quarter.start <= day <= quarter.end  # noqa: E731
    band_counts, answer_counts, is_demo = Counter(), Counter(), False
    for page_id, band_id, day, count, demo in band_rows:
        if page_id in positions and in_quarter(day) and band_id in positions[page_id][0]:
            band_counts[positions[page_id][0][band_id]] += count
            is_demo = is_demo or demo
    for page_id, answer_id, day, count in answer_rows:
        if page_id in positions and in_quarter(day) and answer_id in positions[page_id][1]:
            answer_counts[positions[page_id][1][answer_id]] += count
    bands = quiz.ordered_bands()
    table = protect_table(
        [[band_counts[i]] for i in range(len(bands))], labels=[b.title for b in bands]
    )
    figures = QuizFigures(
        quiz.title, [row[0] for row in table.cells], table.column_totals[0], is_demo=is_demo
    )
    for band in figures.bands:
        band.percent = share(band, figures.completions)
    for question_position, (question, answers) in enumerate(quiz.structure()):
        if not question.public:
            continue
        grid = [[answer_counts[(question_position, i)]] for i in range(len(answers))]
        answered = protect_table(grid, labels=[answer.text for answer in answers])
        for row in answered.cells:
            row[0].percent = share(row[0], answered.column_totals[0])
        figures.questions.append(
            QuestionFigures(
                question.text, [row[0] for row in answered.cells], answered.column_totals[0]
            )
        )
    if not protected:
        reveal(figures.completions, *figures.bands)
        for question in figures.questions:
            reveal(question.answered, *question.answers)
    return figures


# --- A quarter, and the trend up to it ---------------------------------------------------


@dataclass
class QuarterFigures:
    quarter: Quarter
    reports: ReportFigures | None
    quizzes: list
    trend: list  # Charts of the last eight quarters
    is_demo: bool


def quarter_figures(quarter, language, protected=True):
    trend_quarters = last_quarters(quarter, TREND_LENGTH)
    reports, quizzes, charts = None, [], []
    if has_alert_line():
        grouped = rows_by_quarter(trend_quarters)
        if quarter in grouped:
            reports = report_figures(grouped[quarter], protected)
        received = [
            labelled(report_figures(grouped[q]).received if q in grouped else None, q)
            for q in trend_quarters
        ]
        charts.append(Chart(_("Reports received per quarter"), received))
    if has_quiz():
        completions = Counter()
        for quiz, positions in quiz_groups(language):
            bands, answers = tally_rows(list(positions), trend_quarters[0], quarter)
            quizzes.append(quiz_figures(quiz, positions, bands, answers, quarter, protected))
            for _page, _band, day, count, _demo in bands:
                completions[Quarter.of(day)] += count
        cells = [labelled(Figure(completions[q]), q) for q in trend_quarters]
        charts.append(Chart(_("Quiz completions per quarter"), cells))
    is_demo = bool(reports and reports.is_demo) or any(quiz.is_demo for quiz in quizzes)
    return QuarterFigures(quarter, reports, quizzes, charts, is_demo)


def labelled(figure, quarter):
    figure = figure or Missing()
    figure.label = quarter.label
    return figure
