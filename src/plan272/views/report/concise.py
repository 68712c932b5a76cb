"""``--format concise``: one line per finding, for grep, editors and CI problem matchers::

    data/plan.yaml:108:1: SEC001 error: [security_policy.min_share_percent] information security …

``path:line:col: CODE severity: [field] message`` — the shape of gcc's and ruff's concise output, so
the usual problem-matcher patterns read it. The column is 1 (plan272 knows lines and fields, not
columns) and a finding without a line is at line 1. The severity is a machine word (error, warning,
info) whatever the language; the message is in the report's language. The last line counts the
findings, as ``--format text`` does. With a baseline, a finding worse than it records says so at the
end of its line (recorded figures; today's), and one that improved on it is an ``info`` line of its
own, as in ``--format text``.

Text from the data is made safe (:func:`plan272.safety.safe`): a finding is always one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.findings import Severity
from plan272.safety import safe
from plan272.views.lines import baseline_note, finding_line, outcome, report_rows

if TYPE_CHECKING:
    from plan272.engine import Compared, Report
    from plan272.findings import Finding
    from plan272.messages import Lang


def line(finding: Finding, lang: Lang = "en", compared: Compared | None = None) -> str:
    """One finding on one line (with how it compares with the baseline, when it does)."""
    from plan272.views.places import place

    severity = "info" if compared is not None and compared.trend == "better" else finding.severity.value
    note = f"; {baseline_note(compared, lang)}" if compared is not None else ""
    return safe(
        f"{place(finding.location.file)}:{finding.location.line or 1}:1: {finding.code} {severity}: "
        f"{finding_line(finding, lang)}{note}"
    )


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    from plan272.views.report import quiet

    lines = "".join(line(f, lang, c) + "\n" for f, c in report_rows(report))
    if quiet():
        return lines
    lead, rest = outcome(report, lang)
    return lines + lead + rest + "\n"
