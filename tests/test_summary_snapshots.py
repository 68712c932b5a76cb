"""Snapshots of every table of ``plan272 summary`` at 100 columns, in English and Vietnamese.

The golden files are ``tests/snapshots/summary_*.txt``. After an intended change of the output (or
of the shipped data), regenerate them and review the diff:

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_summary_snapshots.py

The findings table is snapshotted from a fixed report, so that a change in the rule catalogue does
not touch it; every other table comes from the shipped plan.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from plan272.engine import Report, run
from plan272.findings import Finding, Severity
from plan272.i18n import AmountUnit, Lang
from plan272.load import LoadResult
from plan272.model import Declared, Plan
from plan272.problems import Location
from plan272.rules import Rule
from plan272.summary import SectionName, Summary, build_summary
from plan272.views.console import make_console
from plan272.views.summary.grids import render
from plans import WHERE, shipped, with_meta, with_project

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
#: the sections of the shipped plan's summary: the fixed ones and its two appendices
SECTIONS = ("identity", "appendix1", "appendix2", "grand-total", "investors", "security", "targets", "stated",
            "findings")  # fmt: skip
UPDATE = os.environ.get("UPDATE_SNAPSHOTS", "") not in ("", "0")
WIDTH = 100


def printed(summary: Summary, section: SectionName, lang: Lang, unit: AmountUnit = "million") -> str:
    """What ``plan272 summary --section S --lang L --width 100`` prints to a pipe."""
    buffer = io.StringIO()
    render(make_console(buffer, width=WIDTH, color=False), summary, lang, unit, (section,))
    return buffer.getvalue()


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / f"summary_{name}.txt"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():  # a snapshot nobody reviewed is no test: fail, never write and pass
        pytest.fail(f"missing snapshot {path.name}: run with UPDATE_SNAPSHOTS=1, review and commit it")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from the output; if the change is intended, regenerate with "
        "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_summary_snapshots.py"
    )


def fixed_report() -> Report:
    rules = [
        Rule("SEC001", "security-share-period", "", Severity.ERROR, "", "", "", ""),
        Rule("SUM002", "declared-totals", "", Severity.ERROR, "", "", "", ""),
        Rule("ZZZ001", "future-rule", "", Severity.WARNING, "", "", "", ""),
    ]
    where = Location("data/plan.yaml", 1)
    findings = [
        Finding("SEC001", Severity.ERROR, "x", where, ids=("period",)),
        Finding("ZZZ001", Severity.WARNING, "x", where, ids=("a",)),
        Finding("ZZZ001", Severity.INFO, "x", where, ids=("b",)),
    ]
    return Report(findings, rules, suppressed=2)


@pytest.fixture(scope="module")
def summary() -> Summary:
    plan = shipped()
    return build_summary(plan, run(LoadResult(plan, [], WHERE)), WHERE)


def test_the_shipped_summary_has_these_sections(summary: Summary) -> None:
    assert summary.sections == SECTIONS


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("section", [s for s in SECTIONS if s != "findings"])
def test_table_snapshot(summary: Summary, section: SectionName, lang: Lang) -> None:
    text = printed(summary, section, lang)
    check(f"{section}_{lang}", text)
    assert max(len(line) for line in text.splitlines()) <= WIDTH


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_findings_snapshot(lang: Lang) -> None:
    text = printed(build_summary(shipped(), fixed_report()), "findings", lang)
    check(f"findings_{lang}", text)


@pytest.mark.parametrize("section", ["appendix1", "appendix2", "security"])
def test_billion_snapshot(summary: Summary, section: SectionName) -> None:
    check(f"{section}_vi_billion", printed(summary, section, "vi", "billion"))


def differing_plan() -> Plan:
    """The shipped plan with a declared total off by -1,000 in 2022 and +500 overall, and project
    I.2 whose TMĐT no longer equals its years."""
    plan = shipped()
    declared = plan.meta.appendices[0].declared
    years = {**declared.years, 2022: declared.years[2022] + 1_000}
    plan = with_meta(plan, ("appendices", 0, "declared"), Declared(total=declared.total - 500, years=years))
    return with_project(plan, "I.2", total=21_000)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_differences_snapshot(lang: Lang) -> None:
    plan = differing_plan()
    summary = build_summary(plan, run(LoadResult(plan, [], WHERE)), WHERE)
    text = printed(summary, "appendix1", lang)
    lines = text.splitlines()
    # the part that matters: group I with I.2, and the totals with the differences
    excerpt = "\n".join([*lines[:6], "…", *lines[-10:]]) + "\n"
    check(f"differences_{lang}", excerpt)
    assert ("-1,000" if lang == "en" else "-1.000") in excerpt
    assert ("+1,500" if lang == "en" else "+1.500") in excerpt  # 500 declared less, 1,000 more in I.2
    assert "≠" in excerpt


def test_the_whole_summary_fits_100_columns(summary: Summary) -> None:
    for lang in ("en", "vi"):
        for unit in ("million", "billion"):
            buffer = io.StringIO()
            render(make_console(buffer, width=WIDTH, color=False), summary, lang, unit)  # type: ignore[arg-type]
            assert max(len(line) for line in buffer.getvalue().splitlines()) <= WIDTH


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("section", SECTIONS)
def test_no_figure_is_cut_at_the_narrowest_width(summary: Summary, section: SectionName, lang: Lang) -> None:
    """At the width ``minimum_width`` computes, every figure prints whole; one column less and the
    console widens itself rather than cut a number."""
    from plan272.views.summary.grids import display_text, grids, required_width

    tables = grids(summary, lang, "million", (section,))
    narrowest = required_width(summary, lang, "million", (section,))
    for width in (narrowest, narrowest - 1):
        buffer = io.StringIO()
        render(make_console(buffer, width=width, color=False), summary, lang, "million", (section,))
        out = buffer.getvalue()
        for g in tables:
            for row in g.rows:
                for i, column in enumerate(g.columns):
                    if column.kind != "text" and not (column.sheet_only or column.wide_only):
                        assert display_text(g, row, i, lang, "million") in out
    assert max(len(line) for line in out.splitlines()) <= narrowest
