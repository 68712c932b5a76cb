"""DAT002: duplicate ids, and rows that reference an unknown group or agency."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.model import Plan, Row
from plan272.rules import Rule


def check(plan: Plan) -> Iterator[Finding]:
    groups1 = {g.id for g in plan.meta.appendix1.groups}
    groups2 = {g.id for g in plan.meta.appendix2.groups}
    tables: list[tuple[str, tuple[Row, ...], set[str]]] = [
        ("project", plan.projects, groups1),
        ("unit", plan.units, groups2),
    ]
    for kind, rows, groups in tables:
        first: dict[str, Row] = {}
        for row in rows:
            if row.id in first:
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    f"duplicate {kind} id {row.id!r}: first used on line {first[row.id].location.line}",
                    row.location.with_field("id"),
                    ids=(row.id,),
                    detail="duplicate",
                )
            else:
                first[row.id] = row
            if row.section and row.section not in groups:
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    f"{kind} {row.id} is in group {row.section!r}, which plan.yaml does not declare "
                    f"(declared: {', '.join(sorted(groups))})",
                    row.location.with_field("section"),
                    ids=(row.id,),
                    detail="group",
                )
            name = row.investor if hasattr(row, "investor") else row.name
            if name and row.agency_id is None:
                column = "investor" if kind == "project" else "unit"
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    f"{column} {name!r} of {kind} {row.id} matches no agency of the registry in plan.yaml "
                    "(add it, or an alias, under agencies)",
                    row.location.with_field(column),
                    ids=(row.id,),
                    detail="agency",
                )
    known_units = {u.id for u in plan.units}
    for index, note in enumerate(plan.meta.appendix2.notes):
        if note.unit not in known_units and "appendix2" not in plan.incomplete:
            yield Finding(
                "DAT002",
                Severity.ERROR,
                f"note {note.mark} explains unit {note.unit!r}, which Appendix II does not have",
                plan.yaml_location("appendix2", "notes", index, "unit"),
                ids=(note.unit,),
                detail="note",
            )
    known_projects = {p.id for p in plan.projects}
    policy = plan.meta.security_policy
    for index, group in enumerate(policy.counted_groups):
        if group not in groups1:
            yield Finding(
                "DAT002",
                Severity.ERROR,
                f"security_policy counts group {group!r}, which Appendix I does not declare",
                plan.yaml_location("security_policy", "counted_groups", index),
                ids=(group,),
                detail="policy-group",
            )
    for index, pid in enumerate(policy.counted_projects):
        if pid not in known_projects and "appendix1" not in plan.incomplete:
            yield Finding(
                "DAT002",
                Severity.ERROR,
                f"security_policy counts project {pid!r}, which Appendix I does not have",
                plan.yaml_location("security_policy", "counted_projects", index),
                ids=(pid,),
                detail="policy-project",
            )


RULE = Rule(
    code="DAT002",
    name="bad-reference",
    summary="Duplicate ids, or rows that reference an unknown group or agency.",
    severity=Severity.ERROR,
    what="Ids are unique within each appendix; every row's group is declared in plan.yaml; every "
    "Appendix I investor and Appendix II unit matches an agency of the registry (ignoring case, "
    "Unicode form and tone-mark placement); notes and the security policy name existing rows.",
    why="Ids key baselines and diffs; groups and agencies decide the totals per group and per "
    "investor. A dangling reference silently drops money from a total.",
    source="Phụ lục I groups I–IV; Phụ lục II; the investors named in column 'Chủ đầu tư'.",
    fix="Give the row a unique id, fix the group, or register the agency (or the new spelling as "
    "an alias) under `agencies` in plan.yaml.",
    check=check,
)
