"""``plan272 import --check``: a workbook revision against the plan's files — each changed cell with
its old and new value and the workbook's cell, rows added, removed and moved, declared totals and
groups against plan.yaml; exit 1 when anything differs, 0 when nothing does."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook

import officebooks
from entry import run_main
from plan272.load import load_plan
from plan272.load.files import LIMITS
from plan272.workbook.cells import read_workbook
from plan272.workbook.check import compare
from plan272.workbook.csvfiles import read_csv_table
from plan272.workbook.importer import import_workbook
from plans import DATA, ROOT

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_main([str(a) for a in args], ROOT, ENV)


def exported(tmp_path: Path) -> Path:
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", DATA, "-o", book, "--lang", "vi").returncode == 0
    return book


def differences(book: Path) -> list[tuple[str, str, str | None, str | None, str | None, str | None]]:
    loaded = load_plan(DATA)
    assert loaded.plan is not None
    meta = loaded.plan.meta
    existing = {a.id: read_csv_table(DATA, meta, a)[0] for a in meta.appendices}
    result = import_workbook(read_workbook(book, LIMITS), meta, existing)
    assert result.problems == []
    found = compare(result.tables, existing, meta)
    return [(d.kind, d.appendix, d.row, d.column, d.old, d.new) for d in found]


def edit(book: Path, changes: dict[str, object], sheet: str = "Phụ lục I") -> Path:
    workbook = load_workbook(book)
    for cell, value in changes.items():
        workbook[sheet][cell] = value
    workbook.save(book)
    return book


def test_an_unchanged_workbook_has_no_difference(tmp_path: Path) -> None:
    book = exported(tmp_path)
    assert differences(book) == []
    out = cli("import", book, DATA, "--check", "--lang", "vi")
    assert out.returncode == 0
    assert "Phụ lục I: 'Phụ lục I' khớp với appendix1.csv" in out.stdout
    assert out.stdout.rstrip().endswith("Bảng tính khớp với các tệp của kế hoạch.")


def test_a_changed_amount_and_a_changed_name(tmp_path: Path) -> None:
    book = edit(exported(tmp_path), {"E9": 8500, "B10": "Đề án chuyển đổi số Trường Chính trị tỉnh"})
    assert differences(book) == [
        ("changed", "appendix1", "I.1", "y2021", "8000", "8500"),
        (
            "changed",
            "appendix1",
            "I.2",
            "name",
            "Đẩy mạnh ứng dụng CNTT trong công tác quản lý giảng dạy và học tập tại Trường Chính trị tỉnh "
            "Thanh Hóa giai đoạn 2021 - 2025",
            "Đề án chuyển đổi số Trường Chính trị tỉnh",
        ),
    ]
    out = cli("import", book, DATA, "--check")
    assert out.returncode == 1
    assert "  ~ I.1 y2021: 8,000 → 8,500 ('Phụ lục I'!E9)" in out.stdout
    assert out.stdout.rstrip().endswith("2 differences between the workbook and the plan's files.")
    vi = cli("import", book, DATA, "--check", "--lang", "vi")
    assert "  ~ I.1 y2021: 8.000 → 8.500 ('Phụ lục I'!E9)" in vi.stdout
    assert vi.stdout.rstrip().endswith("2 khác biệt giữa bảng tính và các tệp của kế hoạch.")


def test_rows_added_removed_and_moved(tmp_path: Path) -> None:
    book = exported(tmp_path)
    workbook = load_workbook(book)
    ws = workbook["Phụ lục I"]
    assert [ws.cell(r, 11).value for r in (13, 14, 16, 17)] == ["I.5", "I.6", "II.1", "II.2"]
    ws.delete_rows(13)  # I.5
    ws.cell(13, 11).value = "I.7"  # I.6 written with a new id: I.6 removed, I.7 added
    first, second = [c.value for c in ws[15]], [c.value for c in ws[16]]  # II.1 and II.2 swapped
    for column, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        ws.cell(15, column).value, ws.cell(16, column).value = b, a
    workbook.save(book)
    assert sorted(differences(book)) == [
        ("added", "appendix1", "I.7", None, None, None),
        ("order", "appendix1", "II.2", None, None, None),
        ("removed", "appendix1", "I.5", None, None, None),
        ("removed", "appendix1", "I.6", None, None, None),
    ]


def test_declared_totals_and_group_titles_against_plan_yaml(tmp_path: Path) -> None:
    """The total row Excel calculated (here: one year of I.1 changed, the total row follows) and a
    group retitled: each a difference with plan.yaml."""
    workbook, where, _ = officebooks.both()
    ws = workbook["PL1"]
    ws.cell(where["groups"]["IV"], 1, "IV. AN TOÀN, AN NINH MẠNG")
    ws.cell(where["rows"]["I.1"], 5, 9000)
    cached = officebooks.totals_cached(where)
    total = where["total"]
    cached[(0, f"D{total}")] = 1458818
    cached[(0, f"E{total}")] = 262318 + 1000
    book = officebooks.save(workbook, tmp_path / "office.xlsx", cached)
    assert differences(book) == [
        ("changed", "appendix1", "I.1", "y2021", "8000", "9000"),
        ("title", "appendix1", "IV", "title", "AN TOÀN THÔNG TIN", "AN TOÀN, AN NINH MẠNG"),
        ("declared", "appendix1", None, "2021", "262318", "263318"),
    ]
    out = cli("import", book, DATA, "--check")
    assert out.returncode == 1
    assert f"~ Appendix I 2021: plan.yaml 262,318, the workbook 263,318 ('PL1'!A{total})" in out.stdout


def test_the_json_report_is_the_same_in_every_language_but_its_messages(tmp_path: Path) -> None:
    import json

    book = edit(exported(tmp_path), {"E9": 8500})
    reports = {}
    for lang in ("en", "vi"):
        out = cli("import", book, DATA, "--check", "--format", "json", "--lang", lang)
        assert out.returncode == 1
        reports[lang] = json.loads(out.stdout)
    en, vi = reports["en"], reports["vi"]
    assert en["version"] == 1 and en["differ"] is True and en["problems"] == []
    changed = en["differences"][0]
    assert {k: changed[k] for k in ("kind", "appendix", "row", "column", "old", "new", "sheet", "cell")} == {
        "kind": "changed",
        "appendix": "appendix1",
        "row": "I.1",
        "column": "y2021",
        "old": "8000",
        "new": "8500",
        "sheet": "Phụ lục I",
        "cell": "E9",
    }

    def without_messages(value: object) -> object:
        if isinstance(value, dict):
            return {k: without_messages(v) for k, v in value.items() if k != "message"}
        if isinstance(value, list):
            return [without_messages(v) for v in value]
        return value

    assert without_messages(en) == without_messages(vi)
    assert changed["message"] != vi["differences"][0]["message"]
    # and an import that writes says what it wrote
    out_dir = tmp_path / "out"
    written = cli("import", book, DATA, "-o", out_dir, "--format", "json")
    assert written.returncode == 0
    assert json.loads(written.stdout)["written"] == [
        str(out_dir / "appendix1.csv"),
        str(out_dir / "appendix2.csv"),
    ]
