"""Exports of the summary: ``.html``/``.svg``/``.txt`` (the printed tables, recorded by rich),
``.xlsx`` (one sheet per table, numbers as numbers with a number format, via openpyxl) and ``.csv``
(one table).

:func:`export` returns the file's bytes; the caller writes them (atomically, see ``cli.io``).
Data text is never interpreted: rich escapes it in HTML and SVG, control characters are made visible
everywhere, and a spreadsheet or CSV text cell that begins with ``= + - @``, a tab or a carriage
return gets a leading ``'`` (:func:`neutralise`), so it cannot run as a formula. Numbers stay numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from plan272.i18n import AmountUnit, Lang, label, to_unit
from plan272.messages import Invalid, Message, ids
from plan272.numbers import exact
from plan272.safety import guard_lines, safe
from plan272.summary import SectionName, Summary
from plan272.views.summary.grids import (
    Cell,
    Column,
    Grid,
    cell_text,
    display_text,
    flagged,
    grids,
    renderable,
)
from plan272.workbook.places import sheet_name

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.styles import Font
    from rich.console import Console
    from rich.terminal_theme import TerminalTheme

ExportFormat = Literal["html", "svg", "txt", "xlsx", "csv"]
DEFAULT_WIDTH = 100
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Invalid):
    """An export that cannot be made as asked (unknown suffix, CSV of several tables); ``message``
    says why in words of the catalogue (``str()`` is the English)."""


@dataclass(frozen=True)
class Imprint:
    """What every printed page says of itself, so that it can be traced: the plan, when and by which
    plan272 it was made, and from which data (:class:`plan272.revision.DataRevision`)."""

    plan: str
    version: str
    generated: datetime
    revision: str

    def text(self, lang: Lang) -> str:
        when = self.generated
        offset = when.strftime("%z")
        zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
        if lang == "vi":
            stamp = f"lập lúc {when:%H:%M} ngày {when:%d/%m/%Y} ({zone})"
            return f"Kế hoạch số {self.plan} · {stamp} · plan272 {self.version} · dữ liệu: {self.revision}"
        stamp = f"generated {when:%Y-%m-%d %H:%M} {zone}"
        return f"Plan {self.plan} · {stamp} · plan272 {self.version} · data: {self.revision}"


def format_for(path: Path) -> ExportFormat:
    """The export format named by ``path``'s suffix."""
    from plan272.views.summary import SUFFIXES

    fmt: ExportFormat | None = SUFFIXES.get(path.suffix.lower())  # type: ignore[assignment]
    if fmt is None:
        known = ids(sorted(SUFFIXES))
        raise ExportError(Message("error.export.suffix", name=repr(path.name), known=known))
    return fmt


def neutralise(text: str) -> str:
    """A spreadsheet/CSV text cell that cannot act as a formula: control characters made visible,
    and a leading ``'`` before ``= + - @``, a tab or a carriage return (OWASP CSV injection)."""
    quoted = f"'{text}" if text.startswith(_FORMULA_STARTS) else text
    return safe(quoted)


@exact
def export_bytes(
    summary: Summary,
    fmt: ExportFormat,
    *,
    lang: Lang = "en",
    unit: AmountUnit = "million",
    width: int = DEFAULT_WIDTH,
    sections: Sequence[SectionName] | None = None,
    version: str = "",
    imprint: Imprint | None = None,
) -> bytes:
    """The bytes of ``summary`` exported as ``fmt``; ``imprint`` is printed on every page (HTML,
    workbook) or at the end (text, SVG)."""
    tables = grids(summary, lang, unit, sections)
    if fmt == "csv":
        if len(tables) != 1:
            raise ExportError(Message("error.export.csv-one-table"))
        # the BOM lets Excel read UTF-8
        return guard_lines(to_csv(tables[0], unit, lang)).encode("utf-8-sig")
    if fmt == "xlsx":
        return to_xlsx(tables, lang, unit, imprint)
    title = label("doc.title", lang, number=summary.identity.number)
    if fmt == "html":
        return to_html(tables, lang, unit, title, version, imprint).encode("utf-8")
    closing = imprint.text(lang) if imprint else None
    if fmt == "svg":
        return to_svg(tables, lang, unit, width, title, closing).encode("utf-8")
    return to_text(tables, lang, unit, width, closing).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Recorded by rich: html, svg, txt


def _recorder(width: int) -> Console:
    from rich.console import Console

    return Console(
        record=True,
        file=io.StringIO(),
        width=width,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def _theme() -> TerminalTheme:
    """Black on white, dark ANSI colours: what prints well on paper."""
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME

    return DEFAULT_TERMINAL_THEME


def _record(
    tables: Sequence[Grid], lang: Lang, unit: AmountUnit, width: int, closing: str | None = None
) -> Console:
    from plan272.views.summary.grids import minimum_width

    console = _recorder(max([width, *(minimum_width(g, lang, unit) for g in tables)]))
    for index, g in enumerate(tables):
        if index:
            console.print()
        console.print(renderable(g, lang, unit, truncate=False))
    if closing:
        from rich.text import Text

        console.print()
        console.print(Text(safe(closing), style="dim"))
    return console


def to_text(
    tables: Sequence[Grid],
    lang: Lang,
    unit: AmountUnit,
    width: int = DEFAULT_WIDTH,
    closing: str | None = None,
) -> str:
    return guard_lines(_record(tables, lang, unit, width, closing).export_text(styles=False))


_CSS = """
@page { size: A4 portrait; margin: 14mm 12mm; }
html { background: #fff; color: #000; }
body {
  margin: 0 auto; padding: 16px 24px; max-width: 190mm;
  font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 10pt; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1 { font-size: 14pt; margin: 0 0 10pt; }
h2 {
  font-size: 11.5pt; margin: 16pt 0 5pt; padding-bottom: 2pt; border-bottom: 1px solid #888;
  break-after: avoid;
}
section.keep { break-inside: avoid; page-break-inside: avoid; }
p { margin: 2pt 0; }
p.note { color: #444; font-size: 8.5pt; }
table { border-collapse: collapse; font-size: 9pt; margin: 4pt 0 6pt; }
section.keep table { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.5pt 5pt; vertical-align: top; text-align: left; }

th { border-bottom: 1px solid #000; font-weight: bold; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.text { white-space: nowrap; }
.text.wide { white-space: normal; width: 50%; min-width: 45mm; }
table.list { width: 100%; }
code.cmd {
  white-space: nowrap; font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 0.92em;
}
tr.group td, tr.total td { font-weight: bold; }
tr.group { break-after: avoid; page-break-after: avoid; }
tr.rule td { border-top: 1px solid #000; }
tr.declared td { font-style: italic; }
tr.delta td, td.flag { color: #b00000; font-weight: bold; }
table.fields th { border: 0; width: 12em; }
table.chart td { padding: 1pt 5pt; }
table.chart td.bar { width: 70%; }
.track { position: relative; height: 9pt; background: #f0f0f0; }
.fill { position: absolute; left: 0; top: 0; bottom: 0; background: #3b7d3b; }
.fill.short { background: #b00000; }
.minimum { position: absolute; top: -2pt; bottom: -2pt; border-left: 1.5px dashed #000; }
footer { font-size: 8pt; color: #555; margin-top: 16pt; }
@media print { footer { display: none; } }
@media screen { body { font-size: 11pt; } }
"""


def _html_table(g: Grid, lang: Lang, unit: AmountUnit) -> str:
    from html import escape

    shown = [i for i, c in enumerate(g.columns) if not c.sheet_only]
    if not g.show_header:  # a list of fields: the first column heads each row
        rows = []
        for row in g.rows:
            head, *rest = (cell_text(row.cells[i], g.columns[i], lang, unit) for i in shown)
            rows.append(
                f"<tr><th>{escape(head)}</th>" + "".join(f"<td>{escape(v)}</td>" for v in rest) + "</tr>"
            )
        return '<table class="fields"><tbody>' + "".join(rows) + "</tbody></table>"

    def kind(column: Column) -> str:
        return "num" if column.kind != "text" else "text wide" if column.wrap or column.truncate else "text"

    header = "".join(
        f'<th class="{kind(g.columns[i])}">{escape(safe(g.columns[i].header))}</th>' for i in shown
    )
    body = []
    for row in g.rows:
        classes = " ".join(c for c in (row.style, "rule" if row.rule_before else "") if c)
        cells = []
        for i in shown:
            names = kind(g.columns[i]) + (" flag" if flagged(g, row, i) else "")
            cells.append(f'<td class="{names}">{escape(display_text(g, row, i, lang, unit))}</td>')
        body.append(f'<tr class="{classes}">' + "".join(cells) + "</tr>")
    wide = any(g.columns[i].wrap or g.columns[i].truncate for i in shown)
    opening = '<table class="list">' if wide else "<table>"
    return f"{opening}<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html_chart(g: Grid, lang: Lang) -> str:
    from html import escape

    from plan272.i18n import format_number, format_percent
    from plan272.views.summary.grids import chart_scale

    scale = chart_scale(g.bars)
    rows = []
    for bar in g.bars:
        filled = min(bar.percent or Decimal(0), scale) / scale * 100
        minimum = bar.minimum / scale * 100
        rows.append(
            f"<tr><td>{escape(safe(bar.label))}</td>"
            f'<td class="bar"><div class="track"><div class="fill{"" if bar.ok else " short"}" '
            f'style="width: {filled:.2f}%"></div>'
            f'<div class="minimum" style="left: {minimum:.2f}%"></div></div></td>'
            f'<td class="num{"" if bar.ok else " flag"}">{escape(format_percent(bar.percent, lang))}</td>'
            "</tr>"
        )
    minimum = g.bars[0].minimum if g.bars else Decimal(0)
    axis = label(
        "note.chart_axis_html", lang, minimum=format_number(minimum, lang), scale=format_number(scale, lang)
    )
    return f'<table class="chart"><tbody>{"".join(rows)}</tbody></table><p class="note">{escape(axis)}</p>'


#: a table longer than this may break across printed pages (its header repeats); shorter ones never do
_KEEP_ROWS = 30


_COMMAND = re.compile(r"plan272 [a-z]+(?: --?[a-z][a-z-]*(?: [A-Z0-9][A-Za-z0-9,._-]*)?)*")


def _html_line(text: str) -> str:
    """A line of text from a grid as HTML: escaped, and a plan272 command never broken across lines."""
    from html import escape

    return _COMMAND.sub(lambda m: f'<code class="cmd">{m.group(0)}</code>', escape(safe(text)))


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that nothing in it can end — not a quote, a backslash, a
    newline, nor ``</style>``: every character but letters, digits and plain punctuation is written
    as a CSS escape."""
    out = []
    for ch in safe(text):
        if ch.isalnum() or ch in " .,:;·()/_-–+%#@!?'":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return '"' + "".join(out) + '"'


def _page_css(imprint: Imprint | None, lang: Lang) -> str:
    """Running page footers: the imprint on the left, the page number on the right."""
    if imprint is None:
        return ""
    page = (
        '"Trang " counter(page) "/" counter(pages)'
        if lang == "vi"
        else '"Page " counter(page) " of " counter(pages)'
    )
    box = "font-size: 7.5pt; color: #444; font-family: sans-serif;"
    return (
        "@page {\n"
        f"  @bottom-left {{ content: {css_string(imprint.text(lang))}; {box} }}\n"
        f"  @bottom-right {{ content: {page}; {box} }}\n"
        "}\n"
    )


def to_html(
    tables: Sequence[Grid],
    lang: Lang,
    unit: AmountUnit,
    title: str = "",
    version: str = "",
    imprint: Imprint | None = None,
) -> str:
    """A standalone page of real HTML tables (the same grids as the terminal), print-ready on A4:
    a table short enough to fit a page is never split; a longer one repeats its header; a group
    heading stays with its first row; every printed page names the plan, the time, the plan272
    version and the data it was made from (``imprint``)."""
    from html import escape

    parts = []
    for g in tables:
        keep = " keep" if len(g.rows) <= _KEEP_ROWS else ""
        html = [f'<section class="grid{keep}" id="{g.section}">', f"<h2>{escape(safe(g.title))}</h2>"]
        html += [f"<p>{_html_line(line)}</p>" for line in g.lead]
        html.append(_html_table(g, lang, unit))
        if g.bars:
            html.append(_html_chart(g, lang))
        html += [f'<p class="note">{_html_line(line)}</p>' for line in g.notes]
        html.append("</section>")
        parts.append("\n".join(html))
    footer = escape(safe(imprint.text(lang))) if imprint else f"plan272 {escape(version)}"
    style = _CSS + _page_css(imprint, lang)
    head = (
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="plan272 {escape(version)}">\n'
        f"<title>{escape(safe(title))}</title>\n<style>{style}</style>\n</head>\n"
    )
    body = "\n".join([f"<h1>{escape(safe(title))}</h1>", *parts, f"<footer>{footer}</footer>"])
    return f"<!DOCTYPE html>\n{head}<body>\n{body}\n</body>\n</html>\n"


def _svg_format() -> str:
    """rich's SVG template without the terminal window (coloured buttons, rounded frame): a white
    page to attach to a report. Its web fonts are dropped (opening the file must not fetch
    anything): local monospace fonts that cover Vietnamese are named instead. The image is sized
    to the width of an A4 page (18 cm of text), so it prints at reading size; long reports run
    over several pages as an image would — the HTML export is the paginated print format."""
    import re

    from rich._export_format import CONSOLE_SVG_FORMAT

    page = '<rect fill="#ffffff" x="0" y="0" width="{width}" height="{height}"/>'
    template = CONSOLE_SVG_FORMAT.replace("{chrome}", page)
    template = re.sub(r"@font-face \{\{.*?\}\}\s*", "", template, flags=re.S)
    template = template.replace(
        "font-family: Fira Code, monospace;",
        'font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Consolas, monospace;',
    )
    return template.replace(
        '<svg class="rich-terminal" viewBox="0 0 {width} {height}"',
        '<svg class="rich-terminal" width="180mm" viewBox="0 0 {width} {height}"',
    )


def to_svg(
    tables: Sequence[Grid],
    lang: Lang,
    unit: AmountUnit,
    width: int = DEFAULT_WIDTH,
    title: str = "",
    closing: str | None = None,
) -> str:
    console = _record(tables, lang, unit, width, closing)
    return console.export_svg(title=safe(title), theme=_theme(), code_format=_svg_format())


# ---------------------------------------------------------------------------------------------
# Tables of cells: csv, xlsx


def _csv_cell(value: Cell, column: Column, unit: AmountUnit, decimal_mark: str = ".") -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if column.kind == "amount":
        text = f"{to_unit(value, unit)}"
    elif column.kind == "percent":
        text = f"{Decimal(value).quantize(Decimal('0.01')):f}"
    else:
        text = f"{value:f}" if isinstance(value, Decimal) else str(value)
    return text.replace(".", decimal_mark)


#: how a CSV file is written for a reader of each language, as the spreadsheet of that locale reads
#: it: (cell separator, decimal mark) — Vietnamese Excel takes ";" and a decimal comma
CSV_NOTATION: dict[str, tuple[str, str]] = {"en": (",", "."), "vi": (";", ",")}


def to_csv(table: Grid, unit: AmountUnit = "million", lang: Lang = "en") -> str:
    """One table: a header row and the rows, numbers without thousands separators (``1501713``;
    ``1501.713`` in English, ``1501,713`` in Vietnamese; shares in percent with two decimals), cells
    separated as the language's spreadsheets expect (:data:`CSV_NOTATION`)."""
    import csv

    delimiter, mark = CSV_NOTATION[lang]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(v, c, unit, mark) for v, c in zip(row.cells, table.columns, strict=True)])
    return out.getvalue()


def _xlsx_value(
    value: Cell, column: Column, unit: AmountUnit, signed: bool = False
) -> tuple[int | Decimal | str | None, str]:
    """The cell value and its number format."""
    if value is None:
        return None, "General"
    if isinstance(value, str):
        return neutralise(value), "@"
    if column.kind == "amount":
        scaled = to_unit(value, unit)
        places = max(0, -int(Decimal(scaled).as_tuple().exponent))
        digits = "#,##0" + ("." + "0" * places if places else "")
        if signed or column.signed:  # a difference: +1,000 / -1,000 / 0
            return scaled, f"+{digits};-{digits};0"
        return scaled, digits
    if column.kind == "percent":
        return (Decimal(value) / 100).quantize(Decimal("0.000001")), "0.00%"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return value, "#,##0.###"
    return value, "#,##0"


class _Styles:
    """The styles of a sheet's cells, each made once and shared by every cell that has it (a
    workbook of 100,000 rows holds a few dozen style objects, not millions)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.title = Font(bold=True, size=13)
        self.note = Font(italic=True, color="555555")
        self.bold = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="E8E8E8")
        self.flagged = PatternFill("solid", fgColor="FDE2E1")
        self.rule_below = Border(bottom=Side(style="thin"))
        self.rule_above = Border(top=Side(style="thin"))
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.head = {
            kind: Alignment(horizontal="left" if kind == "text" else "right", wrap_text=True)
            for kind in ("text", "other")
        }
        self._fonts: dict[tuple[bool, bool, bool], Font] = {}

    def font(self, bold: bool, italic: bool, red: bool) -> Font:
        key = (bold, italic, red)
        if key not in self._fonts:
            from openpyxl.styles import Font

            self._fonts[key] = Font(bold=bold, italic=italic, color="C00000" if red else None)
        return self._fonts[key]


def _sheet(ws: Any, g: Grid, unit: AmountUnit) -> int:
    """Fill ``ws`` (a write-only sheet: rows are streamed to the file, never held as cells) with
    ``g``; return the header row. The column widths come first (a streamed sheet takes them before
    its rows), from a first pass over the values. (``Any``: openpyxl's type stubs do not describe
    what a write-only sheet has of a sheet — its dimensions, page setup, views.)"""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    style = _Styles()
    header = 1 + 1 + len(g.lead) + 1
    widths = [len(c.header) for c in g.columns]
    values = []
    for grid_row in g.rows:
        written_row = []
        for index, (value, column) in enumerate(zip(grid_row.cells, g.columns, strict=True)):
            written, number_format = _xlsx_value(value, column, unit, grid_row.signed)
            written_row.append((written, number_format))
            shown = len(str(written)) + 3 if written is not None else 0
            widths[index] = max(widths[index], shown)
        values.append(written_row)
    for index, (column, width) in enumerate(zip(g.columns, widths, strict=True), start=1):
        wide = column.wrap or column.truncate
        ws.column_dimensions[get_column_letter(index)].width = min(60 if wide else 40, max(6, width))
    ws.freeze_panes = f"A{header + 1}"
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if len(g.columns) > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    def text(value: str, font: Font | None = None) -> SheetCell:
        cell = WriteOnlyCell(ws, neutralise(value))
        cell.data_type = "s"  # never a formula, whatever it begins with
        if font is not None:
            cell.font = font
        return cell

    ws.append([text(g.title, style.title)])
    for line in g.lead:
        ws.append([text(line)])
    ws.append([])
    heads = []
    for column in g.columns:
        cell = text(column.header, style.bold)
        cell.fill = style.head_fill
        cell.border = style.rule_below
        cell.alignment = style.head["text" if column.kind == "text" else "other"]
        heads.append(cell)
    ws.append(heads)
    for grid_row, written_row in zip(g.rows, values, strict=True):
        cells = []
        for index, ((written, number_format), column) in enumerate(zip(written_row, g.columns, strict=True)):
            target = WriteOnlyCell(ws, cast(Any, written))  # openpyxl writes a Decimal as a number
            if isinstance(written, str):
                target.data_type = "s"  # never a formula, whatever it begins with
            target.number_format = number_format
            if column.wrap or column.truncate:  # long names wrap within their column
                target.alignment = style.wrap
            red = index in grid_row.flags or grid_row.style == "delta"
            if grid_row.style in ("group", "total") or red or grid_row.style == "declared":
                strong = grid_row.style in ("group", "total")
                target.font = style.font(strong, grid_row.style == "declared", red)
            if index in grid_row.flags:
                target.fill = style.flagged
            if grid_row.rule_before:
                target.border = style.rule_above
            cells.append(target)
        ws.append(cells)
    if g.notes:
        ws.append([])
        for line in g.notes:
            ws.append([text(line, style.note)])
    return header


def _security_chart(ws: Any, g: Grid, header: int, lang: Lang) -> None:
    """A bar chart of the share column (years only) beside the table."""
    from openpyxl.chart import BarChart, Reference

    share = next(i for i, c in enumerate(g.columns, start=1) if c.kind == "percent")
    years = sum(1 for r in g.rows if r.style == "body")
    if not years:
        return
    chart = BarChart()
    chart.type = "col"
    chart.title = neutralise(g.title)
    chart.y_axis.number_format = "0%"
    chart.legend = None
    chart.add_data(
        Reference(ws, min_col=share, min_row=header, max_row=header + years), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=header + years))
    chart.height, chart.width = 7, 14
    ws.add_chart(chart, f"B{header + len(g.rows) + len(g.notes) + 4}")


def to_xlsx(
    tables: Sequence[Grid], lang: Lang, unit: AmountUnit = "million", imprint: Imprint | None = None
) -> bytes:
    """A workbook with one sheet per table, printable on A4; every printed page carries the imprint
    and its page number in its footer."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)  # rows streamed as they are made
    workbook.properties.creator = "plan272"
    used: set[str] = set()
    for g in tables:
        ws = workbook.create_sheet(sheet_name(g.sheet or g.section, used))
        header = _sheet(ws, g, unit)
        if imprint is not None:
            # "&" starts a header/footer code: doubled, it is an ampersand
            ws.oddFooter.left.text = safe(imprint.text(lang)).replace("&", "&&")
            ws.oddFooter.left.size = 7
            ws.oddFooter.right.text = "Trang &P/&N" if lang == "vi" else "Page &P of &N"
            ws.oddFooter.right.size = 7
        if g.bars:
            _security_chart(ws, g, header, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
