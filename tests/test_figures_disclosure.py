"""The disclosure rules of the open figures, on tables made by hand, and on random tables
against a second computation written here in another way (sets of coordinates)."""

from hypothesis import given
from hypothesis import strategies as st

from campaigns.figures.disclosure import Figure, protect_table, round_to_five, share


def shown(table):
    return [[cell.display for cell in row] for row in table.cells]


def test_counts_are_rounded_to_the_nearest_five_and_small_ones_are_confidential():
    assert [round_to_five(n) for n in (10, 11, 12, 13, 14, 15, 17, 18, 102, 103)] == [
        10, 10, 10, 15, 15, 15, 15, 20, 100, 105,
    ]  # fmt: skip
    assert [Figure(n).display for n in (0, 1, 9, 10, 12, 13, 1234)] == [
        "c", "c", "c", "10", "10", "15", "1235",
    ]  # fmt: skip


def test_a_single_small_cell_in_a_column_hides_the_next_smallest_too():
    # One column adding up to a published total of 57: the 4 alone would be 57 - 12 - 41.
    table = protect_table([[12], [4], [41]])
    assert shown(table) == [["c"], ["c"], ["40"]]
    assert table.column_totals[0].display == "55"


def test_zeros_are_confidential_and_need_a_second_cell_as_well():
    table = protect_table([[0], [30], [25]])
    assert shown(table) == [["c"], ["30"], ["c"]]


def test_two_small_cells_already_protect_each_other():
    table = protect_table([[3], [30], [7]])
    assert shown(table) == [["c"], ["30"], ["c"]]


def test_a_column_whose_total_is_confidential_needs_nothing_more():
    table = protect_table([[3], [4], [0]])
    assert shown(table) == [["c"], ["c"], ["c"]]
    assert table.column_totals[0].display == "c"


def test_secondary_suppression_runs_on_rows_and_columns_until_nothing_can_be_worked_out():
    grid = [
        [20, 3, 40],
        [30, 25, 50],
        [15, 60, 35],
    ]
    table = protect_table(grid, row_totals=True, column_totals=True)
    # Lines are read rows first, then columns, from the start again after each change:
    # row 1 hides its 20 beside the 3; column 1 then hides its 15; row 3 its 35; column 2
    # (the 3 alone) its 25; row 2 its 30; column 3 (the 35 alone) its 40. Now no row or
    # column has a single hidden cell.
    assert shown(table) == [
        ["c", "c", "c"],
        ["c", "c", "50"],
        ["c", "60", "c"],
    ]
    assert [total.display for total in table.row_totals] == ["65", "105", "110"]  # 63, 105, 110
    assert [total.display for total in table.column_totals] == ["65", "90", "125"]


def test_shares_come_from_the_rounded_counts_and_are_hidden_with_their_base():
    assert share(Figure(12), Figure(37)) == 29  # 10 of 35
    assert share(Figure(12), Figure(8)) is None
    assert share(Figure(4), Figure(200)) is None
    assert share(Figure(12).reveal(), Figure(8).reveal()) == 150  # the admin's true counts


# --- A second computation -------------------------------------------------------------


def independent_protection(grid, by_rows, by_columns):
    """The rule written again with sets of coordinates: which cells are hidden."""
    height, width = len(grid), len(grid[0])
    hidden = {(r, c) for r in range(height) for c in range(width) if grid[r][c] < 10}
    lines = []
    if by_rows:
        lines += [[(r, c) for c in range(width)] for r in range(height)]
    if by_columns:
        lines += [[(r, c) for r in range(height)] for c in range(width)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            total = sum(grid[r][c] for r, c in line)
            inside = [spot for spot in line if spot in hidden]
            if total >= 10 and len(inside) == 1 and len(line) > 1:
                others = [spot for spot in line if spot not in hidden]
                hidden.add(min(others, key=lambda spot: (grid[spot[0]][spot[1]], line.index(spot))))
                changed = True
                break
    return hidden


def expected_display(grid, hidden):
    return [
        ["c" if (r, c) in hidden else str(5 * round(value / 5)) for c, value in enumerate(row)]
        for r, row in enumerate(grid)
    ]


grids = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 60), min_size=width, max_size=width), min_size=1, max_size=6
    )
)


@given(grid=grids, by_rows=st.booleans(), by_columns=st.booleans())
def test_protection_agrees_with_a_second_computation(grid, by_rows, by_columns):
    table = protect_table(grid, row_totals=by_rows, column_totals=by_columns)
    hidden = independent_protection(grid, by_rows, by_columns)
    assert shown(table) == expected_display(grid, hidden)
    for row in table.cells:
        for cell in row:
            assert cell.hidden or (cell.count >= 10 and cell.shown % 5 == 0)
