"""``--format json``: the report as one JSON document, stable and documented.

Format version 1::

    {
      "version": 1,
      "tool": {"name": "plan272", "version": "0.1.0"},
      "findings": [
        {
          "code": "SEC002",              // rule code
          "severity": "error",           // "error" | "warning" | "info"
          "message": "...",
          "file": "data/plan.yaml",      // relative to the repository's root (see below)
          "line": 95,                    // 1-based, or null when unknown
          "field": "security_policy.min_share_percent",   // or null
          "expected": 31182,             // number, or null when the rule compares no figures
          "observed": 23000,             // number, or null
          "difference": -8182,           // observed - expected, or null
          "ids": ["2022"],               // what the finding concerns (always a list, maybe empty)
          "fingerprint": "…",            // 32 hex digits, stable across runs and line moves
          "extra": {"share": "7.38%"},   // rule-specific strings (always an object, maybe empty)
          "places": null,                // cells of one column failing the same way (DAT001): each
                                         // {"file", "line", "field", "id", "value"}; else null
          "baseline_state": "worse",     // null (no --baseline), "new", "worse" ("improved" below)
          "baseline": {                  // what the baseline recorded, or null (new, or no figures)
            "severity": "error", "expected": 31182, "observed": 23000, "difference": -8182,
            "share": "7.38%"             // a string, or null when the finding states no share
          }
        }
      ],
      "summary": {"error": 5, "warning": 0, "info": 1},
      "baseline_version": 2,             // of the --baseline file, or null without one
      "suppressed": 0,                   // findings the baseline records with the same figures: hidden
      "worse": 1,                        // findings worse than the baseline (in "findings")
      "improved": 1,                     // findings better than the baseline (not in "findings")
      "improved_findings": [],           // those, as finding objects ("baseline_state": "improved")
      "stale_baseline": [],              // baseline entries that no longer match any finding
      "rules_checked": ["DAT001", …],    // the rules that ran ([] when plan.yaml could not be read)
      "complete": true,                  // false: some input could not be read in full (exit code 2)
      "status": "complete"               // "complete"; "incomplete": a file could not be read, or a
                                         // table only in part, and the rules ran on the rest (exit
                                         // code 2); "not-run": plan.yaml could not be read (exit 2)
    }

Keys always appear, in this order; a scalar that does not apply is ``null``, a collection that
does not apply is empty. Findings come in the report's order (file, line, code). An improved
finding keeps its own ``severity`` (the rule's); as a notice it is info and never fails the run.
``baseline_state``, ``baseline``, ``baseline_version``, ``worse``, ``improved`` and
``improved_findings`` were added to format version 1 (added keys do not change the version), and
so were ``places`` and ``status``. A finding with ``places`` counts its cells in ``extra.count`` and
names them all (unless ``--max-problems`` cut the list); its ``file``, ``line`` and ``field`` are the
first cell's.

``file`` is the finding's file as :func:`plan272.views.places.place` names it: relative to the
repository's root (git's top level of the data directory, or ``--root``) with forward slashes, the
same whatever directory plan272 ran in; absolute when the file is outside the root; as the run was
given it when there is no root (outside a repository).

Figures are exact: an ``int`` is written as an integer and a ``Decimal`` as its own decimal text
(``1501.713``, never a binary float such as ``1501.7129999``), so ``json.loads(text,
parse_float=decimal.Decimal)`` gives the figures back unchanged. Non-finite decimals cannot be
written as JSON numbers and become ``null``.

Strings are written as UTF-8 text (``ensure_ascii=False``): the caller must write the output as
UTF-8. Control characters in data are escaped by JSON (``\\u001b``) and cannot reach a terminal raw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plan272.findings import Severity
from plan272.jsonout import dumps

if TYPE_CHECKING:
    from plan272.engine import Compared, Recorded, Report
    from plan272.findings import Finding
    from plan272.messages import Lang

FORMAT_VERSION = 1

#: the keys of one finding, in output order (documented above; tests hold the format to it)
FINDING_KEYS = (
    "code",
    "severity",
    "message",
    "file",
    "line",
    "field",
    "expected",
    "observed",
    "difference",
    "ids",
    "fingerprint",
    "extra",
    "places",
    "baseline_state",
    "baseline",
)
#: the keys of one of a finding's ``places``
PLACE_KEYS = ("file", "line", "field", "id", "value")
#: the keys of a finding's ``baseline`` (what the baseline recorded of it)
BASELINE_KEYS = ("severity", "expected", "observed", "difference", "share")
TOP_KEYS = (
    "version",
    "tool",
    "findings",
    "summary",
    "baseline_version",
    "suppressed",
    "worse",
    "improved",
    "improved_findings",
    "stale_baseline",
    "rules_checked",
    "complete",
    "status",
)


def recorded_object(recorded: Recorded) -> dict[str, Any]:
    """What a baseline recorded of a finding, figures exact (as the finding's own)."""
    figures = recorded.figures
    difference = None
    if figures.expected is not None and figures.observed is not None:
        difference = figures.observed - figures.expected
    return {
        "severity": figures.severity.value,
        "expected": figures.expected,
        "observed": figures.observed,
        "difference": difference,
        "share": recorded.share,
    }


def finding_object(finding: Finding, lang: Lang = "en") -> dict[str, Any]:
    """One finding as the JSON object documented above, without the baseline's two keys (as ``diff``
    writes findings too); values may be ``Decimal``; only ``message`` depends on ``lang``."""
    from plan272.views.places import place

    location = finding.location
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.text(lang),
        "file": place(location.file),
        "line": location.line,
        "field": location.field or None,
        "expected": finding.expected,
        "observed": finding.observed,
        "difference": finding.difference,
        "ids": list(finding.ids),
        "fingerprint": finding.fingerprint(),
        "extra": {key: finding.extra[key] for key in sorted(finding.extra)},
        "places": places_list(finding),
    }


def places_list(finding: Finding) -> list[dict[str, Any]] | None:
    """Each cell of a grouped finding (file, line, field, row id, value), or ``None``."""
    from plan272.engine import GroupedFinding
    from plan272.views.places import place

    if not isinstance(finding, GroupedFinding):
        return None
    return [
        {
            "file": place(p.location.file),
            "line": p.location.line,
            "field": p.location.field,
            "id": p.row_id,
            "value": p.value,
        }
        for p in finding.places
    ]


def reported_object(
    finding: Finding, lang: Lang = "en", *, state: str | None = None, compared: Compared | None = None
) -> dict[str, Any]:
    """A finding of the report: :func:`finding_object` and how it stands against the baseline —
    ``baseline_state`` (``None``: no baseline applied) and what the baseline recorded of it."""
    return {
        **finding_object(finding, lang),
        "baseline_state": state,
        "baseline": None if compared is None else recorded_object(compared.recorded),
    }


def document(report: Report, tool_version: str, lang: Lang = "en") -> dict[str, Any]:
    findings = [
        reported_object(f, lang, state=report.baseline_state(f), compared=report.compared(f))
        for f in report.findings
    ]
    improved = [reported_object(c.finding, lang, state="improved", compared=c) for c in report.improved]
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "plan272", "version": tool_version},
        "findings": findings,
        "summary": report.counts(),
        "baseline_version": report.baseline_version,
        "suppressed": report.suppressed,
        "worse": len(report.worse),
        "improved": len(report.improved),
        "improved_findings": improved,
        "stale_baseline": list(report.stale_baseline),
        "rules_checked": [rule.code for rule in report.rules],
        "complete": report.status == "complete",
        "status": report.status,
    }


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    return dumps(document(report, tool_version, lang)) + "\n"
