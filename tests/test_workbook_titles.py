"""The printed words of a table (plan272.workbook.titles) and how places are written
(plan272.workbook.places): what each recognises, and what it does not."""

from __future__ import annotations

import pytest

from plan272.workbook.places import Place, column_letter, sheet_reference
from plan272.workbook.titles import (
    appendix_key,
    is_column_numbers,
    is_total,
    loose,
    read_title,
    split_numbered,
    unit_line,
    vocabulary,
)
from plans import shipped


def words(appendix_id: str):  # type: ignore[no-untyped-def]
    appendix = shipped().appendix(appendix_id)
    assert appendix is not None
    return vocabulary(appendix, range(2021, 2026), {})


def test_loose_leaves_out_case_diacritics_and_punctuation() -> None:
    assert loose("Dự kiến TMĐT") == loose("DU KIEN TMDT") == "du kien tmdt"
    assert loose("Tổng kinh phí 2021 - 2025") == "tong kinh phi 2021 2025"
    assert loose("Thanh Hoá") == loose("Thanh Hóa") == "thanh hoa"


@pytest.mark.parametrize(
    ("title", "column"),
    [
        ("TT", "tt"),
        ("STT", "tt"),
        ("Danh mục dự án", "name"),
        ("Tên dự án", "name"),
        ("CHỦ ĐẦU TƯ", "investor"),
        ("Dự kiến TMĐT", "tmdt"),
        ("Dự kiến TMĐT (triệu đồng)", "tmdt"),
        ("Tổng mức đầu tư", "tmdt"),
        ("Dự kiến quy mô, nội dung thực hiện", "description"),
        ("Ghi chú", "note"),
        ("Mã dòng (id)", "id"),
        ("anything at all (source_line)", "source_line"),
        ("2021", "y2021"),
        ("Năm 2023", "y2023"),
        (2025, "y2025"),
        ("y2022", "y2022"),
        ("Trong đó: kinh phí ATTT (attt)", "attt"),
    ],
)
def test_the_titles_of_a_projects_table(title: str | int, column: str) -> None:
    assert read_title(title, words("appendix1")).column == column


@pytest.mark.parametrize(
    "title",
    ["Đơn vị thực hiện", "Dự kiến nhu cầu bố trí vốn giai đoạn 2021-2025", "Tên đơn vị", "Số CBCC", 12],
)
def test_titles_a_projects_table_does_not_have(title: str | int) -> None:
    assert read_title(title, words("appendix1")).column is None


@pytest.mark.parametrize(
    ("title", "column"),
    [
        ("Tên đơn vị", "unit"),
        ("Số CBCC hiện có", "staff"),
        ("Tổng kinh phí 2021 - 2025", "total"),
        ("Tổng kinh phí giai đoạn 2021-2025", "total"),
        ("Năm 2021", "y2021"),
    ],
)
def test_the_titles_of_a_units_table(title: str, column: str) -> None:
    assert read_title(title, words("appendix2")).column == column


def test_a_unit_in_a_title_is_read() -> None:
    assert read_title("Dự kiến TMĐT (tỷ đồng)", words("appendix1")).unit == "tỷ đồng"
    assert read_title("Dự kiến TMĐT (triệu đồng)", words("appendix1")).unit == "triệu đồng"
    assert read_title("Dự kiến TMĐT", words("appendix1")).unit is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đơn vị tính: triệu đồng.", "million"),
        ("ĐVT: Tr.đồng", "million"),
        ("Unit: million VND", "million"),
        ("Đơn vị tính: tỷ đồng", "other"),
        ("ĐVT: đồng", "other"),
        ("Đơn vị tính: 1.000 đồng", None),  # not a unit it knows: not read as one
        ("Đơn vị thực hiện: Sở Tài chính", None),
    ],
)
def test_unit_lines(text: str, unit: str | None) -> None:
    found = unit_line(text)
    assert (found[0] if found else None) == unit


@pytest.mark.parametrize(
    ("text", "total"),
    [("TỔNG CỘNG", True), ("Tổng", True), ("Tổng cộng (I+II+III+IV)", True), ("Cộng:", True), ("TOTAL", True),
     ("Tổng cục Thống kê", False), ("Tổng hợp dữ liệu", False), ("Cộng đồng số", False)],
)  # fmt: skip
def test_total_labels(text: str, total: bool) -> None:
    assert is_total(text) is total


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("I. HẠ TẦNG MẠNG", ("I", "HẠ TẦNG MẠNG")),
        ("IV - AN TOÀN THÔNG TIN", ("IV", "AN TOÀN THÔNG TIN")),
        ("B NỀN TẢNG", ("B", "NỀN TẢNG")),
        ("Ban Dân tộc", None),
        ("In ấn tài liệu", None),
        ("1. Tập huấn", None),
    ],
)
def test_group_labels_in_one_cell(text: str, split: tuple[str, str] | None) -> None:
    assert split_numbered(text) == split


def test_rows_of_column_numbers() -> None:
    assert is_column_numbers(["(1)", "(2)", "(3)", "(4)=(5)+(6)"])
    assert is_column_numbers(["A", "B", "1", "2"])
    assert not is_column_numbers(["1", "Ban Dân tộc", "28"])
    assert not is_column_numbers(["1"])


@pytest.mark.parametrize(
    ("name", "key"),
    [("Phụ lục I", "phu luc 1"), ("PL1", "phu luc 1"), ("PL 01", "phu luc 1"), ("Phu luc 1", "phu luc 1"),
     ("Appendix II", "phu luc 2"), ("PHỤ LỤC II", "phu luc 2"), ("Phụ lục 3", "phu luc 3"),
     ("Sheet1", "sheet1"), ("Plan", "plan")],
)  # fmt: skip
def test_appendix_names_as_sheets_write_them(name: str, key: str) -> None:
    assert appendix_key(name) == key


def test_places_are_written_as_excel_writes_references() -> None:
    assert column_letter(1) == "A" and column_letter(26) == "Z" and column_letter(28) == "AB"
    assert sheet_reference("Sheet1") == "Sheet1"
    assert sheet_reference("PL1") == "'PL1'"  # bare, it would be cell PL1
    assert sheet_reference("Phụ lục I") == "'Phụ lục I'"
    assert sheet_reference("O'Neil") == "'O''Neil'"
    assert str(Place("Phụ lục I", 12, 2)) == "'Phụ lục I'!B12"
    assert str(Place("PL1", 12, 4, 14, 4)) == "'PL1'!D12:D14"
    assert str(Place("Data")) == "Data" and str(Place()) == ""
