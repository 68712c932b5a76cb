"""Numbers, dates and labels of ``plan272 summary`` (plan272.i18n): English and Vietnamese notation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan272.i18n import (
    LANGS,
    RULE_TITLES,
    AmountUnit,
    Lang,
    format_amount,
    format_date,
    format_number,
    format_percent,
    kpi_unit,
    label,
    label_keys,
    rule_title,
    to_unit,
)
from plan272.numbers import parse_decimal


@pytest.mark.parametrize(
    ("value", "lang", "unit", "expected"),
    [
        (1_501_713, "vi", "million", "1.501.713"),
        (1_501_713, "en", "million", "1,501,713"),
        (1_501_713, "vi", "billion", "1.501,713"),
        (1_501_713, "en", "billion", "1,501.713"),
        (42_895, "vi", "billion", "42,895"),
        (42_895, "en", "billion", "42.895"),
        (550, "vi", "billion", "0,550"),
        (5, "en", "billion", "0.005"),
        (0, "vi", "million", "0"),
        (0, "vi", "billion", "0,000"),
        (999, "vi", "million", "999"),
        (1_000, "vi", "million", "1.000"),
        (1_234_567_890, "en", "million", "1,234,567,890"),
        (1_000_000, "vi", "billion", "1.000,000"),
    ],
)
def test_format_amount(value: int, lang: str, unit: str, expected: str) -> None:
    assert format_amount(value, lang, unit) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "unit", "signed", "expected"),
    [
        (-1_000, "vi", "million", False, "-1.000"),
        (-1_000, "en", "million", False, "-1,000"),
        (-1_000, "vi", "million", True, "-1.000"),
        (1_000, "vi", "million", True, "+1.000"),
        (0, "vi", "million", True, "0"),
        (-20_172, "vi", "billion", False, "-20,172"),
        (-1_501_713, "en", "billion", True, "-1,501.713"),
        (-550, "vi", "billion", False, "-0,550"),
        (6, "en", "billion", True, "+0.006"),
    ],
)
def test_negative_deltas_have_a_leading_minus(
    value: int, lang: str, unit: str, signed: bool, expected: str
) -> None:
    assert format_amount(value, lang, unit, signed=signed) == expected  # type: ignore[arg-type]


def test_billions_are_exact_decimals_with_three_places() -> None:
    assert to_unit(1_501_713, "billion") == Decimal("1501.713")
    assert str(to_unit(1_501_713, "billion")) == "1501.713"
    assert str(to_unit(1_000, "billion")) == "1.000"
    assert str(to_unit(-5, "billion")) == "-0.005"
    assert to_unit(1_501_713, "million") == 1_501_713
    assert isinstance(to_unit(7, "million"), int)


def test_amounts_are_never_floats_or_bools() -> None:
    with pytest.raises(TypeError):
        format_amount(1.5, "en")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_amount(True, "en")
    with pytest.raises(ValueError):
        format_amount(Decimal("NaN"), "en")


@pytest.mark.parametrize(
    ("value", "lang", "unit", "text"),
    [
        (Decimal("76.5"), "vi", "million", "76,5"),
        (Decimal("76.5"), "en", "billion", "0.0765"),
        (Decimal("1.5"), "en", "million", "1.5"),
        (Decimal("3000"), "vi", "billion", "3,000"),
    ],
)
def test_a_rate_keeps_every_decimal(value: Decimal, lang: Lang, unit: AmountUnit, text: str) -> None:
    """A per-staff norm of 1.5 million: staff × norm may have decimals, none is rounded away."""
    assert format_amount(value, lang, unit) == text


@pytest.mark.parametrize(
    ("value", "lang", "places", "expected"),
    [
        (Decimal("12.5"), "vi", None, "12,5"),
        (Decimal("12.5"), "en", None, "12.5"),
        (Decimal("100"), "vi", None, "100"),
        (Decimal("100.00"), "vi", None, "100"),
        (Decimal("1E+3"), "vi", None, "1.000"),
        (Decimal("-0.5"), "en", None, "-0.5"),
        (Decimal("1234.5678"), "vi", 2, "1.234,57"),
        (Decimal("0.125"), "en", 2, "0.13"),  # half up, as percent_text rounds
        (Decimal("-0.001"), "en", 2, "0.00"),  # no "-0.00"
        (7, "vi", 2, "7,00"),
    ],
)
def test_format_number(value: Decimal | int, lang: str, places: int | None, expected: str) -> None:
    assert format_number(value, lang, places) == expected  # type: ignore[arg-type]


def test_format_percent() -> None:
    assert format_percent(Decimal(130_000) * 100 / Decimal(1_501_713), "vi") == "8,66%"
    assert format_percent(Decimal(130_000) * 100 / Decimal(1_501_713), "en") == "8.66%"
    assert format_percent(Decimal("17.3336"), "vi") == "17,33%"
    assert format_percent(Decimal(100), "vi") == "100,00%"
    assert format_percent(None, "en") == "–"


def test_format_date_as_officials_write_it() -> None:
    assert format_date(dt.date(2020, 12, 21), "vi") == "ngày 21 tháng 12 năm 2020"
    assert format_date(dt.date(2021, 2, 5), "vi") == "ngày 05 tháng 02 năm 2021"
    assert format_date(dt.date(2021, 3, 15), "vi") == "ngày 15 tháng 3 năm 2021"
    assert format_date(dt.date(2020, 12, 21), "en") == "21 December 2020"


@given(st.integers(min_value=0, max_value=10**15 - 1), st.sampled_from(LANGS))
def test_written_amounts_read_back_in_the_same_notation(value: int, lang: str) -> None:
    """What the summary prints, the loader reads back as the same number (vi and en notation)."""
    assert parse_decimal(format_amount(value, lang), lang) == value  # type: ignore[arg-type]
    billions = format_amount(value, lang, "billion")  # type: ignore[arg-type]
    assert parse_decimal(billions, lang) == Decimal(value) / 1000  # type: ignore[arg-type]
    assert billions.rsplit("," if lang == "vi" else ".", 1)[1].isdigit()
    assert len(billions.rsplit("," if lang == "vi" else ".", 1)[1]) == 3


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(LANGS))
def test_sign_and_digits(value: int, lang: str) -> None:
    text = format_amount(value, lang)  # type: ignore[arg-type]
    assert text.startswith("-") == (value < 0)
    assert text.lstrip("-").replace(".", "").replace(",", "") == str(abs(value))


def test_every_label_exists_in_both_languages() -> None:
    for key in label_keys():
        english, vietnamese = label(key, "en"), label(key, "vi")
        assert english.strip() and vietnamese.strip(), key
        # the same {fields} in both, so that formatting one never fails where the other works
        assert _fields(english) == _fields(vietnamese), key
    assert label("unit.million", "vi") == "triệu đồng"
    assert label("unit.billion", "vi") == "tỷ đồng"
    with pytest.raises(KeyError):
        label("no.such.label", "en")


def _fields(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_sheet_names_are_valid_for_excel() -> None:
    for key in label_keys():
        if key.startswith("sheet."):
            for lang in LANGS:
                name = label(key, lang)
                assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


def test_rule_titles_and_kpi_units_fall_back_to_what_the_data_says() -> None:
    assert rule_title("SEC001", "security-share-period", "vi") == RULE_TITLES["SEC001"][1]
    assert rule_title("NEW999", "brand-new-rule", "vi") == "brand-new-rule"
    assert kpi_unit("percent", "vi") == "%"
    assert kpi_unit("classes per year", "vi") == "lớp/năm"
    assert kpi_unit("hectares", "vi") == "hectares"
