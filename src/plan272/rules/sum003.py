"""SUM003: Appendix I plus Appendix II equals the declared grand total and its declared parts."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity, how_far
from plan272.model import Plan
from plan272.rules import Rule, not_checked
from plan272.rules._rows import computed_total


def check(plan: Plan) -> Iterator[Finding]:
    skipped = not_checked(plan, "SUM003", ("appendix1", "appendix2"))
    if skipped:
        yield skipped
        return
    grand = plan.meta.grand_total
    a1, a2 = computed_total(plan, 1), computed_total(plan, 2)
    computed = a1 + a2
    if computed != grand.amount:
        yield Finding(
            "SUM003",
            Severity.ERROR,
            f"Appendix I ({a1:,}) plus Appendix II ({a2:,}) is {computed:,} million VND; the declared "
            f"grand total is {grand.amount:,} ({how_far(computed, grand.amount)})",
            plan.yaml_location("grand_total", "amount"),
            ids=("grand_total",),
            expected=computed,
            observed=grand.amount,
            detail="appendices",
        )
    parts_sum = sum(p.amount for p in grand.parts)
    if grand.parts and parts_sum != grand.amount:
        yield Finding(
            "SUM003",
            Severity.ERROR,
            f"the declared parts add up to {parts_sum:,}, the declared grand total is {grand.amount:,} "
            f"({how_far(parts_sum, grand.amount)})",
            plan.yaml_location("grand_total", "amount"),
            ids=("grand_total",),
            expected=parts_sum,
            observed=grand.amount,
            detail="parts",
        )
    for index, part in enumerate(grand.parts):
        appendix_total = a1 if part.appendix == 1 else a2
        if part.amount != appendix_total:
            name = "Appendix I" if part.appendix == 1 else "Appendix II"
            yield Finding(
                "SUM003",
                Severity.ERROR,
                f"declared part {part.id!r} ({part.label}) is {part.amount:,}; {name} adds up to "
                f"{appendix_total:,} ({how_far(appendix_total, part.amount)})",
                plan.yaml_location("grand_total", "parts", index, "amount"),
                ids=("grand_total", part.id),
                expected=appendix_total,
                observed=part.amount,
            )


RULE = Rule(
    code="SUM003",
    name="grand-total",
    summary="Appendix I plus Appendix II equals the declared grand total and its declared parts.",
    severity=Severity.ERROR,
    what="The sum of both appendices equals the grand total of section VIII (1,501,713 million VND, "
    "i.e. 1,501.713 billion); the declared parts (IT projects; recurring funding) add up to it and "
    "each equals its appendix.",
    why="Section VIII is the figure leadership approves and quotes; it must be what the appendices "
    "actually hold.",
    source="Phần II, mục VIII 'KINH PHÍ THỰC HIỆN'.",
    fix="Correct the appendix row or the declared figure in plan.yaml (grand_total).",
    check=check,
)
