"""Name keys (names.py) and how the loader resolves investors and units to agencies."""

from __future__ import annotations

import unicodedata

import pytest

from plan272.load import LoadResult
from plan272.names import name_key, nfc
from plandir import A1, A2, PlanDir


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thanh Hóa", "Thanh Hoá"),  # tone on o (old placement) / on a (new placement)
        ("Thanh Hóa", "THANH HOÁ"),
        ("Thanh Hóa", "thanh hóa"),
        ("Thanh Hóa", nfd("Thanh Hóa")),
        ("Thanh Hóa", nfd("Thanh Hoá")),
        ("Thủy", "Thuỷ"),
        ("khí tượng thủy văn", "Khí Tượng Thuỷ Văn"),
        ("Hòa Bình", "Hoà Bình"),
        ("Sở Lao động -Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động – Thương binh", "Sở Lao động-Thương binh"),  # en dash, no spaces
        ("  Sở  Tư\tpháp ", "Sở Tư pháp"),
        ("Đỗ Minh Tuấn", "ĐỖ MINH TUẤN"),
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hòa", "Hóa"),  # different tones: different names
        ("Thanh Hòa", "Thanh Hóa"),
        ("Hoa", "Hóa"),
        ("Thủy", "Thùy"),
        ("Thủy", "Thúy"),
        ("Hóa", "Hoà"),
        ("Sở Tư pháp", "Sở Tư phạp"),
        ("Đông", "Dong"),
        ("Sở Tài chính", "Sở Tài chính 2"),
    ],
)
def test_different_key(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_nfc() -> None:
    assert nfc(nfd("Thanh Hóa")) == "Thanh Hóa"
    assert nfc("Thanh Hóa") == unicodedata.normalize("NFC", "Thanh Hóa")


def _project(result: LoadResult, row_id: str) -> tuple[str, str | None]:
    assert result.plan is not None
    project = next(p for p in result.plan.rows("appendix1") if p.id == row_id)
    return project.investor, project.agency_id


@pytest.mark.parametrize(
    "written",
    [
        "Trường Chính trị tỉnh Thanh Hoá",  # old tone placement
        "TRƯỜNG CHÍNH TRỊ TỈNH THANH HÓA",
        "trường chính trị tỉnh thanh hoá",
        nfd("Trường Chính trị tỉnh Thanh Hóa"),
        "Trường Chính trị  tỉnh Thanh Hóa",  # doubled space
    ],
)
def test_investor_spelling_variants_resolve(plan_dir: PlanDir, written: str) -> None:
    plan_dir.set_cell(A1, "I.2", "investor", written)
    result = plan_dir.load()
    assert result.problems == []
    investor, agency = _project(result, "I.2")
    assert agency == "truong-chinh-tri"
    assert investor == nfc(written)  # stored as written, in NFC


def test_unit_spelling_variant_resolves(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A2, "U18", "unit", nfd("SỞ Y TẾ"))
    plan_dir.set_cell(A2, "U5", "unit", "Sở Giao thông Vận tải ")
    result = plan_dir.load()
    assert result.problems == []
    assert result.plan is not None
    agencies = {u.id: u.agency_id for u in result.plan.rows("appendix2")}
    assert agencies["U18"] == "so-y-te"
    assert agencies["U5"] == "so-gtvt"


def test_alias_resolves(shipped_load: LoadResult) -> None:
    # "Ban quản lý KKT Nghi Sơn và các KCN" is an alias in plan.yaml
    investor, agency = _project(shipped_load, "III.4")
    assert investor == "Ban quản lý KKT Nghi Sơn và các KCN"
    assert agency == "bql-kkt"


@pytest.mark.parametrize(
    "written",
    [
        "Trường Chính trị tỉnh Thanh Hòa",  # another tone: another name
        "Sở Không Tồn Tại",
        "Trường Chính trị",
    ],
)
def test_unmatched_investor_has_no_agency(plan_dir: PlanDir, written: str) -> None:
    plan_dir.set_cell(A1, "I.2", "investor", written)
    result = plan_dir.load()
    assert result.problems == []  # a registry question for the rules, not a load problem
    assert _project(result, "I.2") == (written, None)


def test_unmatched_unit_has_no_agency(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A2, "U19", "unit", "Thanh tra huyện")
    result = plan_dir.load()
    assert result.plan is not None
    assert next(u for u in result.plan.rows("appendix2") if u.id == "U19").agency_id is None


def test_text_cells_are_stored_nfc(plan_dir: PlanDir) -> None:
    plan_dir.set_cell(A1, "III.18", "name", nfd("Xây dựng cơ sở dữ liệu khí tượng thủy văn"))
    result = plan_dir.load()
    assert result.plan is not None
    name = next(p.name for p in result.plan.rows("appendix1") if p.id == "III.18")
    assert name == unicodedata.normalize("NFC", name)
    assert name == "Xây dựng cơ sở dữ liệu khí tượng thủy văn"
