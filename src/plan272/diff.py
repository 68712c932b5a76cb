"""What a revision of the plan changes: ``diff_plans(old, new, old_report, new_report) -> PlanDiff``.

Pure comparison of two typed plans and the findings the same rules report on each; no I/O and no
rendering (``formats/diff_*.py`` render a :class:`PlanDiff`).

Rows are compared appendix by appendix (the same appendix id on both sides). Matching the rows of
one appendix across the revisions goes in tiers; each tier pairs, one to one, only rows the
earlier tiers left unpaired:

1. the same id and the same normalised name (:func:`~plan272.names.name_key`: case, Unicode
   form, tone-mark placement, spacing);
2. the same normalised name, whatever the id: a row whose ``id``/``tt`` changed only because a row
   was inserted or deleted before it is *renumbered*, not changed — so an insertion mid-group is one
   added project, not a cascade;
3. the same id with a different name, when the amounts or the similarity support it (a *rename*);
4. identical figures, whatever the id, number, name and group: a row whose total, yearly amounts and
   other amount columns are exactly those of one unpaired row of the other side — and of no other
   unpaired row on either side — is that row renumbered and renamed (:func:`_figures_key`). Figures
   shared by several unpaired rows, all-zero rows and rows with an unreadable amount say nothing of
   which row is which, and are left to the next tier;
5. similarity of name and amounts (rapidfuzz ``token_sort_ratio`` on the name keys, combined with a
   similarity of the amount vectors), above a threshold, best pairs first.

What is left is added or removed. Row order never matters. Every tie is broken by the content of
the two rows, never by their position or by which side is "old", so ``diff(b, a)`` is exactly the
inverse of ``diff(a, b)``.

Money is ``int`` (million VND); shares and targets are ``Decimal``; nothing is a float.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from plan272.figures import Share, add_up, grand_total, security_account, table_totals, weakened
from plan272.findings import Figures, Finding, Severity, trend
from plan272.gcpause import paused
from plan272.messages import Message, Words
from plan272.model import Appendix, Claim, Kind, Kpi, Plan, Project, Row, Target, Unit
from plan272.names import name_key
from plan272.numbers import exact
from plan272.problems import Location

if TYPE_CHECKING:
    from plan272.engine import Report

Value = str | int | Decimal | bool | None
Match = Literal["id", "name", "figures", "similar"]

#: tier 3: a row keeping its id but not its name is the same row when its amounts are unchanged or
#: the combined similarity reaches this score
ID_RENAME_SCORE = 60
#: tier 5: rows with different ids and names are the same row when the names are at least this
#: similar and the combined similarity reaches FUZZY_SCORE
FUZZY_NAME_SCORE = 70
FUZZY_SCORE = 75
#: weight of the name in the combined similarity (the rest is the amounts)
NAME_WEIGHT = Decimal("0.6")


# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(frozen=True)
class Change:
    """One value, old → new (``None``: absent on that side)."""

    old: Value
    new: Value

    @property
    def delta(self) -> int | Decimal | None:
        """``new - old`` for numbers (an absent number counts as 0), else ``None``."""
        old, new = self.old, self.new
        numbers = (int, Decimal)
        if isinstance(old, bool) or isinstance(new, bool):
            return None
        if not isinstance(old, numbers) and old is not None:
            return None
        if not isinstance(new, numbers) and new is not None:
            return None
        if old is None and new is None:
            return None
        return (new or 0) - (old or 0)

    def inverse(self) -> Change:
        return Change(self.new, self.old)


@dataclass(frozen=True)
class RowRef:
    """A row (a project, a unit, a budget line) as the diff shows it."""

    id: str
    section: str
    tt: int | None
    name: str
    total: int  # TMĐT of a project, the total of a unit or line
    years: Mapping[int, int]
    location: Location
    complete: bool = True  # every amount cell could be read
    total_field: str = "total"  # the column of the total: tmdt for a project

    @classmethod
    def of(cls, row: Row) -> RowRef:
        complete = not (row.unreadable and row.unreadable & row.amount_fields)
        return cls(
            row.id,
            row.section,
            row.tt,
            row.name,
            row.total,
            dict(row.years),
            row.location,
            complete,
            row.total_field,
        )

    @property
    def years_total(self) -> int | None:
        """The sum of the yearly amounts; ``None`` when a cell could not be read."""
        return sum(self.years.values()) if self.complete else None


@dataclass(frozen=True)
class RowPair:
    """A row present on both sides that differs in something (possibly only its numbering)."""

    old: RowRef
    new: RowRef
    #: how the two were paired: "id" (the same id), "name" (the same name), "figures" (the same
    #: figures, alone so on both sides), "similar" (similar name and amounts)
    match: Match
    score: int | None  # combined similarity 0–100 when paired by similarity, else None
    changes: Mapping[str, Change]  # every changed field but id and tt, in column order

    @property
    def renumbered(self) -> bool:
        return self.old.id != self.new.id or self.old.tt != self.new.tt

    @property
    def moved(self) -> bool:
        return self.old.section != self.new.section

    @property
    def renamed(self) -> bool:
        return name_key(self.old.name) != name_key(self.new.name)

    @property
    def changed(self) -> bool:
        """A real change: some field other than the numbering (id, tt)."""
        return bool(self.changes)

    @property
    def amounts(self) -> dict[int, Change]:
        """The yearly amounts that changed, by year."""
        return {
            int(name[1:]): change
            for name, change in self.changes.items()
            if name.startswith("y") and name[1:].isdigit()
        }

    @property
    def years_total(self) -> Change:
        """The sum of the yearly amounts, old → new (equal when money only moved between years)."""
        old, new = self.old.years_total, self.new.years_total
        return Change(UNREADABLE if old is None else old, UNREADABLE if new is None else new)


@dataclass(frozen=True)
class RowsDiff:
    """The rows of one appendix, compared."""

    appendix: str  # its id
    name: str  # its name (in English output)
    kind: Kind
    added: tuple[RowRef, ...]
    removed: tuple[RowRef, ...]
    pairs: tuple[RowPair, ...]  # matched rows that differ in anything, in the new side's order
    names: Words | None = None  # its name in each language

    @property
    def moved(self) -> tuple[RowPair, ...]:
        return tuple(p for p in self.pairs if p.moved)

    @property
    def renamed(self) -> tuple[RowPair, ...]:
        return tuple(p for p in self.pairs if p.renamed)

    @property
    def changed(self) -> tuple[RowPair, ...]:
        return tuple(p for p in self.pairs if p.changed)

    @property
    def renumbered(self) -> tuple[RowPair, ...]:
        return tuple(p for p in self.pairs if p.renumbered)

    @property
    def renumbered_only(self) -> tuple[RowPair, ...]:
        return tuple(p for p in self.pairs if p.renumbered and not p.changed)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.pairs)


@dataclass(frozen=True)
class TotalsLine:
    """Computed totals of one scope (a group, an appendix, the grand total), per year and overall.
    A side without the scope (an appendix only the other side has) is ``None``; a grand total that
    cannot be computed (a part names an unknown appendix) is :data:`NOT_COMPUTABLE`."""

    key: str  # "appendix1:I" (a group), "appendix1" (an appendix), "grand"
    label: str
    years: Mapping[int, Change]
    #: the total column (TMĐT / total) summed over the rows; for "grand", the grand total (its
    #: appendices over the period and the parts no table itemises)
    total: Change
    #: the amount over the period, where it differs from the total column on a side (an appendix
    #: whose totals may reach beyond the period); ``None`` otherwise
    period: Change | None = None
    #: the label in each language (``label`` is its English)
    title: Message | None = None

    @property
    def changed(self) -> bool:
        return (
            self.total.old != self.total.new
            or (self.period is not None and self.period.old != self.period.new)
            or any(c.old != c.new for c in self.years.values())
        )


@dataclass(frozen=True)
class ShareChange:
    """The security share of one scope ("period" or a year) on both sides."""

    scope: str
    old: Share | None  # None: the year is outside that side's period, or the side has no such rule
    new: Share | None
    old_rule: bool = True  # the old side's security rule covers this scope
    new_rule: bool = True

    @property
    def changed(self) -> bool:
        return self.old != self.new

    @property
    def crossing(self) -> Literal["below", "above"] | None:
        """``"below"``: met the minimum, now falls short; ``"above"``: the reverse; else ``None`` —
        also when a side's share is undecided (attt parts that may lie elsewhere, no funding)."""
        if self.old is None or self.new is None:
            return None
        decided = ("ok", "short")
        if (
            self.old.verdict not in decided
            or self.new.verdict not in decided
            or self.old.verdict == self.new.verdict
        ):
            return None
        return "above" if self.new.ok else "below"


@dataclass(frozen=True)
class TargetChange:
    """One milestone target of an indicator, as one statement of the document gives it."""

    kpi: str
    label: str
    unit: str
    where: str  # the statement's source (where the document states it)
    year: int
    old: Target | None  # None: the statement gave no target for that year
    new: Target | None
    weakened: bool  # the new target asks for less, in the indicator's direction

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class KpiDiff:
    added: tuple[str, ...]  # indicator ids
    removed: tuple[str, ...]
    fields: tuple[tuple[str, str, Change], ...]  # (indicator id, field, change): label, unit, kind…
    targets: tuple[TargetChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.fields or self.targets)


UNREADABLE = "(unreadable)"
NOT_COMPUTABLE = "(not computable)"


@dataclass(frozen=True)
class ClaimsDiff:
    """Arithmetic claims of the narrative (plan.yaml ``claims``): added, removed, changed figures."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[tuple[str, str, Change], ...]  # (claim id, field, change): total, parts, percent…

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class MetaChange:
    """A plan.yaml value (identity, declared totals, policy…) that changed; ``path`` is dotted,
    with list items named by their id (``appendix1.groups.I.title``)."""

    path: str
    change: Change


#: what makes ``diff --fail-on`` fail: findings the revision introduces (``new``), or introduces or
#: worsens (``worse``)
Gate = Literal["new", "worse"]


@dataclass(frozen=True)
class FindingChange:
    """A finding reported on both sides whose figures moved (:func:`plan272.findings.trend`): the
    old side's finding and the new side's."""

    old: Finding
    new: Finding

    @property
    def figures(self) -> tuple[Figures, Figures]:
        return Figures.of(self.old), Figures.of(self.new)

    @property
    def trend(self) -> Literal["worse", "better", "same"]:
        return trend(*self.figures)

    @property
    def severity_changed(self) -> bool:
        return self.old.severity != self.new.severity

    def inverse(self) -> FindingChange:
        return FindingChange(self.new, self.old)


@dataclass(frozen=True)
class FindingsDiff:
    introduced: tuple[Finding, ...]  # reported on the new side only
    resolved: tuple[Finding, ...]  # reported on the old side only
    #: reported on both sides, with the same severity and the same gap between expected and found
    unchanged: int
    #: reported on both sides, worse on the new side: a higher severity, or a wider gap
    worsened: tuple[FindingChange, ...] = ()
    #: reported on both sides, better on the new side: a lower severity, or a narrower gap
    improved: tuple[FindingChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.introduced or self.resolved or self.worsened or self.improved)

    def failing(self, on: Gate, level: Severity) -> tuple[Finding, ...]:
        """The new side's findings that fail a review gate: those the revision introduces (``on ==
        "new"``), or introduces or worsens (``"worse"``), at ``level`` or above (a worsened finding
        by its new severity). Improved, resolved and unchanged findings never fail it."""
        found = [*self.introduced, *(c.new for c in self.worsened)] if on == "worse" else self.introduced
        return tuple(f for f in found if f.severity.rank >= level.rank)


@dataclass(frozen=True)
class PlanDiff:
    tables: tuple[RowsDiff, ...]  # one per appendix of either side, the new side's order first
    totals: tuple[TotalsLine, ...]
    security: tuple[ShareChange, ...]  # "period" first, then each year
    kpis: KpiDiff
    meta: tuple[MetaChange, ...]
    findings: FindingsDiff
    years: tuple[int, ...]
    claims: ClaimsDiff = ClaimsDiff((), (), ())
    #: appendices each side could not read completely: totals and shares over them are incomplete
    incomplete_old: tuple[str, ...] = ()
    incomplete_new: tuple[str, ...] = ()

    def table(self, appendix_id: str) -> RowsDiff:
        """The rows of one appendix, compared (``KeyError`` when neither side has it)."""
        for table in self.tables:
            if table.appendix == appendix_id:
                return table
        raise KeyError(appendix_id)

    @property
    def empty(self) -> bool:
        """True when the two sides hold the same plan (row order aside)."""
        return (
            all(t.empty for t in self.tables)
            and self.kpis.empty
            and self.claims.empty
            and not self.meta
            and self.findings.empty
        )


# ---------------------------------------------------------------------------------------------
# Rows


def _fields(row: Row, years: Sequence[int]) -> dict[str, Value]:
    """The comparable fields of a row, in column order (id and tt are the numbering, apart)."""
    out: dict[str, Value] = {"name": row.name, "section": row.section}
    if isinstance(row, Project):
        out["investor"] = row.investor
    elif isinstance(row, Unit):
        out["staff"] = row.staff
    out[row.total_field] = row.total
    for year in years:
        out[f"y{year}"] = row.years.get(year)
    for column in sorted(row.columns):
        out[column] = row.columns[column]
    if isinstance(row, Project):
        out["attt"] = row.attt
    out["note"] = row.note
    for key in sorted(row.extra):
        out[key] = row.extra[key]
    for key in row.unreadable:  # a cell that could not be read is not a 0: no false delta
        if key in out:
            out[key] = UNREADABLE
    return out


#: the fields :func:`_fields` compares, by kind of row: rows equal in them have no change
_CONTENT = {
    kind: operator.attrgetter(
        "name",
        "section",
        "total",
        "years",
        "columns",
        "note",
        "description",
        "source_line",
        "unreadable",
        *own,
    )
    for kind, own in (("projects", ("investor", "attt")), ("units", ("staff",)), ("lines", ()))
}


def _changes(old: Row, new: Row) -> dict[str, Change]:
    if type(old) is type(new) and _CONTENT[old.kind](old) == _CONTENT[old.kind](new):
        return {}  # the common pair: nothing changed (fields made only for pairs that differ)
    years = sorted(set(old.years) | set(new.years))
    a, b = _fields(old, years), _fields(new, years)
    keys = list(a) + [k for k in b if k not in a]
    return {k: Change(a.get(k), b.get(k)) for k in keys if a.get(k) != b.get(k)}


def _amount_vector(row: Row, years: Sequence[int]) -> tuple[int, ...]:
    return (row.total, *(row.years.get(y, 0) for y in years))


def _amount_similarity(old: Row, new: Row) -> Decimal:
    """100 when the amounts are equal, falling towards 0 as they differ (L1 distance)."""
    years = sorted(set(old.years) | set(new.years))
    a, b = _amount_vector(old, years), _amount_vector(new, years)
    size = sum(abs(x) for x in a) + sum(abs(y) for y in b)
    if size == 0:
        return Decimal(100)
    distance = sum(abs(x - y) for x, y in zip(a, b, strict=True))
    return Decimal(100) * (1 - Decimal(distance) / Decimal(size))


def _name_similarity(old: str, new: str) -> Decimal:
    from rapidfuzz import fuzz

    score = fuzz.token_sort_ratio(old, new, processor=None)
    return Decimal(str(round(score, 4)))


def _tiebreak(old: Row, new: Row) -> tuple[str, str]:
    """A key that does not depend on which row is old: the sorted content of both rows."""

    def content(row: Row) -> str:
        years = sorted(row.years)
        return repr((row.id, name_key(row.name), row.section, row.tt, _amount_vector(row, years)))

    a, b = content(old), content(new)
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class _Candidate:
    """A pair a tier proposes; ``order(old row, new row)`` is its ordering key — made only when the
    pair competes with another for one of its rows (most pairs do not: made for each, the keys were
    half a diff's time)."""

    order: Callable[[Row, Row], tuple[Any, ...]]
    i: int
    j: int
    match: Match
    score: int | None


def _by_amounts(old: Row, new: Row) -> tuple[Any, ...]:
    """Closest amounts first, then by content."""
    return (-_amount_similarity(old, new), _tiebreak(old, new))


def _by_group_and_amounts(old: Row, new: Row) -> tuple[Any, ...]:
    """The same group first, then closest amounts, then by content."""
    return (old.section != new.section, *_by_amounts(old, new))


def _by_content(old: Row, new: Row) -> tuple[Any, ...]:
    return (_tiebreak(old, new),)


def _by_score(score: Decimal) -> Callable[[Row, Row], tuple[Any, ...]]:
    """Best score first, then by content."""
    return lambda old, new: (-score, _tiebreak(old, new))


#: candidates per row and tier: rows that share an id or a name, or whose names are similar, are
#: paired among the few closest of them (by amounts, by name score) — never every row with every
#: other, so matching stays near-linear however many rows are unmatched
CANDIDATES = 8


def _content(row: Row) -> str:
    """A row's content as a sort key: ties are broken by what rows hold, never by their order."""
    return repr((row.id, name_key(row.name), row.section, row.tt, _amount_vector(row, sorted(row.years))))


def _nearest_by_position(
    merged: Sequence[tuple[Any, ...]], side_of: Callable[[tuple[Any, ...]], int], limit: int
) -> Iterable[tuple[int, int]]:
    """For each item of ``merged`` (a sorted list of items of two sides), the ``limit`` items of the
    other side nearest to it in the list (left first on a tie): ``(position, other position)``.
    Each item costs ``O(limit + log n)``, found by bisection in the positions of the other side."""
    from bisect import bisect_left

    positions: tuple[list[int], list[int]] = ([], [])
    for position, item in enumerate(merged):
        positions[side_of(item)].append(position)
    for position, item in enumerate(merged):
        others = positions[1 - side_of(item)]
        right = bisect_left(others, position)
        left = right - 1
        for _ in range(min(limit, len(others))):
            if left >= 0 and (right >= len(others) or position - others[left] <= others[right] - position):
                yield position, others[left]
                left -= 1
            else:
                yield position, others[right]
                right += 1


def _nearest(
    old: Sequence[Row], new: Sequence[Row], olds: list[int], news: list[int]
) -> Iterable[tuple[int, int]]:
    """Candidate pairs between rows ``olds`` and ``news`` that share a key: every pair when the
    group is small; else, for each row, the :data:`CANDIDATES` rows of the other side nearest by
    total — the same set whichever side is old."""
    if len(olds) * len(news) <= CANDIDATES * CANDIDATES:
        yield from ((i, j) for i in olds for j in news)
        return
    merged = sorted(
        [(old[i].total, _content(old[i]), 0, i) for i in olds]
        + [(new[j].total, _content(new[j]), 1, j) for j in news]
    )
    seen: set[tuple[int, int]] = set()
    for a, b in _nearest_by_position(merged, lambda item: int(item[2]), CANDIDATES):
        pair = (merged[a][3], merged[b][3]) if merged[a][2] == 0 else (merged[b][3], merged[a][3])
        if pair not in seen:
            seen.add(pair)
            yield pair


#: a group of at most this many old × new unmatched rows has every pair of names scored (in
#: rapidfuzz's C code); a larger one only the pairs its blocks propose
EXACT_PAIRS = 250_000
#: a word in more rows than this (old and new together) does not make two rows candidates: in a
#: large group "hệ thống" or "thông tin" says nothing of which row is which
COMMON_WORD = 32
#: how many rows sharing the most uncommon words each row proposes for scoring
SHORTLIST = 16


def _blocked_pairs(
    texts: dict[tuple[int, int], str],
    totals: dict[tuple[int, int], int],
    content: dict[tuple[int, int], str],
    in_old: list[int],
    in_new: list[int],
) -> set[tuple[int, int]]:
    """Candidate pairs of a large group without comparing every name with every other (blocking,
    as record-linkage tools do): rows that share uncommon words — for each row the
    :data:`SHORTLIST` rows sharing the most — and the :data:`CANDIDATES` rows nearest by sorted
    name and nearest by total (a renamed row whose amounts did not change). Defined the same both
    ways, so the set does not depend on which side is old."""
    import heapq
    from collections import Counter

    members = ((0, in_old), (1, in_new))
    postings: dict[str, tuple[list[int], list[int]]] = {}
    for side, indices in members:
        for index in indices:
            for word in set(texts[side, index].split(" ")):
                postings.setdefault(word, ([], []))[side].append(index)
    common = {w for w, (a, b) in postings.items() if len(a) + len(b) > COMMON_WORD}
    pairs: set[tuple[int, int]] = set()
    for side, indices in members:
        for index in indices:
            shared: Counter[int] = Counter()
            for word in set(texts[side, index].split(" ")) - common:
                shared.update(postings[word][1 - side])
            best = heapq.nsmallest(
                SHORTLIST, shared.items(), key=lambda kv: (-kv[1], content[1 - side, kv[0]])
            )
            pairs |= {(index, other) if side == 0 else (other, index) for other, _ in best}
    keys: tuple[dict[tuple[int, int], Any], ...] = (texts, totals)
    for key in keys:
        merged = sorted(
            [(key[0, i], content[0, i], 0, i) for i in in_old]
            + [(key[1, j], content[1, j], 1, j) for j in in_new]
        )
        for a, b in _nearest_by_position(merged, lambda item: int(item[2]), CANDIDATES):
            pairs.add((merged[a][3], merged[b][3]) if merged[a][2] == 0 else (merged[b][3], merged[a][3]))
    return pairs


def _similar_names(
    old: Sequence[Row],
    new: Sequence[Row],
    old_keys: _NameKeys,
    new_keys: _NameKeys,
    olds: list[int],
    news: list[int],
    counts: dict[str, int] | None = None,
) -> set[tuple[int, int]]:
    """Pairs that may be one row renamed: in the same group, names similar enough (at least
    :data:`FUZZY_NAME_SCORE`) — for each row the :data:`CANDIDATES` most similar of the other side
    (ties by content), found both ways so that the set does not depend on which side is old; in
    different groups, the same figures. In a group of more than :data:`EXACT_PAIRS` pairs only the
    pairs :func:`_blocked_pairs` proposes are scored. ``counts["similar-compared"]`` counts the
    names compared."""
    from rapidfuzz import fuzz, process

    counts = counts if counts is not None else {}

    def tokens(key: str) -> str:  # token_sort_ratio is the ratio of the sorted tokens
        return " ".join(sorted(key.split(" ")))

    def best(
        queries: list[int], q_keys: _NameKeys, choices: list[int], c_keys: _NameKeys, rows: Sequence[Row]
    ) -> Iterable[tuple[int, int]]:
        # choices in content order: rapidfuzz breaks a tie by position, so by content here
        ordered = sorted(choices, key=lambda c: (c_keys[c], _content(rows[c])))
        texts = [tokens(c_keys[c]) for c in ordered]
        counts["similar-compared"] = counts.get("similar-compared", 0) + len(queries) * len(texts)
        for q in queries:
            found = process.extract(
                tokens(q_keys[q]),
                texts,
                scorer=fuzz.ratio,
                processor=None,
                limit=CANDIDATES,
                score_cutoff=FUZZY_NAME_SCORE,
            )
            for _, _, position in found:
                yield q, ordered[position]

    def best_of_blocks(in_old: list[int], in_new: list[int]) -> set[tuple[int, int]]:
        texts = {(0, i): tokens(old_keys[i]) for i in in_old} | {(1, j): tokens(new_keys[j]) for j in in_new}
        content = {(0, i): _content(old[i]) for i in in_old} | {(1, j): _content(new[j]) for j in in_new}
        totals = {(0, i): old[i].total for i in in_old} | {(1, j): new[j].total for j in in_new}
        proposed = _blocked_pairs(texts, totals, content, in_old, in_new)
        counts["similar-compared"] = counts.get("similar-compared", 0) + len(proposed)
        scored: dict[tuple[int, int], list[tuple[float, str, tuple[int, int]]]] = {}
        for i, j in proposed:
            score = fuzz.ratio(texts[0, i], texts[1, j], processor=None, score_cutoff=FUZZY_NAME_SCORE)
            if score:
                scored.setdefault((0, i), []).append((-score, content[1, j], (i, j)))
                scored.setdefault((1, j), []).append((-score, content[0, i], (i, j)))
        out: set[tuple[int, int]] = set()
        for found in scored.values():
            out |= {pair for _, _, pair in sorted(found)[:CANDIDATES]}
        return out

    # blocked by group: a renamed row is looked for in its own group; across groups only a row
    # with the same figures (a renamed row that also moved)
    pairs: set[tuple[int, int]] = set()
    sections = {old[i].section for i in olds} | {new[j].section for j in news}
    for section in sorted(sections):
        in_old = [i for i in olds if old[i].section == section]
        in_new = [j for j in news if new[j].section == section]
        if not (in_old and in_new):
            continue
        if len(in_old) * len(in_new) <= EXACT_PAIRS:
            pairs |= set(best(in_old, old_keys, in_new, new_keys, new))
            pairs |= {(i, j) for j, i in best(in_new, new_keys, in_old, old_keys, old)}
        else:
            pairs |= best_of_blocks(in_old, in_new)
    by_figures: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}
    for i in olds:
        by_figures.setdefault(_amount_vector(old[i], sorted(old[i].years)), ([], []))[0].append(i)
    for j in news:
        by_figures.setdefault(_amount_vector(new[j], sorted(new[j].years)), ([], []))[1].append(j)
    for same_old, same_new in by_figures.values():
        if same_old and same_new and len(same_old) * len(same_new) <= CANDIDATES * CANDIDATES:
            pairs |= {(i, j) for i in same_old for j in same_new if old[i].section != new[j].section}
    return pairs


def _figures_key(row: Row) -> tuple[Any, ...] | None:
    """A row's money as a key: its total, its non-zero yearly amounts and other amount columns (a
    year one side's period lacks and a year of 0 are the same) and a project's security part.
    ``None`` when the figures cannot tell which row this is: all zero (every empty row has them),
    or an amount cell that could not be read (its 0 is no figure)."""
    attt = row.attt if isinstance(row, Project) else None
    if row.unreadable and row.unreadable & (row.amount_fields | {"attt"}):
        return None
    years = tuple(sorted((y, v) for y, v in row.years.items() if v))
    columns = tuple(sorted((k, v) for k, v in row.columns.items() if v))
    if not (row.total or years or columns or attt):
        return None
    return (row.total, years, columns, attt or 0)


def _same_figures(
    old: Sequence[Row], new: Sequence[Row], olds: list[int], news: list[int]
) -> Iterable[tuple[int, int]]:
    """Rows ``olds`` and ``news`` paired by their figures (:func:`_figures_key`), hashed: linear in
    the rows. Only a pair that is alone with its figures on both sides: when several unpaired rows
    of a side hold the same figures (two projects of 10,000 in five parts of 2,000), the figures do
    not say which became which — pairing one of them would be a guess, so none is paired here."""
    by_key: dict[tuple[Any, ...], tuple[list[int], list[int]]] = {}
    for side, rows, indices in ((0, old, olds), (1, new, news)):
        for index in indices:
            key = _figures_key(rows[index])
            if key is not None:
                by_key.setdefault(key, ([], []))[side].append(index)
    for same_old, same_new in by_key.values():
        if len(same_old) == 1 and len(same_new) == 1:
            yield same_old[0], same_new[0]


_ID, _NAME = operator.attrgetter("id"), operator.attrgetter("name")


class _NameKeys:
    """The name keys of rows, each made when first asked for: most rows are paired by id with the
    same name as written, and never need one."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.keys: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        key = self.keys.get(index)
        if key is None:
            key = self.keys[index] = name_key(self.rows[index].name)
        return key


def match_rows(
    old: Sequence[Row], new: Sequence[Row], stats: dict[str, int] | None = None
) -> tuple[list[tuple[int, int, Match, int | None]], list[int], list[int]]:
    """Pair rows one to one: ``(pairs (old index, new index, how, score), unpaired old, unpaired
    new)``. See the module docstring for the tiers. ``stats``, when given, counts the candidate
    pairs each tier scored (the work is bounded by the number of rows, not its square)."""
    old_keys, new_keys = _NameKeys(old), _NameKeys(new)
    free_old = set(range(len(old)))
    free_new = set(range(len(new)))
    pairs: list[tuple[int, int, Match, int | None]] = []
    counts = stats if stats is not None else {}

    def assign(tier: str, candidates: Iterable[_Candidate]) -> None:
        """Pair the candidates best first. A candidate alone on both its rows is paired whatever
        the order; only those that compete for a row are ordered."""
        listed = list(candidates)
        counts[tier] = counts.get(tier, 0) + len(listed)
        olds = Counter(c.i for c in listed)
        news = Counter(c.j for c in listed)
        contested = [c for c in listed if olds[c.i] > 1 or news[c.j] > 1]
        counts[f"{tier}-contested"] = counts.get(f"{tier}-contested", 0) + len(contested)
        alone = (c for c in listed if olds[c.i] == 1 and news[c.j] == 1)
        for c in itertools.chain(alone, sorted(contested, key=lambda c: c.order(old[c.i], new[c.j]))):
            if c.i in free_old and c.j in free_new:
                free_old.discard(c.i)
                free_new.discard(c.j)
                pairs.append((c.i, c.j, c.match, c.score))

    def grouped(key_old: Callable[[int], str], key_new: Callable[[int], str]) -> Iterable[tuple[int, int]]:
        """Candidate pairs of free rows with the same key, bounded per row."""
        by_key: dict[str, tuple[list[int], list[int]]] = {}
        for i in sorted(free_old):
            by_key.setdefault(key_old(i), ([], []))[0].append(i)
        for j in sorted(free_new):
            by_key.setdefault(key_new(j), ([], []))[1].append(j)
        for olds, news in by_key.values():
            if olds and news:
                yield from _nearest(old, new, olds, news)

    # 1. same id, same name. First the common pair — the only row of its id on each side, under
    #    the same name — paired at once: alone on both its rows, any order pairs it.
    #    Column by column: the ids and names of each side read once, the ids counted once.
    old_id, new_id = list(map(_ID, old)), list(map(_ID, new))
    old_name, new_name = list(map(_NAME, old)), list(map(_NAME, new))
    # the row of each id on the new side (the last, for an id on several: those are left out below)
    new_at = dict(zip(new_id, range(len(new_id)), strict=True))
    common = [(i, j) for i, j in enumerate(map(new_at.get, old_id)) if j is not None]
    if len(new_at) < len(new_id) or len(set(old_id)) < len(old_id):  # an id on more than one row
        old_ids, new_ids = Counter(old_id), Counter(new_id)
        common = [(i, j) for i, j in common if old_ids[old_id[i]] == 1 and new_ids[old_id[i]] == 1]
    first = [(i, j) for i, j in common if old_name[i] == new_name[j] or old_keys[i] == new_keys[j]]
    free_old.difference_update(i for i, _ in first)
    free_new.difference_update(j for _, j in first)
    pairs.extend((i, j, "id", None) for i, j in first)
    if first:
        counts["id"] = counts.get("id", 0) + len(first)
    assign(
        "id",
        (
            _Candidate(
                _by_amounts,
                i,
                j,
                "id",
                None,
            )
            for i, j in grouped(lambda i: old[i].id, lambda j: new[j].id)
            if old[i].name == new[j].name or old_keys[i] == new_keys[j]
        ),
    )

    # 2. same name, any id: renumbered (or moved) rows
    assign(
        "name",
        (
            _Candidate(
                _by_group_and_amounts,
                i,
                j,
                "name",
                None,
            )
            for i, j in grouped(lambda i: old_keys[i], lambda j: new_keys[j])
        ),
    )

    def combined(i: int, j: int) -> tuple[Decimal, Decimal, Decimal]:
        name = _name_similarity(old_keys[i], new_keys[j])
        amounts = _amount_similarity(old[i], new[j])
        return name, amounts, NAME_WEIGHT * name + (1 - NAME_WEIGHT) * amounts

    # 3. same id, another name: a rename when the amounts or the similarity support it
    third = []
    for i, j in list(grouped(lambda i: old[i].id, lambda j: new[j].id)):
        name, amounts, score = combined(i, j)
        if amounts == 100 or score >= ID_RENAME_SCORE:
            third.append(_Candidate(_by_score(score), i, j, "id", round(score)))
    assign("rename", third)

    # 4. identical figures, whatever the id, number, name and group: pairs unique on both sides
    assign(
        "figures",
        (
            _Candidate(_by_content, i, j, "figures", None)
            for i, j in _same_figures(old, new, sorted(free_old), sorted(free_new))
        ),
    )

    # 5. similar names and amounts, best first
    fourth = []
    similar = sorted(_similar_names(old, new, old_keys, new_keys, sorted(free_old), sorted(free_new), counts))
    counts["similar-scored"] = counts.get("similar-scored", 0) + len(similar)
    for i, j in similar:
        name, amounts, score = combined(i, j)
        if name >= FUZZY_NAME_SCORE and score >= FUZZY_SCORE:
            fourth.append(_Candidate(_by_score(score), i, j, "similar", round(score)))
    assign("similar", fourth)

    return pairs, sorted(free_old), sorted(free_new)


def _rows_diff(
    appendix: Appendix,
    old: Sequence[Row],
    new: Sequence[Row],
    named: tuple[AbstractSet[str], AbstractSet[str]] | None = None,
) -> tuple[RowsDiff, dict[str, str], dict[str, str]]:
    """The diff of one appendix, and for each side a map id -> a side-independent identity token
    (used to compare findings about the same row under different ids): of every row, or of the
    rows whose id is in ``named`` (old side, new side) — the ids the findings name."""
    pairs, free_old, free_new = match_rows(old, new)
    prefix = appendix.id
    old_tokens: dict[str, str] = {}
    new_tokens: dict[str, str] = {}
    differing = []
    for i, j, match, score in sorted(pairs, key=lambda p: p[1]):
        a, b = old[i], new[j]
        if named is None or a.id in named[0] or b.id in named[1]:
            token = f"{prefix}#{a.id}>{b.id}"  # one per pair (a swap of two ids makes two pairs)
            old_tokens[a.id] = token
            new_tokens[b.id] = token
        changes = _changes(a, b)
        if changes or a.id != b.id or a.tt != b.tt:
            differing.append(RowPair(RowRef.of(a), RowRef.of(b), match, score, changes))
    for i in free_old:
        old_tokens.setdefault(old[i].id, f"{prefix}-{old[i].id}")
    for j in free_new:
        new_tokens.setdefault(new[j].id, f"{prefix}+{new[j].id}")
    diff = RowsDiff(
        appendix.id,
        appendix.label(),
        appendix.kind,
        added=tuple(RowRef.of(new[j]) for j in free_new),
        removed=tuple(RowRef.of(old[i]) for i in free_old),
        pairs=tuple(differing),
        names=Words(appendix.label("en"), appendix.label("vi")),
    )
    return diff, old_tokens, new_tokens


# ---------------------------------------------------------------------------------------------
# Totals and the security share


#: the sums of a scope: years, total column, over the period, whole?
Sums = tuple[dict[int, int], int, int, bool]


def _figures(plan: Plan, appendix_id: str, section: str | None, years: Sequence[int]) -> Sums | None:
    """The yearly amounts, the total column and the amount over the period of an appendix (or of
    one of its groups), added up; ``None`` when that side has no such appendix."""
    appendix = plan.appendix(appendix_id)
    if appendix is None:
        return None
    totals = table_totals(plan, appendix)  # once per plan, in one pass over the rows
    if section is None:
        amounts = totals.amounts
    else:
        group = next((g for g in totals.groups if g.id == section), None)
        amounts = group.amounts if group is not None else add_up((), appendix, plan.years)
    # a year outside this side's period has no figure, not 0
    by_year = {y: amounts.years.get(y, 0) for y in years if y in plan.years}
    return by_year, amounts.total, amounts.period, appendix.row_total == "whole"


def _line(
    key: str,
    label: Message,
    old: Sums | None,
    new: Sums | None,
    years: Sequence[int],
) -> TotalsLine:
    def part(figures: Sums | None, index: int) -> Any:
        return None if figures is None else figures[index]

    whole = any(f is not None and f[3] for f in (old, new))
    return TotalsLine(
        key,
        label.render("en"),
        {
            y: Change(None if old is None else old[0].get(y), None if new is None else new[0].get(y))
            for y in years
        },
        Change(part(old, 1), part(new, 1)),
        Change(part(old, 2), part(new, 2)) if whole else None,
        title=label,
    )


def _appendices(old: Plan, new: Plan) -> list[Appendix]:
    """The appendices of either side, by id: the new side's, then those only the old side has."""
    seen: dict[str, Appendix] = {}
    for plan in (new, old):
        for appendix in plan.appendices:
            seen.setdefault(appendix.id, appendix)
    return list(seen.values())


def _group_ids(old: Plan, new: Plan, appendix_id: str) -> list[tuple[str, str]]:
    """(group id, title) of an appendix on either side, the new side's order first; a section
    used by rows but not declared is listed after the declared ones. A table without groups on
    both sides has no group lines."""
    seen: dict[str, str] = {}
    for plan in (new, old):
        appendix = plan.appendix(appendix_id)
        for group in appendix.groups if appendix else []:
            seen.setdefault(group.id, group.title)
    for plan in (new, old):
        for row in plan.rows(appendix_id):
            seen.setdefault(row.section, "")
    if list(seen) == [""]:
        return []
    return list(seen.items())


def _grand(plan: Plan, years: Sequence[int]) -> Sums | None:
    """The grand total: the yearly amounts of the appendices it adds up (a part no table itemises
    has no yearly split), and the grand total itself; ``None`` when plan.yaml states none."""
    if plan.meta.grand_total is None:
        return None
    figures = grand_total(plan)
    by_year = dict.fromkeys((y for y in years if y in plan.years), 0)
    for appendix_id in figures.appendices:
        found = _figures(plan, appendix_id, None, years)
        for year, amount in (found[0] if found else {}).items():
            by_year[year] = by_year.get(year, 0) + amount
    computed: Any = NOT_COMPUTABLE if figures.computed is None else figures.computed
    return by_year, computed, computed, False


def totals(old: Plan, new: Plan, years: Sequence[int]) -> tuple[TotalsLine, ...]:
    lines: list[TotalsLine] = []
    for appendix in _appendices(old, new):
        name = Words(appendix.label("en"), appendix.label("vi"))
        for group, title in _group_ids(old, new, appendix.id):
            label = Message(
                "diff.group-titled" if title else "diff.group", appendix=name, group=group, title=title or ""
            )
            lines.append(
                _line(
                    f"{appendix.id}:{group}",
                    label,
                    _figures(old, appendix.id, group, years),
                    _figures(new, appendix.id, group, years),
                    years,
                )
            )
        lines.append(
            _line(
                appendix.id,
                Message("diff.appendix", appendix=name),
                _figures(old, appendix.id, None, years),
                _figures(new, appendix.id, None, years),
                years,
            )
        )
    lines.append(_line("grand", Message("diff.grand-total"), _grand(old, years), _grand(new, years), years))
    return tuple(lines)


def security(old: Plan, new: Plan, years: Sequence[int]) -> tuple[ShareChange, ...]:
    """The shares of the scopes the plan's security rule covers on either side (a side without
    that rule, or without the scope, has ``None``)."""
    a, b = security_account(old), security_account(new)

    def scopes(plan: Plan) -> set[str]:
        policy = plan.meta.security_policy
        return set(policy.scopes) if policy else set()

    old_scopes, new_scopes = scopes(old), scopes(new)
    out = []
    if "period" in old_scopes | new_scopes:
        out.append(
            ShareChange(
                "period",
                a.period if a and "period" in old_scopes else None,
                b.period if b and "period" in new_scopes else None,
                "period" in old_scopes,
                "period" in new_scopes,
            )
        )
    if "year" in old_scopes | new_scopes:
        out.extend(
            ShareChange(
                str(y),
                a.years.get(y) if a and "year" in old_scopes else None,
                b.years.get(y) if b and "year" in new_scopes else None,
                "year" in old_scopes,
                "year" in new_scopes,
            )
            for y in years
        )
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Targets


def _statements(kpi: Kpi) -> dict[tuple[str, int], Mapping[int, Target]]:
    """The statements of an indicator keyed by (where, occurrence of that where)."""
    seen: Counter[str] = Counter()
    out: dict[tuple[str, int], Mapping[int, Target]] = {}
    for statement in kpi.statements:
        where = statement.source.where
        out[(where, seen[where])] = statement.targets
        seen[where] += 1
    return out


def kpi_diff(old: Plan, new: Plan) -> KpiDiff:
    old_kpis = {k.id: k for k in old.meta.kpis}
    new_kpis = {k.id: k for k in new.meta.kpis}
    added = tuple(k for k in new_kpis if k not in old_kpis)
    removed = tuple(k for k in old_kpis if k not in new_kpis)
    fields: list[tuple[str, str, Change]] = []
    targets: list[TargetChange] = []
    for kid, b in new_kpis.items():
        a = old_kpis.get(kid)
        if a is None:
            continue
        for name in ("label", "unit", "kind", "direction"):
            if getattr(a, name) != getattr(b, name):
                fields.append((kid, name, Change(getattr(a, name), getattr(b, name))))
        sa, sb = _statements(a), _statements(b)
        for key in [*sb, *(k for k in sa if k not in sb)]:
            ta, tb = sa.get(key, {}), sb.get(key, {})
            for year in sorted(set(ta) | set(tb)):
                old_t, new_t = ta.get(year), tb.get(year)
                if old_t == new_t:
                    continue
                weaker = old_t is not None and new_t is not None and weakened(b.direction, old_t, new_t)
                targets.append(TargetChange(kid, b.label, b.unit, key[0], year, old_t, new_t, weaker))
    return KpiDiff(added, removed, tuple(fields), tuple(targets))


# ---------------------------------------------------------------------------------------------
# plan.yaml values


def _flatten(value: Any, path: str, out: dict[str, Value]) -> None:
    import datetime as dt

    if isinstance(value, Mapping):
        if not value and path:
            out[path] = "{}"
        for key, item in value.items():
            _flatten(item, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list | tuple):
        if value and all(isinstance(v, Mapping) for v in value):
            for name in ("id", "unit"):
                keys = [v.get(name) for v in value]
                if all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys):
                    for key, item in zip(keys, value, strict=True):
                        _flatten(item, f"{path}.{key}", out)
                    return
            for index, item in enumerate(value):
                _flatten(item, f"{path}.{index}", out)
        else:
            out[path] = "[" + ", ".join(str(v) for v in value) + "]"
    elif isinstance(value, dt.date):
        out[path] = value.isoformat()
    elif value is None or isinstance(value, str | int | Decimal | bool):
        out[path] = value
    else:
        out[path] = str(value)


def _claim_fields(claim: Claim) -> dict[str, str]:
    """A claim as its figures read in the document: ``parts`` as '39 + 29 + 02'."""
    fields = {"label": claim.label, "kind": claim.kind, "where": claim.source.where}
    if claim.total is not None:
        fields["total"] = claim.total.printed
    if claim.parts:
        fields["parts"] = " + ".join(p.printed for p in claim.parts)
    for name in ("numerator", "denominator", "percent"):
        figure = getattr(claim, name)
        if figure is not None:
            fields[name] = figure.printed
    return fields


def claims_diff(old: Plan, new: Plan) -> ClaimsDiff:
    """Claims matched by id; a changed claim lists each figure old → new."""
    a = {c.id: c for c in old.meta.claims}
    b = {c.id: c for c in new.meta.claims}
    changed: list[tuple[str, str, Change]] = []
    for cid, claim in b.items():
        if cid not in a:
            continue
        before, after = _claim_fields(a[cid]), _claim_fields(claim)
        for name in [*after, *(k for k in before if k not in after)]:
            if before.get(name) != after.get(name):
                changed.append((cid, name, Change(before.get(name), after.get(name))))
    return ClaimsDiff(
        added=tuple(c for c in b if c not in a),
        removed=tuple(c for c in a if c not in b),
        changed=tuple(changed),
    )


def meta_diff(old: Plan, new: Plan) -> tuple[MetaChange, ...]:
    """plan.yaml values that changed, targets and claims aside (see :func:`kpi_diff`,
    :func:`claims_diff`)."""
    a: dict[str, Value] = {}
    b: dict[str, Value] = {}
    _flatten(old.meta.model_dump(mode="python", exclude={"kpis", "claims"}), "", a)
    _flatten(new.meta.model_dump(mode="python", exclude={"kpis", "claims"}), "", b)
    keys = [*b, *(k for k in a if k not in b)]
    return tuple(MetaChange(k, Change(a.get(k), b.get(k))) for k in keys if a.get(k) != b.get(k))


# ---------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class _Tokens:
    """For one side, a side-independent identity token for each row: by (appendix file, id), and by
    id alone where the id is unique on that side (a finding's ids name a row by its id; its file
    tells which appendix, where ids repeat across appendices)."""

    by_file: Mapping[tuple[str, str], str]
    by_id: Mapping[str, str]

    @classmethod
    def of(cls, appendices: list[tuple[str, dict[str, str]]]) -> _Tokens:
        by_file = {(file, row_id): token for file, tokens in appendices for row_id, token in tokens.items()}
        seen = Counter(row_id for _, tokens in appendices for row_id in tokens)
        by_id = {
            row_id: token for _, tokens in appendices for row_id, token in tokens.items() if seen[row_id] == 1
        }
        return cls(by_file, by_id)

    def get(self, file: str, text: str) -> str:
        return self.by_file.get((file, text)) or self.by_id.get(text, text)


def _finding_identity(finding: Finding, tokens: _Tokens) -> str:
    """A finding's identity independent of the side: :meth:`Finding.key` with row ids replaced by
    the identity of the row across the revisions. A load problem (DAT001), whose key holds its
    line, is identified by file, field, message and value instead."""
    import posixpath

    def plain(text: str) -> str:
        return tokens.get(finding.location.file, text)

    if finding.code == "DAT001":
        loc = finding.location
        return "|".join(
            [
                finding.code,
                posixpath.basename(loc.file),
                loc.field or "",
                finding.text("en"),
                finding.extra.get("value", ""),
            ]
        )
    parts = [finding.code, *(plain(i) for i in finding.ids)]
    if finding.detail:
        parts.append(f"@{finding.detail}")
    return "|".join(parts)


def findings_diff(
    old: Sequence[Finding],
    new: Sequence[Finding],
    identify_old: Callable[[Finding], str],
    identify_new: Callable[[Finding], str],
) -> FindingsDiff:
    """Findings compared by identity: those of one side only are introduced or resolved; a finding
    of both sides (the k-th of an identity on one side with the k-th on the other, in report order)
    is worsened, improved or unchanged as :func:`plan272.findings.trend` says of its figures. Each
    list keeps its side's report order (worsened and improved the new side's)."""
    old_by: dict[str, list[Finding]] = {}
    for f in old:
        old_by.setdefault(identify_old(f), []).append(f)
    new_count = Counter(identify_new(f) for f in new)
    introduced: list[Finding] = []
    worsened: list[FindingChange] = []
    improved: list[FindingChange] = []
    unchanged = 0
    seen: Counter[str] = Counter()
    for f in new:
        key = identify_new(f)
        olds = old_by.get(key, [])
        index = seen[key]
        seen[key] += 1
        if index >= len(olds):
            introduced.append(f)
            continue
        change = FindingChange(olds[index], f)
        way = change.trend
        if way == "worse":
            worsened.append(change)
        elif way == "better":
            improved.append(change)
        else:
            unchanged += 1
    resolved: list[Finding] = []
    taken: Counter[str] = Counter()
    for f in old:
        key = identify_old(f)
        taken[key] += 1
        if taken[key] > new_count[key]:
            resolved.append(f)
    return FindingsDiff(tuple(introduced), tuple(resolved), unchanged, tuple(worsened), tuple(improved))


# ---------------------------------------------------------------------------------------------


@exact
@paused
def diff_plans(old: Plan, new: Plan, old_report: Report | None, new_report: Report | None) -> PlanDiff:
    """Everything the revision ``old`` → ``new`` changes. The reports are the findings the same
    rules give on each side (``engine.run``); ``None`` compares no findings."""
    years = tuple(sorted(set(old.years) | set(new.years)))
    old_found = list(old_report.findings) if old_report else []
    new_found = list(new_report.findings) if new_report else []
    # the rows whose identity across the revisions is asked for: those the findings name
    named = ({i for f in old_found for i in f.ids}, {i for f in new_found for i in f.ids})
    tables = []
    old_sides: list[tuple[str, dict[str, str]]] = []
    new_sides: list[tuple[str, dict[str, str]]] = []
    for appendix in _appendices(old, new):
        old_rows, new_rows = old.rows(appendix.id), new.rows(appendix.id)
        table, a_tokens, b_tokens = _rows_diff(appendix, old_rows, new_rows, named)
        tables.append(table)
        # rows name their file: the appendix's file on that side
        if old_rows:
            old_sides.append((old_rows[0].location.file, a_tokens))
        if new_rows:
            new_sides.append((new_rows[0].location.file, b_tokens))
    old_tokens, new_tokens = _Tokens.of(old_sides), _Tokens.of(new_sides)
    # a rule that could not check on one side neither resolves nor introduces its findings there
    unchecked_old = {f.code for f in old_found if f.ids[:1] == ("not-checked",)}
    unchecked_new = {f.code for f in new_found if f.ids[:1] == ("not-checked",)}
    old_found = [f for f in old_found if f.code not in unchecked_new or f.ids[:1] == ("not-checked",)]
    new_found = [f for f in new_found if f.code not in unchecked_old or f.ids[:1] == ("not-checked",)]
    found = findings_diff(
        old_found,
        new_found,
        lambda f: _finding_identity(f, old_tokens),
        lambda f: _finding_identity(f, new_tokens),
    )
    # totals and shares over an appendix one side could not read completely would compare a wrong
    # figure with a right one: they are not compared (the renderers say why)
    comparable = not (old.incomplete or new.incomplete)
    return PlanDiff(
        tables=tuple(tables),
        totals=totals(old, new, years) if comparable else (),
        security=security(old, new, years) if comparable else (),
        kpis=kpi_diff(old, new),
        claims=claims_diff(old, new),
        meta=meta_diff(old, new),
        findings=found,
        years=years,
        incomplete_old=tuple(sorted(old.incomplete)),
        incomplete_new=tuple(sorted(new.incomplete)),
    )
