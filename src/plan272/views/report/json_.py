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
          "file": "data/plan.yaml",      // as the loader names it
          "line": 95,                    // 1-based, or null when unknown
          "field": "security_policy.min_share_percent",   // or null
          "expected": 31182,             // number, or null when the rule compares no figures
          "observed": 23000,             // number, or null
          "difference": -8182,           // observed - expected, or null
          "ids": ["2022"],               // what the finding concerns (always a list, maybe empty)
          "fingerprint": "…",            // 32 hex digits, stable across runs and line moves
          "extra": {"share": "7.38%"}    // rule-specific strings (always an object, maybe empty)
        }
      ],
      "summary": {"error": 5, "warning": 0, "info": 1},
      "suppressed": 0,                   // findings hidden by a baseline
      "stale_baseline": [],              // baseline entries that no longer match any finding
      "rules_checked": ["DAT001", …],    // the rules that ran ([] when plan.yaml could not be read)
      "complete": true                   // false: some input could not be read (exit code 2)
    }

Keys always appear, in this order; a scalar that does not apply is ``null``, a collection that
does not apply is empty. Findings come in the report's order (file, line, code).

Figures are exact: an ``int`` is written as an integer and a ``Decimal`` as its own decimal text
(``1501.713``, never a binary float such as ``1501.7129999``), so ``json.loads(text,
parse_float=decimal.Decimal)`` gives the figures back unchanged. Non-finite decimals cannot be
written as JSON numbers and become ``null``.

Strings are written as UTF-8 text (``ensure_ascii=False``): the caller must write the output as
UTF-8. Control characters in data are escaped by JSON (``\\u001b``) and cannot reach a terminal raw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plan272.jsonout import dumps

if TYPE_CHECKING:
    from plan272.engine import Report
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
)
TOP_KEYS = (
    "version",
    "tool",
    "findings",
    "summary",
    "suppressed",
    "stale_baseline",
    "rules_checked",
    "complete",
)


def finding_object(finding: Finding, lang: Lang = "en") -> dict[str, Any]:
    """One finding as the JSON object documented above (values may be ``Decimal``); only
    ``message`` depends on ``lang``."""
    location = finding.location
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.text(lang),
        "file": location.file,
        "line": location.line,
        "field": location.field or None,
        "expected": finding.expected,
        "observed": finding.observed,
        "difference": finding.difference,
        "ids": list(finding.ids),
        "fingerprint": finding.fingerprint(),
        "extra": {key: finding.extra[key] for key in sorted(finding.extra)},
    }


def document(report: Report, tool_version: str, lang: Lang = "en") -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "plan272", "version": tool_version},
        "findings": [finding_object(f, lang) for f in report.findings],
        "summary": report.counts(),
        "suppressed": report.suppressed,
        "stale_baseline": list(report.stale_baseline),
        "rules_checked": [rule.code for rule in report.rules],
        "complete": not report.fatal,
    }


def render(report: Report, tool_version: str, *, lang: Lang = "en", to_file: bool = False) -> str:
    return dumps(document(report, tool_version, lang)) + "\n"
