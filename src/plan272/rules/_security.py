"""Helpers shared by the security rules (SEC001–SEC003)."""

from __future__ import annotations

from collections.abc import Iterable

from plan272.figures import SecurityAccount, Share
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Num, Pct, Words
from plan272.model import Plan, Row
from plan272.problems import Location
from plan272.rules import appendix_name

#: a message names at most this many rows; the finding's ``extra`` holds all of them
MAX_NAMED = 10


def ids(rows: Iterable[Row]) -> Each:
    return Each(tuple(r.id for r in rows), limit=MAX_NAMED)


def counted(account: SecurityAccount) -> Each:
    return Each(tuple(account.counted_ids), limit=MAX_NAMED)


def all_named(**lists: Iterable[str]) -> dict[str, str]:
    """The full lists of rows a message shortened (``extra``: ids separated by spaces), only for the
    lists longer than :data:`MAX_NAMED` — a short list is all in the message already."""
    out = {}
    for name, values in lists.items():
        items = list(values)
        if len(items) > MAX_NAMED:
            out[name] = " ".join(items)
    return out


def denominator(plan: Plan, account: SecurityAccount) -> Each:
    return Each(
        tuple(appendix_name(plan, a) for a in account.denominator), "plus", Words("nothing", "không có gì")
    )


def unresolved(code: str, account: SecurityAccount, at: Location, scope: str) -> Finding | None:
    """An info finding that ``code`` could not check: ``counted`` names spending the plan does not
    have (DAT002 reports where), so any share would leave it out."""
    if not account.unresolved:
        return None
    return Finding(
        code,
        Severity.INFO,
        Message("SEC.unresolved", names=Each(tuple(account.unresolved))),
        at,
        ids=(scope,),
        detail="unresolved",
    )


def shortfall(share: Share) -> Message:
    return Message(
        "SEC.shortfall",
        amount=Amount(share.amount),
        base=Amount(share.base),
        share=Pct(share.shown),
        minimum=Num(share.minimum_percent),
        required=Amount(share.required),
        short=Amount(share.required - share.amount),
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
