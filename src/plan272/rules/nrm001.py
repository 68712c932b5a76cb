"""NRM001: funding by head count follows the per-staff norm, and every exemption is explained."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from plan272.figures import explained_mark, norm_amount, off_norm
from plan272.findings import Finding, Severity
from plan272.messages import Amount, Message, Num, Off
from plan272.model import Plan, Unit
from plan272.provenance import Provenance
from plan272.rules import Rule


def looks_like_mark(note: str) -> bool:
    """A short note without letters (``*``, ``**``, ``(1)``): a mark, not a remark in words."""
    return len(note) <= 5 and not any(unicodedata.category(ch).startswith("L") for ch in note)


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for index, appendix in enumerate(plan.appendices):
        norm = appendix.norm
        if appendix.kind != "units" or norm is None:
            continue
        marks = {m.mark.strip() for m in appendix.marks}
        units = [u for u in plan.rows(appendix.id) if isinstance(u, Unit)]
        for unit in units:
            note = (unit.note or "").strip()
            explained = explained_mark(unit, appendix)
            if note and explained is None and (note in marks or looks_like_mark(note)):
                why = Message(
                    "NRM001.other-units" if note in marks else "NRM001.unexplained", mark=repr(note)
                )
                marks_key = where.field("appendices", index, "marks")
                yield Finding(
                    "NRM001",
                    Severity.WARNING,
                    Message(
                        "NRM001.marked", row=unit.id, name=unit.name, mark=repr(note), why=why, key=marks_key
                    ),
                    unit.location.with_field("note"),
                    ids=(unit.id,),
                    detail="unexplained-mark",
                )
            expected = norm_amount(unit, appendix)
            if expected is None:
                continue
            for year in off_norm(unit, appendix):
                amount = unit.years[year]
                if explained is not None:
                    rule_text = Message("NRM001.at-least", mark=explained.mark)
                elif note:
                    rule_text = Message("NRM001.note", note=repr(note))
                else:
                    rule_text = Message("NRM001.exactly")
                hint: Message | str = ""
                if isinstance(expected, Decimal):
                    hint = Message(
                        "NRM001.rounding", key=where.field("appendices", index, "norm", "rounding")
                    )
                difference = Message(
                    "expected-found" if amount != expected else "expected-found.equal",
                    expected=Amount(expected),
                    observed=Amount(amount),
                    off=Off(expected, amount),
                )
                yield Finding(
                    "NRM001",
                    Severity.ERROR,
                    Message(
                        "NRM001.year",
                        row=unit.id,
                        name=unit.name,
                        year=year,
                        rule=rule_text,
                        staff=unit.staff,
                        norm=Num(norm.per_staff_per_year),
                        expected=Amount(expected),
                        difference=difference,
                        hint=hint,
                    ),
                    unit.location.with_field(f"y{year}"),
                    ids=(unit.id,),
                    expected=expected,
                    observed=amount,
                    detail=str(year),
                )
        if appendix.id in plan.incomplete:
            continue  # a unit left out of the table would look unmarked
        by_id = {u.id: u for u in units}
        for m_index, mark in enumerate(appendix.marks):
            for u_index, unit_id in enumerate(mark.units):
                found = by_id.get(unit_id)
                if found is None:
                    continue  # DAT002 reports the unknown unit
                if (found.note or "").strip() != mark.mark.strip():
                    yield Finding(
                        "NRM001",
                        Severity.WARNING,
                        Message(
                            "NRM001.not-in-table",
                            mark=repr(mark.mark),
                            row=unit_id,
                            note=repr(found.note or "none"),
                        ),
                        where.locate("appendices", index, "marks", m_index, "units", u_index),
                        ids=(unit_id,),
                        detail=f"mark-not-in-table-{mark.mark}",
                    )


RULE = Rule(
    code="NRM001",
    name="staff-norm",
    summary="Funding by head count follows staff × the per-staff norm; every exemption is explained.",
    severity=Severity.ERROR,
    what="For each unit of an appendix of units and each year: an unmarked unit's amount equals staff "
    "× the norm (`norm.per_staff_per_year`, whole or not, made whole as `norm.rounding` says when "
    "the product is not); a unit whose note is a mark that plan.yaml "
    "explains for that unit (`marks`: the mark, the units, the explanation) gets at least that. A note "
    "that is not such a mark relaxes nothing. A unit carrying a mark plan.yaml does not explain for it, "
    "and an explanation for a unit the table does not mark, are warnings.",
    why="Recurring IT funding is allocated by head count; a unit off the norm without an explained "
    "mark is either a typo or an allocation nobody has justified.",
    source="The table of recurring funding and the notes under it (in Plan 272: Phụ lục II, 'Số CBCC "
    "hiện có' and 'Phân bổ kinh phí hàng năm'; the * notes).",
    fix="Correct the amount or the staff count from the document; if the unit really gets more, mark "
    "it in the note column and record the mark, the unit and the explanation in plan.yaml "
    "(appendices[].marks).",
    check=check,
)
