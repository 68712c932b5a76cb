"""SEC002: information security gets at least the minimum share of each year's funding."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, denominator, ids, shortfall


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    policy = plan.meta.security_policy
    account = security_account(plan)
    if policy is None or account is None or "year" not in policy.scopes:
        return
    skipped = not_checked(plan, where, "SEC002", account.needs)
    if skipped:
        yield skipped
        return
    note = ""
    if account.partial:
        note = f" (attt amounts of {ids(account.partial)} have no yearly split: not counted)"
    for year, share in account.years.items():
        if share.ok:
            continue
        yield Finding(
            "SEC002",
            Severity.ERROR,
            f"information security in {year}: {shortfall(share)}; counted: {ids(account.whole)}; "
            f"denominator: {denominator(plan, account)}{note}",
            where.locate("security_policy", "min_share_percent"),
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
    what="The same share, year by year: the counted rows' allocation for the year over the year's "
    "total funding. attt amounts have no yearly split and are not counted here.",
    why=WHY,
    source=SOURCE,
    fix="Move or add security allocations into the years that fall short.",
    check=check,
)
