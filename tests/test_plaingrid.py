"""Text and grids are laid out here when the output is plain (:mod:`plan272.views.plaingrid`): line
for line what rich prints, on random text (wrapped, justified, cut with each overflow) and random
grids — justified, with minimum widths, wide and combining characters, empty cells, a last column
that wraps over several lines — or left to rich (colour, a grid wider than the console, tabs)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.table import Table
from rich.text import Text

from plan272.views.console import make_console, plain
from plan272.views.diff.text import head_grid, numbers_grid
from plan272.views.plaingrid import Column, Lines, grid_lines, layout, wrap

_CHARS = [*"ab xyz-.,0123", "ế", "Đ", "中", "e\u0301", "ﬁ"]
_WORDS = st.lists(st.sampled_from(_CHARS), max_size=30).map("".join)
#: text as a report prints it: words of any length, runs of blanks, lines
_TEXT = st.lists(st.sampled_from([*_CHARS, "   ", "\n", "abcdefghijklmnopqrstu"]), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(
    _TEXT,
    st.integers(1, 40),
    st.sampled_from(["default", "left", "right", "center"]),
    st.sampled_from(["fold", "crop", "ellipsis"]),
)
def test_text_wrapped_here_is_wrapped_as_rich_wraps_it(
    text: str, width: int, justify: str, overflow: str
) -> None:
    console = make_console(io.StringIO(), width=100, color=False)
    expected = [line.plain for line in Text(text).wrap(console, width, justify=justify, overflow=overflow)]  # type: ignore[arg-type]
    assert wrap(text, width, justify=justify, overflow=overflow) == expected


def test_what_is_not_wrapped_here_is_left_to_rich() -> None:
    assert wrap("a\tb", 10) is None  # tabs: rich expands them
    assert wrap("a\rb", 10) is None  # a line break str.splitlines knows and rich does not
    assert wrap("a b c d", 3, justify="full") is None
    assert wrap("a b c d", 3, overflow="ignore") is None
    assert wrap("ab cd", 3) == ["ab ", "cd"]  # as rich keeps it
    assert wrap("abcdefg", 3, overflow="ellipsis") == ["ab…"]
    # columns that wrap before the last, or unknown justification: rich lays them out
    assert layout([Column(no_wrap=False), Column()], [["a", "b"]], 80) is None
    assert layout([Column(justify="full")], [["a"]], 80) is None
    assert layout([Column("right", no_wrap=True), Column()], [["12", "a b"], ["7", "c"]], 80) == [
        "12 a b",
        " 7 c  ",
    ]


@st.composite
def _grids(draw: st.DrawFn) -> tuple[Table, int]:
    count = draw(st.integers(1, 5))
    rows = draw(st.integers(0, 4))
    wraps = draw(st.booleans())
    table = Table.grid(padding=(0, 1))
    for index in range(count):
        last = index == count - 1
        table.add_column(
            justify=draw(st.sampled_from(["left", "right", "center"])),
            min_width=draw(st.none() | st.integers(0, 6)),
            no_wrap=not (last and wraps),
            ratio=1 if last and wraps else None,
        )
    for _ in range(rows):
        cells: list[str | Text] = []
        for index in range(count):
            text = draw(_WORDS)
            if index == count - 1 and wraps and draw(st.booleans()):
                text += "\n" + draw(_WORDS) + " " + draw(_WORDS)
            cells.append("" if not text and draw(st.booleans()) else Text(text))
        table.add_row(*cells)
    return table, draw(st.integers(8, 70))


def _rich(table: Table, width: int) -> str:
    buffer = io.StringIO()
    make_console(buffer, width=width, color=False).print(table)
    return plain(buffer.getvalue())


@settings(max_examples=400, deadline=None)
@given(_grids())
def test_a_grid_laid_out_here_is_the_one_rich_prints(grid: tuple[Table, int]) -> None:
    table, width = grid
    console = make_console(io.StringIO(), width=width, color=False)
    lines = grid_lines(console, table)
    if lines is not None:
        buffer = io.StringIO()
        make_console(buffer, width=width, color=False).print(Lines(lines))
        assert plain(buffer.getvalue()) == _rich(table, width)


def test_the_diff_s_grids_are_laid_out_here_in_plain_output_only() -> None:
    numbers = numbers_grid()
    numbers.add_row("", Text("2021"), Text("1,500"), Text("→"), Text("1,400"), Text("-100"))
    numbers.add_row("", Text("years total"), Text("3,500"), Text("→"), Text("3,500"), Text("unchanged"))
    lines = grid_lines(make_console(io.StringIO(), width=100, color=False), numbers)
    assert lines == [
        "     2021        1,500 → 1,400      -100",
        "     years total 3,500 → 3,500 unchanged",
    ]
    assert grid_lines(make_console(io.StringIO(), width=100, color=True), numbers) is None  # colour: rich
    assert grid_lines(make_console(io.StringIO(), width=30, color=False), numbers) is None  # too wide
    name = "Nâng cấp, bổ sung các dịch vụ tích hợp thông qua LGSP (nền tảng tích hợp)"
    head = head_grid(Text("~ II.99"), Text(name))
    narrow = make_console(io.StringIO(), width=40, color=False)
    assert grid_lines(narrow, head) == [
        "~ II.99 Nâng cấp, bổ sung các dịch vụ   ",
        "        tích hợp thông qua LGSP (nền    ",
        "        tảng tích hợp)                  ",
    ]
