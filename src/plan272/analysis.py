"""Figures computed from a plan, shared by rules, summary and diff: security shares, totals.

Pure functions over the typed plan; all money is integer million VND, shares are ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from plan272.model import Plan, Project


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
    def ok(self) -> bool:
        return self.base == 0 or Decimal(self.amount) * 100 >= self.minimum_percent * self.base


def percent_text(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "n/a"
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP)}%"


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
