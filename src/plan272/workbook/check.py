"""``plan272 import --check``: what a workbook holds against the plan's files — its CSV files row by
row (paired by id), and plan.yaml's declared totals and groups against the total and group rows.

Cells are compared as the loader reads them: text exactly (after trimming, NFC), amounts by value
(``20.200`` in a file that declares Vietnamese notation is 20200). An empty cell and a column the
file does not have are the same: nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from plan272.messages import Amount, Message, Words
from plan272.model import TOTAL_COLUMN, Declared, PlanFile
from plan272.numbers import Notation
from plan272.safety import safe
from plan272.workbook.csvfiles import CsvTable, amount_of
from plan272.workbook.importer import Proposal, Table
from plan272.workbook.places import Place
from plan272.workbook.titles import loose


@dataclass(frozen=True)
class Difference:
    """One difference: a stable ``kind`` (``added``, ``removed``, ``changed``, ``order``,
    ``declared``, ``group``, ``title``, ``new-file``), the appendix, the row and column where it
    applies, both values as text, and the workbook's cell."""

    kind: str
    appendix: str
    message: Message
    place: Place | None = None
    row: str | None = None
    column: str | None = None
    old: str | None = None
    new: str | None = None


def compare(
    tables: list[Table], existing: dict[str, CsvTable | None], meta: PlanFile, unread: Iterable[Place] = ()
) -> list[Difference]:
    """Every difference between the appendices read from a workbook and the plan's files; a cell
    of ``unread`` (a problem said why it could not be read) is no difference."""
    skip = set(unread)
    out: list[Difference] = []
    for table in tables:
        found = _rows(table, existing.get(table.appendix.id), meta.csv_format(table.appendix).number_format)
        out += [d for d in found if not (d.kind == "changed" and d.place in skip)]
        for proposal in table.proposals:
            out += _declared(table, proposal)
    return out


def _shown(value: str, amount: int | None) -> str | Amount | Message:
    if amount is not None:
        return Amount(amount)
    return repr(value) if value else Message("workbook.check.empty")


def _rows(table: Table, old: CsvTable | None, notation: Notation | None) -> list[Difference]:
    appendix = table.appendix
    name_column = "unit" if appendix.kind == "units" else "name"
    if old is None:
        message = Message("workbook.check.new-file", file=appendix.file)
        return [Difference("new-file", appendix.id, message)]
    out: list[Difference] = []
    before = old.by_id()
    after = {r.get("id", ""): i for i, r in enumerate(table.records)}
    amounts = {TOTAL_COLUMN[appendix.kind], "staff", "attt", *(c.id for c in appendix.columns)}
    columns = [c for c in table.header if c != "id"]
    columns += [c for c in old.header if c not in columns and c != "id"]
    for index, record in enumerate(table.records):
        row_id = record.get("id", "")
        where = table.rows[index]
        previous = before.get(row_id)
        if previous is None:
            message = Message(
                "workbook.check.added",
                id=safe(row_id),
                name=safe(record.get(name_column, "")),
                place=str(where),
                file=appendix.file,
            )
            out.append(Difference("added", appendix.id, message, where, row_id))
            continue
        for column in columns:
            new, was = record.get(column, ""), previous.get(column, "")
            if column in amounts or (column.startswith("y") and column[1:].isdigit()):
                new_amount, old_amount = amount_of(new, notation), amount_of(was, notation)
                if new_amount is not None and old_amount is not None:
                    if new_amount == old_amount:
                        continue
                elif new == was:
                    continue
            else:
                new_amount = old_amount = None
                if new == was:
                    continue
            cell = table.places[index].get(column, where)
            message = Message(
                "workbook.check.changed",
                id=safe(row_id),
                column=column,
                old=_shown(was, old_amount),
                new=_shown(new, new_amount),
                place=str(cell),
            )
            out.append(Difference("changed", appendix.id, message, cell, row_id, column, was, new))
    for record in old.records:
        row_id = record.get("id", "")
        if row_id not in after:
            message = Message(
                "workbook.check.removed", id=safe(row_id), name=safe(record.get(name_column, ""))
            )
            out.append(Difference("removed", appendix.id, message, None, row_id))
    common_old = [r.get("id", "") for r in old.records if r.get("id", "") in after]
    common_new = [r.get("id", "") for r in table.records if r.get("id", "") in before]
    for was, now in zip(common_old, common_new, strict=True):
        if was != now:
            where = table.rows[after[now]]
            message = Message("workbook.check.order", id=safe(now), place=str(where))
            out.append(Difference("order", appendix.id, message, where, now))
            break
    return out


def _declared(table: Table, proposal: Proposal) -> list[Difference]:
    appendix = table.appendix
    name = Words(appendix.label("en"), appendix.name)
    scope: Words | Message = (
        name
        if proposal.group is None
        else Message("workbook.check.scope.group", appendix=name, group=proposal.group)
    )
    out: list[Difference] = []
    if proposal.group is not None and proposal.current_title is None:
        message = Message(
            "workbook.check.group-new",
            group=safe(proposal.group),
            title=safe(proposal.title or ""),
            place=str(proposal.place),
        )
        return [Difference("group", appendix.id, message, proposal.place, proposal.group)]
    if (
        proposal.title is not None
        and proposal.current_title is not None
        and loose(proposal.title) != loose(proposal.current_title)
    ):
        message = Message(
            "workbook.check.declared",
            scope=scope,
            what=Message("workbook.check.declared.title"),
            old=repr(proposal.current_title),
            new=repr(proposal.title),
            place=str(proposal.place),
        )
        out.append(
            Difference(
                "title",
                appendix.id,
                message,
                proposal.place,
                proposal.group,
                "title",
                proposal.current_title,
                proposal.title,
            )
        )
    current: Declared | None = proposal.current
    figures: list[tuple[str | Message, str, int, int | None]] = []
    if proposal.total is not None:
        figures.append(
            (
                Message("workbook.check.declared.total"),
                "total",
                proposal.total,
                current.total if current else None,
            )
        )
    for year, value in sorted(proposal.years.items()):
        figures.append((str(year), str(year), value, current.years.get(year) if current else None))
    for column, value in proposal.columns.items():
        figures.append((column, column, value, current.columns.get(column) if current else None))
    for what, field, value, was in figures:
        if was == value:
            continue
        old: Amount | Message = Amount(was) if was is not None else Message("workbook.check.declared.none")
        message = Message(
            "workbook.check.declared",
            scope=scope,
            what=what,
            old=old,
            new=Amount(value),
            place=str(proposal.place),
        )
        out.append(
            Difference(
                "declared",
                appendix.id,
                message,
                proposal.place,
                proposal.group,
                field,
                None if was is None else str(was),
                str(value),
            )
        )
    return out
