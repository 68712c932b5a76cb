"""SUM005: columns that split another (funding sources of a total) add up to it."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.figures import column_value
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message, Off
from plan272.model import Appendix, Declared, Plan, Row, Split
from plan272.provenance import Provenance
from plan272.rules import Rule, appendix_name


def _unreadable(row: Row, appendix: Appendix, split: Split) -> bool:
    names = {split.total, *split.parts}
    if "period" in names and any(f.startswith("y") and f[1:].isdigit() for f in row.unreadable):
        return True
    return bool(row.unreadable & (names - {"period"}))


def _declared_value(declared: Declared, appendix: Appendix, name: str, years: tuple[int, ...]) -> int | None:
    """A column of a declared total row; ``None`` when the row does not print it."""
    if name == appendix.total_column:
        return declared.total
    if name == "period":
        return sum(declared.years[y] for y in years) if all(y in declared.years for y in years) else None
    return declared.columns.get(name)


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for a_index, appendix in enumerate(plan.appendices):
        for split in appendix.splits:
            parts_text = Each(tuple(split.parts), "plus")
            for row in plan.rows(appendix.id):
                if _unreadable(row, appendix, split):
                    continue  # DAT001 reports the cell
                parts = sum(column_value(row, appendix, p) for p in split.parts)
                total = column_value(row, appendix, split.total)
                if parts != total:
                    column = split.total if split.total != "period" else split.parts[0]
                    yield Finding(
                        "SUM005",
                        Severity.ERROR,
                        Message(
                            "SUM005.row",
                            row=row.id,
                            parts=parts_text,
                            computed=Amount(parts),
                            total=split.total,
                            declared=Amount(total),
                            off=Off(parts, total),
                        ),
                        row.location.with_field(column),
                        ids=(row.id,),
                        expected=parts,
                        observed=total,
                        detail=f"{split.total}={'+'.join(split.parts)}",
                    )
            declared_rows: list[tuple[tuple[str | int, ...], Declared | None, str]] = [
                (("appendices", a_index, "declared"), appendix.declared, appendix.id)
            ]
            declared_rows += [
                (
                    ("appendices", a_index, "groups", g_index, "declared"),
                    group.declared,
                    f"{appendix.id}:{group.id}",
                )
                for g_index, group in enumerate(appendix.groups)
            ]
            for path, declared, scope in declared_rows:
                if declared is None:
                    continue
                values = [_declared_value(declared, appendix, p, plan.years) for p in split.parts]
                stated = _declared_value(declared, appendix, split.total, plan.years)
                if stated is None or any(v is None for v in values):
                    continue  # the declared row does not print every column of the split
                parts = sum(v for v in values if v is not None)
                if parts != stated:
                    yield Finding(
                        "SUM005",
                        Severity.ERROR,
                        Message(
                            "SUM005.declared",
                            appendix=appendix_name(plan, appendix.id),
                            parts=parts_text,
                            computed=Amount(parts),
                            total=split.total,
                            declared=Amount(stated),
                            off=Off(parts, stated),
                        ),
                        where.locate(*path, "columns"),
                        ids=(scope,),
                        expected=parts,
                        observed=stated,
                        detail=f"{split.total}={'+'.join(split.parts)}",
                    )


RULE = Rule(
    code="SUM005",
    name="column-split",
    summary="Columns that split another (funding sources of a total) add up to it.",
    severity=Severity.ERROR,
    what="For each `splits` entry of an appendix (e.g. central budget + provincial budget + other "
    "sources = TMĐT), the named columns of every row, and of the declared total rows that print "
    "them, add up to the column they split ('period' stands for the row's yearly amounts added up).",
    why="A funding table states both the total and where the money comes from; when the sources do "
    "not add up to the total, one of the figures is wrong and the plan's financing is not what it says.",
    source="The appendix's funding-source columns, where the plan prints them (plan.yaml "
    "`appendices[].splits`). Plan 272 prints none.",
    fix="Correct the source column or the total that was mistyped; if the columns do not split the "
    "total in the document, remove the `splits` entry.",
    check=check,
)
