"""Wording and number formats the diff renderers share (text, markdown): plain strings, no markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from plan272.diff import Change, PlanDiff, RowPair, RowsDiff, ShareChange, Value
from plan272.figures import Share, percent_text

KIND_PLURAL = {"projects": "projects", "units": "units", "lines": "budget lines"}
TOTAL_FIELD = {"projects": "TMĐT", "units": "total", "lines": "total"}


def table_title(rows: RowsDiff) -> str:
    """``Projects (Appendix I)``: the kind of rows and the appendix's name."""
    return f"{KIND_PLURAL[rows.kind].capitalize()} ({rows.name})"


def money(value: int) -> str:
    return f"{value:,}"


def amount_text(value: object) -> str:
    """A total as shown: the figure, ``—`` where the side has no such scope, ``?`` where it cannot
    be computed."""
    if value is None:
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return money(value)
    return "?"


def delta_of(change: Change) -> str:
    """The signed difference of two totals; blank when a side has no figure."""
    if not isinstance(change.old, int) or not isinstance(change.new, int):
        return ""
    return signed(change.new - change.old)


def signed(value: int | Decimal) -> str:
    """``+1,000``, ``-1,000``, ``0``."""
    if value == 0:
        return "0"
    return f"{value:+,}"


def value_text(value: Value) -> str:
    """A field value as shown: numbers with separators, absent as ``—``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return money(value)
    return str(value)


def delta_text(change: Change) -> str:
    delta = change.delta
    return "" if delta is None else signed(delta)


def field_label(kind: str, name: str) -> str:
    if name.startswith("y") and name[1:].isdigit():
        return name[1:]
    if name == "tmdt":
        return "TMĐT"
    return name


def share_text(share: Share | None) -> str:
    return "—" if share is None else percent_text(share.shown)


def points(change: ShareChange) -> str:
    """The change of a share in percentage points, ``+6.41 pts``, between the percentages as shown
    (rounded to 2 places), so the figures on screen add up; blank when not comparable."""
    old, new = change.old, change.new
    if old is None or new is None or old.shown is None or new.shown is None:
        return ""
    delta = new.shown - old.shown
    if delta == 0:
        return "0 pts"
    return f"{delta:+} pts"


def share_status(change: ShareChange) -> str:
    new = change.new
    if change.crossing == "below":
        return f"now BELOW the minimum {new.minimum_percent if new else ''}%"
    if change.crossing == "above":
        return f"now meets the minimum {new.minimum_percent if new else ''}%"
    if new is None:
        return "no security rule for this on the new side" if not change.new_rule else "not in the new period"
    if change.old is None:
        return "no security rule for this on the old side" if not change.old_rule else "new in the period"
    if new.verdict == "none":
        return "no funding: nothing to check"
    if new.verdict == "unknown":
        return (
            f"undecided: between {percent_text(new.percent)} and {percent_text(new.upper_percent)} "
            f"against the minimum {new.minimum_percent}%"
        )
    again = " (as before)" if change.old.verdict == new.verdict else ""
    return f"{'meets' if new.ok else 'below'} the minimum {new.minimum_percent}%{again}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def rows_summary(rows: RowsDiff) -> str:
    """``1 added, 1 moved, 25 renumbered`` or ``unchanged``. A row counts once per aspect:
    *changed* are changes beyond a move or a rename, *renumbered* rows with nothing else changed."""
    # a spelling-only change of the name (case, tone marks) is not a rename: it counts as changed
    changed = [p for p in rows.pairs if set(p.changes) - {"section"} - ({"name"} if p.renamed else set())]
    parts = []
    for label, items in (
        ("added", rows.added),
        ("removed", rows.removed),
        ("moved", rows.moved),
        ("renamed", rows.renamed),
        ("changed", changed),
        ("renumbered", rows.renumbered_only),
    ):
        if items:
            parts.append(f"{len(items)} {label}")
    return ", ".join(parts) if parts else "unchanged"


def targets_summary(diff: PlanDiff) -> str:
    k = diff.kpis
    if k.empty:
        return "unchanged"
    parts = []
    if k.added:
        parts.append(f"{len(k.added)} indicator{'s' if len(k.added) != 1 else ''} added")
    if k.removed:
        parts.append(f"{len(k.removed)} indicator{'s' if len(k.removed) != 1 else ''} removed")
    if k.targets:
        weaker = sum(1 for t in k.targets if t.weakened)
        parts.append(
            plural(len(k.targets), "target") + " changed" + (f" ({weaker} weaker)" if weaker else "")
        )
    if k.fields:
        parts.append(plural(len(k.fields), "indicator field") + " changed")
    return ", ".join(parts)


def findings_summary(diff: PlanDiff) -> str:
    f = diff.findings
    return f"{len(f.introduced)} introduced, {len(f.resolved)} resolved, {f.unchanged} unchanged"


def years_line(years: Mapping[int, int], total: int, kind: str) -> str:
    """``TMĐT 5,000 · 2021 1,000 · 2022 4,000 …``"""
    items = " · ".join(f"{y} {money(v)}" for y, v in sorted(years.items()))
    return f"{TOTAL_FIELD[kind]} {money(total)}" + (f" · {items}" if items else "")


def _numbered(identifier: str) -> tuple[str, int] | None:
    import re

    match = re.fullmatch(r"(.*?)(\d+)", identifier)
    return (match.group(1), int(match.group(2))) if match else None


def renumbering(pairs: Sequence[RowPair]) -> list[str]:
    """Renumberings as short items; a run of consecutive ids shifted alike is one item
    (``III.5…III.29 → III.6…III.30``)."""
    items: list[str] = []
    run: list[RowPair] = []

    def flush() -> None:
        if len(run) >= 3:
            items.append(f"{run[0].old.id}…{run[-1].old.id} → {run[0].new.id}…{run[-1].new.id}")
        else:
            items.extend(f"{p.old.id} → {p.new.id}" for p in run)
        run.clear()

    for pair in pairs:
        if pair.old.id == pair.new.id:
            flush()
            items.append(f"{pair.new.id} (tt {pair.old.tt} → {pair.new.tt})")
            continue
        if run:
            a, b = _numbered(run[-1].old.id), _numbered(run[-1].new.id)
            x, y = _numbered(pair.old.id), _numbered(pair.new.id)
            follows = (
                a is not None
                and b is not None
                and x is not None
                and y is not None
                and (x[0], y[0]) == (a[0], b[0])
                and (x[1], y[1]) == (a[1] + 1, b[1] + 1)
            )
            if not follows:
                flush()
        run.append(pair)
    flush()
    return items


def claims_summary(diff: PlanDiff) -> str:
    k = diff.claims
    if k.empty:
        return "unchanged"
    parts = []
    if k.added:
        parts.append(f"{len(k.added)} added")
    if k.removed:
        parts.append(f"{len(k.removed)} removed")
    changed = len({cid for cid, _, _ in k.changed})
    if changed:
        parts.append(f"{changed} changed")
    return ", ".join(parts)


def incomplete_warning(diff: PlanDiff, old: str, new: str) -> str | None:
    """A warning when a side could not be read completely (its totals and shares are incomplete)."""
    names = {t.appendix: t.name for t in diff.tables}
    parts = [
        f"{' and '.join(names.get(a, a) for a in appendices)} of {side}"
        for side, appendices in ((old, diff.incomplete_old), (new, diff.incomplete_new))
        if appendices
    ]
    if not parts:
        return None
    return (
        f"WARNING: {'; '.join(parts)} could not be read completely (see plan272 validate): totals and "
        "security shares are not compared, and rules that could not check there are left out of the "
        "findings."
    )


def overview(diff: PlanDiff) -> list[tuple[str, str]]:
    """The one-line overview of a diff, aspect by aspect: (label, summary)."""
    return [
        *((rows.name, rows_summary(rows)) for rows in diff.tables),
        ("Targets", targets_summary(diff)),
        ("Stated figures", claims_summary(diff)),
        ("plan.yaml", plural(len(diff.meta), "value") + " changed" if diff.meta else "unchanged"),
        ("Findings", findings_summary(diff)),
    ]
