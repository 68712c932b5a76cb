"""Helpers shared by the target rules (KPI001–KPI003)."""

from __future__ import annotations

from plan272.model import Kpi, Target

Path = tuple[str | int, ...]


def targets_by_year(kpi_index: int, kpi: Kpi) -> dict[int, list[tuple[Target, Path]]]:
    by_year: dict[int, list[tuple[Target, Path]]] = {}
    for s_index, statement in enumerate(kpi.statements):
        for year, target in statement.targets.items():
            path: Path = ("kpis", kpi_index, "statements", s_index, "targets", year)
            by_year.setdefault(year, []).append((target, path))
    return by_year
