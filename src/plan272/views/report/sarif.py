"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning reads it (``upload-sarif``).

- ``runs[0].tool.driver`` names plan272, its version and its documentation (``informationUri``:
  :data:`DOCS_URL`); ``rules`` lists every rule of the catalogue, selected or not (plus INT001,
  internal error, when a rule crashed), so ``ruleIndex`` stays meaningful across runs. Each rule
  has its short and full description, its help (text and Markdown) and a ``helpUri``: the README's
  rule catalogue (:func:`help_uri`).
- Each result has a physical location: the finding's file as
  :func:`plan272.views.places.place` names it, written as a URI reference (:func:`artifact_uri`:
  forward slashes, percent-encoded as RFC 3986 requires — spaces, ``%``, ``#``, ``?``, ``:``,
  non-ASCII letters such as Vietnamese ones; ``/`` kept), and a region. When the run names files
  from a root (the repository's top level, or ``--root``), a file inside it is a relative
  reference with ``uriBaseId: "%SRCROOT%"`` — what GitHub code scanning resolves against the
  repository's root, and CodeQL writes — and ``run.originalUriBaseIds`` describes ``%SRCROOT%``
  without its absolute path (no runner's directory in the log; the same log wherever the
  repository was checked out); a file outside the root is an absolute ``file:///`` URI without a
  base. Without a root, paths are as the run was given them, without a base.
- Line 1 stands in when the line is unknown (code scanning rejects a result without a region).
  The region starts at column 1 and ends at column 2 (the line's first character): plan272 knows
  lines and fields, not columns.
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

The log is checked against the OASIS SARIF 2.1.0 schema in the tests (``tests/test_ci_formats.py``).
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
#: plan272's home, whose README is its manual: ``tool.driver.informationUri``. It is the address
#: ``.pre-commit-hooks.yaml`` tells users to get plan272 from; change both together.
DOCS_URL = "https://example.org/plan272"
#: the README's section that lists every rule (its heading ``## Rule catalogue``, as GitHub anchors it)
RULES_ANCHOR = "rule-catalogue"
#: the base id of files named from the run's root (the repository's top level, or ``--root``)
ROOT_BASE_ID = "%SRCROOT%"
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


def help_uri(rule: Rule) -> str:
    """Where a rule is documented: the README's rule catalogue, which lists every code (the rules of
    this catalogue, INT001, and any other code a finding uses all point there)."""
    return f"{DOCS_URL}#{RULES_ANCHOR}"


def artifact_uri(file: str) -> str:
    """A file, as :func:`plan272.views.places.place` names it (forward slashes), as a URI reference
    SARIF accepts: a relative path stays a relative reference, every character RFC 3986 does not
    allow in a path segment percent-encoded from its UTF-8 bytes (``:`` too, so that no first
    segment reads as a scheme); an absolute path (``/…``, ``C:/…``) becomes a ``file:///`` URI."""
    from pathlib import PureWindowsPath
    from urllib.parse import quote

    windows = PureWindowsPath(file)
    if windows.drive and windows.is_absolute():
        return windows.as_uri()
    path = file
    while path.startswith("./"):
        path = path[2:]
    # the bytes of the name as the file system holds them (a name that is not UTF-8 included)
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system name gives: shown, not lost
        raw = path.encode("utf-8", "backslashreplace")
    uri = quote(raw, safe="/-._~!$&'()*+,;=@")
    return "file://" + uri if path.startswith("/") else uri


def _rooted() -> bool:
    """Whether the run names files from a root (:func:`plan272.views.places.rooted`)."""
    from plan272.views import places

    return places.current_root() is not None


def artifact_location(file: str) -> dict[str, str]:
    """``{"uri", "uriBaseId"}`` of a finding's file: relative to ``%SRCROOT%`` when the run has a
    root and the file is in it; else the URI alone (absolute, or as the run was given it)."""
    from plan272.views.places import place

    uri = artifact_uri(place(file))
    if _rooted() and not uri.startswith("file:"):
        return {"uri": uri, "uriBaseId": ROOT_BASE_ID}
    return {"uri": uri}


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
        "helpUri": help_uri(rule),
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
                    "artifactLocation": artifact_location(finding.location.file),
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
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "plan272",
                "version": tool_version,
                "informationUri": DOCS_URL,
                "rules": [_rule_object(rule) for rule in rules],
            }
        },
        "invocations": [{"executionSuccessful": not report.fatal}],
    }
    if _rooted():
        from plan272.messages import Message

        root = Message("sarif.root", base=ROOT_BASE_ID).render(lang)
        run["originalUriBaseIds"] = {ROOT_BASE_ID: {"description": {"text": root}}}
    run["results"] = results
    run["properties"] = {
        "rulesChecked": [rule.code for rule in report.rules],
        "suppressed": report.suppressed,
        "staleBaseline": list(report.stale_baseline),
        "baselineVersion": report.baseline_version,
        "worse": len(report.worse),
        "improved": len(report.improved),
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


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
