"""The Vietnamese number reader and writer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan272.vnwords import WordsError, int_to_words, words_to_int

PLAN_PHRASES = [
    ("Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng", 1_501_713_000_000),
    ("Một nghìn bốn trăm năm mươi tám tỷ, tám trăm mười tám triệu đồng", 1_458_818_000_000),
    ("Bốn mươi hai tỷ, tám trăm chín mươi lăm triệu", 42_895_000_000),
]


@pytest.mark.parametrize(("phrase", "value"), PLAN_PHRASES)
def test_reads_the_three_phrases_of_section_viii(phrase: str, value: int) -> None:
    assert words_to_int(phrase) == value


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("không", 0),
        ("mười", 10),
        ("mười một", 11),
        ("mười lăm", 15),
        ("mười bốn", 14),
        ("hai mươi mốt", 21),
        ("hai mươi một", 21),
        ("ba mươi tư", 34),
        ("ba mươi bốn", 34),
        ("bốn mươi lăm", 45),
        ("bốn mươi nhăm", 45),
        ("một trăm lẻ một", 101),
        ("một trăm linh một", 101),
        ("một trăm lẻ tư", 104),
        ("một trăm mười", 110),
        ("hai nghìn", 2000),
        ("hai ngàn", 2000),
        ("một nghìn không trăm lẻ năm", 1005),
        ("một triệu không trăm mười nghìn", 1_010_000),
        ("năm tỷ", 5_000_000_000),
        ("năm tỉ", 5_000_000_000),
        ("một nghìn tỷ", 10**12),
        ("một triệu tỷ", 10**15),
        ("MỘT TRĂM LẺ MỘT ĐỒNG", 101),
        ("Bảy trăm, mười ba triệu đồng chẵn", 713_000_000),
        ("bẩy mươi", 70),
    ],
)
def test_reads_every_form_official_documents_use(phrase: str, value: int) -> None:
    assert words_to_int(phrase) == value


def test_unicode_form_does_not_matter() -> None:
    import unicodedata

    phrase = PLAN_PHRASES[0][0]
    assert words_to_int(unicodedata.normalize("NFD", phrase)) == PLAN_PHRASES[0][1]


@pytest.mark.parametrize(
    "phrase",
    [
        "một trăm trăm",
        "mươi",
        "trăm",
        "một trăm một",  # 101 or 110?
        "mười năm",
        "mười mốt",
        "một mươi",
        "nghìn",
        "tỷ",
        "hai tỷ ba tỷ",
        "một nghìn triệu",
        "hai mươi mười",
        "lẻ một",
        "không trăm năm",
        "mốt",
        "một trăm lẻ",
        "đồng",
        "một 2 ba",
        "năm mươi sáu bảy",
        "ba nghìn không nghìn",
        "một đồng trăm",  # "đồng" only at the end
        "một nghìn không trăm",  # a dangling "không trăm"
        "một triệu không trăm nghìn",
        "hai triệu ba triệu",
    ],
)
def test_malformed_phrases_are_errors_not_numbers(phrase: str) -> None:
    with pytest.raises(WordsError):
        words_to_int(phrase)


def test_error_names_the_word() -> None:
    with pytest.raises(WordsError, match=r"word 3 \('trăm'\)"):
        words_to_int("một trăm trăm")


def test_writes_canonical_words() -> None:
    assert int_to_words(1_501_713_000_000) == "một nghìn năm trăm lẻ một tỷ bảy trăm mười ba triệu"
    assert int_to_words(105, "ngan") == "một trăm linh năm"
    assert int_to_words(21) == "hai mươi mốt"
    assert int_to_words(15) == "mười lăm"
    assert int_to_words(1_005_000) == "một triệu không trăm lẻ năm nghìn"
    assert int_to_words(0) == "không"
    with pytest.raises(ValueError):
        int_to_words(-1)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["nghin", "ngan"]))
def test_round_trip(value: int, style: str) -> None:
    assert words_to_int(int_to_words(value, style)) == value  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_round_trip_small_numbers_densely(value: int) -> None:
    assert words_to_int(int_to_words(value)) == value
    assert words_to_int(int_to_words(value, "ngan")) == value
