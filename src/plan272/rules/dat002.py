"""DAT002: duplicate ids, and references to groups, agencies, appendices or rows that do not exist."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.messages import Amount, Each, Message
from plan272.model import Line, Plan, Project, Row
from plan272.names import fold
from plan272.provenance import Provenance
from plan272.rules import Rule, appendix_name

_NOUN = {"projects": "DAT002.project", "units": "DAT002.unit", "lines": "DAT002.line"}


def _rows(plan: Plan, where: Provenance) -> Iterator[Finding]:
    registry = bool(plan.meta.agencies)
    unregistered = 0
    first: dict[str, Row] = {}  # ids are unique across the plan: they key baselines and diffs
    for appendix in plan.appendices:
        groups = {g.id for g in appendix.groups}
        noun = Message(_NOUN[appendix.kind])
        for row in plan.rows(appendix.id):
            identifier = row.id
            # fold's own first step, without a call a row: an ASCII id folds to its casefold
            key = identifier.casefold() if identifier.isascii() else fold(identifier)
            if "id" in row.unreadable:
                pass  # no usable id (DAT001 says so): nothing to compare
            elif (other := first.get(key)) is not None:
                place: Message | str = (
                    Message("DAT002.line-of", line=other.location.line or 0)
                    if other.appendix == row.appendix
                    else f"{other.location.file}:{other.location.line}"
                )
                same: Message | str = (
                    "" if other.id == row.id else Message("DAT002.case", other=repr(other.id))
                )
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    Message("DAT002.duplicate", row=repr(row.id), noun=noun, same=same, place=place),
                    row.location.with_field("id"),
                    ids=(row.id,),
                    detail="duplicate",
                )
            else:
                first[key] = row
            if row.section and row.section not in groups:
                yield Finding(
                    "DAT002",
                    Severity.ERROR,
                    Message(
                        "DAT002.group",
                        noun=noun,
                        row=row.id,
                        group=repr(row.section),
                        appendix=appendix_name(plan, appendix.id),
                        declared=Each(tuple(sorted(groups))),
                    ),
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
                Message(
                    "DAT002.agency",
                    column=Message("DAT002.investor" if column == "investor" else "DAT002.unit-column"),
                    name=repr(name),
                    noun=noun,
                    row=row.id,
                ),
                row.location.with_field(column),
                ids=(row.id,),
                detail="agency",
            )
    if unregistered:
        yield Finding(
            "DAT002",
            Severity.INFO,
            Message(
                "DAT002.no-registry",
                count=Amount(unregistered),
                rows=Message("DAT002.row" if unregistered == 1 else "DAT002.rows"),
            ),
            where.locate("agencies") if ("agencies",) in where.lines else where.locate(),
            ids=("agencies",),
            detail="no-registry",
        )


def _references(plan: Plan, where: Provenance) -> Iterator[Finding]:
    appendices = {a.id: a for a in plan.appendices}
    known = Each(tuple(appendices))

    def unknown_appendix(appendix_id: str, path: tuple[str | int, ...], what: str | Message) -> Finding:
        return Finding(
            "DAT002",
            Severity.ERROR,
            Message("DAT002.unknown-appendix", what=what, appendix=repr(appendix_id), known=known),
            where.locate(*path),
            ids=(appendix_id,),
            detail=".".join(str(p) for p in path[:-1] if not isinstance(p, int)),
        )

    row_ids: dict[str, frozenset[str]] = {}

    def ids_of(appendix_id: str) -> frozenset[str]:
        """The ids of an appendix's rows, gathered when a reference is first looked up in them
        (most plans name no row: a table of a million rows is not gathered for nothing)."""
        found = row_ids.get(appendix_id)
        if found is None:
            found = row_ids[appendix_id] = frozenset(r.id for r in plan.rows(appendix_id))
        return found

    for a_index, appendix in enumerate(plan.appendices):
        for m_index, mark in enumerate(appendix.marks):
            for u_index, unit_id in enumerate(mark.units):
                if unit_id not in ids_of(appendix.id) and appendix.id not in plan.incomplete:
                    yield Finding(
                        "DAT002",
                        Severity.ERROR,
                        Message(
                            "DAT002.mark",
                            mark=mark.mark,
                            row=repr(unit_id),
                            appendix=appendix_name(plan, appendix.id),
                        ),
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
                    Message(
                        "DAT002.policy-outside",
                        appendix=appendix_name(plan, named.id),
                        denominator=Each(tuple(policy.denominator)),
                    ),
                    where.locate(*base, "appendix"),
                    ids=(named.id,),
                    detail="policy-outside",
                )
            if not counted.groups and not counted.rows:
                yield Finding(
                    "DAT002",
                    Severity.WARNING,
                    Message("DAT002.policy-empty", appendix=appendix_name(plan, named.id)),
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
                        Message(
                            "DAT002.policy-group", group=repr(group), appendix=appendix_name(plan, named.id)
                        ),
                        where.locate(*base, "groups", g_index),
                        ids=(group,),
                        detail="policy-group",
                    )
            for r_index, row_id in enumerate(counted.rows):
                if row_id not in ids_of(named.id) and named.id not in plan.incomplete:
                    yield Finding(
                        "DAT002",
                        Severity.ERROR,
                        Message(
                            "DAT002.policy-row", row=repr(row_id), appendix=appendix_name(plan, named.id)
                        ),
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
            yield unknown_appendix(part.appendix, path, Message("DAT002.grand-part", part=repr(part.id)))
        elif part.appendix in seen:
            yield Finding(
                "DAT002",
                Severity.ERROR,
                Message("DAT002.part-twice", part=repr(part.id), appendix=repr(part.appendix)),
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
