"""Where something stands in a workbook, written as Excel writes a reference: ``'Phụ lục I'!B12``
(a sheet name quoted as Excel quotes it, so that the reference can be pasted into Excel's Go To
box), a range ``'PL1'!E12:E14``, a whole sheet ``'PL1'``."""

from __future__ import annotations

import re
from dataclasses import dataclass


def column_letter(column: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_name(name: str, used: set[str]) -> str:
    """``name`` as a sheet may be named: none of ``[]:*?/\\``, at most 31 characters, not empty,
    not a name already ``used`` (then numbered) — for every workbook plan272 writes."""
    base = re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", " ", name).strip().strip("'")[:31].strip() or "Sheet"
    candidate, number = base, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate


def sheet_reference(name: str) -> str:
    """``name`` as a reference names a sheet: bare when Excel writes it bare (``Sheet1``), else in
    single quotes with any quote doubled (``'Phụ lục I'``, ``'PL1'``, which alone would be a cell)."""
    bare = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and not re.fullmatch(
        r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*", name
    )
    return name if bare else "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True, order=True)
class Place:
    """A sheet and a cell or range of it (``None``: the whole sheet; no sheet: the workbook)."""

    sheet: str | None = None
    row: int = 0
    column: int = 0
    last_row: int = 0  # a range: its last row and column (0: a single cell)
    last_column: int = 0

    @property
    def cell(self) -> str | None:
        if not self.row:
            return None
        first = f"{column_letter(self.column)}{self.row}"
        if self.last_row and (self.last_row, self.last_column) != (self.row, self.column):
            return f"{first}:{column_letter(self.last_column)}{self.last_row}"
        return first

    def __str__(self) -> str:
        if self.sheet is None:
            return ""
        cell = self.cell
        return sheet_reference(self.sheet) + (f"!{cell}" if cell else "")
