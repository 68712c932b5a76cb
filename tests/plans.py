"""Building test plans from the shipped one, in memory (no files): small, exact mutations."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Any

from plan272.load import LoadResult, load_plan
from plan272.model import Plan, Row
from plan272.provenance import Provenance

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@cache
def shipped_load() -> LoadResult:
    result = load_plan(DATA)
    assert result.problems == [], result.problems
    assert result.plan is not None
    return result


def shipped() -> Plan:
    plan = shipped_load().plan
    assert plan is not None
    return plan


#: where the shipped plan's values stand: what rules need to locate plan.yaml values
WHERE: Provenance = shipped_load().provenance


def projects(plan: Plan) -> tuple[Row, ...]:
    return plan.rows("appendix1")


def units(plan: Plan) -> tuple[Row, ...]:
    return plan.rows("appendix2")


def with_row(plan: Plan, appendix: str, row_id: str, **changes: Any) -> Plan:
    rows = plan.rows(appendix)
    assert any(r.id == row_id for r in rows), row_id
    changed = tuple(dataclasses.replace(r, **changes) if r.id == row_id else r for r in rows)
    return plan.model_copy(update={"tables": {**plan.tables, appendix: changed}})


def with_project(plan: Plan, pid: str, **changes: Any) -> Plan:
    return with_row(plan, "appendix1", pid, **changes)


def with_unit(plan: Plan, uid: str, **changes: Any) -> Plan:
    return with_row(plan, "appendix2", uid, **changes)


def with_rows(plan: Plan, appendix: str, rows: tuple[Row, ...]) -> Plan:
    return plan.model_copy(update={"tables": {**plan.tables, appendix: rows}})


def with_meta(plan: Plan, path: tuple[str | int, ...], value: Any) -> Plan:
    """Replace the plan.yaml value at ``path`` (attribute names, list indexes), rebuilding frozen
    models."""

    def rebuild(obj: Any, rest: tuple[str | int, ...]) -> Any:
        head, *tail = rest
        if isinstance(head, int):
            items = list(obj)
            items[head] = value if not tail else rebuild(items[head], tuple(tail))
            return items
        if not tail:
            return obj.model_copy(update={head: value})
        return obj.model_copy(update={head: rebuild(getattr(obj, head), tuple(tail))})

    return plan.model_copy(update={"meta": rebuild(plan.meta, path)})


def project(plan: Plan, pid: str) -> Any:
    return next(p for p in plan.rows("appendix1") if p.id == pid)


def unit(plan: Plan, uid: str) -> Any:
    return next(u for u in plan.rows("appendix2") if u.id == uid)


def rel(file: str) -> str:
    """A finding's file relative to the repository root (the tests load data/ by absolute path)."""
    return file.removeprefix(ROOT.as_posix() + "/")


def yaml_line(fragment: str) -> int:
    """The 1-based line of data/plan.yaml where ``fragment`` first occurs (tests don't hard-code it)."""
    for number, line in enumerate((DATA / "plan.yaml").read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in plan.yaml")
