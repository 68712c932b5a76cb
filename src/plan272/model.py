"""The typed plan: pydantic models for ``plan.yaml``; slotted, frozen dataclasses for the rows of
its appendices (a plan may hold a million).

A plan describes its own tables: ``appendices`` lists each table with its file, the kind of its
rows (projects, units with a per-staff norm, plain budget lines), its further amount columns, its
groups and its declared totals. Nothing about one particular plan is fixed here.

Pure data, no I/O. Amounts are whole million VND (``int``); rates (a per-staff norm), shares and
targets are ``Decimal``. Nothing is ever a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, TypeVar, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from plan272.messages import Each, Invalid, Message
from plan272.names import fold, id_problem, name_key, nfc
from plan272.numbers import Notation, NumberError, check_size, parse_amount, parse_decimal
from plan272.problems import Location


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise Invalid(Message("model.amount.bool"))
    if isinstance(value, int):
        if value < 0:
            raise Invalid(Message("model.amount.negative"))
        _bounded(Decimal(value))
        return value
    if isinstance(value, Decimal):
        raise Invalid(Message("model.amount.decimal-point"))
    if isinstance(value, str):
        try:
            return parse_amount(value)
        except NumberError as exc:
            if any(ch in value for ch in ".,"):
                raise Invalid(Message("model.amount.separators")) from exc
            raise Invalid(exc.message) from exc
    if isinstance(value, float):  # never produced by our loader; reject if built by hand
        raise Invalid(Message("model.amount.float"))
    return value


def _bounded(value: Decimal) -> Decimal:
    try:
        return check_size(value)
    except NumberError as exc:
        raise Invalid(exc.message) from exc


def _rate(value: Any) -> Any:
    if isinstance(value, bool):
        raise Invalid(Message("model.number.bool"))
    if isinstance(value, int | Decimal):
        return _bounded(Decimal(value))
    if isinstance(value, float):  # never produced by our loader; reject if built by hand
        raise Invalid(Message("model.rate.float"))
    if isinstance(value, str):  # plain digits only: "1.5" or "1,5" could be read two ways
        try:
            return parse_decimal(value)
        except NumberError as exc:
            raise Invalid(Message("model.rate.text", problem=exc.message)) from exc
    return value


def _decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise Invalid(Message("model.number.bool"))
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, int | Decimal):
        return _bounded(Decimal(value))
    if isinstance(value, str):  # "1e400", "٧٥" or "75" in quotes: text, never read as a number
        raise Invalid(Message("model.number.quoted", value=repr(value)))
    return value


def _year(value: Any) -> Any:
    """A year is a number as plan.yaml writes it: ``"2021"``, ``2021.0`` or ``+2021`` as text
    would be a second spelling of one year, whose value could silently replace the other's."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(Message("model.year.number", value=repr(value)))
    return value


def _year_keys(value: Any) -> Any:
    """A mapping by year, its keys read as years: a number (2021), or text of exactly four digits
    ("2021", as JSON writes keys). Two keys that are the same year are an error — one value would
    silently replace the other; anything else (" 2021", "+2021", "2021.0") is not a year."""
    import re

    if not isinstance(value, dict):
        return value
    out: dict[int, Any] = {}
    spelled: dict[int, Any] = {}
    for key, item in value.items():
        if isinstance(key, str) and re.fullmatch(r"[0-9]{4}", key):
            year = int(key)
        elif isinstance(key, int) and not isinstance(key, bool):
            year = key
        else:
            raise Invalid(Message("model.year.key", key=repr(key)))
        if year in out:
            raise Invalid(Message("model.year.twice", year=year, first=repr(spelled[year]), second=repr(key)))
        out[year] = item
        spelled[year] = key
    return out


def _date(value: Any) -> Any:
    """A date as plan.yaml writes it: ``2020-12-21`` (a number is no date: 0 is not 1 January 1970)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        import re

        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise Invalid(Message("model.date.format", value=repr(value)))
        return value.strip()
    raise Invalid(Message("model.date.format", value=repr(value)))


def _text(value: Any) -> Any:
    return nfc(value) if isinstance(value, str) else value


Money = Annotated[int, BeforeValidator(_money), Field(ge=0, description="million VND")]
Number = Annotated[Decimal, BeforeValidator(_decimal)]
Text = Annotated[str, BeforeValidator(_text)]
Year = Annotated[int, BeforeValidator(_year), Field(ge=1900, le=2200)]
Date = Annotated[dt.date, BeforeValidator(_date)]
#: a per-unit rate in million VND, whole or not (a norm of 1.5 million per staff member)
Rate = Annotated[Decimal, BeforeValidator(_rate), Field(ge=0, description="million VND")]


def _pattern(regex: str, what: Message) -> Any:
    """A validator that accepts text matching ``regex`` and otherwise says ``what`` it must be."""
    import re

    compiled = re.compile(regex)

    def check(value: Any) -> Any:
        if isinstance(value, str) and not compiled.fullmatch(value):
            raise Invalid(Message("model.pattern", value=repr(value), what=what))
        return value

    return AfterValidator(check)


def _key(value: Any) -> Any:
    """An id plan.yaml may write as a number (a group 1, 2, 3): read as the text the CSV holds."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


#: how plan.yaml, findings and other appendices refer to an appendix
AppendixId = Annotated[
    str,
    _pattern(
        r"[a-z][a-z0-9_-]{0,39}",
        Message("model.pattern.appendix-id"),
    ),
    Field(description="lower-case letters, digits, - and _, starting with a letter (appendix1, training)"),
]
#: a further amount column of an appendix (a funding source), as its CSV header names it
ColumnId = Annotated[
    str,
    _pattern(
        r"[a-z][a-z0-9_]{0,39}",
        Message("model.pattern.column-id"),
    ),
    Field(description="lower-case letters, digits and _, starting with a letter (nstw, ngan_sach_tinh)"),
]
#: a CSV file beside plan.yaml: a plain file name, never a path
FileName = Annotated[
    str,
    _pattern(
        r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}[.]csv",
        Message("model.pattern.file-name"),
    ),
    Field(description="a file name beside plan.yaml, ending in .csv (no directory)"),
]


def _identifier(value: Any) -> Any:
    if isinstance(value, str) and (problem := id_problem(value)):
        raise Invalid(Message("model.id", value=repr(value), problem=problem))
    return value


#: an id of a group, a row, a part, an indicator, a claim or an agency: ASCII letters, digits, '.',
#: '-' and '_' (a number written in plan.yaml is read as its digits), so no id can look like another
Key = Annotated[
    str,
    BeforeValidator(_key),
    AfterValidator(_identifier),
    Field(description="ASCII letters, digits, '.', '-' and '_', at most 40, starting with a letter or digit"),
]
Kind = Literal["projects", "units", "lines"]
KINDS: tuple[Kind, ...] = ("projects", "units", "lines")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    """Where the source document states a figure: a readable place and its line in the seed text."""

    where: Text
    line: int | None = Field(default=None, ge=1, description="line in the published text")


class Period(Model):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise Invalid(Message("model.period.order", end=self.end, start=self.start))
        return self

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end + 1))


class Identity(Model):
    number: Text
    title: Text
    province: Text | None = None
    issuer: Text | None = None
    date: Date | None = None
    signer: Text | None = None
    signer_title: Text | None = None
    period: Period
    amount_unit: Literal["million VND"] = "million VND"
    source: Source | None = None


class Declared(Model):
    """Totals a table prints: the overall total (of the row-total column), one per year, and one
    per further amount column."""

    total: Money
    years: Annotated[dict[Year, Money], BeforeValidator(_year_keys)]
    columns: dict[str, Money] = Field(default={}, description="column id -> declared total")
    source: Source | None = None


class Group(Model):
    id: Key
    title: Text
    declared: Declared | None = None
    source: Source | None = None


class AmountColumn(Model):
    """A further amount column the table prints, e.g. a funding source (ngân sách trung ương)."""

    id: ColumnId
    title: Text
    source: Source | None = None


class Split(Model):
    """Columns of a row that add up to another: ``total`` is the row-total column (``tmdt`` of a
    project, ``total`` otherwise), ``period`` (the row's yearly amounts added up) or a column id."""

    total: Text
    parts: list[Text] = Field(min_length=2)
    source: Source | None = None


class Norm(Model):
    """Recurring funding by head count: an unmarked unit gets exactly staff × the norm each year."""

    per_staff_per_year: Rate = Field(description="million VND per staff member per year (1.5 is allowed)")
    rounding: Literal["exact", "nearest", "down", "up"] = Field(
        default="exact",
        description="how the plan makes a whole amount of staff × norm when it is not whole (51 × 1.5): "
        "exact (it must be whole), nearest (half up), down or up",
    )
    unmarked: Literal["equal"] = "equal"
    marked: Literal["at_least"] = "at_least"
    source: Source | None = None


class Mark(Model):
    """A mark (``*``) the table puts on some units, with the explanation the document gives (the
    notes under the table). Only a unit listed here, carrying this mark, is exempt from the exact
    norm: it gets at least the norm."""

    mark: Annotated[Text, Field(min_length=1)]
    units: list[Key] = Field(min_length=1, description="ids of the units the explanation is about")
    explanation: Annotated[Text, Field(min_length=1)]
    source: Source | None = None


#: the separators a CSV file's header is tried with when plan.yaml declares none
SEPARATORS = (",", ";", "\t")


def _separator(value: Any) -> Any:
    """One character between the cells of a row: ``,``, ``;``, a tab (written ``"\\t"`` or ``tab``),
    ``|``… — never a letter, a digit, a quote, a dot, a space or an end of line, which cells hold."""
    if not isinstance(value, str):
        return value
    if value == "\t" or value.strip().lower() == "tab":
        return "\t"
    if len(value) != 1 or value.isalnum() or value in '". \r\n' or not value.isprintable():
        raise Invalid(Message("load.plan.csv-separator", value=repr(value)))
    return value


def _encoding(value: Any) -> Any:
    """A text encoding Python knows (``windows-1258``, ``cp1258``, ``utf-8``, ``latin-1``…), checked
    when plan.yaml is read: a misspelt one is a located problem, not a failure at the first file."""
    if isinstance(value, str):
        try:
            "a".encode(value)  # a codec that is no text encoding (rot13, base64) refuses too
        except (LookupError, UnicodeError) as exc:
            raise Invalid(Message("load.plan.csv-encoding", value=repr(value))) from exc
    return value


#: a CSV file's separator as plan.yaml declares it
Separator = Annotated[
    str,
    BeforeValidator(_separator),
    Field(description="the character between cells: ',' ';' '|' or a tab ('\\t' or tab)"),
]
#: a CSV file's text encoding as plan.yaml declares it
Encoding = Annotated[
    str,
    AfterValidator(_encoding),
    Field(description="a text encoding: utf-8 (the default), windows-1258, latin-1, …"),
]
NumberFormat = Literal["plain", "vi", "en"]


class CsvFormat(Model):
    """How CSV files are written, where plan.yaml declares it (for every file at the top level, for
    one file under its appendix): what is left out is detected where that is certain, and the
    detection reported."""

    separator: Separator | None = None
    encoding: Encoding | None = None
    number_format: NumberFormat | None = Field(
        default=None,
        description="plain (20200), vi (20.200 is 20200) or en (20,200 is 20200); left out: a column "
        "written with marks is read in the one notation that reads every cell as a whole number, if any",
    )

    def over(self, default: CsvFormat | None) -> CsvFormat:
        """This declaration, its gaps filled from ``default`` (the plan-wide one)."""
        if default is None:
            return self
        return CsvFormat(
            separator=self.separator or default.separator,
            encoding=self.encoding or default.encoding,
            number_format=self.number_format or default.number_format,
        )


#: section names of the summary that an appendix id may not take
RESERVED_IDS = frozenset(
    {"identity", "grand-total", "investors", "security", "targets", "stated", "findings", "plan"}
)
#: the columns of each kind of row: required, then optional (besides the year columns y2021…)
KIND_COLUMNS: dict[Kind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "projects": (
        ("id", "section", "tt", "name", "investor", "tmdt"),
        ("attt", "description", "note", "source_line"),
    ),
    "units": (("id", "section", "tt", "unit", "staff", "total"), ("note", "source_line")),
    "lines": (("id", "section", "tt", "name", "total"), ("description", "note", "source_line")),
}
#: words a further column may not be called: `splits` and the row total use them
RESERVED_COLUMNS = frozenset({"period", "total", "tmdt"})
#: the column holding a row's total, by kind
TOTAL_COLUMN: dict[Kind, str] = {"projects": "tmdt", "units": "total", "lines": "total"}


class Appendix(Model):
    """One table of the plan and the file that holds its rows."""

    id: AppendixId
    name: Text = Field(description="the table's name as printed: Phụ lục I")
    name_en: Text | None = Field(default=None, description="its name in English output: Appendix I")
    title: Text | None = Field(default=None, description="the table's title as printed")
    file: FileName
    kind: Kind = Field(
        description="projects (investor, TMĐT, attt), units (staff, per-staff norm) or lines "
        "(plain budget lines)"
    )
    row_total: Literal["period", "whole"] = Field(
        default="period",
        description="period: a row's total is its allocations in the plan's period (they must add up to "
        "it); whole: the total covers the whole project, its allocations in the period may be less",
    )
    columns: list[AmountColumn] = Field(default=[], description="further amount columns (funding sources)")
    splits: list[Split] = Field(default=[], description="columns that add up to another, row by row")
    groups: list[Group] = []
    declared: Declared | None = Field(default=None, description="the table's total row")
    norm: Norm | None = Field(
        default=None, validate_default=True, description="units only: funding per staff member"
    )
    marks: list[Mark] = Field(
        default=[], description="units only: marks that exempt a unit from the exact norm"
    )
    csv: CsvFormat | None = Field(
        default=None, description="how this table's file is written, where it differs from the plan's csv"
    )
    source: Source | None = None

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_IDS:
            raise Invalid(Message("model.appendix.reserved", value=repr(value)))
        return value

    @field_validator("columns")
    @classmethod
    def _columns(cls, columns: list[AmountColumn], info: ValidationInfo) -> list[AmountColumn]:
        kind = info.data.get("kind")
        fixed = {*KIND_COLUMNS[kind][0], *KIND_COLUMNS[kind][1]} if kind in KIND_COLUMNS else set()
        seen: set[str] = set()
        for index, column in enumerate(columns):
            if column.id in fixed | RESERVED_COLUMNS or (column.id[:1] == "y" and column.id[1:].isdigit()):
                raise Invalid(Message("model.column.taken", column=repr(column.id)), at=f"columns.{index}")
            if column.id in seen:
                raise Invalid(Message("model.column.twice", column=repr(column.id)), at=f"columns.{index}")
            seen.add(column.id)
        return columns

    @field_validator("splits")
    @classmethod
    def _splits(cls, splits: list[Split], info: ValidationInfo) -> list[Split]:
        kind = info.data.get("kind")
        columns = [c.id for c in info.data.get("columns", [])]
        known = {TOTAL_COLUMN.get(kind, "total") if kind else "total", "period", *columns}
        for index, split in enumerate(splits):
            for where, name in [
                ("total", split.total),
                *((f"parts.{i}", p) for i, p in enumerate(split.parts)),
            ]:
                if name not in known:
                    raise Invalid(
                        Message(
                            "model.split.unknown",
                            name=repr(name),
                            known=Each(tuple(map(repr, sorted(known)))),
                        ),
                        at=f"splits.{index}.{where}",
                    )
        return splits

    @field_validator("groups")
    @classmethod
    def _groups(cls, groups: list[Group]) -> list[Group]:
        ids = [fold(g.id) for g in groups]
        for index, group in enumerate(groups):
            if ids.index(fold(group.id)) != index:
                raise Invalid(Message("model.group.twice", group=repr(group.id)), at=f"groups.{index}")
        return groups

    @field_validator("norm", mode="after")
    @classmethod
    def _norm(cls, norm: Norm | None, info: ValidationInfo) -> Norm | None:
        kind = info.data.get("kind")
        if kind == "units" and norm is None:
            raise Invalid(Message("model.norm.missing"))
        if kind is not None and kind != "units" and norm is not None:
            raise Invalid(Message("model.norm.units-only"))
        return norm

    @field_validator("marks")
    @classmethod
    def _marks(cls, marks: list[Mark], info: ValidationInfo) -> list[Mark]:
        kind = info.data.get("kind")
        if marks and kind is not None and kind != "units":
            raise Invalid(Message("model.marks.units-only"))
        return marks

    @property
    def total_column(self) -> str:
        """The column holding a row's total: ``tmdt`` for projects, ``total`` otherwise."""
        return TOTAL_COLUMN[self.kind]

    def label(self, lang: str = "en") -> str:
        """The table's short name in ``lang``: ``Appendix I`` / ``Phụ lục I``."""
        return (self.name_en or self.name) if lang == "en" else self.name


class StatedAmount(Model):
    """An amount as the text states it: the figure (million VND) and, where printed, its words."""

    amount: Money
    stated: Text | None = Field(default=None, description="the figure as printed")
    words: Text | None = Field(default=None, description="the amount in words as printed")
    words_unit: Literal["dong", "trieu", "ty"] = Field(
        default="dong", description="unit the words count in when they name none"
    )
    stated_unit: Literal["dong", "trieu", "ty"] | None = Field(
        default=None, description="unit of the printed figure when the print names none"
    )
    source: Source | None = None


class GrandPart(StatedAmount):
    """A part of the grand total: an appendix (its amount over the period is checked against the
    part), or an amount the plan states without itemising it in a table (``appendix`` left out)."""

    id: Key
    label: Text
    appendix: AppendixId | None = Field(
        default=None, description="the appendix this part is; none for a part no table itemises"
    )


class GrandTotal(StatedAmount):
    parts: list[GrandPart] = Field(
        default=[], description="the parts it is made of; none: the grand total is every appendix"
    )

    @field_validator("parts")
    @classmethod
    def _distinct(cls, parts: list[GrandPart]) -> list[GrandPart]:
        ids = [fold(p.id) for p in parts]
        for index, part in enumerate(parts):
            if ids.index(fold(part.id)) != index:
                raise Invalid(Message("model.grand-part.twice", part=repr(part.id)), at=f"parts.{index}")
        return parts


class Target(Model):
    """A target for one milestone: a value (low == high), a range, or a bound (one side open)."""

    low: Number | None = None
    high: Number | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_short_forms(cls, data: Any) -> Any:
        if isinstance(data, (int, Decimal, float)) and not isinstance(data, bool):
            return {"low": data, "high": data}
        if isinstance(data, (list, tuple)):
            if len(data) != 2:
                raise Invalid(Message("model.target.range"))
            return {"low": data[0], "high": data[1]}
        if isinstance(data, str):
            raise Invalid(Message("model.target.text"))
        if isinstance(data, dict) and ("min" in data or "max" in data):
            extra = set(data) - {"min", "max"}
            if extra:
                # keys of any type (YAML has number keys too), in the order sorted() gives text keys
                keys = sorted(extra, key=lambda k: (not isinstance(k, str), str(k)))
                raise Invalid(Message("model.target.keys", keys=Each(tuple(map(repr, keys)))))
            return {"low": data.get("min"), "high": data.get("max")}
        return data

    @model_validator(mode="after")
    def _some_bound(self) -> Target:
        if self.low is None and self.high is None:
            raise Invalid(Message("model.target.empty"))
        return self

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{self.low}"
        if self.high is None:
            return f"≥ {self.low}"
        if self.low is None:
            return f"≤ {self.high}"
        return f"{self.low}–{self.high}"


_NUMBER_SCHEMA: dict[str, Any] = {"type": "number"}
#: what plan.yaml may write for a target (the short forms Target accepts)
TARGET_SCHEMA: dict[str, Any] = {
    "title": "Target",
    "description": "a value (80), a range [low, high] ([20, 30]) or a bound ({min: 75} / {max: 10})",
    "anyOf": [
        _NUMBER_SCHEMA,
        {"type": "array", "items": _NUMBER_SCHEMA, "minItems": 2, "maxItems": 2},
        {
            "type": "object",
            "properties": {"min": _NUMBER_SCHEMA, "max": _NUMBER_SCHEMA},
            "additionalProperties": False,
            "minProperties": 1,
        },
        {
            "type": "object",
            "properties": {"low": _NUMBER_SCHEMA, "high": _NUMBER_SCHEMA},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}


class KpiStatement(Model):
    """One place where the document states targets for an indicator."""

    source: Source
    targets: Annotated[
        dict[Year, Annotated[Target, WithJsonSchema(TARGET_SCHEMA)]], BeforeValidator(_year_keys)
    ]


class Kpi(Model):
    id: Key
    label: Text
    unit: Text = Field(description="percent, enterprises, classes per year…")
    kind: Literal["percent", "count"]
    direction: Literal["higher", "lower"]
    statements: list[KpiStatement] = Field(min_length=1)


class Counted(Model):
    """Rows of one appendix that are information-security spending in full."""

    appendix: AppendixId
    groups: list[Key] = Field(default=[], description="groups whose rows count in full")
    rows: list[Key] = Field(default=[], description="further rows (ids) that count in full")


class SecurityPolicy(Model):
    min_share_percent: Annotated[Number, Field(ge=0, le=100)]
    scopes: list[Literal["year", "period", "project"]]
    counted: list[Counted] = Field(default=[], description="what counts as security spending in full")
    include_attt_amounts: bool = Field(
        default=True, description="also count the attt column of projects not counted in full"
    )
    denominator: list[AppendixId] | None = Field(
        default=None, description="appendices whose funding is the base of the share; none: every appendix"
    )
    source: Source | None = None


class Figure(Model):
    """A figure of the narrative exactly as printed (Vietnamese notation: 16.661, 40,85)."""

    printed: Text
    label: Text | None = None
    notation: Literal["vi", "en"] = Field(
        default="vi", description="how the figure is printed: vi (1.963; 40,85) or en (95.63)"
    )
    source: Source | None = Field(default=None, description="where, when not at the claim's place")

    @model_validator(mode="after")
    def _readable(self) -> Figure:
        self.value  # noqa: B018 - raises on a figure that is not a number
        return self

    @property
    def value(self) -> Decimal:
        text = self.printed.strip().removesuffix("%").strip()
        try:
            return parse_decimal(text, self.notation)
        except NumberError as exc:
            refusal = Message("model.figure.unreadable", printed=repr(self.printed), problem=exc.message)
            raise Invalid(refusal) from exc

    @property
    def decimals(self) -> int:
        """The precision as printed: digits after the decimal comma."""
        text = self.printed.strip().removesuffix("%")
        mark = "," if self.notation == "vi" else "."
        return len(text.split(mark, 1)[1]) if mark in text else 0


class Claim(Model):
    """An arithmetic claim of the narrative: a total and its parts, or a percentage and its counts."""

    id: Key
    label: Text
    kind: Literal["total", "ratio"]
    source: Source
    total: Figure | None = None
    parts: list[Figure] = []
    numerator: Figure | None = None
    denominator: Figure | None = None
    percent: Figure | None = None

    @model_validator(mode="after")
    def _complete(self) -> Claim:
        if self.kind == "total" and (self.total is None or len(self.parts) < 1):
            raise Invalid(Message("model.claim.total"))
        if self.kind == "ratio" and (
            self.numerator is None or self.denominator is None or self.percent is None
        ):
            raise Invalid(Message("model.claim.ratio"))
        return self


class Agency(Model):
    id: Key
    name: Text
    aliases: list[Text] = []
    parent: Key | None = None

    def match_keys(self) -> set[str]:
        return {name_key(self.name), *(name_key(a) for a in self.aliases)}


class PlanFile(Model):
    """The root of ``plan.yaml`` (schema version 2; version 1 files are read by upgrading them)."""

    schema_version: Literal[2] = 2
    identity: Identity
    csv_number_format: NumberFormat | None = Field(
        default=None,
        description="how the CSV files write amounts: plain (20200), vi (20.200) or en (20,200); the same "
        "as csv: {number_format: …}",
    )
    csv: CsvFormat | None = Field(
        default=None, description="how the CSV files are written (an appendix's own csv overrides it)"
    )
    language: Literal["en", "vi"] | None = Field(
        default=None,
        description="the language reports on this plan are written in (vi or en) when neither --lang nor "
        "PLAN272_LANG says; default en",
    )
    appendices: list[Appendix] = Field(min_length=1)
    grand_total: GrandTotal | None = None
    kpis: list[Kpi] = []
    claims: list[Claim] = Field(default=[], description="arithmetic claims of the narrative (Part I)")
    security_policy: SecurityPolicy | None = None
    agencies: list[Agency] = []

    @field_validator("appendices")
    @classmethod
    def _distinct(cls, appendices: list[Appendix]) -> list[Appendix]:
        # findings and reports name an appendix by its id and names, its file holds its rows
        for attribute in ("id", "file", "name", "name_en"):
            values = [getattr(a, attribute) for a in appendices]
            for index, value in enumerate(values):
                if value is not None and values.index(value) != index:
                    taken = Message(
                        "model.appendix.taken",
                        value=repr(value),
                        attribute=attribute,
                        other=values.index(value),
                    )
                    raise Invalid(taken, at=f"appendices.{index}.{attribute}")
        return appendices

    @field_validator("csv")
    @classmethod
    def _one_number_format(cls, csv: CsvFormat | None, info: ValidationInfo) -> CsvFormat | None:
        other = info.data.get("csv_number_format")
        if csv is not None and csv.number_format and other and csv.number_format != other:
            message = Message("load.plan.csv-twice", first=repr(other), second=repr(csv.number_format))
            raise Invalid(message, at="csv.number_format")
        return csv

    @property
    def notation(self) -> Notation | None:
        """The plan-wide number notation, where declared (``None``: detected per column)."""
        return (self.csv.number_format if self.csv else None) or self.csv_number_format

    def csv_format(self, appendix: Appendix) -> CsvFormat:
        """How ``appendix``'s file is written: its own declaration, else the plan's."""
        plan = (self.csv or CsvFormat()).model_copy(update={"number_format": self.notation})
        return (appendix.csv or CsvFormat()).over(plan)

    def appendix(self, appendix_id: str) -> Appendix | None:
        return next((a for a in self.appendices if a.id == appendix_id), None)


# ---------------------------------------------------------------------------------------------
# Rows of the appendices: light typed objects (slotted, frozen dataclasses), built by the CSV
# loader from cells its typed readers have read (a count or an amount is an ``int`` by then, a
# text a ``str``), never from user dicts; the plan holds them as a whole. A row costs a few hundred
# bytes rather than a model instance's dictionaries: a plan of a million rows fits in memory.

#: shared by every row without further columns, with every cell readable
_NO_COLUMNS: dict[str, int] = {}
_NONE_UNREADABLE: frozenset[str] = frozenset()
#: the cells a row keeps as written, beside its typed values (fields of :class:`Row`)
EXTRA_COLUMNS = ("description", "source_line")


class Years(Mapping[int, int]):
    """A row's amounts by year, read-only: the plan's years (one tuple, shared by every row of a
    table) and the row's amounts (a tuple) — about 140 bytes a row, where a dict takes 240. It is
    a mapping like a dict (``get``, ``[year]``, ``in``, iteration, ``==`` with a dict);
    :meth:`values` and :meth:`items` are tuples, for the rules' loops over a million rows."""

    __slots__ = ("amounts", "years")

    def __init__(self, years: tuple[int, ...], amounts: tuple[int, ...]) -> None:
        if len(years) != len(amounts):
            raise ValueError(f"{len(years)} years, {len(amounts)} amounts")
        self.years = years
        self.amounts = amounts

    def __getitem__(self, year: int) -> int:
        try:
            return self.amounts[self.years.index(year)]
        except ValueError:
            raise KeyError(year) from None

    def get(self, year: int, default: Any = None) -> Any:
        try:
            return self.amounts[self.years.index(year)]
        except ValueError:
            return default

    def __contains__(self, year: object) -> bool:
        return year in self.years

    def __iter__(self) -> Iterator[int]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    def keys(self) -> tuple[int, ...]:  # type: ignore[override]
        return self.years

    def values(self) -> tuple[int, ...]:  # type: ignore[override]
        return self.amounts

    def items(self) -> tuple[tuple[int, int], ...]:  # type: ignore[override]
        return tuple(zip(self.years, self.amounts, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Years) and self.years == other.years:
            return self.amounts == other.amounts
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls)


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A row of an appendix: its id, group, number, name, total and yearly amounts in the period."""

    appendix: str
    id: str
    section: str
    tt: int | None
    name: str
    total: int
    #: the amounts by year (:class:`Years` as loaded; any mapping of year to amount)
    years: Mapping[int, int]
    columns: dict[str, int] = field(default_factory=lambda: _NO_COLUMNS)
    note: str | None = None
    agency_id: str | None = None
    location: Location
    unreadable: frozenset[str] = _NONE_UNREADABLE
    #: cells kept as written, neither checked nor summed: what the project is (a project's or a
    #: line's) and its line in the published text. Fields, not a dict: a dict a row is 180 bytes
    description: str | None = None
    source_line: str | None = None

    kind: ClassVar[Kind]
    #: the CSV column holding the row's total (``tmdt`` for a project) and its name
    total_field: ClassVar[str] = "total"
    name_field: ClassVar[str] = "name"

    @property
    def in_period(self) -> int:
        """The row's yearly amounts added up: what it allocates inside the plan's period."""
        return sum(self.years.values())

    @property
    def extra(self) -> dict[str, str]:
        """The cells kept as written (``description``, ``source_line``) that the row has."""
        return {k: v for k in EXTRA_COLUMNS if (v := getattr(self, k))}

    @property
    def amount_fields(self) -> frozenset[str]:
        """The columns holding the row's money: its total, each year, each further column."""
        return frozenset({self.total_field, *(f"y{y}" for y in self.years), *self.columns})


@dataclass(frozen=True, slots=True, kw_only=True)
class Project(Row):
    """A project: an investor (chủ đầu tư), a total investment (TMĐT), maybe its security part."""

    kind: ClassVar[Kind] = "projects"
    total_field: ClassVar[str] = "tmdt"
    investor: str
    attt: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit(Row):
    """A unit funded by head count."""

    kind: ClassVar[Kind] = "units"
    name_field: ClassVar[str] = "unit"
    staff: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Line(Row):
    """A plain budget line (training, a recurring task)."""

    kind: ClassVar[Kind] = "lines"


_RowT = TypeVar("_RowT", bound=Row)
_T = TypeVar("_T")


def assemble(cls: type[_RowT], values: Sequence[Any]) -> _RowT:
    """A row of ``cls`` from the values of its fields, in their order (:func:`dataclasses.fields`):
    its slots set one by one, as pickle rebuilds an object — not through the frozen dataclass's
    ``__init__``, which sets each field with a call of ``object.__setattr__`` (the loader builds a
    million rows). The caller gives every field a value of its type: the loader's typed readers do
    (``tests/test_rows_typed.py``)."""
    (row,) = assemble_all(cls, (values,))
    return row


def assemble_all(cls: type[_RowT], rows: Iterable[Sequence[Any]]) -> list[_RowT]:
    """:func:`assemble` of each of ``rows`` (each of exactly the class's fields; a row of more or
    fewer is a ``ValueError``)."""
    builder = _BUILDERS.get(cls)
    if builder is None:
        builder = _BUILDERS[cls] = _builder(cls)
    return cast(list[_RowT], builder(rows))


#: by class, a function that assembles rows: the slots set one after the other, written out
_BUILDERS: dict[type[Row], Callable[[Iterable[Sequence[Any]]], list[Row]]] = {}


def _builder(cls: type[Row]) -> Callable[[Iterable[Sequence[Any]]], list[Row]]:
    return slot_builder(cls, [f.name for f in fields(cls)])


def slot_builder(cls: type[_T], names: Sequence[str]) -> Callable[[Iterable[Sequence[Any]]], list[_T]]:
    """A function that makes objects of ``cls`` (a class with slots) from values of the slots
    ``names``, in that order: each object's slots set one after the other, as pickle rebuilds an
    object — not through its ``__init__`` (a frozen dataclass's sets each field with a call of
    ``object.__setattr__``, and checks nothing more) — in one loop written once for the class, from
    its own slot count (a million rows). The caller gives values that ``__init__`` would accept."""
    setters = tuple(getattr(cls, name).__set__ for name in names)  # the slots', in order
    count = len(setters)
    values = [f"v{i}" for i in range(count)]
    calls = "; ".join(f"s{i}(made, v{i})" for i in range(count))
    source = (
        f"def build(rows, new, cls, {', '.join(f's{i}' for i in range(count))}):\n"
        "    out = []\n"
        f"    for {', '.join(values)}, in rows:\n"
        f"        made = new(cls); {calls}\n"
        "        out.append(made)\n"
        "    return out\n"
    )
    space: dict[str, Any] = {}
    exec(source, space)  # only names of this module's making: v0…, s0…
    build = space["build"]
    return lambda rows: build(rows, object.__new__, cls, *setters)


#: :class:`Years` from (years, amounts) pairs of equal lengths, and
#: :class:`~plan272.problems.Location` from (file, line, field) triples (:func:`slot_builder`)
years_of = slot_builder(Years, ("years", "amounts"))
locations_of = slot_builder(Location, ("file", "line", "field"))


class Plan(Model):
    """Everything loaded: plan.yaml and the rows of each appendix, by appendix id."""

    meta: PlanFile
    tables: dict[str, tuple[Row, ...]]
    #: appendices (ids) that could not be read completely: a missing or unusable file, rows left
    #: out, or amount cells that could not be read. Totals over them would be wrong, so the rules
    #: that need them say they could not check.
    incomplete: frozenset[str] = frozenset()

    @property
    def years(self) -> tuple[int, ...]:
        return self.meta.identity.period.years

    @property
    def appendices(self) -> list[Appendix]:
        return self.meta.appendices

    def rows(self, appendix_id: str) -> tuple[Row, ...]:
        return self.tables.get(appendix_id, ())

    def all_rows(self) -> tuple[Row, ...]:
        return tuple(row for appendix in self.appendices for row in self.rows(appendix.id))

    def appendix(self, appendix_id: str) -> Appendix | None:
        return self.meta.appendix(appendix_id)

    def agency(self, agency_id: str | None) -> Agency | None:
        for agency in self.meta.agencies:
            if agency.id == agency_id:
                return agency
        return None
