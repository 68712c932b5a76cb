"""Wording and number formats the diff renderers share (text, markdown): plain strings, no markup,
in the language a view is :func:`~plan272.views.words.speaking` (words from the catalogue, figures in
its notation)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from plan272.diff import Change, FindingChange, PlanDiff, RowPair, RowsDiff, ShareChange, TotalsLine, Value
from plan272.figures import Share
from plan272.messages import Num, Pct
from plan272.model import Target
from plan272.views.lines import plural_s, severity_word
from plan272.views.words import current, number, say


def table_title(rows: RowsDiff) -> str:
    """``Projects (Appendix I)``: the kind of rows and the appendix's name."""
    return say(f"diff.table.{rows.kind}", name=rows.names or rows.name)


def kind_plural(kind: str) -> str:
    """``projects`` / ``dự án``."""
    return say(f"diff.kind.{kind}")


def table_name(rows: RowsDiff) -> str:
    """The appendix's name in the current language."""
    return rows.names.render(current()) if rows.names else rows.name


def line_label(line: TotalsLine) -> str:
    """The scope of a totals line in the current language."""
    return line.title.render(current()) if line.title else line.label


def scope_text(scope: str) -> str:
    """A security scope: ``period`` / ``cả giai đoạn``, or a year."""
    return say("diff.scope.period") if scope == "period" else scope


def money(value: int) -> str:
    return number(value)


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
    return number(value, signed=True)


def value_text(value: Value) -> str:
    """A field value as shown: numbers with separators, absent as ``—``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return say("diff.yes" if value else "diff.no")
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
    key = f"diff.field.{name}"
    from plan272.catalogue import CATALOGUE

    return say(key) if key in CATALOGUE else name


def share_text(share: Share | None) -> str:
    return "—" if share is None else Pct(share.shown).render(current())


def points(change: ShareChange) -> str:
    """The change of a share in percentage points, ``+6.41 pts``, between the percentages as shown
    (rounded to 2 places), so the figures on screen add up; blank when not comparable."""
    old, new = change.old, change.new
    if old is None or new is None or old.shown is None or new.shown is None:
        return ""
    delta = new.shown - old.shown
    return say("diff.points", delta=number(delta, signed=True))


def share_status(change: ShareChange) -> str:
    new = change.new
    minimum = "" if new is None else Num(new.minimum_percent)
    if change.crossing == "below":
        return say("diff.share.now-below", minimum=minimum)
    if change.crossing == "above":
        return say("diff.share.now-meets", minimum=minimum)
    if new is None:
        return say("diff.share.no-rule-new" if not change.new_rule else "diff.share.not-in-new-period")
    if change.old is None:
        return say("diff.share.no-rule-old" if not change.old_rule else "diff.share.new-in-period")
    if new.verdict == "none":
        return say("diff.share.no-funding")
    if new.verdict == "unknown":
        return say("diff.share.undecided", low=Pct(new.percent), high=Pct(new.upper_percent), minimum=minimum)
    again = say("diff.share.as-before") if change.old.verdict == new.verdict else ""
    return say("diff.share.meets" if new.ok else "diff.share.below", minimum=minimum, again=again)


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
            parts.append(say(f"diff.count.{label}", count=len(items)))
    return ", ".join(parts) if parts else say("diff.unchanged")


def targets_summary(diff: PlanDiff) -> str:
    k = diff.kpis
    if k.empty:
        return say("diff.unchanged")
    parts = []
    if k.added:
        parts.append(say("diff.count.indicators-added", count=len(k.added), s=plural_s(len(k.added))))
    if k.removed:
        parts.append(say("diff.count.indicators-removed", count=len(k.removed), s=plural_s(len(k.removed))))
    if k.targets:
        weaker = sum(1 for t in k.targets if t.weakened)
        parts.append(
            say(
                "diff.count.targets-changed",
                count=len(k.targets),
                s=plural_s(len(k.targets)),
                weaker=say("diff.count.weaker", count=weaker) if weaker else "",
            )
        )
    if k.fields:
        parts.append(say("diff.count.indicator-fields", count=len(k.fields), s=plural_s(len(k.fields))))
    return ", ".join(parts)


def findings_summary(diff: PlanDiff) -> str:
    f = diff.findings
    return say(
        "diff.count.findings",
        introduced=len(f.introduced),
        worsened=len(f.worsened),
        improved=len(f.improved),
        resolved=len(f.resolved),
        unchanged=f.unchanged,
    )


def figures_change(change: FindingChange) -> str:
    """How a finding's figures moved, old → new: ``8,182 too little → 23,182 too little (expected
    31,182; found 23,000 → 8,000)``, led by the severity when it changed (``warning → error;``). A
    figure the same on both sides is written once."""
    from plan272.messages import Amount, Off

    old, new = change.old, change.new
    lang = current()
    parts = []
    if change.severity_changed:
        parts.append(
            say(
                "diff.change.severity",
                old=severity_word(old.severity.value, lang),
                new=severity_word(new.severity.value, lang),
            )
        )
    figures = []
    for key, a, b in (("expected", old.expected, new.expected), ("observed", old.observed, new.observed)):
        if a is None and b is None:
            continue
        if a == b and a is not None:
            figures.append(say(f"diff.change.{key}", value=Amount(a)))
        else:
            figures.append(say(f"diff.change.{key}-moved", old=_figure(a), new=_figure(b)))
    if (
        old.expected is not None
        and old.observed is not None
        and new.expected is not None
        and new.observed is not None
    ):
        before, after = Off(old.expected, old.observed), Off(new.expected, new.observed)
        same = before.observed - before.expected == after.observed - after.expected
        gap = before.render(lang) if same else say("diff.change.gap", old=before, new=after)
        parts.append(f"{gap} ({'; '.join(figures)})")
    elif figures:
        parts.append("; ".join(figures))
    return "; ".join(parts)


def _figure(value: int | Decimal | None) -> str:
    return "—" if value is None else number(value)


def years_line(years: Mapping[int, int], total: int, kind: str) -> str:
    """``TMĐT 5,000 · 2021 1,000 · 2022 4,000 …``"""
    items = " · ".join(f"{y} {money(v)}" for y, v in sorted(years.items()))
    field = "TMĐT" if kind == "projects" else say("diff.field.total")
    return f"{field} {money(total)}" + (f" · {items}" if items else "")


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
            items.append(f"{pair.new.id} ({tt_change(pair)})")
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


def tt_change(pair: RowPair) -> str:
    """``tt 3 → 4``: a row's number in its group, old and new."""
    return say("diff.tt", old=str(pair.old.tt), new=str(pair.new.tt))


def claims_summary(diff: PlanDiff) -> str:
    k = diff.claims
    if k.empty:
        return say("diff.unchanged")
    parts = []
    if k.added:
        parts.append(say("diff.count.added", count=len(k.added)))
    if k.removed:
        parts.append(say("diff.count.removed", count=len(k.removed)))
    changed = len({cid for cid, _, _ in k.changed})
    if changed:
        parts.append(say("diff.count.changed", count=changed))
    return ", ".join(parts)


def incomplete_warning(diff: PlanDiff, old: str, new: str) -> str | None:
    """A warning when a side could not be read completely (its totals and shares are incomplete)."""
    from plan272.messages import Each

    names = {t.appendix: table_name(t) for t in diff.tables}
    parts = [
        say(
            "diff.incomplete.side",
            appendices=Each(tuple(names.get(a, a) for a in appendices), "and"),
            side=side,
        )
        for side, appendices in ((old, diff.incomplete_old), (new, diff.incomplete_new))
        if appendices
    ]
    if not parts:
        return None
    return say("diff.incomplete", parts="; ".join(parts))


def overview(diff: PlanDiff) -> list[tuple[str, str]]:
    """The one-line overview of a diff, aspect by aspect: (label, summary)."""
    meta = len(diff.meta)
    return [
        *((table_name(rows), rows_summary(rows)) for rows in diff.tables),
        (say("diff.label.targets"), targets_summary(diff)),
        (say("diff.label.claims"), claims_summary(diff)),
        (
            "plan.yaml",
            say("diff.values-changed", count=meta, s=plural_s(meta)) if meta else say("diff.unchanged"),
        ),
        (say("diff.label.findings"), findings_summary(diff)),
    ]


def target_text(target: Target | None) -> str:
    """A target as the plan states it (``80``, ``≥ 75``, ``20–30``) in the current notation."""
    from plan272.messages import render_arg
    from plan272.rules._kpi import target_text as words

    return "—" if target is None else render_arg(words(target), current())


def unit_text(unit: str) -> str:
    """An indicator's unit as plan.yaml writes it (English), or in Vietnamese."""
    from plan272.i18n import kpi_unit

    return unit if current() == "en" else kpi_unit(unit, "vi")
