"""The default report: findings grouped by file, sorted by location, one summary line at the end.

Text from the data is always passed to rich as ``Text`` objects, never as markup.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from plan272.engine import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, console: Console) -> None:
    from rich.text import Text

    for file, items in groupby(report.findings, key=lambda f: f.location.file):
        console.print(Text(file, style="bold underline"))
        for finding in items:
            line = Text("  ")
            where = f"{finding.location.line}" if finding.location.line else "-"
            line.append(f"{where:>5}  ", style="dim")
            line.append(f"{finding.severity.value:<7} ", style=_STYLE[finding.severity.value])
            line.append(f"{finding.code}  ", style="bold")
            if finding.location.field:
                line.append(f"[{finding.location.field}] ", style="dim")
            line.append(finding.message)
            value = finding.extra.get("value")
            if value is not None:
                line.append(f" (found {value!r})", style="dim")
            console.print(line)
        console.print()
    console.print(summary_line(report))


def summary_line(report: Report) -> Text:
    from rich.text import Text

    counts = report.counts()
    total = sum(counts.values())
    text = Text()
    if total == 0:
        text.append("No findings.", style="bold green")
    else:
        text.append(f"{total} finding{'s' if total != 1 else ''}: ", style="bold")
        text.append(", ".join(f"{n} {sev}" for sev, n in counts.items()))
    text.append(f" ({len(report.rules)} rules checked")
    if report.suppressed:
        text.append(f"; {report.suppressed} suppressed by the baseline")
    text.append(")")
    if report.fatal:
        text.append("\nplan272 could not read some input: see the problems above.", style="bold red")
    return text


if TYPE_CHECKING:
    from rich.text import Text
