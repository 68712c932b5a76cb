"""The pre-commit hook (``.pre-commit-hooks.yaml``), run by pre-commit itself on a temporary
repository: ``pre-commit try-repo`` installs plan272 from this working tree into a fresh environment
and runs the hook as a user's commit would. In CI (``CI`` set) pre-commit is installed (a dev
dependency), so this test never skips there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plans import ROOT

DATA = ROOT / "data"


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    if os.environ.get("CI"):
        pytest.fail("pre-commit is a dev dependency: in CI the hook test must run")
    pytest.skip("pre-commit is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _try(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("PLAN272_LANG", None)
    return subprocess.run(
        [*_pre_commit(), "try-repo", str(ROOT), "plan272-validate", "--color", "never", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_hook_checks_the_plan_of_a_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path / "pre-commit-home"  # one environment for the three runs
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(DATA, repo / "data")
    (repo / "README.md").write_text("notes\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "the plan")

    # the shipped plan has errors: the hook fails, with the findings, and was given no file names
    # (a hook that passed them would stop at "Got unexpected extra argument(s)")
    run = _try(repo, home, "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "plan272 validate" in run.stdout and "Failed" in run.stdout
    assert "SEC002" in run.stdout and "9 findings: 5 error, 2 warning, 2 info" in run.stdout
    assert "unexpected extra argument" not in run.stdout

    # a change to a file of another kind does not run it
    run = _try(repo, home, "--files", "README.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Skipped" in run.stdout

    # a plan without errors passes: the skeleton `plan272 init` writes, as the data directory
    shutil.rmtree(repo / "data")
    init = subprocess.run(
        [sys.executable, "-m", "plan272", "init", str(repo / "data"), "--period", "2026-2030"],
        capture_output=True,
        text=True,
    )
    assert init.returncode == 0, init.stderr
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a new plan")
    run = _try(repo, home, "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
