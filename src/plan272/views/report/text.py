"""The default report: findings grouped by file, sorted by location, one summary line at the end.

The report is composed once, as lines and grids of styled pieces (:func:`blocks`), and drawn by rich
on a terminal (colour) or laid out here for a file or a pipe (:mod:`plan272.views.plaingrid`: the
same text, without loading rich's console). Text from the data is always handed to rich as ``Text``
objects, never as markup, and control characters are made visible, so a name such as ``[bold]x[/]``
or an ANSI escape prints literally.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Literal

from plan272.findings import Severity
from plan272.safety import safe
from plan272.views.lines import baseline_note, found_text, outcome, report_rows, severity_word

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console
    from rich.text import Text

    from plan272.engine import Report
    from plan272.messages import Lang

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

#: a piece of text and its style (rich's name for it; "" for none)
Piece = tuple[str, str]
#: a finding's row: its line (or "-"), severity and code, and what it says
Row = tuple[str, list[Piece], list[Piece]]


class Line:
    """A line (wrapped at the width) of styled pieces; no pieces: an empty line."""

    __slots__ = ("pieces",)

    def __init__(self, *pieces: Piece) -> None:
        self.pieces = pieces


class Grid:
    """The findings of one file: a grid of a right-aligned line number, the severity and code,
    and the text, which wraps."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows


def render(
    report: Report,
    tool_version: str = "",
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    """The report as text: coloured on a terminal, plain for a file or a pipe."""
    from plan272.views.console import capture

    composed = list(blocks(report, lang))
    return capture(
        lambda console: draw(composed, console), to_file=to_file, lines=lambda width: lay_out(composed, width)
    )


def blocks(report: Report, lang: Lang = "en") -> Iterator[Line | Grid]:
    """The report, composed: for each file its name and its findings, then the notices and the
    summary line."""
    width = max((len(severity_word(s, lang)) for s in ("error", "warning", "info")), default=7) + 1
    # the findings, and beside them the notices of findings that improved on the baseline (info)
    for file, items in groupby(report_rows(report), key=lambda row: row[0].location.file):
        yield Line((safe(file), "bold underline"))
        rows: list[Row] = []
        for finding, compared in items:
            improved = compared is not None and compared.trend == "better"
            severity = Severity.INFO.value if improved else finding.severity.value
            where = str(finding.location.line) if finding.location.line else "-"
            head = [(f"{severity_word(severity, lang):<{width}}", _STYLE[severity]), (finding.code, "bold")]
            body: list[Piece] = []
            if finding.location.field:
                body.append((f"[{safe(finding.location.field)}] ", "dim"))
            body.append((safe(finding.text(lang)), "dim" if improved else ""))
            found = found_text(finding, lang)
            if found is not None:
                body.append((safe(found), "dim"))
            if compared is not None:
                body.append(("\n", ""))
                body.append((baseline_note(compared, lang), "cyan" if improved else "bold red"))
            rows.append((where, head, body))
        yield Grid(rows)
        yield Line()
    from plan272.views.report import quiet

    if quiet():  # the findings only
        return
    if report.baseline_version is not None and report.baseline_version < 2:
        from plan272.messages import Message

        yield Line((Message("report.no-figures").render(lang), "yellow"))
        yield Line()
    if report.stale_baseline:
        from plan272.messages import Message

        count = len(report.stale_baseline)
        entries = Message("report.stale-one" if count == 1 else "report.stale-many")
        yield Line((Message("report.stale", count=count, entries=entries).render(lang), "yellow"))
        for key in report.stale_baseline:
            yield Line((f"  {safe(key)}", ""))
        yield Line()
    yield Line(*summary_line(report, lang))


def summary_line(report: Report, lang: Lang = "en") -> list[Piece]:
    """The closing line: how many findings of each severity, how many rules ran, and whether the
    run could not check everything."""
    from plan272.messages import Message

    lead, rest = outcome(report, lang)
    pieces = [(lead, "bold green" if not report.findings else "bold"), (rest, "")]
    if report.fatal and report.incomplete:
        from plan272.messages import ids

        files = ids([safe(file) for file in report.incomplete])
        pieces.append(("\n" + Message("report.incomplete", files=files).render(lang), "bold red"))
    elif report.fatal:
        pieces.append(("\n" + Message("report.fatal").render(lang), "bold red"))
    return pieces


#: the grid's columns: the line number (right-aligned), the severity and code, the text (wraps)
_COLUMNS: tuple[tuple[Literal["left", "right"], bool, str], ...] = (
    ("right", True, "dim"),
    ("left", True, ""),
    ("left", False, ""),
)


def draw(composed: list[Line | Grid], console: Console) -> None:
    """The composed report printed by rich (colour, or what :func:`lay_out` leaves to it)."""
    from rich.table import Table

    for block in composed:
        if isinstance(block, Grid):
            table = Table.grid(padding=(0, 1))
            for justify, no_wrap, style in _COLUMNS:
                table.add_column(justify=justify, style=style, no_wrap=no_wrap, ratio=None if no_wrap else 1)
            for where, head, body in block.rows:
                table.add_row(where, _text(head), _text(body))
            console.print(table)
        elif block.pieces:
            console.print(_text(block.pieces))
        else:
            console.print()


def _text(pieces: tuple[Piece, ...] | list[Piece]) -> Text:
    from rich.text import Text

    text = Text()
    for piece, style in pieces:
        text.append(piece, style=style)
    return text


def lay_out(composed: list[Line | Grid], width: int) -> list[str] | None:
    """The composed report's lines without colour at ``width``, as rich prints them, or ``None``
    where rich must lay it out."""
    from plan272.views.plaingrid import Column, layout, wrap

    columns = [Column(justify, no_wrap) for justify, no_wrap, _ in _COLUMNS]
    lines: list[str] = []
    for block in composed:
        if isinstance(block, Grid):
            rows = [(where, _plain(head), _plain(body)) for where, head, body in block.rows]
            laid_out = layout(columns, rows, width)
        elif block.pieces:
            laid_out = wrap(_plain(block.pieces), width)
        else:
            laid_out = [""]
        if laid_out is None:
            return None
        lines += laid_out
    return lines


def _plain(pieces: tuple[Piece, ...] | list[Piece]) -> str:
    return "".join(piece for piece, _ in pieces)
