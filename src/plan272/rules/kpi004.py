"""KPI004: a target is set for a year inside the plan's period."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.messages import Message
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule
from plan272.rules._kpi import target_text, targets_by_year


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    start, end = plan.years[0], plan.years[-1]
    for k_index, kpi in enumerate(plan.meta.kpis):
        for year, entries in sorted(targets_by_year(k_index, kpi).items()):
            if start <= year <= end:
                continue
            for target, path in entries:
                side = Message("KPI004.before" if year < start else "KPI004.after")
                yield Finding(
                    "KPI004",
                    Severity.WARNING,
                    Message(
                        "KPI004.outside",
                        kpi=repr(kpi.id),
                        year=year,
                        target=target_text(target),
                        side=side,
                        period=f"{start}–{end}",
                    ),
                    where.locate(*path),
                    ids=(kpi.id,),
                    observed=year,
                    detail=f"{year}-{path[3]}",
                )


RULE = Rule(
    code="KPI004",
    name="target-outside-period",
    summary="A target is set for a year inside the plan's period.",
    severity=Severity.WARNING,
    what="Every year a target is stated for (`kpis[].statements[].targets`) lies within `identity.period`.",
    why="A plan commits to targets within its own period; a year outside it is usually a typo (2035 "
    "for 2025) or a vision statement recorded as a target, and either way it is not monitored with "
    "the plan.",
    source="The plan's period (its title and header) and its targets, recorded in plan.yaml.",
    fix="Correct the year from the document; a longer-term orientation that the plan does not commit "
    "to belongs in its text, not among its targets.",
    check=check,
)
