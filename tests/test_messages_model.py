"""plan.yaml's refusals in both languages: every message of the model's validators (``model.*``) comes
from the catalogue, through the real loader, at the same place and with the same English as before;
no refusal is a plain English string."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from entry import run_main
from plan272 import model
from plan272.catalogue.model import MODEL
from plan272.load import LoadResult
from plan272.messages import Each, Invalid, Message
from plan272.problems import Problem
from plandir import A1, DATA, PLAN, PlanDir

V1 = Path(__file__).resolve().parent / "fixtures" / "v1" / PLAN
_UNITS = "    row_total: period  #"  # the line of appendix1 after which its columns and splits go


@dataclass(frozen=True)
class Case:
    """A broken plan.yaml (text edits of data/plan.yaml), the field of the refusal, the ``model.*``
    keys its message is made of, and its English (as plan272 wrote it before the catalogue)."""

    name: str
    edits: tuple[tuple[str, str], ...]
    field: str
    keys: frozenset[str]
    en: str
    v1: bool = False


def case(
    name: str, edits: list[tuple[str, str]], field: str, keys: set[str], en: str, v1: bool = False
) -> Any:
    return pytest.param(Case(name, tuple(edits), field, frozenset(keys), en, v1), id=name)


_ID = "an id is ASCII letters, digits, '.', '-' and '_', at most 40, starting with a letter or digit"
_ID_KEYS = {"model.id", "model.id.rule"}
_LEFT_OUT = " ({item} is left out of the checks)"

CASES = [
    # --- amounts, rates, numbers -------------------------------------------------------------------------
    case("money-bool", [("total: 1458818", "total: true")], "appendices.0.declared.total",
         {"model.amount.bool"}, "an amount must be a whole number of million VND, not true/false"),
    case("money-negative", [("2021: 262318,", "2021: -1,")], "appendices.0.declared.years.2021",
         {"model.amount.negative"}, "negative amount: amounts cannot be below zero"),
    case("money-decimal-point", [("amount: 1501713", "amount: 1501713.5")], "grand_total.amount",
         {"model.amount.decimal-point"},
         "ambiguous number: a value with a decimal point is not a whole amount (20.200 could be 20.2 or, in "
         "Vietnamese notation, 20200); write plain digits"),
    case("money-separators", [("total: 1458818", 'total: "20.200"')], "appendices.0.declared.total",
         {"model.amount.separators"},
         "ambiguous number: write amounts in plan.yaml as plain digits (20200, not 20.200 or 20,200)"),
    # a number the reader cannot read: the number reader's own words (load.number.*), no model.* key
    case("money-text", [("total: 1458818", 'total: "abc"')], "appendices.0.declared.total", set(),
         "not a number"),
    case("money-too-large", [("total: 1458818", "total: 12345678901234567890")],
         "appendices.0.declared.total", set(), "too large: more than 15 digits"),
    case("rate-bool", [("per_staff_per_year: 2", "per_staff_per_year: true")],
         "appendices.1.norm.per_staff_per_year", {"model.number.bool"},
         "a number is required, not true/false"),
    case("rate-text", [("per_staff_per_year: 2", 'per_staff_per_year: "abc"')],
         "appendices.1.norm.per_staff_per_year", {"model.rate.text"},
         "not a number; write the number unquoted, with a decimal point (1.5)"),
    case("number-quoted", [("min_share_percent: 10", 'min_share_percent: "10"')],
         "security_policy.min_share_percent", {"model.number.quoted"},
         "a number is written unquoted in plain digits (75, 12.5), not '10'"),
    case("figure", [('numerator: {printed: "16.661"', 'numerator: {printed: "abc"')], "claims.1.numerator",
         {"model.figure.unreadable"},
         "figure 'abc': not a number in vi notation" + _LEFT_OUT.format(item="claims.1")),
    # --- years, periods, dates ---------------------------------------------------------------------------
    case("year-text", [("period: {start: 2021, end: 2025}", 'period: {start: "2021", end: 2025}')],
         "identity.period.start", {"model.year.number"},
         "a year is written as a plain number (2021), not '2021'"),
    case("period-order", [("period: {start: 2021, end: 2025}", "period: {start: 2021, end: 2020}")],
         "identity.period", {"model.period.order"}, "period ends (2020) before it starts (2021)"),
    case("year-key", [("years: {2021: 262318,", "years: {x2021: 262318,")], "appendices.0.declared.years",
         {"model.year.key"}, "'x2021' is not a year: write years as numbers (2021)"),
    case("year-twice", [("years: {2021: 262318,", 'years: {2021: 262318, "2021": 5,')],
         "appendices.0.declared.years", {"model.year.twice"},
         "year 2021 is given twice (2021 and '2021'): keep one"),
    case("date", [("date: 2020-12-21", "date: 21/12/2020")], "identity.date", {"model.date.format"},
         "a date is written YYYY-MM-DD (2020-12-21), not '21/12/2020'"),
    case("date-number", [("date: 2020-12-21", "date: 5")], "identity.date", {"model.date.format"},
         "a date is written YYYY-MM-DD (2020-12-21), not 5"),
    # --- ids, names, file names --------------------------------------------------------------------------
    case("appendix-id", [("id: appendix1", "id: Appendix1")], "appendices.0.id",
         {"model.pattern", "model.pattern.appendix-id"},
         "'Appendix1' is not an appendix id: lower-case letters, digits, - and _, starting with a letter "
         "(appendix1, dao-tao)"),
    case("column-id", [(_UNITS, "    columns: [{id: NSTW, title: X}]\n" + _UNITS)],
         "appendices.0.columns.0.id", {"model.pattern", "model.pattern.column-id"},
         "'NSTW' is not a column id: lower-case letters, digits and _, starting with a letter (nstw, "
         "ngan_sach_tinh)"),
    case("file-name", [("file: appendix1.csv", "file: ../appendix1.csv")], "appendices.0.file",
         {"model.pattern", "model.pattern.file-name"},
         "'../appendix1.csv' is not a file name beside plan.yaml ending in .csv (letters, digits, '.', '-', "
         "'_'; no directory)"),
    case("id-character", [("{id: II, title", '{id: "\u0406I", title')], "appendices.0.groups.1.id",
         {*_ID_KEYS, "model.id.character"},
         f"'\u0406I': {_ID} ('\u0406' is CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I)"),
    case("id-empty", [("{id: II, title", '{id: "", title')], "appendices.0.groups.1.id",
         {*_ID_KEYS, "model.id.empty"}, f"'': {_ID} (it is empty)"),
    case("id-long", [("{id: II, title", "{id: " + "A" * 41 + ", title")], "appendices.0.groups.1.id",
         {*_ID_KEYS, "model.id.long"}, f"'{'A' * 41}': {_ID} (41 characters)"),
    case("id-start", [("{id: II, title", '{id: ".II", title')], "appendices.0.groups.1.id",
         {*_ID_KEYS, "model.id.start"}, f"'.II': {_ID} (it starts with '.')"),
    case("id-of-a-claim", [("- id: documents-2016-2020", "- id: documents 2016")], "claims.0.id",
         {*_ID_KEYS, "model.id.character"},
         f"'documents 2016': {_ID} (' ' is SPACE)" + _LEFT_OUT.format(item="claims.0")),
    case("id-counted", [("groups: [IV]}", 'groups: ["\u2163"]}')], "security_policy.counted.0.groups.0",
         {*_ID_KEYS, "model.id.character"}, f"'\u2163': {_ID} ('\u2163' is ROMAN NUMERAL FOUR)"),
    # --- appendices --------------------------------------------------------------------------------------
    case("appendix-reserved", [("id: appendix1", "id: security")], "appendices.0.id",
         {"model.appendix.reserved"},
         "'security' is the name of a summary section; choose another appendix id"),
    case("appendix-file-taken", [("file: appendix2.csv", "file: appendix1.csv")], "appendices.1.file",
         {"model.appendix.taken"}, "'appendix1.csv' is the file of appendices.0 already"),
    case("appendix-name-taken", [("name: Phụ lục II", "name: Phụ lục I")], "appendices.1.name",
         {"model.appendix.taken"}, "'Phụ lục I' is the name of appendices.0 already"),
    case("column-taken", [(_UNITS, "    columns: [{id: y2021, title: Y}]\n" + _UNITS)],
         "appendices.0.columns.0", {"model.column.taken"},
         "'y2021' names a column or a word the table uses already"),
    case("column-twice", [(_UNITS, "    columns: [{id: nstw, title: X}, {id: nstw, title: Y}]\n" + _UNITS)],
         "appendices.0.columns.1", {"model.column.twice"}, "a second column 'nstw'"),
    case("split-part", [(_UNITS, "    columns: [{id: nstw, title: X}]\n"
                                 "    splits: [{total: tmdt, parts: [nstw, other]}]\n" + _UNITS)],
         "appendices.0.splits.0.parts.1", {"model.split.unknown"},
         "'other' is no column of the table; use 'nstw', 'period', 'tmdt'"),
    case("split-total", [(_UNITS, "    splits: [{total: nope, parts: [tmdt, period]}]\n" + _UNITS)],
         "appendices.0.splits.0.total", {"model.split.unknown"},
         "'nope' is no column of the table; use 'period', 'tmdt'"),
    case("group-twice", [("{id: II, title", "{id: i, title")], "appendices.0.groups.1", {"model.group.twice"},
         "a second group 'i' (ids that differ only in case or in invisible characters are one id)"),
    case("norm-missing", [("kind: projects", "kind: units")], "appendices.0.norm", {"model.norm.missing"},
         "a table of units needs `norm` (per_staff_per_year)"),
    case("norm-not-units", [("kind: units", "kind: lines")], "appendices.1.norm", {"model.norm.units-only"},
         "`norm` belongs to a table of units only"),
    case("marks-not-units", [("kind: units", "kind: lines")], "appendices.1.marks",
         {"model.marks.units-only"},
         "`marks` belong to a table of units only"),
    # --- grand total, targets, claims --------------------------------------------------------------------
    case("grand-part-twice", [("- id: recurring", "- id: Projects")], "grand_total.parts.1",
         {"model.grand-part.twice"}, "a second part 'Projects'"),
    case("target-range", [("targets: {2022: [20, 30]}", "targets: {2022: [20, 30, 40]}")],
         "kpis.10.statements.0.targets.2022", {"model.target.range"},
         "a range is written [low, high]" + _LEFT_OUT.format(item="kpis.10")),
    case("target-text", [("targets: {2025: [30, 50]}", "targets: {2025: thirty}")],
         "kpis.10.statements.1.targets.2025", {"model.target.text"},
         "a target is a number, a range [low, high] or a bound {min: x}, not text"
         + _LEFT_OUT.format(item="kpis.10")),
    case("target-keys", [("targets: {2025: {min: 75}}", "targets: {2025: {min: 75, avg: 80, foo: 1}}")],
         "kpis.5.statements.0.targets.2025", {"model.target.keys"},
         "unknown keys ['avg', 'foo']: use min and/or max" + _LEFT_OUT.format(item="kpis.5")),
    case("target-number-key", [("targets: {2025: {min: 75}}", "targets: {2025: {min: 75, 1: 2, x: 3}}")],
         "kpis.5.statements.0.targets.2025", {"model.target.keys"},
         "unknown keys ['x', 1]: use min and/or max" + _LEFT_OUT.format(item="kpis.5")),
    case("target-empty", [("targets: {2025: {min: 90}}", "targets: {2025: {}}")],
         "kpis.6.statements.0.targets.2025", {"model.target.empty"},
         "a target needs a value, a range or a bound" + _LEFT_OUT.format(item="kpis.6")),
    case("claim-total", [('kind: ratio\n    source: {where: "Phần I, mục II, đoạn 2"',
                          'kind: total\n    source: {where: "Phần I, mục II, đoạn 2"')],
         "claims.1", {"model.claim.total"},
         "a total claim needs `total` and at least one of `parts`" + _LEFT_OUT.format(item="claims.1")),
    case("claim-ratio", [('kind: total\n    source: {where: "Phần I, mục I, đoạn 1"',
                          'kind: ratio\n    source: {where: "Phần I, mục I, đoạn 1"')],
         "claims.0", {"model.claim.ratio"},
         "a ratio claim needs `numerator`, `denominator` and `percent`" + _LEFT_OUT.format(item="claims.0")),
    # --- a version 1 plan.yaml: its own spelling of the field --------------------------------------------
    case("v1-group-twice", [("{id: II, title", "{id: i, title")], "appendix1.groups.1",
         {"model.group.twice"},
         "a second group 'i' (ids that differ only in case or in invisible characters are one id)", v1=True),
]  # fmt: skip

#: keys no plan.yaml can reach through the loader (it never makes a float): see test_floats_built_by_hand
BY_HAND = {"model.amount.float", "model.rate.float"}


def keys_of(value: object) -> set[str]:
    """Every catalogue key a message is made of (nested clauses and lists included)."""
    if isinstance(value, Message):
        return {value.key}.union(*(keys_of(arg) for arg in value.args.values()))
    if isinstance(value, Each):
        return set().union(*(keys_of(item) for item in value.items))
    return set()


def edit(plan: PlanDir, edits: Iterable[tuple[str, str]]) -> PlanDir:
    """``plan`` with each ``old`` of its plan.yaml (found exactly once) replaced by ``new``."""
    text = plan.text(PLAN)
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan.write(PLAN, text)
    return plan


def broken(target: Path, edits: Iterable[tuple[str, str]], v1: bool = False) -> PlanDir:
    plan = PlanDir.copy_of(DATA, target)
    if v1:
        shutil.copy(V1, plan.file(PLAN))
    return edit(plan, edits)


def refusal(result: LoadResult, field: str) -> Problem:
    """The one problem of plan.yaml at ``field``."""
    found = [p for p in result.problems if p.location.file.endswith(PLAN) and p.location.field == field]
    assert len(found) == 1, [str(p) for p in result.problems]
    return found[0]


_FIELD = re.compile(r"\{[a-z_]+\}")
ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}


@pytest.mark.parametrize("broken_case", CASES)
def test_each_refusal_is_a_catalogue_message_with_the_same_english(broken_case: Case, tmp_path: Path) -> None:
    result = broken(tmp_path / "data", broken_case.edits, broken_case.v1).load()
    problem = refusal(result, broken_case.field)
    assert isinstance(problem.message, Message)
    assert {k for k in keys_of(problem.message) if k.startswith("model.")} == broken_case.keys
    assert problem.text("en") == broken_case.en
    vi = problem.text("vi")
    assert vi and vi != problem.text("en") and not _FIELD.search(vi), vi
    # every refusal of plan.yaml, not only this one, has words of the catalogue
    plan_problems = [p for p in result.problems if p.location.file.endswith(PLAN)]
    assert all(isinstance(p.message, Message) for p in plan_problems)


def test_every_key_of_the_model_is_reached() -> None:
    reached = set().union(*(param.values[0].keys for param in CASES))
    assert reached | BY_HAND == set(MODEL)


@pytest.mark.parametrize(
    ("edits", "field", "vi"),
    [
        ([("{id: II, title", '{id: "\u0406I", title')], "appendices.0.groups.1.id",
         "'\u0406I': mã chỉ gồm chữ cái ASCII, chữ số, '.', '-' và '_', tối đa 40 ký tự, bắt đầu bằng chữ "
         "cái hoặc chữ số ('\u0406' là ký tự CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I)"),
        ([(_UNITS, "    columns: [{id: nstw, title: X}]\n    splits: [{total: tmdt, parts: [nstw, other]}]\n"
          + _UNITS)], "appendices.0.splits.0.parts.1",
         "'other' không phải là cột của bảng; hãy dùng 'nstw', 'period', 'tmdt'"),
        ([("targets: {2025: {min: 75}}", "targets: {2025: {min: 75, avg: 80, foo: 1}}")],
         "kpis.5.statements.0.targets.2025",
         "khóa không xác định ['avg', 'foo']: chỉ dùng min và/hoặc max (kpis.5 không được đưa vào kiểm tra)"),
        ([("period: {start: 2021, end: 2025}", "period: {start: 2021, end: 2020}")], "identity.period",
         "giai đoạn kết thúc (2020) trước khi bắt đầu (2021)"),
        ([("kind: projects", "kind: units")], "appendices.0.norm",
         "bảng loại units (đơn vị) cần có khóa `norm` (per_staff_per_year)"),
        ([("file: appendix2.csv", "file: appendix1.csv")], "appendices.1.file",
         "'appendix1.csv' đã được dùng làm file của appendices.0"),
        ([("- id: recurring", "- id: Projects")], "grand_total.parts.1",
         "phần 'Projects' được khai báo lần thứ hai"),
        ([("per_staff_per_year: 2", 'per_staff_per_year: "abc"')], "appendices.1.norm.per_staff_per_year",
         "không phải là số; hãy ghi số không đặt trong dấu nháy, với dấu chấm thập phân (1.5)"),
        ([("date: 2020-12-21", "date: 21/12/2020")], "identity.date",
         "ngày được ghi theo dạng YYYY-MM-DD (2020-12-21), không phải '21/12/2020'"),
        ([("targets: {2025: [30, 50]}", "targets: {2025: thirty}")], "kpis.10.statements.1.targets.2025",
         "chỉ tiêu là một số, một khoảng [thấp, cao] hoặc một ngưỡng {min: x}, không phải văn bản "
         "(kpis.10 không được đưa vào kiểm tra)"),
    ],
)  # fmt: skip
def test_refusals_in_vietnamese(plan_dir: PlanDir, edits: list[tuple[str, str]], field: str, vi: str) -> None:
    assert refusal(edit(plan_dir, edits).load(), field).text("vi") == vi


def test_many_refusals_at_once_are_all_messages(plan_dir: PlanDir) -> None:
    """A plan.yaml broken in many places at once: every refusal located, every one a message."""
    edits = [
        ("{id: II, title", '{id: "I\u200dI", title'),
        ("per_staff_per_year: 2", "per_staff_per_year: true"),
        ("date: 2020-12-21", "date: 5"),
        ("units: [U21]", 'units: ["U 21"]'),
        ("name_en: Appendix II", "name_en: Appendix I"),
    ]
    problems = [p for p in edit(plan_dir, edits).load().problems if p.location.file.endswith(PLAN)]
    assert {p.location.field for p in problems} == {
        "appendices.0.groups.1.id",
        "appendices.1.norm.per_staff_per_year",
        "identity.date",
        "appendices.1.marks.0.units.0",
    }  # the duplicate name_en is seen once the appendices themselves are valid
    assert all(isinstance(p.message, Message) for p in problems)
    assert all(p.text("vi") != p.text("en") for p in problems)


def test_an_id_in_a_csv_file_is_refused_in_both_languages(plan_dir: PlanDir) -> None:
    line = plan_dir.set_cell(A1, "IV.1", "id", "IV\u200b.1")
    problem = next(
        p for p in plan_dir.load().problems if p.location.line == line and p.location.field == "id"
    )
    assert isinstance(problem.message, Message) and problem.message.key == "model.id.rule"
    assert problem.text("en") == f"{_ID} ('\\u200b' is ZERO WIDTH SPACE)"
    assert problem.text("vi") == (
        "mã chỉ gồm chữ cái ASCII, chữ số, '.', '-' và '_', tối đa 40 ký tự, bắt đầu bằng chữ cái hoặc chữ "
        "số ('\\u200b' là ký tự ZERO WIDTH SPACE)"
    )


def test_validate_writes_the_refusal_in_the_chosen_language(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("{id: II, title", "{id: i, title")
    messages = {}
    for lang in ("en", "vi"):
        run = run_main(["validate", str(plan_dir.path), "--format", "json", "--lang", lang], DATA.parent, ENV)
        assert run.returncode == 2, run.stderr
        (finding,) = [f for f in json.loads(run.stdout)["findings"] if f["field"] == "appendices.0.groups.1"]
        assert finding["code"] == "DAT001" and finding["line"] == plan_dir.yaml_line_of("{id: i, title")
        messages[lang] = finding["message"]
    assert messages == {
        "en": "a second group 'i' (ids that differ only in case or in invisible characters are one id)",
        "vi": "nhóm 'i' được khai báo lần thứ hai (các mã chỉ khác nhau về chữ hoa, chữ thường hoặc ký tự ẩn "
        "là cùng một mã)",
    }


@pytest.mark.parametrize(
    ("kind", "value", "key", "en"),
    [
        (model.Money, 1.5, "model.amount.float", "floats are not accepted for amounts; use an integer"),
        (model.Rate, 1.5, "model.rate.float", "floats are not accepted; use an integer or a Decimal"),
    ],
)
def test_floats_built_by_hand(kind: Any, value: float, key: str, en: str) -> None:
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(kind).validate_python(value)
    (error,) = raised.value.errors(include_url=False)
    invalid = error["ctx"]["error"]
    assert isinstance(invalid, Invalid) and invalid.message.key == key
    assert str(invalid) == en and invalid.message.render("vi") != en


def test_an_unreadable_figure_says_so_outside_validation_too() -> None:
    figure = model.Figure.model_construct(printed="1,2,3", notation="vi", label=None, source=None)
    with pytest.raises(Invalid) as raised:
        figure.value  # noqa: B018 - the property raises
    assert str(raised.value) == "figure '1,2,3': not a number in vi notation"
    assert raised.value.message.render("vi") == "số liệu '1,2,3': không phải là số theo cách ghi vi"


def test_a_list_validator_names_its_item_with_at() -> None:
    """``str(Invalid)`` keeps the old English with the item's path in front; the message has none."""
    with pytest.raises(ValidationError) as raised:
        model.GrandTotal.model_validate(
            {
                "amount": 1,
                "parts": [{"id": "a", "label": "A", "amount": 1}, {"id": "A", "label": "B", "amount": 0}],
            }
        )
    invalid = raised.value.errors(include_url=False)[0]["ctx"]["error"]
    assert isinstance(invalid, Invalid) and invalid.at == "parts.1"
    assert str(invalid) == "parts.1: a second part 'A'"
    assert invalid.message.render("vi") == "phần 'A' được khai báo lần thứ hai"


def test_number_arguments_are_as_written() -> None:
    """Years and counts are plain digits in both languages (never 2.021)."""
    message = Message("model.year.twice", year=2021, first="2021", second="'2021'")
    assert message.render("vi") == "năm 2021 được ghi hai lần (2021 và '2021'): chỉ giữ một"
