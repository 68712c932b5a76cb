"""KPI001: a target never gets weaker from one milestone to the next."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from plan272.findings import Finding, Severity
from plan272.model import Kpi, Plan, Target
from plan272.rules import Rule
from plan272.rules._kpi import targets_by_year


def _weaker(kpi: Kpi, old: Target, new: Target) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """Ends of ``new`` that are weaker than ``old``: (end, old value, new value).

    For a higher-is-better indicator the low end is the commitment: it may not fall, nor open up
    (a missing low end is no commitment at all). The high end of a range may not fall either, but
    an open high end ("at least 75") followed by a value ("80") is no weakening. Mirrored for a
    lower-is-better indicator.
    """
    out: list[tuple[str, Decimal | None, Decimal | None]] = []
    higher = kpi.direction == "higher"
    commitment, ceiling = ("low", "high") if higher else ("high", "low")
    ends = {"low": (old.low, new.low), "high": (old.high, new.high)}

    def worse(a: Decimal, b: Decimal) -> bool:
        return b < a if higher else b > a

    old_v, new_v = ends[commitment]
    if old_v is not None and (new_v is None or worse(old_v, new_v)):
        out.append((commitment, old_v, new_v))
    old_v, new_v = ends[ceiling]
    if old_v is not None and new_v is not None and worse(old_v, new_v):
        out.append((ceiling, old_v, new_v))
    if len(out) == 2:  # both ends fall: one finding, with the figures of the commitment
        end = "value" if old.low == old.high and new.low == new.high else "range"
        return [(end, *ends[commitment])]
    return out


def check(plan: Plan) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        by_year = targets_by_year(k_index, kpi)
        years = sorted(by_year)
        for earlier, later in pairwise(years):
            reported: set[tuple[str, str]] = set()
            for old, _ in by_year[earlier]:
                for new, path in by_year[later]:
                    for end, old_v, new_v in _weaker(kpi, old, new):
                        if (str(new), end) in reported:
                            continue
                        reported.add((str(new), end))
                        yield Finding(
                            "KPI001",
                            Severity.ERROR,
                            f"target {kpi.id!r} gets weaker from {earlier} to {later}: {old} → {new} "
                            f"({kpi.unit}, {kpi.direction} is better; "
                            + ("both ends of the range" if end == "range" else f"{end} end {old_v} → {new_v}")
                            + ")",
                            plan.yaml_location(*path),
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
    what="For each indicator, the targets of consecutive milestone years (2022 → 2025) compared "
    "end by end (both ends of a range), in the indicator's direction: a higher-is-better target "
    "may not fall, a lower-is-better one may not rise.",
    why="A roadmap whose later milestone asks for less than the earlier one contradicts itself; "
    "usually one figure was mistyped or copied from the wrong row.",
    source="Phần II, mục II 'MỤC TIÊU CỤ THỂ' and mục VI 'LỘ TRÌNH THỰC HIỆN'.",
    fix="Check both milestones against the document and correct the one that was mistranscribed; "
    "if the plan really lowers a target, say so in the plan's revision.",
    check=check,
)
