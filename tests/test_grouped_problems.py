"""One message per mistake, and an incomplete read that says so (issue 13, item 2): cells of one
column failing the same way are one DAT001 finding with every place; a run that could not read the
plan completely has its own status (JSON ``complete``/``status``, the text's last line) and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entry import run_main
from plan272.engine import GroupedFinding, run
from plan272.load import load_plan
from plan272.load.files import Limits
from plan272.load.grouping import AT_LEAST, GroupedProblem, group_cells
from plan272.messages import Message
from plan272.problems import Location, Problem
from plandir import A1, A2, PLAN, PlanDir
from plans import ROOT

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
README = (ROOT / "README.md").read_text(encoding="utf-8")
IDS = ["I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "II.1", "II.2", "II.3", "II.4", "II.5", "III.1"]


def dat001(plan_dir: PlanDir) -> list[tuple[str, int | None, str | None, tuple[str, ...], str | None]]:
    return [
        (Path(f.location.file).name, f.location.line, f.location.field, f.ids, f.detail)
        for f in run(plan_dir.load()).findings
        if f.code == "DAT001"
    ]


def validate(plan_dir: PlanDir, *args: str) -> tuple[int, dict[str, object]]:
    out = run_main(["validate", str(plan_dir.path), "--format", "json", *args], ROOT, ENV)
    return out.returncode, json.loads(out.stdout)


# ---------------------------------------------------------------------------------------------
# Grouping


def test_one_bad_cell_stays_itself(plan_dir: PlanDir) -> None:
    line = plan_dir.set_cell(A1, "I.3", "tmdt", "abc")
    assert dat001(plan_dir) == [(A1, line, "tmdt", (A1, "I.3", "tmdt"), "abc")]


def test_cells_of_a_column_failing_the_same_way_are_one_finding_with_every_place(plan_dir: PlanDir) -> None:
    lines = [
        plan_dir.set_cell(A1, row, "y2023", value)
        for row, value in (("I.2", "x"), ("II.1", "-"), ("I.4", "n/a"))
    ]
    findings = [f for f in run(plan_dir.load()).findings if f.code == "DAT001"]
    (finding,) = findings
    assert isinstance(finding, GroupedFinding)
    assert finding.ids == (A1, "y2023") and finding.detail == "load.number.not-a-number"
    assert finding.location.line == min(lines) and finding.location.field == "y2023"
    assert finding.extra == {"count": "3"}
    assert [(p.location.line, p.row_id, p.value) for p in finding.places] == sorted(
        zip(lines, ("I.2", "II.1", "I.4"), ("x", "-", "n/a"), strict=True)
    )
    en, vi = finding.text("en"), finding.text("vi")
    assert en.startswith("3 cells of column y2023: not a number (line ") and "'x'" in en
    assert vi.startswith("3 ô của cột y2023: không phải là số (dòng ")


def test_problems_of_different_kinds_or_columns_stay_apart(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "I.1", "tmdt", "abc")
    plan_dir.set_cell(A1, "I.2", "tmdt", "def")
    negative = plan_dir.set_cell(A1, "I.3", "tmdt", "-5")
    plan_dir.set_cell(A1, "I.4", "y2021", "x")
    plan_dir.set_cell(A1, "I.5", "y2021", "y")
    found = dat001(plan_dir)
    assert [(f[2], f[4]) for f in found if f[4] and f[4].startswith("load.")] == [
        ("tmdt", "load.number.not-a-number"),
        ("y2021", "load.number.not-a-number"),
    ]
    assert (A1, negative, "tmdt", (A1, "I.3", "tmdt"), "-5") in found and len(found) == 3


def test_a_grouped_findings_identity_is_file_column_and_kind_not_the_count(plan_dir: PlanDir) -> None:
    for row in IDS[:2]:
        plan_dir.set_cell(A1, row, "tmdt", "x")
    before = [f.key() for f in run(plan_dir.load()).findings if f.code == "DAT001"]
    for row in IDS[2:6]:
        plan_dir.set_cell(A1, row, "tmdt", "y")
    after = [f for f in run(plan_dir.load()).findings if f.code == "DAT001"]
    assert before == [f.key() for f in after] == ["DAT001|appendix1.csv|tmdt|@load.number.not-a-number"]
    assert after[0].extra["count"] == "6"


def test_a_baseline_keeps_a_grouped_finding(plan_dir: PlanDir, tmp_path: Path) -> None:
    for row in IDS[:3]:
        plan_dir.set_cell(A1, row, "name", "")
    baseline = tmp_path / "baseline.json"
    run_main(["validate", str(plan_dir.path), "--write-baseline", str(baseline)], ROOT, ENV)
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert "DAT001|appendix1.csv|name|@load.csv.empty-cell" in {e["key"] for e in entries}
    plan_dir.set_cell(A1, IDS[3], "name", "")  # one more cell: the same finding
    code, document = validate(plan_dir, "--baseline", str(baseline))
    assert code == 0 and document["findings"] == [] and document["suppressed"] == 9 + 1


def test_the_json_report_lists_every_place(plan_dir: PlanDir) -> None:
    lines = [plan_dir.set_cell(A1, row, "y2025", "5,5") for row in IDS]
    _, document = validate(plan_dir)
    (finding,) = [f for f in document["findings"] if f["code"] == "DAT001"]  # type: ignore[union-attr]
    assert finding["places"] == [
        {"file": str(plan_dir.path / A1), "line": line, "field": "y2025", "id": row, "value": "5,5"}
        for line, row in zip(lines, IDS, strict=True)
    ]
    assert finding["extra"] == {"count": str(len(IDS))} and finding["line"] == lines[0]
    assert all(f["places"] is None for f in document["findings"] if f["code"] != "DAT001")  # type: ignore[union-attr]
    assert "and 9 more)" in finding["message"]  # three shown in words, every one in places


def test_max_problems_counts_each_place_and_keeps_the_count(plan_dir: PlanDir) -> None:
    for row in IDS:
        plan_dir.set_cell(A1, row, "tmdt", "x")
    result = load_plan(plan_dir.path, Limits(max_problems=5))
    grouped, capped = result.problems
    assert isinstance(grouped, GroupedProblem)
    assert (grouped.count, len(grouped.places)) == (len(IDS), 5)
    assert isinstance(capped.message, Message) and capped.message.key == "load.capped"
    assert capped.message.args["count"].value == len(IDS) - 5  # type: ignore[union-attr]
    assert capped.location.line == grouped.places[-1].location.line + 1


def test_different_values_get_the_words_for_many(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: vi")
    plan_dir.set_cell(A1, "I.1", "tmdt", "20,5")
    plan_dir.set_cell(A1, "I.2", "tmdt", "1,25")
    (problem,) = plan_dir.load().problems
    assert problem.text("en").startswith("2 cells of column tmdt: not whole numbers (amounts are whole")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(IDS), min_size=1), st.sampled_from(["tmdt", "y2021", "attt"]))
def test_any_bad_cells_of_a_column_are_one_finding_from_two_on(
    plan_dir: PlanDir, bad: set[str], column: str
) -> None:
    original = {row: plan_dir.cell(A1, row, column) for row in IDS}
    try:
        lines = sorted(plan_dir.set_cell(A1, row, column, "?") for row in bad)
        findings = [f for f in run(plan_dir.load()).findings if f.code == "DAT001"]
        assert len(findings) == 1
        (finding,) = findings
        if len(bad) >= AT_LEAST:
            assert isinstance(finding, GroupedFinding) and finding.extra["count"] == str(len(bad))
            assert [p.location.line for p in finding.places] == lines
        else:
            assert not isinstance(finding, GroupedFinding) and finding.location.line == lines[0]
    finally:
        for row, value in original.items():
            plan_dir.set_cell(A1, row, column, value)


def test_group_cells_leaves_fatal_and_fieldless_problems_alone() -> None:
    fatal = Problem(
        Location("a.csv", 2, "tmdt"), Message("load.text.too-long", length=1, limit=1), fatal=True
    )
    whole = Problem(Location("a.csv"), Message("load.file.empty"))
    header = Problem(Location("a.csv", 1), Message("load.csv.syntax", hint="", span=""))
    again = [fatal, whole, header, fatal, whole, header]
    assert group_cells(again) == again


# ---------------------------------------------------------------------------------------------
# An incomplete read


def test_a_complete_plan_says_complete(plan_dir: PlanDir) -> None:
    code, document = validate(plan_dir)
    assert (code, document["complete"], document["status"]) == (1, True, "complete")
    code, document = validate(plan_dir, "--exit-zero")
    assert (code, document["status"]) == (0, "complete")


def test_an_unreadable_amount_makes_the_read_incomplete_exit_2_whatever_the_options(
    plan_dir: PlanDir,
) -> None:
    line = plan_dir.set_cell(A1, "II.2", "y2024", "1OO000")
    for args in ([], ["--exit-zero"], ["--fail-on", "info"], ["--select", "SEC"], ["--ignore", "DAT001"]):
        code, document = validate(plan_dir, *args)
        assert (code, document["complete"], document["status"]) == (2, False, "incomplete"), args
        found = [(f["code"], f["line"], f["field"]) for f in document["findings"]]  # type: ignore[index]
        assert found.count(("DAT001", line, "y2024")) == 1, args  # shown once, whatever the selection


def test_a_problem_that_leaves_the_totals_whole_keeps_the_read_complete(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "I.2", "name", "")  # a name: the money was all read
    code, document = validate(plan_dir)
    assert (code, document["status"]) == (1, "complete")


def test_a_missing_file_and_an_unreadable_plan_yaml(plan_dir: PlanDir) -> None:
    plan_dir.file(A2).unlink()
    code, document = validate(plan_dir)
    assert (code, document["status"], document["complete"]) == (2, "incomplete", False)
    plan_dir.set_yaml("  province: Thanh Hóa", "  province: [Thanh Hóa]")
    code, document = validate(plan_dir)
    assert (code, document["status"], document["rules_checked"]) == (2, "not-run", [])


def test_the_text_report_ends_by_saying_it_in_both_languages(plan_dir: PlanDir, tmp_path: Path) -> None:
    plan_dir.set_cell(A2, "U3", "total", "6 30")
    lines = {}
    for lang in ("en", "vi"):
        out = run_main(["validate", "data", "--lang", lang], plan_dir.path.parent, ENV)
        assert out.returncode == 2
        lines[lang] = " ".join(out.stdout.rstrip().splitlines()[-2:])
    assert lines["en"].startswith("plan272 could not read the plan completely (data/appendix2.csv)")
    assert lines["vi"].startswith("plan272 không đọc được đầy đủ kế hoạch (data/appendix2.csv)")


def test_sarif_and_junit_say_the_run_was_not_complete(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "I.1", "tmdt", "x")
    out = run_main(["validate", str(plan_dir.path), "--format", "sarif"], ROOT, ENV)
    assert out.returncode == 2
    assert json.loads(out.stdout)["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    out = run_main(["validate", str(plan_dir.path), "--format", "junit"], ROOT, ENV)
    assert out.returncode == 2 and "<skipped" in out.stdout


def test_the_readme_example_of_an_incomplete_read(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "I.3", "tmdt", "100.000")
    block = README.split("<!-- validate-incomplete -->\n```text\n", 1)[1].split("```", 1)[0]
    command, _, rest = block.partition("\n…\n")
    assert command == "$ plan272 validate data"
    shown, _, status = rest.partition("$ echo $?\n")
    out = run_main(["validate", "data"], plan_dir.path.parent, ENV)
    assert out.stdout.endswith(shown) and status == f"{out.returncode}\n"
    assert sum(f.code == "DAT001" for f in run(plan_dir.load()).findings) == 1


def test_plan_yaml_problems_are_never_grouped(plan_dir: PlanDir) -> None:
    # two unknown keys of plan.yaml: each its own problem, each at its own line
    first = plan_dir.set_yaml("  province: Thanh Hóa", "  province: Thanh Hóa\n  provinse: x")
    second = plan_dir.set_yaml("  signer: Đỗ Minh Tuấn", "  signer: Đỗ Minh Tuấn\n  singer: y")
    located = [(Path(p.location.file).name, p.location.line) for p in plan_dir.load().problems]
    assert located == [(PLAN, first + 1), (PLAN, second + 1)]
