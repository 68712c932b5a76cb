"""Helpers shared by the security rules (SEC001–SEC003)."""

from __future__ import annotations

from plan272.analysis import SecurityAccount, Share, percent_text
from plan272.model import Plan


def counted(account: SecurityAccount) -> str:
    ids = account.counted_ids
    return ", ".join(ids) if ids else "none"


def denominator(plan: Plan) -> str:
    names = {"appendix1": "Appendix I", "appendix2": "Appendix II"}
    return " + ".join(names[d] for d in plan.meta.security_policy.denominator)


def shortfall(share: Share) -> str:
    short = share.required - share.amount
    return (
        f"{share.amount:,} of {share.base:,} million VND is "
        f"{percent_text(share.shown)}, below the "
        f"minimum {share.minimum_percent}% ({share.required:,} needed: {short:,} short)"
    )


def needs(plan: Plan) -> tuple[str, ...]:
    return tuple(dict.fromkeys(("appendix1", *plan.meta.security_policy.denominator)))


WHY = (
    "The plan commits to spending at least the minimum share of its IT funding on information-security "
    "products and services; a plan that does not is inconsistent with its own policy."
)

SOURCE = (
    "Phần II, mục III.6 'Bảo đảm an toàn thông tin', last bullet: 'đạt tối thiểu 10% trong tổng kinh phí "
    "triển khai kế hoạch ứng dụng CNTT hàng năm, giai đoạn 5 năm và các dự án CNTT'."
)
