"""Rows are light slotted dataclasses the loader builds from its typed cell readers (not one
pydantic model per row): every value a loaded row holds has the type its field declares — on the
shipped plan and on plans whose cells could not be read."""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan272.load import load_plan
from plan272.model import Line, Project, Row, Unit, Years
from plan272.problems import Location
from plandir import DATA, PlanDir


def _conforms(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if hint is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, h) for h in typing.get_args(hint))
    if origin in (dict, Mapping):
        key, item = typing.get_args(hint)
        return isinstance(value, origin) and all(
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
    assert _check(plan.all_rows()) == 42 * 16 + 21 * 15  # fields: a project's 16, a unit's 15
    assert all(
        type(r.years) is Years and r.years.years is plan.rows(r.appendix)[0].years.years
        for r in plan.all_rows()
    )


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


@given(st.dictionaries(st.integers(2000, 2100), st.integers(0, 10**15), max_size=8), st.integers(1990, 2110))
def test_years_behave_as_the_dict_of_their_amounts(by_year: dict[int, int], probe: int) -> None:
    years = Years(tuple(by_year), tuple(by_year.values()))
    assert years == by_year and by_year == years
    assert not (years != by_year)  # noqa: SIM202
    assert dict(years) == by_year and list(years) == list(by_year) and len(years) == len(by_year)
    assert list(years.items()) == list(by_year.items()) and list(years.values()) == list(by_year.values())
    assert list(years.keys()) == list(by_year.keys())
    assert (probe in years) == (probe in by_year)
    assert years.get(probe) == by_year.get(probe) and years.get(probe, -1) == by_year.get(probe, -1)
    if probe in by_year:
        assert years[probe] == by_year[probe]
    else:
        with pytest.raises(KeyError):
            years[probe]
    assert repr(years) == repr(by_year)
    changed = {**by_year, probe: by_year.get(probe, 0) + 1}
    assert years != Years(tuple(changed), tuple(changed.values()))
    assert years != changed
    backwards = Years(
        tuple(reversed(by_year)), tuple(reversed(by_year.values()))
    )  # the same, in another order
    assert backwards == years and backwards == by_year


def test_years_are_read_only_and_need_an_amount_a_year() -> None:
    years = Years((2021, 2022), (5, 7))
    with pytest.raises(TypeError):
        years[2021] = 6  # type: ignore[index]
    with pytest.raises(AttributeError):
        years.other = 1  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        Years((2021, 2022), (5,))
    with pytest.raises(TypeError):
        hash(years)


@pytest.mark.parametrize("cls", [Project, Unit, Line])
def test_a_row_assembled_from_its_fields_is_the_row_its_constructor_makes(cls: type[Row]) -> None:
    from plan272.model import assemble, assemble_all

    loaded = load_plan(DATA).plan
    assert loaded is not None
    sample = next((r for r in loaded.all_rows() if type(r) is cls), None)
    values = {f.name: getattr(sample, f.name) for f in dataclasses.fields(cls)} if sample else None
    if values is None:  # no row of this kind in the shipped plan: one made up
        values = {
            f.name: f.default if f.default is not dataclasses.MISSING else None
            for f in dataclasses.fields(cls)
        }
        values.update(appendix="a", id="L1", section="", tt=1, name="n", total=1, years={2021: 1})
        values.update(location=Location("a"), columns={}, unreadable=frozenset())
    made = assemble(cls, tuple(values.values()))
    assert type(made) is cls and made == cls(**values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        assemble(cls, tuple(values.values())[:-1])  # a field short
    many = assemble_all(cls, [tuple(values.values())] * 3)
    assert [type(r) for r in many] == [cls] * 3 and many == [made] * 3
    with pytest.raises(ValueError):
        assemble_all(cls, [tuple(values.values()), tuple(values.values())[:-1]])
    with pytest.raises(ValueError):
        assemble_all(cls, [(*values.values(), "one too many")])
