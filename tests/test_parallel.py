"""``plan272 diff`` loads and checks its two sides at once (:mod:`plan272.parallel`): the first in
a forked child, the second here. The results, and which error comes first, are those of the work
done in order; a child that fails or crashes leaves the work to this process. Forking is tried in a
fresh interpreter of its own (a test worker runs threads), and the diff through the real command."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plandir import DATA, PlanDir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")

_HARNESS = """
import os, pickle, sys
from plan272.parallel import both

PARENT = os.getpid()

def where(tag):
    return lambda: (tag, os.getpid() != PARENT)

def fails(tag):
    def run():
        raise ValueError(tag)
    return run

def crashes_in_child():
    if os.getpid() != PARENT:
        os._exit(3)
    return ("first", False)

def then(value):
    return ("then", os.getpid() != PARENT)

def then_fails(value):
    raise ValueError("then")

def then_crashes_in_child(value):
    if os.getpid() != PARENT:
        os._exit(3)
    return ("then", False)

class Crash:  # stops the child while it writes its first result (a megabyte of it is in the pipe)
    def __reduce__(self):
        os._exit(3)

def crashes_while_sent(value):
    return [b"x" * 2**20, Crash()] if os.getpid() != PARENT else value

def show(first, second, large=True, then=then, pack=lambda value: value, unpack=lambda value: value):
    try:
        (value, checked), other = both(first, second, then=then, pack=pack, unpack=unpack, large=large)
        print(value, checked, other)
    except ValueError as exc:
        print("raised", exc)
"""


def _run(body: str, jobs: str | None = "2") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PLAN272_JOBS"}
    if jobs is not None:
        env["PLAN272_JOBS"] = jobs
    script = _HARNESS + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_first_runs_in_a_child_and_both_results_come_back_in_order() -> None:
    # the first and what follows it in the child, the second here
    assert _run("show(where('first'), where('second'))") == [
        "('first', True) ('then', True) ('second', False)"
    ]


def test_turned_off_or_small_nothing_is_forked() -> None:
    assert _run("show(where('first'), where('second'))", jobs="1") == [
        "('first', False) ('then', False) ('second', False)"
    ]
    assert _run("show(where('a'), where('b'), large=False)", jobs=None) == [
        "('a', False) ('then', False) ('b', False)"
    ]


def test_a_failing_child_leaves_the_work_here_and_its_error_comes_first() -> None:
    assert _run("show(fails('first'), where('second'))") == ["raised first"]
    assert _run("show(fails('first'), fails('second'))") == ["raised first"]
    assert _run("show(where('first'), fails('second'))") == ["raised second"]
    # what follows the first fails: its error, before the second's, as in order
    assert _run("show(where('first'), fails('second'), then=then_fails)") == ["raised then"]
    assert _run("show(where('first'), fails('second'), then=then_fails)", jobs="1") == ["raised then"]


def test_a_child_that_crashes_leaves_the_work_here() -> None:
    assert _run("show(crashes_in_child, where('second'))") == [
        "('first', False) ('then', False) ('second', False)"
    ]
    # crashed while it sent the first result, or after: all of the child's work is done here
    assert _run("show(where('first'), where('second'), pack=crashes_while_sent)") == [
        "('first', False) ('then', False) ('second', False)"
    ]
    assert _run("show(where('first'), where('second'), then=then_crashes_in_child)") == [
        "('first', False) ('then', False) ('second', False)"
    ]


def _plan272(args: list[str], cwd: Path, jobs: str) -> subprocess.CompletedProcess[str]:
    from test_cli import plan272

    return plan272(*args, cwd=cwd, env={"PLAN272_JOBS": jobs})


@pytest.mark.parametrize("format", ["text", "json", "markdown"])
def test_a_diff_is_the_same_with_its_sides_loaded_at_once_or_in_order(tmp_path: Path, format: str) -> None:
    new = PlanDir.copy_of(DATA, tmp_path / "new")
    new.set_cell("appendix1.csv", "I.2", "y2021", "4000")
    new.set_cell("appendix1.csv", "I.3", "name", "Một tên mới")
    args = ["diff", str(DATA), str(new.path), "--format", format]
    at_once, in_order = _plan272(args, tmp_path, "2"), _plan272(args, tmp_path, "1")
    assert at_once.returncode == in_order.returncode == 0
    assert at_once.stdout == in_order.stdout and at_once.stdout
    assert at_once.stderr == in_order.stderr == ""


def test_unusable_sides_are_refused_in_order_either_way(tmp_path: Path) -> None:
    broken = PlanDir.copy_of(DATA, tmp_path / "broken")
    broken.write("plan.yaml", "schema_version: [\n")
    other = PlanDir.copy_of(DATA, tmp_path / "other")
    other.write("appendix1.csv", "")
    args = ["diff", str(broken.path), str(other.path)]
    at_once, in_order = _plan272(args, tmp_path, "2"), _plan272(args, tmp_path, "1")
    assert at_once.returncode == in_order.returncode == 2
    assert at_once.stderr == in_order.stderr and "broken" in at_once.stderr
    missing = ["diff", str(tmp_path / "nowhere"), str(other.path)]
    assert _plan272(missing, tmp_path, "2").stderr == _plan272(missing, tmp_path, "1").stderr
