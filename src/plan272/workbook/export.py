"""The way back: the plan's appendices as a workbook in the document's own layout, one sheet each,
for an officer to edit, re-import and diff.

A sheet is laid out as the plan prints the table: its name (``Phụ lục I``) and title, the line
"Kèm theo Kế hoạch số …", the unit (``Đơn vị tính: triệu đồng``), a two-row header with the
printed titles (``TT``, ``Danh mục dự án``, ``Chủ đầu tư``, ``Dự kiến TMĐT``, and the years under
``Dự kiến nhu cầu bố trí vốn giai đoạn 2021-2025``), each group row (``I`` ``HẠ TẦNG MẠNG``) above
its rows, and the total row (``TỔNG CỘNG``). The total row, and a group row whose group declares
its totals, hold formulas — ``=SUBTOTAL(9,E8:E49)``, which leaves the group rows' own subtotals out —
that Excel calculates when it opens the workbook; each carries, as a comment, the total plan.yaml
declares. Amounts are numbers formatted ``#,##0``; names wrap.

Two columns the document does not print come last, shaded: each row's id and its line in the
published text (``source_line``), so that ``plan272 import`` gives them back and export → import is
the identity. Text is written as text, never as a formula: a cell that begins with ``=``, ``+``,
``-`` or ``@`` is a text cell with Excel's quote prefix. A cell of the CSV file that is not what its
column holds (an amount that is not a number) is written as the text it is, and said so.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from plan272.i18n import format_date
from plan272.messages import Amount, Lang, Message
from plan272.model import KIND_COLUMNS, TOTAL_COLUMN, Appendix, Declared, PlanFile
from plan272.numbers import Notation, NumberError, parse_amount
from plan272.workbook.csvfiles import CsvTable, amount_of
from plan272.workbook.importer import Remark
from plan272.workbook.places import Place, column_letter, sheet_name
from plan272.workbook.titles import printed_titles, years_title

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

_FORMULA_STARTS = ("=", "+", "-", "@")
_DIGITS = re.compile(r"0|[1-9][0-9]*")
_AMOUNT_FORMAT = "#,##0"
_SHADE = "EDEDED"


@dataclass(frozen=True)
class Column:
    name: str  # the CSV column
    kind: str  # "text", "wide", "number", "amount", "year", "machine"
    title: str


def columns(appendix: Appendix, header: list[str], years: list[int], lang: Lang) -> list[Column]:
    """The sheet's columns, in the document's order, of the columns the CSV file has."""
    present = set(header)
    titles = printed_titles(appendix, years[0], years[-1])
    document = {
        "projects": ["tt", "name", "investor", "description", "tmdt"],
        "units": ["tt", "unit", "staff", "total"],
        "lines": ["tt", "name", "description", "total"],
    }[appendix.kind]
    required = set(KIND_COLUMNS[appendix.kind][0])
    out: list[Column] = []
    for name in document:
        if name in present or name in required:
            kind = {
                "tt": "number",
                "name": "wide",
                "unit": "wide",
                "description": "wide",
                "investor": "text",
            }.get(name, "amount")
            out.append(Column(name, kind, titles[name].render(lang)))
    out += [Column(f"y{y}", "year", Message("workbook.title.year", year=y).render(lang)) for y in years]
    out += [Column(c.id, "amount", c.title) for c in appendix.columns]
    if "attt" in present:
        out.append(Column("attt", "amount", titles["attt"].render(lang)))
    if "note" in present:
        out.append(Column("note", "text", titles["note"].render(lang)))
    if not appendix.groups and "section" in present:
        out.append(Column("section", "machine", titles["section"].render(lang)))
    out.append(Column("id", "machine", titles["id"].render(lang)))
    if "source_line" in present:
        out.append(Column("source_line", "machine", titles["source_line"].render(lang)))
    return out


def export_tables(
    meta: PlanFile, tables: dict[str, CsvTable | None], lang: Lang, created: datetime | None = None
) -> tuple[bytes, list[Remark]]:
    """The workbook's bytes, and what is worth saying about cells written other than as numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    if workbook.active is not None:
        workbook.remove(workbook.active)
    workbook.properties.creator = "plan272"
    if created is not None:  # when the export was made (SOURCE_DATE_EPOCH honoured), in UTC
        workbook.properties.created = created.astimezone(UTC).replace(tzinfo=None)
    from openpyxl.workbook.properties import CalcProperties

    workbook.calculation = CalcProperties(fullCalcOnLoad=True)
    notes: list[Remark] = []
    used: set[str] = set()
    years = list(meta.identity.period.years)
    for appendix in meta.appendices:
        table = tables.get(appendix.id)
        ws = workbook.create_sheet(sheet_name(appendix.label(lang), used))
        writer = _SheetWriter(ws, meta, appendix, table, years, lang)
        writer.write()
        notes += writer.notes
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), notes


class _SheetWriter:
    def __init__(
        self,
        ws: Worksheet,
        meta: PlanFile,
        appendix: Appendix,
        table: CsvTable | None,
        years: list[int],
        lang: Lang,
    ) -> None:
        self.ws = ws
        self.meta = meta
        self.appendix = appendix
        self.table = table
        self.years = years
        self.lang = lang
        self.header = table.header if table is not None else list(KIND_COLUMNS[appendix.kind][0])
        self.columns = columns(appendix, self.header, years, lang)
        self.index = {c.name: i for i, c in enumerate(self.columns, start=1)}
        self.notes: list[Remark] = []
        self.notation: Notation | None = meta.csv_format(appendix).number_format
        self.summed = [
            TOTAL_COLUMN[appendix.kind],
            *(f"y{y}" for y in years),
            *(c.id for c in appendix.columns),
        ]
        known = {*KIND_COLUMNS[appendix.kind][0], *KIND_COLUMNS[appendix.kind][1], *self.summed}
        for name in self.header:
            if name not in known:
                message = Message("workbook.export.unknown-column", column=repr(name), file=appendix.file)
                self.notes.append(Remark("unknown-column", Place(ws.title), message, name))

    def write(self) -> None:
        from openpyxl.styles import Alignment, Font

        ws, width = self.ws, len(self.columns)
        row = 1
        lines: list[tuple[str, Font, str]] = [
            (self.appendix.label(self.lang), Font(bold=True, size=12), "center")
        ]
        if self.appendix.title:
            lines.append((self.appendix.title, Font(bold=True, size=12), "center"))
        identity = self.meta.identity
        date = (
            Message("workbook.attached.date", date=format_date(identity.date, self.lang))
            if identity.date
            else ""
        )
        lines.append(
            (
                Message("workbook.attached", number=identity.number, date=date).render(self.lang),
                Font(italic=True),
                "center",
            )
        )
        lines.append((Message("workbook.unit-line").render(self.lang), Font(italic=True), "right"))
        for text, font, align in lines:
            cell = ws.cell(row, 1)
            self.text(cell, text)
            cell.font = font
            cell.alignment = Alignment(horizontal=align, wrap_text=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        row += 1
        self.header_row = row
        self.write_header(row)
        first = row + 2
        row = self.write_rows(first)
        self.write_total(row, first)
        self.write_marks(row + 2)
        self.layout(first, row)

    def write_header(self, row: int) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        ws = self.ws
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        years = [i for c, i in self.index.items() if c.startswith("y") and c[1:].isdigit()]
        for column in self.columns:
            index = self.index[column.name]
            for r in (row, row + 1):
                cell = ws.cell(r, index)
                cell.border = box
                cell.alignment = center
                cell.font = Font(bold=True)
                if column.kind == "machine":
                    cell.fill = PatternFill("solid", fgColor=_SHADE)
            if column.kind == "year":
                self.text(ws.cell(row + 1, index), column.title)
                continue
            self.text(ws.cell(row, index), column.title)
            ws.merge_cells(start_row=row, start_column=index, end_row=row + 1, end_column=index)
        parent = years_title(self.appendix, self.years[0], self.years[-1]).render(self.lang)
        self.text(ws.cell(row, min(years)), parent)
        if len(years) > 1:
            ws.merge_cells(start_row=row, start_column=min(years), end_row=row, end_column=max(years))
        note = Message("workbook.machine-comment").render(self.lang)
        ws.cell(row, self.index["id"]).comment = Comment(note, "plan272", width=300, height=120)

    def write_rows(self, row: int) -> int:
        """The group rows and the rows, in the file's order; the row after the last."""
        from openpyxl.styles import Font

        groups = {g.id: g for g in self.appendix.groups}
        records = self.table.records if self.table is not None else []
        grouped = bool(self.appendix.groups)
        current: str | None = None
        group_row: tuple[int, str] | None = None
        for record in records:
            section = record.get("section", "")
            if grouped and (current is None or section != current):
                if group_row is not None:
                    self.subtotal(group_row, row - 1)
                current = section
                group = groups.get(section)
                self.text(self.ws.cell(row, self.index["tt"]), section)
                name_column = "unit" if self.appendix.kind == "units" else "name"
                if group is not None:
                    self.text(self.ws.cell(row, self.index[name_column]), group.title)
                for index in range(1, len(self.columns) + 1):
                    self.ws.cell(row, index).font = Font(bold=True)
                group_row = (row, section)
                row += 1
            self.record(row, record)
            row += 1
        if group_row is not None:
            self.subtotal(group_row, row - 1)
        return row

    def subtotal(self, group_row: tuple[int, str], last: int) -> None:
        row, section = group_row
        group = next((g for g in self.appendix.groups if g.id == section), None)
        if group is None or group.declared is None or last <= row:
            return
        declared = group.declared
        for name in self.summed:
            self.formula(row, name, row + 1, last, self.declared_amount(declared, name))

    def declared_amount(self, declared: Declared | None, name: str) -> int | None:
        """What plan.yaml declares for column ``name`` of a total row."""
        if declared is None:
            return None
        if name == TOTAL_COLUMN[self.appendix.kind]:
            return int(declared.total)
        if name.startswith("y") and name[1:].isdigit():
            value = declared.years.get(int(name[1:]))
            return None if value is None else int(value)
        value = declared.columns.get(name)
        return None if value is None else int(value)

    def formula(self, row: int, name: str, first: int, last: int, declared: int | None) -> None:
        from openpyxl.comments import Comment

        index = self.index.get(name)
        if index is None:
            return
        letter = column_letter(index)
        cell = self.ws.cell(row, index)
        cell.value = f"=SUBTOTAL(9,{letter}{first}:{letter}{last})"
        cell.number_format = _AMOUNT_FORMAT
        if declared is not None:
            text = Message("workbook.declared-comment", amount=Amount(declared)).render(self.lang)
            cell.comment = Comment(text, "plan272", width=220, height=60)

    def record(self, row: int, record: dict[str, str]) -> None:
        amounts = {*self.summed, "attt", "staff"}
        for column in self.columns:
            raw = record.get(column.name, "")
            if raw == "":
                continue
            cell = self.ws.cell(row, self.index[column.name])
            if column.name in amounts:
                amount = amount_of(raw, self.notation)
                if amount is not None:
                    cell.value = amount
                    cell.number_format = _AMOUNT_FORMAT
                else:
                    self.text(cell, raw)
                    where = Place(self.ws.title, row, self.index[column.name])
                    problem = _why(raw, self.notation)
                    self.notes.append(
                        Remark(
                            "text-amount",
                            where,
                            Message("workbook.export.text-amount", value=repr(raw), problem=problem),
                            raw,
                        )
                    )
            elif column.name in ("tt", "source_line") and _DIGITS.fullmatch(raw):
                cell.value = int(raw)
            else:
                self.text(cell, raw)

    def write_total(self, row: int, first: int) -> None:
        from openpyxl.styles import Font

        label = Message("workbook.total-row").render(self.lang)
        self.text(self.ws.cell(row, 1), label)
        first_amount = min(self.index[name] for name in self.summed if name in self.index)
        if first_amount > 2:
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=first_amount - 1)
        if row > first:
            for name in self.summed:
                self.formula(row, name, first, row - 1, self.declared_amount(self.appendix.declared, name))
        for index in range(1, len(self.columns) + 1):
            self.ws.cell(row, index).font = Font(bold=True)

    def write_marks(self, row: int) -> None:
        """The notes under the table that explain its marks, as the document prints them."""
        from openpyxl.styles import Font

        for mark in self.appendix.marks:
            cell = self.ws.cell(row, 1)
            self.text(cell, f"{mark.mark} {mark.explanation}")
            cell.font = Font(italic=True)
            row += 1

    def layout(self, first: int, total: int) -> None:
        from openpyxl.styles import Alignment, PatternFill
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self.ws
        widths = {"number": 6, "wide": 55, "text": 28, "amount": 13, "year": 11, "machine": 11}
        for column in self.columns:
            index = self.index[column.name]
            ws.column_dimensions[column_letter(index)].width = widths[column.kind]
            wrap = column.kind in ("wide", "text")
            for row in range(first, total + 1):
                cell = ws.cell(row, index)
                if wrap and cell.value is not None:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if column.kind == "machine":
                    cell.fill = PatternFill("solid", fgColor=_SHADE)
        ws.freeze_panes = f"A{first}"
        ws.print_title_rows = f"{self.header_row}:{self.header_row + 1}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    def text(self, cell: Cell | MergedCell, text: str) -> None:
        """``text`` in ``cell`` as text, never a formula; characters a workbook cannot hold (control
        characters) written as escapes, and said so."""
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if ILLEGAL_CHARACTERS_RE.search(text):
            from plan272.safety import safe

            escaped = safe(text)
            where = Place(self.ws.title, cell.row or 0, cell.column or 0)
            self.notes.append(
                Remark("escaped", where, Message("workbook.export.escaped", value=escaped), escaped)
            )
            text = ILLEGAL_CHARACTERS_RE.sub(lambda m: safe(m.group(0)), text)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever it begins with
        if text.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _why(raw: str, notation: Notation | None) -> Message:
    """Why ``raw`` is no amount, as the number reader says it."""
    try:
        parse_amount(raw, notation or "plain")
    except NumberError as exc:
        return exc.message
    return Message("load.number.ambiguous")  # pragma: no cover - amount_of read it then
