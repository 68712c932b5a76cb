"""Helpers shared by the sum rules."""

from __future__ import annotations

from plan272.model import Plan


def computed_total(plan: Plan, appendix: int) -> int:
    return sum(r.amount for r in (plan.projects if appendix == 1 else plan.units))
