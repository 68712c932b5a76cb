"""The shipped plan's files as a planning office's spreadsheet saves them (issue 13): with ';'
between cells, a BOM and CRLF (Excel with a Vietnamese locale); amounts with thousands marks
(``20.200``); Windows-1258 bytes. Built from ``data/`` in each test — the data itself never
changes."""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from pathlib import Path

from plandir import A1, A2, DATA, PLAN

#: the amount columns of each file (``attt`` and ``source_line`` are not amounts written by Excel:
#: attt is empty, source_line a line number of the published text)
AMOUNTS = {
    A1: ("tmdt", "y2021", "y2022", "y2023", "y2024", "y2025"),
    A2: ("total", "y2021", "y2022", "y2023", "y2024", "y2025"),
}
NOTATION = "csv_number_format: plain"


def rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((DATA / name).read_text(encoding="utf-8"), newline="")))


def render(table: list[list[str]], separator: str = ",", newline: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator=newline).writerows(table)
    return out.getvalue()


def grouped(value: str, mark: str = ".") -> str:
    """``20200`` as ``20.200`` (``mark`` between groups of three digits)."""
    return f"{int(value):,}".replace(",", mark) if value.isdigit() else value


def with_marks(name: str, mark: str = ".") -> list[list[str]]:
    """The rows of ``name`` with every amount written with thousands marks."""
    table = rows(name)
    columns = [table[0].index(c) for c in AMOUNTS[name]]
    for row in table[1:]:
        for column in columns:
            row[column] = grouped(row[column], mark)
    return table


def cp1258(text: str) -> bytes:
    """``text`` in Windows-1258 as its tools write Vietnamese: letters with a circumflex, breve or
    horn precomposed (â, ê, ô, ă, ơ, ư), tone marks as combining characters after them ("ế" is
    "ê" + U+0301) — the code page has no room for every precomposed letter."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")
        tone = "".join(m for m in parts[1:] if m not in "\u0302\u0306\u031b")
        out.append((unicodedata.normalize("NFC", parts[:1] + shape) + tone).encode("cp1258"))
    return b"".join(out)


def copy(target: Path) -> Path:
    shutil.copytree(DATA, target)
    return target


def set_plan(target: Path, old: str, new: str) -> None:
    """Replace ``old`` (once) in plan.yaml by ``new``, which keeps the lines of plan.yaml when it is
    one line too: the findings on plan.yaml keep their lines."""
    path = target / PLAN
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def semicolons(target: Path) -> Path:
    """Both files as Excel with a Vietnamese locale saves CSV: ';', UTF-8 with BOM, CRLF."""
    copy(target)
    for name in AMOUNTS:
        (target / name).write_bytes(b"\xef\xbb\xbf" + render(rows(name), ";", "\r\n").encode("utf-8"))
    return target


def dotted(target: Path, declared: bool) -> Path:
    """Both files with every amount written ``20.200``, the notation declared (``vi``) or not (the
    declaration's line left as a comment, so that plan.yaml keeps its lines)."""
    copy(target)
    for name in AMOUNTS:
        (target / name).write_text(render(with_marks(name)), encoding="utf-8")
    set_plan(target, NOTATION, "csv_number_format: vi" if declared else "# csv_number_format: none")
    return target


def windows_1258(target: Path) -> Path:
    """Both files in Windows-1258 bytes, the encoding declared."""
    copy(target)
    for name in AMOUNTS:
        (target / name).write_bytes(cp1258(render(rows(name))))
    set_plan(target, NOTATION, "csv: {encoding: windows-1258, number_format: plain}")
    return target
