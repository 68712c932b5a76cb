"""SUM002: computed totals equal the declared ones — per year, overall and per further column, for
each appendix and each group that declares a total row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan272.figures import Amounts, table_totals
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Off, Words
from plan272.model import Appendix, Declared, Plan, Row
from plan272.provenance import Provenance
from plan272.rules import Rule, appendix_name, not_checked

Path = tuple[str | int, ...]


def _compare_declared(
    plan: Plan,
    where: Provenance,
    appendix: Appendix,
    rows: Sequence[Row],
    computed: Amounts,
    declared: Declared,
    path: Path,
    scope: str,
    label: Words | Message,
) -> Iterator[Finding]:
    unreadable = set().union(*(r.unreadable for r in rows)) if rows else set()
    columns: list[tuple[str, int | None, int, Path]] = []
    for year in plan.years:
        if year in declared.years:
            value = None if f"y{year}" in unreadable else computed.years[year]
            columns.append((str(year), value, declared.years[year], (*path, "years", year)))
    total = None if appendix.total_column in unreadable else computed.total
    columns.append(("total", total, declared.total, (*path, "total")))
    titles = {c.id: c.title for c in appendix.columns}
    for column_id, stated in declared.columns.items():
        if column_id in titles:
            value = None if column_id in unreadable else computed.columns.get(column_id, 0)
            columns.append((column_id, value, stated, (*path, "columns", column_id)))
    for column, value, stated, at in columns:
        if value is None or value == stated:
            continue
        what = (
            Message("SUM002.year", year=int(column))
            if column.isdigit()
            else Message("SUM002.overall")
            if column == "total"
            else Message("SUM002.column", column=column, title=titles[column])
        )
        yield Finding(
            "SUM002",
            Severity.ERROR,
            Message(
                "SUM002.differs",
                scope=label,
                what=what,
                computed=Amount(value),
                declared=Amount(stated),
                off=Off(value, stated),
            ),
            where.locate(*at),
            ids=(scope,),
            expected=value,
            observed=stated,
            detail=column,
        )
    for column_id in declared.columns:
        if column_id not in titles:
            yield Finding(
                "SUM002",
                Severity.WARNING,
                Message(
                    "SUM002.unknown-column", scope=label, column=repr(column_id), columns=Each(tuple(titles))
                ),
                where.locate(*path, "columns", column_id),
                ids=(scope,),
                observed=declared.columns[column_id],
                detail=f"unknown-column-{column_id}",
            )
    for year in sorted(set(declared.years) - set(plan.years)):
        yield Finding(
            "SUM002",
            Severity.WARNING,
            Message("SUM002.outside", scope=label, year=year, period=f"{plan.years[0]}–{plan.years[-1]}"),
            where.locate(*path, "years", year),
            ids=(scope,),
            observed=declared.years[year],
            detail=f"outside-{year}",
        )
    missing = [y for y in plan.years if y not in declared.years]
    for year in missing:
        yield Finding(
            "SUM002",
            Severity.WARNING,
            Message("SUM002.missing-year", scope=label, year=year),
            where.locate(*path, "years"),
            ids=(scope,),
            detail=f"missing-{year}",
        )
    declared_sum = sum(declared.years.get(y, 0) for y in plan.years)
    if missing:
        return
    if appendix.row_total == "period" and declared_sum != declared.total:
        yield Finding(
            "SUM002",
            Severity.ERROR,
            Message(
                "SUM002.declared",
                scope=label,
                computed=Amount(declared_sum),
                declared=Amount(declared.total),
                off=Off(declared_sum, declared.total),
            ),
            where.locate(*path, "total"),
            ids=(scope,),
            expected=declared_sum,
            observed=declared.total,
            detail="declared",
        )
    elif appendix.row_total == "whole" and declared_sum > declared.total:
        yield Finding(
            "SUM002",
            Severity.ERROR,
            Message(
                "SUM002.declared-above",
                scope=label,
                computed=Amount(declared_sum),
                declared=Amount(declared.total),
                more=Message("more", amount=Amount(declared_sum - declared.total)),
            ),
            where.locate(*path, "total"),
            ids=(scope,),
            expected=declared_sum,
            observed=declared.total,
            detail="declared",
        )


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for index, appendix in enumerate(plan.appendices):
        name = appendix_name(plan, appendix.id)
        if appendix.declared is None and not any(g.declared for g in appendix.groups):
            key = where.field("appendices", index, "declared")
            yield Finding(
                "SUM002",
                Severity.INFO,
                Message("SUM002.no-declared", appendix=name, key=key),
                where.locate("appendices", index),
                ids=(appendix.id,),
                detail="no-declared",
            )
            continue
        skipped = not_checked(plan, where, "SUM002", (appendix.id,), Message("SUM002.totals", appendix=name))
        if skipped:
            yield skipped
            continue
        totals = table_totals(plan, appendix)
        if appendix.declared is not None:
            yield from _compare_declared(
                plan, where, appendix, totals.rows, totals.amounts, appendix.declared,
                ("appendices", index, "declared"),
                appendix.id, name,
            )  # fmt: skip
        for group in totals.groups:
            if group.declared is None or group.index is None:
                continue
            yield from _compare_declared(
                plan,
                where,
                appendix,
                group.rows,
                group.amounts,
                group.declared,
                ("appendices", index, "groups", group.index, "declared"),
                f"{appendix.id}:{group.id}",
                Message("appendix-group", appendix=name, group=group.id),
            )


RULE = Rule(
    code="SUM002",
    name="declared-totals",
    summary="Computed totals equal the declared ones, per year and overall, per appendix and group.",
    severity=Severity.ERROR,
    what="Each year column, the total column and each further amount column, summed over the rows, "
    "equal the total rows plan.yaml declares for the appendix and for its groups (`declared`); the "
    "declared yearly totals add up to the declared overall total (or stay within it, for "
    "`row_total: whole`). An appendix with no declared total row is reported as not checked.",
    why="The declared totals are what the plan commits to; a row that is missing, duplicated or "
    "mistyped shows up here.",
    source="The total rows the tables print (in Plan 272: Phụ lục I, row TỔNG CỘNG; Phụ lục II, rows "
    "'I CẤP TỈNH' and TỔNG).",
    fix="Find the row that differs (SUM001 often points at it) or correct the declared total in "
    "plan.yaml if it was mistranscribed.",
    check=check,
)
