"""Helpers shared by the target rules (KPI001–KPI003)."""

from __future__ import annotations

from decimal import Decimal

from plan272.messages import Message, Num
from plan272.model import Kpi, Target

Path = tuple[str | int, ...]


def targets_by_year(kpi_index: int, kpi: Kpi) -> dict[int, list[tuple[Target, Path]]]:
    by_year: dict[int, list[tuple[Target, Path]]] = {}
    for s_index, statement in enumerate(kpi.statements):
        for year, target in statement.targets.items():
            path: Path = ("kpis", kpi_index, "statements", s_index, "targets", year)
            by_year.setdefault(year, []).append((target, path))
    return by_year


def target_text(target: Target) -> Message | Num:
    """A target as the plan states it: ``80``, ``≥ 75``, ``≤ 10``, ``20–30`` (numbers in the reader's
    notation)."""
    if target.low == target.high and target.low is not None:
        return Num(target.low)
    if target.high is None:
        return Message("KPI.at-least", value=Num(target.low or Decimal(0)))
    if target.low is None:
        return Message("KPI.at-most", value=Num(target.high))
    return Message("KPI.range", low=Num(target.low), high=Num(target.high))


def better(kpi: Kpi) -> Message:
    """``higher is better`` / ``càng cao càng tốt``."""
    return Message("KPI.higher" if kpi.direction == "higher" else "KPI.lower")
