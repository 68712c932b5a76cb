"""SEC001: information security gets at least the minimum share of the five-year funding.

Which spending counts, the minimum and the denominator come from ``security_policy`` in plan.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.analysis import percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.rules import Rule, not_checked
from plan272.rules._security import SOURCE, WHY, counted, denominator, needs, shortfall


def check(plan: Plan) -> Iterator[Finding]:
    if "period" not in plan.meta.security_policy.scopes:
        return
    skipped = not_checked(plan, "SEC001", needs(plan))
    if skipped:
        yield skipped
        return
    account = security_account(plan)
    share = account.period
    if share.ok:
        return
    start, end = plan.years[0], plan.years[-1]
    yield Finding(
        "SEC001",
        Severity.ERROR,
        f"information security over {start}–{end}: {shortfall(share)}; counted: {counted(account)}; "
        f"denominator: {denominator(plan)}",
        plan.yaml_location("security_policy", "min_share_percent"),
        ids=("period",),
        expected=share.required,
        observed=share.amount,
        extra={"share": percent_text(share.shown), "base": str(share.base)},
    )


RULE = Rule(
    code="SEC001",
    name="security-share-period",
    summary="Information security gets at least the minimum share of the five-year funding.",
    severity=Severity.ERROR,
    what="Security spending (by default the projects of group IV 'AN TOÀN THÔNG TIN', plus any "
    "project's attt amount) divided by the plan's funding (by default Appendix I + Appendix II) "
    "over the whole period, against security_policy.min_share_percent.",
    why=WHY,
    source=SOURCE,
    fix="Raise the security allocations (group IV or attt parts of projects), or record in "
    "plan.yaml which further spending counts (counted_projects, attt column) if the document says so.",
    check=check,
)
