"""The auditor's view of a plan: ``build_summary(plan, report, provenance) -> Summary``.

Pure data, no rich and no formatting: each section is a frozen dataclass of typed rows whose
amounts are whole million VND (``int``) and whose shares are ``Decimal``. Every figure comes from
:mod:`plan272.figures`; :mod:`plan272.views.summary.grids` turns the sections into labelled tables,
:mod:`plan272.views.summary.exports` into files.

The sections follow the plan's own shape: one per appendix that plan.yaml declares (named by the
appendix id), between the fixed ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from plan272.figures import (
    Amounts,
    GroupTotals,
    Share,
    by_investor,
    declared_amounts,
    explained_mark,
    grand_total,
    norm_amount,
    off_norm,
    security_account,
    table_totals,
)
from plan272.findings import Finding, Severity
from plan272.model import Appendix, Plan, Project, Row, Target, Unit
from plan272.numbers import exact
from plan272.stated import StatedCheck, stated_checks

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.provenance import Provenance

SectionName = str
#: the sections before the appendices, and after them, in the order they print
LEADING: tuple[SectionName, ...] = ("identity",)
TRAILING: tuple[SectionName, ...] = ("grand-total", "investors", "security", "targets", "stated", "findings")
#: every fixed section (the appendices' sections are named by their ids)
FIXED: tuple[SectionName, ...] = (*LEADING, *TRAILING)


# ---------------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class Name:
    """A name in each output language: an appendix as plan.yaml names it."""

    en: str
    vi: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    @classmethod
    def of(cls, appendix: Appendix) -> Name:
        return cls(appendix.label("en"), appendix.label("vi"))


@dataclass(frozen=True)
class AmountRow:
    """A group or total row: what the rows add up to, beside what the document declares."""

    id: str
    label: str
    count: int  # rows in it
    computed: Amounts
    declared: Amounts | None = None

    def differences(self, keys: tuple[int | str | None, ...]) -> dict[int | str | None, int]:
        """computed − declared for each column (a year, a further column's id, or ``None`` for the
        total) that both give and that differs."""
        if self.declared is None:
            return {}
        out: dict[int | str | None, int] = {}
        for key in keys:
            computed, declared = self.computed.column(key), self.declared.column(key)
            if computed is not None and declared is not None and computed != declared:
                out[key] = computed - declared
        return out


@dataclass(frozen=True)
class IdentitySection:
    number: str
    title: str
    province: str | None
    issuer: str | None
    date: dt.date | None
    signer: str | None
    signer_title: str | None
    period: tuple[int, int]
    source: str | None


@dataclass(frozen=True)
class TableRow:
    """A row of an appendix as the summary shows it; fields that its kind lacks are ``None``."""

    id: str
    tt: int | None
    name: str
    amounts: Amounts  # its yearly amounts, its total, its amount over the period, further columns
    adds_up: bool  # its yearly amounts agree with its total (SUM001)
    investor: str | None = None
    attt: int | None = None
    staff: int | None = None
    norm: int | Decimal | None = None  # staff × the per-staff norm: the yearly amount the norm gives
    mark: str | None = None  # the note column
    exempt: bool = False  # the mark is one plan.yaml explains for this unit
    off_norm: tuple[int, ...] = ()  # years whose amount breaks the norm


@dataclass(frozen=True)
class RowGroup:
    row: AmountRow
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class MarkRow:
    mark: str
    units: tuple[str, ...]  # ids
    explanation: str


@dataclass(frozen=True)
class AppendixSection:
    id: str
    name: Name
    title: str | None
    kind: str
    row_total: str  # "period" or "whole"
    years: tuple[int, ...]
    columns: tuple[tuple[str, str], ...]  # further amount columns: (id, title)
    groups: tuple[RowGroup, ...]
    total: AmountRow
    per_staff_per_year: Decimal | None = None
    marks: tuple[MarkRow, ...] = ()


@dataclass(frozen=True)
class GrandTotalLine:
    id: str
    label: str
    appendix: Name | None  # the appendix this line is; None for a part no table itemises
    declared: int | None  # None: no part is declared (the lines are the appendices)
    computed: int | None  # None: the part names an appendix the plan does not have
    stated: str | None = None
    words: str | None = None
    total: bool = False  # the grand total itself

    @property
    def difference(self) -> int | None:
        if self.computed is None or self.declared is None:
            return None
        return self.computed - self.declared


@dataclass(frozen=True)
class GrandTotalSection:
    total: GrandTotalLine
    parts: tuple[GrandTotalLine, ...]
    declared_parts: bool  # plan.yaml declares the parts (else: the appendices, one line each)


@dataclass(frozen=True)
class InvestorRow:
    agency_id: str | None
    name: str  # the registry name, or the first spelling of an unregistered investor
    spellings: tuple[str, ...]  # every other spelling the appendices use for it
    projects: int
    amount: int  # over the period
    share: Decimal | None  # percent of the total


@dataclass(frozen=True)
class InvestorsSection:
    rows: tuple[InvestorRow, ...]
    total: int
    projects: int
    appendices: tuple[Name, ...]  # the appendices of projects it covers


@dataclass(frozen=True)
class SecurityRow:
    year: int | None  # None: the whole period
    amount: int
    base: int
    percent: Decimal | None
    minimum: Decimal
    required: int
    ok: bool
    verdict: str = "ok"  # "ok", "short", "unknown" (attt parts that may lie elsewhere), "none" (no base)
    upper_percent: Decimal | None = None
    checked: bool = True  # the plan's rule covers this scope (security_policy.scopes)

    @property
    def shortfall(self) -> int:
        return 0 if self.ok else max(0, self.required - self.amount)


@dataclass(frozen=True)
class SecuritySection:
    years: tuple[SecurityRow, ...]
    period: SecurityRow
    minimum: Decimal
    counted: tuple[str, ...]  # ids of the rows counted in full
    partial: tuple[str, ...]  # ids of other projects whose attt part counts over the period
    uncertain: tuple[str, ...]  # of those, the ones whose in-period part is not known
    denominator: tuple[Name, ...]
    needs: tuple[str, ...]  # appendix ids the shares are computed over
    period_span: tuple[int, int]
    scopes: tuple[str, ...] = ("year", "period", "project")  # what the plan's rule covers


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
    recomputed from the others (see :func:`plan272.stated.stated_checks`)."""

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
    #: every finding, in the report's order (by file and line)
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Summary:
    identity: IdentitySection
    appendices: tuple[AppendixSection, ...]
    grand_total: GrandTotalSection | None
    investors: InvestorsSection | None  # None: the plan has no appendix of projects
    security: SecuritySection | None  # None: plan.yaml states no security policy
    targets: TargetsSection
    stated: StatedSection
    findings: FindingsSection
    #: appendices (ids) that could not be read completely: their computed figures are incomplete
    incomplete: tuple[str, ...] = ()
    #: plan.yaml items (kpis, claims) that could not be read: (key, file index, line)
    left_out: tuple[tuple[str, int, int | None], ...] = ()

    @property
    def sections(self) -> tuple[SectionName, ...]:
        """The sections this summary has, in the order they print."""
        present = {
            "grand-total": self.grand_total is not None,
            "investors": self.investors is not None,
            "security": self.security is not None,
        }
        return (
            *LEADING,
            *(a.id for a in self.appendices),
            *(name for name in TRAILING if present.get(name, True)),
        )

    def appendix(self, appendix_id: str) -> AppendixSection | None:
        return next((a for a in self.appendices if a.id == appendix_id), None)

    def uses(self, section: SectionName) -> tuple[str, ...]:
        """The appendices whose figures ``section`` computes with."""
        if self.appendix(section) is not None:
            return (section,)
        if section == "grand-total" and self.grand_total is not None:
            return tuple(a.id for a in self.appendices)
        if section == "investors":
            return tuple(a.id for a in self.appendices if a.kind == "projects")
        if section == "security" and self.security is not None:
            return self.security.needs
        return ()


# ---------------------------------------------------------------------------------------------
# Building


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


def _amount_row(group: GroupTotals) -> AmountRow:
    declared = declared_amounts(group.declared) if group.declared else None
    return AmountRow(group.id, group.title, len(group.rows), group.amounts, declared)


def _table_row(row: Row, appendix: Appendix, years: tuple[int, ...]) -> TableRow:
    own = row.years
    in_period = sum(own.values())
    amounts = Amounts(
        {y: own.get(y, 0) for y in years},
        row.total,
        row.total if appendix.row_total == "period" else in_period,
        dict(row.columns) if row.columns else {},
        1,
    )
    unread = bool(row.unreadable) and bool(row.amount_fields & row.unreadable)
    adds_up = unread or (in_period == row.total if appendix.row_total == "period" else in_period <= row.total)
    if isinstance(row, Project):
        return TableRow(
            row.id, row.tt, row.name, amounts, adds_up, mark=row.note, investor=row.investor, attt=row.attt
        )
    if isinstance(row, Unit):
        return TableRow(
            row.id,
            row.tt,
            row.name,
            amounts,
            adds_up,
            mark=row.note,
            staff=row.staff,
            norm=norm_amount(row, appendix),
            exempt=explained_mark(row, appendix) is not None,
            off_norm=off_norm(row, appendix),
        )
    return TableRow(row.id, row.tt, row.name, amounts, adds_up, mark=row.note)


def _appendix(plan: Plan, appendix: Appendix) -> AppendixSection:
    totals = table_totals(plan, appendix)
    years = plan.years  # once, not once a row
    groups = tuple(
        RowGroup(_amount_row(group), tuple(_table_row(r, appendix, years) for r in group.rows))
        for group in totals.groups
    )
    declared = declared_amounts(appendix.declared) if appendix.declared else None
    total = AmountRow("total", "", len(totals.rows), totals.amounts, declared)
    return AppendixSection(
        id=appendix.id,
        name=Name.of(appendix),
        title=appendix.title,
        kind=appendix.kind,
        row_total=appendix.row_total,
        years=plan.years,
        columns=tuple((c.id, c.title) for c in appendix.columns),
        groups=groups,
        total=total,
        per_staff_per_year=appendix.norm.per_staff_per_year if appendix.norm else None,
        marks=tuple(MarkRow(m.mark, tuple(m.units), m.explanation) for m in appendix.marks),
    )


def _grand_total(plan: Plan) -> GrandTotalSection | None:
    grand = plan.meta.grand_total
    if grand is None:
        return None
    figures = grand_total(plan)
    total = GrandTotalLine(
        "grand_total", "", None, grand.amount, figures.computed, grand.stated, grand.words, total=True
    )
    parts = tuple(
        GrandTotalLine(
            line.id,
            line.label,
            Name.of(line.appendix) if line.appendix else None,
            line.declared,
            line.computed,
            line.part.stated if line.part else None,
            line.part.words if line.part else None,
        )
        for line in figures.lines
    )
    return GrandTotalSection(total, parts, bool(grand.parts))


def _investors(plan: Plan) -> InvestorsSection | None:
    appendices = [a for a in plan.appendices if a.kind == "projects"]
    if not appendices:
        return None
    totals, total, count = by_investor(plan)
    rows = []
    for entry in totals:
        agency = plan.agency(entry.agency_id)
        name = agency.name if agency is not None else entry.spellings[0]
        rows.append(
            InvestorRow(
                agency_id=entry.agency_id,
                name=name,
                spellings=tuple(s for s in entry.spellings if s != name),
                projects=entry.projects,
                amount=entry.amount,
                share=Decimal(entry.amount) * 100 / Decimal(total) if total else None,
            )
        )
    rows.sort(key=lambda r: (-r.amount, r.name.casefold()))
    return InvestorsSection(tuple(rows), total, count, tuple(Name.of(a) for a in appendices))


def _security(plan: Plan) -> SecuritySection | None:
    account = security_account(plan)
    policy = plan.meta.security_policy
    if account is None or policy is None:
        return None

    def row(year: int | None, share: Share) -> SecurityRow:
        return SecurityRow(
            year,
            share.amount,
            share.base,
            share.percent,
            share.minimum_percent,
            share.required,
            share.ok,
            share.verdict,
            share.upper_percent if share.uncertain else None,
            ("year" if year is not None else "period") in policy.scopes,
        )

    names = []
    for appendix_id in account.denominator:
        appendix = plan.appendix(appendix_id)
        if appendix is not None:
            names.append(Name.of(appendix))
    return SecuritySection(
        years=tuple(row(year, share) for year, share in account.years.items()),
        period=row(None, account.period),
        minimum=policy.min_share_percent,
        counted=tuple(r.id for r in account.whole),
        partial=tuple(p.id for p in account.partial),
        uncertain=tuple(p.id for p in account.uncertain),
        denominator=tuple(names),
        needs=account.needs,
        period_span=(plan.years[0], plan.years[-1]) if plan.years else (0, 0),
        scopes=tuple(policy.scopes),
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
    return FindingsSection(
        rows, report.counts(), len(report.rules), report.suppressed, report.fatal, tuple(report.findings)
    )


@exact
def build_summary(plan: Plan, report: Report, provenance: Provenance | None = None) -> Summary:
    """Every section of the summary of ``plan``, with the findings of ``report`` counted;
    ``provenance`` (from the loader) tells which plan.yaml items could not be read."""
    from plan272.provenance import Provenance

    where = provenance or Provenance()
    return Summary(
        identity=_identity(plan),
        appendices=tuple(_appendix(plan, a) for a in plan.appendices),
        grand_total=_grand_total(plan),
        investors=_investors(plan),
        security=_security(plan),
        targets=_targets(plan),
        stated=StatedSection(tuple(stated_checks(plan))),
        findings=_findings(report),
        incomplete=tuple(a.id for a in plan.appendices if a.id in plan.incomplete),
        left_out=tuple(
            (key, index, where.lines.get((key, index)))
            for key in ("kpis", "claims")
            for index in where.left_out(key)
        ),
    )


def parse_section(name: str, available: tuple[SectionName, ...]) -> SectionName:
    """The section called ``name`` among ``available`` (case and ``_``/``-`` forgiven);
    :class:`~plan272.messages.Invalid` (a ``ValueError``) if none."""
    from plan272.messages import Invalid, Message, ids

    wanted = name.strip().lower().replace("_", "-")
    for section in available:
        if section.lower().replace("_", "-") == wanted:
            return section
    raise Invalid(Message("error.summary.section", name=repr(name), sections=ids(available)))
