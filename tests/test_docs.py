"""The README is the manual: it documents every command and rule, and its outputs are real."""

from __future__ import annotations

import re
import subprocess
import sys

from plan272.cli import app
from plan272.rules import catalogue, get_rule
from plans import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    first_commands = re.findall(r"^\$ (.+)$", README, flags=re.M)[:2]
    assert first_commands == ["make run", "make test"]


def test_every_command_is_documented() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = sorted(group.commands)  # type: ignore[attr-defined]
    assert commands
    for name in commands:
        assert f"### `plan272 {name}" in README, f"command {name} is not documented in README.md"


def test_every_rule_is_in_the_catalogue_table() -> None:
    for rule in (*catalogue(), get_rule("INT001")):
        assert rule is not None
        assert f"| `{rule.code}` | {rule.name} |" in README, rule.code


def test_make_run_output_in_readme_is_real() -> None:
    block = README.split("<!-- make-run -->", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    shown = block.split("shown in full under `plan272 summary` …)\n\n", 1)[1]
    shown = shown.split("\nplan272 ran as designed")[0]
    out = subprocess.run(
        [sys.executable, "-m", "plan272", "validate", "data/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert out.stdout.replace("data//", "data/") == shown


def test_rules_explanation_in_readme_is_real() -> None:
    rule = get_rule("SEC002")
    assert rule is not None
    assert rule.explanation() in README.replace("```text\n$ plan272 rules SEC002\n", "")


def test_summary_excerpts_in_readme_are_real() -> None:
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
    for args in (["--lang", "vi", "--section", "grand-total"], ["--section", "security"]):
        out = subprocess.run(
            [sys.executable, "-m", "plan272", "summary", "data/", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert out.returncode == 0
        assert out.stdout in README, args
