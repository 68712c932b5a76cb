"""``plan272 import`` of workbooks in the shapes offices keep (tests/officebooks.py): every shape
reproduces the shipped CSV files exactly; every cell that cannot be placed is a problem located by
sheet and cell, with a stable code, and then nothing is written."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import officebooks
from entry import run_main
from plan272.load import load_plan
from plan272.load.files import LIMITS, Limits
from plan272.workbook.cells import WorkbookError, read_workbook
from plan272.workbook.csvfiles import read_csv_table
from plan272.workbook.importer import ImportResult, import_workbook
from plans import DATA, ROOT

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_main([str(a) for a in args], ROOT, ENV)


def read(path: Path, data: Path = DATA, limits: Limits = LIMITS) -> ImportResult:
    loaded = load_plan(data)
    assert loaded.plan is not None
    meta = loaded.plan.meta
    existing = {a.id: read_csv_table(data, meta, a)[0] for a in meta.appendices}
    return import_workbook(read_workbook(path, limits), meta, existing)


def problems(result: ImportResult) -> list[tuple[str, str]]:
    return [(p.code, str(p.place)) for p in result.problems]


SHAPES = [
    {},
    {"total_at": "top", "merged_groups": False, "spacers": False, "column_numbers": False},
    {"total_at": "top", "merged_groups": True, "spacers": True, "column_numbers": False},
]


@pytest.mark.parametrize("shape", SHAPES, ids=["bottom-merged-spaced", "top-plain", "top-merged"])
def test_an_office_workbook_reproduces_the_shipped_files(tmp_path: Path, shape: dict[str, Any]) -> None:
    """Title rows, a merged two-row header, group rows merged across (or in two cells), spacer
    rows, the total at the top or the bottom (formulas with the values Excel saved), no id column:
    the rows take their ids from the rows of the same name, the columns the workbook does not print
    (attt, note, source_line) are kept, ``Văn phòng UBND tỉnh*`` is the unit and its mark."""
    workbook, first, _ = officebooks.both(**shape)
    book = officebooks.save(workbook, tmp_path / "office.xlsx", officebooks.totals_cached(first))
    out = tmp_path / "out"
    out.mkdir()
    result = cli("import", book, DATA, "-o", out)
    assert result.returncode == 0, result.stdout
    for name in ("appendix1.csv", "appendix2.csv"):
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name
    # the totals printed in the workbook are proposed for plan.yaml, and agree with it
    assert result.stdout.count(": the totals plan.yaml declares") == 3
    assert f"Appendix I, total row ('PL1'!A{first['total']}): the totals plan.yaml declares" in result.stdout


def test_the_three_problems_of_the_issue_each_by_sheet_and_cell(tmp_path: Path) -> None:
    """A formula Excel never calculated, a number stored as text that the plan's notation cannot
    read, a stray note row: each reported by sheet and cell, and nothing written (exit 1)."""
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    i3, i1 = where["rows"]["I.3"], where["rows"]["I.1"]
    ws.cell(i3, 6, "=E11-80000")  # I.3's 2022, a formula saved without its value
    ws.cell(i1, 4, "20.200")  # I.1's TMĐT as text, in Vietnamese notation; plan.yaml declares plain
    spacer = where["groups"]["II"] - 1
    ws.cell(spacer, 2, "Ghi chú: số liệu tạm tính, chờ Sở Tài chính thẩm định")
    book = officebooks.save(workbook, tmp_path / "office.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert problems(result) == [
        ("number", f"'PL1'!D{i1}"),
        ("formula", f"'PL1'!F{i3}"),
        ("stray", f"'PL1'!B{spacer}"),
    ]
    assert [p.value for p in result.problems] == [
        "20.200",
        "=E11-80000",
        "Ghi chú: số liệu tạm tính, chờ Sở Tài chính thẩm định",
    ]
    out = tmp_path / "out"
    out.mkdir()
    run = cli("import", book, DATA, "-o", out, "--sheet", "appendix1=PL1")
    assert run.returncode == 1
    assert list(out.iterdir()) == []
    for _, place in problems(result):
        assert f"\n{place}: " in "\n" + run.stdout
    assert run.stdout.rstrip().endswith("3 problems in " + str(book) + ": nothing written")


def test_a_number_stored_as_text_is_read_in_the_declared_notation(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    yaml = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(
        yaml.replace("csv_number_format: plain", "csv_number_format: vi"), "utf-8"
    )
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["rows"]["I.1"], 4, "20.200")  # 20200 in Vietnamese notation
    ws.cell(where["rows"]["I.2"], 4, "20000")  # plain digits as text: the same in every notation
    ws.cell(where["rows"]["I.3"], 4, " 100.000 ")
    book = officebooks.save(workbook, tmp_path / "office.xlsx", officebooks.totals_cached(where))
    result = read(book, plan)
    assert result.problems == []
    assert result.tables[0].csv_bytes() == (DATA / "appendix1.csv").read_bytes()
    # in the plain notation "20.200" is refused (above); plain digits as text are read in it too
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["rows"]["I.2"], 4, "20000")
    book = officebooks.save(workbook, tmp_path / "plain.xlsx", officebooks.totals_cached(where))
    assert read(book).problems == []


def test_a_formula_is_read_by_the_value_excel_saved_with_it(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    i1 = where["rows"]["I.1"]
    ws.cell(i1, 4, f"=SUM(E{i1}:I{i1})*1.1/1.1")  # I.1's TMĐT as the sum of its years: 20,200
    # as Excel saves it: the binary arithmetic's noise, which Excel shows (15 digits) as 20200
    cached = {**officebooks.totals_cached(where), (0, f"D{i1}"): repr(20200 * 1.1 / 1.1 + 3.7e-12)}
    book = officebooks.save(workbook, tmp_path / "office.xlsx", cached)
    result = read(book)
    assert result.problems == []
    assert result.tables[0].csv_bytes() == (DATA / "appendix1.csv").read_bytes()
    # the same formula saved without its value: located, never a 0
    book = officebooks.save(workbook, tmp_path / "uncached.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert problems(result) == [("formula", f"'PL1'!D{i1}")]


def test_the_total_row_saved_without_values_proposes_nothing_and_says_so(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    book = officebooks.save(workbook, tmp_path / "office.xlsx")  # the totals never calculated
    result = read(book)
    assert result.problems == []
    notes = [(n.code, str(n.place)) for n in result.notes if n.code != "no-sheet"]
    assert notes == [("total-uncalculated", f"'PL1'!A{where['total']}")]
    assert result.tables[0].proposals == []


def test_merged_cells_in_the_rows(tmp_path: Path) -> None:
    """An investor merged over two projects is each project's (the sheet shows it so); an amount
    merged over two rows belongs to neither for sure: a problem naming the range."""
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    i4, i5 = where["rows"]["I.4"], where["rows"]["I.5"]  # both of Sở Thông tin và Truyền thông
    ws.cell(i5, 3).value = None
    ws.merge_cells(start_row=i4, start_column=3, end_row=i5, end_column=3)
    book = officebooks.save(workbook, tmp_path / "merged.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert result.problems == []
    assert result.tables[0].csv_bytes() == (DATA / "appendix1.csv").read_bytes()
    ws.cell(i5, 4).value = None
    ws.merge_cells(start_row=i4, start_column=4, end_row=i5, end_column=4)
    book = officebooks.save(workbook, tmp_path / "merged-amount.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert ("merged", f"'PL1'!D{i4}:D{i5}") in problems(result)


@pytest.mark.parametrize(
    ("value", "number_format", "code"),
    [
        (dt.date(2021, 2, 1), "dd/mm/yyyy", "date"),
        (True, "General", "bool"),
        (20200.5, "General", "number"),
        (-20200, "General", "number"),
        (20200000, "#,##0,", "unit"),  # shows 20,200: the cell holds đồng in thousands
        ("hai mươi nghìn", "General", "number"),
        (1e16, "General", "number"),
    ],
    ids=["date", "bool", "fraction", "negative", "scaled", "words", "huge"],
)
def test_a_cell_that_holds_no_amount(tmp_path: Path, value: object, number_format: str, code: str) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    cell = ws.cell(where["rows"]["III.2"], 4, value)
    cell.number_format = number_format
    book = officebooks.save(workbook, tmp_path / "cell.xlsx", officebooks.totals_cached(where))
    assert problems(read(book)) == [(code, f"'PL1'!D{where['rows']['III.2']}")]


def test_an_error_value(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    cell = ws.cell(where["rows"]["III.2"], 5, "#REF!")
    cell.data_type = "e"
    book = officebooks.save(workbook, tmp_path / "error.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert problems(result) == [("error", f"'PL1'!E{where['rows']['III.2']}")]
    assert result.problems[0].value == "#REF!"


def test_amounts_in_another_unit(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(4, 1, "Đơn vị tính: tỷ đồng")
    book = officebooks.save(workbook, tmp_path / "ty.xlsx", officebooks.totals_cached(where))
    assert problems(read(book)) == [("unit", "'PL1'!A4")]
    ws.cell(4, 1, "ĐVT: Triệu đồng")
    ws.cell(where["header"], 4, "Dự kiến TMĐT (tỷ đồng)")
    book = officebooks.save(workbook, tmp_path / "header.xlsx", officebooks.totals_cached(where))
    assert problems(read(book)) == [("unit", f"'PL1'!D{where['header']}")]


def test_columns_the_plan_does_not_have(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    header, i1, i2 = where["header"], where["rows"]["I.1"], where["rows"]["I.2"]
    ws.cell(header, 10, "Đơn vị phối hợp")  # a title no column of the plan has, over two values
    ws.cell(i1, 10, "Sở Tài chính")
    ws.cell(i2, 10, "Sở Nội vụ")
    ws.cell(header, 11, "Ghi chú nội bộ")  # the same over an empty column: nothing to lose
    ws.cell(i1, 12, "?")  # a value in a column without a title
    book = officebooks.save(workbook, tmp_path / "columns.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert problems(result) == [("column-unknown", f"'PL1'!J{header}"), ("no-title", f"'PL1'!L{i1}")]
    assert result.problems[0].message.args["count"].value == 2  # type: ignore[union-attr]


def test_a_year_outside_the_period_and_a_missing_column(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["header"] + 1, 10, 2026)
    ws.cell(where["rows"]["I.1"], 10, 5000)
    book = officebooks.save(workbook, tmp_path / "2026.xlsx", officebooks.totals_cached(where))
    assert problems(read(book)) == [("column-year", f"'PL1'!J{where['header'] + 1}")]
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["header"], 3, "Đơn vị thực hiện")  # not how the plan titles its investors
    book = officebooks.save(workbook, tmp_path / "investor.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert ("column-missing", f"'PL1'!A{where['header']}") in problems(result)
    assert result.problems[-1].message.args["column"] == "investor"
    assert result.tables == []


def test_rows_before_any_group_and_a_second_total_row(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1(merged_groups=False)
    ws = workbook.active
    assert ws is not None
    ws.cell(where["groups"]["I"], 1).value = None  # group I's row loses its number and title
    ws.cell(where["groups"]["I"], 2).value = None
    total = where["total"]
    for column in range(1, 10):
        ws.cell(total + 1, column, ws.cell(total, column).value)
    book = officebooks.save(workbook, tmp_path / "groups.xlsx", officebooks.totals_cached(where))
    result = read(book)
    assert problems(result) == [
        ("no-group", f"'PL1'!A{where['rows']['I.1']}"),
        ("total-twice", f"'PL1'!A{total + 1}"),
    ]
    assert result.problems[0].message.args["count"] == 6


def test_a_new_group_and_a_new_row(tmp_path: Path) -> None:
    """A group plan.yaml does not declare is proposed for it; a row without an id whose name no
    row of the file has gets one from its group and number."""
    workbook, where = officebooks.appendix1(spacers=False)
    ws = workbook.active
    assert ws is not None
    total = where["total"]
    ws.insert_rows(total, 2)
    ws.cell(total, 1, "V")
    ws.cell(total, 2, "ĐÀO TẠO, BỒI DƯỠNG")
    for column, value in enumerate(
        [1, "Đào tạo an toàn thông tin", "Sở Nội vụ", 500, 100, 100, 100, 100, 100], 1
    ):
        ws.cell(total + 1, column, value)
    book = officebooks.save(workbook, tmp_path / "new.xlsx")
    result = read(book)
    assert result.problems == []
    table = result.tables[0]
    assert table.records[-1]["id"] == "V.1" and table.records[-1]["section"] == "V"
    assert ("V.1", f"'PL1'!A{total + 1}", "number") in [(i, str(p), h) for i, p, h in table.given]
    new = [p for p in table.proposals if p.group == "V"]
    assert len(new) == 1 and new[0].current_title is None and new[0].title == "ĐÀO TẠO, BỒI DƯỠNG"
    out = cli("import", book, DATA, "--check")
    assert out.returncode == 1
    assert f"+ group V ĐÀO TẠO, BỒI DƯỠNG ('PL1'!A{total}): not in plan.yaml" in out.stdout
    assert f"+ V.1 Đào tạo an toàn thông tin ('PL1'!A{total + 1}): not in appendix1.csv" in out.stdout


def test_sheets_are_found_by_name_or_title_or_chosen(tmp_path: Path) -> None:
    workbook, first, _ = officebooks.both()
    workbook["PL1"].title = "Danh mục"  # named like nothing: found by its title rows (PHỤ LỤC I)
    book = officebooks.save(workbook, tmp_path / "titled.xlsx", officebooks.totals_cached(first))
    result = read(book)
    assert result.problems == [] and [t.sheet for t in result.tables] == ["Danh mục", "PL2"]
    # two sheets that both look like Phụ lục I: a problem, resolved with --sheet
    copy = workbook.copy_worksheet(workbook["Danh mục"])
    copy.title = "PL 1"
    workbook["Danh mục"].title = "Phụ lục I"
    book = officebooks.save(workbook, tmp_path / "two.xlsx", officebooks.totals_cached(first))
    result = read(book)
    assert problems(result) == [("sheet-ambiguous", "'PL 1'")] and result.tables[0].appendix.id == "appendix2"
    chosen = cli("import", book, DATA, "--check", "--sheet", "appendix1=PL 1")
    assert chosen.returncode == 0, chosen.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--sheet", "appendix9=PL1"], "appendix9"),
        (["--sheet", "appendix1=PL9"], "PL9"),
        (["--sheet", "appendix1"], "APPENDIX=SHEET"),
    ],
)
def test_a_sheet_option_that_names_nothing(tmp_path: Path, args: list[str], words: str) -> None:
    workbook, _, _ = officebooks.both()
    book = officebooks.save(workbook, tmp_path / "book.xlsx")
    out = cli("import", book, DATA, "--check", *args)
    assert out.returncode == 2 and words in out.stderr and "Traceback" not in out.stderr


def test_a_workbook_with_no_sheet_of_the_plan(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Tổng hợp"
    ws["A1"] = "Báo cáo khác"
    book = officebooks.save(workbook, tmp_path / "other.xlsx")
    out = cli("import", book, DATA, "--check")
    assert out.returncode == 2 and "no sheet of" in out.stderr


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    for name, data in (("plan.xlsx", b"id,section\n"), ("empty.xlsx", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        out = cli("import", path, DATA, "--check")
        assert out.returncode == 2 and "not an .xlsx workbook" in out.stderr and "Traceback" not in out.stderr
    missing = cli("import", tmp_path / "none.xlsx", DATA)
    assert missing.returncode == 2 and "workbook not found" in missing.stderr


def test_input_is_bounded(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    book = officebooks.save(workbook, tmp_path / "office.xlsx", officebooks.totals_cached(where))
    # rows beyond --max-rows (and the rows allowed for titles and notes): reading stops, said
    few = Limits(max_rows=1)
    ws = workbook.active
    assert ws is not None
    ws.cell(200, 1, "x")
    big = officebooks.save(workbook, tmp_path / "long.xlsx", officebooks.totals_cached(where))
    result = read(big, limits=few)
    assert ("limit", "'PL1'!A200") in problems(result)
    # a file over --max-file-size, and one that unpacks to more than 8 times it, are not read
    size = book.stat().st_size
    with pytest.raises(WorkbookError) as refused:
        read_workbook(book, Limits(max_bytes=size - 1))
    assert refused.value.message.key == "workbook.file.too-large"
    assert read_workbook(book, Limits(max_bytes=size))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"<a>" * 1_000_000)  # 3 MB that pack into a few KB
    assert bomb.stat().st_size < 100_000
    with pytest.raises(WorkbookError) as refused:
        read_workbook(bomb, Limits(max_bytes=100_000))
    assert refused.value.message.key == "workbook.file.unpacks"


def test_at_most_max_problems_are_listed_and_the_rest_counted(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    for project in ("I.1", "I.2", "I.3", "I.4"):
        ws.cell(where["rows"][project], 4, "n/a")
    book = officebooks.save(workbook, tmp_path / "many.xlsx", officebooks.totals_cached(where))
    out = cli("import", book, DATA, "--check", "--max-problems", "2")
    assert out.returncode == 1
    listed = [line for line in out.stdout.splitlines() if ": number: " in line]
    assert len(listed) == 2
    assert "… and 2 more problems (at most 2 are listed: see --max-problems)" in out.stdout
    assert "4 problems in " in out.stdout


def test_a_column_the_file_does_not_have_yet_is_added_in_its_place(tmp_path: Path) -> None:
    """The document's "Dự kiến quy mô, nội dung thực hiện" column becomes the CSV's optional
    description column, placed where the plan's columns put it (before source_line)."""
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["header"], 10, "Dự kiến quy mô, nội dung thực hiện")
    ws.cell(where["rows"]["I.1"], 10, "- Mua các bản quyền phần mềm.\n- Bổ sung trang thiết bị CNTT.")
    book = officebooks.save(workbook, tmp_path / "description.xlsx", officebooks.totals_cached(where))
    out = tmp_path / "out"
    result = cli("import", book, DATA, "-o", out)
    assert result.returncode == 0, result.stdout
    written = (out / "appendix1.csv").read_text(encoding="utf-8")
    assert written.startswith(
        "id,section,tt,name,investor,tmdt,y2021,y2022,y2023,y2024,y2025,attt,description,source_line\n"
    )
    assert ',,"- Mua các bản quyền phần mềm.\n- Bổ sung trang thiết bị CNTT.",715\n' in written
    shutil.copy(DATA / "plan.yaml", out / "plan.yaml")
    shutil.copy(DATA / "appendix2.csv", out / "appendix2.csv")
    assert load_plan(out).problems == []


def test_text_from_the_workbook_is_shown_never_obeyed(tmp_path: Path) -> None:
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    spacer = where["groups"]["II"] - 1
    ws.cell(spacer, 2, "Ghi chú\n::error file=x::forged \u202ereversed")  # XML holds no ESC
    book = officebooks.save(workbook, tmp_path / "hostile.xlsx", officebooks.totals_cached(where))
    out = cli("import", book, DATA, "--check")
    assert out.returncode == 1
    assert "(found 'Ghi chú\\n:\\:error file=x:\\:forged \\u202ereversed')" in out.stdout
    assert not any(line.startswith("::") for line in out.stdout.splitlines())
    assert "\u202e" not in out.stdout
