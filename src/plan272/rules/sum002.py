"""SUM002: computed totals equal the declared ones, per year and overall, per appendix and group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan272.findings import Finding, Severity, how_far
from plan272.model import Declared, Plan, Row
from plan272.rules import Rule, not_checked


def _compare_declared(
    plan: Plan,
    rows: Sequence[Row],
    declared: Declared,
    path: tuple[str | int, ...],
    scope: str,
    label: str,
) -> Iterator[Finding]:
    unreadable = set().union(*(r.unreadable for r in rows)) if rows else set()
    columns: list[tuple[str, int | None, int, tuple[str | int, ...]]] = []
    for year in plan.years:
        if year in declared.years:
            computed = None if f"y{year}" in unreadable else sum(r.years.get(year, 0) for r in rows)
            columns.append((str(year), computed, declared.years[year], (*path, "years", year)))
    total_unreadable = bool(unreadable & {"tmdt", "total"})
    computed_total = None if total_unreadable else sum(r.amount for r in rows)
    columns.append(("total", computed_total, declared.total, (*path, "total")))
    for column, computed, stated, where in columns:
        if computed is None or computed == stated:
            continue
        what = f"year {column}" if column != "total" else "overall total"
        yield Finding(
            "SUM002",
            Severity.ERROR,
            f"{label}, {what}: the rows add up to {computed:,}, the declared total is {stated:,} "
            f"({how_far(computed, stated)})",
            plan.yaml_location(*where),
            ids=(scope,),
            expected=computed,
            observed=stated,
            detail=column,
        )
    for year in sorted(set(declared.years) - set(plan.years)):
        yield Finding(
            "SUM002",
            Severity.WARNING,
            f"{label}: a total is declared for {year}, outside the plan's period "
            f"{plan.years[0]}–{plan.years[-1]}; it is not checked",
            plan.yaml_location(*path, "years", year),
            ids=(scope,),
            observed=declared.years[year],
            detail=f"outside-{year}",
        )
    missing = [y for y in plan.years if y not in declared.years]
    for year in missing:
        yield Finding(
            "SUM002",
            Severity.WARNING,
            f"{label}: no declared total for year {year}, so that column is not checked",
            plan.yaml_location(*path, "years"),
            ids=(scope,),
            detail=f"missing-{year}",
        )
    declared_sum = sum(declared.years.get(y, 0) for y in plan.years)
    if not missing and declared_sum != declared.total:
        yield Finding(
            "SUM002",
            Severity.ERROR,
            f"{label}: the declared yearly totals add up to {declared_sum:,}, the declared overall total "
            f"is {declared.total:,} ({how_far(declared_sum, declared.total)})",
            plan.yaml_location(*path, "total"),
            ids=(scope,),
            expected=declared_sum,
            observed=declared.total,
            detail="declared",
        )


def check(plan: Plan) -> Iterator[Finding]:
    meta = plan.meta
    for key, declared, rows, label in (
        ("appendix1", meta.appendix1.declared, plan.projects, "Appendix I"),
        ("appendix2", meta.appendix2.declared, plan.units, "Appendix II"),
    ):
        skipped = not_checked(plan, "SUM002", (key,), f"{label} totals")
        if skipped:
            yield skipped
            continue
        yield from _compare_declared(plan, rows, declared, (key, "declared"), key, label)
    for key, groups, rows in (
        ("appendix1", meta.appendix1.groups, plan.projects),
        ("appendix2", meta.appendix2.groups, plan.units),
    ):
        if key in plan.incomplete:
            continue
        appendix_rows: Sequence[Row] = rows
        for index, group in enumerate(groups):
            if group.declared is None:
                continue
            members = [r for r in appendix_rows if r.section == group.id]
            label = f"{'Appendix I' if key == 'appendix1' else 'Appendix II'} group {group.id}"
            yield from _compare_declared(
                plan, members, group.declared, (key, "groups", index, "declared"), f"{key}:{group.id}", label
            )


RULE = Rule(
    code="SUM002",
    name="declared-totals",
    summary="Computed totals equal the declared ones, per year and overall, per appendix and group.",
    severity=Severity.ERROR,
    what="Each year column and the total column, summed over the rows, equal the totals plan.yaml "
    "declares (Appendix I 'TỔNG CỘNG'; Appendix II group rows and 'TỔNG'); the declared yearly "
    "totals add up to the declared overall total.",
    why="The declared totals are what the plan commits to; a row that is missing, duplicated or "
    "mistyped shows up here.",
    source="Phụ lục I, row TỔNG CỘNG; Phụ lục II, rows 'I CẤP TỈNH' and TỔNG.",
    fix="Find the row that differs (SUM001 often points at it) or correct the declared total in "
    "plan.yaml if it was mistranscribed.",
    check=check,
)
