"""The typed plan: pydantic models for ``plan.yaml`` and the rows of both appendices.

Pure data, no I/O. Amounts are whole million VND (``int``); shares and targets are ``Decimal``.
Nothing is ever a float.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from plan272.names import name_key, nfc
from plan272.numbers import Notation, NumberError, parse_amount, parse_decimal
from plan272.problems import Location


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("an amount must be a whole number of million VND, not true/false")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("negative amount: amounts cannot be below zero")
        return value
    if isinstance(value, Decimal):
        raise ValueError(
            "ambiguous number: a value with a decimal point is not a whole amount "
            "(20.200 could be 20.2 or, in Vietnamese notation, 20200); write plain digits"
        )
    if isinstance(value, str):
        try:
            return parse_amount(value)
        except NumberError as exc:
            if any(ch in value for ch in ".,"):
                raise ValueError(
                    "ambiguous number: write amounts in plan.yaml as plain digits (20200, not "
                    "20.200 or 20,200)"
                ) from exc
            raise ValueError(str(exc)) from exc
    if isinstance(value, float):  # never produced by our loader; reject if built by hand
        raise ValueError("floats are not accepted for amounts; use an integer")
    return value


def _decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("a number is required, not true/false")
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _text(value: Any) -> Any:
    return nfc(value) if isinstance(value, str) else value


Money = Annotated[int, BeforeValidator(_money), Field(ge=0, description="million VND")]
Number = Annotated[Decimal, BeforeValidator(_decimal)]
Text = Annotated[str, BeforeValidator(_text)]
Year = Annotated[int, Field(ge=1900, le=2200)]


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
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end + 1))


class Identity(Model):
    number: Text
    title: Text
    province: Text
    issuer: Text
    date: dt.date
    signer: Text
    signer_title: Text | None = None
    period: Period
    amount_unit: Literal["million VND"] = "million VND"
    source: Source | None = None


class Declared(Model):
    """Totals a table prints: the overall total and one per year."""

    total: Money
    years: dict[Year, Money]
    source: Source | None = None


class Group(Model):
    id: Text
    title: Text
    declared: Declared | None = None
    source: Source | None = None


class Appendix1(Model):
    title: Text | None = None
    groups: list[Group]
    declared: Declared
    source: Source | None = None


class UnitNote(Model):
    """The meaning of a mark (``*``) on an Appendix II unit, from the notes under the table."""

    mark: Text
    unit: Text = Field(description="id of the unit the note explains")
    summary: Text
    source: Source | None = None


class Norm(Model):
    per_staff_per_year: Money = Field(description="million VND per staff member per year")
    unmarked: Literal["equal"] = "equal"
    marked: Literal["at_least"] = "at_least"
    source: Source | None = None


class Appendix2(Model):
    title: Text | None = None
    groups: list[Group]
    declared: Declared
    norm: Norm
    notes: list[UnitNote] = []
    source: Source | None = None


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
    id: Text
    label: Text
    appendix: Literal[1, 2]


class GrandTotal(StatedAmount):
    parts: list[GrandPart]


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
                raise ValueError("a range is written [low, high]")
            return {"low": data[0], "high": data[1]}
        if isinstance(data, str):
            raise ValueError("a target is a number, a range [low, high] or a bound {min: x}, not text")
        if isinstance(data, dict) and ("min" in data or "max" in data):
            extra = set(data) - {"min", "max"}
            if extra:
                raise ValueError(f"unknown keys {sorted(extra)}: use min and/or max")
            return {"low": data.get("min"), "high": data.get("max")}
        return data

    @model_validator(mode="after")
    def _some_bound(self) -> Target:
        if self.low is None and self.high is None:
            raise ValueError("a target needs a value, a range or a bound")
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
    targets: dict[Year, Annotated[Target, WithJsonSchema(TARGET_SCHEMA)]]


class Kpi(Model):
    id: Text
    label: Text
    unit: Text = Field(description="percent, enterprises, classes per year…")
    kind: Literal["percent", "count"]
    direction: Literal["higher", "lower"]
    statements: list[KpiStatement] = Field(min_length=1)


class SecurityPolicy(Model):
    min_share_percent: Annotated[Number, Field(ge=0, le=100)]
    scopes: list[Literal["year", "period", "project"]]
    counted_groups: list[Text] = Field(description="Appendix I groups whose projects count whole")
    counted_projects: list[Text] = []
    include_attt_amounts: bool = Field(
        default=True, description="also count the attt column of projects outside those groups"
    )
    denominator: list[Literal["appendix1", "appendix2"]] = ["appendix1", "appendix2"]
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
            raise ValueError(f"figure {self.printed!r}: {exc}") from exc

    @property
    def decimals(self) -> int:
        """The precision as printed: digits after the decimal comma."""
        text = self.printed.strip().removesuffix("%")
        mark = "," if self.notation == "vi" else "."
        return len(text.split(mark, 1)[1]) if mark in text else 0


class Claim(Model):
    """An arithmetic claim of the narrative: a total and its parts, or a percentage and its counts."""

    id: Text
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
            raise ValueError("a total claim needs `total` and at least one of `parts`")
        if self.kind == "ratio" and (
            self.numerator is None or self.denominator is None or self.percent is None
        ):
            raise ValueError("a ratio claim needs `numerator`, `denominator` and `percent`")
        return self


class Agency(Model):
    id: Text
    name: Text
    aliases: list[Text] = []
    parent: Text | None = None

    def match_keys(self) -> set[str]:
        return {name_key(self.name), *(name_key(a) for a in self.aliases)}


class PlanFile(Model):
    """The root of ``plan.yaml``."""

    schema_version: Literal[1] = 1
    identity: Identity
    csv_number_format: Literal["plain", "vi", "en"] = "plain"
    appendix1: Appendix1
    appendix2: Appendix2
    grand_total: GrandTotal
    kpis: list[Kpi] = []
    claims: list[Claim] = Field(default=[], description="arithmetic claims of the narrative (Part I)")
    security_policy: SecurityPolicy
    agencies: list[Agency] = []

    @property
    def notation(self) -> Notation:
        return self.csv_number_format


# ---------------------------------------------------------------------------------------------
# Rows of the appendices (built by the CSV loader, not validated from user dicts)


class Row(Model):
    id: str
    section: str
    tt: int | None
    name: str
    years: dict[int, int]
    note: str | None = None
    agency_id: str | None = None
    location: Location
    unreadable: frozenset[str] = frozenset()
    extra: dict[str, str] = {}

    #: the column holding the row's total ("tmdt" for a project, "total" for a unit)
    total_field: ClassVar[str] = ""

    @property
    def amount(self) -> int:
        """The row's total: TMĐT of a project, the five-year total of a unit."""
        return int(getattr(self, self.total_field))

    @property
    def amount_fields(self) -> frozenset[str]:
        """The columns holding the row's money: its total and each year."""
        return frozenset({self.total_field, *(f"y{y}" for y in self.years)})


class Project(Row):
    """A row of Appendix I."""

    total_field: ClassVar[str] = "tmdt"
    investor: str
    tmdt: int
    attt: int | None = None


class Unit(Row):
    """A row of Appendix II."""

    total_field: ClassVar[str] = "total"
    staff: int
    total: int


class Plan(Model):
    """Everything loaded: plan.yaml, both appendices, and where each plan.yaml value stands."""

    meta: PlanFile
    projects: tuple[Project, ...]
    units: tuple[Unit, ...]
    files: dict[str, str] = Field(description="role -> file name: plan, appendix1, appendix2")
    yaml_lines: dict[tuple[str | int, ...], int] = {}
    #: appendices ("appendix1", "appendix2") that could not be read completely: a missing or
    #: unusable file, rows left out, or amount cells that could not be read. Totals over them
    #: would be wrong, so the rules that need them say they could not check.
    incomplete: frozenset[str] = frozenset()
    #: for a plan.yaml list some items of which were left out (kpis, claims): the file's own index
    #: of each item kept, so that findings name the place in the file, not in the shortened list
    yaml_kept: dict[str, tuple[int, ...]] = {}

    @property
    def years(self) -> tuple[int, ...]:
        return self.meta.identity.period.years

    def yaml_location(self, *path: str | int) -> Location:
        """The location of a plan.yaml value, falling back to its nearest enclosing key."""
        if (
            len(path) > 1
            and isinstance(path[0], str)
            and path[0] in self.yaml_kept
            and isinstance(path[1], int)
        ):
            path = (path[0], self.yaml_kept[path[0]][path[1]], *path[2:])
        field = ".".join(str(p) for p in path)
        probe = tuple(path)
        while probe and probe not in self.yaml_lines:
            probe = probe[:-1]
        return Location(self.files["plan"], self.yaml_lines.get(probe), field or None)

    def left_out(self, key: str) -> tuple[int, ...]:
        """The file's indexes of the ``key`` items (kpis, claims) the loader had to leave out."""
        if key not in self.yaml_kept:
            return ()
        present = {p[1] for p in self.yaml_lines if len(p) == 2 and p[0] == key and isinstance(p[1], int)}
        return tuple(sorted(present - set(self.yaml_kept[key])))

    def agency(self, agency_id: str | None) -> Agency | None:
        for agency in self.meta.agencies:
            if agency.id == agency_id:
                return agency
        return None
