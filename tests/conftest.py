"""Shared fixtures: the shipped plan (loaded once, read-only) and a writable copy of it per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan272.load import LoadResult, load_plan
from plandir import DATA, PlanDir


@pytest.fixture(scope="session")
def shipped_load() -> LoadResult:
    """The shipped ``data/`` directory, loaded once. Do not mutate."""
    return load_plan(DATA)


@pytest.fixture
def plan_dir(tmp_path: Path) -> PlanDir:
    """A copy of the shipped ``data/`` directory in ``tmp_path``, for tests that change files."""
    return PlanDir.copy_of(DATA, tmp_path / "data")
