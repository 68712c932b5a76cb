"""Fixture helpers for loader tests: a writable copy of the shipped ``data/`` directory and small
editors for one CSV cell or one plan.yaml line.

Every editor returns the 1-based line it touched, computed independently of the loader (by counting
the newlines the CSV writer emits before the record), so a test can assert the location a problem
must carry without hard-coding line numbers of the shipped data.
"""

from __future__ import annotations

import copy
import csv
import io
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest import mock

from plan272.load import LoadResult, load_plan, yamlfile
from plan272.problems import Problem

#: git run by the tests: a fixed author, no user or system configuration
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}

DATA = Path(__file__).resolve().parent.parent / "data"
PLAN = "plan.yaml"
A1 = "appendix1.csv"
A2 = "appendix2.csv"
FILES = (PLAN, A1, A2)

Where = tuple[str, int | None, str | None]
"""(file name, line, field) of a problem: the file is compared by its base name."""


def where(problem: Problem) -> Where:
    location = problem.location
    return Path(location.file).name, location.line, location.field


def located(result: LoadResult) -> set[Where]:
    """The locations of every problem of ``result``."""
    return {where(p) for p in result.problems}


def at(result: LoadResult, file: str, line: int | None, field: str | None = None) -> list[Problem]:
    """The problems of ``result`` located exactly at (file, line, field)."""
    return [p for p in result.problems if where(p) == (file, line, field)]


def render_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


_YAML_MEMO: dict[str, tuple[Any, dict[yamlfile.Path_, int], list[Problem]]] = {}


def memo_load_yaml(text: str, file: str) -> tuple[Any, dict[yamlfile.Path_, int], list[Problem]]:
    """``load_yaml`` remembered by text: parsing plan.yaml is ~90 % of a load, and most tests change
    only a CSV file. ``load_yaml`` is a pure function of (text, file); the file name of the problems
    is put back, the data deep-copied. Any changed plan.yaml is parsed for real."""
    if text not in _YAML_MEMO:
        _YAML_MEMO[text] = yamlfile.load_yaml(text, "\0memo")
    data, lines, problems = _YAML_MEMO[text]
    return (
        copy.deepcopy(data),
        dict(lines),
        [replace(p, location=replace(p.location, file=file)) for p in problems],
    )


@dataclass
class PlanDir:
    """A plan directory that tests may change; ``load()`` runs the loader on it."""

    path: Path

    @classmethod
    def copy_of(cls, source: Path, target: Path) -> PlanDir:
        shutil.copytree(source, target)
        return cls(target)

    def load(self, memo: bool = True) -> LoadResult:
        if not memo:
            return load_plan(self.path)
        with mock.patch("plan272.load.load_yaml", memo_load_yaml):
            return load_plan(self.path)

    # -- whole files ---------------------------------------------------------------------------

    def file(self, name: str) -> Path:
        return self.path / name

    def text(self, name: str) -> str:
        with self.file(name).open(encoding="utf-8", newline="") as handle:
            return handle.read()

    def write(self, name: str, text: str) -> None:
        with self.file(name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)

    def write_bytes(self, name: str, data: bytes) -> None:
        self.file(name).write_bytes(data)

    # -- CSV -----------------------------------------------------------------------------------

    def rows(self, name: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.text(name), newline="")))

    def write_rows(self, name: str, rows: list[list[str]]) -> None:
        self.write(name, render_csv(rows))

    def index_of(self, name: str, row_id: str) -> int:
        """The index in ``rows(name)`` of the record whose ``id`` cell is ``row_id``."""
        rows = self.rows(name)
        column = rows[0].index("id")
        matches = [i for i, row in enumerate(rows) if i and row[column] == row_id]
        assert len(matches) == 1, f"{row_id!r} found {len(matches)} times in {name}"
        return matches[0]

    def line_of(self, name: str, row_id: str) -> int:
        """The line where the record ``row_id`` starts in the file (multi-line cells counted)."""
        rows = self.rows(name)
        return render_csv(rows[: self.index_of(name, row_id)]).count("\n") + 1

    def set_cell(self, name: str, row_id: str, column: str, value: str) -> int:
        """Write ``value`` into one cell; return the line where that record starts."""
        rows = self.rows(name)
        index = self.index_of(name, row_id)
        rows[index][rows[0].index(column)] = value
        self.write_rows(name, rows)
        return render_csv(rows[:index]).count("\n") + 1

    def cell(self, name: str, row_id: str, column: str) -> str:
        rows = self.rows(name)
        return rows[self.index_of(name, row_id)][rows[0].index(column)]

    # -- plan.yaml -----------------------------------------------------------------------------

    def yaml_line_of(self, needle: str) -> int:
        """The 1-based line of plan.yaml holding ``needle``; it must occur on exactly one line."""
        lines = [i for i, line in enumerate(self.text(PLAN).splitlines(), start=1) if needle in line]
        assert len(lines) == 1, f"{needle!r} is on lines {lines} of plan.yaml"
        return lines[0]

    def set_yaml(self, old: str, new: str) -> int:
        """Replace the one occurrence of ``old`` (within a line) by ``new``; return its line."""
        line = self.yaml_line_of(old)
        text = self.text(PLAN)
        assert text.count(old) == 1
        self.write(PLAN, text.replace(old, new))
        return line

    def insert_yaml_after(self, needle: str, new_line: str) -> int:
        """Insert ``new_line`` after the line holding ``needle``; return the new line's number."""
        line = self.yaml_line_of(needle)
        lines = self.text(PLAN).splitlines(keepends=True)
        lines.insert(line, new_line.rstrip("\n") + "\n")
        self.write(PLAN, "".join(lines))
        return line + 1

    def delete_yaml_line(self, needle: str) -> int:
        line = self.yaml_line_of(needle)
        lines = self.text(PLAN).splitlines(keepends=True)
        del lines[line - 1]
        self.write(PLAN, "".join(lines))
        return line
