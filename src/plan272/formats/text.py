"""The default report: findings grouped by file, sorted by location, one summary line at the end.

Text from the data is always handed to rich as ``Text`` objects, never as markup, and control
characters are made visible, so a name such as ``[bold]x[/]`` or an ANSI escape prints literally.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from plan272.safety import safe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from plan272.engine import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    for file, items in groupby(report.findings, key=lambda f: f.location.file):
        console.print(Text(safe(file), style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for finding in items:
            where = str(finding.location.line) if finding.location.line else "-"
            head = Text()
            head.append(f"{finding.severity.value:<8}", style=_STYLE[finding.severity.value])
            head.append(finding.code, style="bold")
            body = Text()
            if finding.location.field:
                body.append(f"[{safe(finding.location.field)}] ", style="dim")
            body.append(safe(finding.text()))
            value = finding.extra.get("value")
            if value is not None:
                body.append(f" (found {safe(repr(value))})", style="dim")
            table.add_row(where, head, body)
        console.print(table)
        console.print()
    if report.stale_baseline:
        count = len(report.stale_baseline)
        noun = "entry no longer occurs" if count == 1 else "entries no longer occur"
        console.print(Text(f"{count} baseline {noun} (remove with --write-baseline):", style="yellow"))
        for key in report.stale_baseline:
            console.print(Text(f"  {safe(key)}"))
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
    count = len(report.rules)
    if count == 0:
        text.append(" (no rules checked: the plan could not be read")
    else:
        text.append(f" ({count} rule{'s' if count != 1 else ''} checked")
    if report.suppressed:
        text.append(f"; {report.suppressed} suppressed by the baseline")
    text.append(")")
    if report.fatal:
        text.append("\nplan272 could not read some input: see the problems above.", style="bold red")
    return text
