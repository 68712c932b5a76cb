"""Building test plans from the shipped one, in memory (no files): small, exact mutations."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from plan272.load import load_plan
from plan272.model import Plan

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@cache
def shipped() -> Plan:
    result = load_plan(DATA)
    assert result.problems == [], result.problems
    assert result.plan is not None
    return result.plan


def with_project(plan: Plan, pid: str, **changes: Any) -> Plan:
    projects = tuple(p.model_copy(update=changes) if p.id == pid else p for p in plan.projects)
    assert any(p.id == pid for p in plan.projects), pid
    return plan.model_copy(update={"projects": projects})


def with_unit(plan: Plan, uid: str, **changes: Any) -> Plan:
    units = tuple(u.model_copy(update=changes) if u.id == uid else u for u in plan.units)
    assert any(u.id == uid for u in plan.units), uid
    return plan.model_copy(update={"units": units})


def with_meta(plan: Plan, path: tuple[str, ...], value: Any) -> Plan:
    """Replace the plan.yaml value at ``path`` (attribute names), rebuilding frozen models."""

    def rebuild(obj: Any, rest: tuple[str, ...]) -> Any:
        head, *tail = rest
        if not tail:
            return obj.model_copy(update={head: value})
        return obj.model_copy(update={head: rebuild(getattr(obj, head), tuple(tail))})

    return plan.model_copy(update={"meta": rebuild(plan.meta, path)})


def project(plan: Plan, pid: str) -> Any:
    return next(p for p in plan.projects if p.id == pid)


def unit(plan: Plan, uid: str) -> Any:
    return next(u for u in plan.units if u.id == uid)


def rel(file: str) -> str:
    """A finding's file relative to the repository root (the tests load data/ by absolute path)."""
    return file.removeprefix(ROOT.as_posix() + "/")


def yaml_line(fragment: str) -> int:
    """The 1-based line of data/plan.yaml where ``fragment`` first occurs (tests don't hard-code it)."""
    for number, line in enumerate((DATA / "plan.yaml").read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in plan.yaml")
