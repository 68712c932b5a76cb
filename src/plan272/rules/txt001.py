"""TXT001: the arithmetic claims of the narrative (Part I) hold.

A total must equal the sum of its parts. A percentage must be what its counts give, rounded half up
at the precision it is printed with. A printed percentage that is the value *truncated* rather than
rounded (802/1.963 = 40.8558…% printed as 40,85%) is arithmetically right and reported as ``info``
with both readings; any other difference is a ``warning`` with the computed value.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.messages import Amount, Message, Num
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    from plan272.stated import claim_check

    for index, claim in enumerate(plan.meta.claims):
        check = claim_check(index, claim)
        if check.status == "ok":
            continue
        at = where.locate(*check.path)
        if check.status == "unreadable":
            yield Finding(
                "TXT001",
                Severity.WARNING,
                Message("TXT001.unreadable", label=claim.label, why=check.detail),
                at,
                ids=(claim.id,),
            )
            continue
        assert check.stated is not None and check.computed is not None
        if check.kind == "total":
            diff = check.computed - check.stated
            message = Message(
                "TXT001.total",
                label=claim.label,
                printed=check.printed,
                where=claim.source.where,
                parts=check.detail,
                computed=Amount(check.computed),
                diff=Amount(abs(diff)),
                more=Message("TXT001.more" if diff > 0 else "TXT001.fewer"),
            )
            severity = Severity.WARNING
        elif check.status == "truncated":
            message = Message(
                "TXT001.truncated",
                label=claim.label,
                detail=check.detail,
                computed=Num(check.computed),
                printed=check.printed,
            )
            severity = Severity.INFO
        else:
            message = Message(
                "TXT001.differs",
                label=claim.label,
                detail=check.detail,
                computed=Num(check.computed),
                printed=check.printed,
            )
            severity = Severity.WARNING
        yield Finding(
            "TXT001",
            severity,
            message,
            at,
            ids=(claim.id,),
            expected=check.computed,
            observed=check.stated,
            detail="truncated" if check.status == "truncated" else None,
        )


RULE = Rule(
    code="TXT001",
    name="narrative-arithmetic",
    summary="The arithmetic claims of the narrative hold: totals and their parts, ratios and their counts.",
    severity=Severity.WARNING,
    what="Each claim recorded under `claims` in plan.yaml (every 'N …, of which a, b and c' and "
    "'x of y, i.e. p%' of the narrative) is recomputed: a total that is not the sum of its parts, or a "
    "percentage that does not round (half up) to the printed figure at its printed precision, is a "
    "warning with both figures. A percentage that is the truncated value is reported as info.",
    why="A narrative's figures are quoted in reports and speeches; a drafting slip there goes "
    "unnoticed because no spreadsheet checks prose.",
    source="The narrative of the plan, usually its review of the previous period, its table of "
    "indicators and its footnotes (in Plan 272: Phần I 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH … GIAI "
    "ĐOẠN 2016-2020').",
    fix="Check the figures against the document: correct a mistranscription in plan.yaml; a slip "
    "in the document itself is a finding to report to its owner, not to edit away.",
    check=check,
)
