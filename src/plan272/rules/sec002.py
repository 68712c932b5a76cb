"""SEC002: information security gets at least the minimum share of each year's funding."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, denominator, ids, shortfall, unresolved


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    policy = plan.meta.security_policy
    account = security_account(plan)
    if policy is None or account is None or "year" not in policy.scopes:
        return
    skipped = not_checked(plan, where, "SEC002", account.needs)
    if skipped:
        yield skipped
        return
    at = where.locate("security_policy", "min_share_percent")
    blocked = unresolved("SEC002", account, at, "years")
    if blocked:
        yield blocked
        return
    parts = f" (the attt parts of {ids(account.partial)} have no yearly split)" if account.partial else ""
    empty = [year for year, share in account.years.items() if share.verdict == "none"]
    if empty:
        which = "that year" if len(empty) == 1 else "those years"
        yield Finding(
            "SEC002",
            Severity.INFO,
            f"not checked for {', '.join(str(y) for y in empty)}: the denominator "
            f"({denominator(plan, account)}) holds no funding in {which}",
            at,
            ids=tuple(str(y) for y in empty),
            detail="no-funding",
        )
    for year, share in account.years.items():
        if share.verdict == "unknown":
            yield Finding(
                "SEC002",
                Severity.INFO,
                f"not checked: information security in {year} is between {percent_text(share.percent)} and "
                f"{percent_text(share.upper_percent)} of {share.base:,} million VND, against the minimum "
                f"{share.minimum_percent}%{parts}: how much of them falls in {year} is not known",
                at,
                ids=(str(year),),
                detail=f"uncertain-{year}",
                extra={"low": percent_text(share.percent), "high": percent_text(share.upper_percent)},
            )
            continue
        if share.verdict != "short":
            continue
        bound = ""
        if share.uncertain:
            bound = (
                f"; even if all {share.uncertain:,} of the attt parts that may fall in {year} did, the share "
                f"would be {percent_text(share.upper_percent)}"
            )
        yield Finding(
            "SEC002",
            Severity.ERROR,
            f"information security in {year}: {shortfall(share)}; counted: {ids(account.whole)}; "
            f"denominator: {denominator(plan, account)}{bound}",
            at,
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
    "total funding. An attt part has no yearly split: in a year it counts for sure only as far as the "
    "project's money in other years cannot hold it, and at most up to the project's allocation of the "
    "year; a year the bounds cannot decide, or a year without funding, is reported as not checked.",
    why=WHY,
    source=SOURCE,
    fix="Move or add security allocations into the years that fall short.",
    check=check,
)
