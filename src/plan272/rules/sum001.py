"""SUM001: a row's yearly allocations add up to its total.

Convention for every figure: ``observed`` is the value written at the finding's location,
``expected`` what the other figures say it should be.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity, how_far
from plan272.model import Plan, Row
from plan272.rules import Rule


def check(plan: Plan) -> Iterator[Finding]:
    rows: list[Row] = [*plan.projects, *plan.units]
    for row in rows:
        field = row.total_field
        if row.amount_fields & row.unreadable:
            continue  # DAT001 already reports the unreadable cell
        computed = sum(row.years.values())
        declared = row.amount
        if computed != declared:
            label = "TMĐT" if field == "tmdt" else "total"
            yield Finding(
                "SUM001",
                Severity.ERROR,
                f"{row.id}: the yearly allocations add up to {computed:,}, the {label} says {declared:,} "
                f"({how_far(computed, declared)})",
                row.location.with_field(field),
                ids=(row.id,),
                expected=computed,
                observed=declared,
            )


RULE = Rule(
    code="SUM001",
    name="row-sum",
    summary="A row's yearly allocations add up to its total.",
    severity=Severity.ERROR,
    what="For each Appendix I project, y2021+…+y2025 equals TMĐT (Dự kiến TMĐT); for each "
    "Appendix II unit, the yearly amounts equal 'Tổng kinh phí 2021 - 2025'.",
    why="The yearly columns are what gets budgeted; a total that differs from them means either "
    "the total or one year is wrong, and every total above it inherits the error.",
    source="Phụ lục I columns 'Dự kiến TMĐT' and 'Dự kiến nhu cầu bố trí vốn giai đoạn "
    "2021-2025'; Phụ lục II 'Tổng kinh phí' and 'Phân bổ kinh phí hàng năm'.",
    fix="Compare the row with the document: correct the year that was mistyped, or the total.",
    check=check,
)
