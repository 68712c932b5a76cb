"""``plan272 diff --format json``: the diff as one JSON document, stable and documented.

Format version 3 (keys always appear, in this order; a scalar that does not apply is ``null``).
Version 3 added "worsened" and "improved" to "findings" and the match "figures": a finding reported
on both sides is now compared by its figures, so "unchanged" counts only those whose figures did not
move (version 2's "unchanged" is version 3's unchanged + worsened + improved); "introduced" and
"resolved" are as before. Version 2 replaced version 1's "projects" and "units" by "tables", one
entry per appendix::

    {
      "version": 3,
      "tool": {"name": "plan272", "version": "0.1.0"},
      "old": {"label": "HEAD~1 (1a2b3c4)"},
      "new": {"label": "working tree (data)"},
      "differ": true,                       // false when the two sides hold the same plan
      "years": [2021, 2022, 2023, 2024, 2025],
      "tables": {                            // one per appendix of either side, by its id
        "appendix1": {"name": "Appendix I", "kind": "projects" | "units" | "lines",
        "added":   [ROW, ...],               // new side order
        "removed": [ROW, ...],               // old side order
        "moved":   [{"old_id", "new_id", "name", "old_section", "new_section"}],
        "renamed": [{"old_id", "new_id", "old_name", "new_name", "match", "score"}],
                                             // match as in "changed"
        "renumbered": [{"old_id", "new_id", "old_tt", "new_tt", "only": true}],
                                             // only: nothing but the numbering changed
        "changed": [{
          "old_id": "III.5", "new_id": "III.6", "name": "...",   // name on the new side
          "match": "id" | "name" | "figures" | "similar",       // how the rows were paired:
                                             // the same id; the same name; the same figures
                                             // (total, every year, other amount columns), held by
                                             // no other unpaired row of either side; similar
                                             // name and amounts
          "score": 87 | null,                                    // similarity 0-100 when fuzzy
          "changes": {"y2021": {"old": 8000, "new": 7000, "delta": -1000}, "name": {...}, ...},
                                             // every changed field but id and tt; "delta" is
                                             // new - old for numbers, null otherwise
          "amounts": {"years": {"2021": {"old", "new", "delta"}, ...},   // changed years only
                      "total": {"old", "new", "delta"}}                  // sum of the years
                     | null                  // null when no yearly amount changed
        }]},
        "appendix2": {...}
      },
      "totals": {                            // computed from the rows; million VND; every scope,
                                             // in this order: each group of an appendix, the
                                             // appendix, …, then the grand total
        "appendix1:I": {"label": "Appendix I, group I — HẠ TẦNG MẠNG", "changed": false,
                        "years": {"2021": {"old", "new", "delta"}, ...},
                        "total": {"old", "new", "delta"},    // the TMĐT / total column
                        "period": {"old", "new", "delta"} | null},
                                             // period: over the period, for an appendix whose
                                             // totals may reach beyond it; a side without the
                                             // scope is null; "grand" total is the grand total,
                                             // "(not computable)" when a part names no appendix
        ..., "appendix1": {...}, "appendix2:I": {...}, "appendix2": {...}, "grand": {...}
      },
      "security": [                          // "period" first, then each year
        {"scope": "period" | "2021", "changed": true,
         "old": SHARE | null, "new": SHARE | null,     // null: outside that side's period
         "crossing": "below" | "above" | null}         // the revision crosses the minimum
      ],
      "kpis": {
        "added": ["id", ...], "removed": ["id", ...],
        "fields": [{"kpi", "field", "old", "new"}],
        "targets": [{"kpi", "year", "where", "kind": "changed" | "added" | "removed",
                     "old": TARGET | null, "new": TARGET | null, "weakened": bool}]
      },
      "claims": {"added": [CLAIM_ID], "removed": [CLAIM_ID],
                 "changed": [{"claim", "field", "old", "new", "delta"}]},   # figures as printed
      "plan": [{"path": "appendices.appendix1.declared.years.2022", "old", "new", "delta"}],
      "findings": {
        "introduced": [FINDING],            // reported on the new side only (its order)
        "worsened": [CHANGE],               // on both sides, worse on the new side (its order)
        "improved": [CHANGE],               // on both sides, better on the new side (its order)
        "resolved": [FINDING],              // reported on the old side only (its order)
        "unchanged": 5                      // on both sides, the same severity and gap
      }
    }

    ROW     = {"id", "section", "tt", "name", "total", "years": {"2021": 1000, ...}, "file", "line"}
              // total: the row's total column (TMĐT of a project)
    SHARE   = {"amount", "base", "minimum_percent", "percent", "ok", "verdict", "uncertain",
               "upper_percent"}
              // amount and base exact integers; percent rounded to 2 places (half up), null
              // when base is 0; ok is computed exactly, not from the rounded percent; verdict
              // "ok" | "short" | "unknown" (attt parts that may lie elsewhere: the share lies
              // between percent and upper_percent; uncertain is that spending) | "none" (base 0)
    TARGET  = {"low", "high", "text"}       // low/high null when that end is open
    FINDING = one finding as in ``plan272 validate --format json``
    CHANGE  = {"old": FINDING, "new": FINDING, "gap": {"old": 8182, "new": 23182}}
              // the finding on each side; gap: how far found is from expected on each side
              // (plan272.findings.Figures.gap), null where a side has not both figures. Worse
              // is a higher severity, or at the same severity a wider gap (plan272.findings.trend)

Figures are exact: integers are integers, decimals their own decimal text (``json.loads(text,
parse_float=decimal.Decimal)`` gives them back unchanged); never a binary float.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from plan272.diff import Change, FindingChange, PlanDiff, RowPair, RowRef, RowsDiff
from plan272.figures import Share
from plan272.model import Target

if TYPE_CHECKING:
    from plan272.messages import Lang

FORMAT_VERSION = 3
TOP_KEYS = (
    "version",
    "tool",
    "old",
    "new",
    "differ",
    "incomplete",
    "years",
    "tables",
    "totals",
    "security",
    "kpis",
    "claims",
    "plan",
    "findings",
)


def _change(change: Change) -> dict[str, Any]:
    return {"old": change.old, "new": change.new, "delta": change.delta}


def _total(change: Change) -> dict[str, Any]:
    """A total of a scope: no delta where a side has no figure (no such scope, not computable)."""
    known = all(isinstance(v, int) and not isinstance(v, bool) for v in (change.old, change.new))
    return {"old": change.old, "new": change.new, "delta": change.delta if known else None}


def _row(row: RowRef) -> dict[str, Any]:
    return {
        "id": row.id,
        "section": row.section,
        "tt": row.tt,
        "name": row.name,
        "total": row.total,
        "years": {str(y): v for y, v in sorted(row.years.items())},
        "file": row.location.file,
        "line": row.location.line,
    }


def _changed(pair: RowPair) -> dict[str, Any]:
    amounts = None
    if pair.amounts:
        amounts = {
            "years": {str(y): _change(ch) for y, ch in sorted(pair.amounts.items())},
            "total": _change(pair.years_total),
        }
    return {
        "old_id": pair.old.id,
        "new_id": pair.new.id,
        "name": pair.new.name,
        "match": pair.match,
        "score": pair.score,
        "changes": {name: _change(ch) for name, ch in pair.changes.items()},
        "amounts": amounts,
    }


def rows_object(rows: RowsDiff) -> dict[str, Any]:
    return {
        "name": rows.name,
        "kind": rows.kind,
        "added": [_row(r) for r in rows.added],
        "removed": [_row(r) for r in rows.removed],
        "moved": [
            {
                "old_id": p.old.id,
                "new_id": p.new.id,
                "name": p.new.name,
                "old_section": p.old.section,
                "new_section": p.new.section,
            }
            for p in rows.moved
        ],
        "renamed": [
            {
                "old_id": p.old.id,
                "new_id": p.new.id,
                "old_name": p.old.name,
                "new_name": p.new.name,
                "match": p.match,
                "score": p.score,
            }
            for p in rows.renamed
        ],
        "renumbered": [
            {
                "old_id": p.old.id,
                "new_id": p.new.id,
                "old_tt": p.old.tt,
                "new_tt": p.new.tt,
                "only": not p.changed,
            }
            for p in rows.renumbered
        ],
        "changed": [_changed(p) for p in rows.changed],
    }


def _share(share: Share | None) -> dict[str, Any] | None:
    if share is None:
        return None
    percent = share.percent
    return {
        "amount": share.amount,
        "base": share.base,
        "minimum_percent": share.minimum_percent,
        "percent": None if percent is None else percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        "ok": share.ok,
        "verdict": share.verdict,
        "uncertain": share.uncertain,
        "upper_percent": None
        if share.upper_percent is None or not share.uncertain
        else share.upper_percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
    }


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {"low": target.low, "high": target.high, "text": str(target)}


def _finding_change(change: FindingChange, lang: Lang) -> dict[str, Any]:
    from plan272.views.report.json_ import finding_object

    old, new = change.figures
    return {
        "old": finding_object(change.old, lang),
        "new": finding_object(change.new, lang),
        "gap": {"old": old.gap, "new": new.gap},
    }


def document(diff: PlanDiff, old: str, new: str, tool_version: str, *, lang: Lang = "en") -> dict[str, Any]:
    from plan272.views.report.json_ import finding_object

    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "plan272", "version": tool_version},
        "old": {"label": old},
        "new": {"label": new},
        "differ": not diff.empty,
        "incomplete": {"old": list(diff.incomplete_old), "new": list(diff.incomplete_new)},
        "years": list(diff.years),
        "tables": {rows.appendix: rows_object(rows) for rows in diff.tables},
        "totals": {
            line.key: {
                "label": line.label,
                "changed": line.changed,
                "years": {str(y): _total(ch) for y, ch in line.years.items()},
                "total": _total(line.total),
                "period": None if line.period is None else _total(line.period),
            }
            for line in diff.totals
        },
        "security": [
            {
                "scope": s.scope,
                "changed": s.changed,
                "old": _share(s.old),
                "new": _share(s.new),
                "crossing": s.crossing,
            }
            for s in diff.security
        ],
        "kpis": {
            "added": list(diff.kpis.added),
            "removed": list(diff.kpis.removed),
            "fields": [
                {"kpi": kid, "field": name, "old": ch.old, "new": ch.new}
                for kid, name, ch in diff.kpis.fields
            ],
            "targets": [
                {
                    "kpi": t.kpi,
                    "year": t.year,
                    "where": t.where,
                    "kind": t.kind,
                    "old": _target(t.old),
                    "new": _target(t.new),
                    "weakened": t.weakened,
                }
                for t in diff.kpis.targets
            ],
        },
        "claims": {
            "added": list(diff.claims.added),
            "removed": list(diff.claims.removed),
            "changed": [
                {"claim": cid, "field": name, **_change(ch)} for cid, name, ch in diff.claims.changed
            ],
        },
        "plan": [{"path": m.path, **_change(m.change)} for m in diff.meta],
        "findings": {
            "introduced": [finding_object(f, lang) for f in diff.findings.introduced],
            "worsened": [_finding_change(c, lang) for c in diff.findings.worsened],
            "improved": [_finding_change(c, lang) for c in diff.findings.improved],
            "resolved": [finding_object(f, lang) for f in diff.findings.resolved],
            "unchanged": diff.findings.unchanged,
        },
    }


def render(
    diff: PlanDiff,
    labels: tuple[str, str],
    tool_version: str = "",
    *,
    lang: Lang = "en",
    to_file: bool = False,
) -> str:
    from plan272.jsonout import dumps

    return dumps(document(diff, *labels, tool_version, lang=lang)) + "\n"
