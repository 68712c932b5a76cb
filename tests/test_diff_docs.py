"""The README's ``plan272 diff`` examples of findings that get worse and of pairing by figures are
real output (the main example is checked by tests/test_docs.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plandir import DATA, PlanDir
from plans import ROOT
from test_diff_figures import OTHER_NAME, to_front
from test_diff_findings import the_issue

README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


def plan272(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "plan272", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV, timeout=60)


def test_the_worsening_example_is_real(tmp_path: Path) -> None:
    PlanDir.copy_of(DATA, tmp_path / "data")
    the_issue(PlanDir.copy_of(DATA, tmp_path / "shifted"))
    out = plan272(tmp_path, "diff", "data", "shifted", "--fail-on", "worse")
    block = README.split("<!-- diff-worse -->\n```text\n", 1)[1].split("```", 1)[0]
    command, rest = block.split("\n", 1)
    assert command == "$ plan272 diff data shifted --fail-on worse"
    shown, status = rest.split("$ echo $?\n")
    head, tail = shown.split("…\n")
    # the overview as it is, then (after the elided rows, totals and shares) the findings to the end
    assert out.stdout.startswith(head) and head.endswith("8 unchanged\n")
    assert out.stdout.endswith(tail) and tail.startswith("Findings\n")
    assert status == f"{out.returncode}\n" == "1\n"


def test_the_pairing_by_figures_example_is_real(tmp_path: Path) -> None:
    PlanDir.copy_of(DATA, tmp_path / "data")
    to_front(PlanDir.copy_of(DATA, tmp_path / "renamed"), "III.22", "III", OTHER_NAME)
    out = plan272(tmp_path, "diff", "data", "renamed")
    assert out.returncode == 0
    assert f"```text\n$ plan272 diff data renamed\n{out.stdout}```" in README


def test_the_options_are_documented() -> None:
    section = README.split("### `plan272 diff OLD [NEW]`", 1)[1].split("\n### `plan272 ", 1)[0]
    for option in ("`--fail-on new\\|worse`", "`--fail-level error\\|warning\\|info`", "`--exit-code`"):
        assert f"| {option} |" in section, option
    assert "version 3" in section and '"worsened", "improved"' in section
