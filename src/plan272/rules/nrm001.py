"""NRM001: Appendix II funding follows the per-staff norm."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity, describe_difference
from plan272.model import Plan
from plan272.rules import Rule


def check(plan: Plan) -> Iterator[Finding]:
    norm = plan.meta.appendix2.norm
    for unit in plan.units:
        if "staff" in unit.unreadable:
            continue
        expected = unit.staff * norm.per_staff_per_year
        marked = bool(unit.note)
        for year, amount in sorted(unit.years.items()):
            if f"y{year}" in unit.unreadable:
                continue
            if marked and amount >= expected:
                continue
            if not marked and amount == expected:
                continue
            rule_text = (
                f"a marked ({unit.note}) unit gets at least" if marked else "an unmarked unit gets exactly"
            )
            yield Finding(
                "NRM001",
                Severity.ERROR,
                f"{unit.id} {unit.name}, {year}: {rule_text} staff × norm = {unit.staff} × "
                f"{norm.per_staff_per_year} = {expected:,}; {describe_difference(expected, amount)}",
                unit.location.with_field(f"y{year}"),
                ids=(unit.id,),
                expected=expected,
                observed=amount,
                detail=str(year),
            )


RULE = Rule(
    code="NRM001",
    name="staff-norm",
    summary="Appendix II: funding follows staff × the per-staff norm.",
    severity=Severity.ERROR,
    what="For each unit and year: an unmarked unit's amount equals staff × the norm "
    "(appendix2.norm.per_staff_per_year, 2 million VND); a unit marked * (explained by the notes "
    "under the table) gets at least that.",
    why="Recurring IT funding is allocated by head count; a unit off the norm without a note is "
    "either a typo or an unexplained allocation.",
    source="Phụ lục II: 'Số CBCC hiện có' and 'Phân bổ kinh phí hàng năm'; the * notes under it.",
    fix="Correct the amount or the staff count from the document; if the unit really gets more, "
    "mark it (note column) and record the note in plan.yaml (appendix2.notes).",
    check=check,
)
