"""The default report: findings grouped by file, sorted by location, one summary line at the end.

Text from the data is always handed to rich as ``Text`` objects, never as markup, and control
characters are made visible, so a name such as ``[bold]x[/]`` or an ANSI escape prints literally.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from plan272.findings import Severity
from plan272.safety import safe
from plan272.views.lines import baseline_note, found_text, outcome, report_rows, severity_word

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from plan272.engine import Report
    from plan272.messages import Lang

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(
    report: Report,
    tool_version: str = "",
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    """The report as text: coloured on a terminal, plain for a file or a pipe."""
    from plan272.views.console import capture

    return capture(lambda console: draw(report, console, lang), to_file=to_file)


def draw(report: Report, console: Console, lang: Lang = "en") -> None:
    from rich.table import Table
    from rich.text import Text

    from plan272.findings import Severity

    width = max((len(severity_word(s, lang)) for s in ("error", "warning", "info")), default=7) + 1
    # the findings, and beside them the notices of findings that improved on the baseline (info)
    for file, items in groupby(report_rows(report), key=lambda row: row[0].location.file):
        console.print(Text(safe(file), style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for finding, compared in items:
            improved = compared is not None and compared.trend == "better"
            severity = Severity.INFO.value if improved else finding.severity.value
            where = str(finding.location.line) if finding.location.line else "-"
            head = Text()
            head.append(f"{severity_word(severity, lang):<{width}}", style=_STYLE[severity])
            head.append(finding.code, style="bold")
            body = Text()
            if finding.location.field:
                body.append(f"[{safe(finding.location.field)}] ", style="dim")
            body.append(safe(finding.text(lang)), style="dim" if improved else "")
            found = found_text(finding, lang)
            if found is not None:
                body.append(safe(found), style="dim")
            if compared is not None:
                body.append("\n")
                body.append(baseline_note(compared, lang), style="cyan" if improved else "bold red")
            table.add_row(where, head, body)
        console.print(table)
        console.print()
    from plan272.views.report import quiet

    if quiet():  # the findings only
        return
    if report.baseline_version is not None and report.baseline_version < 2:
        from plan272.messages import Message

        console.print(Text(Message("report.no-figures").render(lang), style="yellow"))
        console.print()
    if report.stale_baseline:
        from plan272.messages import Message

        count = len(report.stale_baseline)
        entries = Message("report.stale-one" if count == 1 else "report.stale-many")
        console.print(
            Text(Message("report.stale", count=count, entries=entries).render(lang), style="yellow")
        )
        for key in report.stale_baseline:
            console.print(Text(f"  {safe(key)}"))
        console.print()
    console.print(summary_line(report, lang))


def summary_line(report: Report, lang: Lang = "en") -> Text:
    from rich.text import Text

    from plan272.messages import Message

    lead, rest = outcome(report, lang)
    text = Text()
    text.append(lead, style="bold green" if not report.findings else "bold")
    text.append(rest)
    if report.fatal and report.incomplete:
        from plan272.messages import ids
        from plan272.safety import safe

        files = ids([safe(file) for file in report.incomplete])
        text.append("\n" + Message("report.incomplete", files=files).render(lang), style="bold red")
    elif report.fatal:
        text.append("\n" + Message("report.fatal").render(lang), style="bold red")
    return text
