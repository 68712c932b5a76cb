"""SUM003: the appendices (and any part no table itemises) add up to the declared grand total, and
each declared part equals what it stands for."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import grand_total, table_totals
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Off
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, appendix_name, not_checked


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    grand = plan.meta.grand_total
    if grand is None:
        return
    figures = grand_total(plan)
    skipped = not_checked(plan, where, "SUM003", figures.appendices)
    if skipped:
        yield skipped
        return
    if figures.computed is None:
        unknown = [line.part.appendix for line in figures.lines if line.computed is None and line.part]
        yield Finding(
            "SUM003",
            Severity.INFO,
            Message("SUM003.unknown-appendix", names=Each(tuple(str(u) for u in unknown))),
            where.locate("grand_total", "parts"),
            ids=("grand_total",),
            detail="unknown-appendix",
        )
    elif figures.computed != grand.amount:
        terms = Each(
            tuple(
                Message(
                    "SUM003.term" if line.itemised else "SUM003.term-stated",
                    name=appendix_name(plan, line.appendix.id) if line.appendix else line.label,
                    amount=Amount(line.computed or 0),
                )
                for line in figures.lines
            ),
            "plus",
        )
        yield Finding(
            "SUM003",
            Severity.ERROR,
            Message(
                "SUM003.appendices",
                terms=terms,
                computed=Amount(figures.computed),
                declared=Amount(grand.amount),
                off=Off(figures.computed, grand.amount),
            ),
            where.locate("grand_total", "amount"),
            ids=("grand_total",),
            expected=figures.computed,
            observed=grand.amount,
            detail="appendices",
        )
    parts_sum = sum(p.amount for p in grand.parts)
    if grand.parts and parts_sum != grand.amount:
        yield Finding(
            "SUM003",
            Severity.ERROR,
            Message(
                "SUM003.parts",
                computed=Amount(parts_sum),
                declared=Amount(grand.amount),
                off=Off(parts_sum, grand.amount),
            ),
            where.locate("grand_total", "amount"),
            ids=("grand_total",),
            expected=parts_sum,
            observed=grand.amount,
            detail="parts",
        )
    named = {p.appendix for p in grand.parts}
    for appendix in plan.appendices if grand.parts else []:
        if appendix.id not in named:
            amount = table_totals(plan, appendix).amounts.period
            yield Finding(
                "SUM003",
                Severity.WARNING,
                Message(
                    "SUM003.not-a-part", appendix=appendix_name(plan, appendix.id), amount=Amount(amount)
                ),
                where.locate("grand_total", "parts"),
                ids=("grand_total", appendix.id),
                detail="not-a-part",
            )
    for index, line in enumerate(figures.lines):
        part = line.part
        if part is None or line.appendix is None or line.computed is None or part.amount == line.computed:
            continue
        over: Message | str = Message("SUM003.in-period") if line.appendix.row_total == "whole" else ""
        yield Finding(
            "SUM003",
            Severity.ERROR,
            Message(
                "SUM003.part",
                part=repr(part.id),
                label=part.label,
                declared=Amount(part.amount),
                appendix=appendix_name(plan, line.appendix.id),
                computed=Amount(line.computed),
                over=over,
                off=Off(line.computed, part.amount),
            ),
            where.locate("grand_total", "parts", index, "amount"),
            ids=("grand_total", part.id),
            expected=line.computed,
            observed=part.amount,
        )


RULE = Rule(
    code="SUM003",
    name="grand-total",
    summary="The appendices add up to the declared grand total and its declared parts.",
    severity=Severity.ERROR,
    what="The grand total plan.yaml declares (`grand_total.amount`) equals the sum of its parts: each "
    "part that is an appendix counts what the appendix allocates over the plan's period, a part that "
    "no table itemises counts the amount stated for it; with no parts declared, the grand total is "
    "every appendix. The declared parts add up to the grand total, and each appendix part equals its "
    "appendix. An appendix that no part names is a warning: its money is in no total.",
    why="The grand total is the figure leadership approves and quotes (in Plan 272, section VIII: "
    "1,501.713 billion VND); it must be what the tables actually hold.",
    source="The section of the plan on its funding (in Plan 272: Phần II, mục VIII 'KINH PHÍ THỰC HIỆN').",
    fix="Correct the appendix row or the declared figure in plan.yaml (grand_total); a part of the "
    "funding that no table itemises is declared as a part without `appendix`.",
    check=check,
)
