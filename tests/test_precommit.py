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
    """End to end, once (pre-commit builds an environment for each run of try-repo: seconds)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(DATA, repo / "data")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "the plan")
    # the shipped plan has errors: the hook fails, with the findings, and was given no file names
    # (a hook that passed them would stop at "Got unexpected extra argument(s)")
    run = _try(repo, tmp_path / "pre-commit-home", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "plan272 validate" in run.stdout and "Failed" in run.stdout
    assert "SEC002" in run.stdout and "9 findings: 5 error, 2 warning, 2 info" in run.stdout
    assert "unexpected extra argument" not in run.stdout


def test_the_manifest_as_pre_commit_reads_it(tmp_path: Path) -> None:
    """pre-commit's own reader: the hook runs on the plan's kinds of file only, takes no file names,
    and what it runs passes on a plan without errors (the skeleton `plan272 init` writes)."""
    import re

    _pre_commit()
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "plan272-validate" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert all(files.search(f) for f in ("data/plan.yaml", "plans/x/plan.yml", "data/appendix1.csv"))
    assert not any(files.search(f) for f in ("README.md", "src/app.py", "data/notes.txt"))
    assert hook["entry"] == "plan272 validate" and hook["args"] == []
    data = tmp_path / "data"
    init = subprocess.run([sys.executable, "-m", "plan272", "init", str(data), "--period", "2026-2030"])
    assert init.returncode == 0
    # the entry as pre-commit runs it: in the repository's top level, where data/ is the default
    entry = [sys.executable, "-m", "plan272", *hook["entry"].split()[1:]]
    assert subprocess.run(entry, cwd=tmp_path, capture_output=True).returncode == 0
