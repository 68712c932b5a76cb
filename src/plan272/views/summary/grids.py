"""The summary as labelled tables: :func:`grids` (pure: headers, typed cells, marks) and
:func:`render` (rich tables, a bar chart, notes) for the terminal and the html/svg/txt exports.

A :class:`Grid` keeps its numbers as numbers (``int`` million VND, ``Decimal`` shares); each renderer
formats them: the terminal with :mod:`plan272.i18n`, the spreadsheet with number formats.

Text that comes from the data is never interpreted: it reaches rich only as ``Text`` objects (never
markup) with control characters made visible (:func:`plan272.views.report.text.safe`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from plan272.figures import Amounts, guard_minimum
from plan272.i18n import (
    AmountUnit,
    Lang,
    format_amount,
    format_date,
    format_number,
    format_percent,
    kpi_unit,
    label,
    noun,
    rule_title,
    unit_label,
)
from plan272.messages import text as text_of
from plan272.safety import safe
from plan272.summary import (
    AmountRow,
    AppendixSection,
    SectionName,
    SecurityRow,
    Summary,
    TableRow,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table

    from plan272.model import Target

ColumnKind = Literal["text", "amount", "count", "percent", "number"]
RowStyle = Literal["body", "group", "total", "declared", "delta"]
Cell = str | int | Decimal | None

DIFFERS = "≠"


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = "text"
    wrap: bool = False  # a long text column that may wrap in the terminal
    truncate: bool = False  # a long text column cut to one line (with …) in the terminal
    sheet_only: bool = False  # only in the spreadsheet and CSV, not in the printed table
    #: not in the fixed-width layouts (terminal, .txt, .svg), where the text beside it says the same
    wide_only: bool = False
    signed: bool = False  # differences: a positive figure is written with "+"


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...]
    style: RowStyle = "body"
    flags: frozenset[int] = frozenset()  # columns whose figure is marked (differs, below minimum)
    rule_before: bool = False  # a separating line above this row

    @property
    def signed(self) -> bool:
        return self.style == "delta"


@dataclass(frozen=True)
class Bar:
    """One bar of the security chart."""

    label: str
    percent: Decimal | None
    minimum: Decimal
    ok: bool


@dataclass(frozen=True)
class Grid:
    section: SectionName
    title: str
    columns: tuple[Column, ...]
    rows: tuple[GridRow, ...]
    lead: tuple[str, ...] = ()  # lines above the table
    notes: tuple[str, ...] = ()  # lines under the table
    bars: tuple[Bar, ...] = ()
    show_header: bool = True
    flag_mark: str = ""  # printed before a flagged figure (not on difference rows)
    sheet: str = ""  # the name of its sheet in a workbook


# ---------------------------------------------------------------------------------------------
# Grids (pure)


def span_text(start: int, end: int) -> str:
    """A period as written: ``2021–2025``; one year alone: ``2026``."""
    return str(start) if start == end else f"{start}–{end}"


def _unit_title(key: str, lang: Lang, unit: AmountUnit) -> str:
    return f"{label(key, lang)} ({unit_label(unit, lang)})"


def _amount_rows(
    row: AmountRow,
    keys: tuple[int | str | None, ...],
    labels: tuple[str, str, str],
    *,
    before: tuple[Cell, ...] = (),
    middle: tuple[Cell, ...] = (),
    after: tuple[Cell, ...] = (),
    style: RowStyle = "group",
    rule_before: bool = False,
) -> list[GridRow]:
    """The computed row, then the declared row (figures that differ marked), then the differences.

    Cells: ``before``, the label, ``middle``, one per key (a year, ``None`` for the total, ``"period"``
    for the amount over the period, a further column's id), ``after``; ``labels`` are the labels of
    the three rows. Only the computed row carries ``before``/``middle``/``after``.
    """

    def value(amounts: Amounts, key: int | str | None) -> Cell:
        return amounts.period if key == "period" else amounts.column(key)

    values = tuple(value(row.computed, k) for k in keys)
    out = [GridRow((*before, labels[0], *middle, *values, *after), style, rule_before=rule_before)]
    if row.declared is None:
        return out
    compared = tuple(k for k in keys if k != "period")
    differences = row.differences(compared)
    offset = len(before) + 1 + len(middle)
    flags = frozenset(offset + i for i, key in enumerate(keys) if key in differences and key != "period")
    head: tuple[Cell, ...] = (None,) * len(before)
    gap: tuple[Cell, ...] = (None,) * len(middle)
    tail: tuple[Cell, ...] = (None,) * len(after)
    declared = tuple(None if k == "period" else value(row.declared, k) for k in keys)
    out.append(GridRow((*head, labels[1], *gap, *declared, *tail), "declared", flags))
    if differences:
        deltas = tuple(differences.get(k) if k != "period" else None for k in keys)
        out.append(GridRow((*head, labels[2], *gap, *deltas, *tail), "delta", flags))
    return out


def _row_labels(title: str, lang: Lang) -> tuple[str, str, str]:
    return (title, label("row.declared", lang), label("row.computed_minus_declared", lang))


def _total_labels(lang: Lang) -> tuple[str, str, str]:
    return (
        label("row.total_computed", lang),
        label("row.total_declared", lang),
        label("row.computed_minus_declared", lang),
    )


def _identity(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.identity
    signer = f"{s.signer_title} {s.signer}" if s.signer_title and s.signer else s.signer
    rows: list[tuple[str, str | None]] = [
        ("identity.number", s.number),
        ("identity.date", format_date(s.date, lang) if s.date else None),
        ("identity.province", s.province),
        ("identity.issuer", s.issuer),
        ("identity.signer", signer),
        ("identity.period", span_text(*s.period)),
        ("identity.unit", unit_label(unit, lang)),
        ("identity.title", s.title),
        ("identity.source", s.source),
    ]
    return Grid(
        "identity",
        label("section.identity", lang),
        (Column(label("identity.field", lang)), Column(label("identity.value", lang), wrap=True)),
        tuple(GridRow((label(key, lang), value)) for key, value in rows if value),
        show_header=False,
        sheet=label("sheet.identity", lang),
    )


def _money_keys(s: AppendixSection) -> tuple[int | str | None, ...]:
    """The money columns of an appendix table, in order: the years, the amount over the period
    when a row's total may cover more, the total, the further columns."""
    over = ("period",) if s.row_total == "whole" else ()
    return (*s.years, *over, None, *(c for c, _ in s.columns))


def _money_columns(s: AppendixSection, lang: Lang) -> tuple[Column, ...]:
    columns = [Column(str(y), "amount") for y in s.years]
    if s.row_total == "whole":
        columns += [
            Column(label("col.in_period", lang), "amount"),
            Column(label("col.total_whole", lang), "amount"),
        ]
    else:
        columns.append(Column(label("col.total", lang), "amount"))
    columns += [Column(column_id, "amount") for column_id, _ in s.columns]  # titles in a note
    return tuple(columns)


def _appendix(s: AppendixSection, summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    """One appendix as a table: its groups (computed, declared, differences), its rows, its totals."""
    keys = _money_keys(s)
    money = _money_columns(s, lang)
    units = s.kind == "units"
    if s.kind == "projects":
        lead: tuple[Column, ...] = (
            Column(label("col.id", lang)),
            Column(label("col.project", lang), truncate=True),
            Column(label("col.investor", lang), sheet_only=True),
        )
    elif units:
        lead = (
            Column(label("col.tt", lang), "count"),
            Column(label("col.unit", lang), wrap=True),
            Column(label("col.staff", lang), "count"),
            Column(label("col.norm", lang), "amount"),
        )
    else:
        lead = (Column(label("col.id", lang)), Column(label("col.item", lang), truncate=True))
    trail: tuple[Column, ...] = (Column(label("col.note", lang)),) if units else ()
    columns = (*lead, *money, *trail)
    first_money = len(lead)
    total_column = first_money + keys.index(None)
    rows: list[GridRow] = []
    what = {"projects": "project", "units": "unit", "lines": "line"}[s.kind]
    # a table without groups: its rows, without a group row above them
    ungrouped = len(s.groups) == 1 and s.groups[0].row.id == ""
    for index, group in enumerate(s.groups):
        if ungrouped:
            rows += [_body(s, row, keys, first_money, total_column) for row in group.rows]
            continue
        title = group.row.label or label("row.undeclared_group", lang)
        if not units:
            title = f"{title} ({group.row.count} {noun(what, group.row.count, lang)})"
        if units:
            staff = sum(r.staff or 0 for r in group.rows)
            norm = sum((r.norm or 0 for r in group.rows), Decimal(0))
            middle: tuple[Cell, ...] = (staff, _whole(norm))
            before: tuple[Cell, ...] = (group.row.id,)
            after: tuple[Cell, ...] = (None,)
        else:
            middle, before, after = (None,) if s.kind == "projects" else (), (group.row.id,), ()
        rows += _amount_rows(
            group.row, keys, _row_labels(title, lang), before=before, middle=middle, after=after,
            rule_before=index > 0,
        )  # fmt: skip
        rows += [_body(s, row, keys, first_money, total_column) for row in group.rows]
    if units:
        staff = sum(r.staff or 0 for g in s.groups for r in g.rows)
        norm = sum((r.norm or 0 for g in s.groups for r in g.rows), Decimal(0))
        middle, before, after = (staff, _whole(norm)), (None,), (None,)
    else:
        middle, before, after = (None,) if s.kind == "projects" else (), (None,), ()
    rows += _amount_rows(
        s.total, keys, _total_labels(lang), before=before, middle=middle, after=after, style="total",
        rule_before=True,
    )  # fmt: skip
    notes: list[str] = []
    if s.columns:
        notes.append("; ".join(f"{column_id}: {title}" for column_id, title in s.columns))
    if s.row_total == "whole":
        notes.append(label("note.row_total_whole", lang))
    if units and s.per_staff_per_year is not None:
        notes.append(
            label(
                "note.norm",
                lang,
                norm=format_amount(s.per_staff_per_year, lang, unit),
                unit=unit_label(unit, lang),
            )
        )
        notes += [
            label("note.mark", lang, mark=m.mark, unit=", ".join(m.units), summary=m.explanation)
            for m in s.marks
        ]
    body = [r for r in rows if r.style == "body"]
    if any(f != total_column for r in body for f in r.flags):
        notes.append(label("note.off_norm", lang))
    if any(total_column in r.flags for r in body):
        notes.append(label("note.row_sum" if s.row_total == "period" else "note.row_sum_whole", lang))
    if any(r.flags and r.style != "body" for r in rows):
        notes.append(label("note.differs", lang))
    name = s.name.get(lang)
    title = f"{name} — {s.title}" if s.title else name
    return Grid(
        s.id,
        f"{title} ({unit_label(unit, lang)})",
        columns,
        tuple(rows),
        notes=tuple(notes),
        flag_mark=DIFFERS,
        sheet=name,
    )


def _body(
    s: AppendixSection, row: TableRow, keys: tuple[int | str | None, ...], first_money: int, total_column: int
) -> GridRow:
    """One row of an appendix: its figures, those that break the norm or the row sum marked."""
    flags = {first_money + keys.index(y) for y in row.off_norm if y in keys}
    if not row.adds_up:
        flags.add(total_column)
    amounts = tuple(row.amounts.period if k == "period" else row.amounts.column(k) for k in keys)
    if s.kind == "projects":
        cells: tuple[Cell, ...] = (row.id, row.name, row.investor, *amounts)
    elif s.kind == "units":
        cells = (row.tt, row.name, row.staff, _whole(row.norm), *amounts, row.mark)
    else:
        cells = (row.id, row.name, *amounts)
    return GridRow(cells, flags=frozenset(flags))


def _whole(value: int | Decimal | None) -> int | Decimal | None:
    """A sum of norms: an ``int`` when whole (as every amount), else the exact ``Decimal``."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _grand_total(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.grand_total
    assert s is not None
    columns = (
        Column(label("col.item", lang), wrap=True),
        Column(label("col.appendix", lang)),
        Column(label("col.declared", lang), "amount"),
        Column(label("col.computed", lang), "amount"),
        Column(label("col.delta", lang), "amount", signed=True),
        Column(label("col.as_printed", lang), sheet_only=True),
        Column(label("col.words", lang), sheet_only=True),
    )
    rows = []
    for line in (s.total, *s.parts):
        if line.total:
            name, table = label("row.grand_total", lang), ""
        else:
            name = line.label
            table = line.appendix.get(lang) if line.appendix else label("row.not_itemised", lang)
        rows.append(
            GridRow(
                (name, table, line.declared, line.computed, line.difference, line.stated, line.words),
                "total" if line.total else "body",
                frozenset({2}) if line.difference else frozenset(),
            )
        )
    total = s.total.declared
    lead = []
    if total is not None:
        lead.append(
            label(
                "note.grand_figures",
                lang,
                million=format_amount(total, lang, "million"),
                million_unit=unit_label("million", lang),
                billion=format_amount(total, lang, "billion"),
                billion_unit=unit_label("billion", lang),
            )
        )
    if s.total.words:
        lead.append(label("note.grand_words", lang, words=s.total.words))
    if s.total.stated:
        lead.append(label("note.grand_stated", lang, stated=s.total.stated))
    notes = []
    if not s.declared_parts:
        notes.append(label("note.grand_appendices", lang))
    if any(not p.total and p.appendix is None for p in s.parts):
        notes.append(label("note.grand_not_itemised", lang))
    if any(p.appendix is not None and p.computed is None for p in s.parts):
        notes.append(label("note.grand_unknown", lang))
    if any(p.stated or p.words for p in s.parts):
        notes.append(label("note.parts_printed", lang))
    for part in s.parts:
        said = [x for x in (part.stated, f"“{part.words}”" if part.words else None) if x]
        if said:
            notes.append(f"{part.label}: {' — '.join(said)}")
    if any(r.flags for r in rows):
        notes.append(label("note.differs", lang))
    return Grid(
        "grand-total",
        _unit_title("section.grand-total", lang, unit),
        columns,
        tuple(rows),
        lead=tuple(lead),
        notes=tuple(notes),
        flag_mark=DIFFERS,
        sheet=label("sheet.grand-total", lang),
    )


def _shown(row: SecurityRow) -> Decimal | None:
    return guard_minimum(row.percent, row.minimum)


def _investors(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.investors
    assert s is not None
    columns = (
        Column(label("col.rank", lang), "count"),
        Column(label("col.investor", lang), wrap=True),
        Column(label("col.projects", lang), "count"),
        Column(label("col.amount", lang), "amount"),
        Column(label("col.share", lang), "percent"),
        Column("id", sheet_only=True),
    )
    rows = [
        GridRow((rank, r.name or label("row.no_investor", lang), r.projects, r.amount, r.share, r.agency_id))
        for rank, r in enumerate(s.rows, start=1)
    ]
    rows.append(
        GridRow(
            (None, label("row.total", lang), s.projects, s.total, Decimal(100) if s.total else None, None),
            "total",
            rule_before=True,
        )
    )
    names = " + ".join(n.get(lang) for n in s.appendices)
    notes = [
        label(
            "note.share_of",
            lang,
            names=names,
            total=format_amount(s.total, lang, unit),
            unit=unit_label(unit, lang),
        )
    ]
    for r in s.rows:
        if r.spellings:
            notes.append(label("note.spellings", lang, name=r.name, others="; ".join(r.spellings)))
    return Grid(
        "investors",
        f"{label('section.investors', lang, names=names)} ({unit_label(unit, lang)})",
        columns,
        tuple(rows),
        notes=tuple(notes),
        sheet=label("sheet.investors", lang),
    )


def _security(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.security
    assert s is not None
    columns = (
        Column(label("col.scope", lang)),
        Column(label("col.security", lang), "amount"),
        Column(label("col.base", lang), "amount"),
        Column(label("col.share", lang), "percent"),
        Column(label("col.minimum", lang), "percent", sheet_only=True),
        Column(label("col.required", lang), "amount"),
        Column(label("col.shortfall", lang), "amount"),
        Column(label("col.status", lang)),
    )
    span = span_text(*s.period_span)
    rows = []
    bars = []
    # over an appendix that could not be read completely there is no verdict: the share is wrong
    incomplete = any(a in summary.incomplete for a in s.needs)
    for row in (*s.years, s.period):
        scope = str(row.year) if row.year is not None else span
        # no verdict over partly read data, nor where attt parts may lie elsewhere or nothing is
        # funded; none where the plan's rule does not cover the scope (the share is shown only)
        undecided = incomplete or row.verdict in ("unknown", "none")
        if not row.checked:
            mark = "–"
        elif undecided:
            mark = "?"
        else:
            mark = label("mark.ok" if row.ok else "mark.not_ok", lang)
        failing = row.checked and not undecided and row.verdict == "short"
        shortfall = row.shortfall if failing else (0 if mark == label("mark.ok", lang) else None)
        rows.append(
            GridRow(
                (scope, row.amount, row.base, _shown(row), row.minimum, row.required, shortfall, mark),
                "body" if row.year is not None else "total",
                frozenset({3, 6, 7}) if failing else frozenset(),
                rule_before=row.year is None,
            )
        )
        bars.append(Bar(scope, _shown(row), row.minimum, not failing))
    denominator = " + ".join(n.get(lang) for n in s.denominator) or label("none", lang)
    notes = [
        label(
            "note.security_policy",
            lang,
            minimum=format_number(s.minimum, lang),
            denominator=denominator,
            counted=", ".join(s.counted) or label("none", lang),
        )
    ]
    unchecked = [scope for scope in ("year", "period") if scope not in s.scopes]
    if unchecked:
        notes.append(label("note.security_scopes", lang, scopes=", ".join(s.scopes) or label("none", lang)))
    if s.partial:
        notes.append(label("note.security_partial", lang, ids=", ".join(s.partial)))
    if s.uncertain:
        verdict = {"unknown": "note.security_uncertain", "short": "note.security_bounded_short"}
        notes.append(
            label(
                verdict.get(s.period.verdict, "note.security_bounded_ok"),
                lang,
                ids=", ".join(s.uncertain),
                low=format_percent(s.period.percent, lang),
                high=format_percent(s.period.upper_percent, lang),
            )
        )
    return Grid(
        "security",
        _unit_title("section.security", lang, unit),
        columns,
        tuple(rows),
        notes=tuple(notes),
        bars=tuple(bars),
        sheet=label("sheet.security", lang),
    )


def target_cell(targets: Sequence[Target], lang: Lang) -> Cell:
    """One milestone: a number when the document states a single value, else text (range, bound,
    or several disagreeing values joined by ``/``)."""
    if len(targets) == 1 and targets[0].low is not None and targets[0].low == targets[0].high:
        return targets[0].low
    return " / ".join(target_text(t, lang) for t in targets)


def target_text(target: Target, lang: Lang) -> str:
    low = format_number(target.low, lang) if target.low is not None else None
    high = format_number(target.high, lang) if target.high is not None else None
    if low == high:
        return low or ""
    if high is None:
        return f"≥ {low}"
    if low is None:
        return f"≤ {high}"
    return f"{low}–{high}"


def _targets(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.targets
    columns = (
        Column(label("col.indicator", lang), wrap=True),
        *(Column(str(y), "number") for y in s.years),
        Column(label("col.kpi_unit", lang)),
        Column(label("col.direction", lang)),
        Column("id", sheet_only=True),
    )
    rows = []
    disagree = False
    for row in s.rows:
        cells: list[Cell] = [row.label]
        for year in s.years:
            stated = row.milestones.get(year, ())
            disagree |= len(stated) > 1
            cells.append(target_cell(stated, lang) if stated else None)
        cells += [kpi_unit(row.unit, lang), label(f"direction.{row.direction}", lang), row.id]
        rows.append(GridRow(tuple(cells)))
    notes = [label("note.targets_disagree", lang)] if disagree else []
    return Grid(
        "targets",
        label("section.targets", lang),
        columns,
        tuple(rows),
        notes=tuple(notes),
        sheet=label("sheet.targets", lang),
    )


def _stated(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    """Stated figures: what the text says beside what the other figures give."""
    columns = (
        Column(label("col.statement", lang), wrap=True),
        Column(label("col.printed", lang), wrap=True),
        Column(label("col.stated", lang), "number"),
        Column(label("col.recomputed", lang), "number"),
        Column(label("col.check", lang)),
        Column(label("col.how", lang), sheet_only=True),
        Column(label("col.where", lang), sheet_only=True),
        Column("id", sheet_only=True),
    )
    rows = []
    for check in summary.stated.rows:
        printed = check.printed if check.kind != "words" else f"“{check.printed}”"
        name = label("row.grand_total", lang) if check.id == "grand_total" else check.label
        text = label(f"stated.kind.{check.kind}", lang, label=name)
        rows.append(
            GridRow(
                (
                    text,
                    printed,
                    check.stated,
                    check.computed,
                    label(f"stated.status.{check.status}", lang),
                    text_of(check.detail, lang),
                    check.where,
                    check.id,
                ),
                flags=frozenset({2}) if check.status in ("differs", "unreadable") else frozenset(),
            )
        )
    counts = {k: sum(1 for c in summary.stated.rows if c.status == k) for k in ("ok", "truncated")}
    counts["differs"] = sum(1 for c in summary.stated.rows if c.status in ("differs", "unreadable"))
    lead = (label("note.stated_lead", lang, n=len(rows), **counts),)
    return Grid(
        "stated",
        label("section.stated", lang),
        columns,
        tuple(rows),
        lead=lead,
        notes=(label("note.stated_units", lang),),
        flag_mark=DIFFERS,
        sheet=label("sheet.stated", lang),
    )


def _findings(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    s = summary.findings
    columns = (
        Column(label("col.code", lang)),
        Column(label("col.rule", lang), wrap=True),
        Column(label("col.error", lang), "count"),
        Column(label("col.warning", lang), "count"),
        Column(label("col.info", lang), "count"),
    )
    rows = [
        GridRow(
            (r.code, rule_title(r.code, r.name, lang), r.error, r.warning, r.info),
            flags=frozenset({2}) if r.error else frozenset(),
        )
        for r in s.rows
    ]
    totals = {k: s.totals.get(k, 0) for k in ("error", "warning", "info")}
    rows.append(
        GridRow(
            ("", label("row.total", lang), totals["error"], totals["warning"], totals["info"]),
            "total",
            rule_before=True,
        )
    )
    total = sum(totals.values())
    lead = [
        label(
            "note.findings_total",
            lang,
            total=total,
            findings=noun("finding", total, lang),
            errors=noun("error", totals["error"], lang),
            warnings=noun("warning", totals["warning"], lang),
            rules=s.rules_checked,
            rules_word=noun("rule", s.rules_checked, lang),
            **totals,
        )
    ]
    if s.suppressed:
        lead.append(label("note.findings_suppressed", lang, n=s.suppressed))
    if s.fatal:
        lead.append(label("note.findings_fatal", lang))
    return Grid(
        "findings",
        label("section.findings", lang),
        columns,
        tuple(rows),
        lead=tuple(lead),
        notes=(label("note.findings_detail", lang),),
        sheet=label("sheet.findings", lang),
    )


def _finding_list(summary: Summary, lang: Lang, unit: AmountUnit) -> Grid:
    """Every finding, after the counts: code, severity, place (file:line, field), the ids it concerns,
    what it says, and the figures the rule compares — in ``lang``."""
    from pathlib import PurePath

    from plan272.views.lines import finding_line, severity_word

    columns = (
        Column(label("col.code", lang)),
        Column(label("col.severity", lang)),
        Column(label("col.place", lang)),
        Column(label("col.message", lang), wrap=True),
        Column(label("col.expected", lang), "number", wide_only=True),
        Column(label("col.found", lang), "number", wide_only=True),
        Column(label("col.delta", lang), "number", signed=True, wide_only=True),
        Column(label("col.field", lang), sheet_only=True),
        Column(label("col.concerns", lang), sheet_only=True),
    )
    rows = []
    for finding in summary.findings.findings:
        where = finding.location
        place = PurePath(where.file).name + (f":{where.line}" if where.line is not None else "")
        rows.append(
            GridRow(
                (
                    finding.code,
                    severity_word(finding.severity.value, lang),
                    place,
                    finding_line(finding, lang),
                    finding.expected,
                    finding.observed,
                    finding.difference,
                    where.field,
                    ", ".join(finding.ids),
                ),
                flags=frozenset({1}) if finding.severity.value == "error" else frozenset(),
            )
        )
    notes = (label("note.finding_list_figures", lang),) if rows else (label("note.no_findings", lang),)
    return Grid(
        "findings",
        label("section.finding_list", lang),
        columns,
        tuple(rows),
        notes=notes,
        sheet=label("sheet.finding_list", lang),
    )


_BUILDERS: dict[SectionName, Callable[[Summary, Lang, AmountUnit], Grid]] = {
    "identity": _identity,
    "grand-total": _grand_total,
    "investors": _investors,
    "security": _security,
    "targets": _targets,
    "stated": _stated,
    "findings": _findings,
}


def grid(summary: Summary, section: SectionName, lang: Lang = "en", unit: AmountUnit = "million") -> Grid:
    """The table of one section: a fixed one, or an appendix by its id."""
    from dataclasses import replace

    appendix = summary.appendix(section)
    if appendix is not None:
        built = _appendix(appendix, summary, lang, unit)
    elif section in summary.sections:
        built = _BUILDERS[section](summary, lang, unit)
    else:
        raise KeyError(f"the summary has no section {section!r}")
    key = {"targets": "kpis", "stated": "claims"}.get(section)
    missing = [f"{k}.{i} (line {line})" for k, i, line in summary.left_out if k == key]
    if missing:
        built = replace(built, lead=(label("note.left_out", lang, items=", ".join(missing)), *built.lead))
    affected = [a for a in summary.uses(section) if a in summary.incomplete]
    if not affected:
        return built
    names = " + ".join(a.name.get(lang) for a in summary.appendices if a.id in affected)
    warning = label("note.incomplete", lang, names=names)
    return replace(built, lead=(warning, *built.lead))


def grids(
    summary: Summary,
    lang: Lang = "en",
    unit: AmountUnit = "million",
    sections: Sequence[SectionName] | None = None,
) -> list[Grid]:
    """The tables of ``sections`` (default: every section) in the summary's order; the findings
    section is two: the counts per rule, then every finding."""
    out = []
    for name in summary.sections:
        if sections is None or name in sections:
            out.append(grid(summary, name, lang, unit))
            if name == "findings":
                out.append(_finding_list(summary, lang, unit))
    return out


# ---------------------------------------------------------------------------------------------
# Text of a cell, shared by the terminal and the text exports


def cell_text(value: Cell, column: Column, lang: Lang, unit: AmountUnit, *, signed: bool = False) -> str:
    """``value`` as printed in ``column``: numbers in the language's notation, text made safe."""
    if value is None:
        return ""
    if isinstance(value, str):
        return safe(value)
    if column.kind == "amount":
        return format_amount(value, lang, unit, signed=signed or column.signed)
    if column.kind == "percent":
        return format_percent(Decimal(value), lang)
    return format_number(value, lang)


def flagged(g: Grid, row: GridRow, index: int) -> bool:
    """Whether the cell ``index`` of ``row`` is marked (and holds something to mark)."""
    return index in row.flags and row.cells[index] is not None


def display_text(g: Grid, row: GridRow, index: int, lang: Lang, unit: AmountUnit) -> str:
    """The cell as printed: its text, with the grid's mark before a flagged figure."""
    text = cell_text(row.cells[index], g.columns[index], lang, unit, signed=row.signed)
    if text and flagged(g, row, index) and g.flag_mark and row.style != "delta":
        return f"{g.flag_mark} {text}"
    return text


# ---------------------------------------------------------------------------------------------
# rich

_ROW_STYLE: dict[RowStyle, str] = {
    "body": "",
    "group": "bold",
    "total": "bold",
    "declared": "italic",
    "delta": "red",
}
_BLOCKS = " ▏▎▍▌▋▊▉█"
BAR_WIDTH = 40


def _table(g: Grid, lang: Lang, unit: AmountUnit, truncate: bool) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    shown = [i for i, c in enumerate(g.columns) if not (c.sheet_only or c.wide_only)]
    table = Table(
        box=box.HORIZONTALS,
        show_edge=False,
        pad_edge=False,
        show_header=g.show_header,
        header_style="bold",
        collapse_padding=True,
        # a truncated column takes the width the others leave: the table spans the page
        expand=truncate and any(g.columns[i].truncate for i in shown),
    )
    for i in shown:
        column = g.columns[i]
        numeric = column.kind != "text"
        table.add_column(
            Text(column.header),
            justify="right" if numeric else "left",
            no_wrap=not (column.wrap or (column.truncate and not truncate)),
            overflow="ellipsis" if column.truncate and truncate else "fold",
            ratio=1 if column.truncate and truncate else None,
            style="bold" if g.section == "identity" and i == 0 else "",
        )
    for index, row in enumerate(g.rows):
        cells = [
            Text(display_text(g, row, i, lang, unit), style="bold red" if flagged(g, row, i) else "")
            for i in shown
        ]
        following = g.rows[index + 1] if index + 1 < len(g.rows) else None
        table.add_row(
            *cells,
            style=_ROW_STYLE[row.style],
            end_section=following is not None and following.rule_before,
        )
    return table


def chart_scale(bars: Sequence[Bar]) -> Decimal:
    """The percent at the right end of the chart: the next multiple of 5 above every bar and twice
    the minimum."""
    top = max([b.percent or Decimal(0) for b in bars] + [b.minimum * 2 for b in bars] + [Decimal(1)])
    return Decimal(int((top + 4) // 5 * 5))


def bar_text(bar: Bar, scale: Decimal, width: int = BAR_WIDTH) -> str:
    """The bar of ``bar.percent`` on ``width`` cells for ``scale`` percent, in eighths of a cell, with
    ``┊`` where the minimum falls (when the bar does not reach it)."""
    percent = bar.percent or Decimal(0)
    eighths = int((min(percent, scale) / scale * width * 8).to_integral_value())
    cells = list("█" * (eighths // 8) + (_BLOCKS[eighths % 8] if eighths % 8 else ""))
    cells += [" "] * (width - len(cells))
    marker = int((bar.minimum / scale * width).to_integral_value())
    if 0 <= marker < width and cells[marker] == " ":
        cells[marker] = "┊"
    return "".join(cells)


def _chart(g: Grid, lang: Lang) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    scale = chart_scale(g.bars)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(justify="right", no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(justify="right", no_wrap=True)
    for bar in g.bars:
        chart.add_row(
            Text(safe(bar.label)),
            Text(bar_text(bar, scale), style="green" if bar.ok else "red"),
            Text(format_percent(bar.percent, lang), style="" if bar.ok else "bold red"),
        )
    axis = f"0{' ' * (BAR_WIDTH - 2 - len(format_number(scale, lang)))}{format_number(scale, lang)}%"
    chart.add_row(Text(""), Text(axis, style="dim"), Text(""))
    minimum = g.bars[0].minimum if g.bars else Decimal(0)
    chart.add_row(
        Text(""),
        Text(label("note.chart_axis", lang, minimum=format_number(minimum, lang)), style="dim"),
        Text(""),
    )
    return chart


class _Heading:
    """A section's title on a rule; a title too long for one line (an appendix's title as printed)
    is written in full above the rule rather than cut short."""

    def __init__(self, title: str) -> None:
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.rule import Rule
        from rich.text import Text

        if cell_len(self.title) + 4 <= options.max_width:
            yield Rule(Text(self.title, style="bold"), align="left", style="dim")
        else:
            yield Text(self.title, style="bold")
            yield Rule(style="dim")


def renderable(g: Grid, lang: Lang, unit: AmountUnit, *, truncate: bool = True) -> RenderableType:
    """One section: a heading rule, the lines above, the table, the chart and the notes.

    ``truncate`` cuts long names (projects) to one line, for the terminal; a printed page
    (``False``) wraps them so that every name is there in full."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [_Heading(safe(g.title))]
    parts += [Text(safe(line)) for line in g.lead]
    if g.lead:
        parts.append(Text(""))
    parts.append(_table(g, lang, unit, truncate))
    if g.bars:
        parts += [Text(""), _chart(g, lang)]
    if g.notes:
        parts.append(Text(""))
        parts += [Text(safe(line), style="dim") for line in g.notes]
    return Group(*parts)


def minimum_width(g: Grid, lang: Lang, unit: AmountUnit) -> int:
    """The narrowest layout that prints every figure and every unbreakable cell of ``g`` whole
    (long names may wrap): below it rich would cut numbers short."""
    from rich.cells import cell_len

    widths = []
    for i, column in enumerate(g.columns):
        if column.sheet_only or column.wide_only:
            continue
        texts = [column.header, *(display_text(g, row, i, lang, unit) for row in g.rows)]
        if column.wrap or column.truncate:  # may wrap between words
            widths.append(max((cell_len(word) for text in texts for word in text.split()), default=1))
        else:
            widths.append(max(cell_len(text) for text in texts))
    needed = sum(widths) + 2 * (len(widths) - 1)  # a padding and a divider between columns
    if g.bars:
        labels = max(cell_len(safe(b.label)) for b in g.bars)
        shares = max(cell_len(format_percent(b.percent, lang)) for b in g.bars)
        needed = max(needed, labels + 1 + BAR_WIDTH + 1 + shares)
    return needed


def required_width(
    summary: Summary,
    lang: Lang = "en",
    unit: AmountUnit = "million",
    sections: Sequence[SectionName] | None = None,
    max_rows: int | None = None,
) -> int:
    """The narrowest ``--width`` at which every table of ``sections`` prints its figures whole."""
    return max(
        minimum_width(capped(g, max_rows, lang), lang, unit) for g in grids(summary, lang, unit, sections)
    )


#: the terminal shows at most this many rows of one table; the exports hold them all
TERMINAL_ROWS = 1_000


def capped(g: Grid, limit: int | None, lang: Lang) -> Grid:
    """``g`` with its first ``limit`` body rows — every group row (with its subtotal) and total row
    kept — and a note saying how many rows are not shown and where they all are. A table within the
    limit is returned as it is."""
    from dataclasses import replace

    body = sum(1 for row in g.rows if row.style == "body")
    if limit is None or body <= limit:
        return g
    kept: list[GridRow] = []
    shown = 0
    for row in g.rows:
        if row.style == "body":
            if shown >= limit:
                continue
            shown += 1
        kept.append(row)
    note = label("note.rows_capped", lang, shown=format_number(limit, lang), rows=format_number(body, lang))
    return replace(g, rows=tuple(kept), notes=(*g.notes, note))


def render(
    console: Console,
    summary: Summary,
    lang: Lang = "en",
    unit: AmountUnit = "million",
    sections: Sequence[SectionName] | None = None,
    *,
    truncate: bool = True,
    max_rows: int | None = None,
) -> None:
    """Print the sections of ``summary`` on ``console``, a blank line between them; ``max_rows``
    caps each table (:func:`capped`: the terminal), ``None`` prints every row (the exports).

    A console too narrow for a table is widened while it prints that table: a line longer than
    the terminal wraps, but a figure is never cut short."""
    for index, whole in enumerate(grids(summary, lang, unit, sections)):
        g = capped(whole, max_rows, lang)
        if index:
            console.print()
        width = console.width
        console.width = max(width, minimum_width(g, lang, unit))
        try:
            console.print(renderable(g, lang, unit, truncate=truncate))
        finally:
            console.width = width
