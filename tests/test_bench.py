"""``make bench``'s plans: generated deterministically from the shipped one, of the size asked, a
revision with 1% of the rows changed and 5 inserted — and loadable as plans (not timed here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from plan272.diff import diff_plans
from plan272.load import load_plan
from plandir import DATA

_SPEC = importlib.util.spec_from_file_location("bench_run", DATA.parent / "bench" / "run.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_run"] = bench
_SPEC.loader.exec_module(bench)


def test_the_generated_plan_and_its_revision(tmp_path: Path) -> None:
    bench.generate(tmp_path / "a", 300)
    bench.generate(tmp_path / "b", 300, revised=True)
    bench.generate(tmp_path / "c", 300)
    assert (tmp_path / "a" / "appendix1.csv").read_bytes() == (tmp_path / "c" / "appendix1.csv").read_bytes()
    old, new = load_plan(tmp_path / "a"), load_plan(tmp_path / "b")
    assert old.plan is not None and new.plan is not None
    assert not [p for p in old.problems + new.problems if p.fatal]
    rows = old.plan.rows("appendix1")
    assert len(rows) == 300 and len({r.id for r in rows}) == 300
    assert len(new.plan.rows("appendix1")) == 305
    d = diff_plans(old.plan, new.plan, None, None)
    table = d.table("appendix1")
    assert len(table.added) == 5 and not table.removed
    # rows 7, 107 and 207: 100 million (or what there is) moved from 2021 to 2022
    moved = [rows[n].id for n in (7, 107, 207) if rows[n].years[2021] > 0]
    assert [p.new.id for p in table.pairs if p.changed] == moved


def test_growth_times_each_pair_of_sizes_taking_turns(monkeypatch, capsys, tmp_path: Path) -> None:
    ran: list[str] = []
    times = {"p1000": [0.5, 0.4, 0.6], "p2000": [1.1, 0.9, 1.0], "p4000": [2.0, 1.9, 2.2]}

    def measure(args: list[str], cwd: Path) -> tuple[float, int, int]:
        plan = Path(args[args.index("validate") + 1]).name
        ran.append(plan)
        return times[plan][sum(1 for r in ran if r == plan) % 3], 0, 0

    monkeypatch.setattr(bench, "measure", measure)
    monkeypatch.setenv("BENCH_REPEAT", "3")
    bench.growth([1000, 2000, 4000], tmp_path)
    # each pair alternates, round after round
    assert ran[:6] == ["p1000", "p2000"] * 3 and ran[6:] == ["p2000", "p4000"] * 3
    lines = capsys.readouterr().out.splitlines()[1:]
    # the fastest of each: 0.4 → 0.9 (×2.25), then 0.9 → 1.9 (×2.11)
    assert "0.40s → 0.90s, ×2.25" in lines[0] and "0.90s → 1.90s, ×2.11" in lines[1]
    bench.growth([1000], tmp_path)  # one size: nothing to compare
    assert capsys.readouterr().out == ""
