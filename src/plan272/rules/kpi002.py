"""KPI002: a target is possible for its unit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from plan272.findings import Finding, Severity
from plan272.messages import Message, Num
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule
from plan272.rules._kpi import targets_by_year


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        for year, entries in sorted(targets_by_year(k_index, kpi).items()):
            for target, path in entries:
                problems: list[tuple[Message, Decimal | None]] = []
                if target.low is not None and target.high is not None and target.low > target.high:
                    problems.append(
                        (Message("KPI002.inverted", low=Num(target.low), high=Num(target.high)), target.high)
                    )
                values = {target.low, target.high} - {None}  # a single value is checked once
                for bound in sorted(v for v in values if v is not None):
                    if bound < 0:
                        problems.append((Message("KPI002.negative", value=Num(bound)), bound))
                    if kpi.kind == "percent" and bound > 100:
                        problems.append((Message("KPI002.above-100", value=Num(bound)), bound))
                    if kpi.kind == "count" and bound != bound.to_integral_value():
                        problems.append((Message("KPI002.not-whole", value=Num(bound)), bound))
                for index, (message, value) in enumerate(problems):
                    yield Finding(
                        "KPI002",
                        Severity.ERROR,
                        Message(
                            "KPI002.impossible", kpi=repr(kpi.id), year=year, unit=kpi.unit, problem=message
                        ),
                        where.locate(*path),
                        ids=(kpi.id,),
                        observed=value,
                        detail=f"{year}-{path[3]}-{index}",
                    )


RULE = Rule(
    code="KPI002",
    name="target-impossible",
    summary="A target is possible for its unit.",
    severity=Severity.ERROR,
    what="A percentage lies within 0–100; a count is a non-negative whole number; a range is not "
    "inverted (low ≤ high).",
    why="An impossible target cannot be met or monitored; it signals a typo.",
    source="The plan's targets, recorded under `kpis` in plan.yaml with their sources (in Plan 272: "
    "Phần II, mục II and mục VI).",
    fix="Correct the target in plan.yaml (kpis) from the document.",
    check=check,
)
