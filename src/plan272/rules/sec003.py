"""SEC003: each IT project spends at least the minimum share on security, where the data says."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import Share, percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Num
from plan272.model import Plan, Project
from plan272.provenance import Provenance
from plan272.rules import Rule
from plan272.rules._security import SOURCE, WHY, shortfall


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    policy = plan.meta.security_policy
    account = security_account(plan)
    if policy is None or account is None or "project" not in policy.scopes:
        return
    whole = {(r.appendix, r.id) for r in account.whole}
    known = [
        row
        for appendix in plan.appendices
        for row in plan.rows(appendix.id)
        if isinstance(row, Project)
        and row.attt is not None
        and (row.appendix, row.id) not in whole
        and not row.unreadable & {"tmdt", "attt"}
    ]
    if not known:
        groups = tuple(g for c in policy.counted for g in c.groups)
        which = (
            Message("SEC003.outside-groups", groups=Each(groups)) if groups else Message("SEC003.not-counted")
        )
        yield Finding(
            "SEC003",
            Severity.INFO,
            Message("SEC003.no-data", which=which, minimum=Num(policy.min_share_percent)),
            where.locate("security_policy", "scopes"),
            ids=("projects",),
            detail="no-data",
        )
        return
    for project in known:
        if (project.attt or 0) > project.total:
            yield Finding(
                "SEC003",
                Severity.ERROR,
                Message(
                    "SEC003.above-total",
                    row=project.id,
                    attt=Amount(project.attt or 0),
                    total=Amount(project.total),
                ),
                project.location.with_field("attt"),
                ids=(project.id,),
                expected=project.total,
                observed=project.attt,
                detail="above-total",
            )
            continue
        share = Share(project.attt or 0, project.total, policy.min_share_percent)
        if share.verdict != "short":
            continue  # meets the minimum, or a project of 0 (nothing to take a share of)
        yield Finding(
            "SEC003",
            Severity.ERROR,
            Message("SEC003.short", row=project.id, shortfall=shortfall(share)),
            project.location.with_field("attt"),
            ids=(project.id,),
            expected=share.required,
            observed=share.amount,
            extra={"share": percent_text(share.shown)},
        )


RULE = Rule(
    code="SEC003",
    name="security-share-project",
    summary="Each IT project spends at least the minimum share on security, where the data says.",
    severity=Severity.ERROR,
    what="For projects with an attt amount: attt / the project's total against the minimum. Rows "
    "counted in full are security projects. When no project gives an attt amount, one info finding "
    "says the check could not be made, rather than passing silently.",
    why=WHY,
    source=SOURCE,
    fix="Record each project's security part in the attt column of its appendix (from the project "
    "documents), then raise it where it falls short.",
    check=check,
)
