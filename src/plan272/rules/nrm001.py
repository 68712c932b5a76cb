"""NRM001: funding by head count follows the per-staff norm, and every exemption is explained."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from plan272.figures import explained_mark, norm_amount, off_norm
from plan272.findings import Finding, Severity, describe_difference
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
                why = (
                    f"plan.yaml explains mark {note!r} for other units only"
                    if note in marks
                    else f"plan.yaml does not explain mark {note!r}"
                )
                marks_key = where.field("appendices", index, "marks")
                yield Finding(
                    "NRM001",
                    Severity.WARNING,
                    f"{unit.id} {unit.name} is marked {note!r}, but {why} ({marks_key}): "
                    "the mark exempts it from nothing, the exact norm applies",
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
                    rule_text = f"a unit marked {explained.mark} gets at least"
                elif note:
                    rule_text = f"a unit whose note ({note!r}) is no mark plan.yaml explains gets exactly"
                else:
                    rule_text = "an unmarked unit gets exactly"
                hint = ""
                if isinstance(expected, Decimal):
                    hint = (
                        f" (staff × norm is not a whole amount: declare how the plan makes it whole, "
                        f"{where.field('appendices', index, 'norm', 'rounding')}: nearest, down or up)"
                    )
                yield Finding(
                    "NRM001",
                    Severity.ERROR,
                    f"{unit.id} {unit.name}, {year}: {rule_text} staff × norm = {unit.staff} × "
                    f"{norm.per_staff_per_year} = {expected:,}; {describe_difference(expected, amount)}"
                    + hint,
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
                        f"plan.yaml explains mark {mark.mark!r} for {unit_id}, but the table does not mark "
                        f"{unit_id} with it (its note: {found.note or 'none'!r}); the explanation exempts "
                        "nothing",
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
