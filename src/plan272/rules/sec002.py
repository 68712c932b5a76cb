"""SEC002: information security gets at least the minimum share of each year's funding."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.analysis import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, denominator, needs, shortfall


def check(plan: Plan) -> Iterator[Finding]:
    if "year" not in plan.meta.security_policy.scopes:
        return
    skipped = not_checked(plan, "SEC002", needs(plan))
    if skipped:
        yield skipped
        return
    account = security_account(plan)
    whole = ", ".join(p.id for p in account.whole) or "none"
    note = ""
    if account.partial:
        note = (
            f" (attt amounts of {', '.join(p.id for p in account.partial)} have no yearly split: not counted)"
        )
    for year, share in account.years.items():
        if share.ok:
            continue
        yield Finding(
            "SEC002",
            Severity.ERROR,
            f"information security in {year}: {shortfall(share)}; counted: {whole}; "
            f"denominator: {denominator(plan)}{note}",
            plan.yaml_location("security_policy", "min_share_percent"),
            ids=(str(year),),
            expected=share.required,
            observed=share.amount,
            detail=str(year),
            extra={
                "share": percent_text(share.shown),
                "base": str(share.base),
            },
        )


RULE = Rule(
    code="SEC002",
    name="security-share-year",
    summary="Information security gets at least the minimum share of each year's funding.",
    severity=Severity.ERROR,
    what="The same share, year by year: the counted projects' allocation for the year over the "
    "year's total funding.",
    why=WHY,
    source=SOURCE,
    fix="Move or add security allocations into the years that fall short.",
    check=check,
)
