"""SUM001: a row's yearly allocations add up to its total — or stay within it, where the appendix
says a row's total may cover more than the plan's period.

Convention for every figure: ``observed`` is the value written at the finding's location,
``expected`` what the other figures say it should be.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.messages import Amount, Message, Off, Words
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for appendix in plan.appendices:
        for row in plan.rows(appendix.id):
            field = row.total_field
            if row.unreadable and row.amount_fields & row.unreadable:
                continue  # DAT001 already reports the unreadable cell
            computed = sum(row.years.values())  # row.in_period, without a property call a row
            declared = row.total
            if computed == declared:  # the common row: nothing to say, nothing to build
                continue
            label = Words("TMĐT", "TMĐT") if field == "tmdt" else Words("total", "tổng")
            if appendix.row_total == "period" and computed != declared:
                yield Finding(
                    "SUM001",
                    Severity.ERROR,
                    Message(
                        "SUM001.row",
                        row=row.id,
                        computed=Amount(computed),
                        label=label,
                        declared=Amount(declared),
                        off=Off(computed, declared),
                    ),
                    row.location.with_field(field),
                    ids=(row.id,),
                    expected=computed,
                    observed=declared,
                )
            elif appendix.row_total == "whole" and computed > declared:
                yield Finding(
                    "SUM001",
                    Severity.ERROR,
                    Message(
                        "SUM001.above-total",
                        row=row.id,
                        period=f"{plan.years[0]}–{plan.years[-1]}",
                        computed=Amount(computed),
                        label=label,
                        declared=Amount(declared),
                        more=Message("more", amount=Amount(computed - declared)),
                    ),
                    row.location.with_field(field),
                    ids=(row.id,),
                    expected=computed,
                    observed=declared,
                    detail="above-total",
                )


RULE = Rule(
    code="SUM001",
    name="row-sum",
    summary="A row's yearly allocations add up to its total.",
    severity=Severity.ERROR,
    what="For each row of each appendix, the yearly amounts of the plan's period added up equal the "
    "row's total (a project's TMĐT, a unit's or a budget line's total). Where the appendix declares "
    "`row_total: whole` (a project's total investment also covers years before or after the period), "
    "the allocations in the period may be less than the total, never more.",
    why="The yearly columns are what gets budgeted; a total that differs from them means either "
    "the total or one year is wrong, and every total above it inherits the error.",
    source="The table's total column and its yearly columns (in Plan 272: Phụ lục I 'Dự kiến TMĐT' "
    "and the five yearly columns; Phụ lục II 'Tổng kinh phí' and 'Phân bổ kinh phí hàng năm').",
    fix="Compare the row with the document: correct the year that was mistyped, or the total. If "
    "the table's totals cover more than the period, declare `row_total: whole` for the appendix.",
    check=check,
)
