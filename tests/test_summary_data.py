"""The data of ``plan272 summary`` (plan272.summary) and its tables (plan272.views.summary.grids.grids): typed
numbers that add up, differences marked, spellings of one agency together."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plan272.engine import Report, run
from plan272.figures import security_account
from plan272.load import LoadResult
from plan272.model import Declared, Plan
from plan272.rules import catalogue
from plan272.summary import TRAILING, AppendixSection, Summary, build_summary, parse_section
from plan272.views.summary.grids import Grid, grid, grids
from plans import WHERE, shipped, with_meta, with_project, with_unit


def summarise(plan: Plan) -> Summary:
    return build_summary(plan, run(LoadResult(plan, [], WHERE)), WHERE)


def appendix(summary: Summary, appendix_id: str) -> AppendixSection:
    section = summary.appendix(appendix_id)
    assert section is not None
    return section


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarise(shipped())


def test_identity(summary: Summary) -> None:
    s = summary.identity
    assert (s.number, s.province, s.signer) == ("272/KH-UBND", "Thanh Hóa", "Đỗ Minh Tuấn")
    assert s.period == (2021, 2025)
    assert str(s.date) == "2020-12-21"


def test_appendix1_groups_and_projects_add_up(summary: Summary) -> None:
    s = appendix(summary, "appendix1")
    assert [g.row.id for g in s.groups] == ["I", "II", "III", "IV"]
    assert [len(g.rows) for g in s.groups] == [6, 5, 29, 2]
    for group in s.groups:
        assert group.row.computed.total == sum(p.amounts.total for p in group.rows)
        for year in s.years:
            assert group.row.computed.years[year] == sum(p.amounts.years[year] for p in group.rows)
    assert sum(g.row.computed.total for g in s.groups) == s.total.computed.total == 1_458_818
    assert s.total.declared is not None and s.total.declared.total == 1_458_818
    assert s.total.differences((*s.years, None)) == {}
    assert all(isinstance(v, int) for v in s.total.computed.years.values())


def test_declared_totals_that_differ_give_signed_differences() -> None:
    plan = shipped()
    declared = plan.meta.appendices[0].declared
    years = {**declared.years, 2022: declared.years[2022] + 1_000}
    changed = with_meta(
        plan, ("appendices", 0, "declared"), Declared(total=declared.total - 500, years=years)
    )
    s = appendix(summarise(changed), "appendix1")
    assert s.total.differences((*s.years, None)) == {2022: -1_000, None: 500}
    g = grid(summarise(changed), "appendix1", "vi")
    declared_row = next(r for r in g.rows if r.style == "declared")
    delta_row = next(r for r in g.rows if r.style == "delta")
    year_column = [c.header for c in g.columns].index("2022")
    total_column = len(g.columns) - 1
    assert declared_row.flags == delta_row.flags == frozenset({year_column, total_column})
    assert delta_row.cells[year_column] == -1_000 and delta_row.cells[total_column] == 500


def test_a_project_whose_years_do_not_add_up_is_marked() -> None:
    changed = with_project(shipped(), "I.2", total=21_000)
    g = grid(summarise(changed), "appendix1")
    row = next(r for r in g.rows if r.cells[0] == "I.2")
    assert row.flags == frozenset({len(g.columns) - 1})
    assert any("≠" in note for note in g.notes)


def test_appendix2_norm_marks_and_notes(summary: Summary) -> None:
    s = appendix(summary, "appendix2")
    units = {u.id: u for g in s.groups for u in g.rows}
    assert len(units) == 21
    assert units["U1"].norm == 56 and units["U1"].off_norm == ()
    assert units["U14"].mark == "*" and units["U14"].off_norm == ()  # marked: at least the norm
    assert [m.units for m in s.marks] == [("U21",), ("U14",)]
    assert units["U14"].exempt and not units["U1"].exempt
    assert s.total.computed.total == sum(u.amounts.total for u in units.values()) == 42_895
    off = summarise(with_unit(shipped(), "U3", years={**units["U3"].amounts.years, 2021: 120}))
    changed = {u.id: u for g in appendix(off, "appendix2").groups for u in g.rows}
    assert changed["U3"].off_norm == (2021,)
    below = summarise(with_unit(shipped(), "U14", years={**units["U14"].amounts.years, 2023: 10}))
    assert {u.id: u for g in appendix(below, "appendix2").groups for u in g.rows}["U14"].off_norm == (2023,)


def test_grand_total(summary: Summary) -> None:
    s = summary.grand_total
    assert (s.total.declared, s.total.computed, s.total.difference) == (1_501_713, 1_501_713, 0)
    assert s.total.words == "Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng"
    assert [(p.appendix.en if p.appendix else None, p.computed) for p in s.parts] == [
        ("Appendix I", 1_458_818),
        ("Appendix II", 42_895),
    ]


def test_investors_fall_together_through_the_registry(summary: Summary) -> None:
    rows = summary.investors.rows
    assert [r.amount for r in rows] == sorted((r.amount for r in rows), reverse=True)
    assert sum(r.amount for r in rows) == summary.investors.total == 1_458_818
    assert sum(r.projects for r in rows) == 42
    assert rows[0].name == "Sở Thông tin và Truyền thông" and rows[0].amount == 986_500
    education = next(r for r in rows if r.agency_id == "so-gddt")
    assert (education.projects, education.amount) == (3, 78_000)
    assert education.spellings == ("Sở Giáo dục và đào tạo",)
    kkt = next(r for r in rows if r.agency_id == "bql-kkt")
    assert kkt.name == "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp"
    assert kkt.spellings == ("Ban quản lý KKT Nghi Sơn và các KCN",)
    total_share = sum((r.share for r in rows if r.share is not None), Decimal(0))
    assert abs(total_share - 100) < Decimal("1e-20")


def test_unregistered_investors_group_by_spelling() -> None:
    plan = with_project(shipped(), "I.1", investor="Công ty Thanh Hoá", agency_id=None)
    plan = with_project(plan, "I.2", investor="công ty  Thanh Hóa", agency_id=None)
    rows = summarise(plan).investors.rows
    company = [r for r in rows if r.name.casefold().startswith("công ty")]
    assert len(company) == 1
    assert (company[0].agency_id, company[0].projects, company[0].amount) == (None, 2, 40_200)
    assert company[0].name == "Công ty Thanh Hoá" and company[0].spellings == ("công ty  Thanh Hóa",)


def test_security_matches_the_analysis(summary: Summary) -> None:
    s = summary.security
    account = security_account(shipped())
    assert [(r.year, r.amount, r.base, r.ok) for r in s.years] == [
        (year, share.amount, share.base, share.ok) for year, share in account.years.items()
    ]
    assert (s.period.amount, s.period.base, s.period.required, s.period.shortfall) == (
        130_000,
        1_501_713,
        150_172,
        20_172,
    )
    assert s.years[0].ok and s.years[0].shortfall == 0
    assert s.counted == ("IV.1", "IV.2") and s.minimum == 10


def test_targets_collect_the_milestones(summary: Summary) -> None:
    s = summary.targets
    assert s.years == (2021, 2022, 2023, 2024, 2025)
    rows = {r.id: r for r in s.rows}
    reporting = rows["national-reporting"].milestones
    assert {y: [str(t) for t in ts] for y, ts in reporting.items()} == {2022: ["50"], 2025: ["80"]}
    assert str(rows["online-dossiers"].milestones[2025][0]) == "≥ 75"
    assert str(rows["it-park-enterprises"].milestones[2022][0]) == "20–30"
    g = grid(summary, "targets", "vi")
    cells = {r.cells[-1]: r.cells for r in g.rows}
    assert cells["national-reporting"][2] == Decimal(50)  # a single value stays a number
    assert cells["it-park-enterprises"][2] == "20–30"
    assert cells["online-dossiers"][5] == "≥ 75"


def test_findings_are_counted_by_rule_and_severity(summary: Summary) -> None:
    s = summary.findings
    counts = {r.code: (r.error, r.warning, r.info) for r in s.rows}
    assert counts["SEC001"] == (1, 0, 0)
    assert counts["SEC002"] == (4, 0, 0)
    assert counts["SEC003"] == (0, 0, 1)
    report = run(LoadResult(shipped(), [], WHERE))  # other rules may come and go: compare with the engine
    assert s.totals == report.counts()
    assert sum(r.total for r in s.rows) == len(report.findings)
    assert set(counts) >= {r.code for r in catalogue()}


def test_findings_of_a_code_outside_the_selection_still_count() -> None:
    from plan272.findings import Finding, Severity
    from plan272.problems import Location

    finding = Finding("INT001", Severity.ERROR, "boom", Location("plan.yaml"))
    report = Report([finding], [], fatal=False)
    s = build_summary(shipped(), report).findings
    assert [(r.code, r.error) for r in s.rows] == [("INT001", 1)]


def test_grids_keep_numbers_as_numbers(summary: Summary) -> None:
    for lang in ("en", "vi"):
        tables = grids(summary, lang)
        assert [g.section for g in tables] == [*summary.sections, "findings"]  # counts, then each finding
        assert summary.sections == ("identity", "appendix1", "appendix2", *TRAILING)
        for g in tables:
            _check_shape(g)
            for row in g.rows:
                for value, column in zip(row.cells, g.columns, strict=True):
                    if column.kind == "amount" and value is not None:
                        assert type(value) is int, (g.section, column.header, value)  # Plan 272: no rate
                    if column.kind == "percent" and value is not None:
                        assert isinstance(value, Decimal)
                    assert not isinstance(value, float)


def _check_shape(g: Grid) -> None:
    assert g.columns and g.title
    for row in g.rows:
        assert len(row.cells) == len(g.columns), (g.section, row)
        assert all(0 <= f < len(g.columns) for f in row.flags)


def test_appendix1_grid_rows_add_up_to_the_total(summary: Summary) -> None:
    g = grid(summary, "appendix1")
    total = len(g.columns) - 1
    groups = [r for r in g.rows if r.style == "group"]
    projects = [r for r in g.rows if r.style == "body"]
    computed_total = next(r for r in g.rows if r.style == "total")
    assert sum(r.cells[total] for r in groups) == sum(r.cells[total] for r in projects)  # type: ignore[misc]
    assert computed_total.cells[total] == sum(r.cells[total] for r in groups)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "section"),
    [("grand-total", "grand-total"), ("Grand_Total", "grand-total"), (" appendix1 ", "appendix1")],
)
def test_parse_section(name: str, section: str, summary: Summary) -> None:
    assert parse_section(name, summary.sections) == section


def test_unknown_section(summary: Summary) -> None:
    with pytest.raises(ValueError, match="unknown section 'totals'"):
        parse_section("totals", summary.sections)
