"""What plan272 finds in the shipped Plan 272 — asserted exactly (codes, ids, figures).

These are the tool's first real result; the README section "What plan272 finds in Plan 272"
explains them. The data is the document's: never edit it to make this test pass.
"""

from __future__ import annotations

from plan272.engine import run
from plan272.load import load_plan
from plans import DATA, rel

EXPECTED = [
    # code, severity, file, line, ids, expected, observed, share
    ("SEC001", "error", "data/plan.yaml", 95, ("period",), 150172, 130000, "8.66%"),
    ("SEC002", "error", "data/plan.yaml", 95, ("2022",), 31182, 23000, "7.38%"),
    ("SEC002", "error", "data/plan.yaml", 95, ("2023",), 29752, 20000, "6.72%"),
    ("SEC002", "error", "data/plan.yaml", 95, ("2024",), 31312, 20000, "6.39%"),
    ("SEC002", "error", "data/plan.yaml", 95, ("2025",), 30812, 20000, "6.49%"),
    ("SEC003", "info", "data/plan.yaml", 96, ("projects",), None, None, None),
]


def test_shipped_plan_findings_exactly() -> None:
    result = load_plan(DATA)
    assert result.problems == []
    report = run(result)
    got = [
        (
            f.code,
            f.severity.value,
            rel(f.location.file),
            f.location.line,
            f.ids,
            f.expected,
            f.observed,
            f.extra.get("share"),
        )
        for f in report.findings
    ]
    assert got == EXPECTED
    assert report.counts() == {"error": 5, "warning": 0, "info": 1}


def test_shipped_plan_structure() -> None:
    plan = load_plan(DATA).plan
    assert plan is not None
    sizes = {g.id: sum(1 for p in plan.projects if p.section == g.id) for g in plan.meta.appendix1.groups}
    assert sizes == {"I": 6, "II": 5, "III": 29, "IV": 2}
    assert len(plan.units) == 21
    assert sum(p.tmdt for p in plan.projects) == 1_458_818
    assert sum(u.total for u in plan.units) == 42_895
    assert plan.meta.grand_total.amount == 1_501_713
