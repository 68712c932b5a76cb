"""``plan272 init``: a new plan's files that ``validate`` accepts as written, the structure of an
existing plan copied without its rows, and a skeleton that checks a real table once filled in."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from entry import run_main
from plan272.engine import run
from plan272.load import load_plan
from plans import DATA, ROOT


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """plan272 ARGS through its entry point, in this process (see tests/entry.py)."""
    return run_main(list(args), ROOT, {"COLUMNS": "100", "PATH": "/usr/bin:/bin"})


def test_a_new_plan_validates_as_written(tmp_path: Path) -> None:
    target = tmp_path / "new"
    out = cli("init", str(target), "--period", "2026-2030")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in target.iterdir()) == ["appendix1.csv", "appendix2.csv", "plan.yaml"]
    assert (
        (target / "appendix1.csv")
        .read_text(encoding="utf-8")
        .startswith("id,section,tt,name,investor,tmdt,y2026,y2027,y2028,y2029,y2030,")
    )
    checked = cli("validate", str(target), "--format", "json")
    assert checked.returncode == 0, checked.stdout
    result = load_plan(target)
    assert result.problems == [] and result.plan is not None
    assert result.plan.years == (2026, 2027, 2028, 2029, 2030)
    # no rows yet: no share to take (SEC001, SEC002), no attt given (SEC003) — said, not passed
    assert [(f.code, f.severity.value) for f in run(result).findings] == [
        ("SEC001", "info"),
        ("SEC002", "info"),
        ("SEC003", "info"),
    ]


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "new"
    assert cli("init", str(target), "--period", "2026-2030").returncode == 0
    (target / "plan.yaml").write_text("mine\n", encoding="utf-8")
    again = cli("init", str(target), "--period", "2026-2030")
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert (target / "plan.yaml").read_text(encoding="utf-8") == "mine\n"
    assert cli("init", str(target), "--period", "2026-2030", "--force").returncode == 0
    assert (target / "plan.yaml").read_text(encoding="utf-8") != "mine\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--period", "2030-2026"],
        ["--period", "2026"],
        ["--period", "2026-2030", "--tables", "projects,budget"],
        [],  # no period and nothing to copy it from
        ["--like", "nowhere"],
    ],
)
def test_init_refuses_what_it_cannot_do(tmp_path: Path, args: list[str]) -> None:
    out = cli("init", str(tmp_path / "new"), *args)
    assert out.returncode == 2 and out.stderr.startswith("plan272: error:") and "Traceback" not in out.stderr
    assert not (tmp_path / "new").exists()


def test_like_copies_the_structure_without_rows_or_figures(tmp_path: Path) -> None:
    target = tmp_path / "next"
    out = cli("init", str(target), "--like", str(DATA), "--period", "2026-2030", "--number", "9/KH-UBND")
    assert out.returncode == 0, out.stderr
    new, old = load_plan(target), load_plan(DATA)
    assert new.problems == [] and new.plan is not None and old.plan is not None
    assert cli("validate", str(target)).returncode == 0
    pairs = list(zip(new.plan.appendices, old.plan.appendices, strict=True))
    for a, b in pairs:
        assert (a.id, a.kind, a.file, a.row_total, a.name) == (b.id, b.kind, b.file, b.row_total, b.name)
        assert [(g.id, g.title) for g in a.groups] == [(g.id, g.title) for g in b.groups]
        assert (
            a.declared is not None
            and a.declared.total == 0
            and set(a.declared.years) == set(range(2026, 2031))
        )
        assert a.marks == []  # marks explain rows, and there are none
        assert new.plan.rows(a.id) == ()
    assert pairs[0][0].title == "Danh mục dự án ứng dụng CNTT giai đoạn 2026-2030"
    policy, before = new.plan.meta.security_policy, old.plan.meta.security_policy
    assert policy is not None and before is not None
    assert policy == before.model_copy(update={"source": None})  # the source cites the old document
    assert new.plan.meta.agencies == old.plan.meta.agencies
    assert new.plan.meta.identity.number == "9/KH-UBND" and new.plan.meta.kpis == []
    norm = new.plan.meta.appendices[1].norm
    assert norm is not None and norm.per_staff_per_year == 2


def test_like_keeps_the_period_when_none_is_given(tmp_path: Path) -> None:
    assert cli("init", str(tmp_path / "again"), "--like", str(DATA)).returncode == 0
    plan = load_plan(tmp_path / "again").plan
    assert plan is not None and plan.years == (2021, 2022, 2023, 2024, 2025)


def _append(path: Path, rows: list[list[object]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(path.read_text(encoding="utf-8") + out.getvalue(), encoding="utf-8")


def test_filled_in_from_a_real_table_it_checks_that_table(tmp_path: Path) -> None:
    """The README's worked example: one projects table, two projects and its total row."""
    target = tmp_path / "plan"
    assert cli("init", str(target), "--period", "2026-2028", "--tables", "projects").returncode == 0
    _append(
        target / "appendix1.csv",
        [
            ["I.1", "I", 1, "Mạng truyền số liệu", "Sở A", 3000, 1000, 1000, 1000, "", ""],
            ["IV.1", "IV", 1, "Giám sát an toàn thông tin", "Sở B", 600, 200, 200, 100, "", ""],
        ],
    )
    plan_yaml = target / "plan.yaml"
    text = plan_yaml.read_text(encoding="utf-8")
    text = text.replace("      total: 0\n      years: {2026: 0, 2027: 0, 2028: 0}",
                        "      total: 3600\n      years: {2026: 1200, 2027: 1200, 2028: 1200}")  # fmt: skip
    plan_yaml.write_text(text.replace("  amount: 0", "  amount: 3600", 1), encoding="utf-8")
    result = load_plan(target)
    assert result.problems == []
    found = sorted((f.code, f.ids, f.detail, f.expected, f.observed) for f in run(result).findings)
    assert found == [
        ("DAT002", ("agencies",), "no-registry", None, None),  # an empty registry is said, once
        ("SEC002", ("2028",), "2028", 110, 100),  # IV.1's 100 of 1,100 in 2028
        ("SEC003", ("projects",), "no-data", None, None),
        ("SUM001", ("IV.1",), None, 500, 600),  # its years add up to 500, its TMĐT says 600
        ("SUM002", ("appendix1",), "2028", 1100, 1200),  # the total row says 1,200
        ("SUM003", ("grand_total",), "parts", 0, 3600),  # the parts still read 0
        ("SUM003", ("grand_total", "appendix1"), None, 3600, 0),
    ]


def test_titles_are_written_so_that_they_read_back_exactly(tmp_path: Path) -> None:
    title = 'Kế hoạch: "số" # 1\nhai\u2028ba\x85'
    out = cli("init", str(tmp_path / "p"), "--period", "2026-2026", "--title", title, "--number", "- 1")
    assert out.returncode == 0, out.stderr
    plan = load_plan(tmp_path / "p").plan
    assert plan is not None and (plan.meta.identity.title, plan.meta.identity.number) == (title, "- 1")


def test_a_title_that_is_not_text_is_refused(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "plan272",
            "init",
            str(tmp_path / "p"),
            "--period",
            "2026-2030",
            "--title",
            "\udcff",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        errors="surrogateescape",
    )
    assert out.returncode == 2 and "not valid text" in out.stderr and not (tmp_path / "p").exists()


@pytest.mark.parametrize("tables", ["lines", "units,lines,projects"])
def test_every_kind_of_table(tmp_path: Path, tables: str) -> None:
    target = tmp_path / "p"
    assert cli("init", str(target), "--period", "2026-2030", "--tables", tables).returncode == 0
    result = load_plan(target)
    assert result.problems == [] and result.plan is not None
    assert [a.kind for a in result.plan.appendices] == tables.split(",")
    assert not [f for f in run(result).findings if f.severity.value != "info"]


def test_like_and_tables_do_not_go_together(tmp_path: Path) -> None:
    out = cli("init", str(tmp_path / "p"), "--like", str(DATA), "--tables", "units")
    assert out.returncode == 2 and "--tables" in out.stderr and not (tmp_path / "p").exists()


def test_like_the_second_plan(tmp_path: Path) -> None:
    """Its structure comes over (three kinds of table, columns and splits, a norm of 1.5, security
    counted from a group); security counted by row names rows of the copied plan: written as a
    comment to adapt, not as a reference to rows the new plan does not have."""
    source = ROOT / "tests" / "fixtures" / "plan2"
    assert cli("init", str(tmp_path / "p"), "--like", str(source), "--period", "2031-2035").returncode == 0
    text = (tmp_path / "p" / "plan.yaml").read_text(encoding="utf-8")
    assert '    # - {appendix: dao-tao, rows: ["DT2"]}  # rows of the copied plan' in text
    result = load_plan(tmp_path / "p")
    assert result.problems == [] and result.plan is not None
    old = load_plan(source).plan
    assert old is not None
    for a, b in zip(result.plan.appendices, old.appendices, strict=True):
        assert (a.kind, a.row_total, a.columns, a.splits, a.norm) == (
            b.kind,
            b.row_total,
            b.columns,
            b.splits,
            b.norm,
        )
    assert not [f for f in run(result).findings if f.severity.value != "info"]
