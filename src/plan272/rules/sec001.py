"""SEC001: information security gets at least the minimum share of the funding over the period.

Which spending counts, the minimum and the denominator come from ``security_policy`` in plan.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, counted, denominator, ids, shortfall, unresolved


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    policy = plan.meta.security_policy
    account = security_account(plan)
    if policy is None or account is None or "period" not in policy.scopes:
        return
    skipped = not_checked(plan, where, "SEC001", account.needs)
    if skipped:
        yield skipped
        return
    share = account.period
    start, end = plan.years[0], plan.years[-1]
    at = where.locate("security_policy", "min_share_percent")
    blocked = unresolved("SEC001", account, at, "period")
    if blocked:
        yield blocked
        return
    if share.verdict == "none":
        yield Finding(
            "SEC001",
            Severity.INFO,
            f"not checked: the denominator ({denominator(plan, account)}) holds no funding over "
            f"{start}–{end}, so there is no share to take",
            at,
            ids=("period",),
            detail="no-funding",
        )
        return
    if share.verdict == "unknown":
        yield Finding(
            "SEC001",
            Severity.INFO,
            f"not checked: information security over {start}–{end} is between {percent_text(share.percent)} "
            f"and {percent_text(share.upper_percent)} of {share.base:,} million VND, against the minimum "
            f"{share.minimum_percent}%: the security parts (attt) of {ids(account.uncertain)} are given for "
            "whole projects that reach beyond the period, and how much of them falls in the period is not "
            "known",
            at,
            ids=("period",),
            detail="uncertain",
            extra={"low": percent_text(share.percent), "high": percent_text(share.upper_percent)},
        )
        return
    if share.ok:
        return
    bound = ""
    if share.uncertain:
        bound = (
            f"; even if all {share.uncertain:,} of the attt parts of {ids(account.uncertain)} (whole "
            f"projects reaching beyond the period) fell in it, the share would be "
            f"{percent_text(share.upper_percent)}"
        )
    yield Finding(
        "SEC001",
        Severity.ERROR,
        f"information security over {start}–{end}: {shortfall(share)}; counted: {counted(account)}; "
        f"denominator: {denominator(plan, account)}{bound}",
        at,
        ids=("period",),
        expected=share.required,
        observed=share.amount,
        extra={"share": percent_text(share.shown), "base": str(share.base)},
    )


RULE = Rule(
    code="SEC001",
    name="security-share-period",
    summary="Information security gets at least the minimum share of the funding over the period.",
    severity=Severity.ERROR,
    what="Security spending (the rows `security_policy.counted` names in full, plus the attt amount of "
    "any other project) divided by the plan's funding (the appendices of `security_policy.denominator`, "
    "by default all), both over the plan's whole period, against `security_policy.min_share_percent`. "
    "Only rows of the denominator's appendices count. Amounts over the period are in-period "
    "allocations; where a project's attt part is given for a whole project that reaches beyond the "
    "period, the share is known only within bounds, and a share the bounds cannot decide — or a "
    "denominator with no funding — is reported as not checked.",
    why=WHY,
    source=SOURCE,
    fix="Raise the security allocations (the counted groups, or attt parts of projects), or record in "
    "plan.yaml which further spending counts (security_policy.counted, the attt column) if the "
    "document says so.",
    check=check,
)
