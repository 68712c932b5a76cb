"""KPI001: a target never gets weaker from one milestone to the next."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from plan272.figures import weaker_ends
from plan272.findings import Finding, Severity
from plan272.messages import Message, Num
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule
from plan272.rules._kpi import better, target_text, targets_by_year


def _which(end: str, old: Decimal | None, new: Decimal | None) -> Message:
    if end == "range":
        return Message("KPI001.range")
    if end == "value":
        return Message("KPI001.value")
    return Message(
        "KPI001.end",
        end=Message(f"KPI001.{end}-end"),
        old=Num(old) if old is not None else Message("KPI001.open"),
        new=Num(new) if new is not None else Message("KPI001.open"),
    )


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        by_year = targets_by_year(k_index, kpi)
        years = sorted(by_year)
        for earlier, later in pairwise(years):
            reported: set[tuple[str, str]] = set()
            for old, _ in by_year[earlier]:
                for new, path in by_year[later]:
                    for end, old_v, new_v in weaker_ends(kpi.direction, old, new):
                        if (str(new), end) in reported:
                            continue
                        reported.add((str(new), end))
                        yield Finding(
                            "KPI001",
                            Severity.ERROR,
                            Message(
                                "KPI001.weaker",
                                kpi=repr(kpi.id),
                                earlier=earlier,
                                later=later,
                                old=target_text(old),
                                new=target_text(new),
                                unit=kpi.unit,
                                better=better(kpi),
                                which=_which(end, old_v, new_v),
                            ),
                            where.locate(*path),
                            ids=(kpi.id,),
                            expected=old_v,
                            observed=new_v,
                            detail=f"{earlier}-{later}-{end}",
                        )


RULE = Rule(
    code="KPI001",
    name="target-weakens",
    summary="A target never gets weaker from one milestone to the next.",
    severity=Severity.ERROR,
    what="For each indicator, the targets of consecutive milestone years (whichever years the plan "
    "states targets for; 2022 → 2025 in Plan 272) compared end by end, in the indicator's direction: "
    "for a higher-is-better target the low end (the commitment) may not fall or open up, and the high "
    "end of a range may not fall (an open 'at least 75' followed by '80' asks for more, not less); "
    "mirrored for a lower-is-better one. `plan272 diff` judges a revised target by the same definition.",
    why="A roadmap whose later milestone asks for less than the earlier one contradicts itself; "
    "usually one figure was mistyped or copied from the wrong row.",
    source="The plan's targets and its roadmap, recorded under `kpis` in plan.yaml with their sources "
    "(in Plan 272: Phần II, mục II 'MỤC TIÊU CỤ THỂ' and mục VI 'LỘ TRÌNH THỰC HIỆN').",
    fix="Check both milestones against the document and correct the one that was mistranscribed; "
    "if the plan really lowers a target, say so in the plan's revision.",
    check=check,
)
