"""Statistical disclosure control for every published count, as statistics offices do it.

- Every count is rounded to the nearest 5.
- A count whose true value is under 10 is shown as "c" (confidential).
- Secondary suppression: in a table whose rows or columns add up to a published total,
  a line (row or column) with exactly one suppressed cell would give that cell away
  (the total minus the others), so its smallest other cell is suppressed too; this is
  repeated until no line has a single suppressed cell, since a cell suppressed for a
  row can leave its column with a single one. Lines are read rows first, then columns,
  from the start again after each change, so the result is the same on every run.
- Totals are computed from the true counts, then protected like any count.
- Shares are computed from the rounded counts, and not shown when either is suppressed.

The admin shows editors the true counts; the public page, the CSV files and the feed only
ever show what `Figure.display` gives.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

ROUND_TO = 5
MINIMUM = 10
SUPPRESSED = "c"


def round_to_five(count):
    """The nearest multiple of 5 (counts are whole, so there is never a tie)."""
    return ROUND_TO * ((count + ROUND_TO // 2) // ROUND_TO)


@dataclass
class Figure:
    count: int  # the true count, never published
    label: str = ""
    secondary: bool = False  # suppressed so that a suppressed neighbour stays unknown
    revealed: bool = False  # the true count, for the admin only

    @property
    def hidden(self):
        return not self.revealed and (self.secondary or self.count < MINIMUM)

    @property
    def shown(self):
        """The published value: rounded, or None when suppressed."""
        if self.revealed:
            return self.count
        return None if self.hidden else round_to_five(self.count)

    def reveal(self):
        self.revealed = True
        return self

    @property
    def display(self):
        return SUPPRESSED if self.hidden else str(self.shown)


@dataclass
class Missing:
    """A quarter with no figures from a source (its reports were not frozen)."""

    label: str = ""
    count: int = 0
    hidden: bool = True
    shown: None = None

    @property
    def display(self):
        return _("not available")


def share(part, base):
    """Percentage of two published figures, from their rounded values; None when either
    is suppressed or the base is nothing."""
    if part.shown is None or not base.shown:
        return None
    return round(100 * part.shown / base.shown)


@dataclass
class Table:
    """A grid of counts (rows of columns) and the totals published beside it."""

    cells: list
    row_totals: list | None = None
    column_totals: list | None = None


def protect_table(grid, row_totals=False, column_totals=True, labels=None):
    """Protect a grid of true counts whose rows and/or columns add up to published
    totals. `labels` names each row (the cells of a row share its label)."""
    labels = labels or [""] * len(grid)
    cells = [
        [Figure(count, label) for count in row] for row, label in zip(grid, labels, strict=True)
    ]
    rows = [list(row) for row in cells]
    columns = [list(column) for column in zip(*cells, strict=True)] if cells else []
    lines = (rows if row_totals else []) + (columns if column_totals else [])
    while any(_suppress_a_second_cell(line) for line in lines):
        pass
    return Table(
        cells=cells,
        row_totals=[Figure(sum(f.count for f in row)) for row in rows] if row_totals else None,
        column_totals=(
            [Figure(sum(f.count for f in column)) for column in columns] if column_totals else None
        ),
    )


def _suppress_a_second_cell(line):
    """Suppress the smallest shown cell of a line that has one suppressed cell and a
    published total; whether anything changed."""
    if Figure(sum(figure.count for figure in line)).hidden:
        return False  # the total is suppressed too: nothing can be worked out from it
    shown = [figure for figure in line if not figure.hidden]
    if len(line) - len(shown) != 1 or not shown:
        return False
    min(shown, key=lambda figure: figure.count).secondary = True
    return True
