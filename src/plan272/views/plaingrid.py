"""Text laid out here, line for line as rich lays it out, where the output is plain (no colour: a
file, a pipe, CI) — without rich's console: a report printed to a pipe then needs neither rich's
console nor its tables (a noticeable part of a small run's start), and a large diff, which prints a
small grid per row, skips rich's table machinery (a millisecond or two a grid).

:func:`wrap` is rich's ``Text.wrap`` for a plain string; :func:`layout` a ``Table.grid(padding=(0,
1))`` of plain strings, described by :class:`Column`; :func:`grid_lines` takes the very rich grid a
view builds and gives its lines. Each returns ``None`` where rich would do something these do not
(full justification, a grid wider than the width, tabs, other line breaks than ``\n``; for
:func:`grid_lines` also colour, cells that are not plain ``Text`` and other table settings): rich then
lays it out. ``tests/test_plaingrid.py`` compares them with rich on random text and grids. Only
rich's measures of a character's width (``rich.cells``) and its choice of where to break a line
(``rich._wrap``) are used, which are cheap to import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len, set_cell_size

try:  # rich's own choice of where to break a line (not public: a rich without it lays text out)
    from rich._wrap import divide_line
except ImportError:  # pragma: no cover - rich 13.7 to 15 have it
    divide_line = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table


class Column(NamedTuple):
    """A grid's column as rich's ``Table.add_column`` takes it, as far as the layout goes."""

    justify: str = "left"
    no_wrap: bool = False
    overflow: str = "ellipsis"
    min_width: int | None = None


#: where str.splitlines breaks a line besides "\n"
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
#: the blank end of a line, as rich finds it
_TRAILING_BLANKS = re.compile(r"\s+$")


def wrap(text: str, width: int, *, justify: str = "default", overflow: str = "fold") -> list[str] | None:
    """``text`` wrapped at ``width`` cells, its lines as rich's ``Text(text).wrap`` gives them (with
    ``justify`` and ``overflow`` as rich names them), or ``None`` for what this does not do: full
    justification, overflow ``ignore``, tabs and line breaks other than ``\\n``."""
    if divide_line is None or justify == "full" or overflow == "ignore" or "\t" in text:
        return None
    if any(mark in text for mark in _OTHER_BREAKS):
        return None
    lines: list[str] = []
    for line in text.split("\n"):
        bounds = [0, *divide_line(line, width, fold=overflow == "fold"), len(line)]
        for start, end in pairwise(bounds):
            piece = line[start:end]
            if len(piece) > width:  # blanks beyond the width dropped (as many as it is over)
                blanks = _TRAILING_BLANKS.search(piece)
                if blanks is not None:
                    piece = piece[: len(piece) - min(len(blanks.group(0)), len(piece) - width)]
            if justify == "left":
                piece = _truncate(piece, width, overflow, pad=True)
            elif justify in ("center", "right"):
                piece = _truncate(piece.rstrip(), width, overflow)
                room = max(width - cell_len(piece), 0)
                before = room // 2 if justify == "center" else room
                piece = " " * before + piece + " " * (room - before)
            lines.append(_truncate(piece, width, overflow))
    return lines


def _truncate(text: str, width: int, overflow: str, *, pad: bool = False) -> str:
    """rich's ``Text.truncate``: cut to ``width`` cells (with an ellipsis for ``ellipsis``), or
    padded to it."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(text, width)
    return text + " " * (width - length) if pad else text


class Lines:
    """Lines of plain text, printed as they are."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        for line in self.lines:
            yield Segment(line)
            yield Segment.line()


def grid_lines(console: Console, table: Table) -> list[str] | None:
    """``table``'s lines as rich prints them on ``console`` without colour (trailing spaces aside:
    plain output drops them), or ``None`` where this does not apply. Every column but the last
    must not wrap; the last may (a name beside an id)."""
    from rich.text import Text

    if console.color_system is not None or not _plain_grid(table):
        return None
    # an empty string is an empty cell (any other string rich would read for markup and emoji)
    cells = [[Text("") if cell == "" else cell for cell in column.cells] for column in table.columns]
    if not all(_plain_text(cell) for column in cells for cell in column):
        return None
    columns = [
        Column(column.justify, column.no_wrap, column.overflow or "ellipsis", column.min_width)
        for column in table.columns
    ]
    rows = [[cell.plain for cell in row] for row in zip(*cells, strict=True)]
    return layout(columns, rows, console.width)


def layout(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[str] | None:
    """The lines of a ``Table.grid(padding=(0, 1))`` of these columns and rows of plain text, as
    rich prints it at ``width`` without colour (trailing spaces aside), or ``None`` where rich would
    do something this does not. Every column but the last must not wrap; the last may."""
    last = len(columns) - 1
    if last < 0 or any(not column.no_wrap for column in columns[:-1]):
        return None
    if any(column.justify not in ("left", "right", "center") for column in columns):
        return None
    texts = [[row[index] for row in rows] for index in range(len(columns))]
    if any("\t" in text for column in texts for text in column):
        return None
    if any("\n" in text for column in texts[:-1] for text in column):
        return None
    if any(mark in text for column in texts for text in column for mark in _OTHER_BREAKS):
        return None  # rich measures lines at these too, and wraps at "\n" alone
    widths = []  # as rich measures them, the padding (one space after each column but the last) aside
    for index, (column, column_texts) in enumerate(zip(columns, texts, strict=True)):
        measured = max((max(map(cell_len, text.splitlines() or [""])) for text in column_texts), default=0)
        measured = max(measured, column.min_width or 0)
        widths.append(max(measured, 1) if index == last else measured)
    fixed = sum(widths[:-1]) + last
    final = columns[-1]
    if final.no_wrap:
        if fixed + widths[-1] > width:
            return None  # rich would shrink columns
        wrap_width = widths[-1]
    else:
        wrap_width = min(widths[-1], width - fixed)
        if wrap_width < max(1, final.min_width or 0):
            return None  # rich's last resort: columns shrunk evenly, lines cut at the console's edge
    lines: list[str] = []
    blank = " " * fixed
    for row in range(len(rows)):
        own = [_pad(texts[i][row], widths[i], columns[i].justify) for i in range(last)]
        if final.no_wrap:
            tail: list[str] | None = [_pad(texts[last][row], wrap_width, final.justify)]
        else:
            tail = wrap(texts[last][row], wrap_width, justify=final.justify, overflow=final.overflow)
            if tail is None:
                return None
        tail = tail or [""]
        lead = " ".join(own) + " " if own else ""
        lines.append(lead + tail[0])
        lines.extend(blank + more for more in tail[1:])
    return lines


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
    from rich.text import Text

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
