"""``plan272 diff --format markdown``: a compact report for a pull-request comment (GitHub
Flavored Markdown). Only what changes is shown; long names are shortened.

Text from the data is escaped (a backslash before | < > ` [ ] * _ ~ & and itself, @ and # as HTML
entities; line breaks flattened, control characters made visible), so a project name can neither
break a table nor inject a link, a mention, HTML or formatting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.diff import Change, PlanDiff, RowPair, RowRef, RowsDiff
from plan272.findings import Finding
from plan272.safety import safe
from plan272.views.diff import common as c
from plan272.views.lines import severity_word
from plan272.views.words import current, say, speaking

if TYPE_CHECKING:
    from plan272.messages import Lang

# backslash-escaped: everything that can start formatting, a link, HTML, an entity or a cell border
_ESCAPE = str.maketrans(
    {
        **{ch: "\\" + ch for ch in "\\`*_[]<>|&~"},
        # entities, so that a name in a pull-request comment neither mentions (@team) nor links (#12)
        "@": "&#64;",
        "#": "&#35;",
    }
)
NAME_WIDTH = 80
MAX_FINDINGS = 20
MAX_INLINE_RENUMBERED = 8


def md(text: str, width: int | None = None) -> str:
    """``text`` as literal Markdown inline text, cut to ``width`` characters when given."""
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return safe(flat).translate(_ESCAPE)


def render(
    diff: PlanDiff, labels: tuple[str, str], version: str = "", *, lang: Lang = "en", to_file: bool = False
) -> str:
    with speaking(lang):
        return _render(diff, *labels)


def _render(diff: PlanDiff, old: str, new: str) -> str:
    out: list[str] = [f"### plan272 diff: {md(old)} → {md(new)}", ""]
    warning = c.incomplete_warning(diff, old, new)
    if warning:
        out += [f"> ⚠️ {md(warning)}", ""]
    if diff.empty:
        out.append(say("diff.no-differences"))
        return "\n".join(out) + "\n"
    out.append(" · ".join(f"**{md(label + ':')}** {md(value)}" for label, value in c.overview(diff)))
    for rows in diff.tables:
        if not rows.empty:
            out += ["", *_rows(rows)]
    out += _totals(diff)
    out += _security(diff)
    out += _targets(diff)
    out += _claims(diff)
    out += _meta(diff)
    out += _findings(diff)
    return "\n".join(out) + "\n"


def _row_cells(row: RowRef) -> str:
    return f"{md(row.id)} | {md(row.name, NAME_WIDTH)}"


def _pair_change(rows: RowsDiff, pair: RowPair) -> str:
    parts = []
    if pair.moved:
        parts.append(say("diff.moved", old=md(pair.old.section), new=md(pair.new.section)))
    if pair.renamed:
        parts.append(say("diff.renamed-from", name=md(pair.old.name, NAME_WIDTH)))
    if pair.match == "figures":
        parts.append(say("diff.matched-figures"))
    for name, change in pair.changes.items():
        if name in ("section",) or (name == "name" and pair.renamed):
            continue
        delta = c.delta_text(change)
        old_value = md(c.value_text(change.old), NAME_WIDTH)
        new_value = md(c.value_text(change.new), NAME_WIDTH)
        parts.append(
            f"{md(c.field_label(rows.kind, name))}: {old_value} → {new_value}"
            + (f" ({delta})" if delta else "")
        )
    if pair.amounts:
        total = pair.years_total
        parts.append(
            say("diff.years-total-unchanged")
            if total.old == total.new
            else say("diff.years-total-change", old=c.value_text(total.old), new=c.value_text(total.new))
            + (f" ({c.delta_text(total)})" if c.delta_text(total) else "")
        )
    return "; ".join(parts)


def _rows(rows: RowsDiff) -> list[str]:
    out = [f"#### {md(c.table_title(rows))}", ""]
    table = []
    for mark, key, refs in (("➕", "diff.added", rows.added), ("➖", "diff.removed", rows.removed)):
        for row in refs:
            figures = c.years_line(row.years, row.total, rows.kind)
            table.append(f"| {mark} | {_row_cells(row)} | {say(key)}: {figures} |")
    for pair in rows.changed:
        ident = md(pair.new.id) if pair.old.id == pair.new.id else f"{md(pair.old.id)} → {md(pair.new.id)}"
        table.append(f"| ✏️ | {ident} | {md(pair.new.name, NAME_WIDTH)} | {_pair_change(rows, pair)} |")
    if table:
        out += [say("diff.md.rows-head"), "|---|---|---|---|", *table]
    only = rows.renumbered_only
    if only:
        parts = c.renumbering(only)
        items = ", ".join(md(item) for item in parts)
        title = say("diff.renumbered-only-md", count=len(only), kind=c.kind_plural(rows.kind))
        if table:
            out.append("")
        if len(parts) > MAX_INLINE_RENUMBERED:
            out += [f"<details><summary>{title}</summary>", "", items, "", "</details>"]
        else:
            out.append(f"{title}: {items}")
    return out


def _cell(change: Change) -> str:
    if change.old == change.new:
        return c.amount_text(change.old)
    delta = c.delta_of(change)
    return f"{c.amount_text(change.old)} → **{c.amount_text(change.new)}**" + (f" ({delta})" if delta else "")


def _totals(diff: PlanDiff) -> list[str]:
    changed = [line for line in diff.totals if line.changed]
    if not changed:
        return []
    out = ["", f"#### {say('diff.md.totals')}", ""]
    with_period = any(line.period is not None for line in changed)
    heads = [
        *(str(y) for y in diff.years),
        *([say("diff.md.in-period")] if with_period else []),
        say("diff.md.total"),
    ]
    out.append(f"| {say('diff.md.scope')} | " + " | ".join(heads) + " |")
    out.append("|---|" + "---:|" * len(heads))
    for line in changed:
        period = [_cell(line.period if line.period is not None else line.total)] if with_period else []
        cells = [_cell(line.years[y]) for y in diff.years] + period + [_cell(line.total)]
        out.append(f"| {md(c.line_label(line))} | " + " | ".join(cells) + " |")
    return out


def _security(diff: PlanDiff) -> list[str]:
    if not any(s.changed for s in diff.security):
        return []
    head = " | ".join(say(f"diff.md.{key}") for key in ("scope", "old", "new", "change"))
    out = ["", f"#### {say('diff.security')}", "", f"| {head} | |", "|---|---:|---:|---:|---|"]
    for s in diff.security:
        if not s.changed:
            continue
        mark = {"below": "⚠️ ", "above": "✅ "}.get(s.crossing or "", "")
        out.append(
            f"| {md(c.scope_text(s.scope))} | {c.share_text(s.old)} | {c.share_text(s.new)} | "
            f"{c.points(s)} | "
            f"{mark}{md(c.share_status(s))} |"
        )
    unchanged = [c.scope_text(s.scope) for s in diff.security if not s.changed]
    if unchanged:
        out += ["", say("diff.md.unchanged-scopes", scopes=md(", ".join(unchanged)))]
    return out


def _targets(diff: PlanDiff) -> list[str]:
    k = diff.kpis
    if k.empty:
        return []
    out = ["", f"#### {say('diff.label.targets')}", ""]
    out += [f"- ➕ {say('diff.md.indicator-added', id=md(kid))}" for kid in k.added]
    out += [f"- ➖ {say('diff.md.indicator-removed', id=md(kid))}" for kid in k.removed]
    out += [
        f"- **{md(kid)}** {md(name)}: {md(c.value_text(ch.old))} → {md(c.value_text(ch.new))}"
        for kid, name, ch in k.fields
    ]
    for t in k.targets:
        if t.old is None:
            what = say("diff.target-new", value=md(c.target_text(t.new)))
        elif t.new is None:
            what = say("diff.target-removed", value=md(c.target_text(t.old)))
        else:
            what = f"{md(c.target_text(t.old))} → **{md(c.target_text(t.new))}**"
        flag = f" ⚠️ **{say('diff.md.weaker')}**" if t.weakened else ""
        out.append(f"- **{md(t.kpi)}** {t.year}: {what}{flag} ({md(c.unit_text(t.unit))}; {md(t.where)})")
    return out


def _claims(diff: PlanDiff) -> list[str]:
    k = diff.claims
    if k.empty:
        return []
    out = ["", f"#### {say('diff.claims')}", ""]
    out += [f"- ➕ {say('diff.md.claim-added', id=md(cid))}" for cid in k.added]
    out += [f"- ➖ {say('diff.md.claim-removed', id=md(cid))}" for cid in k.removed]
    out += [
        f"- **{md(cid)}** {md(name)}: {md(c.value_text(ch.old))} → **{md(c.value_text(ch.new))}**"
        for cid, name, ch in k.changed
    ]
    return out


def _meta(diff: PlanDiff) -> list[str]:
    if not diff.meta:
        return []
    head = " | ".join(say(f"diff.md.{key}") for key in ("value", "old", "new"))
    out = ["", "#### plan.yaml", "", f"| {head} | Δ |", "|---|---|---|---:|"]
    for m in diff.meta:
        out.append(
            f"| {md(m.path)} | {md(c.value_text(m.change.old), NAME_WIDTH)} | "
            f"{md(c.value_text(m.change.new), NAME_WIDTH)} | {c.delta_text(m.change)} |"
        )
    return out


def _finding(finding: Finding, mark: str, figures: str = "") -> str:
    lang = current()
    return (
        f"- {mark} **{severity_word(finding.severity.value, lang)}** {md(finding.code)} "
        f"{md(finding.text(lang))} ({md(str(finding.location))})"
        + (f": **{md(figures)}**" if figures else "")
    )


def _findings(diff: PlanDiff) -> list[str]:
    """Introduced first, then worsened (what a reviewer must look at), improved, resolved; a finding
    of both sides shows its new text and its figures old → new."""
    f = diff.findings
    if f.empty:
        return []
    out = ["", f"#### {say('diff.label.findings')}", ""]
    sections: tuple[tuple[list[tuple[Finding, str]], str, str], ...] = (
        ([(x, "") for x in f.introduced], "🆕", "diff.md.introduced"),
        ([(x.new, c.figures_change(x)) for x in f.worsened], "🔺", "diff.md.worsened"),
        ([(x.new, c.figures_change(x)) for x in f.improved], "🔻", "diff.md.improved"),
        ([(x, "") for x in f.resolved], "✅", "diff.md.resolved"),
    )
    for items, mark, key in sections:
        word = say(key)
        for finding, figures in items[:MAX_FINDINGS]:
            out.append(_finding(finding, f"{mark} {word}:", figures))
        if len(items) > MAX_FINDINGS:
            out.append("- " + say("diff.md.more", count=len(items) - MAX_FINDINGS, what=word))
    return out
