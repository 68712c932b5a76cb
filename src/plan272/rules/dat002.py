"""DAT002: duplicate ids, and references to groups, agencies, appendices or rows that do not exist."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.model import Line, Plan, Project, Row
from plan272.names import fold
from plan272.provenance import Provenance
from plan272.rules import Rule

_NOUN = {"projects": "project", "units": "unit", "lines": "line"}


def _rows(plan: Plan, where: Provenance) -> Iterator[Finding]:
    registry = bool(plan.meta.agencies)
    unregistered = 0
    first: dict[str, Row] = {}  # ids are unique across the plan: they key baselines and diffs
    for appendix in plan.appendices:
        groups = {g.id for g in appendix.groups}
        noun = _NOUN[appendix.kind]
        for row in plan.rows(appendix.id):
            key = fold(row.id)
            if "id" in row.unreadable:
                pass  # no usable id (DAT001 says so): nothing to compare
            elif key in first:
                other = first[key]
                place = (
                    f"line {other.location.line}"
                    if other.appendix == row.appendix
                    else f"{other.location.file}:{other.location.line}"
                )
                same = "" if other.id == row.id else f" as {other.id!r} (ids differ only by case)"
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    f"duplicate id {row.id!r} ({noun}){same}: first used on {place}; ids are unique across "
                    "the plan",
                    row.location.with_field("id"),
                    ids=(row.id,),
                    detail="duplicate",
                )
            else:
                first[key] = row
            if row.section and row.section not in groups:
                declared = ", ".join(sorted(groups)) or "none"
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    f"{noun} {row.id} is in group {row.section!r}, which plan.yaml does not declare for "
                    f"{appendix.label()} (declared: {declared})",
                    row.location.with_field("section"),
                    ids=(row.id,),
                    detail="group",
                )
            if isinstance(row, Line):
                continue
            name = row.investor if isinstance(row, Project) else row.name
            if not name or row.agency_id is not None:
                continue
            if not registry:
                unregistered += 1
                continue
            column = "investor" if isinstance(row, Project) else "unit"
            yield Finding(
                "DAT002",
                Severity.ERROR,
                f"{column} {name!r} of {noun} {row.id} matches no agency of the registry in plan.yaml "
                "(add it, or an alias, under agencies)",
                row.location.with_field(column),
                ids=(row.id,),
                detail="agency",
            )
    if unregistered:
        yield Finding(
            "DAT002",
            Severity.INFO,
            f"not checked: plan.yaml has no agency registry (agencies), so the investors and units of "
            f"{unregistered} row{'s' if unregistered != 1 else ''} are not matched against it, and spellings "
            "of one agency are not merged",
            where.locate("agencies") if ("agencies",) in where.lines else where.locate(),
            ids=("agencies",),
            detail="no-registry",
        )


def _references(plan: Plan, where: Provenance) -> Iterator[Finding]:
    appendices = {a.id: a for a in plan.appendices}
    known = ", ".join(appendices)

    def unknown_appendix(appendix_id: str, path: tuple[str | int, ...], what: str) -> Finding:
        return Finding(
            "DAT002",
            Severity.ERROR,
            f"{what} names appendix {appendix_id!r}, which plan.yaml does not declare (appendices: {known})",
            where.locate(*path),
            ids=(appendix_id,),
            detail=".".join(str(p) for p in path[:-1] if not isinstance(p, int)),
        )

    for a_index, appendix in enumerate(plan.appendices):
        rows = {r.id for r in plan.rows(appendix.id)}
        for m_index, mark in enumerate(appendix.marks):
            for u_index, unit_id in enumerate(mark.units):
                if unit_id not in rows and appendix.id not in plan.incomplete:
                    yield Finding(
                        "DAT002",
                        Severity.ERROR,
                        f"mark {mark.mark} is explained for unit {unit_id!r}, which {appendix.label()} does "
                        "not have",
                        where.locate("appendices", a_index, "marks", m_index, "units", u_index),
                        ids=(unit_id,),
                        detail="mark",
                    )
    policy = plan.meta.security_policy
    if policy is not None:
        for c_index, counted in enumerate(policy.counted):
            named = appendices.get(counted.appendix)
            base = ("security_policy", "counted", c_index)
            if named is None:
                yield unknown_appendix(counted.appendix, (*base, "appendix"), "security_policy.counted")
                continue
            if policy.denominator is not None and named.id not in policy.denominator:
                yield Finding(
                    "DAT002",
                    Severity.WARNING,
                    f"security_policy counts rows of {named.label()}, which is not in the denominator "
                    f"({', '.join(policy.denominator)}): a share is of the funding it is taken of, so they "
                    "are not counted",
                    where.locate(*base, "appendix"),
                    ids=(named.id,),
                    detail="policy-outside",
                )
            if not counted.groups and not counted.rows:
                yield Finding(
                    "DAT002",
                    Severity.WARNING,
                    f"security_policy counts nothing of {named.label()}: give `groups` or `rows`",
                    where.locate(*base),
                    ids=(named.id,),
                    detail="policy-empty",
                )
            groups = {g.id for g in named.groups}
            for g_index, group in enumerate(counted.groups):
                if group not in groups:
                    yield Finding(
                        "DAT002",
                        Severity.ERROR,
                        f"security_policy counts group {group!r}, which {named.label()} does not declare",
                        where.locate(*base, "groups", g_index),
                        ids=(group,),
                        detail="policy-group",
                    )
            rows = {r.id for r in plan.rows(named.id)}
            for r_index, row_id in enumerate(counted.rows):
                if row_id not in rows and named.id not in plan.incomplete:
                    yield Finding(
                        "DAT002",
                        Severity.ERROR,
                        f"security_policy counts row {row_id!r}, which {named.label()} does not have",
                        where.locate(*base, "rows", r_index),
                        ids=(row_id,),
                        detail="policy-project",
                    )
        for d_index, appendix_id in enumerate(policy.denominator or []):
            if appendix_id not in appendices:
                yield unknown_appendix(
                    appendix_id, ("security_policy", "denominator", d_index), "security_policy.denominator"
                )
    grand = plan.meta.grand_total
    seen: set[str] = set()
    for p_index, part in enumerate(grand.parts if grand else []):
        if part.appendix is None:
            continue
        path = ("grand_total", "parts", p_index, "appendix")
        if part.appendix not in appendices:
            yield unknown_appendix(part.appendix, path, f"grand-total part {part.id!r}")
        elif part.appendix in seen:
            yield Finding(
                "DAT002",
                Severity.ERROR,
                f"grand-total part {part.id!r} names appendix {part.appendix!r} again: an appendix is one "
                "part of the grand total",
                where.locate(*path),
                ids=(part.appendix,),
                detail="part-twice",
            )
        seen.add(part.appendix)


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    yield from _rows(plan, where)
    yield from _references(plan, where)


RULE = Rule(
    code="DAT002",
    name="bad-reference",
    summary="Duplicate ids, or references to groups, agencies, appendices or rows that do not exist.",
    severity=Severity.ERROR,
    what="Row ids are unique across the plan's appendices; every row's group is declared for its appendix in "
    "plan.yaml; every project's investor and every unit matches an agency of the registry (ignoring "
    "case, Unicode form and tone-mark placement; with no registry, one info finding says this was "
    "not checked); marks, the security policy and the grand total's parts name existing appendices, "
    "groups and rows, and each appendix is one part of the grand total at most.",
    why="Ids key baselines and diffs; groups and agencies decide the totals per group and per "
    "investor. A dangling reference silently drops money from a total.",
    source="The tables' groups and their investor and unit columns (in Plan 272: Phụ lục I groups "
    "I–IV and column 'Chủ đầu tư'; Phụ lục II).",
    fix="Give the row a unique id, fix the group, or register the agency (or the new spelling as "
    "an alias) under `agencies` in plan.yaml; correct the reference that names nothing.",
    check=check,
)
