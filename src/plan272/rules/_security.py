"""Helpers shared by the security rules (SEC001–SEC003)."""

from __future__ import annotations

from collections.abc import Iterable

from plan272.figures import SecurityAccount, Share, percent_text
from plan272.findings import Finding, Severity
from plan272.model import Plan, Row
from plan272.problems import Location


def ids(rows: Iterable[Row]) -> str:
    return ", ".join(r.id for r in rows) or "none"


def counted(account: SecurityAccount) -> str:
    return ", ".join(account.counted_ids) or "none"


def denominator(plan: Plan, account: SecurityAccount) -> str:
    names = []
    for appendix_id in account.denominator:
        appendix = plan.appendix(appendix_id)
        names.append(appendix.label() if appendix else appendix_id)
    return " + ".join(names) or "nothing"


def unresolved(code: str, account: SecurityAccount, at: Location, scope: str) -> Finding | None:
    """An info finding that ``code`` could not check: ``counted`` names spending the plan does not
    have (DAT002 reports where), so any share would leave it out."""
    if not account.unresolved:
        return None
    return Finding(
        code,
        Severity.INFO,
        f"not checked: security_policy.counted names {', '.join(account.unresolved)}, which the plan "
        "does not have (see DAT002); the spending it means cannot be counted",
        at,
        ids=(scope,),
        detail="unresolved",
    )


def shortfall(share: Share) -> str:
    short = share.required - share.amount
    return (
        f"{share.amount:,} of {share.base:,} million VND is "
        f"{percent_text(share.shown)}, below the "
        f"minimum {share.minimum_percent}% ({share.required:,} needed: {short:,} short)"
    )


WHY = (
    "A plan may commit to spending at least a minimum share of its IT funding on information-security "
    "products and services; a plan that does not is inconsistent with its own policy."
)

SOURCE = (
    "The plan's security policy, recorded under `security_policy` in plan.yaml with its source (in Plan "
    "272: Phần II, mục III.6 'Bảo đảm an toàn thông tin', last bullet: 'đạt tối thiểu 10% trong tổng "
    "kinh phí triển khai kế hoạch ứng dụng CNTT hàng năm, giai đoạn 5 năm và các dự án CNTT')."
)
