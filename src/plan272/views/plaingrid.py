"""A grid of text laid out here, line for line as rich lays it out, where the output is plain (no
colour: a file, a pipe, CI) — a large diff prints a small grid per row, and rich's table machinery
costs a millisecond or two a grid.

:func:`grid_lines` takes the very ``Table.grid(padding=(0, 1))`` the view builds for rich and gives
its lines, or ``None`` where rich would do something this does not (colour, a table wider than the
console, cells that are not plain ``Text``, any other table settings): rich then lays it out.
``tests/test_plaingrid.py`` compares the two on random grids. Imported by the diff view as it
renders (rich is loaded by then), never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table


class Lines:
    """Lines of plain text, printed as they are."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield Segment(line)
            yield Segment.line()


def grid_lines(console: Console, table: Table) -> list[str] | None:
    """``table``'s lines as rich prints them on ``console`` without colour (trailing spaces aside:
    plain output drops them), or ``None`` where this does not apply. Every column but the last
    must not wrap; the last may (a name beside an id)."""
    if console.color_system is not None or not _plain_grid(table):
        return None
    columns = table.columns
    # an empty string is an empty cell (any other string rich would read for markup and emoji)
    cells = [[Text("") if cell == "" else cell for cell in column.cells] for column in columns]
    if not all(_plain_text(cell) for column in cells for cell in column):
        return None
    texts = [[cell.plain for cell in column] for column in cells]  # type: ignore[union-attr]
    if any("\n" in text for column in texts[:-1] for text in column):
        return None
    if any(mark in text for column in texts for text in column for mark in _OTHER_BREAKS):
        return None  # rich measures lines at these too, and wraps at "\n" alone
    last = len(columns) - 1
    widths = []  # as rich measures them, the padding (one space after each column but the last) aside
    for index, (column, column_texts) in enumerate(zip(columns, texts, strict=True)):
        width = max((max(map(cell_len, text.splitlines() or [""])) for text in column_texts), default=0)
        width = max(width, column.min_width or 0)
        widths.append(max(width, 1) if index == last else width)
    fixed = sum(widths[:-1]) + last
    if columns[-1].no_wrap:
        if fixed + widths[-1] > console.width:
            return None  # rich would shrink columns
        wrap_width = widths[-1]
    else:
        wrap_width = min(widths[-1], console.width - fixed)
        if wrap_width < max(1, columns[-1].min_width or 0):
            return None  # rich's last resort: columns shrunk evenly, lines cut at the console's edge
    lines: list[str] = []
    for row in range(table.row_count):
        own = [_pad(texts[i][row], widths[i], columns[i].justify or "left") for i in range(last)]
        final = cells[last][row]
        assert isinstance(final, Text)
        if columns[-1].no_wrap:
            tail = [_pad(final.plain, wrap_width, columns[-1].justify or "left")]
        else:
            wrapped = final.wrap(
                console, wrap_width, justify=columns[-1].justify, overflow=columns[-1].overflow
            )
            tail = [line.plain for line in wrapped] or [""]
        blank = " " * fixed
        lead = " ".join(own) + " " if own else ""
        lines.append(lead + tail[0])
        lines.extend(blank + more for more in tail[1:])
    return lines


#: where str.splitlines breaks a line besides "\n"
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _plain_grid(table: Table) -> bool:
    """A ``Table.grid(padding=(0, 1))`` with nothing rich would add: no box, header, footer, title,
    caption, fixed widths or expansion; columns without fixed widths or ratios but the last's."""
    if table.box is not None or table.show_header or table.show_footer or table.expand:
        return False
    if table.title is not None or table.caption is not None or table.width is not None:
        return False
    if table.min_width is not None or not table.collapse_padding or table.pad_edge:
        return False
    if tuple(table.padding) != (0, 1, 0, 1) or not table.columns:
        return False
    for index, column in enumerate(table.columns):
        if column.width is not None or column.max_width is not None or column.vertical != "top":
            return False
        if column.justify not in ("left", "right", "center"):
            return False
        if index < len(table.columns) - 1 and (not column.no_wrap or column.ratio is not None):
            return False
    return all(row.style is None or row.style == "" for row in table.rows)


def _plain_text(text: object) -> bool:
    """A ``Text`` laid out by its column alone (no justification, overflow or wrapping of its own,
    no tab to expand)."""
    return (
        isinstance(text, Text)
        and text.justify is None
        and text.overflow is None
        and text.no_wrap is None
        and "\t" not in text.plain
    )


def _pad(text: str, width: int, justify: str) -> str:
    """``text`` in a cell of ``width``, as rich justifies it (right or centred: its end stripped)."""
    if justify != "left":
        text = text.rstrip()
    room = " " * max(width - cell_len(text), 0)
    if justify == "right":
        return room + text
    if justify == "center":
        return room[: len(room) // 2] + text + room[len(room) // 2 :]
    return text + room
