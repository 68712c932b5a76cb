"""Every rule: a passing and a failing case, with code, location and figures asserted."""

from __future__ import annotations

from decimal import Decimal

from plan272.findings import Finding, Severity
from plan272.model import Counted, KpiStatement, Target
from plan272.rules import (
    catalogue,
    dat002,
    get_rule,
    kpi001,
    kpi002,
    kpi003,
    nrm001,
    sec001,
    sec002,
    sec003,
    sum001,
    sum002,
    sum003,
)
from plans import WHERE, project, rel, shipped, unit, with_meta, with_project, with_unit, yaml_line

A1 = "data/appendix1.csv"
A2 = "data/appendix2.csv"
PY = "data/plan.yaml"


def where(findings: list[Finding]) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.code, rel(f.location.file), f.location.line, f.location.field) for f in findings]


def test_catalogue_has_every_rule_explained() -> None:
    codes = [r.code for r in catalogue()]
    assert codes == sorted(codes)
    assert {"DAT001", "DAT002", "SUM001", "SUM002", "SUM003", "SEC001", "SEC002", "SEC003"} <= set(codes)
    assert {"KPI001", "KPI002", "KPI003", "NRM001"} <= set(codes)
    for rule in catalogue():
        assert rule.name and rule.summary and rule.what and rule.why and rule.source and rule.fix
        assert rule.code in rule.explanation()
    assert get_rule("sec001") is not None and get_rule("XYZ999") is None


# --- DAT002 ---------------------------------------------------------------------------------------


def test_dat002_passes_on_shipped_plan() -> None:
    assert list(dat002.check(shipped(), WHERE)) == []


def test_dat002_duplicate_id_unknown_group_unknown_agency() -> None:
    plan = with_project(shipped(), "I.2", id="I.1")
    plan = with_project(plan, "II.3", section="V")
    plan = with_project(plan, "III.4", investor="Sở Không Có", agency_id=None)
    found = list(dat002.check(plan, WHERE))
    assert where(found) == [
        ("DAT002", A1, 3, "id"),
        ("DAT002", A1, 10, "section"),
        ("DAT002", A1, 16, "investor"),
    ]
    assert [f.ids for f in found] == [("I.1",), ("II.3",), ("III.4",)]


# --- SUM001 ---------------------------------------------------------------------------------------


def test_sum001_passes_on_shipped_plan() -> None:
    assert list(sum001.check(shipped(), WHERE)) == []


def test_sum001_row_that_does_not_add_up() -> None:
    plan = shipped()
    years = dict(project(plan, "I.1").years)
    years[2022] += 1000
    found = list(sum001.check(with_project(plan, "I.1", years=years), WHERE))
    assert where(found) == [("SUM001", A1, 2, "tmdt")]
    assert (found[0].expected, found[0].observed, found[0].difference) == (21200, 20200, -1000)


def test_sum001_unit_total() -> None:
    found = list(sum001.check(with_unit(shipped(), "U3", total=640), WHERE))
    assert where(found) == [("SUM001", A2, 4, "total")]
    assert (found[0].expected, found[0].observed) == (630, 640)


def test_sum001_skips_unreadable_cells() -> None:
    plan = with_project(shipped(), "I.1", total=0, unreadable=frozenset({"tmdt"}))
    assert list(sum001.check(plan, WHERE)) == []


# --- SUM002 ---------------------------------------------------------------------------------------


def test_sum002_passes_on_shipped_plan() -> None:
    assert list(sum002.check(shipped(), WHERE)) == []


def test_sum002_year_column_and_declared_total() -> None:
    plan = shipped()
    years = dict(project(plan, "III.19").years)
    years[2023] += 500
    found = list(sum002.check(with_project(plan, "III.19", years=years), WHERE))
    line = yaml_line("years: {2021: 262318")
    assert where(found) == [("SUM002", PY, line, "appendices.0.declared.years.2023")]
    assert (found[0].expected, found[0].observed, found[0].detail) == (289500, 289000, "2023")


def test_sum002_appendix2_group_and_total_rows() -> None:
    plan = with_unit(shipped(), "U1", total=281)
    found = list(sum002.check(plan, WHERE))
    assert sorted((f.ids, f.detail, f.expected, f.observed) for f in found) == [
        (("appendix2",), "total", 42896, 42895),
        (("appendix2:I",), "total", 42896, 42895),
    ]


def test_sum002_declared_years_disagree_with_declared_total() -> None:
    plan = shipped()
    declared = plan.meta.appendices[0].declared.model_copy(update={"total": 1458819})
    found = list(sum002.check(with_meta(plan, ("appendices", 0, "declared"), declared), WHERE))
    assert sorted((f.detail, f.expected, f.observed) for f in found) == [
        ("declared", 1458818, 1458819),
        ("total", 1458818, 1458819),
    ]
    assert all(f.location.line == yaml_line("total: 1458818") for f in found)


# --- SUM003 ---------------------------------------------------------------------------------------


def test_sum003_passes_on_shipped_plan() -> None:
    assert list(sum003.check(shipped(), WHERE)) == []


def test_sum003_grand_total_mismatch() -> None:
    plan = with_meta(shipped(), ("grand_total", "amount"), 1501731)
    found = list(sum003.check(plan, WHERE))
    assert sorted((f.detail, f.expected, f.observed) for f in found) == [
        ("appendices", 1501713, 1501731),
        ("parts", 1501713, 1501731),
    ]
    assert {f.location.line for f in found} == {yaml_line("  amount: 1501713")}


def test_sum003_part_differs_from_its_appendix() -> None:
    plan = with_unit(shipped(), "U2", total=680, years={y: 136 for y in range(2021, 2026)})
    found = list(sum003.check(plan, WHERE))
    assert [(f.ids, f.expected, f.observed) for f in found] == [
        (("grand_total",), 1501723, 1501713),
        (("grand_total", "recurring"), 42905, 42895),
    ]
    assert found[1].location.line == yaml_line("      amount: 42895")


# --- SEC001–SEC003 ---------------------------------------------------------------------------------


def test_sec001_fails_on_shipped_plan_with_figures() -> None:
    (finding,) = sec001.check(shipped(), WHERE)
    assert (finding.code, rel(finding.location.file), finding.location.line) == (
        "SEC001",
        PY,
        yaml_line("min_share_percent:"),
    )
    assert (finding.expected, finding.observed) == (150172, 130000)
    assert finding.extra["share"] == "8.66%"
    assert "IV.1, IV.2" in finding.text()


def test_sec001_passes_when_share_reaches_minimum() -> None:
    plan = with_meta(shipped(), ("security_policy", "min_share_percent"), Decimal("8.6"))
    assert list(sec001.check(plan, WHERE)) == []
    counted = [Counted(appendix="appendix1", groups=["III", "IV"])]
    plan = with_meta(shipped(), ("security_policy", "counted"), counted)
    assert list(sec001.check(plan, WHERE)) == []


def test_sec002_years_below_minimum() -> None:
    found = list(sec002.check(shipped(), WHERE))
    assert [(f.detail, f.observed, f.expected) for f in found] == [
        ("2022", 23000, 31182),
        ("2023", 20000, 29752),
        ("2024", 20000, 31312),
        ("2025", 20000, 30812),
    ]


def test_sec002_passes_when_each_year_reaches_minimum() -> None:
    plan = with_meta(shipped(), ("security_policy", "min_share_percent"), Decimal("6"))
    assert list(sec002.check(plan, WHERE)) == []


def test_sec003_info_when_no_project_gives_security_amount() -> None:
    (finding,) = sec003.check(shipped(), WHERE)
    assert (finding.code, finding.severity, finding.location.line) == (
        "SEC003",
        Severity.INFO,
        yaml_line("scopes: [year"),
    )


def test_sec003_checks_projects_with_attt() -> None:
    plan = with_project(shipped(), "I.1", attt=1000)  # 1,000 of 20,200 < 10%
    plan = with_project(plan, "I.2", attt=2000)  # 2,000 of 20,000 = 10%: passes
    found = list(sec003.check(plan, WHERE))
    assert where(found) == [("SEC003", A1, 2, "attt")]
    assert (found[0].expected, found[0].observed) == (2020, 1000)


def test_security_denominator_and_counting_come_from_plan_yaml() -> None:
    plan = with_meta(shipped(), ("security_policy", "denominator"), ["appendix1"])
    (finding,) = sec001.check(plan, WHERE)
    assert finding.extra["base"] == "1458818"
    # an attt part of a project outside group IV counts: 130,000 + 30,000 = 160,000 (10.65%)
    assert list(sec001.check(with_project(shipped(), "III.19", attt=30000), WHERE)) == []
    plan = with_meta(shipped(), ("security_policy", "include_attt_amounts"), False)
    (finding,) = sec001.check(with_project(plan, "III.19", attt=30000), WHERE)
    assert finding.observed == 130000


# --- KPI001–KPI003 ---------------------------------------------------------------------------------


def _kpi_index(kpi_id: str) -> int:
    return next(i for i, k in enumerate(shipped().meta.kpis) if k.id == kpi_id)


def _with_statement_targets(kpi_id: str, statement: int, targets: dict[int, object]) -> object:
    plan = shipped()
    index = _kpi_index(kpi_id)
    kpi = plan.meta.kpis[index]
    statements = list(kpi.statements)
    statements[statement] = KpiStatement(
        source=statements[statement].source, targets={y: Target.model_validate(t) for y, t in targets.items()}
    )
    kpis = list(plan.meta.kpis)
    kpis[index] = kpi.model_copy(update={"statements": statements})
    return with_meta(plan, ("kpis",), kpis)


def test_kpi_rules_pass_on_shipped_plan() -> None:
    plan = shipped()
    assert list(kpi001.check(plan, WHERE)) == []
    assert list(kpi002.check(plan, WHERE)) == []
    assert list(kpi003.check(plan, WHERE)) == []


def test_kpi001_weakened_value() -> None:
    # national-reporting: 2022 50% (statement 1) -> 2025 30% (statement 2) and 80% (statement 0)
    plan = _with_statement_targets("national-reporting", 2, {2025: 30})
    found = list(kpi001.check(plan, WHERE))
    assert [(f.code, f.ids, f.expected, f.observed) for f in found] == [
        ("KPI001", ("national-reporting",), Decimal(50), Decimal(30)),
    ]
    assert found[0].location.field == f"kpis.{_kpi_index('national-reporting')}.statements.2.targets.2025"


def test_kpi001_compares_both_ends_of_a_range() -> None:
    plan = _with_statement_targets("it-park-enterprises", 1, {2025: [30, 25]})
    found = list(kpi001.check(plan, WHERE))
    assert [(f.detail, f.expected, f.observed) for f in found] == [
        ("2022-2025-high", Decimal(30), Decimal(25))
    ]


def test_kpi001_lower_is_better() -> None:
    plan = shipped()
    index = _kpi_index("it-park-enterprises")
    kpis = list(plan.meta.kpis)
    kpis[index] = kpis[index].model_copy(update={"direction": "lower"})
    found = list(kpi001.check(with_meta(plan, ("kpis",), kpis), WHERE))
    # both ends rise: one finding, with the figures of the commitment (the high end, lower is better)
    assert [(f.detail, f.expected, f.observed) for f in found] == [
        ("2022-2025-range", Decimal(30), Decimal(50))
    ]


def test_kpi002_impossible_targets() -> None:
    plan = _with_statement_targets("paperless-meetings", 1, {2022: 120})
    found = list(kpi002.check(plan, WHERE))
    assert [(f.code, f.observed) for f in found] == [("KPI002", Decimal(120))]  # a single value, once
    plan = _with_statement_targets("it-park-enterprises", 0, {2022: [30, 20]})
    found = list(kpi002.check(plan, WHERE))
    assert [f.detail for f in found] == ["2022-0-0"]
    plan = _with_statement_targets("it-park-enterprises", 0, {2022: -3})
    assert [f.observed for f in kpi002.check(plan, WHERE)] == [Decimal(-3)]


def test_kpi003_statements_disagree() -> None:
    plan = _with_statement_targets("digital-inspections", 2, {2025: 40})
    found = list(kpi003.check(plan, WHERE))
    assert [(f.code, f.ids, f.location.field) for f in found] == [
        (
            "KPI003",
            ("digital-inspections",),
            f"kpis.{_kpi_index('digital-inspections')}.statements.2.targets.2025",
        )
    ]


# --- NRM001 ---------------------------------------------------------------------------------------


def test_nrm001_passes_on_shipped_plan() -> None:
    assert list(nrm001.check(shipped(), WHERE)) == []


def test_nrm001_unmarked_unit_off_norm() -> None:
    plan = shipped()
    years = dict(unit(plan, "U9").years)
    years[2024] = 40
    found = list(nrm001.check(with_unit(plan, "U9", years=years), WHERE))
    assert where(found) == [("NRM001", A2, 10, "y2024")]
    assert (found[0].expected, found[0].observed) == (42, 40)


def test_nrm001_marked_unit_gets_at_least_the_norm() -> None:
    plan = shipped()
    years = dict(unit(plan, "U21").years)
    years[2023] = 200  # below 124 x 2 = 248
    found = list(nrm001.check(with_unit(plan, "U21", years=years), WHERE))
    assert [(f.detail, f.expected, f.observed) for f in found] == [("2023", 248, 200)]
    assert list(nrm001.check(with_unit(plan, "U21", note=None), WHERE)) != []


def test_kpi001_open_bound_then_value_is_not_weaker() -> None:
    # "at least 75" in 2022, then 80 in 2025: the commitment rose; the open ceiling is no weakening
    plan = _with_statement_targets("online-dossiers", 0, {2022: {"min": 75}, 2025: 80})
    assert list(kpi001.check(plan, WHERE)) == []
    plan = _with_statement_targets("online-dossiers", 0, {2022: 80, 2025: {"min": 75}})
    assert [(f.detail, f.expected, f.observed) for f in kpi001.check(plan, WHERE)] == [
        ("2022-2025-low", Decimal(80), Decimal(75))
    ]
    plan = _with_statement_targets("online-dossiers", 0, {2022: 80, 2025: {"max": 90}})
    assert [(f.detail, f.observed) for f in kpi001.check(plan, WHERE)] == [("2022-2025-low", None)]


def test_kpi003_single_values_carry_figures() -> None:
    plan = _with_statement_targets("digital-inspections", 2, {2025: 40})
    (finding,) = kpi003.check(plan, WHERE)
    assert (finding.expected, finding.observed) == (Decimal(50), Decimal(40))


def test_a_failing_share_never_reads_as_the_minimum() -> None:
    from plan272.figures import Share, percent_text

    share = Share(32076, 320892, Decimal(10))  # 9.9959…%
    assert not share.ok and share.shown == Decimal("9.99")
    assert percent_text(share.shown) == "9.99%"
    assert Share(23000, 311816, Decimal(10)).shown == Decimal("7.38")  # ordinary rounding otherwise


def test_each_rule_is_its_own_module() -> None:
    import importlib
    import pkgutil

    import plan272.rules as package

    modules = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    codes = {r.code.lower() for r in catalogue()} | {"int001"}
    assert sorted(modules) == sorted(codes)
    for name in modules:
        rule = importlib.import_module(f"plan272.rules.{name}").RULE
        assert rule.code.lower() == name
