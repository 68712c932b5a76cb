"""A loaded plan sent from one process to another (``plan272 diff`` loads its sides at once):
``unpack(pack(result)) == result`` — rows, their years and locations, problems, notices,
provenance — whatever the plan: the shipped one, one with unreadable cells, rows of other years or
kinds, a plan.yaml that cannot be read."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from plan272.load import LoadResult, load_plan
from plan272.load.packed import _pack_table, pack, unpack
from plan272.model import Years
from plandir import DATA, PlanDir


def _same(result: LoadResult) -> LoadResult:
    back = unpack(pickle.loads(pickle.dumps(pack(result))))  # as it goes from one process to another
    assert back == result
    assert back.problems == result.problems and back.notices == result.notices
    assert back.provenance == result.provenance
    if result.plan is not None:
        assert back.plan is not None
        for key, rows in result.plan.tables.items():
            again = back.plan.tables[key]
            assert [type(r) for r in again] == [type(r) for r in rows]
            assert [r.location for r in again] == [r.location for r in rows]
            assert [dict(r.years) for r in again] == [dict(r.years) for r in rows]
            assert all(type(r.years) is type(o.years) for r, o in zip(again, rows, strict=True))
    return back


def test_the_shipped_plan_comes_back_whole_its_tables_as_columns() -> None:
    result = load_plan(DATA)
    assert result.plan is not None
    assert {key: _pack_table(rows)[0] for key, rows in result.plan.tables.items()} == {
        "appendix1": "projects",
        "appendix2": "units",
    }
    back = _same(result)
    assert back.plan is not None
    rows = back.plan.rows("appendix1")
    assert len({id(r.years.years) for r in rows if isinstance(r.years, Years)}) == 1  # shared again


@pytest.mark.parametrize(
    ("row_id", "column", "value"),
    [("I.2", "tmdt", "20.200"), ("I.3", "y2021", "abc"), ("I.4", "investor", ""), ("IV.1", "attt", "1,5")],
)
def test_a_plan_with_cells_that_cannot_be_read_comes_back_whole(
    tmp_path: Path, row_id: str, column: str, value: str
) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "p")
    d.set_cell("appendix1.csv", row_id, column, value)
    result = d.load(memo=False)
    assert result.problems
    _same(result)


def test_a_plan_yaml_that_cannot_be_read_comes_back_whole(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "p")
    d.write("plan.yaml", "schema_version: [\n")
    result = d.load(memo=False)
    assert result.plan is None
    _same(result)


def test_rows_not_alike_are_sent_as_they_are() -> None:
    result = load_plan(DATA)
    assert result.plan is not None
    rows = list(result.plan.rows("appendix1"))
    rows[5] = dataclasses.replace(rows[5], years=dict(rows[5].years))  # a dict, not Years
    odd = result.plan.model_copy(update={"tables": {**result.plan.tables, "appendix1": tuple(rows)}})
    assert _pack_table(odd.tables["appendix1"])[0] is None
    _same(LoadResult(odd, result.problems, result.provenance, result.notices))
