"""Helpers shared by the sum rules."""

from __future__ import annotations

from plan272.model import Plan, Project, Row, Unit


def row_total(row: Row) -> int:
    return row.tmdt if isinstance(row, Project) else row.total if isinstance(row, Unit) else 0


def total_field(row: Row) -> str:
    return "tmdt" if isinstance(row, Project) else "total"


def computed_total(plan: Plan, appendix: int) -> int:
    if appendix == 1:
        return sum(p.tmdt for p in plan.projects)
    return sum(u.total for u in plan.units)
