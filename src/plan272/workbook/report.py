"""What ``plan272 import`` and ``export-tables`` say, in the run's language: each problem and note
on a line of its own, located as Excel writes a reference (``'Phụ lục I'!G12: formula: …``), the
totals proposed for plan.yaml as YAML to paste, what each appendix was read from, and — with
``--check`` — every difference. Text from the workbook is shown, never obeyed (``safe``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from plan272.messages import Amount, Lang, Message, Words
from plan272.safety import safe
from plan272.workbook.check import Difference
from plan272.workbook.importer import ImportResult, Proposal, Remark, Table
from plan272.workbook.places import Place
from plan272.workbook.titles import loose


def remark_lines(
    remarks: Iterable[Remark], lang: Lang, note: bool = False, limit: int | None = None
) -> list[str]:
    """``'Phụ lục I'!G12: formula: what is wrong (found '=G10+G11')``; a note says ``note``. At
    most ``limit`` (``--max-problems``), then how many more."""
    remarks = list(remarks)
    lines = []
    if limit is not None and len(remarks) > limit:
        rest = len(remarks) - limit
        more = Message("workbook.report.more", count=Amount(rest), limit=Amount(limit)).render(lang)
        return [*remark_lines(remarks[:limit], lang, note), more]
    for remark in remarks:
        head = str(remark.place)
        label = Message("workbook.report.note").render(lang) if note else remark.code
        found = ""
        if remark.value is not None and not note:
            found = Message("workbook.report.found", value=repr(remark.value)).render(lang)
        text = f"{label}: {remark.message.render(lang)}{found}"
        lines.append(f"{safe(head)}: {text}" if head else text)
    return lines


def _flow(proposal: Proposal) -> str:
    """The proposal as plan.yaml writes a ``declared`` total row."""
    parts = []
    if proposal.total is not None:
        parts.append(f"total: {proposal.total}")
    if proposal.years:
        years = ", ".join(f"{y}: {v}" for y, v in sorted(proposal.years.items()))
        parts.append(f"years: {{{years}}}")
    if proposal.columns:
        columns = ", ".join(f"{c}: {v}" for c, v in proposal.columns.items())
        parts.append(f"columns: {{{columns}}}")
    return "{" + ", ".join(parts) + "}"


def _current(proposal: Proposal) -> str:
    current = proposal.current
    assert current is not None
    figures = Proposal(proposal.appendix, proposal.group, proposal.place, proposal.label)
    figures.total, figures.years, figures.columns = current.total, dict(current.years), dict(current.columns)
    return _flow(figures)


def proposal_lines(table: Table, lang: Lang) -> list[str]:
    """Each total row and group row the table prints, as plan.yaml would declare it, beside what
    plan.yaml declares now (one line when they agree)."""
    lines: list[str] = []
    appendix = table.appendix
    name = Words(appendix.label("en"), appendix.name)
    for proposal in table.proposals:
        row: Message = (
            Message("workbook.report.total")
            if proposal.group is None
            else Message("workbook.report.group", group=safe(proposal.group))
        )
        where = safe(str(proposal.place))
        if not proposal.differs():
            lines.append(
                Message("workbook.report.proposal.same", appendix=name, row=row, place=where).render(lang)
            )
            continue
        lines.append(Message("workbook.report.proposal", appendix=name, row=row, place=where).render(lang))
        if proposal.group is not None and proposal.current_title is None:
            title = json.dumps(safe(proposal.title or ""), ensure_ascii=False)
            flow = f"- {{id: {json.dumps(safe(proposal.group), ensure_ascii=False)}, title: {title}"
            flow += f", declared: {_flow(proposal)}}}" if not proposal.empty else "}"
            lines += [f"  {flow}", "  " + Message("workbook.report.proposal.new-group").render(lang)]
            continue
        retitled = proposal.title is not None and proposal.current_title is not None
        if retitled and loose(proposal.title or "") != loose(proposal.current_title or ""):
            lines.append(f"  title: {json.dumps(safe(proposal.title or ''), ensure_ascii=False)}")
            current = json.dumps(safe(proposal.current_title or ""), ensure_ascii=False)
            lines.append("  " + Message("workbook.report.proposal.title", title=current).render(lang))
        if proposal.empty:
            continue
        lines.append(f"  declared: {_flow(proposal)}")
        if proposal.current is None:
            lines.append("  " + Message("workbook.report.proposal.none").render(lang))
        elif _flow(proposal) != _current(proposal):
            lines.append("  " + Message("workbook.report.proposal.differs").render(lang))
            lines.append(f"  declared: {_current(proposal)}")
    return lines


def table_lines(result: ImportResult, lang: Lang) -> list[str]:
    """What each appendix was read from, and the ids given and columns kept."""
    lines = []
    for table in result.tables:
        appendix = table.appendix
        last_column = max((p.column for places in table.places for p in places.values()), default=1)
        where = Place(table.sheet, table.first_row, 1, max(table.last_row, table.first_row), last_column)
        name = Words(appendix.label("en"), appendix.name)
        lines.append(
            Message(
                "workbook.report.read", appendix=name, place=safe(str(where)), count=len(table.records)
            ).render(lang)
        )
        by_name = [row_id for row_id, _, how in table.given if how == "name"]
        if by_name:
            count = len(by_name)
            message = Message(
                "workbook.note.given.name",
                appendix=name,
                count=count,
                s="" if count == 1 else "s",
                file=appendix.file,
            )
            lines.append("  " + message.render(lang))
        made = [
            f"{safe(row_id)} ({safe(str(place))})" for row_id, place, how in table.given if how == "number"
        ]
        if made:
            lines.append(
                "  "
                + Message("workbook.note.given.number", appendix=name, given=", ".join(made)).render(lang)
            )
        if table.kept:
            message = Message(
                "workbook.note.kept", appendix=name, file=appendix.file, columns=", ".join(table.kept)
            )
            lines.append("  " + message.render(lang))
    return lines


def import_report(result: ImportResult, path: str, lang: Lang, limit: int | None = None) -> str:
    """The report of an import (without ``--check``); at most ``limit`` problems listed."""
    lines = remark_lines(result.problems, lang, limit=limit)
    lines += remark_lines(result.notes, lang, note=True)
    proposals = [line for table in result.tables for line in proposal_lines(table, lang)]
    if lines and proposals:
        lines.append("")
    lines += proposals
    if lines:
        lines.append("")
    lines += table_lines(result, lang)
    if result.problems:
        lines.append("")
        count = len(result.problems)
        lines.append(
            Message(
                "workbook.report.problems", count=count, s="" if count == 1 else "s", path=safe(path)
            ).render(lang)
        )
    return _joined(lines)


def check_report(
    result: ImportResult, differences: list[Difference], path: str, lang: Lang, limit: int | None = None
) -> str:
    """The report of ``import --check``: problems (at most ``limit``), notes, then the differences
    appendix by appendix."""
    lines = remark_lines(result.problems, lang, limit=limit)
    lines += remark_lines(result.notes, lang, note=True)
    if lines:
        lines.append("")
    for table in result.tables:
        appendix = table.appendix
        name = Words(appendix.label("en"), appendix.name)
        mine = [d for d in differences if d.appendix == appendix.id]
        sheet = safe(str(Place(table.sheet)))
        if not mine:
            lines.append(
                Message("workbook.check.same", appendix=name, sheet=sheet, file=appendix.file).render(lang)
            )
            continue
        lines.append(
            Message("workbook.check.heading", appendix=name, sheet=sheet, file=appendix.file).render(lang)
        )
        lines += ["  " + d.message.render(lang) for d in mine]
    lines.append("")
    if result.problems:
        count = len(result.problems)
        lines.append(
            Message(
                "workbook.report.problems.check", count=count, s="" if count == 1 else "s", path=safe(path)
            ).render(lang)
        )
    if differences:
        count = len(differences)
        lines.append(
            Message("workbook.check.summary.differs", count=count, s="" if count == 1 else "s").render(lang)
        )
    elif not result.problems:
        lines.append(Message("workbook.check.summary.same").render(lang))
    return _joined(lines)


def export_report(notes: list[Remark], lang: Lang) -> str:
    lines = remark_lines(notes, lang, note=True)
    return _joined(lines) if lines else ""


def _joined(lines: list[str]) -> str:
    """The lines of a report, each shown and never obeyed: whatever a sheet's name or a cell's
    text holds (a line break, an escape sequence) is written visibly (:func:`safe`)."""
    return "".join(safe(line) + "\n" for line in lines)


def _place(place: Place) -> dict[str, Any]:
    return {"sheet": place.sheet, "cell": place.cell}


def _remark(remark: Remark, lang: Lang) -> dict[str, Any]:
    return {
        "code": remark.code,
        **_place(remark.place),
        "message": remark.message.render(lang),
        "value": remark.value,
    }


def _declared(proposal: Proposal) -> dict[str, Any]:
    return {
        "total": proposal.total,
        "years": {str(y): v for y, v in sorted(proposal.years.items())},
        "columns": dict(proposal.columns),
    }


def json_report(
    result: ImportResult,
    differences: list[Difference] | None,
    path: str,
    lang: Lang,
    written: list[str] | None = None,
) -> str:
    """The report as JSON (version 1), for scripts and CI: what ``import`` found, proposed and —
    with ``--check`` (``differences`` given) — what differs. Codes, places and figures are the same
    in every language; only ``message`` is worded in ``lang``."""
    from plan272.jsonout import dumps

    tables = []
    for table in result.tables:
        tables.append(
            {
                "appendix": table.appendix.id,
                "file": table.appendix.file,
                "sheet": table.sheet,
                "rows": len(table.records),
                "first_row": table.first_row,
                "last_row": table.last_row,
                "given": [{"id": i, **_place(p), "how": how} for i, p, how in table.given],
                "kept": list(table.kept),
            }
        )
    proposals = []
    for table in result.tables:
        for proposal in table.proposals:
            current = proposal.current
            proposals.append(
                {
                    "appendix": proposal.appendix,
                    "group": proposal.group,
                    **_place(proposal.place),
                    "declared": None if proposal.empty else _declared(proposal),
                    "plan_declared": None
                    if current is None
                    else {
                        "total": current.total,
                        "years": {str(y): v for y, v in sorted(current.years.items())},
                        "columns": dict(current.columns),
                    },
                    "title": proposal.title,
                    "plan_title": proposal.current_title,
                    "differs": proposal.differs(),
                }
            )
    report: dict[str, Any] = {
        "version": 1,
        "workbook": path,
        "problems": [_remark(r, lang) for r in result.problems],
        "notes": [_remark(r, lang) for r in result.notes],
        "tables": tables,
        "proposals": proposals,
    }
    if differences is not None:
        report["differences"] = [
            {
                "kind": d.kind,
                "appendix": d.appendix,
                "row": d.row,
                "column": d.column,
                "old": d.old,
                "new": d.new,
                **(_place(d.place) if d.place is not None else {"sheet": None, "cell": None}),
                "message": d.message.render(lang),
            }
            for d in differences
        ]
        report["differ"] = bool(differences)
    if written is not None:
        report["written"] = written
    return dumps(report) + "\n"
