"""SEC001–SEC003: the information-security share of the funding, per the plan's own policy.

Which spending counts, the minimum and the denominator come from ``security_policy`` in plan.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan272.analysis import SecurityAccount, Share, percent_text, security_account
from plan272.findings import Finding, Severity
from plan272.model import Plan
from plan272.rules import Rule, not_checked


def _counted(account: SecurityAccount) -> str:
    ids = account.counted_ids
    return ", ".join(ids) if ids else "none"


def _denominator(plan: Plan) -> str:
    names = {"appendix1": "Appendix I", "appendix2": "Appendix II"}
    return " + ".join(names[d] for d in plan.meta.security_policy.denominator)


def _shortfall(share: Share) -> str:
    short = share.required - share.amount
    return (
        f"{share.amount:,} of {share.base:,} million VND is "
        f"{percent_text(share.percent, below=share.minimum_percent)}, below the "
        f"minimum {share.minimum_percent}% ({share.required:,} needed: {short:,} short)"
    )


def _needs(plan: Plan) -> tuple[str, ...]:
    return tuple(dict.fromkeys(("appendix1", *plan.meta.security_policy.denominator)))


def check_period(plan: Plan) -> Iterator[Finding]:
    if "period" not in plan.meta.security_policy.scopes:
        return
    skipped = not_checked(plan, "SEC001", _needs(plan))
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
        f"information security over {start}–{end}: {_shortfall(share)}; counted: {_counted(account)}; "
        f"denominator: {_denominator(plan)}",
        plan.yaml_location("security_policy", "min_share_percent"),
        ids=("period",),
        expected=share.required,
        observed=share.amount,
        extra={"share": percent_text(share.percent, below=share.minimum_percent), "base": str(share.base)},
    )


def check_years(plan: Plan) -> Iterator[Finding]:
    if "year" not in plan.meta.security_policy.scopes:
        return
    skipped = not_checked(plan, "SEC002", _needs(plan))
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
            f"information security in {year}: {_shortfall(share)}; counted: {whole}; "
            f"denominator: {_denominator(plan)}{note}",
            plan.yaml_location("security_policy", "min_share_percent"),
            ids=(str(year),),
            expected=share.required,
            observed=share.amount,
            detail=str(year),
            extra={
                "share": percent_text(share.percent, below=share.minimum_percent),
                "base": str(share.base),
            },
        )


def check_projects(plan: Plan) -> Iterator[Finding]:
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
            f"project {project.id}: security part {_shortfall(share)}",
            project.location.with_field("attt"),
            ids=(project.id,),
            expected=share.required,
            observed=share.amount,
            extra={"share": percent_text(share.percent, below=share.minimum_percent)},
        )


_WHY = (
    "The plan commits to spending at least the minimum share of its IT funding on information-security "
    "products and services; a plan that does not is inconsistent with its own policy."
)
_SOURCE = (
    "Phần II, mục III.6 'Bảo đảm an toàn thông tin', last bullet: 'đạt tối thiểu 10% trong tổng kinh phí "
    "triển khai kế hoạch ứng dụng CNTT hàng năm, giai đoạn 5 năm và các dự án CNTT'."
)
RULES = (
    Rule(
        code="SEC001",
        name="security-share-period",
        summary="Information security gets at least the minimum share of the five-year funding.",
        severity=Severity.ERROR,
        what="Security spending (by default the projects of group IV 'AN TOÀN THÔNG TIN', plus any "
        "project's attt amount) divided by the plan's funding (by default Appendix I + Appendix II) "
        "over the whole period, against security_policy.min_share_percent.",
        why=_WHY,
        source=_SOURCE,
        fix="Raise the security allocations (group IV or attt parts of projects), or record in "
        "plan.yaml which further spending counts (counted_projects, attt column) if the document says so.",
        check=check_period,
    ),
    Rule(
        code="SEC002",
        name="security-share-year",
        summary="Information security gets at least the minimum share of each year's funding.",
        severity=Severity.ERROR,
        what="The same share, year by year: the counted projects' allocation for the year over the "
        "year's total funding.",
        why=_WHY,
        source=_SOURCE,
        fix="Move or add security allocations into the years that fall short.",
        check=check_years,
    ),
    Rule(
        code="SEC003",
        name="security-share-project",
        summary="Each IT project spends at least the minimum share on security, where the data says.",
        severity=Severity.ERROR,
        what="For projects with an attt amount: attt / TMĐT against the minimum. Projects of the counted "
        "groups are security projects in full. When no project gives an attt amount, one info finding "
        "says the check could not be made, rather than passing silently.",
        why=_WHY,
        source=_SOURCE,
        fix="Record each project's security part in the attt column of appendix1.csv (from the "
        "project documents), then raise it where it falls short.",
        check=check_projects,
    ),
)
