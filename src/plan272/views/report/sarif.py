"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning reads it (``upload-sarif``).

- ``runs[0].tool.driver.rules`` lists every rule of the catalogue, selected or not (plus INT001,
  internal error, when a rule crashed), so ``ruleIndex`` stays meaningful across runs.
- Each result has a physical location: the finding's file as a relative URI with forward slashes
  and a region. Line 1 stands in when the line is unknown (code scanning rejects a result without
  a region). The region starts at column 1 and ends at column 2 (the line's first character):
  plan272 knows lines and fields, not columns.
- ``partialFingerprints["plan272/v1"]`` is the finding's fingerprint (code, ids and detail, never
  the line or the message), so an alert survives unrelated edits that move the line. When two
  results of one run would share a fingerprint, the later ones get ``:2``, ``:3`` … appended so
  code scanning does not merge them into one alert.
- Figures in ``properties`` are exact JSON numbers (see :mod:`plan272.views.report.json_`).
- With ``--baseline`` every result has SARIF's ``baselineState``: ``new`` (the baseline does not
  record it) or ``updated`` (it does, with other figures): a finding worse than the baseline keeps
  its level; one that improved is a ``note`` (a notice, not a failure). Both carry what the baseline
  recorded in ``properties.baseline`` and the direction in ``properties.trend`` (``worse`` /
  ``improved``), and say it in the message. ``unchanged`` results are suppressed, so not written;
  ``absent`` is not used either: a stale entry has no location for a result (they are listed in
  the run's ``properties.staleBaseline``). Without a baseline there is no ``baselineState``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plan272.findings import Severity
from plan272.views.lines import baseline_note, finding_line, report_rows

if TYPE_CHECKING:
    from plan272.engine import Compared, Report
    from plan272.findings import Finding
    from plan272.messages import Lang
    from plan272.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "plan272/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_FAMILY = {
    "DAT": "data",
    "SUM": "sums",
    "SEC": "security",
    "KPI": "targets",
    "NRM": "norms",
    "INT": "internal",
}


def internal_rule() -> Rule:
    """INT001: not in the catalogue (no check), but findings carry its code when a rule crashes."""
    from plan272.rules import int001

    return int001.RULE


def _unknown_rule(code: str, finding: Finding) -> Rule:
    from plan272.rules import Rule

    return Rule(
        code=code,
        name=code.lower(),
        summary=f"Finding {code} reported by plan272.",
        severity=finding.severity,
        what=f"{code} is not in this version's rule catalogue.",
        why="Unknown.",
        source="Unknown.",
        fix="See the finding's message.",
    )


def rules_for(report: Report) -> list[Rule]:
    """The rule descriptors of a run: the whole catalogue, then any other code the findings use."""
    from plan272.engine import INTERNAL
    from plan272.rules import catalogue

    rules = list(catalogue())
    known = {r.code for r in rules}
    for finding in report.findings:
        if finding.code in known:
            continue
        known.add(finding.code)
        rules.append(internal_rule() if finding.code == INTERNAL else _unknown_rule(finding.code, finding))
    return rules


def artifact_uri(file: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (forward slashes, percent-encoded)."""
    from pathlib import PureWindowsPath
    from urllib.parse import quote

    path = file.replace("\\", "/")
    if PureWindowsPath(file).is_absolute() and PureWindowsPath(file).drive:
        return PureWindowsPath(file).as_uri()
    while path.startswith("./"):
        path = path[2:]
    # the bytes of the name as the file system holds them (a name that is not UTF-8 included)
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system name gives: shown, not lost
        raw = path.encode("utf-8", "backslashreplace")
    uri = quote(raw, safe="/-._~!$&'()*+,;=@")
    return "file://" + uri if path.startswith("/") else uri


def _markdown_text(text: str) -> str:
    """Rule text in help.markdown: kept as written (it may use `code`), but never raw HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _help_markdown(rule: Rule) -> str:
    parts = [
        f"**{rule.code} ({rule.name})**, default severity: {rule.severity.value}",
        _markdown_text(rule.summary),
        "**What it checks**",
        _markdown_text(rule.what),
        "**Why it matters**",
        _markdown_text(rule.why),
        "**Where the plan says so**",
        _markdown_text(rule.source),
        "**How to fix a finding**",
        _markdown_text(rule.fix),
    ]
    return "\n\n".join(parts) + "\n"


def _rule_object(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule.explanation(), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"tags": ["plan272", _FAMILY.get(rule.code[:3], "other")]},
    }


def _result(
    finding: Finding,
    rule_index: int,
    fingerprint: str,
    lang: Lang = "en",
    *,
    state: str | None = None,
    compared: Compared | None = None,
) -> dict[str, Any]:
    from plan272.views.report.json_ import recorded_object

    line = finding.location.line if finding.location.line and finding.location.line > 0 else 1
    improved = compared is not None and compared.trend == "better"
    text = finding_line(finding, lang)
    if compared is not None:
        text += " — " + baseline_note(compared, lang)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": "note" if improved else _LEVEL[finding.severity.value],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.location.file)},
                    "region": {"startLine": line, "endLine": line, "startColumn": 1, "endColumn": 2},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if state is not None:
        result["baselineState"] = state
    result["properties"] = {
        "ids": list(finding.ids),
        "key": finding.key(),
        "field": finding.location.field or None,
        "lineKnown": finding.location.line is not None,
        "expected": finding.expected,
        "observed": finding.observed,
        "difference": finding.difference,
        "extra": {k: finding.extra[k] for k in sorted(finding.extra)},
    }
    if compared is not None:
        result["properties"]["severity"] = finding.severity.value
        result["properties"]["trend"] = "improved" if improved else "worse"
        result["properties"]["baseline"] = recorded_object(compared.recorded)
    return result


def document(report: Report, tool_version: str, lang: Lang = "en") -> dict[str, Any]:
    rules = rules_for(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    seen: dict[str, int] = {}
    results = []
    baselined = report.baseline_version is not None
    for finding, compared in report_rows(report):
        fingerprint = finding.fingerprint()
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        if seen[fingerprint] > 1:
            fingerprint = f"{fingerprint}:{seen[fingerprint]}"
        state = None if not baselined else "new" if compared is None else "updated"
        results.append(
            _result(finding, index[finding.code], fingerprint, lang, state=state, compared=compared)
        )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plan272",
                        "version": tool_version,
                        "rules": [_rule_object(rule) for rule in rules],
                    }
                },
                "invocations": [{"executionSuccessful": not report.fatal}],
                "results": results,
                "properties": {
                    "rulesChecked": [rule.code for rule in report.rules],
                    "suppressed": report.suppressed,
                    "staleBaseline": list(report.stale_baseline),
                    "baselineVersion": report.baseline_version,
                    "worse": len(report.worse),
                    "improved": len(report.improved),
                },
            }
        ],
    }


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    from plan272.jsonout import dumps

    return dumps(document(report, tool_version, lang)) + "\n"
