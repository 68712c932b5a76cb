"""The README's CI section is real: its GitHub Actions workflow, GitLab CI job, pre-commit
configuration and settings parse, name what they use consistently, and every plan272 command in them
runs on the shipped plan (in a git repository with the baseline the section tells to commit) with the
exit code the job relies on."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from entry import run_main
from plandir import DATA
from plans import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## In CI and in review", 1)[1].split("\n## ", 1)[0]


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", SECTION, re.DOTALL)


def yaml_block(needle: str) -> dict[str, object]:
    (text,) = [b for b in blocks("yaml") if needle in b]
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of a plan: data/ and the baseline the section tells to commit, with
    ``origin/main`` as the base branch of a pull request."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("ci") / "repo"
    shutil.copytree(DATA, root / "data")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (first,) = [line for block in blocks("sh") for line in block.splitlines() if "--write-baseline" in line]
    args = shlex.split(first.split("#")[0])
    assert args[:2] == ["plan272", "validate"]
    assert run_main(args[1:], root, {}).returncode == 0
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "plan"], cwd=root, check=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=root, check=True)
    return root


def commands(script: str) -> list[list[str]]:
    """The plan272 commands of a shell script, without their redirections."""
    out = []
    for line in script.splitlines():
        line = line.replace("${{ github.base_ref }}", "main").split(" >")[0].strip()
        if line.startswith("plan272 "):
            out.append(shlex.split(line))
    return out


def test_github_actions_workflow(repo: Path, tmp_path: Path) -> None:
    workflow = yaml_block("upload-sarif")
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    (job,) = workflow["jobs"].values()  # type: ignore[attr-defined]
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == "always()"
    runs = [c for s in steps for c in commands(s.get("run", ""))]
    sarif = next(c for c in runs if "sarif" in c)
    assert sarif[sarif.index("--output") + 1] == upload["with"]["sarif_file"]
    summary = tmp_path / "summary.md"
    summary.touch()
    env = {"GITHUB_STEP_SUMMARY": str(summary), "PATH": os.environ.get("PATH", "")}
    codes = {}
    for args in runs:
        result = run_main(args[1:], repo, env)
        codes[" ".join(args[1:3])] = result.returncode
        assert result.returncode == 0, (args, result.stderr)
    assert set(codes) == {"validate data", "diff origin/main"}
    document = json.loads((repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert document["version"] == "2.1.0" and len(document["runs"][0]["results"]) == 9
    assert "9 suppressed by the baseline" in summary.read_text(encoding="utf-8")


def test_gitlab_ci_job(repo: Path) -> None:
    job = yaml_block("codequality")["plan272"]
    assert isinstance(job, dict)
    reports = job["artifacts"]["reports"]
    runs = [c for line in job["script"] for c in commands(line)]
    outputs = {c[c.index("--format") + 1]: c[c.index("--output") + 1] for c in runs}
    assert outputs == {"gitlab": reports["codequality"], "junit": reports["junit"]}
    for args in runs:
        result = run_main(args[1:], repo, {})
        assert result.returncode == 0, (args, result.stderr)
    issues = json.loads((repo / reports["codequality"]).read_text(encoding="utf-8"))
    assert len(issues) == 9 and issues[0]["location"]["path"] == "data/plan.yaml"


def test_pre_commit_configuration(repo: Path) -> None:
    config = yaml_block("repos:")
    (hook,) = config["repos"][0]["hooks"]  # type: ignore[index]
    (declared,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == declared["id"]
    # what pre-commit runs: the hook's entry with the configured args, in the repository's top
    result = run_main([*declared["entry"].split()[1:], *hook["args"]], repo, {})
    assert result.returncode == 0, result.stderr


def test_settings_example(tmp_path: Path) -> None:
    from plan272.settings import read

    (text,) = blocks("toml")
    assert tomllib.loads(text)["tool"]["plan272"]
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert read(tmp_path / "pyproject.toml")["baseline"] == tmp_path / ".plan272-baseline.json"


def test_statistics_example_is_real() -> None:
    (shown,) = [b for b in blocks("text") if b.startswith("$ plan272 validate data --statistics\n")]
    out = run_main(["validate", "data", "--statistics"], ROOT, {})
    assert out.stdout == shown.split("\n", 1)[1]
