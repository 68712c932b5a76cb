"""The auditor's view of a plan: ``build_summary(plan, report) -> Summary``.

Pure data, no rich and no formatting: each section is a frozen dataclass of typed rows whose
amounts are whole million VND (``int``) and whose shares are ``Decimal``. :mod:`plan272.tables`
turns them into labelled tables, :mod:`plan272.exports` into files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, get_args

from plan272.analysis import Share, StatedCheck, security_account, stated_checks
from plan272.findings import Severity
from plan272.model import Declared, Group, Plan, Project, Row, Target, Unit

if TYPE_CHECKING:
    from plan272.engine import Report

SectionName = Literal[
    "identity",
    "appendix1",
    "appendix2",
    "grand-total",
    "investors",
    "security",
    "targets",
    "stated",
    "findings",
]
SECTIONS: tuple[SectionName, ...] = get_args(SectionName)  # in the order they print


# ---------------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class Figures:
    """Amounts per year and their total (million VND)."""

    years: dict[int, int]
    total: int

    def column(self, year: int | None) -> int | None:
        """The amount of ``year``, or the total for ``None``; ``None`` when the year is missing."""
        return self.total if year is None else self.years.get(year)

    @property
    def adds_up(self) -> bool:
        """The yearly amounts add up to the total."""
        return sum(self.years.values()) == self.total


@dataclass(frozen=True)
class AmountRow:
    """A group or total row: what the rows add up to, beside what the document declares."""

    id: str
    label: str
    count: int  # projects or units in it
    computed: Figures
    declared: Figures | None = None

    def differences(self, years: Sequence[int]) -> dict[int | None, int]:
        """computed − declared for each column (a year, or ``None`` for the total) that differs."""
        if self.declared is None:
            return {}
        out: dict[int | None, int] = {}
        for year in (*years, None):
            computed, declared = self.computed.column(year), self.declared.column(year)
            if computed is not None and declared is not None and computed != declared:
                out[year] = computed - declared
        return out


@dataclass(frozen=True)
class IdentitySection:
    number: str
    title: str
    province: str
    issuer: str
    date: dt.date
    signer: str
    signer_title: str | None
    period: tuple[int, int]
    source: str | None


@dataclass(frozen=True)
class ProjectRow:
    id: str
    tt: int | None
    name: str
    investor: str
    amounts: Figures  # the yearly allocations and the TMĐT (total investment)
    attt: int | None


@dataclass(frozen=True)
class ProjectGroup:
    row: AmountRow
    projects: tuple[ProjectRow, ...]


@dataclass(frozen=True)
class Appendix1Section:
    title: str | None
    years: tuple[int, ...]
    groups: tuple[ProjectGroup, ...]
    total: AmountRow


@dataclass(frozen=True)
class UnitRow:
    id: str
    tt: int | None
    name: str
    staff: int
    norm: int  # staff × per-staff norm: the yearly amount the norm gives
    amounts: Figures  # the yearly amounts and the row's stated total
    mark: str | None
    off_norm: tuple[int, ...]  # years whose amount breaks the norm


@dataclass(frozen=True)
class UnitGroup:
    row: AmountRow
    units: tuple[UnitRow, ...]


@dataclass(frozen=True)
class UnitNoteRow:
    mark: str
    unit_id: str
    unit_name: str | None
    summary: str


@dataclass(frozen=True)
class Appendix2Section:
    title: str | None
    years: tuple[int, ...]
    per_staff_per_year: int
    groups: tuple[UnitGroup, ...]
    total: AmountRow
    notes: tuple[UnitNoteRow, ...]


@dataclass(frozen=True)
class GrandTotalLine:
    id: str
    label: str
    appendix: int | None
    declared: int
    computed: int
    stated: str | None
    words: str | None

    @property
    def difference(self) -> int:
        return self.computed - self.declared


@dataclass(frozen=True)
class GrandTotalSection:
    total: GrandTotalLine
    parts: tuple[GrandTotalLine, ...]


@dataclass(frozen=True)
class InvestorRow:
    agency_id: str | None
    name: str  # the registry name, or the first spelling of an unregistered investor
    spellings: tuple[str, ...]  # every other spelling the appendix uses for it
    projects: int
    amount: int
    share: Decimal | None  # percent of the Appendix I total


@dataclass(frozen=True)
class InvestorsSection:
    rows: tuple[InvestorRow, ...]
    total: int
    projects: int


@dataclass(frozen=True)
class SecurityRow:
    year: int | None  # None: the whole period
    amount: int
    base: int
    percent: Decimal | None
    minimum: Decimal
    required: int
    ok: bool

    @property
    def shortfall(self) -> int:
        return 0 if self.ok else max(0, self.required - self.amount)


@dataclass(frozen=True)
class SecuritySection:
    years: tuple[SecurityRow, ...]
    period: SecurityRow
    minimum: Decimal
    counted: tuple[str, ...]  # ids of the projects counted in full
    partial: tuple[str, ...]  # ids of other projects whose attt part counts over the period
    denominator: tuple[str, ...]  # "appendix1", "appendix2"
    period_span: tuple[int, int]


@dataclass(frozen=True)
class TargetRow:
    id: str
    label: str
    unit: str
    kind: str
    direction: str
    milestones: dict[int, tuple[Target, ...]]  # the distinct targets stated for each year


@dataclass(frozen=True)
class TargetsSection:
    years: tuple[int, ...]
    rows: tuple[TargetRow, ...]


@dataclass(frozen=True)
class StatedSection:
    """The figures the text states (amounts in words and print, the narrative's claims), each
    recomputed from the others (see :func:`plan272.analysis.stated_checks`)."""

    rows: tuple[StatedCheck, ...]


@dataclass(frozen=True)
class FindingCount:
    code: str
    name: str
    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


@dataclass(frozen=True)
class FindingsSection:
    rows: tuple[FindingCount, ...]
    totals: dict[str, int] = field(default_factory=dict)
    rules_checked: int = 0
    suppressed: int = 0
    fatal: bool = False


@dataclass(frozen=True)
class Summary:
    identity: IdentitySection
    appendix1: Appendix1Section
    appendix2: Appendix2Section
    grand_total: GrandTotalSection
    investors: InvestorsSection
    security: SecuritySection
    targets: TargetsSection
    stated: StatedSection
    findings: FindingsSection
    #: appendices that could not be read completely: their computed figures are incomplete
    incomplete: tuple[str, ...] = ()
    #: plan.yaml items (kpis, claims) that could not be read: (key, file index, line)
    left_out: tuple[tuple[str, int, int | None], ...] = ()


# ---------------------------------------------------------------------------------------------
# Building


def _computed(rows: Sequence[Row], years: Sequence[int]) -> Figures:
    return Figures(
        {year: sum(r.years.get(year, 0) for r in rows) for year in years},
        sum(r.amount for r in rows),
    )


def _declared(declared: Declared | None) -> Figures | None:
    if declared is None:
        return None
    return Figures(dict(declared.years), declared.total)


def _group_rows(
    groups: Sequence[Group], rows: Sequence[Row], years: Sequence[int], undeclared: str
) -> list[tuple[AmountRow, list[Row]]]:
    """One row per declared group, in the plan's order, then one per section id no group declares
    (so the group rows always add up to the total)."""
    out = []
    known = [g.id for g in groups]
    for group in groups:
        members = [r for r in rows if r.section == group.id]
        out.append(
            (
                AmountRow(
                    group.id, group.title, len(members), _computed(members, years), _declared(group.declared)
                ),
                members,
            )
        )
    for section in dict.fromkeys(r.section for r in rows if r.section not in known):
        members = [r for r in rows if r.section == section]
        out.append((AmountRow(section, undeclared, len(members), _computed(members, years)), members))
    return out


def _identity(plan: Plan) -> IdentitySection:
    identity = plan.meta.identity
    return IdentitySection(
        number=identity.number,
        title=identity.title,
        province=identity.province,
        issuer=identity.issuer,
        date=identity.date,
        signer=identity.signer,
        signer_title=identity.signer_title,
        period=(identity.period.start, identity.period.end),
        source=identity.source.where if identity.source else None,
    )


def _appendix1(plan: Plan) -> Appendix1Section:
    meta = plan.meta.appendix1
    groups = []
    for row, members in _group_rows(meta.groups, plan.projects, plan.years, ""):
        projects = tuple(
            ProjectRow(
                p.id,
                p.tt,
                p.name,
                p.investor,
                Figures({y: p.years.get(y, 0) for y in plan.years}, p.tmdt),
                p.attt,
            )
            for p in members
            if isinstance(p, Project)
        )
        groups.append(ProjectGroup(row, projects))
    total = AmountRow(
        "total", "", len(plan.projects), _computed(plan.projects, plan.years), _declared(meta.declared)
    )
    return Appendix1Section(meta.title, plan.years, tuple(groups), total)


def _appendix2(plan: Plan) -> Appendix2Section:
    meta = plan.meta.appendix2
    per_staff = meta.norm.per_staff_per_year
    groups = []
    for row, members in _group_rows(meta.groups, plan.units, plan.years, ""):
        units = []
        for unit in members:
            assert isinstance(unit, Unit)
            norm = unit.staff * per_staff
            marked = bool(unit.note)
            off = tuple(
                year
                for year, amount in sorted(unit.years.items())
                if "staff" not in unit.unreadable
                and f"y{year}" not in unit.unreadable
                and (amount < norm if marked else amount != norm)
            )
            units.append(
                UnitRow(
                    unit.id,
                    unit.tt,
                    unit.name,
                    unit.staff,
                    norm,
                    Figures({y: unit.years.get(y, 0) for y in plan.years}, unit.total),
                    unit.note,
                    off,
                )
            )
        groups.append(UnitGroup(row, tuple(units)))
    total = AmountRow(
        "total", "", len(plan.units), _computed(plan.units, plan.years), _declared(meta.declared)
    )
    names = {u.id: u.name for u in plan.units}
    notes = tuple(UnitNoteRow(n.mark, n.unit, names.get(n.unit), n.summary) for n in meta.notes)
    return Appendix2Section(meta.title, plan.years, per_staff, tuple(groups), total, notes)


def _grand_total(plan: Plan) -> GrandTotalSection:
    grand = plan.meta.grand_total
    a1 = sum(p.tmdt for p in plan.projects)
    a2 = sum(u.total for u in plan.units)
    total = GrandTotalLine("grand_total", "", None, grand.amount, a1 + a2, grand.stated, grand.words)
    parts = tuple(
        GrandTotalLine(p.id, p.label, p.appendix, p.amount, a1 if p.appendix == 1 else a2, p.stated, p.words)
        for p in grand.parts
    )
    return GrandTotalSection(total, parts)


def _investors(plan: Plan) -> InvestorsSection:
    from plan272.names import name_key

    total = sum(p.tmdt for p in plan.projects)
    # key: the registry id when the name is registered, else the name's matching key
    buckets: dict[str, list[tuple[str, int]]] = {}
    ids: dict[str, str | None] = {}
    for project in plan.projects:
        key = f"id:{project.agency_id}" if project.agency_id else f"name:{name_key(project.investor)}"
        buckets.setdefault(key, []).append((project.investor, project.tmdt))
        ids[key] = project.agency_id
    rows = []
    for key, entries in buckets.items():
        agency = plan.agency(ids[key])
        spellings = list(dict.fromkeys(name for name, _ in entries))
        name = agency.name if agency is not None else spellings[0]
        amount = sum(a for _, a in entries)
        rows.append(
            InvestorRow(
                agency_id=ids[key],
                name=name,
                spellings=tuple(s for s in spellings if s != name),
                projects=len(entries),
                amount=amount,
                share=Decimal(amount) * 100 / Decimal(total) if total else None,
            )
        )
    rows.sort(key=lambda r: (-r.amount, r.name.casefold()))
    return InvestorsSection(tuple(rows), total, len(plan.projects))


def _security(plan: Plan) -> SecuritySection:
    account = security_account(plan)
    policy = plan.meta.security_policy

    def row(year: int | None, share: Share) -> SecurityRow:
        return SecurityRow(
            year, share.amount, share.base, share.percent, share.minimum_percent, share.required, share.ok
        )

    return SecuritySection(
        years=tuple(row(year, share) for year, share in account.years.items()),
        period=row(None, account.period),
        minimum=policy.min_share_percent,
        counted=tuple(p.id for p in account.whole),
        partial=tuple(p.id for p in account.partial),
        denominator=tuple(policy.denominator),
        period_span=(plan.years[0], plan.years[-1]) if plan.years else (0, 0),
    )


def _targets(plan: Plan) -> TargetsSection:
    rows = []
    years: set[int] = set()
    for kpi in plan.meta.kpis:
        milestones: dict[int, list[Target]] = {}
        for statement in kpi.statements:
            for year, target in statement.targets.items():
                stated = milestones.setdefault(year, [])
                if target not in stated:
                    stated.append(target)
        years.update(milestones)
        rows.append(
            TargetRow(
                kpi.id,
                kpi.label,
                kpi.unit,
                kpi.kind,
                kpi.direction,
                {year: tuple(milestones[year]) for year in sorted(milestones)},
            )
        )
    return TargetsSection(tuple(sorted(years)), tuple(rows))


def _findings(report: Report) -> FindingsSection:
    names = {rule.code: rule.name for rule in report.rules}
    codes: list[str] = [rule.code for rule in report.rules]
    counts: dict[str, dict[str, int]] = {}
    for finding in report.findings:
        if finding.code not in codes:
            codes.append(finding.code)
        per = counts.setdefault(finding.code, {})
        per[finding.severity.value] = per.get(finding.severity.value, 0) + 1
    rows = tuple(
        FindingCount(
            code,
            names.get(code, code),
            error=counts.get(code, {}).get(Severity.ERROR.value, 0),
            warning=counts.get(code, {}).get(Severity.WARNING.value, 0),
            info=counts.get(code, {}).get(Severity.INFO.value, 0),
        )
        for code in sorted(codes)
    )
    return FindingsSection(rows, report.counts(), len(report.rules), report.suppressed, report.fatal)


def build_summary(plan: Plan, report: Report) -> Summary:
    """Every section of the summary of ``plan``, with the findings of ``report`` counted."""
    return Summary(
        identity=_identity(plan),
        appendix1=_appendix1(plan),
        appendix2=_appendix2(plan),
        grand_total=_grand_total(plan),
        investors=_investors(plan),
        security=_security(plan),
        targets=_targets(plan),
        stated=StatedSection(tuple(stated_checks(plan))),
        findings=_findings(report),
        incomplete=tuple(sorted(plan.incomplete)),
        left_out=tuple(
            (key, index, plan.yaml_lines.get((key, index)))
            for key in ("kpis", "claims")
            for index in plan.left_out(key)
        ),
    )


def parse_section(name: str) -> SectionName:
    """The section called ``name`` (case and ``_``/``-`` forgiven); ``ValueError`` if none."""
    wanted = name.strip().lower().replace("_", "-")
    for section in SECTIONS:
        if section == wanted:
            return section
    raise ValueError(f"unknown section {name!r}; choose one of {', '.join(SECTIONS)}")
