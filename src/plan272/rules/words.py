"""SUM004: every amount plan.yaml records in words (and as a printed figure) equals its figure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from plan272.findings import Finding, Severity
from plan272.model import Plan, StatedAmount
from plan272.rules import Rule

# đồng per unit; figures of plan.yaml are million VND
UNIT_DONG = {"dong": Decimal(1), "trieu": Decimal(10) ** 6, "ty": Decimal(10) ** 9}
MILLION = Decimal(10) ** 6
_PRINTED = re.compile(r"^\s*([0-9][0-9.,]*)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|VNĐ|VND)?\s*$", re.IGNORECASE)
_UNIT_WORDS = {"tỷ": "ty", "tỉ": "ty", "triệu": "trieu"}


def stated_amounts(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], str, StatedAmount]]:
    """Every amount of plan.yaml that carries its printed figure or words: (path, label, amount)."""
    grand = plan.meta.grand_total
    yield ("grand_total",), "grand total", grand
    for index, part in enumerate(grand.parts):
        yield ("grand_total", "parts", index), f"part {part.id!r}", part


def printed_million(text: str, default_unit: str | None) -> tuple[Decimal | None, str | None]:
    """A printed figure ('1.501,713tỷ đồng') in million VND, or (None, why not)."""
    from plan272.load.numbers import NumberError, parse_decimal

    match = _PRINTED.match(text)
    if not match:
        return None, "not a figure with a unit (e.g. '1.501,713 tỷ đồng')"
    number, unit_word, currency = match.groups()
    unit = _UNIT_WORDS.get((unit_word or "").casefold())
    if unit_word and unit_word.casefold() in ("nghìn", "ngàn"):
        return None, "figures in nghìn đồng are not supported"
    if unit is None:
        unit = "dong" if currency else default_unit
    if unit is None:
        return None, "the printed figure names no unit; set stated_unit in plan.yaml"
    try:
        value = parse_decimal(number, "vi")
    except NumberError as exc:
        return None, str(exc)
    return value * UNIT_DONG[unit] / MILLION, None


def check_words(plan: Plan) -> Iterator[Finding]:
    from plan272.vnwords import WordsError, int_to_words, words_to_int

    for path, label, stated in stated_amounts(plan):
        figure_words = int_to_words(stated.amount * 10**6) + " đồng"
        if stated.words is not None:
            try:
                read = Decimal(words_to_int(stated.words))
            except WordsError as exc:
                yield Finding(
                    "SUM004",
                    Severity.ERROR,
                    f"{label}: the amount in words cannot be read: {exc}",
                    plan.yaml_location(*path, "words"),
                    ids=(*(str(p) for p in path), "words"),
                    expected=stated.amount,
                    detail="unreadable",
                )
            else:
                million = read * UNIT_DONG[stated.words_unit] / MILLION
                if million != stated.amount:
                    shown = int(million) if million == million.to_integral_value() else million
                    yield Finding(
                        "SUM004",
                        Severity.ERROR,
                        f"{label}: the words read {shown:,} million VND, the figure is {stated.amount:,} "
                        f"(the figure in words: '{figure_words}')",
                        plan.yaml_location(*path, "words"),
                        ids=(*(str(p) for p in path), "words"),
                        expected=stated.amount,
                        observed=shown,
                    )
        if stated.stated is not None:
            value, why = printed_million(stated.stated, stated.stated_unit)
            if value is None:
                yield Finding(
                    "SUM004",
                    Severity.WARNING,
                    f"{label}: the printed figure {stated.stated!r} cannot be checked: {why}",
                    plan.yaml_location(*path, "stated"),
                    ids=(*(str(p) for p in path), "stated"),
                    detail="unreadable",
                )
            elif value != stated.amount:
                shown_value = int(value) if value == value.to_integral_value() else value
                yield Finding(
                    "SUM004",
                    Severity.ERROR,
                    f"{label}: the printed figure {stated.stated!r} is {shown_value:,} million VND, the "
                    f"amount is {stated.amount:,}",
                    plan.yaml_location(*path, "stated"),
                    ids=(*(str(p) for p in path), "stated"),
                    expected=stated.amount,
                    observed=shown_value,
                )


RULES = (
    Rule(
        code="SUM004",
        name="amount-in-words",
        summary="Every amount stated in words (and as a printed figure) equals its figure.",
        severity=Severity.ERROR,
        what="Reads the amounts in words that plan.yaml records as printed (section VIII: 'Một nghìn "
        "năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng') with a Vietnamese number reader and compares "
        "them, in the right unit (words in đồng, figures in million VND), with the figure; also reads "
        "the printed figure ('1.501,713tỷ đồng', Vietnamese notation) and compares it.",
        why="Official documents state key amounts twice so that a slip in one shows against the other; a "
        "transcription or drafting error hides exactly there.",
        source="Phần II, mục VIII 'KINH PHÍ THỰC HIỆN': the total and its two parts, in figures and words.",
        fix="Compare figure and words with the document; correct the transcription, or report the "
        "discrepancy in the document to its owner.",
        check=check_words,
    ),
)
