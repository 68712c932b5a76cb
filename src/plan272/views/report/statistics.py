"""``plan272 validate --statistics``: how many findings each rule reported, instead of the findings
(as ``ruff check --statistics``) — most frequent first::

    4  SEC002  security-share-year   error
    2  TXT001  stated-figures        warning, info

``--format json`` gives the same as a list of ``{"code", "name", "count", "severities"}``; the text
form ends with the report's count line (left out with ``--quiet``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plan272.findings import Severity

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.messages import Lang


@dataclass(frozen=True)
class Count:
    code: str
    name: str
    count: int
    severities: dict[str, int]  # severity -> findings, highest first


def counts(report: Report) -> list[Count]:
    """Findings per rule code, most first (then by code)."""
    from plan272.rules import catalogue

    names = {rule.code: rule.name for rule in catalogue()}
    by_code: dict[str, dict[str, int]] = {}
    for finding in report.findings:
        severities = by_code.setdefault(finding.code, {})
        severities[finding.severity.value] = severities.get(finding.severity.value, 0) + 1
    order = [s.value for s in sorted(Severity, key=lambda s: -s.rank)]
    out = [
        Count(
            code, names.get(code, code.lower()), sum(seen.values()), {s: seen[s] for s in order if s in seen}
        )
        for code, seen in by_code.items()
    ]
    return sorted(out, key=lambda c: (-c.count, c.code))


def render(report: Report, name: str, *, lang: Lang = "en") -> str:
    """The counts in the format ``name`` (``text`` or ``json``)."""
    rows = counts(report)
    if name == "json":
        from plan272.jsonout import dumps

        return (
            dumps(
                [{"code": c.code, "name": c.name, "count": c.count, "severities": c.severities} for c in rows]
            )
            + "\n"
        )
    from plan272.views.lines import outcome, severity_word
    from plan272.views.report import quiet

    width = max((len(str(c.count)) for c in rows), default=1)
    code = max((len(c.code) for c in rows), default=6)
    label = max((len(c.name) for c in rows), default=0)
    lines = [
        f"{c.count:>{width}}  {c.code:<{code}}  {c.name:<{label}}  "
        + ", ".join(severity_word(s, lang) for s in c.severities)
        for c in rows
    ]
    if not quiet():
        lead, rest = outcome(report, lang)
        lines.append(lead + rest)
    return "".join(line.rstrip() + "\n" for line in lines)
