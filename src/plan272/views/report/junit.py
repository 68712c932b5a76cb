"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, test reporters).

``<testsuites>`` holds one ``<testsuite name="plan272 validate">`` with:

- one ``<testcase>`` per finding (and per finding that improved on the baseline), in the report's
  order: ``classname="plan272.<CODE>"``, ``name="<CODE> <ids…>"`` — the rule's code and the ids the
  finding concerns (a project, a unit, a year, an indicator), joined by spaces, e.g.
  ``SEC002 2022`` — so a case keeps its name when lines move, as a baseline keeps its entry. Names
  hold no line and no internal key: only when two findings of a run would share a name does each
  get its detail in parentheses (``DAT001 appendix1.csv I.3 tmdt (20.200)``), and should they
  still collide, ``#2``, ``#3`` … in the report's order. ``file`` is the finding's file as
  :func:`plan272.views.places.place` names it (relative to the repository's root when the run has
  one) and ``line`` its line, when known. By the finding's severity and ``--fail-on``:

  - at or above ``--fail-on`` (error by default): ``<failure type="error|warning|info"
    message="<message>">`` with the details (location, figures, ids, extra, fingerprint) as text;
  - below it: a *passing* case with the details in ``<system-out>``, and a line saying why it is
    not a failure. Such a finding does not fail ``validate``, so it does not turn a CI test view
    red: the view fails exactly when the run does;
  - INT001 (a rule crashed): ``<error type="internal-error">``: the check could not run, which
    is what JUnit's ``error`` means, as opposed to a ``failure`` of the plan.

- one passing ``<testcase name="no findings">`` per rule that ran (``report.rules``) and reported
  nothing. When some input could not be read (``report.fatal``), those cases are ``<skipped>``
  instead: a rule's silence over a plan that was not fully loaded proves nothing.

- with ``--baseline``: a finding worse than the baseline is a case as above (a failure at or above
  ``--fail-on``) whose text adds what the baseline recorded (``baseline: worse``, the baseline's
  severity and figures, and the sentence saying both); a finding that improved on the baseline is a
  *passing* case of the same name with the same details in ``<system-out>``: a notice, never a
  failure, whatever ``--fail-on``.

``tests``, ``failures``, ``errors`` and ``skipped`` on both elements count these cases; the suite's
properties give plan272's version, ``--fail-on`` and the baseline's counts. Text is built with
:mod:`xml.etree.ElementTree` (so ``<``, ``&``, ``]]>`` are escaped); characters XML 1.0 cannot carry
at all (control characters such as ESC) are replaced by their visible Unicode control pictures
(ESC -> U+241B). Sentences are in the report's language; names, types, codes and figures are not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plan272.findings import Severity
from plan272.messages import Message
from plan272.safety import safe
from plan272.views.lines import baseline_note, report_rows

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from plan272.engine import Compared, Report
    from plan272.findings import Finding
    from plan272.messages import Lang

SUITE_NAME = "plan272 validate"
PASS_NAME = "no findings"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_XML_OR_BREAK = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    return chr(0x2400 + ord(char)) if ord(char) < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids made visible (tab and newlines are kept: the
    tool's own line breaks; values from the data are made safe before they get here)."""
    return _NOT_XML.sub(_picture, text)


def xml_name(text: str) -> str:
    """A one-line identifier or message: anything not printable made visible (:func:`safe`)."""
    return safe(text)


def _figure(value: object) -> str:
    return "-" if value is None else str(value)


def where(finding: Finding) -> str:
    """``file:line [field]``, the file as the report names it (:func:`plan272.views.places.place`)."""
    from plan272.views.places import place

    location = finding.location
    out = place(location.file)
    if location.line is not None:
        out += f":{location.line}"
    if location.field:
        out += f" [{location.field}]"
    return out


def case_name(finding: Finding) -> str:
    """``CODE ids…``: what a finding's test case is called (before any suffix that keeps it unique)."""
    return " ".join([finding.code, *(i for i in finding.ids if i)])


def case_names(findings: list[Finding]) -> list[str]:
    """The names of the findings' cases, in order: :func:`case_name`, with the finding's detail in
    parentheses where two would share a name. :func:`render` numbers any that still collide."""
    from collections import Counter

    names = [case_name(f) for f in findings]
    shared = Counter(names)
    return [
        f"{name} ({f.detail})" if shared[name] > 1 and f.detail else name
        for name, f in zip(names, findings, strict=True)
    ]


def details(
    finding: Finding, rule_name: str | None, lang: Lang = "en", compared: Compared | None = None
) -> str:
    """The finding as lines of text; every value from the data on its own line, made safe, so no
    value starts a line of its own (a forged CI command in a log that prints the XML). With
    ``compared``, what the baseline recorded of it too."""
    lines = [
        safe(where(finding)),
        f"{finding.code}" + (f" ({safe(rule_name)})" if rule_name else "") + f", {finding.severity.value}",
        safe(finding.text(lang)),
    ]
    if finding.expected is not None or finding.observed is not None:
        lines.append(f"expected: {_figure(finding.expected)}")
        lines.append(f"observed: {_figure(finding.observed)}")
        lines.append(f"difference: {_figure(finding.difference)}")
    if finding.ids:
        lines.append("ids: " + safe(", ".join(finding.ids)))
    for key in sorted(finding.extra):
        value = finding.extra[key]
        lines.append(safe(f"found: {value!r}" if key == "value" else f"{key}: {value}"))
    lines.append(f"fingerprint: {finding.fingerprint()}")
    if compared is not None:
        recorded = compared.recorded
        figures = recorded.figures
        lines.append(f"baseline: {'worse' if compared.trend == 'worse' else 'improved'}")
        lines.append(f"baseline severity: {figures.severity.value}")
        if figures.expected is not None or figures.observed is not None:
            difference = None
            if figures.expected is not None and figures.observed is not None:
                difference = figures.observed - figures.expected
            lines.append(f"baseline expected: {_figure(figures.expected)}")
            lines.append(f"baseline observed: {_figure(figures.observed)}")
            lines.append(f"baseline difference: {_figure(difference)}")
        if recorded.share is not None:
            lines.append(safe(f"baseline share: {recorded.share}"))
        lines.append(safe(baseline_note(compared, lang)))
    return xml_text("\n".join(lines) + "\n")


def _sub(parent: Element, tag: str, **attrs: str) -> Element:
    from xml.etree.ElementTree import SubElement

    return SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})


def render(
    report: Report,
    tool_version: str,
    *,
    lang: Lang = "en",
    to_file: bool = False,
    fail_on: Severity = Severity.ERROR,
) -> str:
    from xml.etree.ElementTree import Element, indent, tostring

    from plan272.engine import INTERNAL
    from plan272.views.places import place
    from plan272.views.report.sarif import rules_for

    names = {rule.code: rule.name for rule in rules_for(report)}
    suites = Element("testsuites", {"name": "plan272"})
    suite = _sub(suites, "testsuite", name=SUITE_NAME)
    properties = _sub(suite, "properties")
    _sub(properties, "property", name="plan272.version", value=xml_name(tool_version))
    _sub(properties, "property", name="plan272.fail_on", value=fail_on.value)
    _sub(properties, "property", name="plan272.suppressed", value=str(report.suppressed))
    _sub(properties, "property", name="plan272.stale_baseline", value=str(len(report.stale_baseline)))
    _sub(properties, "property", name="plan272.worse", value=str(len(report.worse)))
    _sub(properties, "property", name="plan272.improved", value=str(len(report.improved)))

    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    used: set[tuple[str, str]] = set()

    def testcase(classname: str, name: str, **attrs: str) -> Element:
        classname, name = xml_name(classname), xml_name(name)
        unique, n = name, 1
        while (classname, unique) in used:
            n += 1
            unique = f"{name} #{n}"
        used.add((classname, unique))
        counts["tests"] += 1
        return _sub(suite, "testcase", classname=classname, name=unique, **attrs, time="0")

    rows = report_rows(report)
    for (finding, compared), name in zip(rows, case_names([f for f, _ in rows]), strict=True):
        place_attrs = {"file": xml_name(place(finding.location.file))}
        if finding.location.line is not None:
            place_attrs["line"] = str(finding.location.line)
        case = testcase(f"plan272.{finding.code}", name, **place_attrs)
        text = details(finding, names.get(finding.code), lang, compared)
        message = finding.text(lang)
        if compared is not None:
            message += " — " + baseline_note(compared, lang)
        improved = compared is not None and compared.trend == "better"
        if finding.code == INTERNAL and not improved:
            counts["errors"] += 1
            node = _sub(case, "error", type="internal-error", message=xml_name(finding.text(lang)))
            node.text = text
        elif not improved and finding.severity.rank >= fail_on.rank:
            counts["failures"] += 1
            node = _sub(case, "failure", type=finding.severity.value, message=xml_name(message))
            node.text = text
        else:  # a passing case: a notice, or a finding below --fail-on
            why = (
                Message("junit.improved")
                if improved
                else Message("junit.passes", severity=finding.severity.value, fail_on=fail_on.value)
            )
            _sub(case, "system-out").text = text + xml_text(why.render(lang) + "\n")

    reported = {f.code for f, _ in rows}
    for rule in report.rules:
        if rule.code in reported:
            continue
        case = testcase(f"plan272.{rule.code}", PASS_NAME)
        if report.fatal:
            counts["skipped"] += 1
            _sub(case, "skipped", message=xml_name(Message("junit.skipped").render(lang)))
        else:
            summary = xml_text(f"{rule.code} ({rule.name}): {rule.summary_in(lang)}\n")
            _sub(case, "system-out").text = summary

    for element in (suites, suite):
        for key, value in counts.items():
            element.set(key, str(value))
        element.set("time", "0")
    indent(suites, space="  ")
    body = tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
