"""Workbooks in the shapes planning offices keep the appendices in, generated with openpyxl from the
shipped plan: title rows, a two-row header with merged titles, a row of column numbers, group rows
(merged across, or the group's number and title in two cells), blank spacer rows, a total row at the
top or at the bottom, units with their mark glued to the name and the notes under the table.

openpyxl writes a formula without the value Excel would calculate; :func:`with_cached` adds those
values to the file afterwards, as Excel saves them (``<f>…</f><v>…</v>``), so that both kinds of
formula cell can be tested."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from plans import DATA, shipped

YEARS = [2021, 2022, 2023, 2024, 2025]


def records(name: str, directory: Path = DATA) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _titles(ws: Worksheet, lines: list[str], width: int) -> int:
    for row, text in enumerate(lines, start=1):
        ws.cell(row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(lines) + 1


def appendix1(
    *,
    total_at: str = "bottom",
    merged_groups: bool = True,
    spacers: bool = True,
    column_numbers: bool = True,
    title: str = "PL1",
) -> tuple[Workbook, dict[str, Any]]:
    """Phụ lục I as an office keeps it (no id or source_line column). Returns the workbook and
    where things are: ``rows`` (project id -> sheet row), ``total`` (the total row), ``groups``."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = title
    plan = shipped()
    appendix = plan.appendix("appendix1")
    assert appendix is not None
    row = _titles(
        ws,
        [
            "PHỤ LỤC I",
            "DANH MỤC DỰ ÁN ỨNG DỤNG CNTT GIAI ĐOẠN 2021-2025",
            "(Kèm theo Kế hoạch số 272/KH-UBND ngày 21 tháng 12 năm 2020 của Chủ tịch UBND tỉnh)",
            "Đơn vị tính: triệu đồng.",
        ],
        9,
    )
    header = row
    for column, text in enumerate(["TT", "Danh mục dự án", "Chủ đầu tư", "Dự kiến TMĐT"], start=1):
        ws.cell(header, column, text)
        ws.merge_cells(start_row=header, start_column=column, end_row=header + 1, end_column=column)
    ws.cell(header, 5, "Dự kiến nhu cầu bố trí vốn giai đoạn 2021-2025")
    ws.merge_cells(start_row=header, start_column=5, end_row=header, end_column=9)
    for offset, year in enumerate(YEARS):
        ws.cell(header + 1, 5 + offset, year)
    row = header + 2
    if column_numbers:
        for column in range(1, 10):
            ws.cell(row, column, f"({column})")
        row += 1
    where: dict[str, Any] = {"rows": {}, "groups": {}, "header": header}
    data = records("appendix1.csv")
    first_data = row + (1 if total_at == "top" else 0)

    def total_row(at: int, first: int, last: int) -> None:
        ws.cell(at, 1, "TỔNG CỘNG")
        ws.merge_cells(start_row=at, start_column=1, end_row=at, end_column=3)
        for column in range(4, 10):
            letter = "DEFGHI"[column - 4]
            ws.cell(at, column, f"=SUM({letter}{first}:{letter}{last})")
        where["total"] = at

    if total_at == "top":
        row += 1  # filled in below, when the last row is known
    for group in appendix.groups:
        if merged_groups:
            ws.cell(row, 1, f"{group.id}. {group.title}")
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
        else:
            ws.cell(row, 1, group.id)
            ws.cell(row, 2, group.title)
        where["groups"][group.id] = row
        row += 1
        for record in (r for r in data if r["section"] == group.id):
            cells = [int(record["tt"]), record["name"], record["investor"], int(record["tmdt"])]
            cells += [int(record[f"y{y}"]) for y in YEARS]
            for column, value in enumerate(cells, start=1):
                ws.cell(row, column, value).number_format = "#,##0" if column >= 4 else "General"
            where["rows"][record["id"]] = row
            row += 1
        if spacers:
            row += 1
    last_data = row - 1
    if total_at == "top":
        total_row(first_data - 1, first_data, last_data)
    else:
        total_row(row, first_data, last_data)
    return workbook, where


def appendix2(*, title: str = "PL2") -> tuple[Workbook, dict[str, Any]]:
    """Phụ lục II as the document prints it: a group row with its totals, the marked units with
    ``*`` glued to their names, the ``TỔNG`` row at the bottom and the notes under the table."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = title
    row = _titles(
        ws,
        [
            "PHỤ LỤC II",
            "KINH PHÍ HOẠT ĐỘNG THƯỜNG XUYÊN VỀ ỨNG DỤNG CNTT",
            "Đơn vị tính: triệu đồng.",
        ],
        9,
    )
    header = row
    for column, text in enumerate(
        ["TT", "Tên đơn vị", "Số CBCC hiện có", "Tổng kinh phí 2021 - 2025"], start=1
    ):
        ws.cell(header, column, text)
        ws.merge_cells(start_row=header, start_column=column, end_row=header + 1, end_column=column)
    ws.cell(header, 5, "Phân bổ kinh phí hàng năm")
    ws.merge_cells(start_row=header, start_column=5, end_row=header, end_column=9)
    for offset, year in enumerate(YEARS):
        ws.cell(header + 1, 5 + offset, f"Năm {year}")
    row = header + 2
    where: dict[str, Any] = {"rows": {}, "header": header}
    ws.cell(row, 1, "I")
    ws.cell(row, 2, "CẤP TỈNH")
    for column, value in enumerate([42895, 8831, 8516, 8516, 8516, 8516], start=4):
        ws.cell(row, column, value)
    where["group"] = row
    row += 1
    for record in records("appendix2.csv"):
        name = record["unit"] + record["note"]
        cells: list[object] = [int(record["tt"]), name, int(record["staff"]), int(record["total"])]
        cells += [int(record[f"y{y}"]) for y in YEARS]
        for column, value in enumerate(cells, start=1):
            ws.cell(row, column, value)
        where["rows"][record["id"]] = row
        row += 1
    ws.cell(row, 1, "TỔNG")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    for column, value in enumerate([42895, 8831, 8516, 8516, 8516, 8516], start=4):
        ws.cell(row, column, value)
    where["total"] = row
    row += 2
    for line in [
        "* Văn phòng UBND tỉnh bố trí kinh phí hàng năm bảo đảm thuê đường truyền cho Cổng thông tin điện tử",
        "* Sở Thông tin và Truyền thông thực hiện các nhiệm vụ hàng năm:",
        "- Tham mưu Chủ tịch UBND tỉnh, UBND tỉnh ban hành các văn bản để hoàn thiện hệ thống văn bản",
        "- Triển khai hiệu quả các hoạt động ứng dụng CNTT trên địa bàn tỉnh;",
    ]:
        ws.cell(row, 1, line)
        row += 1
    return workbook, where


def both(**options: Any) -> tuple[Workbook, dict[str, Any], dict[str, Any]]:
    """One workbook with both appendices (sheets PL1 and PL2)."""
    workbook, first = appendix1(**options)
    second_book, second = appendix2()
    ws = workbook.create_sheet("PL2")
    source = second_book.active
    assert source is not None
    for cells in source.iter_rows():
        for cell in cells:
            if cell.value is not None:
                ws.cell(cell.row, cell.column, cell.value)
    for merged in source.merged_cells.ranges:
        ws.merge_cells(str(merged))
    return workbook, first, second


def save(workbook: Workbook, path: Path, cached: Mapping[tuple[int, str], object] | None = None) -> Path:
    """Save ``workbook`` to ``path``; ``cached``: (sheet index, cell) -> the value Excel would
    have saved with the formula there."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if cached:
        data = with_cached(data, cached)
    path.write_bytes(data)
    return path


def with_cached(data: bytes, values: Mapping[tuple[int, str], object]) -> bytes:
    """The workbook ``data`` with the formula cells ``values`` names holding a calculated value,
    as Excel saves them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if match:
                index = int(match.group(1)) - 1
                text = content.decode("utf-8")
                for (sheet, cell), value in values.items():
                    if sheet != index:
                        continue
                    pattern = re.compile(rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)<v\s*/>')
                    text, count = pattern.subn(lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>", text)
                    assert count == 1, (sheet, cell)
                content = text.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def totals_cached(where: dict[str, Any], sheet: int = 0) -> dict[tuple[int, str], object]:
    """The calculated values of Phụ lục I's total row, as Excel would save them."""
    data = records("appendix1.csv")
    sums = [sum(int(r[c]) for r in data) for c in ["tmdt", *(f"y{y}" for y in YEARS)]]
    return {(sheet, f"{letter}{where['total']}"): value for letter, value in zip("DEFGHI", sums, strict=True)}


_SUM = re.compile(r"=(?:SUBTOTAL\(9,|SUM\()([A-Z]+)(\d+):([A-Z]+)(\d+)\)")


def calculated(path: Path) -> Path:
    """The workbook at ``path`` as Excel saves it after calculating: every ``=SUBTOTAL(9,…)`` and
    ``=SUM(…)`` of one column holding its value (the export's total and group rows)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    values: dict[tuple[int, str], object] = {}
    for index, ws in enumerate(workbook.worksheets):
        for cells in ws.iter_rows():
            for cell in cells:
                match = _SUM.fullmatch(str(cell.value)) if isinstance(cell.value, str) else None
                if match is None:
                    continue
                column, first, last = match.group(1), int(match.group(2)), int(match.group(4))
                found = (ws[f"{column}{row}"].value for row in range(first, last + 1))
                values[(index, cell.coordinate)] = sum(v for v in found if isinstance(v, int))
    path.write_bytes(with_cached(path.read_bytes(), values))
    return path
