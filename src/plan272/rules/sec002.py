"""SEC002: information security gets at least the minimum share of each year's funding."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Num, Pct
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, all_named, denominator, ids, shortfall, unresolved


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
    partial: Message | str = Message("SEC002.partial", rows=ids(account.partial)) if account.partial else ""
    empty = [year for year, share in account.years.items() if share.verdict == "none"]
    if empty:
        yield Finding(
            "SEC002",
            Severity.INFO,
            Message(
                "SEC002.no-funding",
                years=Each(tuple(empty)),
                denominator=denominator(plan, account),
                which=Message("SEC002.that-year" if len(empty) == 1 else "SEC002.those-years"),
            ),
            at,
            ids=tuple(str(y) for y in empty),
            detail="no-funding",
        )
    for year, share in account.years.items():
        if share.verdict == "unknown":
            yield Finding(
                "SEC002",
                Severity.INFO,
                Message(
                    "SEC002.uncertain",
                    year=year,
                    low=Pct(share.percent),
                    high=Pct(share.upper_percent),
                    base=Amount(share.base),
                    minimum=Num(share.minimum_percent),
                    partial=partial,
                ),
                at,
                ids=(str(year),),
                detail=f"uncertain-{year}",
                extra={"low": percent_text(share.percent), "high": percent_text(share.upper_percent)},
            )
            continue
        if share.verdict != "short":
            continue
        bound: Message | str = ""
        if share.uncertain:
            bound = Message(
                "SEC002.bound", uncertain=Amount(share.uncertain), year=year, high=Pct(share.upper_percent)
            )
        yield Finding(
            "SEC002",
            Severity.ERROR,
            Message(
                "SEC002.short",
                year=year,
                shortfall=shortfall(share),
                counted=ids(account.whole),
                denominator=denominator(plan, account),
                bound=bound,
            ),
            at,
            ids=(str(year),),
            expected=share.required,
            observed=share.amount,
            detail=str(year),
            extra={
                "share": percent_text(share.shown),
                "base": str(share.base),
                **all_named(counted=(r.id for r in account.whole), partial=(r.id for r in account.partial)),
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
