"""``--format concise``: one line per finding, for grep, editors and CI problem matchers::

    data/plan.yaml:108:1: SEC001 error: [security_policy.min_share_percent] information security …

``path:line:col: CODE severity: [field] message`` — the shape of gcc's and ruff's concise output, so
the usual problem-matcher patterns read it. The column is 1 (plan272 knows lines and fields, not
columns) and a finding without a line is at line 1. The severity is a machine word (error, warning,
info) whatever the language; the message is in the report's language. The last line counts the
findings, as ``--format text`` does.

Text from the data is made safe (:func:`plan272.safety.safe`): a finding is always one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.safety import safe
from plan272.views.lines import finding_line, outcome

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.findings import Finding
    from plan272.messages import Lang


def line(finding: Finding, lang: Lang = "en") -> str:
    """One finding on one line."""
    from pathlib import PureWindowsPath

    where = PureWindowsPath(finding.location.file).as_posix()
    return safe(
        f"{where}:{finding.location.line or 1}:1: {finding.code} {finding.severity.value}: "
        f"{finding_line(finding, lang)}"
    )


def render(report: Report, tool_version: str, *, lang: Lang = "en", to_file: bool = False) -> str:
    lead, rest = outcome(report, lang)
    return "".join(line(f, lang) + "\n" for f in report.findings) + lead + rest + "\n"
