"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, test reporters).

``<testsuites>`` holds one ``<testsuite name="plan272 validate">`` with:

- one ``<testcase>`` per finding: ``classname="plan272.<CODE>"``, ``name="<key> at <location>"``
  (the finding's key, then file:line [field]); ``" #2"``, ``" #3"`` … are appended should two
  findings still share classname and name, so every case is unique. By severity:

  - error, warning: ``<failure type="error|warning" message="<message>">`` with the details
    (location, figures, ids, extra, fingerprint) as text;
  - info: a *passing* case with the details in ``<system-out>``. An info finding is a note that
    does not fail ``validate`` by default, so it does not turn a CI test view red;
  - INT001 (a rule crashed): ``<error type="internal-error">``: the check could not run, which
    is what JUnit's ``error`` means, as opposed to a ``failure`` of the plan.

- one passing ``<testcase name="no findings">`` per rule that ran (``report.rules``) and reported
  nothing. When some input could not be read (``report.fatal``), those cases are ``<skipped>``
  instead: a rule's silence over a plan that was not fully loaded proves nothing.

- with ``--baseline``: a finding worse than the baseline is a case as above (a failure for an error
  or a warning) whose text adds what the baseline recorded (``baseline: worse``, the baseline's
  severity and figures, and the sentence saying both); a finding that improved on the baseline is a
  *passing* case (``name`` ends in ``(improved on the baseline)``) with the same details in
  ``<system-out>``: a notice, not a failure.

``tests``, ``failures``, ``errors`` and ``skipped`` on both elements count these cases. Text is
built with :mod:`xml.etree.ElementTree` (so ``<``, ``&``, ``]]>`` are escaped); characters XML 1.0
cannot carry at all (control characters such as ESC) are replaced by their visible Unicode control
pictures (ESC -> U+241B).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plan272.findings import Severity
from plan272.safety import safe
from plan272.views.lines import baseline_note

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


def details(
    finding: Finding, rule_name: str | None, lang: Lang = "en", compared: Compared | None = None
) -> str:
    """The finding as lines of text; every value from the data on its own line, made safe, so no
    value starts a line of its own (a forged CI command in a log that prints the XML). With
    ``compared``, what the baseline recorded of it too."""
    lines = [
        safe(str(finding.location)),
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
    from plan272.views.report.sarif import rules_for

    names = {rule.code: rule.name for rule in rules_for(report)}
    suites = Element("testsuites", {"name": "plan272"})
    suite = _sub(suites, "testsuite", name=SUITE_NAME)
    properties = _sub(suite, "properties")
    _sub(properties, "property", name="plan272.version", value=xml_name(tool_version))
    _sub(properties, "property", name="plan272.suppressed", value=str(report.suppressed))
    _sub(properties, "property", name="plan272.stale_baseline", value=str(len(report.stale_baseline)))
    _sub(properties, "property", name="plan272.worse", value=str(len(report.worse)))
    _sub(properties, "property", name="plan272.improved", value=str(len(report.improved)))

    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    used: set[tuple[str, str]] = set()

    def testcase(classname: str, name: str) -> Element:
        classname, name = xml_name(classname), xml_name(name)
        unique, n = name, 1
        while (classname, unique) in used:
            n += 1
            unique = f"{name} #{n}"
        used.add((classname, unique))
        counts["tests"] += 1
        return _sub(suite, "testcase", classname=classname, name=unique, time="0")

    for finding in report.findings:
        case = testcase(f"plan272.{finding.code}", f"{finding.key()} at {finding.location}")
        compared = report.compared(finding)
        text = details(finding, names.get(finding.code), lang, compared)
        message = finding.text(lang)
        if compared is not None:
            message += " — " + baseline_note(compared, lang)
        if finding.code == INTERNAL:
            counts["errors"] += 1
            node = _sub(case, "error", type="internal-error", message=xml_name(finding.text(lang)))
            node.text = text
        elif finding.severity.value in ("error", "warning"):
            counts["failures"] += 1
            node = _sub(case, "failure", type=finding.severity.value, message=xml_name(message))
            node.text = text
        else:
            _sub(case, "system-out").text = text

    for compared in report.improved:  # a notice: a passing case
        finding = compared.finding
        case = testcase(
            f"plan272.{finding.code}", f"{finding.key()} at {finding.location} (improved on the baseline)"
        )
        _sub(case, "system-out").text = details(finding, names.get(finding.code), lang, compared)

    reported = {f.code for f in report.findings} | {c.finding.code for c in report.improved}
    for rule in report.rules:
        if rule.code in reported:
            continue
        case = testcase(f"plan272.{rule.code}", PASS_NAME)
        if report.fatal:
            counts["skipped"] += 1
            _sub(case, "skipped", message="some input could not be read: this rule's silence proves nothing")
        else:
            _sub(case, "system-out").text = xml_text(f"{rule.code} ({rule.name}): {rule.summary}\n")

    for element in (suites, suite):
        for key, value in counts.items():
            element.set(key, str(value))
        element.set("time", "0")
    indent(suites, space="  ")
    body = tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
