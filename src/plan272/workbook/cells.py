"""A workbook read into grids of typed cells, with openpyxl in read-only mode.

Each cell is what the file holds, never a guess: a number (as a ``Decimal``, never a float: to the
15 significant digits Excel keeps, :func:`_as_excel_shows`),
text, a truth value, a date, an error value (``#REF!``), or a formula. A formula's value is the one
Excel calculated and saved with it; a formula saved without one (as every program that does not
calculate writes them — openpyxl among them) is a cell of its own kind, ``formula``, so that it can
be reported rather than read as an empty cell or a 0. Merged ranges are read too: in read-only mode
openpyxl gives a merged range's value in its first cell only, and the importer needs to know which
cells a value covers.

Input is bounded before the work: the file's size (``--max-file-size``), what its parts unpack to
(8 times that: an archive that unpacks to gigabytes is refused unread), and the rows of a sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from plan272.messages import Amount, Invalid, Message

if TYPE_CHECKING:
    from plan272.load.files import Limits

Kind = Literal["number", "text", "bool", "date", "error", "formula"]
#: what the parts of a workbook may unpack to, as a multiple of the file-size limit
UNPACKED_FACTOR = 8
#: rows of a sheet read beyond the table-row limit: titles, header, notes under the table
ROW_SLACK = 100


class WorkbookError(Invalid):
    """A workbook that cannot be read at all: not there, too large, not an .xlsx file."""


@dataclass(frozen=True)
class Value:
    """One cell. ``number`` for a number; ``text`` for text, and for the other kinds what the cell
    shows: an error value (``#REF!``), a date (``2021-02-01``), ``TRUE``, a formula (``=SUM(E9:E12)``,
    empty for a formula shared from another cell). ``scaled``: the number format shows the number
    divided by a power of 1,000 (``#,##0,``: 20,200,000 shown as 20,200)."""

    kind: Kind
    text: str = ""
    number: Decimal | None = None
    scaled: str | None = None

    def shown(self) -> str:
        """The cell as a message quotes it."""
        if self.kind == "number" and self.number is not None:
            return f"{self.number:f}"
        return self.text


@dataclass
class Sheet:
    """A sheet's non-empty cells (row -> column -> value, 1-based), its merged ranges (first row,
    first column, last row, last column) and, when reading stopped at the row limit, where."""

    title: str
    rows: dict[int, dict[int, Value]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    stopped_at: int | None = None

    @property
    def last_row(self) -> int:
        return max(self.rows, default=0)

    def value(self, row: int, column: int) -> Value | None:
        return self.rows.get(row, {}).get(column)


def read_workbook(path: Path, limits: Limits) -> list[Sheet]:
    """The worksheets of the workbook at ``path``, in order; :class:`WorkbookError` when it cannot
    be read (missing, too large, not an .xlsx workbook)."""
    import io
    import zipfile

    data = _read_bytes(path, limits.max_bytes)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookError(Message("workbook.file.not-xlsx", path=str(path)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > UNPACKED_FACTOR * limits.max_bytes:
        limit = Amount(UNPACKED_FACTOR * limits.max_bytes)
        raise WorkbookError(
            Message("workbook.file.unpacks", path=str(path), size=Amount(unpacked), limit=limit)
        )
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to its own: a broken workbook
        reason = f"{type(exc).__name__}: {exc}"
        raise WorkbookError(Message("workbook.file.broken", path=str(path), reason=reason)) from exc
    try:
        max_rows = limits.max_rows + ROW_SLACK
        return [_sheet(ws, max_rows) for ws in book.worksheets]
    finally:
        book.close()


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        if not path.exists():
            raise WorkbookError(Message("workbook.file.not-found", path=str(path)))
        if not path.is_file():
            raise WorkbookError(Message("workbook.file.not-a-file", path=str(path)))
        size = path.stat().st_size
        if size > limit:
            raise WorkbookError(
                Message("workbook.file.too-large", path=str(path), size=Amount(size), limit=Amount(limit))
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise WorkbookError(
            Message("workbook.file.unreadable", path=str(path), reason=str(exc.strerror or exc))
        ) from exc
    if len(data) > limit:
        raise WorkbookError(
            Message("workbook.file.too-large", path=str(path), size=Amount(len(data)), limit=Amount(limit))
        )
    return data


def _sheet(ws: Any, max_rows: int) -> Sheet:
    sheet = Sheet(str(ws.title))
    formulas, merges = _formulas_and_merges(ws)
    sheet.merges = merges
    ws.reset_dimensions()  # a wrong <dimension> in the file would cut rows or columns short
    for row_number, cells in enumerate(ws.iter_rows(), start=1):
        if row_number > max_rows:
            if any(getattr(c, "value", None) is not None for c in cells):
                sheet.stopped_at = row_number
                break
            continue
        values: dict[int, Value] = {}
        for column, cell in enumerate(cells, start=1):
            value = _value(cell)
            if value is not None:
                values[column] = value
        if values:
            sheet.rows[row_number] = values
    for (row, column), formula in formulas.items():
        if sheet.stopped_at is not None and row >= sheet.stopped_at:
            continue
        if sheet.value(row, column) is None:  # saved without the value Excel would calculate
            sheet.rows.setdefault(row, {})[column] = Value("formula", formula)
    return sheet


def _value(cell: Any) -> Value | None:
    value = cell.value
    if value is None:
        return None
    kind = getattr(cell, "data_type", "n")
    if kind == "e":
        return Value("error", str(value))
    if isinstance(value, bool):
        return Value("bool", "TRUE" if value else "FALSE")
    if isinstance(value, str):
        return Value("text", value) if value.strip() else None
    if isinstance(value, int | float):
        try:
            number = Decimal(value) if isinstance(value, int) else _as_excel_shows(value)
        except InvalidOperation:  # pragma: no cover - a cell holds no NaN
            return Value("text", str(value))
        return Value("number", number=number, scaled=_scaling(getattr(cell, "number_format", "General")))
    import datetime as dt

    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        shown = (
            value.date().isoformat() if isinstance(value, dt.datetime) and not value.time() else str(value)
        )
        return Value("date", shown)
    return Value("text", str(value))  # pragma: no cover - openpyxl gives no other kind


def _as_excel_shows(value: float) -> Decimal:
    """A stored floating-point number as Excel holds it: to 15 significant digits, so that the
    noise of binary arithmetic in a calculated value (``20200.000000000004`` for ``=0.1*202000``) is
    the ``20200`` Excel shows and means, while ``20200.5`` stays a fraction."""
    from decimal import localcontext

    exact = Decimal(repr(value))
    with localcontext() as context:
        context.prec = 15
        return +exact


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _scaling(number_format: str | None) -> str | None:
    """``number_format`` when it shows numbers divided by 1,000 (a ``,`` after the last digit
    placeholder: ``#,##0,`` or ``0.0,,``), else ``None``."""
    if not number_format or "," not in number_format:
        return None
    first = _QUOTED.sub("", number_format).split(";", 1)[0]
    return number_format if re.search(r"[0#?],+(?![0#?,])", first) else None


def _formulas_and_merges(ws: Any) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, int, int]]]:
    """The formula of every formula cell and the merged ranges of ``ws``, read from the sheet's XML
    (openpyxl's read-only worksheet gives neither with its values)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    formulas: dict[tuple[int, int], str] = {}
    merges: list[tuple[int, int, int, int]] = []
    row = column = 0
    with ws._get_source() as source:  # the sheet's part of the archive (openpyxl's own accessor)
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "row":
                    row = int(element.get("r") or row + 1)
                    column = 0
                continue
            if tag == "c":
                reference = element.get("r")
                if reference:
                    row, column = coordinate_to_tuple(reference)
                else:
                    column += 1
                formula = next((child for child in element if child.tag.rsplit("}", 1)[-1] == "f"), None)
                if formula is not None:
                    formulas[(row, column)] = f"={formula.text}" if formula.text else ""
                element.clear()
            elif tag == "row":
                element.clear()
            elif tag == "mergeCell":
                reference = element.get("ref") or ""
                try:
                    first_col, first_row, last_col, last_row = range_boundaries(reference)
                except (ValueError, TypeError):
                    continue
                if None not in (first_col, first_row, last_col, last_row):
                    merges.append((first_row, first_col, last_row, last_col))  # type: ignore[arg-type]
    return formulas, merges
