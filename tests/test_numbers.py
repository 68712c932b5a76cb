"""Amounts written by people (numbers.py) and the CSV notation declared in plan.yaml."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan272.numbers import NOTATIONS, Notation, NumberError, format_int, parse_amount, parse_decimal
from plandir import A1, A2, PLAN, PlanDir, located

amounts = st.integers(min_value=0, max_value=10**15 - 1)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0", 0),
        ("7", 7),
        ("20200", 20200),
        ("1458818", 1458818),
        (" 42 ", 42),
        ("+7", 7),
        ("-0", 0),
        ("007", 7),
    ],
)
@pytest.mark.parametrize("notation", NOTATIONS)
def test_plain_integers_in_every_notation(raw: str, value: int, notation: Notation) -> None:
    assert parse_amount(raw, notation) == value
    assert parse_decimal(raw, notation) == value


@pytest.mark.parametrize("raw", ["20.200", "1.501,713", "20,200", "1,501.713", "1 000", "20.2", "1.458.818"])
def test_separators_are_ambiguous_in_plain_notation(raw: str) -> None:
    with pytest.raises(NumberError):
        parse_amount(raw)
    with pytest.raises(NumberError):
        parse_decimal(raw, "plain")


@pytest.mark.parametrize(
    ("raw", "value"), [("20.200", 20200), ("1.458.818", 1458818), ("1.000.000.000", 10**9)]
)
def test_vi_thousands(raw: str, value: int) -> None:
    assert parse_amount(raw, "vi") == value
    assert parse_decimal(raw, "vi") == value


def test_vi_fractional_total_is_not_an_amount() -> None:
    with pytest.raises(NumberError):
        parse_amount("1.501,713", "vi")
    assert parse_decimal("1.501,713", "vi") == Decimal("1501.713")


def test_vi_decimal_comma() -> None:
    with pytest.raises(NumberError):
        parse_amount("20,5", "vi")
    assert parse_decimal("20,5", "vi") == Decimal("20.5")


@pytest.mark.parametrize(("raw", "value"), [("20,200", 20200), ("1,458,818", 1458818)])
def test_en_thousands(raw: str, value: int) -> None:
    assert parse_amount(raw, "en") == value


def test_en_fractional() -> None:
    with pytest.raises(NumberError):
        parse_amount("1,501.713", "en")
    assert parse_decimal("1,501.713", "en") == Decimal("1501.713")
    with pytest.raises(NumberError):
        parse_amount("20.5", "en")
    assert parse_decimal("20.5", "en") == Decimal("20.5")


@pytest.mark.parametrize(
    ("raw", "notation"), [("1,000", "vi"), ("20,200", "vi"), ("1.000", "en"), ("5,0", "vi")]
)
def test_a_decimal_mark_is_never_a_whole_amount(raw: str, notation: Notation) -> None:
    # "1,000" in a vi file is 1 by the notation but almost surely a thousands separator: reported
    with pytest.raises(NumberError):
        parse_amount(raw, notation)
    assert parse_decimal(raw, notation) == Decimal(raw.replace(",", ".") if notation == "vi" else raw)


@pytest.mark.parametrize(
    ("raw", "notation"),
    [
        ("20.20", "vi"),  # a thousands group has three digits
        ("2.0200", "vi"),
        ("20200.000", "vi"),  # grouping must start within the first three digits
        ("1.000,000.5", "vi"),
        ("20,20", "en"),
        ("2,0200", "en"),
        ("1.2.3", "en"),
        (",5", "vi"),
        ("5.", "en"),
    ],
)
def test_malformed_grouping(raw: str, notation: Notation) -> None:
    with pytest.raises(NumberError):
        parse_decimal(raw, notation)


@pytest.mark.parametrize("raw", ["-5", "\u22125", "-20.200", "- 5", "-0,5"])
@pytest.mark.parametrize("notation", NOTATIONS)
def test_negative(raw: str, notation: Notation) -> None:
    with pytest.raises(NumberError):
        parse_amount(raw, notation)


@pytest.mark.parametrize("raw", ["", "   ", "\u00a0", "-", "+"])
@pytest.mark.parametrize("notation", NOTATIONS)
def test_empty(raw: str, notation: Notation) -> None:
    with pytest.raises(NumberError):
        parse_amount(raw, notation)


@pytest.mark.parametrize(
    "raw", ["abc", "12a", "1e3", "0x10", "NaN", "inf", "\u0663", "\uff15", "+-5", "--5", "5-", "1/2", "20%"]
)
@pytest.mark.parametrize("notation", NOTATIONS)
def test_not_a_number(raw: str, notation: Notation) -> None:
    with pytest.raises(NumberError):
        parse_amount(raw, notation)
    with pytest.raises(NumberError):
        parse_decimal(raw, notation)


def test_number_error_is_a_value_error() -> None:
    assert issubclass(NumberError, ValueError)


def test_format_int() -> None:
    assert format_int(1501713) == "1,501,713"
    assert format_int(1501713, "vi") == "1.501.713"
    assert format_int(999, "vi") == "999"


@given(amounts)
def test_vi_round_trip(value: int) -> None:
    assert parse_amount(format_int(value, "vi"), "vi") == value


@given(amounts)
def test_en_round_trip(value: int) -> None:
    assert parse_amount(format_int(value, "en"), "en") == value


@given(amounts, st.sampled_from(NOTATIONS))
def test_plain_digits_parse_in_every_notation(value: int, notation: Notation) -> None:
    assert parse_amount(str(value), notation) == value


@given(st.integers(min_value=1000, max_value=10**15 - 1), st.sampled_from(["vi", "en"]))
def test_grouped_digits_are_never_read_in_plain_notation(value: int, lang: str) -> None:
    with pytest.raises(NumberError):
        parse_amount(format_int(value, lang), "plain")


@given(st.integers(min_value=1000, max_value=10**15 - 1))
def test_vi_grouping_is_never_a_whole_amount_in_en(value: int) -> None:
    # 20.200 in an en file is twenty point two: reported, never silently 20
    with pytest.raises(NumberError):
        parse_amount(format_int(value, "vi"), "en")


# ---------------------------------------------------------------------------------------------
# csv_number_format in plan.yaml


def test_plain_notation_reports_a_grouped_cell(plan_dir: PlanDir) -> None:
    line = plan_dir.set_cell(A1, "I.1", "tmdt", "20.200")
    result = plan_dir.load()
    assert located(result) == {(A1, line, "tmdt")}
    assert not result.fatal


def test_vi_notation_reads_a_grouped_cell(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: vi")
    plan_dir.set_cell(A1, "I.1", "tmdt", "20.200")
    plan_dir.set_cell(A2, "U14", "total", "30.310")
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    assert result.plan.meta.csv_number_format == "vi"
    assert next(p for p in result.plan.rows("appendix1") if p.id == "I.1").total == 20200
    assert next(u for u in result.plan.rows("appendix2") if u.id == "U14").total == 30310


def test_en_notation_reads_a_grouped_cell(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: en")
    plan_dir.set_cell(A1, "II.2", "tmdt", "300,000")
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    assert next(p for p in result.plan.rows("appendix1") if p.id == "II.2").total == 300000


@pytest.mark.parametrize(
    ("notation", "raw"), [("vi", "20,5"), ("vi", "20,200"), ("en", "20.200"), ("vi", "20.20")]
)
def test_declared_notation_still_reports_non_whole_cells(plan_dir: PlanDir, notation: str, raw: str) -> None:
    plan_dir.set_yaml("csv_number_format: plain", f"csv_number_format: {notation}")
    line = plan_dir.set_cell(A1, "I.1", "y2021", raw)
    assert located(plan_dir.load()) == {(A1, line, "y2021")}


def test_counts_stay_plain_digits_in_vi_notation(plan_dir: PlanDir) -> None:
    # staff and tt are counts, not amounts: a separator there is a problem whatever the notation
    plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: vi")
    line = plan_dir.set_cell(A2, "U21", "staff", "1.240")
    assert located(plan_dir.load()) == {(A2, line, "staff")}


def test_unknown_notation_is_a_yaml_problem(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: fr")
    result = plan_dir.load()
    assert result.plan is None
    assert located(result) == {(PLAN, line, "csv_number_format")}


@given(st.text(alphabet="0123456789", min_size=1, max_size=20), st.sampled_from(["plain", "vi", "en"]))
def test_plain_digits_read_the_same_on_the_fast_path(raw: str, notation: str) -> None:
    """``parse_amount`` reads plain ASCII digits without Decimal: the same value, or the same refusal,
    as the full reader (which a leading space sends it to)."""

    def read(text: str) -> int | str:
        try:
            return parse_amount(text, notation)  # type: ignore[arg-type]
        except NumberError as exc:
            return exc.message.key

    assert read(raw) == read(f" {raw}")
    assert read("٣") == read(" ٣")  # an Arabic-Indic digit is not ASCII: never the fast path
