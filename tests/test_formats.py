"""The machine-readable formats of ``plan272 validate``: json, sarif, junit, github."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan272 import jsonout
from plan272.engine import INTERNAL, Report, run
from plan272.findings import Finding, Severity
from plan272.load import load_plan
from plan272.problems import Location
from plan272.rules import catalogue, get_rule
from plan272.safety import safe
from plan272.views.report import github, json_, junit, sarif
from plans import yaml_line

VERSION = "9.8.7"

HOSTILE_MESSAGE = "100% off: a,b\nline2\r<script>alert(1)</script> | ]]> `x` *y* \x1b[1m"


@cache
def shipped() -> Report:
    return run(load_plan("data"))


def rules(*codes: str) -> list[Any]:
    found = [get_rule(code) for code in codes]
    assert all(found)
    return found


def hostile() -> Finding:
    return Finding(
        "SUM001",
        Severity.ERROR,
        HOSTILE_MESSAGE,
        Location("data/we,ird:dir/app%1.csv", 7, "y2021"),
        ids=("P:1,2", "a\nb|<c>"),
        expected=Decimal("20200.10"),
        observed=Decimal("21200.35"),
        extra={"value": "\x1b[31mred", "share": "8.66%"},
    )


def plain(code: str = "SUM002", severity: Severity = Severity.WARNING, line: int | None = 12) -> Finding:
    return Finding(code, severity, f"{code} says so", Location("data/appendix1.csv", line), ids=("P1",))


def internal() -> Finding:
    return Finding(
        INTERNAL,
        Severity.ERROR,
        "internal error in rule SUM003: ZeroDivisionError: division by zero (at x.py:1); this is a bug",
        Location("data/plan.yaml"),
        ids=("SUM003",),
    )


def hostile_report() -> Report:
    findings = [
        hostile(),
        plain(),
        plain("SEC003", Severity.INFO, None),
        internal(),
    ]
    return Report(findings, list(catalogue()), suppressed=2, stale_baseline=["KPI001|x"])


# json --------------------------------------------------------------------------------------------


def test_json_shipped_data_has_exactly_the_documented_keys() -> None:
    report = shipped()
    doc = json.loads(json_.render(report, VERSION))
    assert list(doc) == list(json_.TOP_KEYS)
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "plan272", "version": VERSION}
    assert doc["summary"] == report.counts() == {"error": 5, "warning": 2, "info": 2}
    assert doc["suppressed"] == 0
    assert doc["stale_baseline"] == []
    assert len(doc["findings"]) == len(report.findings)
    for item, finding in zip(doc["findings"], report.findings, strict=True):
        assert list(item) == list(json_.FINDING_KEYS)
        assert item["code"] == finding.code
        assert item["fingerprint"] == finding.fingerprint()
        assert item["file"] == "data/plan.yaml"
        assert isinstance(item["line"], int)
    sec001 = doc["findings"][0]
    assert sec001["code"] == "SEC001"
    assert sec001["expected"] == 150172 and type(sec001["expected"]) is int
    assert sec001["difference"] == sec001["observed"] - sec001["expected"]
    sec003 = next(f for f in doc["findings"] if f["code"] == "SEC003")
    assert sec003["severity"] == "info"
    assert sec003["expected"] is None and sec003["observed"] is None and sec003["difference"] is None
    assert sec003["extra"] == {}


def test_json_null_where_not_applicable() -> None:
    doc = json.loads(json_.render(Report([plain(line=None)], []), VERSION))
    item = doc["findings"][0]
    assert item["line"] is None
    assert item["field"] is None
    assert item["expected"] is None and item["observed"] is None and item["difference"] is None
    assert item["ids"] == ["P1"]
    assert item["extra"] == {}
    assert doc["summary"] == {"error": 0, "warning": 1, "info": 0}


def test_json_no_findings() -> None:
    doc = json.loads(json_.render(Report([], []), VERSION))
    assert doc["findings"] == [] and doc["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_json_decimals_are_exact() -> None:
    finding = Finding(
        "SUM001",
        Severity.ERROR,
        "m",
        Location("a.csv", 1),
        expected=Decimal("0.1000000000000000055511151231257827"),
        observed=Decimal("1501.713"),
    )
    text = json_.render(Report([finding], []), VERSION)
    assert '"expected": 0.1000000000000000055511151231257827,' in text
    assert '"observed": 1501.713,' in text
    item = json.loads(text, parse_float=Decimal)["findings"][0]
    assert item["expected"] == finding.expected
    assert item["observed"] == Decimal("1501.713")
    assert item["difference"] == Decimal("1501.713") - Decimal("0.1000000000000000055511151231257827")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("20200.10"), "20200.10"),
        (Decimal("-0.5"), "-0.5"),
        (Decimal("0E-7"), "0E-7"),
        (Decimal("1.5E+3"), "1.5E+3"),
        (12, "12"),
        (Decimal("NaN"), "null"),
        (Decimal("-Infinity"), "null"),
    ],
)
def test_json_numbers(value: Any, text: str) -> None:
    assert jsonout.dumps(value) == text
    assert json.loads(text, parse_float=Decimal) == (value if text != "null" else None)


def test_json_hostile_text_round_trips() -> None:
    report = hostile_report()
    text = json_.render(report, VERSION)
    assert "\x1b" not in text  # JSON escapes it: \u001b
    doc = json.loads(text, parse_float=Decimal)
    first = doc["findings"][0]
    assert first["message"] == HOSTILE_MESSAGE
    assert first["ids"] == ["P:1,2", "a\nb|<c>"]
    assert first["extra"] == {"share": "8.66%", "value": "\x1b[31mred"}
    assert first["expected"] == Decimal("20200.10")
    assert first["difference"] == Decimal("1000.25")
    assert doc["suppressed"] == 2 and doc["stale_baseline"] == ["KPI001|x"]
    assert doc["summary"] == {"error": 2, "warning": 1, "info": 1}


# sarif -------------------------------------------------------------------------------------------


def check_sarif(doc: dict[str, Any], report: Report) -> None:
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    run_ = doc["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "plan272"
    assert driver["version"] == VERSION
    assert driver["informationUri"] == sarif.DOCS_URL
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert set(ids) >= {r.code for r in catalogue()}
    for rule in driver["rules"]:
        assert rule["id"] and rule["name"]
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"] == f"{sarif.DOCS_URL}#rule-catalogue"
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert isinstance(rule["properties"]["tags"], list)
    assert len(run_["results"]) == len(report.findings)
    for result, finding in zip(run_["results"], report.findings, strict=True):
        assert result["ruleId"] == finding.code
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri and "\\" not in uri and not uri.startswith("/")
        region = physical["region"]
        for key in ("startLine", "endLine", "startColumn", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        assert region["startLine"] == (finding.location.line or 1) == region["endLine"]
        assert region["startColumn"] == 1 and region["endColumn"] > region["startColumn"]
        assert result["partialFingerprints"]["plan272/v1"].startswith(finding.fingerprint())
        assert result["properties"]["ids"] == list(finding.ids)


def test_sarif_shipped_data() -> None:
    report = shipped()
    doc = json.loads(sarif.render(report, VERSION))
    check_sarif(doc, report)
    driver = doc["runs"][0]["tool"]["driver"]
    sec001 = get_rule("SEC001")
    assert sec001 is not None
    rule = next(r for r in driver["rules"] if r["id"] == "SEC001")
    assert rule["name"] == sec001.name
    assert rule["shortDescription"]["text"] == sec001.summary
    assert rule["fullDescription"]["text"] == sec001.what
    assert rule["help"]["text"] == sec001.explanation()
    assert rule["defaultConfiguration"]["level"] == "error"
    assert "security" in rule["properties"]["tags"]
    assert INTERNAL not in [r["id"] for r in driver["rules"]]
    sec003 = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "SEC003")
    assert sec003["level"] == "note"
    assert doc["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_sarif_hostile_and_internal() -> None:
    report = hostile_report()
    doc = json.loads(sarif.render(report, VERSION), parse_float=Decimal)
    check_sarif(doc, report)
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["rules"][-1]["id"] == INTERNAL
    assert driver["rules"][-1]["name"] == "internal-error"
    results = doc["runs"][0]["results"]
    assert results[0]["message"]["text"] == "[y2021] " + HOSTILE_MESSAGE + " (found '\\x1b[31mred')"
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "data/we,ird:dir/app%251.csv" or uri == "data/we,ird%3Adir/app%251.csv"
    assert results[0]["properties"]["difference"] == Decimal("1000.25")
    no_line = results[2]["locations"][0]["physicalLocation"]["region"]
    assert no_line["startLine"] == 1 and no_line["endLine"] == 1
    assert results[3]["ruleId"] == INTERNAL
    assert results[3]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_sarif_uri_is_relative_with_forward_slashes() -> None:
    # place() has made the path POSIX already: a backslash is a character of the name
    assert sarif.artifact_uri("data\\plan.yaml") == "data%5Cplan.yaml"
    assert sarif.artifact_uri("data/plan.yaml") == "data/plan.yaml"
    assert sarif.artifact_uri("./data/my plan.yaml") == "data/my%20plan.yaml"
    assert sarif.artifact_uri("/abs/plan.yaml") == "file:///abs/plan.yaml"


def test_sarif_fingerprint_is_stable_when_the_line_moves() -> None:
    before = Report([hostile()], list(catalogue()))
    moved = replace(hostile(), location=Location("data/we,ird:dir/app%1.csv", 70, "y2021"), message="new")

    def fingerprints(report: Report) -> list[str]:
        doc = json.loads(sarif.render(report, VERSION))
        return [r["partialFingerprints"]["plan272/v1"] for r in doc["runs"][0]["results"]]

    assert fingerprints(before) == fingerprints(Report([moved], list(catalogue())))
    assert fingerprints(before) == [hostile().fingerprint()]
    assert sarif.render(before, VERSION) == sarif.render(before, VERSION)


def test_sarif_duplicate_fingerprints_are_made_unique() -> None:
    report = Report([plain(line=3), plain(line=9)], [])
    doc = json.loads(sarif.render(report, VERSION))
    prints = [r["partialFingerprints"]["plan272/v1"] for r in doc["runs"][0]["results"]]
    assert prints == [plain().fingerprint(), plain().fingerprint() + ":2"]


def test_sarif_fatal_run_is_not_successful() -> None:
    report = Report([], [], fatal=True)
    doc = json.loads(sarif.render(report, VERSION))
    assert doc["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert doc["runs"][0]["results"] == []


# junit -------------------------------------------------------------------------------------------


def cases(root: ET.Element) -> list[ET.Element]:
    return root.findall("./testsuite/testcase")


def test_junit_shipped_data() -> None:
    report = shipped()
    root = ET.fromstring(junit.render(report, VERSION))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    all_cases = cases(root)
    keys = [(c.get("classname"), c.get("name")) for c in all_cases]
    assert len(keys) == len(set(keys))
    counts = report.counts()
    failures = [c for c in all_cases if c.find("failure") is not None]
    assert len(failures) == counts["error"] == 5  # --fail-on error (the default): warnings pass
    reported = {f.code for f in report.findings}
    quiet = [r.code for r in report.rules if r.code not in reported]
    passing = [c for c in all_cases if c.get("name") == junit.PASS_NAME]
    assert [c.get("classname") for c in passing] == [f"plan272.{code}" for code in quiet]
    assert all(len(c) == 1 and c[0].tag == "system-out" for c in passing)
    info = [c for c in all_cases if c.get("classname") == "plan272.SEC003"]
    assert len(info) == 1 and info[0].find("failure") is None and info[0].find("system-out") is not None
    for element in (root, suite):
        assert element.get("tests") == str(len(all_cases)) == str(len(report.findings) + len(quiet))
        assert element.get("failures") == "5"
        assert element.get("errors") == "0"
        assert element.get("skipped") == "0"
    failure = failures[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == report.findings[0].text()
    assert failures[0].get("classname") == "plan272.SEC001"


def test_junit_hostile_text() -> None:
    report = hostile_report()
    text = junit.render(report, VERSION)
    assert "<script>" not in text
    assert "\x1b" not in text
    root = ET.fromstring(text)
    all_cases = cases(root)
    keys = [(c.get("classname"), c.get("name")) for c in all_cases]
    assert len(keys) == len(set(keys))
    first = all_cases[0]
    failure = first.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.get("message") == safe(HOSTILE_MESSAGE)  # one line: \n, \r, \x1b made visible
    assert "]]>" in failure.text and "<script>" in failure.text
    assert "found: '\\x1b[31mred'" in failure.text
    assert first.get("name") == "SUM001 P:1,2 a\\nb|<c>"
    assert (first.get("file"), first.get("line")) == ("data/we,ird:dir/app%1.csv", "7")
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())
    assert [c.find("failure") is not None for c in all_cases[:4]] == [True, False, False, False]
    error = all_cases[3].find("error")
    assert error is not None and error.get("type") == "internal-error"
    assert all_cases[1].find("system-out") is not None  # a warning, below --fail-on error: passes
    assert all_cases[2].find("system-out") is not None  # info: a passing case
    assert root.get("failures") == "1" and root.get("errors") == "1"
    assert root.get("tests") == str(4 + len(catalogue()) - 3)  # SUM001, SUM002, SEC003 reported


def test_junit_names_never_collide() -> None:
    same = plain(line=4)
    report = Report([same, same, same], rules("SUM002", "SUM001"))
    root = ET.fromstring(junit.render(report, VERSION, fail_on=Severity.WARNING))
    names = [c.get("name") for c in cases(root)]
    base = "SUM002 P1"
    assert names == [base, f"{base} #2", f"{base} #3", junit.PASS_NAME]
    assert root.get("failures") == "3" and root.get("tests") == "4"


def test_junit_fatal_marks_quiet_rules_skipped() -> None:
    dat = Finding("DAT001", Severity.ERROR, "empty file", Location("data/plan.yaml"), ids=("x",))
    report = Report([dat], rules("DAT001", "SUM001", "SEC001"), fatal=True)
    root = ET.fromstring(junit.render(report, VERSION))
    skipped = [c for c in cases(root) if c.find("skipped") is not None]
    assert [c.get("classname") for c in skipped] == ["plan272.SUM001", "plan272.SEC001"]
    assert root.get("skipped") == "2" and root.get("failures") == "1" and root.get("tests") == "3"


def test_junit_no_findings() -> None:
    report = Report([], rules("SUM001"))
    root = ET.fromstring(junit.render(report, VERSION))
    assert [c.get("name") for c in cases(root)] == [junit.PASS_NAME]
    assert root.get("tests") == "1" and root.get("failures") == "0"


# github ------------------------------------------------------------------------------------------


def test_github_annotations_shipped_data() -> None:
    report = shipped()
    lines = github.render(report, VERSION).splitlines()
    assert len(lines) == len(report.findings)
    assert lines[1].startswith(
        f"::error file=data/plan.yaml,line={yaml_line('min_share_percent')},col=1,"
        "title=SEC002 security-share-year::"
        "[security_policy.min_share_percent] information security in 2022: "
    )
    assert "is 7.38%25, below the minimum 10%25" in lines[1]
    assert lines[5].startswith(
        f"::notice file=data/plan.yaml,line={yaml_line('scopes:')},col=1,"
        "title=SEC003 security-share-project::"
    )


def test_github_annotations_escape_hostile_text() -> None:
    lines = github.render(hostile_report(), VERSION).splitlines()
    assert lines == [
        "::error file=data/we%2Cird%3Adir/app%251.csv,line=7,col=1,title=SUM001 row-sum::"
        "[y2021] 100%25 off: a,b\\nline2\\r<script>alert(1)</script> | ]]> `x` *y* \\x1b[1m"
        " (found '\\x1b[31mred')",
        "::warning file=data/appendix1.csv,line=12,col=1,title=SUM002 declared-totals::SUM002 says so",
        "::notice file=data/appendix1.csv,title=SEC003 security-share-project::SEC003 says so",
        "::error file=data/plan.yaml,title=INT001 internal-error::"
        "internal error in rule SUM003: ZeroDivisionError: division by zero (at x.py:1); this is a bug",
    ]


def test_github_property_escaping() -> None:
    # a value's line breaks are shown, never decoded back into the annotation: one line each
    assert github.escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d\\r\\ne"
    assert github.escape_data("a:b,c%d\r\ne") == "a:b,c%25d\\r\\ne"


def test_github_step_summary_shipped_data() -> None:
    report = shipped()
    summary = github.step_summary(report, VERSION)
    assert summary.startswith("## plan272 validate: 5 errors, 2 warnings, 2 info\n")
    assert "| error | 5 |" in summary and "| info | 2 |" in summary
    rows = [line for line in summary.splitlines() if line.startswith(("| SEC", "| TXT"))]
    assert len(rows) == len(report.findings)


def table_cells(markdown: str) -> list[list[str]]:
    """The findings table as rendered by a CommonMark + GFM-table parser: each cell's text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row)
        elif token.type == "inline" and tables and row is not None:
            children = token.children or []
            assert all(c.type == "text" for c in children), [c.type for c in children]
            row.append("".join(c.content for c in children))
    return tables[-1][1:]  # the last table (findings), without its header row


def test_github_step_summary_escapes_hostile_text() -> None:
    report = hostile_report()
    summary = github.step_summary(report, VERSION)
    assert "<script>" not in summary and "&lt;script&gt;" in summary
    assert "\\|" in summary and "\x1b" not in summary
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "SUM001" in line]
    assert len(rows) == 1  # the newline in the message did not break the row
    assert "2 suppressed by the baseline" in summary and "1 stale baseline entry" in summary
    cells = table_cells(summary)
    assert len(cells) == 4 and all(len(row) == 4 for row in cells)
    assert cells[0][0] == "SUM001 row-sum"
    assert cells[0][2] == "data/we,ird:dir/app%1.csv:7 [y2021]"
    assert cells[0][3] == safe(HOSTILE_MESSAGE) + " (found '\\x1b[31mred')"
    assert cells[3][0] == "INT001 internal-error"


def test_github_step_summary_no_findings() -> None:
    summary = github.step_summary(Report([], rules("SUM001")), VERSION)
    assert summary.startswith("## plan272 validate: no findings\n")
    assert "| Code |" not in summary


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp", "Zs", "Cc"))
    | st.sampled_from(list("\n\r\t\x1b |\\`*_[]()<>&!~:$@.#-+= ")),
    max_size=40,
)


@given(_TEXT)
def test_step_summary_cells_show_data_text_literally(text: str) -> None:
    finding = Finding("SUM001", Severity.ERROR, text, Location("a.csv", 1))
    cells = table_cells(github.step_summary(Report([finding], []), VERSION))
    shown = github.visible(text).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    assert cells[0][3] == shown.strip(" \t")


@given(_TEXT, _TEXT)
def test_junit_parses_whatever_the_text(message: str, ident: str) -> None:
    findings = [
        Finding("SUM001", Severity.ERROR, message, Location(ident or "x", 1), ids=(ident,)),
        Finding("SUM001", Severity.INFO, ident, Location(ident or "x", 1), ids=(ident,)),
    ]
    root = ET.fromstring(junit.render(Report(findings, []), VERSION))
    keys = Counter((c.get("classname"), c.get("name")) for c in cases(root))
    assert max(keys.values()) == 1
    assert root.get("failures") == "1"


_UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def unescape(text: str) -> str:
    import re

    return re.sub("%25|%0D|%0A|%3A|%2C", lambda m: _UNESCAPE[m.group()], text)


@given(_TEXT)
def test_github_annotation_is_one_line_and_decodes_back(text: str) -> None:
    finding = Finding("SUM001", Severity.ERROR, text, Location(text or "x", 1), ids=(text,))
    out = github.render(Report([finding], []), VERSION)
    assert out.count("\n") == 1 and "\r" not in out
    head, _, data = out.rstrip("\n").removeprefix("::").partition("::")
    assert ":" not in head  # the message cannot end the property list early, nor forge a property
    props = dict(p.split("=", 1) for p in head.removeprefix("error ").split(","))
    assert list(props) == ["file", "line", "col", "title"]
    assert unescape(props["file"]) == github.visible(text or "x")
    assert unescape(data) == github.visible(text)
