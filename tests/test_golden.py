"""What plan272 finds in the shipped Plan 272 — asserted exactly (codes, ids, figures).

These are the tool's first real result; the README section "What plan272 finds in Plan 272"
explains them. The data is the document's: never edit it to make this test pass.
"""

from __future__ import annotations

from decimal import Decimal

from plan272.engine import run
from plan272.load import load_plan
from plans import DATA, rel, yaml_line

MIN = yaml_line("min_share_percent:")
SCOPES = yaml_line("scopes: [year")
EXPECTED = [
    # code, severity, file, line, ids, expected, observed, share
    ("SEC001", "error", "data/plan.yaml", MIN, ("period",), 150172, 130000, "8.66%"),
    ("SEC002", "error", "data/plan.yaml", MIN, ("2022",), 31182, 23000, "7.38%"),
    ("SEC002", "error", "data/plan.yaml", MIN, ("2023",), 29752, 20000, "6.72%"),
    ("SEC002", "error", "data/plan.yaml", MIN, ("2024",), 31312, 20000, "6.39%"),
    ("SEC002", "error", "data/plan.yaml", MIN, ("2025",), 30812, 20000, "6.49%"),
    ("SEC003", "info", "data/plan.yaml", SCOPES, ("projects",), None, None, None),
    # Part I: "60 văn bản, trong đó có 39 Quyết định, 29 Kế hoạch và 02 Chỉ thị" — 70, not 60
    ("TXT001", "warning", "data/plan.yaml", yaml_line('total: {printed: "60"'), ("documents-2016-2020",),
     Decimal(70), Decimal(60), None),
    # table row 13: "DVC mức 3: 39/2.065 thủ tục", footnote 2 lists 01 + 09 + 22 + 22 = 54
    ("TXT001", "warning", "data/plan.yaml", yaml_line('total: {printed: "39"'), ("level3-procedures-2017",),
     Decimal(54), Decimal(39), None),
    # table row 14: 802/1.963 = 40.8558…% printed 40,85% (truncated; rounding gives 40,86)
    ("TXT001", "info", "data/plan.yaml", yaml_line('percent: {printed: "40,85%"}'),
     ("level34-services-share-2020",), Decimal("40.86"), Decimal("40.85"), None),
]  # fmt: skip


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
    assert report.counts() == {"error": 5, "warning": 2, "info": 2}


def test_shipped_plan_structure() -> None:
    plan = load_plan(DATA).plan
    assert plan is not None
    projects, units = plan.rows("appendix1"), plan.rows("appendix2")
    sizes = {g.id: sum(1 for p in projects if p.section == g.id) for g in plan.meta.appendices[0].groups}
    assert sizes == {"I": 6, "II": 5, "III": 29, "IV": 2}
    assert len(units) == 21
    assert sum(p.total for p in projects) == 1_458_818
    assert sum(u.total for u in units) == 42_895
    assert plan.meta.grand_total.amount == 1_501_713
