"""``plan272 diff``'s findings: introduced, worsened, improved, resolved, unchanged — a finding of
both sides compared by its figures (``findings.trend``) — and the review gate ``--fail-on new|worse``
with ``--fail-level``, through the real entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entry import run_main
from plan272.diff import FindingChange, FindingsDiff, PlanDiff, diff_plans, findings_diff
from plan272.engine import run
from plan272.findings import Figures, Finding, Severity, trend
from plan272.load import load_plan
from plan272.messages import Message
from plan272.problems import Location
from plandir import A1, DATA, PlanDir

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def shift(d: PlanDir, source: tuple[str, int], target: tuple[str, int], amount: int) -> None:
    """Move ``amount`` from (row, year) to (row, year), totals untouched."""
    for (row, year), sign in ((source, -1), (target, 1)):
        d.set_cell(A1, row, f"y{year}", str(int(d.cell(A1, row, f"y{year}")) + sign * amount))


def the_issue(d: PlanDir) -> None:
    """Issue 12: 15,000 of IV.1's 2022 money moved to I.1 (the TMĐTs left as they were)."""
    shift(d, ("IV.1", 2022), ("I.1", 2022), 15000)


def only_worse(d: PlanDir) -> None:
    """The 2022 security money falls by 15,000 (to II.2) and 2023's rises by as much (from II.2):
    every row, year and total keeps its sum — the 2022 shortfall widens, 2023's is resolved."""
    shift(d, ("IV.1", 2022), ("IV.1", 2023), 15000)
    shift(d, ("II.2", 2023), ("II.2", 2022), 15000)


def only_better(d: PlanDir) -> None:
    """5,000 of security money from 2021 (which meets the minimum, and still does) to 2022 (short
    8,182 before, 3,182 after); II.2 balances the years: nothing resolved, nothing introduced."""
    shift(d, ("IV.1", 2021), ("IV.1", 2022), 5000)
    shift(d, ("II.2", 2022), ("II.2", 2021), 5000)


def revised(tmp_path: Path, edit: Callable[[PlanDir], None]) -> tuple[Path, PlanDiff]:
    """``tmp_path/data`` (the shipped plan) and ``tmp_path/rev`` (edited), and their diff."""
    PlanDir.copy_of(DATA, tmp_path / "data")
    d = PlanDir.copy_of(DATA, tmp_path / "rev")
    edit(d)
    old, new = load_plan(DATA), load_plan(d.path)
    assert old.plan is not None and new.plan is not None, new.problems
    return d.path, diff_plans(old.plan, new.plan, run(old), run(new))


def diff(rev: Path, *args: str) -> tuple[int, str, str]:
    """``plan272 diff data rev ARGS`` beside the two directories (short labels: ``data → rev``)."""
    out = run_main(["diff", "data", rev.name, *args], rev.parent, ENV)
    return out.returncode, out.stdout, out.stderr


def keys(findings: object) -> list[str]:
    return sorted(f.key() for f in findings)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# The issue's scenario: a worsening the old diff called "unchanged"


def test_the_issue_s_worsening_is_listed_as_worsened_with_both_figures(tmp_path: Path) -> None:
    rev, d = revised(tmp_path, the_issue)
    f = d.findings
    (change,) = f.worsened
    assert change.new.key() == "SEC002|2022|@2022" and change.old.key() == "SEC002|2022|@2022"
    assert (change.old.expected, change.old.observed) == (31182, 23000)  # 8,182 short
    assert (change.new.expected, change.new.observed) == (31182, 8000)  # 23,182 short
    assert [x.gap for x in change.figures] == [8182, 23182]
    # the moved money breaks both rows' sums: two row-sum errors are introduced
    assert keys(f.introduced) == ["SUM001|I.1", "SUM001|IV.1"]
    assert [(x.location.line, x.location.field) for x in f.introduced] == [(2, "tmdt"), (42, "tmdt")]
    assert f.improved == () and f.resolved == () and f.unchanged == 8

    code, text, _ = diff(rev)
    assert code == 0
    assert "Findings: 2 introduced, 1 worsened, 0 improved, 0 resolved, 8 unchanged" in " ".join(text.split())
    lines = text.splitlines()
    at = lines.index("worsened (1), reported on both, worse on rev:")
    assert lines[at + 1].startswith("▲ error   SEC002 rev/plan.yaml:108 [security_policy.")
    block = " ".join(" ".join(lines[at + 1 : at + 6]).split())
    assert "8,182 too little → 23,182 too little (expected 31,182; found 23,000 → 8,000)" in block
    assert "23,182 short" in block  # the new side's own message
    assert lines[-1] == "8 findings unchanged"

    code, markdown, _ = diff(rev, "--format", "markdown")
    assert code == 0
    (row,) = [line for line in markdown.splitlines() if line.startswith("- 🔺 worsened:")]
    assert row.startswith("- 🔺 worsened: **error** SEC002 information security in 2022: 8,000 of 311,816")
    assert row.endswith(": **8,182 too little → 23,182 too little (expected 31,182; found 23,000 → 8,000)**")

    code, out, _ = diff(rev, "--format", "json")
    assert code == 0
    doc = json.loads(out, parse_float=Decimal)
    assert doc["version"] == 3
    findings = doc["findings"]
    assert list(findings) == ["introduced", "worsened", "improved", "resolved", "unchanged"]
    (worse,) = findings["worsened"]
    assert (worse["old"]["code"], worse["old"]["ids"], worse["new"]["ids"]) == ("SEC002", ["2022"], ["2022"])
    assert (worse["old"]["expected"], worse["old"]["observed"], worse["old"]["difference"]) == (
        31182,
        23000,
        -8182,
    )
    assert (worse["new"]["expected"], worse["new"]["observed"], worse["new"]["difference"]) == (
        31182,
        8000,
        -23182,
    )
    assert worse["gap"] == {"old": 8182, "new": 23182}
    assert worse["old"]["fingerprint"] == worse["new"]["fingerprint"]
    assert sorted(x["code"] + "|" + x["ids"][0] for x in findings["introduced"]) == [
        "SUM001|I.1",
        "SUM001|IV.1",
    ]
    assert findings["improved"] == [] and findings["resolved"] == [] and findings["unchanged"] == 8


def test_the_issue_s_worsening_fails_the_gates(tmp_path: Path) -> None:
    rev, _ = revised(tmp_path, the_issue)
    assert diff(rev)[0] == 0  # a diff that ran, without a gate
    assert diff(rev, "--fail-on", "worse")[0] == 1
    # the revision also introduces two SUM001 errors: "new" fails too
    assert diff(rev, "--fail-on", "new")[0] == 1
    # among the security rules alone it introduces nothing: only "worse" sees the widened shortfall
    assert diff(rev, "--fail-on", "new", "--select", "SEC")[0] == 0
    assert diff(rev, "--fail-on", "worse", "--select", "SEC")[0] == 1
    for fmt in ("text", "markdown", "json"):
        assert diff(rev, "--fail-on", "worse", "--select", "SEC", "--format", fmt)[0] == 1, fmt


def test_a_worsening_alone_fails_worse_but_not_new(tmp_path: Path) -> None:
    rev, d = revised(tmp_path, only_worse)
    f = d.findings
    assert f.introduced == ()
    assert [(c.new.key(), *(x.gap for x in c.figures)) for c in f.worsened] == [
        ("SEC002|2022|@2022", 8182, 23182)
    ]
    assert keys(f.resolved) == ["SEC002|2023|@2023"]  # 35,000 of 297,516 meets the minimum
    assert diff(rev, "--fail-on", "new")[0] == 0
    assert diff(rev, "--fail-on", "worse")[0] == 1
    assert diff(rev, "--fail-on", "worse", "--fail-level", "warning")[0] == 1  # an error is above warning


def test_an_improvement_does_not_fail(tmp_path: Path) -> None:
    rev, d = revised(tmp_path, only_better)
    f = d.findings
    assert f.introduced == () and f.worsened == () and f.resolved == ()
    (better,) = f.improved
    assert better.new.key() == "SEC002|2022|@2022"
    assert (better.old.observed, better.new.observed, better.new.expected) == (23000, 28000, 31182)
    assert [x.gap for x in better.figures] == [8182, 3182]
    for gate in ("new", "worse"):
        for level in ("error", "warning", "info"):
            assert diff(rev, "--fail-on", gate, "--fail-level", level)[0] == 0, (gate, level)
    code, text, _ = diff(rev)
    assert code == 0
    lines = text.splitlines()
    at = lines.index("improved (1), reported on both, better on rev:")
    assert lines[at + 1].startswith("▼ error   SEC002 ")
    block = " ".join(" ".join(lines[at + 1 : at + 6]).split())
    assert "8,182 too little → 3,182 too little (expected 31,182; found 23,000 → 28,000)" in block
    code, markdown, _ = diff(rev, "--format", "markdown")
    assert code == 0
    assert "- 🔻 improved: **error** SEC002 information security in 2022: 28,000 of 311,816" in markdown


def test_exit_code_and_fail_on_together_exit_1_when_either_holds(tmp_path: Path) -> None:
    rev, _ = revised(tmp_path, only_better)
    assert diff(rev, "--exit-code")[0] == 1  # the sides differ
    assert diff(rev, "--exit-code", "--fail-on", "worse")[0] == 1  # ... whatever the gate says
    assert diff(rev, "--fail-on", "worse")[0] == 0
    same = PlanDir.copy_of(DATA, tmp_path / "same").path
    assert diff(same, "--exit-code", "--fail-on", "worse", "--fail-level", "info")[0] == 0


def test_fail_level_counts_the_severity_at_or_above(tmp_path: Path) -> None:
    def warning_only(d: PlanDir) -> None:
        # a claim of the narrative that no longer adds up (30 + 8 + 281 is not 320): a warning
        d.set_yaml('{printed: "31", label: "cơ quan cấp tỉnh, UBND cấp huyện"}', '{printed: "30", label: x}')

    rev, d = revised(tmp_path, warning_only)
    assert [(x.code, x.severity) for x in d.findings.introduced] == [("TXT001", W)]
    assert d.findings.resolved == ()
    assert diff(rev, "--fail-on", "new")[0] == 0  # default level: error
    assert diff(rev, "--fail-on", "new", "--fail-level", "error")[0] == 0
    assert diff(rev, "--fail-on", "new", "--fail-level", "warning")[0] == 1
    assert diff(rev, "--fail-on", "worse", "--fail-level", "info")[0] == 1


def test_fail_level_without_fail_on_is_a_user_error() -> None:
    for lang, words in (("en", "needs --fail-on new or --fail-on worse"), ("vi", "cần đi kèm --fail-on")):
        code, out, err = diff(DATA, "--fail-level", "warning", "--lang", lang)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and words in err and "Traceback" not in err
    code, _, err = diff(DATA, "--fail-on", "worst")
    assert code == 2 and "'worst' is not one of 'new', 'worse'" in err and "Traceback" not in err


def test_an_unreadable_side_still_exits_2_with_a_gate(tmp_path: Path) -> None:
    PlanDir.copy_of(DATA, tmp_path / "data")
    d = PlanDir.copy_of(DATA, tmp_path / "broken")
    d.write("plan.yaml", "identity: [not, a, mapping\n")
    code, out, err = diff(d.path, "--fail-on", "worse")
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("plan272: error: cannot read the plan of broken")


# ---------------------------------------------------------------------------------------------
# In Vietnamese; the machine format does not change with the language


def test_worsened_in_vietnamese(tmp_path: Path) -> None:
    rev, _ = revised(tmp_path, the_issue)
    code, text, _ = diff(rev, "--lang", "vi")
    assert code == 0
    flat = " ".join(text.split())
    assert "Phát hiện: 2 mới, 1 xấu đi, 0 cải thiện, 0 đã khắc phục, 8 không đổi" in flat
    assert "xấu đi (1), có ở cả hai bản, nặng hơn ở " in text
    assert "▲ lỗi       SEC002" in text
    assert "thiếu 8.182 → thiếu 23.182 (phải là 31.182; ghi 23.000 → 8.000)" in flat
    code, markdown, _ = diff(rev, "--lang", "vi", "--format", "markdown")
    assert code == 0
    assert "- 🔺 xấu đi: **lỗi** SEC002 an toàn thông tin năm 2022" in markdown
    assert ": **thiếu 8.182 → thiếu 23.182 (phải là 31.182; ghi 23.000 → 8.000)**" in markdown
    en = json.loads(diff(rev, "--format", "json")[1])
    vi = json.loads(diff(rev, "--format", "json", "--lang", "vi")[1])
    for doc in (en, vi):
        for change in doc["findings"]["worsened"]:
            change["old"].pop("message")
            change["new"].pop("message")
        for finding in doc["findings"]["introduced"]:
            finding.pop("message")
    assert en == vi


# ---------------------------------------------------------------------------------------------
# The library: findings_diff and the gate on made-up findings


def finding(code: str, severity: Severity, expected: int | None, observed: int | None, *ids: str) -> Finding:
    return Finding(
        code, severity, Message("diff.unchanged"), Location("plan.yaml", 1), ids, expected, observed
    )


def compare(old: list[Finding], new: list[Finding]) -> FindingsDiff:
    return findings_diff(old, new, Finding.key, Finding.key)


def test_a_severity_raised_is_worse_whatever_the_figures() -> None:
    old = [finding("X001", W, 100, 90, "a"), finding("X002", E, 10, 0, "b")]
    new = [finding("X001", E, 100, 99, "a"), finding("X002", E, 10, 0, "b")]
    f = compare(old, new)
    (change,) = f.worsened
    assert change.severity_changed and change.new.severity is E and f.unchanged == 1
    assert f.failing("new", E) == () and f.failing("worse", E) == (change.new,)
    f = compare(new, old)  # the other way: improved, never failing
    assert [c.new.severity for c in f.improved] == [W] and f.worsened == ()
    assert f.failing("worse", INFO) == ()


def test_figures_line_says_severity_and_figures_old_to_new() -> None:
    from plan272.views.diff.common import figures_change
    from plan272.views.words import speaking

    change = FindingChange(finding("X001", W, 262318, 256318, "a"), finding("X001", E, 262318, 251318, "a"))
    with speaking("en"):
        assert figures_change(change) == (
            "severity warning → error; 6,000 too little → 11,000 too little "
            "(expected 262,318; found 256,318 → 251,318)"
        )
    with speaking("vi"):
        assert figures_change(change) == (
            "mức độ cảnh báo → lỗi; thiếu 6.000 → thiếu 11.000 (phải là 262.318; ghi 256.318 → 251.318)"
        )
    same_gap = FindingChange(finding("X003", W, 100, 90, "a"), finding("X003", E, 200, 190, "a"))
    with speaking("en"):  # the gap is written once when it did not move
        assert (
            figures_change(same_gap)
            == "severity warning → error; 10 too little (expected 100 → 200; found 90 → 190)"
        )
    no_figures = FindingChange(finding("X002", INFO, None, None), finding("X002", W, None, None))
    with speaking("en"):
        assert figures_change(no_figures) == "severity info → warning"


def test_the_gate_counts_introduced_and_worsened_at_or_above_the_level() -> None:
    old = [finding("W001", W, 10, 5, "w"), finding("E001", E, 10, 5, "e")]
    new = [
        finding("W001", W, 10, 1, "w"),  # worse, a warning
        finding("E001", E, 10, 5, "e"),  # unchanged
        finding("I001", INFO, None, None, "i"),  # introduced, an info
    ]
    f = compare(old, new)
    assert [x.code for x in f.failing("new", E)] == []
    assert [x.code for x in f.failing("new", INFO)] == ["I001"]
    assert [x.code for x in f.failing("worse", W)] == ["W001"]
    assert [x.code for x in f.failing("worse", INFO)] == ["I001", "W001"]
    assert f.unchanged == 1


severities = st.sampled_from([E, W, INFO])
made_up = st.lists(
    st.builds(
        finding,
        st.sampled_from(["A001", "B001"]),
        severities,
        st.one_of(st.none(), st.integers(-50, 50)),
        st.one_of(st.none(), st.integers(-50, 50)),
        st.sampled_from(["x", "y"]),  # few identities: duplicates on a side are common
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(made_up, made_up)
def test_findings_diff_counts_each_finding_once_and_reverses(old: list[Finding], new: list[Finding]) -> None:
    f = compare(old, new)
    both = len(f.worsened) + len(f.improved) + f.unchanged
    assert len(new) == len(f.introduced) + both and len(old) == len(f.resolved) + both
    assert all(trend(*c.figures) == "worse" for c in f.worsened)
    assert all(trend(*c.figures) == "better" for c in f.improved)
    assert all(c.old.key() == c.new.key() for c in (*f.worsened, *f.improved))
    back = compare(new, old)
    assert back.introduced == f.resolved and back.resolved == f.introduced and back.unchanged == f.unchanged
    assert sorted(map(repr, back.worsened)) == sorted(repr(c.inverse()) for c in f.improved)
    assert sorted(map(repr, back.improved)) == sorted(repr(c.inverse()) for c in f.worsened)
    assert f.empty == (f.introduced == f.resolved == f.worsened == f.improved == ())


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_plan_against_itself_has_no_worsened_or_improved(fmt: str) -> None:
    code, out, _ = diff(DATA, "--format", fmt, "--fail-on", "worse", "--fail-level", "info", "--exit-code")
    assert code == 0
    if fmt == "json":
        assert json.loads(out)["findings"] == {
            "introduced": [],
            "worsened": [],
            "improved": [],
            "resolved": [],
            "unchanged": 9,
        }
    else:
        assert "No differences." in out


def test_figures_json_matches_the_shared_definition(tmp_path: Path) -> None:
    """The JSON's findings carry what ``Figures`` records: a baseline and a diff say the same."""
    rev, d = revised(tmp_path, the_issue)
    doc = json.loads(diff(rev, "--format", "json")[1])
    (worse,) = doc["findings"]["worsened"]
    old, new = d.findings.worsened[0].figures
    for side, figures in (("old", old), ("new", new)):
        shown = {k: worse[side][k] for k in ("severity", "expected", "observed")}
        assert Figures.from_json(shown) == figures
