"""Properties of the sum rules over generated plans (hypothesis)."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from plan272.engine import run
from plan272.load import LoadResult
from plan272.model import Plan
from plans import WHERE, shipped, with_meta, with_row, with_rows

YEARS = range(2021, 2026)
amount = st.integers(min_value=0, max_value=500_000)


def consistent(plan: Plan, p_years: list[list[int]], u_years: list[list[int]]) -> Plan:
    """The shipped structure with the given yearly amounts and every total made consistent."""
    projects = tuple(
        dataclasses.replace(p, years=dict(zip(YEARS, ys, strict=True)), total=sum(ys))
        for p, ys in zip(plan.rows("appendix1"), p_years, strict=True)
    )
    units = tuple(
        dataclasses.replace(u, years=dict(zip(YEARS, ys, strict=True)), total=sum(ys))
        for u, ys in zip(plan.rows("appendix2"), u_years, strict=True)
    )
    plan = with_rows(with_rows(plan, "appendix1", projects), "appendix2", units)
    a1 = {y: sum(p.years[y] for p in projects) for y in YEARS}
    a2 = {y: sum(u.years[y] for u in units) for y in YEARS}
    t1, t2 = sum(a1.values()), sum(a2.values())
    d1 = plan.meta.appendices[0].declared.model_copy(update={"years": a1, "total": t1})
    d2 = plan.meta.appendices[1].declared.model_copy(update={"years": a2, "total": t2})
    plan = with_meta(plan, ("appendices", 0, "declared"), d1)
    plan = with_meta(plan, ("appendices", 1, "declared"), d2)
    group = plan.meta.appendices[1].groups[0].model_copy(update={"declared": d2})
    plan = with_meta(plan, ("appendices", 1, "groups"), [group])
    parts = [
        plan.meta.grand_total.parts[0].model_copy(update={"amount": t1}),
        plan.meta.grand_total.parts[1].model_copy(update={"amount": t2}),
    ]
    grand = plan.meta.grand_total.model_copy(update={"amount": t1 + t2, "parts": parts})
    return with_meta(plan, ("grand_total",), grand)


def plans() -> st.SearchStrategy[Plan]:
    base = shipped()
    rows = st.lists(amount, min_size=5, max_size=5)
    return st.builds(
        lambda p, u: consistent(base, p, u),
        st.lists(rows, min_size=len(base.rows("appendix1")), max_size=len(base.rows("appendix1"))),
        st.lists(rows, min_size=len(base.rows("appendix2")), max_size=len(base.rows("appendix2"))),
    )


def sum_findings(plan: Plan) -> list[tuple[str, tuple[str, ...], str | None]]:
    report = run(LoadResult(plan, [], WHERE), select=["SUM001", "SUM002", "SUM003"])
    return [(f.code, f.ids, f.detail) for f in report.findings]


@settings(max_examples=25, deadline=None)
@given(plans())
def test_consistent_plan_has_no_sum_findings(plan: Plan) -> None:
    assert sum_findings(plan) == []


@settings(max_examples=25, deadline=None)
@given(plans(), st.data())
def test_one_changed_cell_gives_one_sum001_and_one_sum002(plan: Plan, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(plan.rows("appendix1")) - 1), label="row")
    year = data.draw(st.sampled_from(list(YEARS)), label="year")
    delta = data.draw(
        st.integers(-plan.rows("appendix1")[index].years[year], 100_000).filter(bool), label="delta"
    )
    before = {f.key() for f in run(LoadResult(plan, [], WHERE)).findings}
    target = plan.rows("appendix1")[index]
    years = dict(target.years)
    years[year] += delta
    changed = with_row(plan, "appendix1", target.id, years=years)
    after = run(LoadResult(changed, [], WHERE)).findings
    new = [f for f in after if f.key() not in before]
    gone = (
        before
        - {f.key() for f in after if f.code.startswith("SUM")}
        - {f.key() for f in after if not f.code.startswith("SUM")}
    )
    sums = sorted((f.code, f.ids, f.detail) for f in new if f.code.startswith("SUM"))
    assert sums == [("SUM001", (target.id,), None), ("SUM002", ("appendix1",), str(year))]
    sum001 = next(f for f in new if f.code == "SUM001")
    assert sum001.location == target.location.with_field("tmdt")
    assert sum001.expected is not None and sum001.observed is not None
    assert sum001.expected - sum001.observed == delta
    # nothing else appears or disappears, except the security shares that the amount moves
    assert all(f.code.startswith(("SUM", "SEC")) for f in new)
    assert all(not k.startswith(("SUM", "DAT", "KPI", "NRM")) for k in gone)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffling_rows_changes_only_lines(rnd: random.Random) -> None:
    base = shipped()
    years = dict(base.rows("appendix1")[3].years)
    years[2025] += 7  # one real SUM001/SUM002 so there is something to compare
    broken = with_row(base, "appendix1", base.rows("appendix1")[3].id, years=years)
    projects = list(broken.rows("appendix1"))
    units = list(broken.rows("appendix2"))
    rnd.shuffle(projects)
    rnd.shuffle(units)
    shuffled = with_rows(with_rows(broken, "appendix1", tuple(projects)), "appendix2", tuple(units))
    one = run(LoadResult(broken, [], WHERE)).findings
    two = run(LoadResult(shuffled, [], WHERE)).findings

    def strip(findings: list[object]) -> list[tuple[object, ...]]:
        return sorted(
            (f.code, f.ids, f.detail, f.expected, f.observed, f.severity.value)  # type: ignore[attr-defined]
            for f in findings
        )

    assert strip(one) == strip(two)


@settings(max_examples=8, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffling_the_csv_rows_changes_no_finding_but_its_line(rnd: random.Random) -> None:
    """Through the files: reordered rows give the same findings (code, ids, figures), only lines move."""
    import shutil
    import tempfile
    from pathlib import Path

    from plan272.load import load_plan
    from plans import DATA

    with tempfile.TemporaryDirectory() as tmp:
        one, two = Path(tmp) / "one", Path(tmp) / "two"
        shutil.copytree(DATA, one)
        shutil.copytree(DATA, two)
        for directory in (one, two):  # the same real findings on both: III.19's 2023 raised by 5
            path = directory / "appendix1.csv"
            path.write_text(
                path.read_text(encoding="utf-8").replace(
                    ",150000,0,50000,50000,50000,0,", ",150000,0,50000,50005,50000,0,"
                ),
                encoding="utf-8",
            )
        for name in ("appendix1.csv", "appendix2.csv"):
            header, *rows = (two / name).read_text(encoding="utf-8").splitlines()
            rnd.shuffle(rows)
            (two / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")

        def strip(directory: Path) -> list[tuple[object, ...]]:
            found = run(load_plan(directory)).findings
            return sorted((f.code, f.ids, f.detail, f.expected, f.observed, f.severity.value) for f in found)

        assert strip(one) == strip(two)
        assert any(code == "SUM001" for code, *_ in strip(one))
