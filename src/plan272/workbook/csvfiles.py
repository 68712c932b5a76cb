"""A plan's CSV files as text cells, and CSV written back as the file was written.

Reading goes through the loader's own reader (:func:`plan272.load.csvfile.read_table`: the
separator plan.yaml declares or the header tells, the declared encoding, quoting errors located), but
keeps every cell as its text — a row number ``2a``, an amount that is not a number — so that the
export writes it back unchanged.

Writing follows the file: its separator, encoding, byte-order mark and line ends (a new file: as
plan.yaml declares them, else as the shipped files are written — ``,``, UTF-8 without a mark,
``\\n``), quotes only where a cell needs them (Python's ``csv`` writer), amounts as plain digits,
which every notation reads the same. A file declared in an encoding that has no single character for
a Vietnamese letter (Windows-1258 writes ``ế`` as ``ê`` and a combining acute) gets the letter
decomposed as that encoding writes it; a character the encoding cannot write at all is refused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plan272.load.csvfile import read_table
from plan272.load.files import LIMITS, Directory, Limits, decode
from plan272.messages import Invalid, Message
from plan272.model import KIND_COLUMNS, Appendix, PlanFile
from plan272.names import split_tones
from plan272.numbers import NOTATIONS, Notation, NumberError, parse_amount
from plan272.problems import Problem

#: the five Vietnamese tone marks, which Windows-1258 writes as combining characters


class Unwritable(Invalid):
    """Text the file's encoding cannot write."""


@dataclass(frozen=True)
class Style:
    """How a CSV file is written: the character between cells, the encoding (``None``: UTF-8),
    whether it starts with a byte-order mark, its line end."""

    separator: str = ","
    encoding: str | None = None
    bom: bool = False
    newline: str = "\n"


@dataclass
class CsvTable:
    """A CSV file of the plan: its header and its records (column -> cell, trimmed, NFC, as the
    loader reads them) with the line each starts on, and how the file is written."""

    file: str
    header: list[str]
    records: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    style: Style = field(default_factory=Style)

    def by_id(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for record in self.records:
            out.setdefault(record.get("id", ""), record)
        return out


def declared_style(meta: PlanFile, appendix: Appendix) -> Style:
    """How plan.yaml says ``appendix``'s file is written (a new file is written so)."""
    declared = meta.csv_format(appendix)
    return Style(declared.separator or ",", declared.encoding)


def read_csv_table(
    directory: Path, meta: PlanFile, appendix: Appendix, limits: Limits = LIMITS
) -> tuple[CsvTable | None, list[Problem]]:
    """``appendix``'s file in ``directory`` as text cells, or ``None`` and why. A missing file is
    ``None`` with no problem (there is nothing to compare or keep); a file that cannot be read
    whole — not there as a file, undecodable, a row that would lose cells — is ``None`` and the
    problem."""
    source = Directory(directory, limits)
    name = appendix.file
    if not (directory / name).exists() and not (directory / name).is_symlink():
        return None, []
    data, problems = source.read(name)
    if data is None:
        return None, problems
    shown = source.display(name)
    declared = meta.csv_format(appendix)
    text, problems = decode(data, shown, declared.encoding, csv=True)
    if text is None:
        return None, problems
    required, optional = (list(c) for c in KIND_COLUMNS[appendix.kind])
    if not appendix.groups:
        required.remove("section")
        optional.append("section")
    required += [f"y{y}" for y in meta.identity.period.years] + [c.id for c in appendix.columns]
    table, problems = read_table(text, shown, required, optional, None, limits.max_rows, declared.separator)
    records = list(table.records(problems)) if table is not None else []
    if table is None or not table.complete:
        return None, [p for p in problems if p.fatal] or problems
    first_line = text.split("\n", 1)[0]
    style = Style(
        table.separator,
        declared.encoding,
        bom=data.startswith(b"\xef\xbb\xbf"),
        newline="\r\n" if first_line.endswith("\r") else "\n",
    )
    out = CsvTable(shown, list(table.header), style=style)
    for record in records:
        out.records.append(record.cells())
        out.lines.append(record.line)
    return out, []


def csv_text(header: Sequence[str], records: Iterable[Mapping[str, str]], style: Style = Style()) -> str:
    """The CSV text of ``records`` under ``header``."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.separator, lineterminator=style.newline)
    writer.writerow(header)
    for record in records:
        writer.writerow([record.get(column, "") for column in header])
    return out.getvalue()


def csv_bytes(header: Sequence[str], records: Iterable[Mapping[str, str]], style: Style = Style()) -> bytes:
    """The bytes of the file: :func:`csv_text` in the style's encoding."""
    text = csv_text(header, records, style)
    if style.encoding is None or _utf8(style.encoding):
        return (b"\xef\xbb\xbf" if style.bom else b"") + text.encode("utf-8")
    return encode(text, style.encoding)


def _utf8(encoding: str) -> bool:
    import codecs

    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; a letter it has no character for written as a base letter it has
    and combining marks (``ế`` → ``ê`` + U+0301 in Windows-1258); :class:`Unwritable` for a
    character it cannot write at all."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(encoding)
            continue
        except UnicodeEncodeError:
            pass
        base, tones = split_tones(ch)
        try:  # the letter with its other marks (ô, ơ, ư, ă), then its tone (ộ = ô + dot below)
            out += base.encode(encoding) + tones.encode(encoding)
        except UnicodeEncodeError:
            message = Message("workbook.csv.unwritable", character=repr(ch), encoding=encoding)
            raise Unwritable(message) from None
    return bytes(out)


def amount_of(raw: str, notation: Notation | None) -> int | None:
    """The amount a CSV cell holds, as the loader reads it: in the declared notation; undeclared,
    plain digits, or the one notation that reads the cell as a whole number (``20.200`` is 20200:
    in English notation it would be 20.2). ``None`` for anything else."""
    if notation is not None:
        try:
            return parse_amount(raw, notation)
        except NumberError:
            return None
    readings = set()
    for candidate in NOTATIONS:
        try:
            readings.add(parse_amount(raw, candidate))
        except NumberError:
            continue
    return readings.pop() if len(readings) == 1 else None
