"""Plans of other shapes than Plan 272, described by their data: each case of issue 9's review gives
the right verdict — one appendix, totals beyond the period, notes and marks, a decimal norm,
targets outside the period, a grand total with parts no table itemises — and the definitions the
rules and diff share (a weaker target) agree on both paths."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plan272.diff import diff_plans
from plan272.engine import Report, run
from plan272.figures import security_account, weakened
from plan272.findings import Finding
from plan272.load import LoadResult, load_plan
from plan272.model import Target
from plan272.rules import catalogue, get_rule
from plan272.summary import build_summary
from plans import DATA, ROOT
from shapes import identity, write_plan

P_HEADER = ["id", "section", "tt", "name", "investor", "tmdt", "y2026", "y2027", "y2028", "attt"]
U_HEADER = ["id", "section", "tt", "unit", "staff", "total", "y2026", "y2027", "y2028", "note"]
AGENCIES = [{"id": "a", "name": "Sở A"}, {"id": "b", "name": "Sở B"}]


def projects(row_total: str = "period", **extra: Any) -> dict[str, Any]:
    return {
        "id": "projects",
        "name": "Phụ lục I",
        "file": "projects.csv",
        "kind": "projects",
        "row_total": row_total,
        "groups": [{"id": "I", "title": "HẠ TẦNG"}, {"id": "S", "title": "AN TOÀN THÔNG TIN"}],
        **extra,
    }


def units(marks: list[dict[str, Any]] | None = None, norm: Any = 2) -> dict[str, Any]:
    return {
        "id": "units",
        "name": "Phụ lục II",
        "file": "units.csv",
        "kind": "units",
        "groups": [{"id": "I", "title": "CẤP TỈNH"}],
        "norm": {"per_staff_per_year": norm},
        "marks": marks or [],
    }


def plan(tmp: Path, appendices: list[dict[str, Any]], tables: dict[str, Any], **more: Any) -> LoadResult:
    meta = {
        "schema_version": 2,
        "identity": identity(2026, 2028),
        "appendices": appendices,
        "agencies": AGENCIES,
        **more,
    }
    return load_plan(write_plan(tmp / "plan", meta, tables))


def found(result: LoadResult, code: str) -> list[Finding]:
    assert result.plan is not None, [str(p) for p in result.problems]
    return [f for f in run(result).findings if f.code == code]


def facts(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [(f.code, f.severity.value, f.ids, f.detail, f.expected, f.observed) for f in findings]


# --- one appendix, the grand total and its parts ----------------------------------------------------

ONE_TABLE = {
    "projects.csv": [
        P_HEADER,
        ["P1", "I", 1, "Mạng", "Sở A", 300, 100, 100, 100, ""],
        ["P2", "S", 1, "An toàn", "Sở B", 60, 20, 20, 20, ""],
    ]
}


def test_a_plan_with_one_appendix_is_checked(tmp_path: Path) -> None:
    declared = {"total": 360, "years": {2026: 120, 2027: 120, 2028: 120}}
    result = plan(tmp_path, [projects(declared=declared)], ONE_TABLE, grand_total={"amount": 360})
    report = run(result)
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
    assert not report.fatal and report.rules
    # the grand total is the one appendix: a wrong figure is found, figured on that appendix alone
    result = plan(tmp_path / "x", [projects(declared=declared)], ONE_TABLE, grand_total={"amount": 361})
    assert facts(found(result, "SUM003")) == [("SUM003", "error", ("grand_total",), "appendices", 360, 361)]


def test_a_grand_total_with_a_part_no_table_itemises(tmp_path: Path) -> None:
    parts = [
        {"id": "p", "label": "Dự án", "appendix": "projects", "amount": 360},
        {"id": "reserve", "label": "Dự phòng", "amount": 40},
    ]
    ok = plan(tmp_path, [projects()], ONE_TABLE, grand_total={"amount": 400, "parts": parts})
    assert found(ok, "SUM003") == []
    wrong = plan(tmp_path / "x", [projects()], ONE_TABLE, grand_total={"amount": 360, "parts": parts})
    assert facts(found(wrong, "SUM003")) == [
        ("SUM003", "error", ("grand_total",), "appendices", 400, 360),
        ("SUM003", "error", ("grand_total",), "parts", 400, 360),
    ]


def test_a_part_naming_an_unknown_appendix(tmp_path: Path) -> None:
    parts = [{"id": "p", "label": "Dự án", "appendix": "nowhere", "amount": 360}]
    result = plan(tmp_path, [projects()], ONE_TABLE, grand_total={"amount": 360, "parts": parts})
    assert [(f.severity.value, f.detail) for f in found(result, "SUM003")] == [
        ("info", "unknown-appendix"),
        ("warning", "not-a-part"),  # and the appendix the plan has is in no part
    ]
    assert [f.ids for f in found(result, "DAT002")] == [("nowhere",)]


# --- totals beyond the period ----------------------------------------------------------------------

BEYOND = {
    "projects.csv": [
        P_HEADER,
        # a security project of TMĐT 40,000 of which 15,000 falls in 2026–2028
        ["P1", "S", 1, "An toàn", "Sở A", 40000, 5000, 5000, 5000, ""],
        ["P2", "I", 1, "Mạng", "Sở B", 120000, 40000, 40000, 40000, ""],
    ]
}
POLICY = {
    "min_share_percent": 10,
    "scopes": ["year", "period", "project"],
    "counted": [{"appendix": "projects", "groups": ["S"]}],
}


def test_a_total_beyond_the_period_is_no_row_sum_error_and_shares_use_the_period(tmp_path: Path) -> None:
    result = plan(tmp_path, [projects("whole")], BEYOND, security_policy=POLICY)
    assert found(result, "SUM001") == []
    assert result.plan is not None
    summary = build_summary(result.plan, run(result), result.provenance)
    assert summary.security is not None
    period = summary.security.period
    # 15,000 of 135,000 (11.11%), not 40,000 of 160,000 (25.00%)
    assert (period.amount, period.base) == (15_000, 135_000)
    assert period.percent is not None and round(period.percent, 2) == Decimal("11.11")
    section = summary.appendix("projects")
    assert section is not None and (section.total.computed.period, section.total.computed.total) == (
        135_000,
        160_000,
    )


def test_allocations_above_a_whole_total_are_a_row_sum_error(tmp_path: Path) -> None:
    tables = {"projects.csv": [P_HEADER, ["P1", "I", 1, "Mạng", "Sở A", 14000, 5000, 5000, 5000, ""]]}
    result = plan(tmp_path, [projects("whole")], tables)
    assert facts(found(result, "SUM001")) == [("SUM001", "error", ("P1",), "above-total", 15000, 14000)]
    result = plan(tmp_path / "x", [projects("period")], tables)
    assert facts(found(result, "SUM001")) == [("SUM001", "error", ("P1",), None, 15000, 14000)]


def test_an_attt_part_of_a_whole_project_is_counted_only_as_far_as_it_is_known(tmp_path: Path) -> None:
    """P2's security part (12,000 of a 120,000 project, 40,000 of it outside the period) falls in
    the period for between 0 and 12,000: with 10,000 counted for sure, the share lies between 7.41%
    and 16.30% — no verdict, said as such; with a minimum of 5%, it passes for sure."""
    rows = [
        P_HEADER,
        ["P1", "S", 1, "An toàn", "Sở A", 10000, 4000, 3000, 3000, ""],
        ["P2", "I", 1, "Mạng", "Sở B", 120000, 40000, 40000, 45000, "12000"],
    ]
    tables = {"projects.csv": [*rows[:2], [*rows[2][:5], 165000, *rows[2][6:]]]}
    result = plan(tmp_path, [projects("whole")], tables, security_policy=POLICY)
    (finding,) = found(result, "SEC001")
    assert (finding.severity.value, finding.detail, finding.extra) == (
        "info",
        "uncertain",
        {"low": "7.41%", "high": "16.30%"},
    )
    loose = {**POLICY, "min_share_percent": 5}
    assert found(plan(tmp_path / "x", [projects("whole")], tables, security_policy=loose), "SEC001") == []


# --- the per-staff norm and its marks ----------------------------------------------------------------


def test_a_note_that_is_no_declared_mark_relaxes_nothing(tmp_path: Path) -> None:
    """50 staff at 2 million: 100 expected; 150 allocated with the note "Gồm thuê đường truyền"."""
    tables = {
        "units.csv": [U_HEADER, ["U1", "I", 1, "Sở A", 50, 450, 150, 150, 150, "Gồm thuê đường truyền"]]
    }
    result = plan(tmp_path, [units()], tables)
    assert facts(found(result, "NRM001")) == [
        ("NRM001", "error", ("U1",), str(year), 100, 150) for year in (2026, 2027, 2028)
    ]


def test_a_mark_exempts_only_the_units_plan_yaml_explains_it_for(tmp_path: Path) -> None:
    marks = [{"mark": "*", "units": ["U1", "U3"], "explanation": "thuê đường truyền"}]
    tables = {
        "units.csv": [
            U_HEADER,
            ["U1", "I", 1, "Sở A", 50, 450, 150, 150, 150, "*"],  # explained: at least the norm
            ["U2", "I", 2, "Sở B", 10, 90, 30, 30, 30, "*"],  # marked, explained for others only
            ["U3", "I", 3, "Sở A", 10, 60, 20, 20, 20, ""],  # explained, but not marked
        ]
    }
    result = plan(tmp_path, [units(marks)], tables)
    assert sorted(facts(found(result, "NRM001"))) == sorted(
        [
            ("NRM001", "warning", ("U2",), "unexplained-mark", None, None),
            *(("NRM001", "error", ("U2",), str(y), 20, 30) for y in (2026, 2027, 2028)),
            ("NRM001", "warning", ("U3",), "mark-not-in-table-*", None, None),
        ]
    )


def test_a_mark_without_an_explanation_is_a_problem(tmp_path: Path) -> None:
    marks = [{"mark": "*", "units": ["U1"], "explanation": ""}]
    tables = {"units.csv": [U_HEADER, ["U1", "I", 1, "Sở A", 50, 300, 100, 100, 100, "*"]]}
    result = plan(tmp_path, [units(marks)], tables)
    assert [p.location.field for p in result.problems] == ["appendices.0.marks.0.explanation"]


def test_an_unexplained_mark_like_note_is_a_warning_even_on_the_norm(tmp_path: Path) -> None:
    tables = {"units.csv": [U_HEADER, ["U1", "I", 1, "Sở A", 50, 300, 100, 100, 100, "(1)"]]}
    result = plan(tmp_path, [units()], tables)
    assert facts(found(result, "NRM001")) == [("NRM001", "warning", ("U1",), "unexplained-mark", None, None)]


def test_a_norm_of_one_and_a_half_million(tmp_path: Path) -> None:
    tables = {
        "units.csv": [
            U_HEADER,
            ["U1", "I", 1, "Sở A", 40, 180, 60, 60, 60, ""],  # 40 × 1.5 = 60
            ["U2", "I", 2, "Sở B", 51, 231, 77, 77, 77, ""],  # 51 × 1.5 = 76.5: 77 is not the norm
        ]
    }
    result = plan(tmp_path, [units(norm=Decimal("1.5"))], tables)
    assert facts(found(result, "NRM001")) == [
        ("NRM001", "error", ("U2",), str(year), Decimal("76.5"), 77) for year in (2026, 2027, 2028)
    ]


# --- targets -------------------------------------------------------------------------------------


def kpi(targets: dict[int, Any], direction: str = "higher") -> dict[str, Any]:
    return {
        "id": "k",
        "label": "Chỉ tiêu",
        "unit": "percent",
        "kind": "percent",
        "direction": direction,
        "statements": [{"source": {"where": "Mục II"}, "targets": targets}],
    }


def test_targets_outside_the_period_are_a_finding(tmp_path: Path) -> None:
    result = plan(tmp_path, [projects()], ONE_TABLE, kpis=[kpi({2019: 10, 2027: 50, 2035: 90})])
    assert [(f.severity.value, f.observed) for f in found(result, "KPI004")] == [
        ("warning", 2019),
        ("warning", 2035),
    ]
    ok = plan(tmp_path / "x", [projects()], ONE_TABLE, kpis=[kpi({2026: 10, 2028: 90})])
    assert found(ok, "KPI004") == []


def target(value: Any) -> Target:
    return Target.model_validate(value)


WEAKER = [
    # old, new, direction, weaker?
    ({"min": 75}, 80, "higher", False),  # "at least 75" → 80 asks for more
    (80, {"min": 75}, "higher", True),
    ([20, 30], [30, 50], "higher", False),
    ([30, 50], [30, 40], "higher", True),  # the high end falls
    ([30, 50], {"min": 30}, "higher", False),  # the high end opens
    ({"min": 75}, {"max": 90}, "higher", True),  # the commitment opens
    (80, 70, "lower", False),
    (70, 80, "lower", True),
    ({"max": 10}, {"max": 12}, "lower", True),
    ({"max": 10}, 8, "lower", False),
]


@pytest.mark.parametrize(("old", "new", "direction", "weaker"), WEAKER)
def test_one_definition_of_a_weaker_target_on_both_paths(
    tmp_path: Path, old: Any, new: Any, direction: str, weaker: bool
) -> None:
    assert weakened(direction, target(old), target(new)) is weaker  # type: ignore[arg-type]
    # validate: consecutive milestones of one plan
    result = plan(tmp_path / "one", [projects()], ONE_TABLE, kpis=[kpi({2026: old, 2028: new}, direction)])
    assert bool(found(result, "KPI001")) is weaker
    # diff: the same milestone in two revisions
    a = plan(tmp_path / "a", [projects()], ONE_TABLE, kpis=[kpi({2028: old}, direction)])
    b = plan(tmp_path / "b", [projects()], ONE_TABLE, kpis=[kpi({2028: new}, direction)])
    assert a.plan is not None and b.plan is not None
    (change,) = diff_plans(a.plan, b.plan, None, None).kpis.targets
    assert change.weakened is weaker


# --- references, structure ---------------------------------------------------------------------------


def test_references_to_appendices_groups_and_rows_that_do_not_exist(tmp_path: Path) -> None:
    policy = {
        "min_share_percent": 10,
        "scopes": ["period"],
        "counted": [{"appendix": "projects", "groups": ["Z"], "rows": ["P9"]}, {"appendix": "nowhere"}],
        "denominator": ["projects", "elsewhere"],
    }
    parts = [
        {"id": "a", "label": "A", "appendix": "projects", "amount": 180},
        {"id": "b", "label": "B", "appendix": "projects", "amount": 180},
    ]
    result = plan(
        tmp_path, [projects()], ONE_TABLE, security_policy=policy, grand_total={"amount": 360, "parts": parts}
    )
    assert sorted((f.ids, f.detail) for f in found(result, "DAT002")) == [
        (("P9",), "policy-project"),
        (("Z",), "policy-group"),
        (("elsewhere",), "security_policy.denominator"),
        (("nowhere",), "security_policy.counted"),
        (("projects",), "part-twice"),
    ]


def test_row_ids_are_unique_across_the_plan(tmp_path: Path) -> None:
    tables = {
        "projects.csv": [P_HEADER, ["X1", "I", 1, "Mạng", "Sở A", 300, 100, 100, 100, ""]],
        "units.csv": [U_HEADER, ["X1", "I", 1, "Sở A", 50, 300, 100, 100, 100, ""]],
    }
    result = plan(tmp_path, [projects(), units()], tables)
    (duplicate,) = [f for f in found(result, "DAT002") if f.detail == "duplicate"]
    assert duplicate.ids == ("X1",) and Path(duplicate.location.file).name == "units.csv"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "security"}, "appendices.0"),  # a summary section's name
        ({"file": "../plan.yaml"}, "appendices.0.file"),  # never a path out of the directory
        ({"file": "/etc/passwd.csv"}, "appendices.0.file"),
        ({"kind": "budget"}, "appendices.0.kind"),
        ({"norm": {"per_staff_per_year": 2}}, "appendices.0"),  # a norm for projects
        ({"splits": [{"total": "tmdt", "parts": ["a", "b"]}]}, "appendices.0"),  # no such columns
        ({"columns": [{"id": "y2026", "title": "x"}]}, "appendices.0"),
    ],
)
def test_an_appendix_that_cannot_be_described_so(tmp_path: Path, change: dict[str, Any], field: str) -> None:
    result = plan(tmp_path, [{**projects(), **change}], ONE_TABLE)
    assert result.plan is None
    assert any((p.location.field or "").startswith(field) for p in result.problems), [
        str(p) for p in result.problems
    ]


def test_two_appendices_with_one_file(tmp_path: Path) -> None:
    result = plan(tmp_path, [projects(), {**units(), "file": "projects.csv"}], ONE_TABLE)
    assert result.plan is None
    assert [p.location.field for p in result.problems] == ["appendices.1.file"]


def test_a_table_without_groups_needs_no_section_column(tmp_path: Path) -> None:
    declared = {"total": 30, "years": {2026: 10, 2027: 10, 2028: 10}}
    lines = {"id": "t", "name": "Phụ lục III", "file": "t.csv", "kind": "lines", "declared": declared}
    tables = {
        "t.csv": [
            ["id", "tt", "name", "total", "y2026", "y2027", "y2028"],
            ["T1", 1, "Tập huấn", 30, 10, 10, 10],
        ]
    }
    result = plan(tmp_path, [lines], tables)
    assert result.problems == []
    assert run(result).findings == []


# --- words from data ---------------------------------------------------------------------------------

PLAN_272_ONLY = ("Thanh Hóa", "1,501,713", "1,501.713", "group IV", "groups I–IV", "five-year", "2 million",
                 "2022 → 2025", "Phụ lục", "Phần II", "mục VIII", "III.6", "TỔNG CỘNG")  # fmt: skip


def _inside_a_plan_272_example(text: str, index: int) -> bool:
    """Whether ``text[index]`` lies in a parenthesis that says it is Plan 272's example."""
    depth, start = 0, None
    for i in range(index, -1, -1):
        if text[i] == ")" and i != index:
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                start = i
                break
            depth -= 1
    if start is None:
        return False
    end = text.find(")", index)
    return "Plan 272" in text[start : end if end >= 0 else len(text)]


@pytest.mark.parametrize("code", [r.code for r in (*catalogue(), get_rule("INT001")) if r is not None])
def test_rule_explanations_are_general(code: str) -> None:
    rule = get_rule(code)
    assert rule is not None
    for text in (rule.summary, rule.what, rule.why, rule.source, rule.fix):
        for phrase in PLAN_272_ONLY:
            start = text.find(phrase)
            while start >= 0:
                assert _inside_a_plan_272_example(text, start), (code, phrase, text)
                start = text.find(phrase, start + 1)


def test_help_names_no_province() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "plan272", "--help"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "Thanh" not in out.stdout and "272/KH" not in out.stdout


# --- schema version 1 ------------------------------------------------------------------------------------


def test_a_version_1_plan_yaml_reads_as_version_2(tmp_path: Path) -> None:
    """An old revision of Plan 272's plan.yaml (schema version 1, with appendix1/appendix2) loads to
    the same model, the same findings, with lines pointing into the old file."""
    old = tmp_path / "v1"
    shutil.copytree(DATA, old)
    shutil.copy(ROOT / "tests" / "fixtures" / "v1" / "plan.yaml", old / "plan.yaml")
    before, after = load_plan(old), load_plan(DATA)
    assert before.problems == [] and before.plan is not None and after.plan is not None
    assert before.plan.meta == after.plan.meta

    def key(report: Report) -> list[tuple[Any, ...]]:
        return [(f.code, f.ids, f.detail, f.expected, f.observed) for f in report.findings]

    assert key(run(before)) == key(run(after))
    sec001 = next(f for f in run(before).findings if f.code == "SEC001")
    text = (old / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert sec001.location.line is not None and "min_share_percent:" in text[sec001.location.line - 1]
    mark = before.provenance.locate("appendices", 1, "marks", 0, "units", 0)
    assert mark.line is not None and "unit: U21" in text[mark.line - 1]
    # and diff across the change of version: nothing changed
    assert diff_plans(before.plan, after.plan, None, None).empty


# --- second review: the security share, its scope and its base -------------------------------------

TWO = {
    "projects.csv": [P_HEADER, ["S1", "S", 1, "SOC", "Sở A", 50, 50, 0, 0, ""]],
    "lines.csv": [
        ["id", "tt", "name", "total", "y2026", "y2027", "y2028"],
        ["L1", 1, "x", 300, 100, 100, 100],
    ],
}
LINES = {"id": "lines", "name": "Phụ lục II", "file": "lines.csv", "kind": "lines"}


def test_only_spending_of_the_denominator_counts(tmp_path: Path) -> None:
    """A share is of the funding it is taken of: rows of an appendix outside the denominator are
    not counted (and DAT002 says so), rather than 50 of 300 counted as 16.67%."""
    policy = {**POLICY, "scopes": ["period"], "denominator": ["lines"]}
    result = plan(tmp_path, [projects(), LINES], TWO, security_policy=policy)
    assert facts(found(result, "SEC001")) == [("SEC001", "error", ("period",), None, 30, 0)]
    assert [(f.severity.value, f.detail) for f in found(result, "DAT002")] == [("warning", "policy-outside")]


def test_no_funding_is_no_share_to_judge(tmp_path: Path) -> None:
    empty = {"projects.csv": [P_HEADER]}
    result = plan(tmp_path, [projects()], empty, security_policy=POLICY)
    assert [
        (f.code, f.severity.value, f.detail) for f in run(result).findings if f.code.startswith("SEC")
    ] == [
        ("SEC001", "info", "no-funding"),
        ("SEC002", "info", "no-funding"),
        ("SEC003", "info", "no-data"),
    ]


def test_a_counted_reference_to_nothing_makes_the_share_no_verdict(tmp_path: Path) -> None:
    policy = {**POLICY, "counted": [{"appendix": "projects", "groups": ["Q"]}]}
    result = plan(tmp_path, [projects()], BEYOND, security_policy=policy)
    assert [
        (f.code, f.severity.value, f.detail) for f in run(result).findings if f.code in ("SEC001", "SEC002")
    ] == [
        ("SEC001", "info", "unresolved"),
        ("SEC002", "info", "unresolved"),
    ]
    nothing = {**POLICY, "counted": [{"appendix": "projects"}]}
    flagged = plan(tmp_path / "x", [projects()], BEYOND, security_policy=nothing)
    assert [(f.severity.value, f.detail) for f in found(flagged, "DAT002")] == [("warning", "policy-empty")]


def test_an_attt_part_larger_than_its_project_counts_as_the_project(tmp_path: Path) -> None:
    tables = {"projects.csv": [P_HEADER, ["P1", "I", 1, "Mạng", "Sở A", 300, 100, 100, 100, "900"]]}
    result = plan(tmp_path, [projects()], tables, security_policy={**POLICY, "scopes": ["period"]})
    assert result.plan is not None
    account = security_account(result.plan)
    assert account is not None and account.period.amount == 300  # not 900 of 300
    assert [f.detail for f in found(result, "SEC003")] == []  # the scope is not the rule's


def test_the_summary_judges_only_the_scopes_of_the_rule(tmp_path: Path) -> None:
    result = plan(tmp_path, [projects()], BEYOND, security_policy={**POLICY, "scopes": ["period"]})
    assert result.plan is not None
    summary = build_summary(result.plan, run(result), result.provenance)
    assert summary.security is not None
    assert [r.checked for r in summary.security.years] == [False, False, False]
    from plan272.views.summary.grids import grid

    g = grid(summary, "security")
    assert [r.cells[-1] for r in g.rows] == ["–", "–", "–", "yes"]


# --- second review: the norm ------------------------------------------------------------------------


@pytest.mark.parametrize(("rounding", "expected"), [("nearest", 77), ("down", 76), ("up", 77)])
def test_a_norm_that_is_not_whole_is_made_whole_as_the_plan_says(
    tmp_path: Path, rounding: str, expected: int
) -> None:
    tables = {
        "units.csv": [U_HEADER, ["U1", "I", 1, "Sở A", 51, 3 * expected, expected, expected, expected, ""]]
    }
    norm = {"per_staff_per_year": Decimal("1.5"), "rounding": rounding}
    appendix = {**units(), "norm": norm}
    assert found(plan(tmp_path, [appendix], tables), "NRM001") == []
    exact = plan(tmp_path / "x", [units(norm=Decimal("1.5"))], tables)
    finding = found(exact, "NRM001")[0]
    assert finding.expected == Decimal("76.5") and "rounding" in finding.text()


# --- second review: the model says where ------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"columns": [{"id": "period", "title": "x"}]}, "appendices.0.columns.0"),
        ({"groups": [{"id": "I", "title": "a"}, {"id": "I", "title": "b"}]}, "appendices.0.groups.1"),
        ({"columns": [{"id": "a", "title": "A"}], "splits": [{"total": "tmdt", "parts": ["a", "b"]}]},
         "appendices.0.splits.0.parts.1"),
    ],
)  # fmt: skip
def test_problems_of_the_structure_name_the_key(tmp_path: Path, change: dict[str, Any], field: str) -> None:
    result = plan(tmp_path, [{**projects(), **change}], ONE_TABLE)
    assert result.plan is None
    in_plan = [p for p in result.problems if Path(p.location.file).name == "plan.yaml"]
    assert [p.location.field for p in in_plan] == [field]
    assert all(p.value is None or "{" not in p.value for p in in_plan)  # no mapping dumped as a value


def test_numbers_as_group_ids_are_read_as_the_csv_holds_them(tmp_path: Path) -> None:
    groups = [{"id": 1, "title": "Hạ tầng"}, {"id": 2, "title": "An toàn"}]
    tables = {"projects.csv": [P_HEADER, ["P1", "1", 1, "Mạng", "Sở A", 300, 100, 100, 100, ""]]}
    policy = {**POLICY, "counted": [{"appendix": "projects", "groups": [2]}]}
    result = plan(tmp_path, [{**projects(), "groups": groups}], tables, security_policy=policy)
    assert result.problems == []
    assert found(result, "DAT002") == []


def test_a_version_1_file_is_named_in_its_own_keys(tmp_path: Path) -> None:
    old = tmp_path / "v1"
    shutil.copytree(DATA, old)
    text = (ROOT / "tests" / "fixtures" / "v1" / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("    per_staff_per_year: 2", "    per_staff_per_yaer: 2")
    (old / "plan.yaml").write_text(
        text.replace("  counted_groups: [IV]", "  counted_groups: [IV, V]"), encoding="utf-8"
    )
    result = load_plan(old)
    fields = {p.location.field for p in result.problems}
    assert "appendix2.norm.per_staff_per_yaer" in fields and "appendix2.norm.per_staff_per_year" in fields
    text = text.replace("per_staff_per_yaer", "per_staff_per_year")
    (old / "plan.yaml").write_text(
        text.replace("  counted_groups: [IV]", "  counted_groups: [IV, V]"), encoding="utf-8"
    )
    (finding,) = found(load_plan(old), "DAT002")
    assert finding.location.field == "security_policy.counted_groups.1"


# --- second review: diff ----------------------------------------------------------------------------


def test_diff_tells_rows_of_two_appendices_with_one_id_apart(tmp_path: Path) -> None:
    """The same id in two tables (DAT002 on both sides): a row sum fixed in one table and broken in
    the other is one finding resolved and one introduced, not "unchanged"."""
    lines_header = ["id", "tt", "name", "total", "y2026", "y2027", "y2028"]
    old = {
        "projects.csv": [P_HEADER, ["X1", "I", 1, "Mạng", "Sở A", 301, 100, 100, 100, ""]],
        "lines.csv": [lines_header, ["X1", 1, "x", 300, 100, 100, 100]],
    }
    new = {
        "projects.csv": [P_HEADER, ["X1", "I", 1, "Mạng", "Sở A", 300, 100, 100, 100, ""]],
        "lines.csv": [lines_header, ["X1", 1, "x", 301, 100, 100, 100]],
    }
    a = plan(tmp_path / "a", [projects(), LINES], old)
    b = plan(tmp_path / "b", [projects(), LINES], new)
    assert a.plan is not None and b.plan is not None
    found_diff = diff_plans(a.plan, b.plan, run(a), run(b)).findings
    assert [(f.code, Path(f.location.file).name) for f in found_diff.resolved if f.code == "SUM001"] == [
        ("SUM001", "projects.csv")
    ]
    assert [(f.code, Path(f.location.file).name) for f in found_diff.introduced if f.code == "SUM001"] == [
        ("SUM001", "lines.csv")
    ]


def test_diff_shows_a_grand_total_it_cannot_compute_as_such(tmp_path: Path) -> None:
    parts = [{"id": "p", "label": "Dự án", "appendix": "projects", "amount": 360}]
    a = plan(tmp_path / "a", [projects()], ONE_TABLE, grand_total={"amount": 360, "parts": parts})
    broken = [{**parts[0], "appendix": "nowhere"}]
    b = plan(tmp_path / "b", [projects()], ONE_TABLE, grand_total={"amount": 360, "parts": broken})
    assert a.plan is not None and b.plan is not None
    grand = next(t for t in diff_plans(a.plan, b.plan, None, None).totals if t.key == "grand")
    assert (grand.total.old, grand.total.new, grand.total.delta) == (360, "(not computable)", None)


def test_diff_shows_in_period_amounts_and_undecided_shares(tmp_path: Path) -> None:
    rows = [P_HEADER, ["P1", "S", 1, "An toàn", "Sở A", 1000, 100, 100, 100, ""]]
    more = [P_HEADER, ["P1", "S", 1, "An toàn", "Sở A", 600, 100, 100, 100, ""]]
    policy = {**POLICY, "scopes": ["period"]}
    a = plan(tmp_path / "a", [projects("whole")], {"projects.csv": rows}, security_policy=policy)
    b = plan(tmp_path / "b", [projects("whole")], {"projects.csv": more}, security_policy=policy)
    assert a.plan is not None and b.plan is not None
    result = diff_plans(a.plan, b.plan, None, None)
    line = next(t for t in result.totals if t.key == "projects")
    assert (line.total.old, line.total.new) == (1000, 600)
    assert line.period is not None and (line.period.old, line.period.new) == (300, 300)
    (share,) = result.security
    assert share.scope == "period" and share.crossing is None


def test_diff_says_when_a_side_has_no_security_rule(tmp_path: Path) -> None:
    from plan272.views.diff.common import share_status

    a = plan(tmp_path / "a", [projects()], BEYOND, security_policy=POLICY)
    b = plan(tmp_path / "b", [projects()], BEYOND)
    assert a.plan is not None and b.plan is not None
    changes = diff_plans(a.plan, b.plan, None, None).security
    assert changes and all(share_status(c) == "no security rule for this on the new side" for c in changes)
