"""Rows are light slotted dataclasses the loader builds from its typed cell readers (not one
pydantic model per row): every value a loaded row holds has the type its field declares — on the
shipped plan and on plans whose cells could not be read."""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from plan272.load import load_plan
from plan272.model import Line, Project, Row, Unit
from plan272.problems import Location
from plandir import DATA, PlanDir


def _conforms(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if hint is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, h) for h in typing.get_args(hint))
    if origin is dict:
        key, item = typing.get_args(hint)
        return isinstance(value, dict) and all(
            _conforms(k, key) and _conforms(v, item) for k, v in value.items()
        )
    if origin is frozenset:
        (item,) = typing.get_args(hint)
        return isinstance(value, frozenset) and all(_conforms(v, item) for v in value)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _check(rows: tuple[Row, ...]) -> int:
    checked = 0
    for row in rows:
        hints = typing.get_type_hints(type(row), vars(sys.modules["plan272.model"]))
        for f in dataclasses.fields(row):
            value = getattr(row, f.name)
            assert _conforms(value, hints[f.name]), (row.id, f.name, value)
            checked += 1
    return checked


def test_the_shipped_plans_rows_hold_their_declared_types() -> None:
    plan = load_plan(DATA).plan
    assert plan is not None
    assert {type(r) for r in plan.rows("appendix1")} == {Project}
    assert {type(r) for r in plan.rows("appendix2")} == {Unit}
    assert _check(plan.all_rows()) == 42 * 15 + 21 * 14


@pytest.mark.parametrize(
    ("column", "value"),
    [("tmdt", "20.200"), ("y2021", "abc"), ("tt", "-1"), ("attt", "1,5"), ("investor", "")],
)
def test_rows_with_unreadable_cells_still_hold_their_declared_types(
    tmp_path: Path, column: str, value: str
) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "p")
    d.set_cell("appendix1.csv", "I.2", column, value)
    plan = load_plan(d.path).plan
    assert plan is not None
    _check(plan.all_rows())
    row = next(r for r in plan.rows("appendix1") if r.id == "I.2")
    assert column in row.unreadable


def test_rows_are_slotted_and_frozen() -> None:
    row = Line(
        appendix="a", id="L1", section="", tt=1, name="n", total=1, years={2021: 1}, location=Location("a")
    )
    assert not hasattr(row, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.total = 2  # type: ignore[misc]


@pytest.mark.parametrize("value", ["²", "١٢", "１２", "12²"])
def test_a_cell_of_other_digits_is_a_located_problem_without_a_figure(tmp_path: Path, value: str) -> None:
    from plan272 import engine

    d = PlanDir.copy_of(DATA, tmp_path / "p")
    line = d.set_cell("appendix1.csv", "I.2", "y2021", value)
    report = engine.run(load_plan(d.path))
    (problem,) = [f for f in report.findings if f.code == "DAT001"]
    assert (problem.location.line, problem.location.field) == (line, "y2021")
    assert problem.observed is None  # "١٢" is not the figure 12, nor "²" a crash
