"""``plan272 diff`` with git revisions, against a temporary repository made in each test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan272.cli import main
from plan272.gitsource import GitError, SourceError, load_revision, resolve
from plandir import A1, A2, DATA, GIT_ENV, PlanDir

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV}
    )
    return out.stdout


def shift_i1(d: PlanDir, amount: int = 1000) -> None:
    d.set_cell(A1, "I.1", "y2021", str(int(d.cell(A1, "I.1", "y2021")) - amount))
    d.set_cell(A1, "I.1", "y2022", str(int(d.cell(A1, "I.1", "y2022")) + amount))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository on branch main: commit 1 holds the shipped data, commit 2 shifts 1,000 of
    I.1 from 2021 to 2022."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(DATA, root / "data")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "plan as published")
    shift_i1(PlanDir(root / "data"))
    git(root, "commit", "-q", "-am", "shift 1,000 of I.1 to 2022")
    return root


def plan272(
    args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Run the real entry point in-process (error mapping included)."""
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys, "argv", ["plan272", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the repository, .git included, with its content and modification time."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_revisions_show_the_commit_and_nothing_else(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = plan272(
        ["diff", "HEAD~1", "HEAD", "--format", "json", "--exit-code"], repo, monkeypatch, capsys
    )
    assert code == 1
    data = json.loads(out)
    assert data["old"]["label"].startswith("HEAD~1 (") and data["new"]["label"].startswith("HEAD (")
    projects = data["tables"]["appendix1"]
    assert [c["new_id"] for c in projects["changed"]] == ["I.1"]
    assert set(projects["changed"][0]["changes"]) == {"y2021", "y2022"}
    assert projects["added"] == projects["removed"] == projects["moved"] == projects["renumbered"] == []
    assert (
        data["tables"]["appendix2"]["changed"] == [] and data["plan"] == [] and data["kpis"]["targets"] == []
    )
    # findings of a revision name the repository path, never a temporary directory
    files = {f["file"] for f in data["findings"]["introduced"]}
    assert files == {"data/plan.yaml"}


def test_second_side_defaults_to_the_working_tree_which_is_never_touched(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = plan272(["diff", "HEAD", "--exit-code"], repo, monkeypatch, capsys)
    assert code == 0 and "No differences." in out and "working tree (data)" in out

    d = PlanDir(repo / "data")
    d.set_cell(A2, "U9", "staff", "22")  # an uncommitted edit
    status = git(repo, "status", "--porcelain")  # (git status itself refreshes the index)
    before = snapshot(repo)
    code, out, _ = plan272(["diff", "HEAD"], repo, monkeypatch, capsys)
    assert code == 0
    assert "Appendix I: unchanged · Appendix II: 1 changed" in out
    assert "staff" in out and "21 → 22" in out
    code, out, _ = plan272(["diff", "main", "--format", "markdown"], repo, monkeypatch, capsys)
    assert "| ✏️ | U9 | Sở Ngoại vụ | staff: 21 → 22 (+1) |" in out
    assert snapshot(repo) == before
    assert git(repo, "status", "--porcelain") == status


def test_edit_after_commit_shows_the_edit_and_nothing_else(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # as a reviewer would: edit data/, then `plan272 diff HEAD~1` covers the commit and the edit
    d = PlanDir(repo / "data")
    d.set_cell(A1, "III.24", "name", "Số hóa cơ sở dữ liệu hộ tịch, giai đoạn 2")
    code, out, _ = plan272(["diff", "HEAD~1", "--format", "json"], repo, monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0
    changed = {c["new_id"]: set(c["changes"]) for c in data["tables"]["appendix1"]["changed"]}
    assert changed == {"I.1": {"y2021", "y2022"}, "III.24": {"name"}}


def test_data_option_and_running_from_a_subdirectory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "-q")
    shutil.copytree(DATA, root / "plans" / "272")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    shift_i1(PlanDir(root / "plans" / "272"), 500)
    code, out, _ = plan272(["diff", "HEAD", "--data", "plans/272"], root, monkeypatch, capsys)
    assert code == 0 and "2021         8,000 → 7,500" in out
    code, out, _ = plan272(["diff", "HEAD", "--data", "../plans/272"], root / "docs", monkeypatch, capsys)
    assert code == 0 and "2021         8,000 → 7,500" in out


def test_outside_a_repository_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    shutil.copytree(DATA, outside / "data")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = plan272(["diff", "HEAD~1"], outside, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "plan272: error: 'HEAD~1' is not a data directory" in err and "not a git repository" in err
    assert "Traceback" not in err


def test_unknown_revision_exit_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = plan272(["diff", "no-such-branch"], repo, monkeypatch, capsys)
    assert code == 2
    assert "'no-such-branch' is neither a data directory nor a revision of the git repository" in err
    code, _, err = plan272(["diff", "HEAD~5"], repo, monkeypatch, capsys)
    assert code == 2 and "HEAD~5" in err


def test_file_missing_at_a_revision_exit_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "rm", "-q", "data/appendix2.csv")
    git(repo, "commit", "-q", "-m", "drop appendix II")
    code, _, err = plan272(["diff", "HEAD", "HEAD~1"], repo, monkeypatch, capsys)
    assert code == 2 and "data/appendix2.csv: file not found at revision HEAD (" in err
    code, _, err = plan272(["diff", "HEAD~1", "--data", "elsewhere"], repo, monkeypatch, capsys)
    assert code == 2 and "elsewhere/plan.yaml does not exist at revision HEAD~1" in err


def test_library_errors_and_relocated_paths(repo: Path) -> None:
    side = load_revision("HEAD~1", Path("data"), repo)
    assert side.kind == "revision" and side.revision is not None and len(side.revision) == 40
    assert side.result.plan is not None
    assert side.result.provenance.files == {
        "plan": "data/plan.yaml",
        "appendix1": "data/appendix1.csv",
        "appendix2": "data/appendix2.csv",
    }
    assert {p.location.file for p in side.result.plan.rows("appendix1")} == {"data/appendix1.csv"}
    with pytest.raises(GitError):
        load_revision("--output=x", Path("data"), repo)
    with pytest.raises(GitError):
        load_revision("HEAD", Path("/somewhere/else"), repo)
    (repo / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError, match="is a file, not a data directory"):
        resolve("afile", Path("data"), repo)
    directory = resolve("data", Path("data"), repo)
    assert directory.kind == "directory" and directory.result.plan is not None


def test_through_the_installed_entry_point(repo: Path) -> None:
    """The whole path once as a user runs it (``python -m plan272``), in a fresh process."""
    shift_i1(PlanDir(repo / "data"), 1000)
    out = subprocess.run(
        [sys.executable, "-m", "plan272", "diff", "HEAD", "--exit-code"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        timeout=60,
    )
    assert out.returncode == 1, out.stderr
    assert "Appendix I: 1 changed · Appendix II: unchanged" in out.stdout
    assert "2021         7,000 → 6,000     -1,000" in out.stdout
