"""Reading the appendix CSV files into rows, with every problem located (file, line, column).

The line of a row is the line where the record starts, as an editor shows it, even when a quoted
cell spans several lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from plan272.messages import Amount, Message, ids
from plan272.names import id_problem, nfc
from plan272.numbers import Notation, NumberError, parse_amount
from plan272.problems import Location, Problem


@dataclass
class Record:
    line: int
    cells: dict[str, str]


@dataclass
class Table:
    header: list[str]
    records: list[Record] = field(default_factory=list)
    #: False when some of the file could not be used (syntax errors, rows of the wrong width):
    #: totals over the table would then be wrong, so the rules that need them do not run
    complete: bool = True


#: the longest text a cell or a plan.yaml value may hold: a long name is a paragraph, not a book;
#: more is a broken file (a quote left open) or an attack on the layout of every report
MAX_TEXT = 4_000


def too_long(where: Location, text: str) -> Problem:
    """The (fatal) problem of a text longer than :data:`MAX_TEXT`."""
    return Problem(
        where,
        Message("load.text.too-long", length=Amount(len(text)), limit=Amount(MAX_TEXT)),
        value=text[:40] + "…",
        expected=f"at most {MAX_TEXT:,} characters",
        fatal=True,
    )


#: how to quote a cell, said after a quoting error
QUOTES_HINT = Message("load.csv.quotes")


class _Records:
    """The records of a CSV text: (line where the record starts, its cells, line where it ends);
    cells ``None`` for a record that cannot be used, after which reading resumes at the next line:

    - a syntax error (a stray quote);
    - once ``width`` is known (the header's), a record that runs over several lines with the wrong
      number of cells: an unclosed quote swallowed the rows below it, which are read again.
    """

    def __init__(self, text: str) -> None:
        # lines as the csv module counts them: ended by \n, \r\n or \r only (not by the form
        # feeds, separators and other characters str.splitlines also breaks at)
        self.lines = io.StringIO(text, newline="").readlines()
        self.width: int | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str] | None, int]]:
        offset = 0  # lines consumed before the current reader
        lines = self.lines
        while offset < len(lines):
            # a fresh reader from ``offset`` on, without copying the rest of the file
            reader = csv.reader(map(lines.__getitem__, range(offset, len(lines))), strict=True)
            start = offset + 1
            try:
                for row in reader:
                    end = offset + reader.line_num
                    if self.width is not None and end > start and len(row) != self.width:
                        yield start, None, end
                        offset = start  # read again from the line after the record's start
                        break
                    yield start, row, end
                    start = end + 1
                else:
                    return
            except csv.Error:
                yield start, None, max(offset + reader.line_num, start)
                offset = start  # the record is dropped; read again from the line after its start


def read_table(
    text: str,
    file: str,
    required: list[str],
    optional: list[str],
    also: re.Pattern[str] | None = None,
    max_rows: int | None = None,
) -> tuple[Table | None, list[Problem]]:
    """Split ``text`` into a header and records keyed by column name.

    ``also`` admits further column names (the year columns when the period is unknown); beyond
    ``max_rows`` records reading stops with a fatal problem (``--max-rows``).
    """
    problems: list[Problem] = []
    # a cell may be as long as the file (the csv module's default limit, 128 KiB, would make a long
    # cell look like a quoting error); the file's size is bounded by --max-file-size
    csv.field_size_limit(max(len(text) + 1, 131_072))
    records = _Records(text)
    rows = iter(records)
    # the header is the first record that is not blank
    first = next((row for row in rows if row[1] is None or any(c.strip() for c in row[1])), None)
    if first is None:
        return None, [Problem(Location(file, 1), Message("load.csv.empty-file"), fatal=True)]
    header_line, header_cells, _ = first
    if header_cells is None:
        message = Message("load.csv.bad-header", hint=QUOTES_HINT)
        return None, [Problem(Location(file, header_line), message, fatal=True)]
    header = header_cells
    header = [nfc(h.strip()) for h in header]
    seen: dict[str, int] = {}
    for index, name in enumerate(header, start=1):
        if name in seen:
            message = Message("load.csv.duplicated-column", column=seen[name])
            problems.append(Problem(Location(file, header_line, name), message, name))
        elif name not in required and name not in optional and not (also and also.fullmatch(name)):
            problems.append(
                Problem(
                    Location(file, header_line, name or f"column {index}"),
                    Message("load.csv.unknown-column", known=ids(required + optional)),
                    name,
                )
            )
        seen.setdefault(name, index)
    missing = [name for name in required if name not in seen]
    for name in missing:
        problems.append(
            Problem(
                Location(file, header_line, name),
                Message("load.csv.missing-column"),
                expected=name,
                fatal=True,
            )
        )
    if missing:
        return None, problems
    table = Table(header)
    width = len(header)
    records.width = width
    for line, cells, end in rows:
        if max_rows is not None and len(table.records) >= max_rows:
            problems.append(
                Problem(
                    Location(file, line),
                    Message("load.csv.too-many-rows", limit=Amount(max_rows)),
                    fatal=True,
                )
            )
            table.complete = False
            break
        if cells is None:
            span = Message("load.csv.syntax.span", first=line, last=end) if end > line else ""
            problems.append(
                Problem(Location(file, line), Message("load.csv.syntax", hint=QUOTES_HINT, span=span))
            )
            table.complete = False
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != width:
            # cells would fall into the wrong columns: the row is reported and not used
            problems.append(
                Problem(
                    Location(file, line),
                    Message("load.csv.row-width", cells=len(cells), width=width),
                    expected=str(width),
                    value=str(len(cells)),
                    row_id=cells[0].strip() if cells and cells[0].strip() else None,
                )
            )
            table.complete = False
            continue
        named: dict[str, str] = {}
        for name, cell in zip(header, cells, strict=True):
            if len(cell) > MAX_TEXT:
                problems.append(too_long(Location(file, line, name), cell))
                cell = cell[:MAX_TEXT]
            named.setdefault(name, nfc(cell.strip()))
        table.records.append(Record(line, named))
    # a file that holds only its header is a table without rows: complete, and its totals are 0
    # (a table emptied by mistake shows against its declared totals, SUM002)
    return table, problems


class CellReader:
    """Reads typed cells of one record, collecting problems instead of raising."""

    def __init__(self, file: str, record: Record, notation: Notation) -> None:
        self.file = file
        self.record = record
        self.notation = notation
        self.problems: list[Problem] = []
        self.unreadable: set[str] = set()

    def _problem(self, column: str, message: str | Message, value: str | None) -> None:
        row_id = self.record.cells.get("id") or None
        self.problems.append(
            Problem(Location(self.file, self.record.line, column), message, value, row_id=row_id)
        )
        self.unreadable.add(column)

    def text(self, column: str, required: bool = True) -> str:
        value = self.record.cells.get(column, "")
        if required and not value:
            self._problem(column, Message("load.csv.empty-cell"), value)
        return value

    def identifier(self, column: str = "id") -> str:
        """A row's id: ASCII letters, digits, ``.``, ``-`` and ``_`` (at most 40), so that no id
        can look like another (a Cyrillic ``І``, a zero-width joiner, a fullwidth digit)."""
        value = self.text(column)
        problem = id_problem(value) if value else None
        if problem:
            self._problem(column, problem, value)
        return value

    def optional_text(self, column: str) -> str | None:
        return self.record.cells.get(column) or None

    def amount(self, column: str) -> int:
        raw = self.record.cells.get(column, "")
        try:
            return parse_amount(raw, self.notation)
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return 0

    def optional_amount(self, column: str) -> int | None:
        raw = self.record.cells.get(column, "")
        if raw == "":
            return None
        try:
            return parse_amount(raw, self.notation)
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return None

    def count(self, column: str, required: bool = True) -> int | None:
        """A row number or head count: plain non-negative digits."""
        raw = self.record.cells.get(column, "")
        if raw == "" and not required:
            return None
        try:
            return parse_amount(raw, "plain")
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return None
