"""The formats for CI systems and tools: GitLab Code Quality and concise lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from entry import run_main
from plandir import A1, DATA, PLAN, PlanDir

LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) (?P<sev>error|warning|info): .+$"
)


def validate(tmp_path: Path, data: Path, *args: str) -> tuple[int, str]:
    result = run_main(["validate", str(data), *args], tmp_path, {"COLUMNS": "100"})
    return result.returncode, result.stdout


def test_gitlab_code_quality(tmp_path: Path) -> None:
    code, out = validate(tmp_path, DATA, "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert [i["check_name"] for i in issues].count("SEC002") == 4 and len(issues) == 9
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"major", "minor", "info"}
        assert issue["location"]["lines"]["begin"] >= 1 and issue["location"]["path"].endswith(".yaml")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    pairs = {(i["check_name"], i["severity"]) for i in issues}
    assert pairs >= {
        ("SEC001", "major"),
        ("SEC002", "major"),
        ("SEC003", "info"),
        ("TXT001", "minor"),
        ("TXT001", "info"),
    }


def test_gitlab_fingerprints_survive_moved_lines(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "moved")
    d.write(PLAN, "# a comment that moves every line down\n\n" + d.text(PLAN))
    before = json.loads(validate(tmp_path, DATA, "-f", "gitlab")[1])
    after = json.loads(validate(tmp_path, d.path, "-f", "gitlab")[1])
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [
        i["location"]["lines"]["begin"] for i in after
    ]


def test_concise_is_one_line_per_finding(tmp_path: Path) -> None:
    code, out = validate(tmp_path, DATA, "--format", "concise")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 10 and lines[-1].startswith("9 findings:")
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert {(m["code"], m["sev"]) for m in parsed if m} >= {
        ("SEC001", "error"),
        ("TXT001", "warning"),
        ("SEC003", "info"),
    }
    # the severity is a machine word in every language; the message is in the report's
    vi = validate(tmp_path, DATA, "--format", "concise", "--lang", "vi")[1].splitlines()
    assert all(LINE.match(line) for line in vi[:-1]) and "phát hiện" in vi[-1]


def test_concise_keeps_hostile_text_on_its_line(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "hostile")
    rows = d.rows(A1)
    rows[1][rows[0].index("tmdt")] = "20.200\n::error::forged"
    d.write_rows(A1, rows)
    out = validate(tmp_path, d.path, "--format", "concise")[1]
    assert all(LINE.match(line) for line in out.splitlines()[:-1]), out
    assert not any(line.startswith("::error") for line in out.splitlines())


def test_concise_and_gitlab_say_what_got_worse_than_the_baseline(tmp_path: Path) -> None:
    from test_baseline import improved, worsened

    baseline = tmp_path / "baseline.json"
    assert run_main(["validate", str(DATA), "--write-baseline", str(baseline)], tmp_path, {}).returncode == 0
    worse = PlanDir.copy_of(DATA, tmp_path / "worse")
    worsened(worse)
    code, out = validate(tmp_path, worse.path, "--baseline", str(baseline), "-f", "concise")
    assert code == 1
    sec = [line for line in out.splitlines() if "SEC002 error" in line and "2022" in line]
    assert len(sec) == 1 and "8,182" in sec[0] and "23,182" in sec[0], out
    issues = json.loads(validate(tmp_path, worse.path, "--baseline", str(baseline), "-f", "gitlab")[1])
    assert any("8,182" in i["description"] and "23,182" in i["description"] for i in issues)
    better = PlanDir.copy_of(DATA, tmp_path / "better")
    improved(better)
    code, out = validate(tmp_path, better.path, "--baseline", str(baseline), "-f", "concise")
    assert code == 0
    notices = [line for line in out.splitlines() if ": SEC002 info: " in line]
    assert len(notices) == 1 and LINE.match(notices[0]), out
    assert json.loads(validate(tmp_path, better.path, "--baseline", str(baseline), "-f", "gitlab")[1]) == []
