"""The README's "From Excel" section is real: each example is run as it is written, in a copy of the
shipped plan, on the workbooks it describes, and its output compared."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

import officebooks
from entry import run_main
from plans import DATA, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def block(marker: str) -> str:
    """The example after ``<!-- marker -->``."""
    after = README.split(f"<!-- {marker} -->\n", 1)[1]
    return after.split("\n", 1)[1].split("```\n", 1)[0]


def run(directory: Path, command: str) -> tuple[str, int]:
    """``$ command`` and what it printed (standard output, then standard error), as the README shows."""
    assert command.startswith("plan272 ")
    out = run_main(command.split()[1:], directory, ENV)
    shown = f"$ {command}\n{out.stdout}{out.stderr}"
    return shown, out.returncode


def test_the_section_sits_after_ci_and_before_checking_another_plan() -> None:
    headings = [line for line in README.splitlines() if line.startswith("## ")]
    at = headings.index("## From Excel")
    assert headings[at - 1] == "## In CI and in review" and headings[at + 1] == "## Checking another plan"


def test_the_examples_are_real(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    shown, code = run(tmp_path, "plan272 export-tables data -o phu-luc.xlsx --lang vi")
    assert code == 0 and shown == block("export-tables")
    # the office raises I.1's 2022 by 500, and its TMĐT with it; Excel saves it, calculated
    book = tmp_path / "phu-luc.xlsx"
    workbook = load_workbook(book)
    workbook["Phụ lục I"]["D9"] = 20700
    workbook["Phụ lục I"]["F9"] = 2800
    workbook.save(book)
    officebooks.calculated(book)
    shown, code = run(tmp_path, "plan272 import phu-luc.xlsx --check")
    assert code == 1 and shown == block("import-check")
    shown, code = run(tmp_path, "plan272 import phu-luc.xlsx --force")
    assert code == 0 and shown == block("import-write")
    changed = (tmp_path / "data" / "appendix1.csv").read_text(encoding="utf-8").splitlines()[1]
    assert ",20700,8000,2800,2300,2300,5300,,715" in changed


def test_the_office_example_is_real(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    workbook, where = officebooks.appendix1()
    ws = workbook.active
    assert ws is not None
    ws.cell(where["rows"]["I.3"], 6, "=E11-80000")
    ws.cell(where["rows"]["I.1"], 4, "20.200")
    ws.cell(where["groups"]["II"] - 1, 2, "Ghi chú: số liệu tạm tính, chờ Sở Tài chính thẩm định")
    officebooks.save(workbook, tmp_path / "office.xlsx", officebooks.totals_cached(where))
    shown, code = run(tmp_path, "plan272 import office.xlsx")
    expected = block("import-problems")
    assert expected.endswith("$ echo $?\n1\n") and code == 1
    assert shown == expected.removesuffix("$ echo $?\n1\n")
    for name in ("appendix1.csv", "appendix2.csv"):  # nothing written
        assert (tmp_path / "data" / name).read_bytes() == (DATA / name).read_bytes()
