"""``--format github``: GitHub Actions workflow commands, and a Markdown step summary.

:func:`render` writes one annotation per finding::

    ::error file=data/plan.yaml,line=95,col=1,title=SEC002 security-share-year::[field] message

``file`` is the finding's file as :func:`plan272.views.places.place` names it: relative to the
repository's root (git's top level, or ``--root``) with forward slashes, which is how GitHub
places an annotation on a file whatever directory the job ran in (``working-directory:``); a file
outside the root keeps its absolute path.
error -> ``::error``, warning -> ``::warning``, info -> ``::notice``. ``line`` and ``col`` are
left out when the line is unknown. With ``--baseline``, a finding worse than the baseline keeps its
command and its message adds what the baseline recorded (``… — worse than the baseline (recorded:
…; now: …)``); a finding that improved on the baseline is a ``::notice`` saying so (in the step
summary too, as an info row). Escaping follows the runner's rules (actions/toolkit
``command.ts``): in the message ``%`` -> ``%25``, CR -> ``%0D``, LF -> ``%0A``; in property values
(file, title) also ``:`` -> ``%3A`` and ``,`` -> ``%2C``. Other control characters (ESC of an
ANSI sequence, …) are shown as Unicode control pictures, never passed to the log raw.

GitHub shows at most 10 annotations of each kind per step, so :func:`step_summary` writes the
whole report as Markdown for ``$GITHUB_STEP_SUMMARY``: a heading, the counts by severity, then a
table of every finding. Text from the data is escaped so that it is never read as Markdown or
HTML: ``<``, ``>``, ``&`` become entities, Markdown punctuation is backslash-escaped, newlines
become spaces. GitHub limits a step summary to 1 MiB: past about 900 kB the table stops with a
note saying how many findings were left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.findings import Severity
from plan272.messages import Arg, Message
from plan272.problems import Location
from plan272.safety import safe
from plan272.views.lines import baseline_note, finding_line, plural_s, report_rows, severity_word
from plan272.views.places import place

if TYPE_CHECKING:
    from plan272.engine import Compared, Report
    from plan272.findings import Finding
    from plan272.messages import Lang

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
SUMMARY_LIMIT = 900_000  # bytes; GitHub refuses a step summary over 1 MiB


def visible(text: str) -> str:
    """Text from the data, made safe (:func:`plan272.safety.safe`): no character of it is active,
    and no newline of it can end the command it is in."""
    return safe(text)


def escape_data(text: str) -> str:
    """A workflow command's message."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _rule_names(report: Report) -> dict[str, str]:
    from plan272.views.report.sarif import rules_for

    return {rule.code: rule.name for rule in rules_for(report)}


def message_of(
    finding: Finding, lang: Lang = "en", compared: Compared | None = None, *, field: bool = True
) -> str:
    """A finding's line, and beside it what the baseline recorded when it differs."""
    text = finding_line(finding, lang, field=field)
    return text if compared is None else f"{text} — {baseline_note(compared, lang)}"


def annotation(
    finding: Finding, rule_name: str | None, lang: Lang = "en", compared: Compared | None = None
) -> str:
    from plan272.views.places import place

    title = f"{finding.code} {rule_name}" if rule_name else finding.code
    props = [f"file={escape_property(place(finding.location.file))}"]
    if finding.location.line is not None:
        props += [f"line={finding.location.line}", "col=1"]
    props.append(f"title={escape_property(title)}")
    improved = compared is not None and compared.trend == "better"
    command = "notice" if improved else _COMMAND[finding.severity.value]
    return f"::{command} {','.join(props)}::{escape_data(message_of(finding, lang, compared))}"


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    names = _rule_names(report)
    lines = [annotation(f, names.get(f.code), lang, compared) for f, compared in report_rows(report)]
    return "".join(line + "\n" for line in lines)


# Markdown ----------------------------------------------------------------------------------------

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: ASCII punctuation that can start or end inline Markdown/GFM syntax: emphasis, code, links,
#: images, table cells, strikethrough, math, autolinks (``http:``, ``www.``, ``a@b.c``), emoji
#: shortcodes. Block syntax (``#``, ``-``, ``+``, ``1.`` …) cannot start inside a table cell.
_MARKDOWN = set("\\`*_{}[]()!|~:$@.")


def md(text: str) -> str:
    """Data text for a Markdown table cell: never markup, never a line break, never a new cell."""
    out: list[str] = []
    for char in visible(text).replace("\r\n", " ").replace("\r", " ").replace("\n", " "):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _MARKDOWN:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _plural(n: int, word: str, lang: Lang) -> str:
    if lang == "vi":
        return f"{n} {severity_word(word, lang)}"
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def step_summary(report: Report, tool_version: str, lang: Lang = "en") -> str:
    def say(key: str, **args: Arg) -> str:
        return Message(key, **args).render(lang)

    counts = report.counts()
    total = sum(counts.values())
    outcome = (
        ", ".join(_plural(n, sev, lang) for sev, n in counts.items()) if total else say("summary.no-findings")
    )
    parts = [
        f"## {say('summary.heading', outcome=outcome)}\n",
        "\n",
        f"| {say('summary.severity')} | {say('summary.findings')} |\n",
        "| --- | ---: |\n",
        *(f"| {severity_word(sev, lang)} | {n} |\n" for sev, n in counts.items()),
        "\n",
    ]
    rules = len(report.rules)
    notes = [say("summary.rules", count=rules, s=plural_s(rules)), f"plan272 {md(tool_version)}"]
    if report.suppressed:
        notes.append(say("summary.suppressed", count=report.suppressed))
    if report.worse:
        notes.append(say("summary.worse", count=len(report.worse)))
    if report.improved:
        notes.append(say("summary.improved", count=len(report.improved)))
    if report.stale_baseline:
        stale = len(report.stale_baseline)
        notes.append(say("summary.stale", count=stale, entries="entry" if stale == 1 else "entries"))
    parts.append("; ".join(notes) + ".\n")
    if report.fatal:
        parts.append("\n" + say("summary.fatal") + "\n")
    if report.baseline_version is not None and report.baseline_version < 2:
        parts.append("\n" + say("report.no-figures") + "\n")
    if report.stale_baseline:
        entries = ", ".join(md(e) for e in report.stale_baseline[:50])
        extra = len(report.stale_baseline) - 50
        more = say("summary.stale-more", count=extra) if extra > 0 else ""
        parts.append("\n" + say("summary.stale-list", entries=entries, more=more) + "\n")
    rows = report_rows(report)
    if rows:
        head = (say("summary.code"), say("summary.severity"), say("summary.location"), say("summary.message"))
        parts += ["\n", "| " + " | ".join(head) + " |\n", "| --- | --- | --- | --- |\n"]
        size = sum(len(p.encode("utf-8")) for p in parts)
        names = _rule_names(report)
        for shown, (finding, compared) in enumerate(rows):
            name = names.get(finding.code)
            code = md(finding.code) + (f" {md(name)}" if name else "")
            improved = compared is not None and compared.trend == "better"
            severity = "info" if improved else finding.severity.value
            where = Location(place(finding.location.file), finding.location.line, finding.location.field)
            row = (
                f"| {code} | {severity_word(severity, lang)} | {md(str(where))} "
                f"| {md(message_of(finding, lang, compared, field=False))} |\n"
            )
            size += len(row.encode("utf-8"))
            if size > SUMMARY_LIMIT:
                parts.append("\n" + say("summary.cut", count=len(rows) - shown) + "\n")
                break
            parts.append(row)
    return "".join(parts)
