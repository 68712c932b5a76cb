"""SUM004: every amount plan.yaml records in words (and as a printed figure) equals its figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from plan272.findings import Finding, Severity
from plan272.messages import Amount, Message, Words
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule

GRAND_TOTAL = Words("grand total", "tổng kinh phí")


def _figure(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    from plan272.stated import amount_checks
    from plan272.vnwords import int_to_words

    for check in amount_checks(plan):
        if check.status == "ok":
            continue
        assert check.computed is not None
        amount = int(check.computed)
        ids = (*(str(p) for p in check.path),)
        at = where.locate(*check.path)
        # the grand total's name is the rule's words; a part's label is the plan's own text
        label: Words | str = GRAND_TOTAL if check.id == "grand_total" else check.label
        what = (
            Message("SUM004.in-words")
            if check.kind == "words"
            else Message("SUM004.printed", printed=repr(check.printed))
        )
        if check.status == "unreadable":
            yield Finding(
                "SUM004",
                Severity.ERROR if check.kind == "words" else Severity.WARNING,
                Message("SUM004.unreadable", label=label, what=what, why=check.detail),
                at,
                ids=ids,
                expected=amount,
                detail="unreadable",
            )
            continue
        assert check.stated is not None
        read = _figure(check.stated)
        if check.kind == "words":
            message = Message(
                "SUM004.words",
                label=label,
                read=Amount(read),
                amount=Amount(amount),
                words=int_to_words(amount * 10**6),
            )
        else:
            message = Message(
                "SUM004.figure", label=label, what=what, read=Amount(read), amount=Amount(amount)
            )
        yield Finding("SUM004", Severity.ERROR, message, at, ids=ids, expected=amount, observed=read)


RULE = Rule(
    code="SUM004",
    name="amount-in-words",
    summary="Every amount stated in words (and as a printed figure) equals its figure.",
    severity=Severity.ERROR,
    what="Reads the amounts in words that plan.yaml records as printed for the grand total and its "
    "parts (`words`; in Plan 272, section VIII: 'Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu "
    "đồng') with a Vietnamese number reader and compares them, in the right unit (words in đồng, "
    "figures in million VND), with the figure; also reads the printed figure (`stated`, Vietnamese "
    "notation, e.g. '1.501,713tỷ đồng') and compares it.",
    why="Official documents state key amounts twice so that a slip in one shows against the other; a "
    "transcription or drafting error hides exactly there.",
    source="The section of the plan on its funding, where it states the amounts in figures and in "
    "words (in Plan 272: Phần II, mục VIII 'KINH PHÍ THỰC HIỆN').",
    fix="Compare figure and words with the document; correct the transcription, or report the "
    "discrepancy in the document to its owner.",
    check=check,
)
