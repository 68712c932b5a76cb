"""``plan272 diff --format text``: the revision on one screen, for the terminal.

Sections appear only when they hold something: a one-line overview, the rows of each appendix (added,
removed, changed with each field old → new, renumbered only), totals of the scopes that change,
the security share, targets, plan.yaml values, findings introduced, worsened, improved and resolved
(a finding of both sides whose figures moved: its new text, and its figures old → new).

Text from the data goes to rich as ``Text`` objects, never markup, through :func:`safe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.diff import PlanDiff, RowPair, RowsDiff
from plan272.numbers import format_int
from plan272.safety import safe
from plan272.views.diff import common as c
from plan272.views.lines import plural_s, severity_word
from plan272.views.words import current, say, speaking

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from plan272.findings import Finding
    from plan272.messages import Lang

_SEVERITY = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _t(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(text), style=style)


def render(
    diff: PlanDiff, labels: tuple[str, str], version: str = "", *, lang: Lang = "en", to_file: bool = False
) -> str:
    """The diff as text: coloured on a terminal, plain for a file or a pipe."""
    from plan272.views.console import capture

    with speaking(lang):
        return capture(lambda console: draw(diff, console, *labels), to_file=to_file)


def draw(diff: PlanDiff, console: Console, old: str, new: str) -> None:
    """The diff on ``console``, in the language the view is speaking."""
    from rich.text import Text

    head = Text()
    head.append("plan272 diff ", style="bold")
    head.append(safe(old), style="bold")
    head.append(" → ")
    head.append(safe(new), style="bold")
    console.print(head)
    warning = c.incomplete_warning(diff, old, new)
    if warning:
        console.print(Text(safe(warning), style="bold red"))
    if diff.empty:
        console.print(Text(say("diff.no-differences"), style="bold green"))
        return
    overview = Text()
    for index, (label, value) in enumerate(c.overview(diff)):
        overview.append(" · " if index else "")
        overview.append(safe(f"{label}: "), style="bold")
        overview.append(safe(value))
    console.print(overview)
    for rows in diff.tables:
        if not rows.empty:
            console.print()
            _rows(rows, console)
    _totals(diff, console)
    _security(diff, console)
    _targets(diff, console)
    _claims(diff, console)
    _meta(diff, console)
    _findings(diff, console, old, new)


def _head(lead: Text, body: Text, console: Console) -> None:
    """A line of a list: ``lead`` in a fixed column, ``body`` wrapping beside it."""
    _print(console, head_grid(lead, body))


def head_grid(lead: Text, body: Text) -> Table:
    """The grid of a line of a list (:func:`_head`)."""
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(lead, body)
    return table


def numbers_grid() -> Table:
    """The grid of a changed row's numbers: field, old → new and the difference, aligned."""
    from rich.table import Table

    numbers = Table.grid(padding=(0, 1))
    numbers.add_column(no_wrap=True, min_width=4)
    numbers.add_column(no_wrap=True, style="dim")
    numbers.add_column(justify="right", no_wrap=True)
    numbers.add_column(no_wrap=True)
    numbers.add_column(no_wrap=True)
    numbers.add_column(justify="right", no_wrap=True)
    return numbers


def _print(console: Console, table: Table) -> None:
    """A grid: laid out here when the output is plain (:mod:`plan272.views.plaingrid`), else by rich."""
    from plan272.views.plaingrid import Lines, grid_lines

    lines = grid_lines(console, table)
    console.print(table if lines is None else Lines(lines))


#: the most rows of one appendix the terminal lists (added, removed and changed): a screenful is
#: what a person reads there, and each costs a laid-out block; the machine and review formats
#: (json, markdown) list every one, and the totals are always of all of them
TERMINAL_ROWS = 200


def _rows(rows: RowsDiff, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(_t(c.table_title(rows), "bold underline"))
    changed = [pair for pair in rows.pairs if pair.changed]
    listed = len(rows.added) + len(rows.removed) + len(changed)
    room = TERMINAL_ROWS
    for sign, style, items, verb in (
        ("+", "green", rows.added, say("diff.added")),
        ("-", "red", rows.removed, say("diff.removed")),
    ):
        shown, room = items[: max(room, 0)], room - len(items)
        for row in shown:
            lead = Text(f"{sign} ", style=f"bold {style}")
            lead.append(safe(row.id), style="bold")
            body = _t(f"[{row.section}] ", "dim")
            body.append(safe(row.name))
            body.append(f"  ({verb})", style=style)
            body.append("\n" + safe(c.years_line(row.years, row.total, rows.kind)), style="dim")
            _head(lead, body, console)
    for pair in changed[: max(room, 0)]:
        _head(*_pair_head(pair), console)
        words = Table.grid(padding=(0, 1))  # text fields: old and new on lines of their own
        words.add_column(no_wrap=True, min_width=4)
        words.add_column(no_wrap=True, style="dim")
        words.add_column(no_wrap=True)
        words.add_column(ratio=1)
        numbers = numbers_grid()  # numbers: old → new and the difference, aligned
        for name, change in pair.changes.items():
            if name == "section":
                continue  # shown in the head as a move
            if change.delta is None:
                label = _t(c.field_label(rows.kind, name))
                words.add_row("", label, Text("-", style="red"), _t(c.value_text(change.old), "red"))
                words.add_row("", Text(""), Text("+", style="green"), _t(c.value_text(change.new), "green"))
                continue
            delta = c.delta_text(change)
            numbers.add_row(
                "",
                _t(c.field_label(rows.kind, name)),
                _t(c.value_text(change.old), "red"),
                Text("→"),
                _t(c.value_text(change.new), "green"),
                _t(delta, "bold" if delta and delta != "0" else ""),
            )
        if pair.amounts:
            total = pair.years_total
            numbers.add_row(
                "",
                _t(say("diff.years-total")),
                _t(c.value_text(total.old)),
                Text("→"),
                _t(c.value_text(total.new)),
                _t(c.delta_text(total) if total.old != total.new else say("diff.unchanged"), "dim"),
            )
        for table in (words, numbers):
            if table.row_count:
                _print(console, table)
    if listed > TERMINAL_ROWS:
        more = say(
            "diff.rows-capped", count=format_int(listed - TERMINAL_ROWS, current()), shown=TERMINAL_ROWS
        )
        console.print(Text(more, style="bold"))
    only = rows.renumbered_only
    if only:
        line = Text(say("diff.renumbered-only", count=len(only)), style="dim")
        line.append(safe(", ".join(c.renumbering(only))), style="dim")
        console.print(line)


def _pair_head(pair: RowPair) -> tuple[Text, Text]:
    from rich.text import Text

    lead = Text("~ ", style="bold yellow")
    if pair.old.id != pair.new.id:
        lead.append(safe(pair.old.id), style="bold")
        lead.append(" → ")
    lead.append(safe(pair.new.id), style="bold")
    body = _t(pair.new.name)
    tags = []
    if pair.moved:
        tags.append(say("diff.moved", old=pair.old.section, new=pair.new.section))
    if pair.renamed:
        how = say(
            {"id": "diff.renamed.same-id", "figures": "diff.renamed.figures"}.get(
                pair.match, "diff.renamed.similar"
            )
        )
        score = say("diff.renamed.score", score=pair.score) if pair.score is not None else ""
        tags.append(say("diff.renamed", how=how, score=score))
    elif pair.match == "figures":
        tags.append(say("diff.renamed.figures"))
    if pair.renumbered and pair.old.id == pair.new.id:
        tags.append(c.tt_change(pair))
    if tags:
        body.append(f"  [{safe('; '.join(tags))}]", style="magenta")
    return lead, body


def _totals(diff: PlanDiff, console: Console) -> None:
    from rich.text import Text

    changed = [line for line in diff.totals if line.changed]
    if not changed:
        return
    console.print()
    console.print(_t(say("diff.totals"), "bold underline"))
    with_period = any(line.period is not None for line in changed)
    heads = [
        *(str(y) for y in diff.years),
        *([say("diff.in-period")] if with_period else []),
        say("diff.total"),
    ]
    blocks: list[tuple[str, list[str], list[str], list[str]]] = []
    for line in changed:
        period = [line.period if line.period is not None else line.total] if with_period else []
        changes = [*(line.years[y] for y in diff.years), *period, line.total]
        blocks.append(
            (
                c.line_label(line),
                [c.amount_text(x.old) for x in changes],
                [c.amount_text(x.new) for x in changes],
                [c.delta_of(x) for x in changes],
            )
        )
    widths = [len(h) for h in heads]
    for _, *groups in blocks:
        for cells in groups:
            widths = [max(w, len(v)) for w, v in zip(widths, cells, strict=True)]
    # a long period makes long lines: widen the console for them rather than wrap every figure
    width = console.width
    console.width = max(width, 6 + sum(widths) + len(widths) - 1)
    try:
        _totals_rows(console, heads, widths, blocks)
    finally:
        console.width = width
    if len(changed) < len(diff.totals):
        console.print(Text(say("diff.other-scopes", count=len(diff.totals) - len(changed)), style="dim"))


def _totals_rows(
    console: Console,
    heads: list[str],
    widths: list[int],
    blocks: list[tuple[str, list[str], list[str], list[str]]],
) -> None:
    from rich.text import Text

    console.print(
        Text("      " + " ".join(h.rjust(w) for h, w in zip(heads, widths, strict=True)), style="dim")
    )
    for label, olds, news, deltas in blocks:
        console.print(_t(label, "bold"))
        for name, cells in ((say("diff.old"), olds), (say("diff.new"), news)):
            row = Text(f"  {name:<3} ", style="dim")
            row.append(" ".join(v.rjust(w) for v, w in zip(cells, widths, strict=True)))
            console.print(row)
        row = Text("  Δ   ", style="dim")
        for index, (v, w) in enumerate(zip(deltas, widths, strict=True)):
            row.append(" " if index else "")
            row.append(v.rjust(w), style="bold" if v not in ("0", "") else "dim")
        console.print(row)


def _security(diff: PlanDiff, console: Console) -> None:
    from rich.table import Table

    if not any(s.changed for s in diff.security):
        return
    console.print()
    console.print(_t(say("diff.security"), "bold underline"))
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 1))
    for name, justify in (
        ("", "left"),
        (say("diff.old"), "right"),
        (say("diff.new"), "right"),
        (say("diff.change"), "right"),
        ("", "left"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for share in diff.security:
        style = {"below": "bold red", "above": "bold green"}.get(share.crossing or "", "dim")
        table.add_row(
            _t(c.scope_text(share.scope)),
            _t(c.share_text(share.old)),
            _t(c.share_text(share.new)),
            _t(c.points(share)),
            _t(c.share_status(share), style),
        )
    console.print(table)


def _targets(diff: PlanDiff, console: Console) -> None:
    from rich.text import Text

    k = diff.kpis
    if k.empty:
        return
    console.print()
    console.print(_t(say("diff.label.targets"), "bold underline"))
    for kid in k.added:
        console.print(_t("+ " + say("diff.indicator-added", id=kid), "green"))
    for kid in k.removed:
        console.print(_t("- " + say("diff.indicator-removed", id=kid), "red"))
    for kid, name, change in k.fields:
        console.print(_t(f"~ {kid} {name}: {c.value_text(change.old)} → {c.value_text(change.new)}"))
    for t in k.targets:
        line = Text("~ ", style="bold yellow")
        line.append(safe(t.kpi), style="bold")
        line.append(f" {t.year}: ")
        if t.old is None:
            line.append(say("diff.target-new", value=safe(c.target_text(t.new))), style="green")
        elif t.new is None:
            line.append(say("diff.target-removed", value=safe(c.target_text(t.old))), style="red")
        else:
            line.append(f"{safe(c.target_text(t.old))} → {safe(c.target_text(t.new))}")
        if t.weakened:
            line.append("  " + say("diff.weaker"), style="bold red")
        line.append(f"  ({safe(c.unit_text(t.unit))}; {safe(t.where)})", style="dim")
        console.print(line)


def _claims(diff: PlanDiff, console: Console) -> None:
    from rich.text import Text

    k = diff.claims
    if k.empty:
        return
    console.print()
    console.print(_t(say("diff.claims"), "bold underline"))
    for cid in k.added:
        console.print(_t("+ " + say("diff.claim-added", id=cid), "green"))
    for cid in k.removed:
        console.print(_t("- " + say("diff.claim-removed", id=cid), "red"))
    for cid, name, change in k.changed:
        line = Text("~ ", style="bold yellow")
        line.append(safe(cid), style="bold")
        line.append(f" {name}: ")
        line.append(safe(c.value_text(change.old)), style="red")
        line.append(" → ")
        line.append(safe(c.value_text(change.new)), style="green")
        console.print(line)


def _meta(diff: PlanDiff, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    if not diff.meta:
        return
    console.print()
    console.print(_t("plan.yaml", "bold underline"))
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", max_width=40)
    table.add_column(justify="right", max_width=30)
    table.add_column(no_wrap=True)
    table.add_column(max_width=30)
    table.add_column(justify="right", no_wrap=True)
    for item in diff.meta:
        table.add_row(
            _t(item.path),
            _t(c.value_text(item.change.old), "red"),
            Text("→"),
            _t(c.value_text(item.change.new), "green"),
            _t(c.delta_text(item.change), "bold"),
        )
    console.print(table)


def _finding(finding: Finding, sign: str, style: str, console: Console, figures: str = "") -> None:
    """One finding: sign, severity, code, where and what it says; ``figures``, when given, on a line
    of its own below (how the figures of a finding of both sides moved)."""
    from rich.text import Text

    lang = current()
    width = max(len(severity_word(s, lang)) for s in _SEVERITY)
    lead = Text(f"{sign} ", style=f"bold {style}")
    lead.append(
        f"{severity_word(finding.severity.value, lang):<{width}} ", style=_SEVERITY[finding.severity.value]
    )
    lead.append(finding.code, style="bold")
    body = _t(f"{finding.location}: ", "dim")
    body.append(safe(finding.text(lang)))
    if figures:
        body.append("\n" + safe(figures), style=f"bold {style}")
    _head(lead, body, console)


def _findings(diff: PlanDiff, console: Console, old: str, new: str) -> None:
    from rich.text import Text

    f = diff.findings
    if f.empty:
        return
    console.print()
    console.print(_t(say("diff.label.findings"), "bold underline"))
    if f.introduced:
        console.print(_t(say("diff.introduced", count=len(f.introduced), side=new), "bold"))
        for finding in f.introduced:
            _finding(finding, "+", "red", console)
    for changes, key, sign, style in (
        (f.worsened, "diff.worsened", "▲", "red"),
        (f.improved, "diff.improved", "▼", "green"),
    ):
        if changes:
            console.print(_t(say(key, count=len(changes), side=new), "bold"))
        for change in changes:
            _finding(change.new, sign, style, console, c.figures_change(change))
    if f.resolved:
        console.print(_t(say("diff.resolved", count=len(f.resolved), side=old), "bold"))
        for finding in f.resolved:
            _finding(finding, "-", "green", console)
    console.print(
        Text(say("diff.findings-unchanged", count=f.unchanged, s=plural_s(f.unchanged)), style="dim")
    )
