"""SUM001–SUM003: rows add up, computed totals equal the declared ones, the grand total holds.

Convention for every figure: ``observed`` is the value written at the finding's location,
``expected`` what the other figures say it should be.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan272.findings import Finding, Severity, how_far
from plan272.model import Declared, Plan, Project, Row, Unit
from plan272.rules import Rule, not_checked


def _row_total(row: Row) -> int:
    return row.tmdt if isinstance(row, Project) else row.total if isinstance(row, Unit) else 0


def _total_field(row: Row) -> str:
    return "tmdt" if isinstance(row, Project) else "total"


def check_rows(plan: Plan) -> Iterator[Finding]:
    rows: list[Row] = [*plan.projects, *plan.units]
    for row in rows:
        total_field = _total_field(row)
        fields = {total_field, *(f"y{y}" for y in row.years)}
        if fields & row.unreadable:
            continue  # DAT001 already reports the unreadable cell
        computed = sum(row.years.values())
        declared = _row_total(row)
        if computed != declared:
            label = "TMĐT" if total_field == "tmdt" else "total"
            yield Finding(
                "SUM001",
                Severity.ERROR,
                f"{row.id}: the yearly allocations add up to {computed:,}, the {label} says {declared:,} "
                f"({how_far(computed, declared)})",
                row.location.with_field(total_field),
                ids=(row.id,),
                expected=computed,
                observed=declared,
            )


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
    computed_total = None if total_unreadable else sum(_row_total(r) for r in rows)
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


def check_totals(plan: Plan) -> Iterator[Finding]:
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


def computed_total(plan: Plan, appendix: int) -> int:
    if appendix == 1:
        return sum(p.tmdt for p in plan.projects)
    return sum(u.total for u in plan.units)


def check_grand_total(plan: Plan) -> Iterator[Finding]:
    skipped = not_checked(plan, "SUM003", ("appendix1", "appendix2"))
    if skipped:
        yield skipped
        return
    grand = plan.meta.grand_total
    a1, a2 = computed_total(plan, 1), computed_total(plan, 2)
    computed = a1 + a2
    if computed != grand.amount:
        yield Finding(
            "SUM003",
            Severity.ERROR,
            f"Appendix I ({a1:,}) plus Appendix II ({a2:,}) is {computed:,} million VND; the declared "
            f"grand total is {grand.amount:,} ({how_far(computed, grand.amount)})",
            plan.yaml_location("grand_total", "amount"),
            ids=("grand_total",),
            expected=computed,
            observed=grand.amount,
            detail="appendices",
        )
    parts_sum = sum(p.amount for p in grand.parts)
    if grand.parts and parts_sum != grand.amount:
        yield Finding(
            "SUM003",
            Severity.ERROR,
            f"the declared parts add up to {parts_sum:,}, the declared grand total is {grand.amount:,} "
            f"({how_far(parts_sum, grand.amount)})",
            plan.yaml_location("grand_total", "amount"),
            ids=("grand_total",),
            expected=parts_sum,
            observed=grand.amount,
            detail="parts",
        )
    for index, part in enumerate(grand.parts):
        appendix_total = a1 if part.appendix == 1 else a2
        if part.amount != appendix_total:
            name = "Appendix I" if part.appendix == 1 else "Appendix II"
            yield Finding(
                "SUM003",
                Severity.ERROR,
                f"declared part {part.id!r} ({part.label}) is {part.amount:,}; {name} adds up to "
                f"{appendix_total:,} ({how_far(appendix_total, part.amount)})",
                plan.yaml_location("grand_total", "parts", index, "amount"),
                ids=("grand_total", part.id),
                expected=appendix_total,
                observed=part.amount,
            )


RULES = (
    Rule(
        code="SUM001",
        name="row-sum",
        summary="A row's yearly allocations add up to its total.",
        severity=Severity.ERROR,
        what="For each Appendix I project, y2021+…+y2025 equals TMĐT (Dự kiến TMĐT); for each "
        "Appendix II unit, the yearly amounts equal 'Tổng kinh phí 2021 - 2025'.",
        why="The yearly columns are what gets budgeted; a total that differs from them means either "
        "the total or one year is wrong, and every total above it inherits the error.",
        source="Phụ lục I columns 'Dự kiến TMĐT' and 'Dự kiến nhu cầu bố trí vốn giai đoạn "
        "2021-2025'; Phụ lục II 'Tổng kinh phí' and 'Phân bổ kinh phí hàng năm'.",
        fix="Compare the row with the document: correct the year that was mistyped, or the total.",
        check=check_rows,
    ),
    Rule(
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
        check=check_totals,
    ),
    Rule(
        code="SUM003",
        name="grand-total",
        summary="Appendix I plus Appendix II equals the declared grand total and its declared parts.",
        severity=Severity.ERROR,
        what="The sum of both appendices equals the grand total of section VIII (1,501,713 million VND, "
        "i.e. 1,501.713 billion); the declared parts (IT projects; recurring funding) add up to it and "
        "each equals its appendix.",
        why="Section VIII is the figure leadership approves and quotes; it must be what the appendices "
        "actually hold.",
        source="Phần II, mục VIII 'KINH PHÍ THỰC HIỆN'.",
        fix="Correct the appendix row or the declared figure in plan.yaml (grand_total).",
        check=check_grand_total,
    ),
)
