"""TXT001: the arithmetic claims of the narrative (Part I) hold.

A total must equal the sum of its parts. A percentage must be what its counts give, rounded half up
at the precision it is printed with. A printed percentage that is the value *truncated* rather than
rounded (802/1.963 = 40.8558…% printed as 40,85%) is arithmetically right and reported as ``info``
with both readings; any other difference is a ``warning`` with the computed value.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from plan272.findings import Finding, Severity
from plan272.model import Claim, Plan
from plan272.rules import Rule


def _fmt(value: Decimal) -> str:
    text = f"{value:,}" if value == value.to_integral_value() else f"{value:,f}"
    return text


def _total(plan: Plan, index: int, claim: Claim) -> Iterator[Finding]:
    assert claim.total is not None
    parts = sum((p.value for p in claim.parts), Decimal(0))
    stated = claim.total.value
    if parts == stated:
        return
    diff = parts - stated
    listed = " + ".join(p.printed for p in claim.parts)
    yield Finding(
        "TXT001",
        Severity.WARNING,
        f"{claim.label}: the text states {claim.total.printed} ({claim.source.where}) but its parts "
        f"{listed} add up to {_fmt(parts)} ({_fmt(abs(diff))} {'more' if diff > 0 else 'fewer'})",
        plan.yaml_location("claims", index, "total"),
        ids=(claim.id,),
        expected=parts,
        observed=stated,
    )


def _ratio(plan: Plan, index: int, claim: Claim) -> Iterator[Finding]:
    assert claim.numerator is not None and claim.denominator is not None and claim.percent is not None
    if claim.denominator.value == 0:
        yield Finding(
            "TXT001",
            Severity.WARNING,
            f"{claim.label}: the denominator is zero",
            plan.yaml_location("claims", index, "denominator"),
            ids=(claim.id,),
        )
        return
    exact = claim.numerator.value * 100 / claim.denominator.value
    quantum = Decimal(1).scaleb(-claim.percent.decimals)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    stated = claim.percent.value
    if rounded == stated:
        return
    truncated = exact.quantize(quantum, rounding=ROUND_DOWN)
    fraction = f"{claim.numerator.printed}/{claim.denominator.printed}"
    shown = exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    if truncated == stated:
        yield Finding(
            "TXT001",
            Severity.INFO,
            f"{claim.label}: {fraction} = {shown}…%, which rounds to {rounded}% at the printed precision; "
            f"the text prints {claim.percent.printed} (truncated, not rounded)",
            plan.yaml_location("claims", index, "percent"),
            ids=(claim.id,),
            expected=rounded,
            observed=stated,
            detail="truncated",
        )
        return
    yield Finding(
        "TXT001",
        Severity.WARNING,
        f"{claim.label}: {fraction} = {shown}…%, i.e. {rounded}% at the printed precision; the text "
        f"prints {claim.percent.printed}",
        plan.yaml_location("claims", index, "percent"),
        ids=(claim.id,),
        expected=rounded,
        observed=stated,
    )


def check_claims(plan: Plan) -> Iterator[Finding]:
    for index, claim in enumerate(plan.meta.claims):
        if claim.kind == "total":
            yield from _total(plan, index, claim)
        else:
            yield from _ratio(plan, index, claim)


RULES = (
    Rule(
        code="TXT001",
        name="narrative-arithmetic",
        summary="The arithmetic claims of the narrative hold: totals and their parts, ratios and "
        "their counts.",
        severity=Severity.WARNING,
        what="Each claim recorded under `claims` in plan.yaml (every 'N …, of which a, b and c' and "
        "'x of y, i.e. p%' of Part I) is recomputed: a total that is not the sum of its parts, or a "
        "percentage that does not round (half up) to the printed figure at its printed precision, is a "
        "warning with both figures. A percentage that is the truncated value is reported as info.",
        why="A narrative's figures are quoted in reports and speeches; a drafting slip there goes "
        "unnoticed because no spreadsheet checks prose.",
        source="Phần I 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH … GIAI ĐOẠN 2016-2020', its table of "
        "indicators and footnotes.",
        fix="Check the figures against the document: correct a mistranscription in plan.yaml; a slip "
        "in the document itself is a finding to report to its owner, not to edit away.",
        check=check_claims,
    ),
)
