"""``plan272 export-tables``: the appendices in the document's layout — the printed titles, a
two-row header, group rows, amounts as numbers formatted ``#,##0``, total rows of formulas Excel
recalculates, the row ids and source lines in columns of their own; text never a formula; never
over a file without ``--force``; openpyxl not loaded by ``--help``."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from entry import run_main
from plan272.load.files import LIMITS
from plan272.workbook.cells import read_workbook
from plans import DATA, ROOT

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_main([str(a) for a in args], ROOT, ENV)


def test_the_sheets_are_laid_out_as_the_document_prints_the_tables(tmp_path: Path) -> None:
    book = tmp_path / "tables.xlsx"
    out = cli("export-tables", DATA, "-o", book, "--lang", "vi")
    assert out.returncode == 0 and out.stdout == ""
    assert out.stderr.startswith(f"plan272: đã ghi {book} (Phụ lục I, Phụ lục II)")
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["Phụ lục I", "Phụ lục II"]
    ws = workbook["Phụ lục I"]
    assert [ws.cell(r, 1).value for r in range(1, 5)] == [
        "Phụ lục I",
        "Danh mục dự án ứng dụng CNTT giai đoạn 2021-2025",
        "(Kèm theo Kế hoạch số 272/KH-UBND ngày 21 tháng 12 năm 2020)",
        "Đơn vị tính: triệu đồng",
    ]
    assert [ws.cell(6, c).value for c in range(1, 6)] == [
        "TT",
        "Danh mục dự án",
        "Chủ đầu tư",
        "Dự kiến TMĐT",
        "Dự kiến nhu cầu bố trí vốn giai đoạn 2021-2025",
    ]
    assert [ws.cell(7, c).value for c in range(5, 10)] == [f"Năm {y}" for y in range(2021, 2026)]
    assert [ws.cell(6, c).value for c in range(10, 13)] == [
        "Trong đó: kinh phí ATTT (attt)",
        "Mã dòng (id)",
        "Dòng trong văn bản (source_line)",
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A6:A7", "B6:B7", "D6:D7", "E6:I6", "K6:K7"} <= merged
    # group I, then I.1 as numbers
    assert [ws.cell(8, c).value for c in (1, 2, 4)] == ["I", "HẠ TẦNG MẠNG", None]
    assert [ws.cell(9, c).value for c in (1, 4, 5, 10, 11, 12)] == [1, 20200, 8000, None, "I.1", 715]
    assert ws.cell(9, 4).number_format == "#,##0" and ws.cell(9, 4).data_type == "n"
    assert ws.cell(9, 2).alignment.wrap_text
    # the total row: formulas over the rows, the declared total as a comment
    assert ws.cell(54, 1).value == "TỔNG CỘNG"
    assert [ws.cell(54, c).value for c in range(4, 10)] == [
        f"=SUBTOTAL(9,{letter}8:{letter}53)" for letter in "DEFGHI"
    ]
    comment = ws.cell(54, 4).comment
    assert comment is not None and "1.458.818" in comment.text
    assert ws.freeze_panes == "A8"
    # Phụ lục II's group row carries its subtotals, as the document prints them
    ws = workbook["Phụ lục II"]
    assert [ws.cell(8, c).value for c in (1, 2, 4)] == ["I", "CẤP TỈNH", "=SUBTOTAL(9,D9:D29)"]
    assert ws.cell(6, 4).value == "Tổng kinh phí 2021 - 2025"
    assert ws.cell(32, 1).value.startswith("* Văn phòng UBND tỉnh")
    assert workbook.calculation.fullCalcOnLoad


def test_english_titles(tmp_path: Path) -> None:
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", DATA, "-o", book, "--lang", "en").returncode == 0
    ws = load_workbook(book)["Appendix I"]
    assert [ws.cell(6, c).value for c in range(1, 5)] == [
        "No.",
        "Project",
        "Investor",
        "Estimated total investment (TMĐT)",
    ]
    assert ws.cell(54, 1).value == "TOTAL"


def test_text_is_never_a_formula(tmp_path: Path) -> None:
    """Names beginning with = + - @ are written as text cells with Excel's quote prefix, and read
    back as the same text: the CSV file comes back byte for byte."""
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    rows = list(csv.reader(io.StringIO((plan / "appendix1.csv").read_text(encoding="utf-8"))))
    hostile = ['=HYPERLINK("http://example.org","x")', "+84 912", "- Mua bản quyền", "@SUM(1,2)"]
    for row, name in zip(rows[1:5], hostile, strict=True):
        row[3] = name
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    (plan / "appendix1.csv").write_text(text.getvalue(), encoding="utf-8")
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", plan, "-o", book, "--lang", "vi").returncode == 0
    ws = load_workbook(book)["Phụ lục I"]
    for row, name in zip(range(9, 13), hostile, strict=True):
        cell = ws.cell(row, 2)
        assert cell.value == name and cell.data_type == "s" and cell.quotePrefix
    sheet = read_workbook(book, LIMITS)[0]
    assert [sheet.value(r, 2).text for r in range(9, 13)] == hostile  # type: ignore[union-attr]
    out = tmp_path / "out"
    out.mkdir()
    assert cli("import", book, plan, "-o", out).returncode == 0
    assert (out / "appendix1.csv").read_bytes() == (plan / "appendix1.csv").read_bytes()


def test_a_cell_that_is_no_amount_is_written_as_its_text_and_said_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    text = (plan / "appendix1.csv").read_text(encoding="utf-8")
    (plan / "appendix1.csv").write_text(text.replace(",20200,8000,", ",20200,8.000,", 1), encoding="utf-8")
    book = tmp_path / "tables.xlsx"
    out = cli("export-tables", plan, "-o", book, "--lang", "en")
    assert out.returncode == 0
    assert out.stdout.startswith("'Appendix I'!E9: note: '8.000' is not an amount")
    ws = load_workbook(book)["Appendix I"]
    assert ws["E9"].value == "8.000" and ws["E9"].data_type == "s"
    back = cli("import", book, plan, "--check")
    assert back.returncode == 1 and "'Appendix I'!E9: number: " in back.stdout
    assert "~ I.1 y2021" not in back.stdout  # a cell that could not be read is no difference


def test_never_over_a_file_without_force_and_only_as_xlsx(tmp_path: Path) -> None:
    book = tmp_path / "tables.xlsx"
    book.write_bytes(b"mine")
    out = cli("export-tables", DATA, "-o", book)
    assert out.returncode == 2 and "--force" in out.stderr and book.read_bytes() == b"mine"
    assert cli("export-tables", DATA, "-o", book, "--force").returncode == 0
    assert book.read_bytes()[:2] == b"PK"
    wrong = cli("export-tables", DATA, "-o", tmp_path / "tables.csv")
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr and not (tmp_path / "tables.csv").exists()
    missing = cli("export-tables", tmp_path / "nowhere", "-o", tmp_path / "x.xlsx")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_help_does_not_load_openpyxl() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "plan272", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert out.returncode == 0 and "export-tables" in out.stdout and "import" in out.stdout
    assert "plan272.cli.import_" in out.stderr  # the measure works: our modules are listed
    assert "openpyxl" not in out.stderr


def test_what_a_workbook_cannot_hold_is_said(tmp_path: Path) -> None:
    """A column no table of the plan has is not exported; a control character a workbook cannot
    hold is written as an escape — each said, by sheet and cell."""
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    rows = list(csv.reader(io.StringIO((plan / "appendix1.csv").read_text(encoding="utf-8"))))
    rows[0].append("phong_ban")
    for row in rows[1:]:
        row.append("")
    rows[1][3] = "Nâng cấp\x07 hệ thống"
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    (plan / "appendix1.csv").write_text(text.getvalue(), encoding="utf-8")
    book = tmp_path / "tables.xlsx"
    out = cli("export-tables", plan, "-o", book, "--lang", "vi")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("'Phụ lục I': ghi chú: cột 'phong_ban' của appendix1.csv")
    assert lines[1].startswith("'Phụ lục I'!B9: ghi chú: ") and "\\x07" in lines[1]
    ws = load_workbook(book)["Phụ lục I"]
    assert ws["B9"].value == "Nâng cấp\\x07 hệ thống"
    assert "phong_ban" not in [c.value for c in ws[6]]
