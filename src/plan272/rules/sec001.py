"""SEC001: information security gets at least the minimum share of the funding over the period.

Which spending counts, the minimum and the denominator come from ``security_policy`` in plan.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Message, Num, Pct
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, all_named, counted, denominator, ids, shortfall, unresolved


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
    period = f"{plan.years[0]}–{plan.years[-1]}"
    at = where.locate("security_policy", "min_share_percent")
    blocked = unresolved("SEC001", account, at, "period")
    if blocked:
        yield blocked
        return
    if share.verdict == "none":
        yield Finding(
            "SEC001",
            Severity.INFO,
            Message("SEC001.no-funding", denominator=denominator(plan, account), period=period),
            at,
            ids=("period",),
            detail="no-funding",
        )
        return
    if share.verdict == "unknown":
        yield Finding(
            "SEC001",
            Severity.INFO,
            Message(
                "SEC001.uncertain",
                period=period,
                low=Pct(share.percent),
                high=Pct(share.upper_percent),
                base=Amount(share.base),
                minimum=Num(share.minimum_percent),
                rows=ids(account.uncertain),
            ),
            at,
            ids=("period",),
            detail="uncertain",
            extra={"low": percent_text(share.percent), "high": percent_text(share.upper_percent)},
        )
        return
    if share.ok:
        return
    bound: Message | str = ""
    if share.uncertain:
        bound = Message(
            "SEC001.bound",
            uncertain=Amount(share.uncertain),
            rows=ids(account.uncertain),
            high=Pct(share.upper_percent),
        )
    yield Finding(
        "SEC001",
        Severity.ERROR,
        Message(
            "SEC001.short",
            period=period,
            shortfall=shortfall(share),
            counted=counted(account),
            denominator=denominator(plan, account),
            bound=bound,
        ),
        at,
        ids=("period",),
        expected=share.required,
        observed=share.amount,
        extra={
            "share": percent_text(share.shown),
            "base": str(share.base),
            **all_named(counted=account.counted_ids, uncertain=(r.id for r in account.uncertain)),
        },
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
