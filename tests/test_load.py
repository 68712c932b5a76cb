"""load_plan(): the shipped data, and every kind of bad input located (file, line, field)."""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plan272.engine import run
from plan272.load import LoadResult, load_plan, yamlfile
from plan272.load.files import Limits
from plan272.problems import Location, Problem
from plandir import A1, A2, FILES, PLAN, PlanDir, at, located, where


def only(result: LoadResult) -> Problem:
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


# ---------------------------------------------------------------------------------------------
# The shipped data


def test_shipped_data_loads_without_problems(shipped_load: LoadResult) -> None:
    assert shipped_load.problems == []
    assert not shipped_load.fatal
    assert shipped_load.plan is not None


def test_shipped_projects_come_in_groups_of_6_5_29_2(shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    projects = shipped_load.plan.rows("appendix1")
    assert len(projects) == 42
    assert Counter(p.section for p in projects) == {"I": 6, "II": 5, "III": 29, "IV": 2}
    assert [g.id for g in shipped_load.plan.meta.appendices[0].groups] == ["I", "II", "III", "IV"]


def test_shipped_units(shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    assert len(shipped_load.plan.rows("appendix2")) == 21


def test_shipped_rows_are_located_at_their_lines(shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    assert [p.location.line for p in shipped_load.plan.rows("appendix1")] == list(range(2, 44))
    assert [u.location.line for u in shipped_load.plan.rows("appendix2")] == list(range(2, 23))
    assert {Path(p.location.file).name for p in shipped_load.plan.rows("appendix1")} == {A1}
    assert {Path(u.location.file).name for u in shipped_load.plan.rows("appendix2")} == {A2}


def test_every_shipped_investor_and_unit_resolves_to_an_agency(shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    assert [p.investor for p in shipped_load.plan.rows("appendix1") if p.agency_id is None] == []
    assert [u.name for u in shipped_load.plan.rows("appendix2") if u.agency_id is None] == []
    ids = {a.id for a in shipped_load.plan.meta.agencies}
    assert {p.agency_id for p in shipped_load.plan.rows("appendix1")} <= ids
    assert {u.agency_id for u in shipped_load.plan.rows("appendix2")} <= ids


def test_shipped_amounts_sum_to_the_appendix_totals(shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    assert sum(p.total for p in shipped_load.plan.rows("appendix1")) == 1_458_818
    assert sum(u.total for u in shipped_load.plan.rows("appendix2")) == 42_895
    assert shipped_load.plan.years == (2021, 2022, 2023, 2024, 2025)
    assert all(set(p.years) == set(shipped_load.plan.years) for p in shipped_load.plan.rows("appendix1"))


def test_helper_round_trip_leaves_the_copy_identical(plan_dir: PlanDir) -> None:
    for name in (A1, A2):
        before = plan_dir.text(name)
        plan_dir.write_rows(name, plan_dir.rows(name))
        assert plan_dir.text(name) == before
    assert plan_dir.load().problems == []


def test_memoised_yaml_parse_is_transparent(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "I.1", "tmdt", "x")
    plan_dir.insert_yaml_after("  signer: ", "  signer: Someone Else")  # a located YAML problem
    first, second, real = plan_dir.load(), plan_dir.load(), plan_dir.load(memo=False)
    assert first.problems == second.problems == real.problems
    assert len(real.problems) == 2
    assert first.plan == second.plan == real.plan


def test_not_a_directory(tmp_path: Path) -> None:
    for path in (tmp_path / "nowhere", tmp_path / "file.txt"):
        if path.suffix:
            path.write_text("x")
        problem = only(load_plan(path))
        assert problem.fatal
        assert problem.location == Location(path.as_posix())


def test_problems_sort_by_location_even_without_a_line(plan_dir: PlanDir) -> None:
    plan_dir.file(A2).unlink()  # (appendix2.csv, None): no line
    bad = plan_dir.set_cell(A1, "I.3", "tmdt", "x")
    plan_dir.set_cell(A1, "I.2", "tmdt", "-1")
    ordered = sorted(p.location for p in plan_dir.load().problems)
    assert [(Path(loc.file).name, loc.line) for loc in ordered] == [(A1, bad - 1), (A1, bad), (A2, None)]
    assert sorted([Location("f", 2), Location("f"), Location("f", 2, "b"), Location("f", 2, "a")]) == [
        Location("f"),
        Location("f", 2),
        Location("f", 2, "a"),
        Location("f", 2, "b"),
    ]


# ---------------------------------------------------------------------------------------------
# CSV cells


@pytest.mark.parametrize(
    ("file", "row_id", "column", "value"),
    [
        (A1, "I.3", "tmdt", "-100000"),  # negative
        (A1, "III.5", "y2022", "\u22123000"),  # negative with a minus sign
        (A2, "U3", "total", "-630"),
        (A1, "II.2", "tmdt", ""),  # empty required amount
        (A1, "II.2", "investor", ""),  # empty required text
        (A1, "IV.1", "name", "   "),  # blank is empty
        (A2, "U7", "unit", ""),
        (A2, "U7", "staff", ""),
        (A1, "III.1", "y2024", "abc"),  # not a number
        (A1, "III.1", "y2024", "12a"),
        (A2, "U9", "y2021", "1e3"),
        (A2, "U9", "staff", "21.5"),
        (A1, "III.4", "tt", "four"),
        (A1, "I.1", "attt", "x"),  # an optional amount, when given, must be a number
    ],
)
def test_bad_cell_is_one_problem_at_its_cell(
    plan_dir: PlanDir, file: str, row_id: str, column: str, value: str
) -> None:
    line = plan_dir.set_cell(file, row_id, column, value)
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (file, line, column)
    assert not problem.fatal
    assert result.plan is not None
    rows = result.plan.rows("appendix1") if file == A1 else result.plan.rows("appendix2")
    row = next(r for r in rows if r.id == row_id)
    assert row.location.line == line
    assert column in row.unreadable


def test_empty_id_cell_still_yields_a_row(plan_dir: PlanDir) -> None:
    line = plan_dir.set_cell(A1, "II.3", "id", "")
    result = plan_dir.load()
    assert located(result) == {(A1, line, "id")}
    assert result.plan is not None
    assert len(result.plan.rows("appendix1")) == 42


def test_missing_column(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A1)
    column = rows[0].index("investor")
    plan_dir.write_rows(A1, [row[:column] + row[column + 1 :] for row in rows])
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (A1, 1, "investor")
    assert problem.fatal  # the table cannot be read at all: the command could not run (exit 2)
    assert result.plan is not None and result.plan.rows("appendix1") == ()
    assert result.plan.incomplete == {"appendix1"}
    assert result.plan.rows("appendix1") == ()
    assert len(result.plan.rows("appendix2")) == 21


def test_missing_year_column_of_the_declared_period(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A2)
    column = rows[0].index("y2024")
    plan_dir.write_rows(A2, [row[:column] + row[column + 1 :] for row in rows])
    assert located(plan_dir.load()) == {(A2, 1, "y2024")}


def test_duplicated_column(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A1)
    tmdt = rows[0].index("tmdt")
    plan_dir.write_rows(A1, [[*row, "tmdt" if i == 0 else "1"] for i, row in enumerate(rows)])
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (A1, 1, "tmdt")
    assert not problem.fatal
    assert result.plan is not None
    # the first of the two columns is the one read
    assert result.plan.rows("appendix1")[0].total == int(rows[1][tmdt])


@pytest.mark.parametrize(("file", "name"), [(A2, "nots"), (A1, "y2026"), (A1, "Investor")])
def test_unknown_column(plan_dir: PlanDir, file: str, name: str) -> None:
    rows = plan_dir.rows(file)
    plan_dir.write_rows(file, [[*row, name if i == 0 else ""] for i, row in enumerate(rows)])
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (file, 1, name)
    assert not problem.fatal


def test_unnamed_column_is_located_by_its_position(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A2)
    plan_dir.write_rows(A2, [[*row, ""] for row in rows])
    assert located(plan_dir.load()) == {(A2, 1, f"column {len(rows[0]) + 1}")}


def test_row_with_too_few_cells(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A1)
    index = plan_dir.index_of(A1, "III.7")
    line = plan_dir.line_of(A1, "III.7")
    rows[index] = rows[index][:-1]  # drops source_line (optional): only the count is wrong
    plan_dir.write_rows(A1, rows)
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (A1, line, None)
    assert not problem.fatal


def test_row_with_too_many_cells(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A2)
    index = plan_dir.index_of(A2, "U12")
    line = plan_dir.line_of(A2, "U12")
    rows[index].append("extra")
    plan_dir.write_rows(A2, rows)
    assert located(plan_dir.load()) == {(A2, line, None)}


def test_short_row_is_reported_once_and_not_used(plan_dir: PlanDir) -> None:
    rows = plan_dir.rows(A2)
    index = plan_dir.index_of(A2, "U5")
    line = plan_dir.line_of(A2, "U5")
    rows[index] = rows[index][:4]  # id, section, tt, unit
    plan_dir.write_rows(A2, rows)
    result = plan_dir.load()
    assert located(result) == {(A2, line, None)}
    (problem,) = result.problems
    assert (problem.row_id, problem.expected, problem.value) == ("U5", "13", "4")
    assert result.plan is not None
    assert "U5" not in {
        u.id for u in result.plan.rows("appendix2")
    }  # its cells would sit in the wrong columns
    assert result.plan.incomplete == {"appendix2"}


def test_quoted_cell_over_several_lines_keeps_record_lines(plan_dir: PlanDir) -> None:
    # shipped rows are one line each: record I.k starts on line k + 1
    assert plan_dir.line_of(A1, "I.2") == 3
    plan_dir.set_cell(A1, "I.1", "name", "Nâng cấp,\nduy trì hoạt động\nhệ thống thông tin")
    plan_dir.set_cell(A1, "I.4", "name", "dòng một\r\ndòng hai")
    bad = plan_dir.set_cell(A1, "III.5", "y2023", "oops")
    assert plan_dir.line_of(A1, "I.2") == 5
    assert bad == 17 + 2 + 1  # III.5 was on line 17
    result = plan_dir.load()
    assert located(result) == {(A1, bad, "y2023")}
    assert result.plan is not None
    lines = {p.id: p.location.line for p in result.plan.rows("appendix1")}
    assert lines["I.1"] == 2
    assert lines["I.2"] == 5
    assert lines["I.5"] == 9  # I.4 starts on line 7 and spans two lines
    assert lines["IV.2"] == 43 + 3
    assert lines["III.5"] == bad
    assert result.plan.rows("appendix1")[0].name == "Nâng cấp,\nduy trì hoạt động\nhệ thống thông tin"


def test_blank_lines_are_skipped_and_counted(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A2, "U2", "staff", "x")
    header, rest = plan_dir.text(A2).split("\n", 1)
    plan_dir.write(A2, "\n" + header + "\n\n" + rest + "\n\n")  # header on line 2, U1 on line 4
    result = plan_dir.load()
    assert located(result) == {(A2, 5, "staff")}
    assert result.plan is not None
    assert [u.location.line for u in result.plan.rows("appendix2")] == list(range(4, 25))


def test_header_only_file_is_a_table_without_rows(plan_dir: PlanDir) -> None:
    """A table may have no rows yet (a new plan, `plan272 init`): that is data, not a read failure.
    A table emptied by mistake shows against its declared totals instead (SUM002)."""
    plan_dir.write(A2, plan_dir.text(A2).split("\n", 1)[0] + "\n")
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    assert result.plan.rows("appendix2") == () and result.plan.incomplete == frozenset()
    report = run(result)
    sums = {(f.code, f.ids, f.detail) for f in report.findings if f.code == "SUM002"}
    assert ("SUM002", ("appendix2",), "total") in sums and ("SUM002", ("appendix2:I",), "2021") in sums


@pytest.mark.parametrize("content", [b"", b"\n\n", b"  \r\n"])
def test_empty_appendix_is_fatal(plan_dir: PlanDir, content: bytes) -> None:
    plan_dir.write_bytes(A1, content)
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem)[0] == A1
    assert result.fatal


def test_missing_appendix_is_fatal_and_the_rest_still_loads(plan_dir: PlanDir) -> None:
    plan_dir.file(A2).unlink()
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (A2, None, None)
    assert result.plan is not None
    assert len(result.plan.rows("appendix1")) == 42
    assert result.plan.rows("appendix2") == ()


def test_appendix_that_is_a_directory_is_fatal(plan_dir: PlanDir) -> None:
    plan_dir.file(A1).unlink()
    plan_dir.file(A1).mkdir()
    problem = only(plan_dir.load())
    assert problem.fatal
    assert where(problem) == (A1, None, None)


@pytest.mark.parametrize("name", FILES)
def test_file_over_the_size_limit_is_fatal(plan_dir: PlanDir, name: str) -> None:
    limit = max(plan_dir.file(n).stat().st_size for n in FILES)
    padding = limit + 1 - plan_dir.file(name).stat().st_size
    plan_dir.write(name, plan_dir.text(name) + "\n" * padding)
    result = load_plan(plan_dir.path, Limits(max_bytes=limit))
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (name, None, None)
    assert str(limit) in problem.text().replace(",", "")


def test_csv_stray_quote_is_located_and_reading_resumes(plan_dir: PlanDir) -> None:
    line = plan_dir.line_of(A1, "III.9")
    lines = plan_dir.text(A1).split("\n")
    lines[line - 1] = lines[line - 1].replace("III.9,", '"III".9,', 1)
    bad_later = plan_dir.line_of(A1, "III.12")
    lines[bad_later - 1] = lines[bad_later - 1].replace(",2468,2468,", ",2.468,2468,", 1)
    plan_dir.write(A1, "\n".join(lines))
    result = plan_dir.load()
    assert located(result) == {(A1, line, None), (A1, bad_later, "tmdt")}  # both, in one run
    assert not any(p.fatal for p in result.problems)
    assert result.plan is not None
    assert len(result.plan.rows("appendix1")) == 41  # every record but the malformed one was read
    assert result.plan.incomplete == {"appendix1"}


def test_csv_unterminated_quote_is_located_at_the_record_start(plan_dir: PlanDir) -> None:
    line = plan_dir.line_of(A2, "U20")
    lines = plan_dir.text(A2).split("\n")
    lines[line - 1] = lines[line - 1].replace(",Văn phòng", ',"Văn phòng', 1)
    plan_dir.write(A2, "\n".join(lines))
    problem = only(plan_dir.load())
    assert not problem.fatal
    assert where(problem) == (A2, line, None)


# ---------------------------------------------------------------------------------------------
# Encodings and line endings (every file)


@pytest.mark.parametrize("name", FILES)
def test_utf8_bom_loads(plan_dir: PlanDir, name: str) -> None:
    plan_dir.write_bytes(name, b"\xef\xbb\xbf" + plan_dir.file(name).read_bytes())
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    assert len(result.plan.rows("appendix1")) == 42
    assert len(result.plan.rows("appendix2")) == 21


@pytest.mark.parametrize("name", FILES)
def test_crlf_loads_and_keeps_lines(plan_dir: PlanDir, name: str) -> None:
    bad = plan_dir.set_cell(A1, "II.4", "y2025", "x")
    plan_dir.write_bytes(name, plan_dir.file(name).read_bytes().replace(b"\n", b"\r\n"))
    result = plan_dir.load()
    assert located(result) == {(A1, bad, "y2025")}
    assert result.plan is not None
    assert result.plan.rows("appendix1")[0].name.endswith("Văn phòng UBND tỉnh")  # no stray \r


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        (PLAN, "utf-16"),
        (A1, "utf-16"),
        (A2, "utf-16"),
        (A1, "utf-16-le"),
        (A2, "utf-32"),
        (PLAN, "utf-16-be"),
    ],
)
def test_utf16_and_utf32_are_fatal(plan_dir: PlanDir, name: str, encoding: str) -> None:
    plan_dir.write_bytes(name, plan_dir.text(name).encode(encoding))
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem)[0] == name
    assert result.fatal


@pytest.mark.parametrize("name", [A1, A2])
def test_latin1_byte_is_fatal_at_its_line(plan_dir: PlanDir, name: str) -> None:
    row_id, column = ("III.26", "name") if name == A1 else ("U17", "note")
    line = plan_dir.set_cell(name, row_id, column, "caf\x00")  # a marker, replaced by a raw byte
    plan_dir.write_bytes(name, plan_dir.file(name).read_bytes().replace(b"\x00", b"\xe9"))
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (name, line, None)


def test_latin1_byte_in_plan_yaml_is_fatal_at_its_line(plan_dir: PlanDir) -> None:
    line = plan_dir.yaml_line_of("signer_title:")
    data = plan_dir.file(PLAN).read_bytes().replace(b"Ch\xe1\xbb\xa7 t\xe1\xbb\x8bch", b"Ch\xfb t\xefch")
    plan_dir.write_bytes(PLAN, data)
    result = plan_dir.load()
    assert result.plan is None
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (PLAN, line, None)


@pytest.mark.parametrize("name", FILES)
def test_binary_junk_with_nul_is_fatal(plan_dir: PlanDir, name: str) -> None:
    plan_dir.write_bytes(name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe")
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (name, 3, None)


# ---------------------------------------------------------------------------------------------
# plan.yaml


def test_duplicate_key_is_located_at_the_second_occurrence(plan_dir: PlanDir) -> None:
    first = plan_dir.yaml_line_of("  province: Thanh Hóa")
    second = plan_dir.insert_yaml_after("  province: Thanh Hóa", "  province: Nghệ An")
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (PLAN, second, "identity.province")
    assert second == first + 1
    assert not problem.fatal
    assert result.plan is not None
    assert result.plan.meta.identity.province == "Thanh Hóa"  # the first one, not the last


def test_duplicate_key_in_a_flow_mapping(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("{2021: 262318, 2022: 303300,", "{2021: 262318, 2021: 303300,")
    assert (PLAN, line, "appendices.0.declared.years.2021") in located(plan_dir.load())


def test_unknown_key_is_located(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  signer_title: Chủ tịch", "  signer_titel: Chủ tịch")
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (PLAN, line, "identity.signer_titel")
    assert not problem.fatal
    assert result.plan is not None  # the key is ignored and the rest of the plan is checked


def test_unknown_key_in_a_list_item_is_located(plan_dir: PlanDir, shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    index = [a.id for a in shipped_load.plan.meta.agencies].index("so-tu-phap")
    line = plan_dir.set_yaml("- {id: so-tu-phap, name:", "- {id: so-tu-phap, nmae:")
    assert (PLAN, line, f"agencies.{index}.nmae") in located(plan_dir.load())


def test_missing_required_key_is_located_at_its_parent(plan_dir: PlanDir) -> None:
    parent = plan_dir.yaml_line_of("identity:")
    plan_dir.delete_yaml_line("  number: ")
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (PLAN, parent, "identity.number")
    assert problem.value is None
    assert result.plan is None


def test_missing_top_level_section(plan_dir: PlanDir) -> None:
    text = plan_dir.text(PLAN)
    start = text.index("identity:")
    end = text.index("\n\n", start)
    plan_dir.write(PLAN, text[:start] + text[end + 2 :])
    problem = only(plan_dir.load())
    assert where(problem)[0::2] == (PLAN, "identity")


@pytest.mark.parametrize("written", ["20.200", "20.000", "2.0", "1.5e3"])
def test_amount_with_a_decimal_point_in_plan_yaml_is_a_problem(plan_dir: PlanDir, written: str) -> None:
    line = plan_dir.set_yaml("  amount: 1501713", f"  amount: {written}")
    result = plan_dir.load()
    problem = only(result)
    assert where(problem) == (PLAN, line, "grand_total.amount")
    assert problem.value == written  # as written, never 20.2
    assert not problem.fatal
    assert result.plan is None


@pytest.mark.parametrize(
    ("written", "value"), [("1.5", Decimal("1.5")), ("2", Decimal(2)), ("0.25", Decimal("0.25"))]
)
def test_a_norm_per_staff_member_may_have_decimals(plan_dir: PlanDir, written: str, value: Decimal) -> None:
    """A rate is not a whole amount: 1.5 million per staff member is read exactly, never a float."""
    plan_dir.set_yaml("per_staff_per_year: 2", f"per_staff_per_year: {written}")
    result = plan_dir.load()
    assert result.plan is not None
    norm = result.plan.meta.appendices[1].norm
    assert norm is not None and norm.per_staff_per_year == value
    assert isinstance(norm.per_staff_per_year, Decimal)


@pytest.mark.parametrize("written", ["-1", '"1.5"', "true", "1,5"])
def test_a_norm_that_is_not_a_number_is_a_problem(plan_dir: PlanDir, written: str) -> None:
    line = plan_dir.set_yaml("per_staff_per_year: 2", f"per_staff_per_year: {written}")
    result = plan_dir.load()
    assert (PLAN, line, "appendices.1.norm.per_staff_per_year") in located(result)
    assert result.plan is None


def test_amount_as_a_string_with_separators_is_a_problem(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  amount: 1501713", '  amount: "1.501.713"')
    problem = only(plan_dir.load())
    assert where(problem) == (PLAN, line, "grand_total.amount")


def test_negative_amount_in_plan_yaml(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  amount: 1501713", "  amount: -1501713")
    assert located(plan_dir.load()) == {(PLAN, line, "grand_total.amount")}


def test_python_tag_is_a_problem_and_runs_nothing(
    plan_dir: PlanDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []

    def system(command: str) -> int:
        called.append(command)
        return 0

    monkeypatch.setattr(os, "system", system)
    marker = tmp_path / "pwned"
    line = plan_dir.set_yaml(
        "  signer: Đỗ Minh Tuấn", f'  signer: !!python/object/apply:os.system ["touch {marker}"]'
    )
    result = plan_dir.load()
    assert not marker.exists()
    assert called == []
    assert (PLAN, line, "identity.signer") in located(result)
    assert all(not p.fatal for p in result.problems)


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/name:os.system",
        "!!python/object:builtins.dict {}",
        "!province Thanh Hóa",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
    ],
)
def test_other_tags_are_problems(plan_dir: PlanDir, tagged: str) -> None:
    line = plan_dir.set_yaml("  province: Thanh Hóa", f"  province: {tagged}")
    result = plan_dir.load()
    assert (PLAN, line, "identity.province") in located(result)
    assert not any(p.fatal for p in result.problems)
    assert len(result.problems) == 1  # the model does not report the same value a second time


def test_billion_laughs_fails_fast(plan_dir: PlanDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounded by work, not time: the builder stops after MAX_NODES values, however many the
    aliases would expand to (9^10 here)."""
    bomb = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    plan_dir.write(PLAN, plan_dir.text(PLAN) + "\n".join(bomb) + "\n")
    built = []
    original = yamlfile._Builder.build

    def counting(self: yamlfile._Builder, *args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(yamlfile._Builder, "build", counting)
    result = plan_dir.load(memo=False)
    assert len(built) <= yamlfile.MAX_NODES + 1
    assert result.plan is None
    problem = only(result)
    assert problem.fatal
    assert where(problem)[0] == PLAN


def test_small_aliases_are_expanded(plan_dir: PlanDir) -> None:
    years = "{2021: 8831, 2022: 8516, 2023: 8516, 2024: 8516, 2025: 8516}"
    text = plan_dir.text(PLAN)
    assert text.count(f"years: {years}") == 2
    text = text.replace(f"years: {years}", f"years: &recurring {years}", 1)
    plan_dir.write(PLAN, text.replace(f"years: {years}", "years: *recurring", 1))
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    assert result.plan.meta.appendices[1].declared.years[2021] == 8831


def test_recursive_alias_is_a_problem(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  scopes: [year, period, project]", "  scopes: &loop [*loop]")
    result = plan_dir.load()
    assert (PLAN, line, "security_policy.scopes.0") in located(result)


def test_merge_key_is_a_problem(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  period: {start: 2021, end: 2025}", "  period: {<<: {start: 2021}, end: 2025}")
    assert (PLAN, line, "identity.period") in located(plan_dir.load())


def test_deep_nesting_is_fatal_not_a_crash(plan_dir: PlanDir) -> None:
    # 5000 levels, 50 per line (one long line makes PyYAML's simple-key scan quadratic, ~1 s)
    plan_dir.write(PLAN, "deep: " + ("[" * 50 + "\n  ") * 100 + "]" * 5000 + "\n")
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem)[0] == PLAN
    assert result.plan is None


def test_control_character_is_fatal_at_its_line(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  signer: Đỗ Minh Tuấn", "  signer: Đỗ Minh\x07 Tuấn")
    result = plan_dir.load()
    problem = only(result)
    assert problem.fatal
    assert where(problem) == (PLAN, line, None)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  province: Thanh Hóa", "  province: Thanh: Hóa"),  # mapping in a plain scalar
        ("  period: {start: 2021, end: 2025}", "  period: {start: 2021, end: 2025"),  # unclosed
        ("  signer: Đỗ Minh Tuấn", "   signer: Đỗ Minh Tuấn"),  # bad indentation
    ],
)
def test_yaml_syntax_error_is_fatal_at_a_line(plan_dir: PlanDir, old: str, new: str) -> None:
    line = plan_dir.set_yaml(old, new)
    result = plan_dir.load()
    assert result.plan is None
    problem = only(result)
    assert problem.fatal
    file, found, _ = where(problem)
    assert file == PLAN
    assert found is not None
    assert line <= found <= line + 1  # the parser may notice it at the start of the next line


def test_yaml_syntax_error_line_for_a_mapping_value(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  province: Thanh Hóa", "  province: Thanh: Hóa")
    assert located(plan_dir.load()) == {(PLAN, line, None)}


@pytest.mark.parametrize("written", ["012", "02", "0x2", "0b10", "0o2", "1:20", "2_0", "+2", "2_"])
def test_integer_not_in_plain_digits_is_rejected(plan_dir: PlanDir, written: str) -> None:
    line = plan_dir.set_yaml("per_staff_per_year: 2", f"per_staff_per_year: {written}")
    result = plan_dir.load()
    assert {where(p) for p in result.problems} == {(PLAN, line, "appendices.1.norm.per_staff_per_year")}
    assert not any(p.fatal for p in result.problems)


@pytest.mark.parametrize("written", ["1_501_713", "+1501713"])
def test_integer_with_underscores_or_plus_is_a_problem(plan_dir: PlanDir, written: str) -> None:
    # YAML 1.1 reads both as 1501713: plan.yaml takes plain digits only, never a guess
    line = plan_dir.set_yaml("  amount: 1501713", f"  amount: {written}")
    result = plan_dir.load()
    assert {where(p) for p in result.problems} == {(PLAN, line, "grand_total.amount")}


def test_leading_zero_is_never_read_as_octal(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("  amount: 1501713", "  amount: 012")
    result = plan_dir.load()
    assert located(result) == {(PLAN, line, "grand_total.amount")}
    assert result.plan is None or result.plan.meta.grand_total.amount != 10


def test_plan_yaml_that_is_not_a_mapping(plan_dir: PlanDir) -> None:
    plan_dir.write(PLAN, "- just\n- a list\n")
    result = plan_dir.load()
    assert result.plan is None
    assert located(result) == {(PLAN, 1, None)}


@pytest.mark.parametrize("content", ["", "# only a comment\n", "---\n"])
def test_empty_plan_yaml_is_fatal(plan_dir: PlanDir, content: str) -> None:
    plan_dir.write(PLAN, content)
    result = plan_dir.load()
    assert result.plan is None
    assert result.fatal
    assert {where(p)[0] for p in result.problems} == {PLAN}


def test_missing_plan_yaml_is_fatal(plan_dir: PlanDir) -> None:
    """plan.yaml names the appendix files: without it there is nothing else to read."""
    plan_dir.file(PLAN).unlink()
    plan_dir.set_cell(A2, "U1", "total", "x")
    result = plan_dir.load()
    assert result.plan is None
    assert result.fatal
    assert located(result) == {(PLAN, None, None)}


def test_plan_yaml_of_invalid_yaml_is_fatal_at_its_line(plan_dir: PlanDir) -> None:
    yaml_line = plan_dir.set_yaml("  province: Thanh Hóa", "  province: Thanh: Hóa")
    result = plan_dir.load()
    assert result.plan is None
    assert located(result) == {(PLAN, yaml_line, None)}
    assert [p.fatal for p in at(result, PLAN, yaml_line)] == [True]


def test_plan_yaml_that_cannot_be_modelled_still_reports_csv_problems(plan_dir: PlanDir) -> None:
    """The appendix files plan.yaml names are still read (from its raw data) and their problems
    reported, so one run shows them all."""
    yaml_line = plan_dir.set_yaml("period: {start: 2021, end: 2025}", "period: {start: 2025, end: 2021}")
    a1 = plan_dir.set_cell(A1, "III.2", "tmdt", "10.000")
    a2 = plan_dir.set_cell(A2, "U4", "staff", "-70")
    result = plan_dir.load()
    assert result.plan is None
    assert located(result) == {(PLAN, yaml_line, "identity.period"), (A1, a1, "tmdt"), (A2, a2, "staff")}
    assert not any(p.fatal for p in result.problems if where(p)[0] != PLAN)


def test_period_change_requires_the_year_columns(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("period: {start: 2021, end: 2025}", "period: {start: 2021, end: 2026}")
    assert located(plan_dir.load()) == {(A1, 1, "y2026"), (A2, 1, "y2026")}


def test_period_that_ends_before_it_starts(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("period: {start: 2021, end: 2025}", "period: {start: 2025, end: 2021}")
    result = plan_dir.load()
    assert result.plan is None
    assert (PLAN, line, "identity.period") in located(result)


def test_duplicate_agency_id(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("- {id: so-tu-phap,", "- {id: so-tai-chinh,")
    result = plan_dir.load()
    assert result.plan is not None
    assert {where(p)[:2] for p in result.problems} == {(PLAN, line)}


def test_name_registered_for_two_agencies(plan_dir: PlanDir, shipped_load: LoadResult) -> None:
    assert shipped_load.plan is not None
    index = [a.id for a in shipped_load.plan.meta.agencies].index("so-tu-phap")
    line = plan_dir.set_yaml("- {id: so-tu-phap, name: Sở Tư pháp}", "- {id: so-tu-phap, name: SỞ TÀI CHÍNH}")
    result = plan_dir.load()
    assert result.plan is not None
    assert located(result) == {(PLAN, line, f"agencies.{index}")}


# ---------------------------------------------------------------------------------------------
# All problems in one run


def test_every_problem_is_reported_in_one_run(plan_dir: PlanDir) -> None:
    expected = {
        (A1, plan_dir.set_cell(A1, "I.2", "tmdt", "-20000"), "tmdt"),
        (A1, plan_dir.set_cell(A1, "II.5", "y2023", "5.000"), "y2023"),
        (A1, plan_dir.set_cell(A1, "III.20", "investor", ""), "investor"),
        (A1, plan_dir.set_cell(A1, "IV.2", "attt", "n/a"), "attt"),
        (A2, plan_dir.set_cell(A2, "U1", "staff", "twenty"), "staff"),
        (A2, plan_dir.set_cell(A2, "U21", "y2021", "5 63"), "y2021"),
        (PLAN, plan_dir.set_yaml("  amount: 1501713", "  amount: 1501.713"), "grand_total.amount"),
        (
            PLAN,
            plan_dir.set_yaml("  signer_title: Chủ tịch", "  signer_titl: Chủ tịch"),
            "identity.signer_titl",
        ),
    }
    result = plan_dir.load()
    assert located(result) == expected
    assert len(result.problems) == len(expected)
    assert not any(p.fatal for p in result.problems)


def test_every_problem_is_reported_while_the_plan_still_builds(plan_dir: PlanDir) -> None:
    expected = {
        (A1, plan_dir.set_cell(A1, "I.6", "y2021", "6,000"), "y2021"),
        (A2, plan_dir.set_cell(A2, "U8", "unit", ""), "unit"),
        (A2, plan_dir.set_cell(A2, "U9", "total", "-1"), "total"),
        (PLAN, plan_dir.insert_yaml_after("  signer: ", "  signer: Someone Else"), "identity.signer"),
        (
            PLAN,
            plan_dir.set_yaml("per_staff_per_year: 2", "per_staff_per_year: 02\n"),
            "appendices.1.norm.per_staff_per_year",
        ),
    }
    result = plan_dir.load()
    assert located(result) == expected
    assert result.plan is not None
    assert len(result.plan.rows("appendix1")) == 42
    assert len(result.plan.rows("appendix2")) == 21


def test_unclosed_quote_swallowing_rows_is_reported_and_the_rows_are_read_again(plan_dir: PlanDir) -> None:
    line = plan_dir.line_of(A1, "I.4")
    lines = plan_dir.text(A1).split("\n")
    assert lines[line - 1].count('"') == 2
    lines[line - 1] = lines[line - 1].replace('xã)",', "xã),", 1)  # the closing quote is lost
    plan_dir.write(A1, "\n".join(lines))
    result = plan_dir.load()
    (problem,) = result.problems
    assert where(problem) == (A1, line, None)
    assert result.plan is not None
    assert [p.id for p in result.plan.rows("appendix1") if p.section == "I"] == [
        "I.1",
        "I.2",
        "I.3",
        "I.5",
        "I.6",
    ]
