"""SEC003: each IT project spends at least the minimum share on security, where the data says."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.analysis import Share, percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.rules import Rule
from plan272.rules._security import SOURCE, WHY, shortfall


def check(plan: Plan) -> Iterator[Finding]:
    policy = plan.meta.security_policy
    if "project" not in policy.scopes:
        return
    account = security_account(plan)
    whole = {p.id for p in account.whole}
    known = [
        p
        for p in plan.projects
        if p.attt is not None and p.id not in whole and not p.unreadable & {"tmdt", "attt"}
    ]
    if not known:
        yield Finding(
            "SEC003",
            Severity.INFO,
            f"no project outside the counted groups ({', '.join(policy.counted_groups) or 'none'}) gives "
            "its security amount (column attt), so the per-project minimum "
            f"{policy.min_share_percent}% cannot be checked",
            plan.yaml_location("security_policy", "scopes"),
            ids=("projects",),
            detail="no-data",
        )
        return
    for project in known:
        if (project.attt or 0) > project.tmdt:
            yield Finding(
                "SEC003",
                Severity.ERROR,
                f"project {project.id}: the security part {project.attt:,} is larger than the whole "
                f"project ({project.tmdt:,} million VND)",
                project.location.with_field("attt"),
                ids=(project.id,),
                expected=project.tmdt,
                observed=project.attt,
                detail="above-total",
            )
            continue
        share = Share(project.attt or 0, project.tmdt, policy.min_share_percent)
        if share.ok:
            continue
        yield Finding(
            "SEC003",
            Severity.ERROR,
            f"project {project.id}: security part {shortfall(share)}",
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
    what="For projects with an attt amount: attt / TMĐT against the minimum. Projects of the counted "
    "groups are security projects in full. When no project gives an attt amount, one info finding "
    "says the check could not be made, rather than passing silently.",
    why=WHY,
    source=SOURCE,
    fix="Record each project's security part in the attt column of appendix1.csv (from the "
    "project documents), then raise it where it falls short.",
    check=check,
)
