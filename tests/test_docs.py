"""The README is the manual: it documents every command and rule, and its outputs are real."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


def test_summary_help_lists_every_section() -> None:
    from plan272.cli.summary import _SECTION_NAMES
    from plan272.summary import LEADING, TRAILING

    names = _SECTION_NAMES.split(", ")
    assert names[0] == LEADING[0] and names[1].startswith("one per appendix") and names[2:] == list(TRAILING)


def test_json_and_github_examples_in_readme_are_real() -> None:
    import json

    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> str:
        command = [sys.executable, "-m", "plan272", *args]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=60).stdout

    excerpt = README.split("  ```json\n", 1)[1].split("  ```", 1)[0]
    assert json.loads(excerpt) == json.loads(run("validate", "data", "--format", "json"))["findings"][0]
    first = run("validate", "data", "--format", "github").splitlines()[0]
    assert f"$ plan272 validate data --format github\n{first}\n" in README


def test_diff_example_in_readme_is_real(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "data", tmp_path / "rev")
    csv = tmp_path / "rev" / "appendix1.csv"
    row = "Sở Kế hoạch và Đầu tư,16000,8000,8000,0,0,0"
    text = csv.read_text(encoding="utf-8")
    assert text.count(row) == 1
    csv.write_text(text.replace(row, "Sở Kế hoạch và Đầu tư,16000,7000,9000,0,0,0"), encoding="utf-8")
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
    for args, fence in (
        (["diff", "data", "rev"], "$ plan272 diff data rev\n"),
        (["diff", "data", "rev", "-f", "markdown"], "```markdown\n"),
        (["diff", "data", "rev", "--lang", "vi"], "$ plan272 diff data rev --lang vi\n"),
    ):
        out = subprocess.run(
            [sys.executable, "-m", "plan272", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        ).stdout
        shown = README.split(fence, 1)[1].split("```", 1)[0]
        assert out == shown, args


def test_init_example_in_readme_is_real(tmp_path: Path) -> None:
    """The worked example of "Checking another plan": init, validate, fill in, validate again."""
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "plan272", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)

    section = README.split("## Checking another plan", 1)[1]
    first = section.split("```console\n", 1)[1].split("```", 1)[0]
    made = run("init", "newplan", "--period", "2026-2028", "--tables", "projects")
    checked = run("validate", "newplan")
    assert first == (
        "$ plan272 init newplan --period 2026-2028 --tables projects\n"
        + made.stderr
        + "$ plan272 validate newplan\n"
        + checked.stdout
    )
    rows = section.split("```text\n", 1)[1].split("```", 1)[0]
    (tmp_path / "newplan" / "appendix1.csv").write_text(rows, encoding="utf-8")
    plan_yaml = tmp_path / "newplan" / "plan.yaml"
    text = plan_yaml.read_text(encoding="utf-8")
    text = text.replace("      total: 0\n      years: {2026: 0, 2027: 0, 2028: 0}",
                        "      total: 3600\n      years: {2026: 1200, 2027: 1200, 2028: 1200}")  # fmt: skip
    text = text.replace("  amount: 0", "  amount: 3600", 1).replace(
        "appendix1, amount: 0}", "appendix1, amount: 3600}"
    )
    text = text.replace("agencies: []", "agencies:\n  - {id: a, name: Sở A}\n  - {id: b, name: Sở B}")
    plan_yaml.write_text(text, encoding="utf-8")
    shown = section.split("$ plan272 validate newplan\n")[2].split("```", 1)[0]
    assert run("validate", "newplan").stdout == shown


def test_vietnamese_validate_example_in_readme_is_real() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "plan272", "validate", "data", "--lang", "vi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert out.returncode == 1
    assert f"$ plan272 validate data --lang vi\n{out.stdout}```" in README


def test_the_readme_images_exist() -> None:
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image
