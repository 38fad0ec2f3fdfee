"""Bar charts drawn as SVG on the server, with the same numbers in a table beside them.

Any domain that shows counts uses it (the quiz's insights and findings, the open figures).
A cell is anything with `label`, `count`, `hidden` and `display`: the domain decides what
is hidden and how a hidden count reads; hidden cells get no bar and no share.
"""

from dataclasses import dataclass, field

BAR_WIDTH = 300
ROW_HEIGHT = 44


@dataclass
class Chart:
    title: str
    cells: list
    total: int = 0
    rows: list = field(default_factory=list)
    height: int = 0

    def __post_init__(self):
        shown = [cell.count for cell in self.cells if not cell.hidden]
        top = max(shown, default=0)
        for position, cell in enumerate(self.cells):
            width = 0 if cell.hidden or not top else round(BAR_WIDTH * cell.count / top)
            self.rows.append(
                {
                    "cell": cell,
                    "label_y": position * ROW_HEIGHT + 14,
                    "bar_y": position * ROW_HEIGHT + 20,
                    "width": width,
                    "percent": self.percent(cell),
                }
            )
        self.height = max(len(self.cells) * ROW_HEIGHT, ROW_HEIGHT)

    def percent(self, cell):
        if cell.hidden or not self.total:
            return None
        return round(100 * cell.count / self.total)
