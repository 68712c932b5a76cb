"""The text report laid out without rich (plain output: a file, a pipe, CI) is, line for line, the
one rich prints: on the shipped plan, with a baseline's notes (worse, improved, stale), on a run
that could not read everything, and on random findings — long and Vietnamese words, fields, found
values, many files — at random widths. Where it cannot be laid out here, rich lays it out."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plan272 import baseline as baselines
from plan272.engine import Report, run
from plan272.findings import Finding, Severity
from plan272.load import load_plan
from plan272.messages import Lang
from plan272.problems import Location
from plan272.views.console import make_console, plain
from plan272.views.report.text import blocks, draw, lay_out

LANGS: tuple[Lang, ...] = ("en", "vi")


@cache
def shipped() -> Report:
    return run(load_plan("data"))


def rich_lines(report: Report, width: int, lang: Lang = "en") -> str:
    buffer = io.StringIO()
    draw(list(blocks(report, lang)), make_console(buffer, width=width, color=False))
    return plain(buffer.getvalue())


def here(report: Report, width: int, lang: Lang = "en") -> str | None:
    lines = lay_out(list(blocks(report, lang)), width)
    return None if lines is None else plain("".join(line + "\n" for line in lines))


def test_the_shipped_plan_s_report_is_laid_out_here_as_rich_prints_it() -> None:
    for lang in LANGS:
        for width in (60, 61, 79, 100, 137, 200):
            assert here(shipped(), width, lang) == rich_lines(shipped(), width, lang)
    # and it is laid out here: the line numbers right-aligned, the text wrapped beside them
    lines = (here(shipped(), 100) or "").splitlines()
    assert lines[0] == "data/plan.yaml"
    assert lines[1].startswith("108 error   SEC001 [security_policy.min_share_percent] ")
    assert lines[-1] == "9 findings: 5 error, 2 warning, 2 info (17 rules checked)"


def test_a_baseline_s_notes_and_an_incomplete_run_are_laid_out_as_rich_prints_them(tmp_path: Path) -> None:
    findings = shipped().findings
    recorded = list(findings)
    recorded[1] = replace(recorded[1], observed=Decimal(recorded[1].observed or 0) + 1000)  # now better
    recorded[2] = replace(recorded[2], observed=Decimal(recorded[2].observed or 0) - 1000)  # now worse
    gone = Finding("SUM001", Severity.ERROR, "gone", Location("data/appendix1.csv", 9, "tmdt"), ids=("I.9",))
    path = tmp_path / "baseline.json"
    path.write_text(baselines.dumps([*recorded, gone]), encoding="utf-8")
    report = baselines.apply(shipped(), baselines.load(path), [], [])
    assert report.improved and report.worse and report.stale_baseline
    incomplete = replace(shipped(), fatal=True, incomplete=("data/appendix1.csv",))
    for case in (report, incomplete, replace(shipped(), findings=[])):
        for lang in LANGS:
            for width in (60, 100, 150):
                assert here(case, width, lang) == rich_lines(case, width, lang)


_WORDS = st.sampled_from(
    ["Nâng", "cấp", "hạ", "tầng", "ĐÃ", "e\u0301", "中文", "x" * 70, "  ", "1,500", "(found", "'x')", "[f]"]
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=25).map(" ".join)


@st.composite
def _reports(draw: st.DrawFn) -> Report:
    files = [
        "data/plan.yaml",
        "data/appendix1.csv",
        "dữ liệu/" + "rất-dài-" * draw(st.integers(0, 20)) + ".csv",
    ]
    findings = []
    for _ in range(draw(st.integers(0, 8))):
        findings.append(
            Finding(
                draw(st.sampled_from(["SUM001", "SEC002", "TXT001", "DAT002"])),
                draw(st.sampled_from(list(Severity))),
                draw(_TEXT),
                Location(
                    draw(st.sampled_from(files)),
                    draw(st.none() | st.integers(1, 10**7)),
                    draw(st.none() | st.sampled_from(["tmdt", "claims.10.total", "tên đơn vị"])),
                ),
                extra={"value": draw(_TEXT)} if draw(st.booleans()) else {},
            )
        )
    findings.sort(key=lambda f: f.sort_key())
    return replace(shipped(), findings=findings, fatal=draw(st.booleans()))


@settings(max_examples=150, deadline=None)
@given(_reports(), st.integers(60, 160), st.sampled_from(LANGS))
def test_random_reports_are_laid_out_here_as_rich_prints_them(report: Report, width: int, lang: Lang) -> None:
    laid_out = here(report, width, lang)
    if laid_out is not None:  # else rich lays it out (a file name wider than the width, say)
        assert laid_out == rich_lines(report, width, lang)
