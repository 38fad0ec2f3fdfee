"""What the anonymous tallies say, for editors (cells under 5 hidden) and for parents
(answers under 10 hidden, nothing before 50 completions).

Counts are only ever summed from the daily tallies; a small number is shown as "fewer
than N" so that nobody can be singled out from a rare answer on a quiet day.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from website.charts import Chart

from .models import AnswerTally, BandTally, structure_of

EDITOR_MINIMUM = 5
PARENTS_MINIMUM_CELL = 10
PARENTS_MINIMUM_COMPLETIONS = 50


@dataclass
class Cell:
    label: str
    count: int
    minimum: int
    withheld: bool = False  # hidden so that a hidden neighbour cannot be worked out

    @property
    def hidden(self):
        return self.withheld or self.count < self.minimum

    @property
    def display(self):
        if self.hidden:
            return _("fewer than %(minimum)s") % {"minimum": self.minimum}
        return str(self.count)


def suppress(cells):
    """Hide small cells; when only one is hidden, hide the next smallest too, or the
    total would give it away."""
    hidden = [cell for cell in cells if cell.hidden]
    shown = sorted((cell for cell in cells if not cell.hidden), key=lambda cell: cell.count)
    if len(hidden) == 1 and shown:
        shown[0].withheld = True
    return cells


def date_range(start, end):
    """Every day from start to end, counted rather than stepped past `end` (which would
    overflow on the last day a date can have)."""
    for offset in range((end - start).days + 1):
        yield start + datetime.timedelta(days=offset)


def tallies(model, page, start=None, end=None):
    rows = model.objects.filter(page=page)
    if start:
        rows = rows.filter(day__gte=start)
    if end:
        rows = rows.filter(day__lte=end)
    return rows


def has_demo_data(page):
    return BandTally.objects.filter(page=page, is_demo=True).exists()


def completions_by_day(page, start, end, minimum=EDITOR_MINIMUM):
    counts = dict(
        tallies(BandTally, page, start, end)
        .values_list("day")
        .annotate(total=Sum("count"))
        .values_list("day", "total")
    )
    cells = [Cell(day.isoformat(), counts.get(day, 0), minimum) for day in date_range(start, end)]
    return Chart(_("Completions per day"), cells, total=sum(counts.values()))


def bands(page, start=None, end=None, minimum=EDITOR_MINIMUM):
    counts = dict(
        tallies(BandTally, page, start, end)
        .values_list("band_id")
        .annotate(total=Sum("count"))
        .values_list("band_id", "total")
    )
    cells = suppress(
        [Cell(band.title, counts.get(band.pk, 0), minimum) for band in page.bands.all()]
    )
    return Chart(_("Result bands reached"), cells, total=sum(counts.values()))


def answers_per_question(page, start=None, end=None, minimum=EDITOR_MINIMUM, public_only=False):
    """One chart per question; each question's total is its number of completions."""
    counts = dict(
        tallies(AnswerTally, page, start, end)
        .values_list("answer_id")
        .annotate(total=Sum("count"))
        .values_list("answer_id", "total")
    )
    charts = []
    for question, answers in structure_of(page.pk):
        if public_only and not question.public:
            continue
        cells = suppress(
            [Cell(answer.text, counts.get(answer.pk, 0), minimum) for answer in answers]
        )
        chart = Chart(question.text, cells, total=sum(cell.count for cell in cells))
        chart.question = question
        chart.points = [answer.points for answer in answers]
        charts.append(chart)
    return charts
