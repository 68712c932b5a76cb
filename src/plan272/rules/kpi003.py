"""KPI003: an indicator stated in several places has the same target for the same year."""

from __future__ import annotations

from collections.abc import Iterator

from plan272.findings import Finding, Severity
from plan272.messages import Message
from plan272.model import Plan
from plan272.provenance import Provenance
from plan272.rules import Rule
from plan272.rules._kpi import target_text, targets_by_year


def check(plan: Plan, where: Provenance) -> Iterator[Finding]:
    for k_index, kpi in enumerate(plan.meta.kpis):
        for year, entries in sorted(targets_by_year(k_index, kpi).items()):
            first, first_path = entries[0]
            first_source = kpi.statements[int(first_path[3])].source
            for target, path in entries[1:]:
                if target == first:
                    continue
                source = kpi.statements[int(path[3])].source
                single = first.low == first.high and target.low == target.high
                yield Finding(
                    "KPI003",
                    Severity.ERROR,
                    Message(
                        "KPI003.differs",
                        kpi=repr(kpi.id),
                        year=year,
                        this=target_text(target),
                        where=source.where,
                        other=target_text(first),
                        other_where=first_source.where,
                    ),
                    where.locate(*path),
                    ids=(kpi.id,),
                    expected=first.low if single else None,
                    observed=target.low if single else None,
                    detail=f"{year}-{path[3]}",
                    extra={"other": str(first), "this": str(target)},
                )


RULE = Rule(
    code="KPI003",
    name="target-disagrees",
    summary="An indicator stated in several places has the same target for the same year.",
    severity=Severity.ERROR,
    what="Each indicator's statements (in Plan 272, e.g. mục II for 2025 and mục VI 'đến hết năm "
    "2025') give the same target for the same year.",
    why="Two different targets for the same indicator and year leave the plan ambiguous: which "
    "one is monitored?",
    source="The places where the plan states an indicator's targets, recorded under `kpis` in "
    "plan.yaml (in Plan 272: Phần II, mục II 'MỤC TIÊU CỤ THỂ' and mục VI 'LỘ TRÌNH THỰC HIỆN').",
    fix="Check both places in the document; record what each says and resolve the discrepancy "
    "with the plan's owner.",
    check=check,
)
