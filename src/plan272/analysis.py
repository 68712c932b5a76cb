"""Figures computed from a plan, shared by rules, summary and diff: security shares, totals.

Pure functions over the typed plan; all money is integer million VND, shares are ``Decimal``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from plan272.model import Claim, Plan, Project, StatedAmount


@dataclass(frozen=True)
class Share:
    """``amount`` out of ``base`` against a minimum percentage."""

    amount: int
    base: int
    minimum_percent: Decimal

    @property
    def percent(self) -> Decimal | None:
        if self.base == 0:
            return None
        return Decimal(self.amount) * 100 / Decimal(self.base)

    @property
    def required(self) -> int:
        """The smallest whole amount that reaches the minimum."""
        value = Decimal(self.base) * self.minimum_percent / 100
        return int(value.to_integral_value(rounding=ROUND_CEILING))

    @property
    def shown(self) -> Decimal | None:
        """The percentage to two places as shown to people (see :func:`guard_minimum`)."""
        guarded = guard_minimum(self.percent, self.minimum_percent)
        return None if guarded is None else guarded.quantize(_CENT, rounding=ROUND_HALF_UP)

    @property
    def ok(self) -> bool:
        return self.base == 0 or Decimal(self.amount) * 100 >= self.minimum_percent * self.base


_CENT = Decimal("0.01")


def guard_minimum(percent: Decimal | None, minimum: Decimal) -> Decimal | None:
    """``percent`` as it may be shown beside ``minimum``: exact, except a share that fails yet
    would round to the minimum at two places (9.996% as "10.00%"): that one is cut to two places,
    so a failing share never reads as meeting the rule."""
    if percent is None or percent >= minimum:
        return percent
    if percent.quantize(_CENT, rounding=ROUND_HALF_UP) >= minimum:
        return percent.quantize(_CENT, rounding=ROUND_DOWN)
    return percent


def percent_text(value: Decimal | None, places: int = 2) -> str:
    """``8.66%``; ``n/a`` when there is no base."""
    if value is None:
        return "n/a"
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class SecurityAccount:
    """What counts as information-security spending under the plan's policy."""

    whole: tuple[Project, ...]  # projects counted in full (groups / listed ids)
    partial: tuple[Project, ...]  # other projects with an attt amount
    period: Share
    years: dict[int, Share]

    @property
    def counted_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in (*self.whole, *self.partial))


def security_account(plan: Plan) -> SecurityAccount:
    policy = plan.meta.security_policy
    groups = set(policy.counted_groups)
    listed = set(policy.counted_projects)
    whole = tuple(p for p in plan.projects if p.section in groups or p.id in listed)
    whole_ids = {p.id for p in whole}
    partial = tuple(
        p
        for p in plan.projects
        if policy.include_attt_amounts and p.id not in whole_ids and p.attt is not None and p.attt > 0
    )
    minimum = policy.min_share_percent

    def base_total() -> int:
        total = 0
        if "appendix1" in policy.denominator:
            total += sum(p.tmdt for p in plan.projects)
        if "appendix2" in policy.denominator:
            total += sum(u.total for u in plan.units)
        return total

    def base_year(year: int) -> int:
        total = 0
        if "appendix1" in policy.denominator:
            total += sum(p.years.get(year, 0) for p in plan.projects)
        if "appendix2" in policy.denominator:
            total += sum(u.years.get(year, 0) for u in plan.units)
        return total

    period_amount = sum(p.tmdt for p in whole) + sum(p.attt or 0 for p in partial)
    years = {
        year: Share(sum(p.years.get(year, 0) for p in whole), base_year(year), minimum) for year in plan.years
    }
    return SecurityAccount(whole, partial, Share(period_amount, base_total(), minimum), years)


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
    detail: str = ""  # the parts ("39 + 29 + 02"), the fraction, or why it is unreadable


UNIT_DONG = {"dong": Decimal(1), "trieu": Decimal(10) ** 6, "ty": Decimal(10) ** 9}
_MILLION = Decimal(10) ** 6
_PRINTED = re.compile(r"^\s*([0-9][0-9.,]*)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|VNĐ|VND)?\s*$", re.IGNORECASE)
_UNIT_WORDS = {"tỷ": "ty", "tỉ": "ty", "triệu": "trieu"}


def printed_million(text: str, default_unit: str | None) -> tuple[Decimal | None, str | None]:
    """A printed figure ('1.501,713tỷ đồng', Vietnamese notation) in million VND, or (None, why)."""
    from plan272.numbers import NumberError, parse_decimal

    match = _PRINTED.match(text)
    if not match:
        return None, "not a figure with a unit (e.g. '1.501,713 tỷ đồng')"
    number, unit_word, currency = match.groups()
    if unit_word and unit_word.casefold() in ("nghìn", "ngàn"):
        return None, "figures in nghìn đồng are not supported"
    unit = _UNIT_WORDS.get((unit_word or "").casefold()) or ("dong" if currency else default_unit)
    if unit is None:
        return None, "the printed figure names no unit; set stated_unit in plan.yaml"
    try:
        value = parse_decimal(number, "vi")
    except NumberError as exc:
        return None, str(exc)
    result = value * UNIT_DONG[unit] / _MILLION
    return (Decimal(int(result)) if result == result.to_integral_value() else result), None


def amount_checks(plan: Plan) -> list[StatedCheck]:
    """The amounts stated in words and as printed figures (grand total and its parts), checked."""
    from plan272.vnwords import WordsError, words_to_int

    grand = plan.meta.grand_total
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
                        str(exc),
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
    detail = f"{claim.numerator.printed}/{claim.denominator.printed}"
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
            "the denominator is zero",
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
    exact_text = f"{exact.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP)}…%"
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
        f"{detail} = {exact_text}",
    )


def stated_checks(plan: Plan) -> list[StatedCheck]:
    """Every stated figure of the plan, checked: amounts in words and print, then the claims."""
    return [*amount_checks(plan), *(claim_check(i, c) for i, c in enumerate(plan.meta.claims))]
