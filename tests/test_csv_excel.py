"""CSV as Excel writes it (issue 13, item 1): the separator detected or declared, an encoding
declared and read, the number notation declared or detected per column — each detection reported
(DAT003), each ambiguity a located problem."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entry import run_main
from excel import AMOUNTS, NOTATION, copy, cp1258, dotted, render, rows, semicolons, set_plan, windows_1258
from plan272.engine import Report, run
from plan272.findings import Finding
from plan272.load import load_plan
from plan272.load.csvfile import Record
from plan272.load.notation import settle
from plan272.messages import Message
from plan272.numbers import whole_readings
from plandir import A1, A2, DATA, GIT_ENV, PLAN
from plans import ROOT, shipped_load

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
README = (ROOT / "README.md").read_text(encoding="utf-8")


def seen(finding: Finding) -> tuple[Any, ...]:
    """What a finding says, machine fields only: code, severity, file name, line, field, ids, figures."""
    where = finding.location
    return (
        finding.code,
        finding.severity.value,
        Path(where.file).name,
        where.line,
        where.field,
        finding.ids,
        finding.detail,
        finding.expected,
        finding.observed,
    )


def report(directory: Path) -> Report:
    return run(load_plan(directory))


SHIPPED = [seen(f) for f in run(shipped_load()).findings]


def keys(message: object) -> set[str]:
    if isinstance(message, Message):
        return {message.key}.union(*(keys(v) for v in message.args.values()))
    return set(getattr(message, "items", ()) and set().union(*(keys(i) for i in message.items)))  # type: ignore[attr-defined]


def problem_keys(directory: Path) -> list[tuple[str, int | None, str | None, set[str]]]:
    return [
        (Path(p.location.file).name, p.location.line, p.location.field, keys(p.message))
        for p in load_plan(directory).problems
    ]


# ---------------------------------------------------------------------------------------------
# Done when: the three files give exactly the shipped plan's findings; the fourth one per column


def test_the_shipped_plan_has_its_nine_findings() -> None:
    assert len(SHIPPED) == 9 and report(DATA).status == "complete"


def test_semicolons_bom_and_crlf_give_the_shipped_findings_and_say_the_separator(tmp_path: Path) -> None:
    data = semicolons(tmp_path / "data")
    assert (data / A1).read_bytes().startswith(b"\xef\xbb\xbfid;section;tt;name;")
    assert b"\r\n" in (data / A1).read_bytes()
    got = report(data)
    assert [seen(f) for f in got.findings if f.code != "DAT003"] == SHIPPED
    assert [seen(f) for f in got.findings if f.code == "DAT003"] == [
        ("DAT003", "info", A1, 1, None, (A1, "separator"), None, None, None),
        ("DAT003", "info", A2, 1, None, (A2, "separator"), None, None, None),
    ]
    assert got.status == "complete"
    out = run_main(["validate", str(data), "--format", "json"], ROOT, ENV)
    assert out.returncode == 1  # as the shipped plan: its findings, nothing else
    document = json.loads(out.stdout)
    assert (document["complete"], document["status"]) == (True, "complete")
    detected = [f for f in document["findings"] if f["code"] == "DAT003"]
    assert [f["extra"] for f in detected] == [{"detected": ";"}, {"detected": ";"}]


def test_declaring_the_separator_silences_the_notice(tmp_path: Path) -> None:
    data = semicolons(tmp_path / "data")
    set_plan(data, NOTATION, 'csv: {separator: ";", number_format: plain}')
    assert [seen(f) for f in report(data).findings] == SHIPPED


def test_dot_grouped_amounts_with_the_notation_declared_give_the_shipped_findings(tmp_path: Path) -> None:
    data = dotted(tmp_path / "data", declared=True)
    assert "20.200" in (data / A1).read_text(encoding="utf-8")
    got = report(data)
    assert [seen(f) for f in got.findings] == SHIPPED and got.status == "complete"


def test_windows_1258_declared_gives_the_shipped_findings_and_the_same_text(tmp_path: Path) -> None:
    data = windows_1258(tmp_path / "data")
    raw = (data / A1).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Kê\u0301 hoạch".encode("cp1258", "ignore")[:2] == b"K\xea"  # tone marks stand apart
    loaded = load_plan(data)
    assert loaded.problems == [] and loaded.plan is not None
    shipped = shipped_load().plan
    assert shipped is not None
    # after NFC the names are the UTF-8 file's, character for character
    for appendix in ("appendix1", "appendix2"):
        assert [(r.name, getattr(r, "investor", None)) for r in loaded.plan.rows(appendix)] == [
            (r.name, getattr(r, "investor", None)) for r in shipped.rows(appendix)
        ]
    assert [seen(f) for f in run(loaded).findings] == SHIPPED


def test_dot_grouped_amounts_undeclared_give_one_finding_per_column_and_an_incomplete_status(
    tmp_path: Path,
) -> None:
    data = dotted(tmp_path / "data", declared=False)
    got = report(data)
    errors = [f for f in got.findings if f.code == "DAT001"]
    # Appendix I: every amount column has cells like 20.000 (20000, or 20 in English): one each
    marked = {c: [r for r in rows(A1)[1:] if "." in _dots(r, A1, c)] for c in AMOUNTS[A1]}
    assert [(Path(f.location.file).name, f.location.field) for f in errors] == [(A1, c) for c in AMOUNTS[A1]]
    for finding in errors:
        column = finding.location.field
        assert column is not None
        assert finding.ids == (A1, column) and finding.detail == "load.number.undeclared"
        assert finding.extra["count"] == str(len(marked[column]))
        assert finding.location.line == 1 + rows(A1).index(marked[column][0])
        assert len(finding.places) == len(marked[column])  # type: ignore[attr-defined]
    # Appendix II: its marked cells (30.310, 1.555, 6.062) are Vietnamese only: read so, and said
    notices = [f for f in got.findings if f.code == "DAT003"]
    assert [(f.ids, f.extra) for f in notices] == [((A2, c), {"detected": "vi"}) for c in AMOUNTS[A2]]
    loaded = load_plan(data)
    assert loaded.plan is not None and loaded.plan.incomplete == frozenset({"appendix1"})
    shipped = shipped_load().plan
    assert shipped is not None
    assert [_row(r) for r in loaded.plan.rows("appendix2")] == [_row(r) for r in shipped.rows("appendix2")]
    assert got.status == "incomplete" and got.fatal
    for args in ([], ["--exit-zero"], ["--ignore", "DAT001"]):
        out = run_main(["validate", str(data), "--format", "json", *args], ROOT, ENV)
        assert out.returncode == 2, args
        document = json.loads(out.stdout)
        assert (document["complete"], document["status"]) == (False, "incomplete")
        assert sum(f["code"] == "DAT001" for f in document["findings"]) == 6
    text = run_main(["validate", "data"], tmp_path, ENV).stdout
    assert sum(" error   DAT001 [" in line for line in text.splitlines()) == 6  # one line each
    assert text.rstrip().splitlines()[-2:] == [
        "plan272 could not read the plan completely (data/appendix1.csv): the checks that need what is",
        "missing did not run; the findings above are those it could make.",
    ]


def _row(row: Any) -> dict[str, Any]:
    """A row's values, without its location (the file's path)."""
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "location"} | {
        "line": row.location.line
    }


def _dots(row: list[str], name: str, column: str) -> str:
    from excel import grouped

    return grouped(row[rows(name)[0].index(column)])


def test_the_readme_shows_what_these_files_give(tmp_path: Path) -> None:
    for build, marker in ((semicolons, "csv-semicolon"), (lambda t: dotted(t, False), "csv-grouped")):
        where = tmp_path / marker
        where.mkdir()
        build(where / "data")
        shown = README.split(f"<!-- {marker} -->\n```text\n", 1)[1].split("```", 1)[0]
        out = run_main(["validate", "data"], where, ENV)
        assert shown in out.stdout, marker


# ---------------------------------------------------------------------------------------------
# The separator


def _header_rows(data: Path, separator: str, name: str = A1) -> None:
    (data / name).write_text(render(rows(name), separator), encoding="utf-8")


def test_a_tab_is_detected_and_a_comma_is_not_reported(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    _header_rows(data, "\t")
    got = report(data)
    assert [(f.ids, f.extra) for f in got.findings if f.code == "DAT003"] == [
        ((A1, "separator"), {"detected": "\t"})
    ]
    assert [seen(f) for f in got.findings if f.code != "DAT003"] == SHIPPED
    assert [f for f in report(DATA).findings if f.code == "DAT003"] == []


def test_the_separator_is_detected_on_the_header_after_blank_lines(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_text("\n;;\n" + render(rows(A2), ";"), encoding="utf-8")
    got = report(data)
    (notice,) = [f for f in got.findings if f.code == "DAT003"]
    assert (Path(notice.location.file).name, notice.location.line) == (A2, 3)
    # the rows keep their lines: the findings on the file move by the two lines added
    assert [f.code for f in got.findings if f.code != "DAT003"] == [f[0] for f in SHIPPED]


def test_a_declared_separator_wins_even_a_pipe(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    _header_rows(data, "|", A2)
    set_plan(data, "    file: appendix2.csv", '    file: appendix2.csv\n    csv: {separator: "|"}')
    got = report(data)
    assert [f.code for f in got.findings] == [f[0] for f in SHIPPED]  # no notice: declared
    loaded = load_plan(data)
    assert loaded.plan is not None and len(loaded.plan.rows("appendix2")) == 21


@pytest.mark.parametrize("written", ["tab", '"\\t"'])
def test_a_tab_is_declared_as_a_word_or_an_escape(tmp_path: Path, written: str) -> None:
    data = copy(tmp_path / "data")
    _header_rows(data, "\t")
    _header_rows(data, "\t", A2)
    set_plan(data, NOTATION, f"csv: {{separator: {written}}}")
    assert [f.code for f in report(data).findings] == [f[0] for f in SHIPPED]


def test_a_header_that_splits_at_no_separator_is_one_located_problem(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    _header_rows(data, "|")
    problems = load_plan(data).problems
    assert [(Path(p.location.file).name, p.location.line, p.fatal) for p in problems] == [(A1, 1, True)]
    (problem,) = problems
    assert isinstance(problem.message, Message) and problem.message.key == "load.csv.separator-unknown"
    assert problem.value is not None and problem.value.startswith("id|section|tt|")
    assert run_main(["validate", str(data)], ROOT, ENV).returncode == 2


def test_a_header_that_splits_alike_at_two_separators_is_a_problem(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    text = (data / A1).read_text(encoding="utf-8")
    header = text.split("\n", 1)[0]
    (data / A1).write_text(text.replace(header, "id,section;tt,name;investor", 1), encoding="utf-8")
    assert problem_keys(data) == [(A1, 1, None, {"load.csv.separator-ambiguous"})]


def test_a_declared_separator_the_header_does_not_use_is_a_problem(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    set_plan(data, NOTATION, 'csv: {separator: ";"}')
    found = problem_keys(data)
    assert (A1, 1, None, {"load.csv.separator-declared"}) in found
    assert (A2, 1, None, {"load.csv.separator-declared"}) in found and len(found) == 2


@pytest.mark.parametrize("value", ["ab", "x", '"1"', '"\\""', '"."', '" "'])
def test_a_separator_that_cannot_separate_is_a_plan_yaml_problem(tmp_path: Path, value: str) -> None:
    data = copy(tmp_path / "data")
    line = (data / PLAN).read_text(encoding="utf-8").split(NOTATION)[0].count("\n") + 1
    set_plan(data, NOTATION, f"csv: {{separator: {value}}}")
    assert problem_keys(data) == [(PLAN, line, "csv.separator", {"load.plan.csv-separator"})]


# ---------------------------------------------------------------------------------------------
# The encoding


def _line_of(data: Path, needle: str) -> int:
    return next(
        n for n, t in enumerate((data / PLAN).read_text(encoding="utf-8").splitlines(), 1) if needle in t
    )


def test_windows_1258_undeclared_says_how_to_declare_it(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_bytes(cp1258(render(rows(A2))))
    problems = load_plan(data).problems
    (problem,) = problems
    assert problem.fatal and Path(problem.location.file).name == A2 and problem.location.line == 2
    assert keys(problem.message) == {"load.file.not-utf8", "load.file.declare-encoding"}
    assert "csv.encoding" in problem.text("en") and "csv.encoding" in problem.text("vi")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("at", [3, 5000, 9000])  # rows in the first, second and third chunk
def test_a_byte_not_utf8_is_located_at_its_line_after_a_bom(tmp_path: Path, bom: bytes, at: int) -> None:
    """The line and the bytes shown are those of the byte that is not UTF-8, wherever it is (the
    bytes are checked piece by piece as they are cut into chunks), a byte-order mark or not."""
    data = copy(tmp_path / "data")
    text = (data / A1).read_text(encoding="utf-8")
    header, first = text.splitlines(keepends=True)[:2]
    body = [first.replace(first.split(",")[0], f"X.{n}", 1) for n in range(1, 9500)]
    body[at - 2] = body[at - 2].replace(",", ",\udcff", 1)  # line ``at``: a byte 0xff after its id
    raw = (header + "".join(body)).encode("utf-8", "surrogateescape")
    (data / A1).write_bytes(bom + raw)
    fatal = [p for p in load_plan(data).problems if p.fatal]
    assert [(Path(p.location.file).name, p.location.line, keys(p.message)) for p in fatal] == [
        (A1, at, {"load.file.not-utf8", "load.file.declare-encoding"})
    ]
    assert fatal[0].value is not None and fatal[0].value.startswith("ff ")
    yaml = (DATA / PLAN).read_bytes()
    line = yaml.count(b"\n", 0, yaml.index(b"title")) + 1
    (data / PLAN).write_bytes(bom + yaml.replace(b"title", b"ti\xfftle", 1))
    (problem,) = load_plan(data).problems
    assert (problem.location.line, problem.value) == (line, "ff 74 6c 65")


def test_plan_yaml_not_in_utf8_is_told_to_be_saved_as_utf8_only(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / PLAN).write_bytes(cp1258((DATA / PLAN).read_text(encoding="utf-8")))
    (problem,) = load_plan(data).problems
    assert keys(problem.message) == {"load.file.not-utf8"}  # plan.yaml declares encodings: UTF-8 always


def test_an_unknown_encoding_is_a_located_plan_yaml_problem(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    set_plan(data, "    file: appendix2.csv", "    file: appendix2.csv\n    csv: {encoding: rot13}")
    line = _line_of(data, "encoding: rot13")
    assert problem_keys(data) == [(PLAN, line, "appendices.1.csv.encoding", {"load.plan.csv-encoding"})]


def test_utf8_declared_reads_as_undeclared(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    set_plan(data, NOTATION, "csv: {encoding: UTF-8, number_format: plain}")
    assert [seen(f) for f in report(data).findings] == SHIPPED


def test_a_file_declared_windows_1258_that_is_utf8_is_not_read_as_mojibake(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    set_plan(data, "    file: appendix2.csv", "    file: appendix2.csv\n    csv: {encoding: windows-1258}")
    (problem,) = load_plan(data).problems
    assert problem.fatal and (Path(problem.location.file).name, problem.location.line) == (A2, 2)
    assert keys(problem.message) == {"load.file.declared-but-utf8"}
    assert problem.value is not None and "Ban Dân tộc" in problem.value


def test_a_file_declared_windows_1258_with_a_utf8_bom_is_a_problem(tmp_path: Path) -> None:
    data = windows_1258(tmp_path / "data")
    (data / A2).write_bytes(b"\xef\xbb\xbf" + (data / A2).read_bytes())
    assert problem_keys(data) == [(A2, None, None, {"load.file.declared-bom"})]


def test_bytes_the_declared_encoding_does_not_have_are_located(tmp_path: Path) -> None:
    data = windows_1258(tmp_path / "data")
    (data / A2).write_bytes((data / A2).read_bytes() + b"U22;\x81\n")
    found = problem_keys(data)
    lines = (data / A2).read_bytes().count(b"\n")
    assert found == [(A2, lines, None, {"load.file.not-declared"})]


def test_a_declared_utf16_file_is_read(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_bytes(render(rows(A2)).encode("utf-16"))
    set_plan(data, "    file: appendix2.csv", "    file: appendix2.csv\n    csv: {encoding: utf-16}")
    assert [f.code for f in report(data).findings] == [f[0] for f in SHIPPED]


# ---------------------------------------------------------------------------------------------
# The number notation: declared, or detected column by column


def test_the_plan_wide_csv_key_and_csv_number_format_are_one_declaration(tmp_path: Path) -> None:
    data = dotted(tmp_path / "data", declared=False)
    set_plan(data, "# csv_number_format: none", "csv: {number_format: vi}")
    assert [seen(f) for f in report(data).findings] == SHIPPED
    set_plan(data, "csv: {number_format: vi}", "csv_number_format: vi\ncsv: {number_format: vi}")
    assert load_plan(data).problems == []  # the same twice is no conflict


def test_two_different_notations_declared_are_a_problem(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    set_plan(data, NOTATION, f"{NOTATION}\ncsv: {{number_format: vi}}")
    line = _line_of(data, "csv: {number_format: vi}")
    assert problem_keys(data) == [(PLAN, line, "csv.number_format", {"load.plan.csv-twice"})]


def test_an_appendix_declares_its_own_notation_over_the_plans(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_text(render(_marked(A2, ",")), encoding="utf-8")
    set_plan(data, "    file: appendix2.csv", "    file: appendix2.csv\n    csv: {number_format: en}")
    assert [f.code for f in report(data).findings] == [f[0] for f in SHIPPED]
    loaded = load_plan(data)
    assert (
        loaded.plan is not None
        and loaded.plan.meta.csv_format(loaded.plan.meta.appendices[1]).number_format == "en"
    )
    assert loaded.plan.meta.csv_format(loaded.plan.meta.appendices[0]).number_format == "plain"


def _marked(name: str, mark: str) -> list[list[str]]:
    from excel import with_marks

    return with_marks(name, mark)


def test_a_declared_notation_is_never_second_guessed(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_text(render(_marked(A2, ".")), encoding="utf-8")  # 30.310: vi, plainly
    got = report(data)  # but plan.yaml says plain
    assert [f.code for f in got.findings if f.code.startswith("DAT")] == ["DAT001"] * 6
    assert got.status == "incomplete"


def test_english_marks_undeclared_are_detected_as_english(tmp_path: Path) -> None:
    data = copy(tmp_path / "data")
    (data / A2).write_text(render(_marked(A2, ",")), encoding="utf-8")  # 30,310: whole only in en
    set_plan(data, NOTATION, "# none")
    got = report(data)
    assert [(f.ids, f.extra) for f in got.findings if f.code == "DAT003"] == [
        ((A2, c), {"detected": "en"}) for c in AMOUNTS[A2]
    ]
    assert [f for f in got.findings if f.code == "DAT001"] == [] and got.status == "complete"


def _records(column: str, *cells: str) -> list[Record]:
    return [Record(line, (cell,), {column: 0}) for line, cell in enumerate(cells, start=2)]


@pytest.mark.parametrize(
    ("cells", "settled", "reason", "fix"),
    [
        (("20.200", "1.500.000", "300"), "vi", None, None),
        (("20,200", "1,500,000", "300"), "en", None, None),
        (("300", "0", ""), None, None, None),  # plain: nothing to settle, nothing to say
        (("20.200", "20.000"), None, "load.number.undeclared.both", "vi"),
        (("20,200", "20,000"), None, "load.number.undeclared.both", "en"),
        (("20.000", "5.000"), None, "load.number.undeclared.both", "vi"),
        (("20.200", "1.5"), None, "load.number.undeclared.neither", "vi"),
        (("20.200", "20,500"), None, "load.number.undeclared.mixed", None),
        (("20.200", "20 200"), None, "load.number.undeclared.neither", "vi"),
    ],
)
def test_a_column_settles_a_notation_only_when_every_marked_cell_is_whole_in_it_alone(
    cells: tuple[str, ...], settled: str | None, reason: str | None, fix: str | None
) -> None:
    reading, notices = settle(_records("tmdt", *cells), ["tmdt"], "data/appendix1.csv")
    if settled is not None:
        assert reading.of("tmdt") == settled and not reading.unsettled
        (notice,) = notices
        assert notice.ids == (A1, "tmdt") and notice.value == settled and notice.location.line == 2
    else:
        assert reading.of("tmdt") == "plain" and notices == []
    if reason is None:
        assert "tmdt" not in reading.unsettled
        return
    message = reading.unsettled["tmdt"]
    assert message.key == "load.number.undeclared"
    assert message.args["reason"].key == reason  # type: ignore[union-attr]
    declared = message.args["fix"]
    assert isinstance(declared, Message)
    assert (declared.args.get("notation") if declared.key == "load.number.declare" else None) == fix


@given(st.integers(min_value=1000, max_value=10**15 - 1))
def test_thousands_marks_read_whole_in_the_other_notation_only_for_a_single_zero_group(value: int) -> None:
    """``20.200`` is whole only in Vietnamese notation; ``20.000`` in English too (20); ``1.000.000``
    is no English number — and mirrored for ',' in English notation."""
    for mark, own, other in ((".", "vi", "en"), (",", "en", "vi")):
        written = f"{value:,}".replace(",", mark)
        readings = whole_readings(written)
        assert readings is not None and readings[own] == value  # type: ignore[index]
        assert (other in readings) == (value < 1_000_000 and value % 1000 == 0), written
        if other in readings:
            assert readings[other] == value // 1000  # type: ignore[index]


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_plain_digits_are_no_marked_number(value: int) -> None:
    assert whole_readings(str(value)) is None and whole_readings(f" {value} ") is None


def test_whole_readings_of_other_writings() -> None:
    assert whole_readings("1.5") == {}
    assert whole_readings("abc") is None and whole_readings("") is None
    assert whole_readings("-20.200") == {"vi": Decimal(20200)}  # the sign is another problem
    assert whole_readings("1,000") == {"vi": Decimal(1), "en": Decimal(1000)}


# ---------------------------------------------------------------------------------------------
# plan.yaml's schema, plan272 init, and diff over a working tree saved by Excel


def test_the_schema_describes_the_csv_keys(tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads(run_main(["schema"], ROOT, ENV).stdout)
    assert {"csv_number_format", "csv"} <= set(schema["properties"])
    fields = set(schema["$defs"]["CsvFormat"]["properties"])
    assert fields == {"separator", "encoding", "number_format"}
    assert "csv" in schema["$defs"]["Appendix"]["properties"]
    import yaml

    data = windows_1258(tmp_path / "data")
    set_plan(data, "    file: appendix2.csv", '    file: appendix2.csv\n    csv: {separator: ";"}')
    # what an editor sees: YAML read as JSON (keys are strings, the date is text)
    document = json.loads(json.dumps(yaml.safe_load((data / PLAN).read_text(encoding="utf-8")), default=str))
    validator = jsonschema.Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(document)] == []
    document["csv"]["seperator"] = ";"
    assert any("seperator" in e.message for e in validator.iter_errors(document))


def test_init_documents_the_csv_keys_and_like_copies_a_files_notation(tmp_path: Path) -> None:
    out = run_main(["init", str(tmp_path / "new"), "--period", "2026-2030"], ROOT, ENV)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "new" / PLAN).read_text(encoding="utf-8")
    assert (
        "csv: {separator" in text and "encoding: windows-1258" in text and "csv_number_format: plain" in text
    )
    source = copy(tmp_path / "source")
    set_plan(source, "    file: appendix2.csv", "    file: appendix2.csv\n    csv: {number_format: vi}")
    set_plan(source, NOTATION, "# none")
    out = run_main(
        ["init", str(tmp_path / "like"), "--like", str(source), "--period", "2026-2030"], ROOT, ENV
    )
    assert out.returncode == 0, out.stderr
    copied = load_plan(tmp_path / "like")
    assert copied.plan is not None
    meta = copied.plan.meta
    assert meta.notation is None  # not declared in the source: not declared in the copy
    assert [meta.csv_format(a).number_format for a in meta.appendices] == [None, "vi"]
    assert run_main(["validate", str(tmp_path / "like")], ROOT, ENV).returncode in (0, 1)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_head_runs_over_a_working_tree_saved_by_excel(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, **GIT_ENV}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "plan"]):
        if args[0] == "add":
            copy(repo / "data")
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)
    shutil.rmtree(repo / "data")
    semicolons(repo / "data")  # saved again by Excel: the same plan
    out = run_main(["diff", "HEAD", "--format", "json"], repo, {**ENV, "PATH": os.environ["PATH"]})
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    assert all(not any(t[k] for k in ("added", "removed", "changed")) for t in document["tables"].values())
    introduced = document["findings"]["introduced"]
    assert [(f["code"], f["ids"]) for f in introduced] == [
        ("DAT003", [A1, "separator"]),
        ("DAT003", [A2, "separator"]),
    ]
    assert document["incomplete"] == {"old": [], "new": []}


def test_without_a_model_the_files_are_still_read_as_declared(tmp_path: Path) -> None:
    """plan.yaml that cannot be modelled: the files it names are still read (their problems
    reported), with the separator it declares; a file whose declaration cannot be read is not."""
    data = semicolons(tmp_path / "data")
    set_plan(data, NOTATION, 'csv: {separator: ";"}')
    set_plan(data, "  province: Thanh Hóa", "  province: [Thanh Hóa]")
    text = (data / A1).read_text(encoding="utf-8-sig").replace(";20200;8000;", ";20200;80x0;", 1)
    (data / A1).write_text(text, encoding="utf-8")
    found = {(name, line, field) for name, line, field, _ in problem_keys(data)}
    assert (A1, 2, "y2021") in found and all(
        name == PLAN or (name, line) == (A1, 2) for name, line, _ in found
    )
    set_plan(data, 'csv: {separator: ";"}', "csv: {separator: ab}")
    assert {name for name, *_ in problem_keys(data)} == {PLAN}
