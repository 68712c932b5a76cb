"""``--format gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array, one object per finding, with the fields GitLab reads (its "Code Quality report
format", a subset of Code Climate's):

- ``description``: ``CODE [field] message`` in the report's language;
- ``check_name``: the rule's code;
- ``fingerprint``: the finding's fingerprint (code, ids and detail — never the line or the message),
  so an issue keeps its identity when lines move and GitLab's merge-request widget reports it as
  unchanged, not as fixed and new; two findings of one run that would share it get ``:2``, ``:3``…;
- ``severity``: error → ``major``, warning → ``minor``, info → ``info``;
- ``location.path`` (relative to the repository root, forward slashes) and ``location.lines.begin``
  (1 when the line is unknown: GitLab requires one).

With a baseline, a finding worse than it records says so in its description (recorded figures;
today's); findings that improved on it are not issues and are left out (``--format text`` or
``json`` list them).

Text from the data is made safe (:func:`plan272.safety.safe`): no control character or line break of
it reaches the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plan272.findings import Severity
from plan272.safety import safe
from plan272.views.lines import baseline_note, finding_line

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.messages import Lang

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(report: Report, lang: Lang = "en") -> list[dict[str, Any]]:
    """The findings as Code Quality issues."""
    from plan272.views.places import place

    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for finding in report.findings:
        fingerprint = finding.fingerprint()
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        if seen[fingerprint] > 1:
            fingerprint = f"{fingerprint}:{seen[fingerprint]}"
        compared = report.compared(finding)
        note = f"; {baseline_note(compared, lang)}" if compared is not None else ""
        out.append(
            {
                "type": "issue",
                "description": safe(f"{finding.code} {finding_line(finding, lang)}{note}"),
                "check_name": finding.code,
                "fingerprint": fingerprint,
                "severity": SEVERITY[finding.severity.value],
                "location": {
                    "path": place(finding.location.file),
                    "lines": {"begin": finding.location.line or 1},
                },
            }
        )
    return out


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    import json

    return json.dumps(issues(report, lang), ensure_ascii=False, indent=2) + "\n"
