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

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plan272.safety import json_string

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.findings import Finding

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


def finding_object(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON object documented above (values may be ``Decimal``)."""
    location = finding.location
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.text(),
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


def document(report: Report, tool_version: str) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "plan272", "version": tool_version},
        "findings": [finding_object(f) for f in report.findings],
        "summary": report.counts(),
        "suppressed": report.suppressed,
        "stale_baseline": list(report.stale_baseline),
        "rules_checked": [rule.code for rule in report.rules],
        "complete": not report.fatal,
    }


def render(report: Report, tool_version: str) -> str:
    return dumps(document(report, tool_version)) + "\n"


def number_text(value: Decimal) -> str | None:
    """A finite Decimal's exact text, valid as a JSON number; ``None`` for NaN and infinities."""
    if not value.is_finite():
        return None
    # str() of a finite Decimal is always a valid JSON number: ``-12.50``, ``0E-7``, ``1.5E+3``.
    return str(value)


def dumps(value: Any, indent: int = 2) -> str:
    """JSON text of ``value`` with exact ``Decimal`` numbers (``json.dumps`` would need floats)."""
    out: list[str] = []
    _write(value, out, indent, 0)
    return "".join(out)


def _write(value: Any, out: list[str], indent: int, depth: int) -> None:
    import json

    if value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(str(int(value)))  # int(): an IntEnum's str() is not its number
    elif isinstance(value, Decimal):
        text = number_text(value)
        out.append("null" if text is None else text)
    elif isinstance(value, float):
        out.append(json.dumps(value) if value == value and abs(value) != float("inf") else "null")
    elif isinstance(value, str):
        out.append(json_string(value))
    elif isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        pad = "\n" + " " * (indent * (depth + 1))
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
            out.append(("," if i else "") + pad + json_string(key) + ": ")
            _write(item, out, indent, depth + 1)
        out.append("\n" + " " * (indent * depth) + "}")
    elif isinstance(value, Sequence):
        if not value:
            out.append("[]")
            return
        pad = "\n" + " " * (indent * (depth + 1))
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + pad)
            _write(item, out, indent, depth + 1)
        out.append("\n" + " " * (indent * depth) + "]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
