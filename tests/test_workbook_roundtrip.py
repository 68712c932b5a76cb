"""Export → import is the identity: the appendices written as a workbook by ``plan272
export-tables`` and read back by ``plan272 import`` are the plan's CSV files byte for byte — for
Plan 272, for the second plan (three tables of three kinds, funding-source columns, a table without
groups, a file separated by ``;``), in both languages, and for plans of any shape (hypothesis)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from entry import run_main
from plan272.load import load_plan
from plan272.load.files import LIMITS
from plan272.workbook.cells import read_workbook
from plan272.workbook.csvfiles import read_csv_table
from plan272.workbook.export import export_tables
from plan272.workbook.importer import import_workbook
from plans import DATA, ROOT
from test_shapes import shapes, write

PLAN2 = ROOT / "tests" / "fixtures" / "plan2"
ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_main([str(a) for a in args], ROOT, ENV)


def files(directory: Path) -> list[str]:
    result = load_plan(directory)
    assert result.plan is not None
    return [a.file for a in result.plan.appendices]


@pytest.mark.parametrize("plan", [DATA, PLAN2], ids=["plan272", "plan2"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_export_then_import_gives_the_csv_files_back_byte_for_byte(
    tmp_path: Path, plan: Path, lang: str
) -> None:
    book = tmp_path / "tables.xlsx"
    exported = cli("export-tables", plan, "-o", book, "--lang", lang)
    assert exported.returncode == 0, exported.stderr
    out = tmp_path / "out"
    out.mkdir()
    imported = cli("import", book, plan, "--output-dir", out)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    for name in files(plan):
        assert (out / name).read_bytes() == (plan / name).read_bytes(), name
    assert "Traceback" not in imported.stderr


def test_the_workbook_alone_carries_the_ids_and_source_lines(tmp_path: Path) -> None:
    """Into a plan directory that has plan.yaml and no CSV file yet, the import writes the shipped
    files exactly: the ids and source lines come from the workbook's own columns."""
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", DATA, "-o", book).returncode == 0
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(DATA / "plan.yaml", fresh / "plan.yaml")
    imported = cli("import", book, fresh)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    for name in ("appendix1.csv", "appendix2.csv"):
        assert (fresh / name).read_bytes() == (DATA / name).read_bytes()
    assert "wrote" in imported.stderr
    # and read back: the plan validates as the shipped one does (its nine findings)
    checked = cli("validate", fresh, "--format", "json")
    assert checked.returncode == 1 and '"error": 5' in checked.stdout


def test_check_of_a_fresh_export_finds_no_difference(tmp_path: Path) -> None:
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", DATA, "-o", book).returncode == 0
    same = cli("import", book, DATA, "--check")
    assert same.returncode == 0, same.stdout
    assert same.stdout.rstrip().endswith("The workbook holds what the plan's files hold.")


def test_importing_what_the_files_hold_needs_no_force(tmp_path: Path) -> None:
    """An import that would write the bytes a file already has leaves it alone (no --force
    needed); one that changes a file needs --force, and without it nothing is written."""
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", plan, "-o", book).returncode == 0
    again = cli("import", book, plan)
    assert again.returncode == 0 and "unchanged" in again.stderr
    lines = (plan / "appendix1.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",8000,", ",8500,", 1)  # I.1 2021, changed since the export
    (plan / "appendix1.csv").write_text("".join(lines), encoding="utf-8")
    changed = (plan / "appendix1.csv").read_bytes()
    refused = cli("import", book, plan)
    assert refused.returncode == 2 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert (plan / "appendix1.csv").read_bytes() == changed
    forced = cli("import", book, plan, "--force")
    assert forced.returncode == 0
    assert (plan / "appendix1.csv").read_bytes() == (DATA / "appendix1.csv").read_bytes()


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(shapes())
def test_a_plan_of_any_shape_survives_export_and_import(shape: object) -> None:
    """Any period, one to three tables of any kind, with or without groups and funding-source
    columns, marks and notes: the library's export read back by its import is every file's bytes,
    with no problem."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "plan"
        loaded = write(shape, directory)  # type: ignore[arg-type]
        assert loaded.plan is not None
        meta = loaded.plan.meta
        tables = {a.id: read_csv_table(directory, meta, a)[0] for a in meta.appendices}
        data, notes = export_tables(meta, tables, "vi")
        assert notes == []
        book = Path(tmp) / "book.xlsx"
        book.write_bytes(data)
        result = import_workbook(read_workbook(book, LIMITS), meta, {a.id: None for a in meta.appendices})
        assert result.problems == []
        assert [t.appendix.id for t in result.tables] == [a.id for a in meta.appendices]
        for table in result.tables:
            assert table.csv_bytes() == (directory / table.appendix.file).read_bytes()


def test_a_file_in_a_declared_encoding_is_written_back_in_it(tmp_path: Path) -> None:
    """Phụ lục II kept in Windows-1258 (tone marks as combining characters, as that encoding writes
    Vietnamese), as plan.yaml declares it: the import writes it back byte for byte."""
    from plan272.workbook.csvfiles import encode

    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    text = (plan / "appendix2.csv").read_text(encoding="utf-8")
    (plan / "appendix2.csv").write_bytes(encode(text, "windows-1258"))
    yaml = (plan / "plan.yaml").read_text(encoding="utf-8")
    declared = yaml.replace(
        "    file: appendix2.csv\n", "    file: appendix2.csv\n    csv: {encoding: windows-1258}\n", 1
    )
    assert declared != yaml
    (plan / "plan.yaml").write_text(declared, encoding="utf-8")
    assert [p for p in load_plan(plan).problems if p.location.file.endswith("appendix2.csv")] == []
    book = tmp_path / "tables.xlsx"
    assert cli("export-tables", plan, "-o", book).returncode == 0
    out = tmp_path / "out"
    assert cli("import", book, plan, "-o", out).returncode == 0
    assert (out / "appendix2.csv").read_bytes() == (plan / "appendix2.csv").read_bytes()
    assert (out / "appendix1.csv").read_bytes() == (DATA / "appendix1.csv").read_bytes()
