"""The figures the text states, recomputed: amounts in words and in print (SUM004), the arithmetic
claims of the narrative (TXT001). Shared by the rules, the summary and diff.

Pure functions over the typed plan; amounts are million VND, nothing is a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from plan272.messages import Message, Num
from plan272.model import Claim, Plan, StatedAmount
from plan272.numbers import exact

# ---------------------------------------------------------------------------------------------
# Stated figures: amounts in words and printed figures (SUM004), claims of the narrative (TXT001)

StatedKind = Literal["words", "figure", "total", "ratio"]
StatedStatus = Literal["ok", "differs", "truncated", "unreadable"]


@dataclass(frozen=True)
class StatedCheck:
    """One figure the text states, recomputed from the others.

    Amounts (kinds ``words`` and ``figure``) are in million VND; ``total`` claims count things;
    ``ratio`` claims are percentages. ``stated`` is what the text says, ``computed`` what the other
    figures give; ``status`` says whether they agree.
    """

    kind: StatedKind
    id: str
    label: str
    where: str
    printed: str
    stated: Decimal | None
    computed: Decimal | None
    status: StatedStatus
    path: tuple[str | int, ...]  # the plan.yaml value the check is about
    #: the parts ("39 + 29 + 02"), the fraction, or why it is unreadable
    detail: str | Message = ""


UNIT_DONG = {"dong": Decimal(1), "trieu": Decimal(10) ** 6, "ty": Decimal(10) ** 9}
_MILLION = Decimal(10) ** 6
_PRINTED = re.compile(r"^\s*([0-9][0-9.,]*)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|VNĐ|VND)?\s*$", re.IGNORECASE)
_UNIT_WORDS = {"tỷ": "ty", "tỉ": "ty", "triệu": "trieu"}


def printed_million(text: str, default_unit: str | None) -> tuple[Decimal | None, Message | None]:
    """A printed figure ('1.501,713tỷ đồng', Vietnamese notation) in million VND, or (None, why)."""
    from plan272.numbers import NumberError, parse_decimal

    match = _PRINTED.match(text)
    if not match:
        return None, Message("stated.not-a-figure")
    number, unit_word, currency = match.groups()
    if unit_word and unit_word.casefold() in ("nghìn", "ngàn"):
        return None, Message("stated.nghin")
    unit = _UNIT_WORDS.get((unit_word or "").casefold()) or ("dong" if currency else default_unit)
    if unit is None:
        return None, Message("stated.no-unit")
    try:
        value = parse_decimal(number, "vi")
    except NumberError as exc:
        return None, Message("stated.number", why=exc.message)
    result = value * UNIT_DONG[unit] / _MILLION
    return (Decimal(int(result)) if result == result.to_integral_value() else result), None


def amount_checks(plan: Plan) -> list[StatedCheck]:
    """The amounts stated in words and as printed figures (grand total and its parts), checked."""
    from plan272.vnwords import WordsError, words_to_int

    grand = plan.meta.grand_total
    if grand is None:
        return []
    items: list[tuple[tuple[str | int, ...], str, str, StatedAmount]] = [
        (("grand_total",), "grand_total", "grand total", grand)
    ]
    items += [
        (("grand_total", "parts", i), f"grand_total.{p.id}", p.label, p) for i, p in enumerate(grand.parts)
    ]
    out: list[StatedCheck] = []
    for path, key, label, stated in items:
        where = stated.source.where if stated.source else ""
        amount = Decimal(stated.amount)
        if stated.words is not None:
            try:
                read = Decimal(words_to_int(stated.words)) * UNIT_DONG[stated.words_unit] / _MILLION
            except WordsError as exc:
                out.append(
                    StatedCheck(
                        "words",
                        key,
                        label,
                        where,
                        stated.words,
                        None,
                        amount,
                        "unreadable",
                        (*path, "words"),
                        Message("stated.words", why=exc.message),
                    )
                )
            else:
                status: StatedStatus = "ok" if read == amount else "differs"
                out.append(
                    StatedCheck(
                        "words", key, label, where, stated.words, read, amount, status, (*path, "words")
                    )
                )
        if stated.stated is not None:
            value, why = printed_million(stated.stated, stated.stated_unit)
            if value is None:
                out.append(
                    StatedCheck(
                        "figure",
                        key,
                        label,
                        where,
                        stated.stated,
                        None,
                        amount,
                        "unreadable",
                        (*path, "stated"),
                        why or "",
                    )
                )
            else:
                status = "ok" if value == amount else "differs"
                out.append(
                    StatedCheck(
                        "figure", key, label, where, stated.stated, value, amount, status, (*path, "stated")
                    )
                )
    return out


def claim_check(index: int, claim: Claim) -> StatedCheck:
    """Recompute one claim: a total from its parts, or a percentage from its counts (rounded half up
    at the printed precision; ``truncated`` when the printed figure is the value cut instead)."""
    path: tuple[str | int, ...] = ("claims", index)
    if claim.kind == "total":
        assert claim.total is not None
        parts = sum((p.value for p in claim.parts), Decimal(0))
        status: StatedStatus = "ok" if parts == claim.total.value else "differs"
        detail = " + ".join(p.printed for p in claim.parts)
        return StatedCheck(
            "total",
            claim.id,
            claim.label,
            claim.source.where,
            claim.total.printed,
            claim.total.value,
            parts,
            status,
            (*path, "total"),
            detail,
        )
    assert claim.numerator is not None and claim.denominator is not None and claim.percent is not None
    stated = claim.percent.value
    if claim.denominator.value == 0:
        return StatedCheck(
            "ratio",
            claim.id,
            claim.label,
            claim.source.where,
            claim.percent.printed,
            stated,
            None,
            "unreadable",
            (*path, "denominator"),
            Message("stated.zero-denominator"),
        )
    exact = claim.numerator.value * 100 / claim.denominator.value
    quantum = Decimal(1).scaleb(-claim.percent.decimals)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == stated:
        status = "ok"
    elif claim.percent.decimals > 0 and exact.quantize(quantum, rounding=ROUND_DOWN) == stated:
        # cut rather than rounded in its last decimal: arithmetically right (a whole percent
        # that is one below the rounding is treated as a slip, not as a truncation)
        status = "truncated"
    else:
        status = "differs"
    return StatedCheck(
        "ratio",
        claim.id,
        claim.label,
        claim.source.where,
        claim.percent.printed,
        stated,
        rounded,
        status,
        (*path, "percent"),
        Message(
            "stated.ratio",
            numerator=claim.numerator.printed,
            denominator=claim.denominator.printed,
            exact=Num(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
        ),
    )


@exact
def stated_checks(plan: Plan) -> list[StatedCheck]:
    """Every stated figure of the plan, checked: amounts in words and print, then the claims."""
    return [*amount_checks(plan), *(claim_check(i, c) for i, c in enumerate(plan.meta.claims))]
