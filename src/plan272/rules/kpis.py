"""KPI001–KPI003: targets never weaken, are possible for their unit, and agree where repeated."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from plan272.findings import Finding, Severity
from plan272.model import Kpi, Plan, Target
from plan272.rules import Rule

Path = tuple[str | int, ...]


def _targets(kpi_index: int, kpi: Kpi) -> dict[int, list[tuple[Target, Path]]]:
    by_year: dict[int, list[tuple[Target, Path]]] = {}
    for s_index, statement in enumerate(kpi.statements):
        for year, target in statement.targets.items():
            path: Path = ("kpis", kpi_index, "statements", s_index, "targets", year)
            by_year.setdefault(year, []).append((target, path))
    return by_year


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
    if len(out) == 2 and old.low == old.high and new.low == new.high:
        return [("value", old.low, new.low)]  # two single values: one finding, not one per end
    return out


def check_monotonic(plan: Plan) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        by_year = _targets(k_index, kpi)
        years = sorted(by_year)
        for earlier, later in itertools.pairwise(years):
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
                            f"({kpi.unit}, {kpi.direction} is better; {end} end {old_v} → {new_v})",
                            plan.yaml_location(*path),
                            ids=(kpi.id,),
                            expected=old_v,
                            observed=new_v,
                            detail=f"{earlier}-{later}-{end}",
                        )


def check_possible(plan: Plan) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        for year, entries in sorted(_targets(k_index, kpi).items()):
            for target, path in entries:
                problems: list[tuple[str, Decimal | None]] = []
                if target.low is not None and target.high is not None and target.low > target.high:
                    problems.append((f"range inverted: {target.low} > {target.high}", target.high))
                values = {target.low, target.high} - {None}  # a single value is checked once
                for bound in sorted(v for v in values if v is not None):
                    if bound < 0:
                        problems.append((f"{bound} is negative", bound))
                    if kpi.kind == "percent" and bound > 100:
                        problems.append((f"{bound}% is above 100%", bound))
                    if kpi.kind == "count" and bound != bound.to_integral_value():
                        problems.append((f"{bound} is not a whole count", bound))
                for index, (message, value) in enumerate(problems):
                    yield Finding(
                        "KPI002",
                        Severity.ERROR,
                        f"target {kpi.id!r} for {year} is impossible for its unit ({kpi.unit}): {message}",
                        plan.yaml_location(*path),
                        ids=(kpi.id,),
                        observed=value,
                        detail=f"{year}-{path[3]}-{index}",
                    )


def check_agreement(plan: Plan) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        for year, entries in sorted(_targets(k_index, kpi).items()):
            first, first_path = entries[0]
            first_source = kpi.statements[int(first_path[3])].source
            for target, path in entries[1:]:
                if target == first:
                    continue
                source = kpi.statements[int(path[3])].source
                single = first.low == first.high and target.low == target.high
                yield Finding(
                    "KPI003",
                    Severity.ERROR,
                    f"target {kpi.id!r} for {year} is {target} here ({source.where}) but {first} in "
                    f"{first_source.where}",
                    plan.yaml_location(*path),
                    ids=(kpi.id,),
                    expected=first.low if single else None,
                    observed=target.low if single else None,
                    detail=f"{year}-{path[3]}",
                    extra={"other": str(first), "this": str(target)},
                )


RULES = (
    Rule(
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
        check=check_monotonic,
    ),
    Rule(
        code="KPI002",
        name="target-impossible",
        summary="A target is possible for its unit.",
        severity=Severity.ERROR,
        what="A percentage lies within 0–100; a count is a non-negative whole number; a range is not "
        "inverted (low ≤ high).",
        why="An impossible target cannot be met or monitored; it signals a typo.",
        source="Phần II, mục II and mục VI.",
        fix="Correct the target in plan.yaml (kpis) from the document.",
        check=check_possible,
    ),
    Rule(
        code="KPI003",
        name="target-disagrees",
        summary="An indicator stated in several places has the same target for the same year.",
        severity=Severity.ERROR,
        what="Each indicator's statements (e.g. mục II for 2025 and mục VI 'đến hết năm 2025') give "
        "the same target for the same year.",
        why="Two different targets for the same indicator and year leave the plan ambiguous: which "
        "one is monitored?",
        source="Phần II, mục II 'MỤC TIÊU CỤ THỂ' and mục VI 'LỘ TRÌNH THỰC HIỆN'.",
        fix="Check both places in the document; record what each says and resolve the discrepancy "
        "with the plan's owner.",
        check=check_agreement,
    ),
)
