"""What the printed words of an appendix table mean: column titles, total rows, group numbers, the
unit of the amounts. Matching is loose — case, diacritics, ``đ``, punctuation and spacing aside
(``Dự kiến TMĐT`` = ``DU KIEN TMDT`` = ``dự kiến tmđt``) — but exact after that: a title is one of
the known spellings of a column, or it is not recognised (and said so), never the closest one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from plan272.messages import Message
from plan272.model import KIND_COLUMNS, Appendix, Kind

_NOT_LETTER = re.compile(r"[^0-9a-z]+")


def loose(text: str) -> str:
    """``text`` as a title is compared: case-folded, without diacritics (``đ`` is ``d``), every run
    of anything but letters and digits one space (``Tổng kinh phí 2021 - 2025`` →
    ``tong kinh phi 2021 2025``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).replace("đ", "d")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_LETTER.sub(" ", plain).strip()


# Spellings of each column's title, loose, as offices print them (and in English). The export's
# own titles (both languages, from the catalogue) are added to these by :func:`vocabulary`.
_COMMON: dict[str, tuple[str, ...]] = {
    "id": ("id", "ma", "ma dong", "ma so", "row id"),
    "section": ("section", "nhom", "ma nhom", "group"),
    "tt": ("tt", "stt", "so tt", "so thu tu", "thu tu", "no"),
    "note": ("ghi chu", "note", "notes", "remarks"),
    "source_line": ("source line", "dong van ban", "dong trong van ban", "dong nguon"),
}
_TOTAL_TITLES = ("tong kinh phi", "tong", "tong cong", "kinh phi", "tong so", "total", "total funding")
_BY_KIND: dict[Kind, dict[str, tuple[str, ...]]] = {
    "projects": {
        "name": (
            "ten du an",
            "danh muc du an",
            "du an",
            "danh muc",
            "ten du an nhiem vu",
            "ten nhiem vu du an",
            "danh muc du an nhiem vu",
            "project",
            "projects",
            "project name",
            "name",
        ),
        "investor": ("chu dau tu", "don vi chu dau tu", "co quan chu tri", "don vi chu tri", "investor"),
        "tmdt": (
            "tmdt",
            "du kien tmdt",
            "tmdt du kien",
            "tong muc dau tu",
            "du kien tong muc dau tu",
            "tong muc dau tu du kien",
            "total investment",
        ),
        "attt": (
            "attt",
            "kinh phi attt",
            "trong do attt",
            "trong do kinh phi attt",
            "kinh phi an toan thong tin",
            "trong do kinh phi an toan thong tin",
            "information security",
            "security",
        ),
        "description": (
            "du kien quy mo noi dung thuc hien",
            "quy mo noi dung thuc hien",
            "quy mo noi dung",
            "noi dung thuc hien",
            "mo ta",
            "description",
            "scope",
        ),
    },
    "units": {
        "unit": ("ten don vi", "don vi", "co quan don vi", "ten co quan don vi", "unit", "units", "agency"),
        "staff": (
            "so cbcc hien co",
            "so cbcc",
            "cbcc",
            "so can bo cong chuc",
            "so can bo cong chuc hien co",
            "so bien che",
            "bien che",
            "staff",
            "number of staff",
        ),
        "total": _TOTAL_TITLES,
    },
    "lines": {
        "name": ("noi dung", "ten nhiem vu", "nhiem vu", "danh muc", "ten", "item", "items", "name", "line"),
        "total": _TOTAL_TITLES,
        "description": ("mo ta", "noi dung chi tiet", "description"),
    },
}

#: what a total row says (loose, parentheses left out): "TỔNG CỘNG", "Tổng", "Cộng", "TOTAL"
TOTAL_WORDS = frozenset(
    {"tong cong", "tong", "tong so", "cong", "tong cong toan tinh", "total", "grand total"}
)

_YEAR = re.compile(r"(?:nam |year |y)?((?:19|20|21)[0-9]{2})")
_PERIOD = re.compile(r"\b(?:giai doan |period |nam |year )?(?:19|20|21)[0-9]{2}(?: (?:19|20|21)[0-9]{2})?\b")
_PARENS = re.compile(r"\(([^()]*)\)")


def columns_of(appendix: Appendix) -> list[str]:
    """Every CSV column of ``appendix`` besides its years: required, further, optional."""
    required, optional = KIND_COLUMNS[appendix.kind]
    return [*required, *(c.id for c in appendix.columns), *optional]


@dataclass(frozen=True)
class Vocabulary:
    """The titles one appendix's columns may have: loose title -> CSV column."""

    titles: dict[str, str]
    names: frozenset[str]  # the CSV column names themselves
    years: tuple[int, ...]


def vocabulary(appendix: Appendix, years: Iterable[int], printed: dict[str, list[str]]) -> Vocabulary:
    """The titles of ``appendix``'s columns: the spellings above, its further columns' titles as
    plan.yaml gives them, the CSV names, and ``printed`` (column -> the titles the export writes,
    in every language)."""
    titles: dict[str, str] = {}
    names = columns_of(appendix)

    def add(column: str, spellings: Iterable[str]) -> None:
        for spelling in spellings:
            key = _without_period(loose(_PARENS.sub(" ", spelling)))
            if key:
                titles.setdefault(key, column)

    for column in names:
        add(column, [column])
    for column, shown in printed.items():
        add(column, shown)
    for column, known in (*_BY_KIND[appendix.kind].items(), *_COMMON.items()):
        add(column, known)
    for further in appendix.columns:
        add(further.id, [further.title])
    return Vocabulary(titles, frozenset(names), tuple(years))


@dataclass(frozen=True)
class Title:
    """What a header cell says: the column it titles (or a year's), and the unit it names, if any."""

    column: str | None = None
    unit: str | None = None  # the unit named in parentheses, as printed: "tỷ đồng"


def _without_period(key: str) -> str:
    return re.sub(r"\s+", " ", _PERIOD.sub(" ", key)).strip()


def read_title(value: str | int, words: Vocabulary) -> Title:
    """The column a header cell titles: a year (``2021``, ``Năm 2021``, ``y2021``), a CSV name in
    parentheses (``Mã dòng (id)``), or a known spelling of a title, period words aside (``Tổng kinh
    phí 2021 - 2025``). ``Title()`` when it titles nothing the plan has."""
    if isinstance(value, int):
        return Title(f"y{value}") if 1900 <= value <= 2200 else Title()
    text = value.strip()
    unit: str | None = None
    named: str | None = None
    for inside in _PARENS.findall(text):
        if inside.strip() in words.names:
            named = inside.strip()
        elif unit_of(loose(inside)) is not None:
            unit = inside.strip()
    if named is not None:
        return Title(named, unit)
    key = loose(_PARENS.sub(" ", text))
    year = _YEAR.fullmatch(key)
    if year:
        return Title(f"y{year.group(1)}", unit)
    column = words.titles.get(key) or words.titles.get(_without_period(key))
    return Title(column, unit)


def unit_of(key: str) -> str | None:
    """``million`` or ``other`` for a loose unit phrase (``trieu dong``, ``ty dong``, ``dong``),
    ``None`` when ``key`` names no unit of money."""
    if re.fullmatch(r"(?:tr|trieu|million)(?: dong| vnd| d)?(?: nam| year)?|vnd million|trd|trđ", key):
        return "million"
    if re.fullmatch(r"(?:ty|ti|billion|nghin|ngan|thousand|dong|vnd|d)(?: dong| vnd| d)?", key):
        return "other"
    return None


_UNIT_LINE = re.compile(r"(?:don vi tinh|don vi|dvt|unit|amounts in)\s+(.+)")


def unit_line(text: str) -> tuple[str, str] | None:
    """``(unit, as printed)`` when ``text`` is a line naming the unit of the amounts (``Đơn vị tính:
    triệu đồng.``, ``ĐVT: tỷ đồng``, ``Unit: million VND``); ``None`` otherwise."""
    match = _UNIT_LINE.fullmatch(loose(text))
    if not match:
        return None
    kind = unit_of(match.group(1))
    if kind is None:
        return None
    printed = text.split(":", 1)[1].strip().rstrip(".") if ":" in text else text.strip()
    return kind, printed


def is_total(text: str) -> bool:
    """Whether ``text`` labels a total row: ``TỔNG CỘNG``, ``Tổng``, ``Tổng cộng (I+II+III+IV)``."""
    return loose(_PARENS.sub(" ", text)) in TOTAL_WORDS


_ROMAN = re.compile(r"(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NUMBERED = re.compile(r"([IVXLC]+|[A-Z])\s*[.:)\-–]?\s+(\S.*)", re.DOTALL)


def looks_like_group_number(text: str) -> bool:
    """A group's number as tables print them: a Roman numeral (``IV``, ``IV.``) or a capital letter."""
    text = text.strip().rstrip(".")
    return bool(_ROMAN.fullmatch(text)) or bool(re.fullmatch(r"[A-Z]", text))


def split_numbered(text: str) -> tuple[str, str] | None:
    """``("I", "HẠ TẦNG MẠNG")`` for a group label printed in one cell, ``I. HẠ TẦNG MẠNG``;
    ``None`` when ``text`` does not start with a group number."""
    match = _NUMBERED.fullmatch(text.strip())
    if match and looks_like_group_number(match.group(1)):
        return match.group(1), match.group(2).strip()
    return None


def is_column_numbers(texts: list[str]) -> bool:
    """Whether a row holds the columns' numbers that tables print under their header: ``(1) (2)
    (3)``, ``A B 1 2 3``, ``(4)=(5)+(6)``."""
    pattern = re.compile(r"\(?[0-9A-Za-z]{1,2}\)?(?:\s*=\s*[-+()0-9A-Za-z\s]+)?")
    return len(texts) >= 2 and all(pattern.fullmatch(t.strip()) for t in texts)


def printed_titles(appendix: Appendix, start: int, end: int) -> dict[str, Message]:
    """The titles the export prints over ``appendix``'s columns (besides the years), as the
    document prints them: ``TT``, ``Danh mục dự án``, ``Chủ đầu tư``, ``Dự kiến TMĐT``…; the
    columns plan272 adds for the way back (``id``, ``source_line``) say their CSV names."""
    kind = appendix.kind
    titles: dict[str, Message] = {
        "id": Message("workbook.title.id"),
        "section": Message("workbook.title.section"),
        "tt": Message("workbook.title.tt"),
        "note": Message("workbook.title.note"),
        "source_line": Message("workbook.title.source_line"),
        "description": Message("workbook.title.description"),
    }
    if kind == "projects":
        titles["name"] = Message("workbook.title.name.projects")
        titles["investor"] = Message("workbook.title.investor")
        titles["tmdt"] = Message("workbook.title.tmdt")
        titles["attt"] = Message("workbook.title.attt")
    elif kind == "units":
        titles["unit"] = Message("workbook.title.unit")
        titles["staff"] = Message("workbook.title.staff")
        titles["total"] = Message("workbook.title.total", start=start, end=end)
    else:
        titles["name"] = Message("workbook.title.name.lines")
        titles["total"] = Message("workbook.title.total", start=start, end=end)
    return titles


def years_title(appendix: Appendix, start: int, end: int) -> Message:
    """The title printed over the year columns."""
    if appendix.kind == "projects":
        return Message("workbook.title.years.projects", start=start, end=end)
    return Message("workbook.title.years.other")


def appendix_key(text: str) -> str:
    """An appendix's name as sheets name it, numbers aside: ``Phụ lục I``, ``PL1``, ``PL 01``,
    ``Phu luc 1``, ``Appendix I`` all give ``phu luc 1``."""
    key = loose(text)
    key = re.sub(r"^(?:pl|phu luc|appendix|annex|app)\s*(?=[0-9ivxlc]+$)", "phu luc ", key)
    key = re.sub(r"^(?:appendix|annex)\b", "phu luc", key)
    match = re.fullmatch(r"phu luc ([0-9]+|[ivxlc]+)", key)
    if match:
        number = match.group(1)
        value = int(number) if number.isdigit() else _roman(number.upper())
        if value is not None:
            return f"phu luc {value}"
    return key


def _roman(text: str) -> int | None:
    if not _ROMAN.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, ch in enumerate(text):
        value = values[ch]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total
