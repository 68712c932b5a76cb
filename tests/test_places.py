"""Files named relative to the repository root in machine formats, from any working directory."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plan272.views.places import place, repository_root, rooted


def test_as_given_without_a_root() -> None:
    assert place("data/plan.yaml") == "data/plan.yaml"
    assert place("../data/plan.yaml") == "../data/plan.yaml"


def test_relative_to_the_root_from_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = (tmp_path / "repo").resolve()
    (root / "src").mkdir(parents=True)
    (root / "data").mkdir()
    monkeypatch.chdir(root / "src")
    with rooted(root):
        assert place("../data/plan.yaml") == "data/plan.yaml"
        assert place(str(root / "data" / "plan.yaml")) == "data/plan.yaml"
        outside = (tmp_path / "elsewhere.yaml").resolve()
        assert place(str(outside)) == outside.as_posix()
    assert place("../data/plan.yaml") == "../data/plan.yaml"  # only while rooted


def test_a_root_reached_through_a_symbolic_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    (real / "data").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.chdir(link)
    with rooted(real.resolve()):
        assert place("data/plan.yaml") == "data/plan.yaml"


def test_the_repository_root_is_gits_top_level(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert repository_root(tmp_path) is None  # not in a repository
    repo = tmp_path / "repo"
    (repo / "plans" / "data").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert repository_root(repo / "plans" / "data") == repo.resolve()
    assert repository_root(repo / "plans" / "data" / "plan.yaml") == repo.resolve()
