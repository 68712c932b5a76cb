"""The plan's arithmetic, in one place: totals per appendix, group, year and period, in-period
amounts, the grand total, the security share, the per-staff norm, and when a target gets weaker.

The rules, the summary and diff all ask this module; none of them adds money up on its own. Pure
functions over the typed plan: money is ``int`` million VND, rates and shares are ``Decimal``.

*Over the period*: what a row allocates inside the plan's period. Where an appendix says a row's
total is its in-period allocations (``row_total: period``, as in Plan 272) that is the row's total;
where the total may cover more (``row_total: whole``: a project that started before the period or
runs past it) it is the row's yearly amounts added up. Every total and share over the period uses
it, never a whole-project total.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Concatenate, Literal, ParamSpec, TypeVar, cast

from plan272.model import Appendix, Declared, GrandPart, Mark, Plan, Project, Row, Target, Unit, Years

# ---------------------------------------------------------------------------------------------
# Computed once per plan

_P = ParamSpec("_P")
_R = TypeVar("_R")
#: how many plans' figures are remembered: a diff asks about two
_KEEP = 2


def per_plan(compute: Callable[Concatenate[Plan, _P], _R]) -> Callable[Concatenate[Plan, _P], _R]:
    """``compute(plan, *args)`` remembered for the last :data:`_KEEP` plans asked about: a plan is
    frozen, and several rules, the summary and diff ask for the same totals. The arguments are
    parts of the plan (an appendix), told apart by identity; the plan is kept with its figures, so
    its id stays its own while they are remembered."""
    memo: dict[int, tuple[Plan, dict[tuple[int, ...], tuple[tuple[object, ...], _R]]]] = {}

    def remembered(plan: Plan, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        entry = memo.get(id(plan))
        if entry is None or entry[0] is not plan:
            entry = memo[id(plan)] = (plan, {})
            while len(memo) > _KEEP:
                del memo[next(iter(memo))]
        given = (*args, *kwargs.values())
        key = tuple(map(id, given))
        hit = entry[1].get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], given, strict=True)):
            return hit[1]
        result = compute(plan, *args, **kwargs)
        entry[1][key] = (given, result)  # the arguments kept: their ids stay theirs
        return result

    remembered.__doc__ = compute.__doc__
    return remembered


# ---------------------------------------------------------------------------------------------
# Totals


def period_amount(row: Row, appendix: Appendix) -> int:
    """What ``row`` allocates over the plan's period (see the module docstring)."""
    return row.total if appendix.row_total == "period" else row.in_period


@dataclass(frozen=True)
class Amounts:
    """Amounts of some rows added up: per year, the row-total column, over the period, and each
    further column."""

    years: Mapping[int, int]
    total: int
    period: int
    columns: Mapping[str, int] = field(default_factory=dict)
    count: int = 0

    def column(self, key: int | str | None) -> int | None:
        """The amount of a year (``int``), a further column (its id) or the total (``None``)."""
        if key is None:
            return self.total
        if isinstance(key, int):
            return self.years.get(key)
        return self.columns.get(key)


def add_up(rows: Iterable[Row], appendix: Appendix, years: Sequence[int]) -> Amounts:
    """``rows`` added up: column by column, each column one sum, when every row's years are as
    loaded (in the plan's years); else row by row, each row's years looked up by year."""
    columns = [c.id for c in appendix.columns]
    order = tuple(years)
    rows = rows if isinstance(rows, (list, tuple)) else list(rows)
    held = [r.years for r in rows]
    if order and held and all(y.__class__ is Years for y in held):
        loaded = cast(list[Years], held)
        if all(y.years == order for y in loaded):
            return _add_up_loaded(rows, loaded, appendix, years, columns)
    sums = [0] * len(years)
    column_sums = [0] * len(columns)
    total = in_period = count = 0
    for row in rows:
        count += 1
        total += row.total
        own = row.years
        in_period += sum(own.values())  # the row's own years: Row.in_period
        for i, year in enumerate(years):
            sums[i] += own.get(year, 0)
        if columns:
            extra = row.columns
            for i, column in enumerate(columns):
                column_sums[i] += extra.get(column, 0)
    return Amounts(
        years=dict(zip(years, sums, strict=True)),
        total=total,
        period=total if appendix.row_total == "period" else in_period,
        columns=dict(zip(columns, column_sums, strict=True)),
        count=count,
    )


def declared_amounts(declared: Declared) -> Amounts:
    """A declared total row as :class:`Amounts` (its period is its total: the row prints it)."""
    return Amounts(dict(declared.years), declared.total, declared.total, dict(declared.columns))


_TOTAL = operator.attrgetter("total")


def _add_up_loaded(
    rows: Sequence[Row], held: list[Years], appendix: Appendix, years: Sequence[int], columns: list[str]
) -> Amounts:
    """:func:`add_up` of rows whose years are all as loaded, in the plan's years: column by column,
    each one sum (a row's amounts over the period add up to its in-period amount)."""
    sums = list(map(sum, zip(*(y.amounts for y in held), strict=True)))
    total = sum(map(_TOTAL, rows))
    column_sums = [sum(r.columns.get(c, 0) for r in rows) for c in columns]
    return Amounts(
        years=dict(zip(years, sums, strict=True)),
        total=total,
        period=total if appendix.row_total == "period" else sum(sums),
        columns=dict(zip(columns, column_sums, strict=True)),
        count=len(rows),
    )


@dataclass(frozen=True)
class GroupTotals:
    id: str
    title: str  # "" for a section no group of plan.yaml declares
    declared: Declared | None
    rows: tuple[Row, ...]
    amounts: Amounts
    index: int | None  # the group's index in plan.yaml, None when undeclared


@dataclass(frozen=True)
class TableTotals:
    appendix: Appendix
    rows: tuple[Row, ...]
    groups: tuple[GroupTotals, ...]  # declared groups in plan.yaml's order, then undeclared sections
    amounts: Amounts


def table_totals(plan: Plan, appendix: Appendix) -> TableTotals:
    """The totals of one appendix and of each of its groups (computed once per plan:
    :func:`per_plan`)."""
    return _table_totals(plan, appendix)


@per_plan
def _table_totals(plan: Plan, appendix: Appendix) -> TableTotals:
    rows = plan.rows(appendix.id)
    sections: dict[str, list[Row]] = {g.id: [] for g in appendix.groups}
    for row in rows:  # one pass: each row to its section, declared or not (first seen first)
        members = sections.get(row.section)
        if members is None:
            members = sections[row.section] = []
        members.append(row)
    groups = []
    for index, group in enumerate(appendix.groups):
        members_ = tuple(sections[group.id])
        amounts = add_up(members_, appendix, plan.years)
        groups.append(GroupTotals(group.id, group.title, group.declared, members_, amounts, index))
    known = {g.id for g in appendix.groups}
    for section, found in sections.items():
        if section not in known:
            members_ = tuple(found)
            amounts = add_up(members_, appendix, plan.years)
            groups.append(GroupTotals(section, "", None, members_, amounts, None))
    return TableTotals(
        appendix, rows, tuple(groups), _together([g.amounts for g in groups], appendix, plan.years)
    )


def _together(parts: Sequence[Amounts], appendix: Appendix, years_: Sequence[int]) -> Amounts:
    """The amounts of rows parted into ``parts`` (each row in one), added up: the table's, from
    its groups', without a second pass over the rows."""
    years: dict[int, int] = dict.fromkeys(years_, 0)
    columns: dict[str, int] = {c.id: 0 for c in appendix.columns}
    for part in parts:
        for year, amount in part.years.items():
            years[year] = years.get(year, 0) + amount
        for column, amount in part.columns.items():
            columns[column] = columns.get(column, 0) + amount
    return Amounts(
        years=years,
        total=sum(p.total for p in parts),
        period=sum(p.period for p in parts),
        columns=columns,
        count=sum(p.count for p in parts),
    )


def column_value(row: Row, appendix: Appendix, name: str) -> int:
    """A money column of ``row`` by the name a split uses: the row-total column (``tmdt`` or
    ``total``), ``period`` (the yearly amounts added up) or a further column's id."""
    if name == appendix.total_column:
        return row.total
    if name == "period":
        return row.in_period
    return row.columns.get(name, 0)


@dataclass(frozen=True)
class InvestorTotal:
    """The projects of one investor (an agency of the registry, or one spelling's name key)."""

    agency_id: str | None
    spellings: tuple[str, ...]  # every spelling the tables use, first seen first
    projects: int
    amount: int  # over the period


def by_investor(plan: Plan) -> tuple[tuple[InvestorTotal, ...], int, int]:
    """The projects of every appendix of projects by investor — spellings of one agency together
    through the registry — with their amounts over the period; and the total and count of them."""
    from plan272.names import name_key

    buckets: dict[str, list[tuple[str, int]]] = {}
    ids: dict[str, str | None] = {}
    total = count = 0
    for appendix in plan.appendices:
        for row in plan.rows(appendix.id):
            if not isinstance(row, Project):
                continue
            key = f"id:{row.agency_id}" if row.agency_id else f"name:{name_key(row.investor)}"
            amount = period_amount(row, appendix)
            buckets.setdefault(key, []).append((row.investor, amount))
            ids[key] = row.agency_id
            total += amount
            count += 1
    rows = tuple(
        InvestorTotal(
            ids[key],
            tuple(dict.fromkeys(name for name, _ in entries)),
            len(entries),
            sum(a for _, a in entries),
        )
        for key, entries in buckets.items()
    )
    return rows, total, count


# ---------------------------------------------------------------------------------------------
# The grand total


@dataclass(frozen=True)
class GrandLine:
    """A part of the grand total: declared (as plan.yaml states it) beside computed."""

    id: str
    label: str
    appendix: Appendix | None  # the appendix this part is; None: a part no table itemises
    declared: int | None  # None: no part is declared, the line is an appendix of the plan
    computed: int | None  # None: the part names an appendix the plan does not have
    part: GrandPart | None = None

    @property
    def itemised(self) -> bool:
        return self.part is None or self.part.appendix is not None


@dataclass(frozen=True)
class GrandFigures:
    declared: int | None  # None: plan.yaml states no grand total
    computed: int | None  # None: a part names an unknown appendix
    lines: tuple[GrandLine, ...]
    #: the appendices the grand total adds up (their completeness decides whether it can be checked)
    appendices: tuple[str, ...]


def grand_total(plan: Plan) -> GrandFigures:
    """The grand total: its declared parts, each computed (an appendix: its amount over the period;
    a part no table itemises: the amount plan.yaml states), or every appendix when no part is
    declared."""
    grand = plan.meta.grand_total
    lines: list[GrandLine] = []
    if grand is None or not grand.parts:
        for appendix in plan.appendices:
            amount = table_totals(plan, appendix).amounts.period
            lines.append(GrandLine(appendix.id, appendix.title or appendix.name, appendix, None, amount))
    else:
        for part in grand.parts:
            if part.appendix is None:
                lines.append(GrandLine(part.id, part.label, None, part.amount, part.amount, part))
                continue
            named = plan.appendix(part.appendix)
            amount_of = None if named is None else table_totals(plan, named).amounts.period
            lines.append(GrandLine(part.id, part.label, named, part.amount, amount_of, part))
    values = [line.computed for line in lines]
    computed = None if any(v is None for v in values) else sum(v for v in values if v is not None)
    appendices = tuple(dict.fromkeys(line.appendix.id for line in lines if line.appendix is not None))
    return GrandFigures(grand.amount if grand else None, computed, tuple(lines), appendices)


# ---------------------------------------------------------------------------------------------
# Shares

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Share:
    """``amount`` out of ``base`` against a minimum percentage.

    ``uncertain`` is spending that may or may not fall in the scope: a security part (attt) given
    for a whole project whose allocations reach beyond the period. The share then lies between
    ``percent`` and ``upper_percent``; it meets the minimum (``ok``) only if it does at the lower
    end, and falls short (``short``) only if it does at the upper end."""

    amount: int
    base: int
    minimum_percent: Decimal
    uncertain: int = 0

    @property
    def percent(self) -> Decimal | None:
        if self.base == 0:
            return None
        return Decimal(self.amount) * 100 / Decimal(self.base)

    @property
    def upper_percent(self) -> Decimal | None:
        if self.base == 0:
            return None
        return Decimal(self.amount + self.uncertain) * 100 / Decimal(self.base)

    @property
    def required(self) -> int:
        """The smallest whole amount that reaches the minimum."""
        value = Decimal(self.base) * self.minimum_percent / 100
        return int(value.to_integral_value(rounding=ROUND_CEILING))

    @property
    def shown(self) -> Decimal | None:
        """The percentage to two places as shown to people (see :func:`guard_minimum`)."""
        guarded = guard_minimum(self.percent, self.minimum_percent)
        return None if guarded is None else guarded.quantize(_CENT, rounding=ROUND_HALF_UP)

    @property
    def verdict(self) -> Literal["ok", "short", "unknown", "none"]:
        """``ok``: meets the minimum even counting none of the uncertain spending; ``short``: falls
        short even counting all of it; ``unknown``: the bounds cannot decide; ``none``: there is no
        funding to take a share of (a base of 0): nothing to check."""
        if self.base == 0:
            return "none"
        if Decimal(self.amount) * 100 >= self.minimum_percent * self.base:
            return "ok"
        if Decimal(self.amount + self.uncertain) * 100 < self.minimum_percent * self.base:
            return "short"
        return "unknown"

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"

    @property
    def short(self) -> bool:
        return self.verdict == "short"


def guard_minimum(percent: Decimal | None, minimum: Decimal) -> Decimal | None:
    """``percent`` as it may be shown beside ``minimum``: exact, except a share that fails yet
    would round to the minimum at two places (9.996% as "10.00%"): that one is cut to two places,
    so a failing share never reads as meeting the rule."""
    if percent is None or percent >= minimum:
        return percent
    if percent.quantize(_CENT, rounding=ROUND_HALF_UP) >= minimum:
        return percent.quantize(_CENT, rounding=ROUND_DOWN)
    return percent


def percent_text(value: Decimal | None, places: int = 2) -> str:
    """``8.66%``; ``n/a`` when there is no base."""
    if value is None:
        return "n/a"
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class SecurityAccount:
    """What counts as information-security spending under the plan's policy, and its shares.

    Only rows of the appendices in the denominator count: a share is of the funding it is taken
    of. An attt part is a part of its project's whole total with no split by year, so in a scope (the
    period, a year) it counts for sure only as far as the project's money outside that scope cannot
    hold it, and at most as far as the project's money in the scope: between
    ``max(0, attt - outside)`` and ``min(attt, inside)``; the difference is the share's
    ``uncertain`` spending."""

    whole: tuple[Row, ...]  # rows counted in full (groups / listed rows of the counted appendices)
    partial: tuple[Project, ...]  # other projects with an attt amount
    #: projects among ``partial`` whose attt part over the period is not known exactly (a whole
    #: project reaching beyond the period)
    uncertain: tuple[Project, ...]
    period: Share
    years: dict[int, Share]
    denominator: tuple[str, ...]  # appendix ids
    #: appendices the shares are computed over: they must be read completely
    needs: tuple[str, ...]
    #: counted appendices that are not in the denominator: their rows are not counted
    outside: tuple[str, ...] = ()
    #: what ``counted`` names that the plan does not have (an appendix, a group, a row): the
    #: spending it means cannot be counted, so no share is a verdict
    unresolved: tuple[str, ...] = ()

    @property
    def counted_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in (*self.whole, *self.partial))


def attt_bounds(project: Project, inside: int) -> tuple[int, int]:
    """The part of ``project``'s attt amount that falls in a scope where the project has ``inside``
    of its money: (surely at least, at most). A part larger than the project counts as the project
    (SEC003 reports it)."""
    attt = min(project.attt or 0, project.total)
    outside = max(0, project.total - inside)
    return max(0, attt - outside), min(attt, inside)


def security_account(plan: Plan) -> SecurityAccount | None:
    """The security spending and its shares; ``None`` when plan.yaml states no security policy.
    References to appendices the plan does not have are left out (DAT002 reports them). Computed
    once per plan (:func:`per_plan`)."""
    return _security_account(plan)


@per_plan
def _security_account(plan: Plan) -> SecurityAccount | None:
    policy = plan.meta.security_policy
    if policy is None:
        return None
    appendices = {a.id: a for a in plan.appendices}
    denominator = tuple(
        dict.fromkeys(a for a in (policy.denominator or [a.id for a in plan.appendices]) if a in appendices)
    )
    whole: list[Row] = []
    counted_in: list[str] = []
    outside: list[str] = []
    unresolved: list[str] = []
    for counted in policy.counted:
        if counted.appendix not in appendices:
            unresolved.append(f"appendix {counted.appendix!r}")
            continue
        named = appendices[counted.appendix]
        declared = {g.id for g in named.groups}
        unresolved += [f"group {g!r} of {named.label()}" for g in counted.groups if g not in declared]
        if counted.rows and counted.appendix not in plan.incomplete:
            ids = {r.id for r in plan.rows(counted.appendix)}
            unresolved += [f"row {r!r} of {named.label()}" for r in counted.rows if r not in ids]
        if counted.appendix not in denominator:
            outside.append(counted.appendix)
            continue
        counted_in.append(counted.appendix)
        groups, listed = set(counted.groups), set(counted.rows)
        whole += [r for r in plan.rows(counted.appendix) if r.section in groups or r.id in listed]
    whole = list({id(r): r for r in whole}.values())  # a row both in a group and listed counts once
    whole_ids = {(r.appendix, r.id) for r in whole}
    partial: list[Project] = []
    if policy.include_attt_amounts:
        for appendix_id in denominator:
            for row in plan.rows(appendix_id):
                if (
                    isinstance(row, Project)
                    and (row.attt or 0) > 0  # most rows give none: tested first
                    and (row.appendix, row.id) not in whole_ids
                ):
                    partial.append(row)
    minimum = policy.min_share_percent

    def period_of(row: Row) -> int:
        return period_amount(row, appendices[row.appendix])

    def share(amount: int, base: int, parts: list[tuple[int, int]]) -> Share:
        low = sum(lo for lo, _ in parts)
        return Share(amount + low, base, minimum, sum(hi for _, hi in parts) - low)

    # the denominator: its appendices' totals (made once per plan), not its rows added up again
    bases = [table_totals(plan, appendices[a]).amounts for a in denominator]
    period_parts = [attt_bounds(p, period_of(p)) for p in partial]
    period = share(sum(period_of(r) for r in whole), sum(b.period for b in bases), period_parts)
    years = {
        year: share(
            sum(r.years.get(year, 0) for r in whole),
            sum(b.years.get(year, 0) for b in bases),
            [attt_bounds(p, p.years.get(year, 0)) for p in partial],
        )
        for year in plan.years
    }
    uncertain = [p for p, (lo, hi) in zip(partial, period_parts, strict=True) if hi > lo]
    needs = [*counted_in, *denominator]
    return SecurityAccount(
        tuple(whole),
        tuple(partial),
        tuple(uncertain),
        period,
        years,
        denominator,
        tuple(dict.fromkeys(needs)),
        tuple(dict.fromkeys(outside)),
        tuple(unresolved),
    )


# ---------------------------------------------------------------------------------------------
# The per-staff norm


_ROUNDING = {"nearest": ROUND_HALF_UP, "down": ROUND_DOWN, "up": ROUND_CEILING}


def norm_amount(unit: Unit, appendix: Appendix) -> int | Decimal | None:
    """What the norm gives ``unit`` each year: staff × the per-staff norm, made whole the way the
    plan declares (``norm.rounding``), an ``int`` when whole; a ``Decimal`` when it is not whole and
    the plan declares no rounding (no whole amount can then equal it); ``None`` without a norm."""
    if appendix.norm is None:
        return None
    value = unit.staff * appendix.norm.per_staff_per_year
    if value != value.to_integral_value() and appendix.norm.rounding in _ROUNDING:
        value = value.to_integral_value(rounding=_ROUNDING[appendix.norm.rounding])
    return int(value) if value == value.to_integral_value() else value


def explained_mark(unit: Unit, appendix: Appendix) -> Mark | None:
    """The mark of plan.yaml that explains ``unit``'s note: the note is that mark and the mark's
    explanation names the unit. Only such a unit is exempt from the exact norm."""
    note = (unit.note or "").strip()
    if not note:
        return None
    return next((m for m in appendix.marks if m.mark.strip() == note and unit.id in m.units), None)


def off_norm(unit: Unit, appendix: Appendix) -> tuple[int, ...]:
    """The years whose amount breaks the norm: an unmarked unit must get exactly staff × norm, a
    unit whose mark plan.yaml explains at least that. Unreadable cells are not judged."""
    expected = norm_amount(unit, appendix)
    if expected is None or "staff" in unit.unreadable:
        return ()
    exempt = explained_mark(unit, appendix) is not None
    return tuple(
        year
        for year, amount in sorted(unit.years.items())
        if f"y{year}" not in unit.unreadable and (amount < expected if exempt else amount != expected)
    )


# ---------------------------------------------------------------------------------------------
# Targets

End = Literal["low", "high", "value", "range"]


def weaker_ends(
    direction: Literal["higher", "lower"], old: Target, new: Target
) -> list[tuple[End, Decimal | None, Decimal | None]]:
    """The ends of ``new`` that ask for less than ``old``: (end, old value, new value).

    For a higher-is-better indicator the low end is the commitment: it may not fall, nor open up
    (a missing low end commits to nothing). The high end of a range may not fall either; but an
    open high end ("at least 75") followed by a value ("80") asks for more, not less. Mirrored for
    a lower-is-better indicator. When both ends fall, one entry (``value`` or ``range``) stands for
    both, with the figures of the commitment.
    """
    higher = direction == "higher"
    commitment: Literal["low", "high"] = "low" if higher else "high"
    ceiling: Literal["low", "high"] = "high" if higher else "low"
    ends = {"low": (old.low, new.low), "high": (old.high, new.high)}

    def worse(a: Decimal, b: Decimal) -> bool:
        return b < a if higher else b > a

    out: list[tuple[End, Decimal | None, Decimal | None]] = []
    old_v, new_v = ends[commitment]
    if old_v is not None and (new_v is None or worse(old_v, new_v)):
        out.append((commitment, old_v, new_v))
    old_v, new_v = ends[ceiling]
    if old_v is not None and new_v is not None and worse(old_v, new_v):
        out.append((ceiling, old_v, new_v))
    if len(out) == 2:
        end: End = "value" if old.low == old.high and new.low == new.high else "range"
        return [(end, *ends[commitment])]
    return out


def weakened(direction: Literal["higher", "lower"], old: Target, new: Target) -> bool:
    """Whether ``new`` asks for less than ``old`` (see :func:`weaker_ends`)."""
    return bool(weaker_ends(direction, old, new))
