"""``load_plan(directory)``: the typed plan built from everything that could be read, and every
located problem found on the way. Loading never stops at the first problem and never raises on bad
input.

plan.yaml is read first: it names the appendices, their files and the kind of their rows; each
appendix file is then read as its kind requires.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any, cast

from plan272.gcpause import paused
from plan272.load.csvfile import (
    CellReader,
    Notice,
    Reading,
    Record,
    Table,
    read_table,
    separator_word,
    separator_yaml,
)
from plan272.load.files import LIMITS, Directory, Limits, Source, read_csv, read_text
from plan272.load.grouping import GroupedProblem, group_cells
from plan272.load.notation import settle
from plan272.load.upgrade import Spelling, is_version_1, spell, upgrade
from plan272.load.yamlfile import Path_, load_yaml
from plan272.messages import Amount, Invalid, Message
from plan272.model import (
    _NO_COLUMNS,
    KIND_COLUMNS,
    TOTAL_COLUMN,
    Agency,
    Appendix,
    CsvFormat,
    Kind,
    Line,
    Plan,
    PlanFile,
    Project,
    Row,
    Unit,
    assemble_all,
    locations_of,
    years_of,
)
from plan272.names import ID_PATTERN, name_key
from plan272.numbers import MAX_WHOLE_DIGITS, Notation
from plan272.problems import Location, Problem
from plan272.provenance import Provenance

PLAN_FILE = "plan.yaml"
_YEAR_COLUMN = re.compile(r"y(\d{4})")


@dataclass
class LoadResult:
    """The plan (``None`` when plan.yaml could not be read into the model), the problems, where
    every loaded value stands (:class:`~plan272.provenance.Provenance`), and what the loader
    detected because plan.yaml did not declare it (:class:`~plan272.load.csvfile.Notice`: the
    separator of a file, the notation of a column)."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)
    notices: list[Notice] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        """Nothing could be checked as designed: a file could not be read at all, or plan.yaml could
        not be turned into the model (the rules then cannot run)."""
        return self.plan is None or any(p.fatal for p in self.problems)


_SUBPATH = re.compile(r"([a-z_]+\.\d+(?:\.[a-z_]+(?:\.\d+)?)*): (.*)", re.DOTALL)


def _pydantic_problems(
    errors: list[Any], file: str, lines: dict[Path_, int], spell: Callable[[Path_], str] | None = None
) -> list[Problem]:
    problems = []
    for error in errors:
        loc = tuple(e for e in error["loc"] if not str(e).startswith("function-"))
        message: str | Message = _pydantic_message(error)
        # a validator of a list names the item it is about ("splits.0.parts.1: …"): locate that
        refusal = error.get("ctx", {}).get("error")
        at = refusal.at if isinstance(refusal, Invalid) else ""
        if not at and isinstance(message, str):
            found = _SUBPATH.fullmatch(message)
            if found:
                at, message = found.group(1), found.group(2)
        if at and loc and at.split(".")[0] == str(loc[-1]):
            extra = at.split(".")[1:]
            loc = (*loc, *(int(e) if e.isdigit() else e for e in extra))
        path: tuple[str | int, ...] = ()
        for element in loc:
            for candidate in (element, str(element)):
                if (*path, candidate) in lines:
                    path = (*path, candidate)
                    break
            else:
                if isinstance(element, str) and element.isdigit() and (*path, int(element)) in lines:
                    path = (*path, int(element))
        probe = path
        while probe and probe not in lines:
            probe = probe[:-1]
        field_path = spell(loc) if spell else ".".join(str(e) for e in loc)
        kind = error["type"]
        raw = error.get("input")
        # a whole mapping or list is no value to show: the message and the field say what is wrong
        value = None if kind == "missing" or isinstance(raw, dict | list) else _short(raw)
        problems.append(Problem(Location(file, lines.get(probe, 1), field_path or None), message, value))
    return problems


def _pydantic_message(error: Any) -> str | Message:
    """The words of a pydantic error: a validator's :class:`~plan272.messages.Invalid` carries its
    own message; pydantic's own kinds of error have catalogue keys (``pydantic.<type>``, with the
    error's context as arguments); anything else keeps pydantic's English text."""
    from plan272.catalogue import CATALOGUE

    refusal = error.get("ctx", {}).get("error")
    if isinstance(refusal, Invalid):
        return refusal.message
    key = f"pydantic.{error['type']}"
    if key in CATALOGUE:
        context: dict[str, str | int] = {name: _context_arg(v) for name, v in error.get("ctx", {}).items()}
        bound = context.get("min_length", context.get("max_length"))
        if bound is not None:
            context["s"] = "" if bound == 1 else "s"
        return Message(key, **context)
    return str(error["msg"]).removeprefix("Value error, ")


def _context_arg(value: Any) -> str | int:
    """An argument of a pydantic error's context as a message argument: a bound as written."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def _short(value: Any) -> str:
    # a Decimal shows as written in plan.yaml ("20.200"), not as Python's "Decimal('20.200')"
    text = value if isinstance(value, str) else str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass
class _Meta:
    """plan.yaml as read: the model (or ``None``), the raw data, lines, problems, kept items."""

    meta: PlanFile | None
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kept: dict[str, tuple[int, ...]] = field(default_factory=dict)
    spelling: Spelling = field(default_factory=dict)


def _read_meta(source: Source) -> _Meta:
    from pydantic import ValidationError

    file = source.display(PLAN_FILE)
    text, problems = read_text(source, PLAN_FILE)
    if text is None:
        return _Meta(None, problems=problems)
    data, lines, problems = load_yaml(text, file)
    if data is None and not problems:  # "---", "~" or "null": a document without values
        return _Meta(
            None, None, lines, [Problem(Location(file, 1), Message("load.plan.no-values"), fatal=True)]
        )
    if data is None:
        return _Meta(None, None, lines, problems)
    if not isinstance(data, dict):
        return _Meta(
            None, None, lines, [*problems, Problem(Location(file, 1), Message("load.plan.not-a-mapping"))]
        )
    spelling: Spelling = {}
    if is_version_1(data):
        data, lines, spelling = upgrade(data, lines)

    def spelled(path: Path_) -> str:
        return spell(path, spelling)

    # Validate; where the errors are confined to unknown keys or to single targets or claims, drop
    # those parts (each reported) and check the rest of the plan rather than nothing.
    reported = {p.location.field for p in problems}
    current: Any = data
    kept: dict[str, list[int]] = {}  # for each pruned list, the original index of each kept item
    meta: PlanFile | None = None
    for _ in range(10):
        try:
            meta = PlanFile.model_validate(current)
            break
        except ValidationError as exc:
            # error paths index the pruned lists: take them back to the file's own indexes
            errors = [{**e, "loc": _original(tuple(e["loc"]), kept)} for e in exc.errors(include_url=False)]
            found = _pydantic_problems(errors, file, lines, spelled)
            pruned = _prune(current, exc.errors(include_url=False), kept)
            for problem in found:
                if problem.location.field in reported:
                    continue  # already reported by the YAML reader (a forbidden tag, an octal…)
                reported.add(problem.location.field)
                problems.append(problem)
            if pruned is None:
                return _Meta(None, data, lines, problems, spelling=spelling)
            current = pruned
    if meta is None:
        return _Meta(None, data, lines, problems, spelling=spelling)
    problems = [_with_note(p, kept) for p in problems]
    problems.extend(_check_registry(meta, file, lines, kept))
    kept_items = {key: tuple(value) for key, value in kept.items()}
    return _Meta(meta, data, lines, problems, kept_items, spelling)


def _original(loc: tuple[Any, ...], kept: dict[str, list[int]]) -> tuple[Any, ...]:
    if len(loc) > 1 and loc[0] in kept and isinstance(loc[1], int):
        return (loc[0], kept[loc[0]][loc[1]], *loc[2:])
    return loc


_DROPPABLE = ("kpis", "claims")


def _prune(data: Any, errors: list[Any], kept: dict[str, list[int]]) -> Any | None:
    """``data`` without the parts the errors are about, or ``None`` when an error is elsewhere.
    ``kept`` records, for each list pruned, the original index of every item it keeps."""
    import copy

    pruned = copy.deepcopy(data)
    drop: dict[str, set[int]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            parent: Any = pruned
            for element in loc[:-1]:
                try:
                    parent = parent[element]
                except (KeyError, IndexError, TypeError):
                    parent = None
                    break
            if isinstance(parent, dict) and loc[-1] in parent:
                del parent[loc[-1]]
                continue
        if len(loc) >= 2 and loc[0] in _DROPPABLE and isinstance(loc[1], int):
            drop.setdefault(str(loc[0]), set()).add(loc[1])
            continue
        return None
    for key, indexes in drop.items():
        items = pruned.get(key)
        if isinstance(items, list):
            original = kept.get(key, list(range(len(items))))
            kept[key] = [original[i] for i in range(len(items)) if i not in indexes]
            pruned[key] = [item for i, item in enumerate(items) if i not in indexes]
    return pruned


def _with_note(problem: Problem, kept: dict[str, list[int]]) -> Problem:
    """Say what became of the value a problem is about: an unknown key is ignored; a target or
    claim that could not be read is left out of the checks (whichever reader found the problem)."""
    from dataclasses import replace

    head = (problem.location.field or "").split(".")
    if isinstance(problem.message, Message) and problem.message.key == "pydantic.extra_forbidden":
        return replace(problem, message=Message("load.ignored", problem=problem.message))
    if len(head) > 1 and head[0] in kept and head[1].isdigit() and int(head[1]) not in kept[head[0]]:
        return replace(
            problem, message=Message("load.left-out", problem=problem.message, item=f"{head[0]}.{head[1]}")
        )
    return problem


def _check_registry(
    meta: PlanFile, file: str, lines: dict[Path_, int], kept: dict[str, list[int]]
) -> list[Problem]:
    """Ids of indicators, claims and agencies are unique — as a reader sees them (case, width and
    invisible characters aside: :func:`~plan272.names.fold`); a registered name belongs to one
    agency."""
    from plan272.names import fold

    problems = []
    listed: list[tuple[str, list[str]]] = [
        ("kpis", [k.id for k in meta.kpis]),
        ("claims", [c.id for c in meta.claims]),
    ]
    for key, item_ids in listed:
        seen: dict[str, str] = {}
        for position, item_id in enumerate(item_ids):
            index = kept[key][position] if key in kept else position  # the file's own index
            where = Location(file, lines.get((key, index)), f"{key}.{index}.id")
            if fold(item_id) in seen:
                other = seen[fold(item_id)]
                same = "" if other == item_id else Message("load.registry.same-as", other=repr(other))
                problems.append(Problem(where, Message("load.registry.duplicate-id", same=same), item_id))
            seen.setdefault(fold(item_id), item_id)
    owner: dict[str, str] = {}
    ids: set[str] = set()
    for index, agency in enumerate(meta.agencies):
        where = Location(file, lines.get(("agencies", index)), f"agencies.{index}")
        if fold(agency.id) in ids:
            problems.append(Problem(where, Message("load.registry.duplicate-agency"), agency.id))
        ids.add(fold(agency.id))
        for key in agency.match_keys():
            if key in owner and owner[key] != agency.id:
                message = Message("load.registry.name-taken", agency=repr(owner[key]))
                problems.append(Problem(where, message, agency.name))
            owner.setdefault(key, agency.id)
    return problems


def _years_from_header(table: Table) -> list[int]:
    return sorted(int(m.group(1)) for h in table.header if (m := _YEAR_COLUMN.fullmatch(h)))


def _agency_index(agencies: list[Agency]) -> dict[str, str]:
    index: dict[str, str] = {}
    for agency in agencies:
        for key in agency.match_keys():
            index.setdefault(key, agency.id)
    return index


@dataclass(frozen=True)
class _Spec:
    """What reading one appendix file needs: from the model, or guessed from plan.yaml's raw data
    when plan.yaml could not be modelled (so that the file's own problems are still reported)."""

    id: str
    file: str
    kind: Kind
    columns: tuple[str, ...] = ()
    grouped: bool = True
    csv: CsvFormat = field(default_factory=CsvFormat)

    @classmethod
    def of(cls, appendix: Appendix, meta: PlanFile) -> _Spec:
        return cls(
            appendix.id,
            appendix.file,
            appendix.kind,
            tuple(c.id for c in appendix.columns),
            bool(appendix.groups),
            meta.csv_format(appendix),
        )

    def number_columns(self, years: list[int]) -> list[str]:
        """The amount columns, which a notation applies to: the total, the years, the further
        columns and a project's ``attt`` (counts — ``tt``, ``staff`` — are plain digits always)."""
        own = ["attt"] if self.kind == "projects" else []
        return [TOTAL_COLUMN[self.kind], *(f"y{y}" for y in years), *self.columns, *own]


def _specs_from_data(data: Any) -> list[_Spec]:
    """The appendix files plan.yaml names, read from its raw data (best effort)."""
    from pydantic import TypeAdapter, ValidationError

    from plan272.model import FileName

    files = TypeAdapter(FileName)
    formats = TypeAdapter(CsvFormat | None)
    specs: list[_Spec] = []
    if not isinstance(data, dict):
        return specs
    try:  # how every file is written; a file is not read by a declaration that cannot be read
        plan_wide = formats.validate_python(data.get("csv")) or CsvFormat()
        number_format = data.get("csv_number_format")
        if number_format in ("plain", "vi", "en") and plan_wide.number_format is None:
            plan_wide = plan_wide.model_copy(update={"number_format": number_format})
    except ValidationError:
        return specs
    items = data.get("appendices")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("kind") not in KIND_COLUMNS:
            continue
        try:
            file = files.validate_python(item.get("file"))
            own = formats.validate_python(item.get("csv")) or CsvFormat()
        except ValidationError:
            continue
        if any(s.file == file for s in specs):
            continue
        raw = item.get("columns")
        columns = raw if isinstance(raw, list) else []
        ids = tuple(c["id"] for c in columns if isinstance(c, dict) and isinstance(c.get("id"), str))
        grouped = bool(item.get("groups"))
        specs.append(_Spec(str(item.get("id", file)), file, item["kind"], ids, grouped, own.over(plan_wide)))
    return specs


def _read_rows(
    source: Source, spec: _Spec, years: list[int] | None
) -> tuple[Table | None, list[int], list[Problem]]:
    text, problems = read_csv(source, spec.file, spec.csv.encoding)
    if text is None:
        return None, [], problems
    required, optional = (list(c) for c in KIND_COLUMNS[spec.kind])
    if not spec.grouped:  # a table without groups may leave the section column out
        required.remove("section")
        optional.append("section")
    year_columns = [f"y{y}" for y in years] if years else []
    table, more = read_table(
        text,
        source.display(spec.file),
        required + year_columns + list(spec.columns),
        optional,
        None if years else _YEAR_COLUMN,
        source.limits.max_rows,
        spec.csv.separator,
    )
    problems.extend(more)
    if table is not None and not years:
        years = _years_from_header(table)
    return table, years or [], problems


#: what :meth:`_Plain.read` gives: id, section, tt, name, investor, staff, the amounts (total, the
#: years, the further columns), attt, note
PlainCells = tuple[str, str, int | None, str, str, int, list[int], int | None, str | None]


class _Plain:
    """The cells of a row as the common row writes them — an id, its group, its name (and
    investor), plain ASCII digits for its number, counts and amounts, an empty or plain ``attt`` —
    read typed in one step; :meth:`read` gives ``None`` for a row with any other cell, which the
    full reader (:class:`~plan272.load.csvfile.CellReader`) then reads, with its problems. A plain
    cell reads the same in every notation, so the two readings agree wherever both read (a test
    compares them)."""

    def __init__(
        self,
        kind: Kind,
        grouped: bool,
        name_field: str,
        amount_columns: list[str],
    ) -> None:
        self.kind, self.grouped = kind, grouped
        self.name_field, self.amount_columns = name_field, amount_columns
        self.index: Mapping[str, int] | None = None
        # amounts a plan repeats (round figures: 500, 1,000, 20,000) kept once, not once a cell
        self.numbers: dict[int, int] = {}

    def _layout(self, index: Mapping[str, int], width: int) -> None:
        """Where each cell is in a record of ``width`` cells (every record of a table has its
        header's width); a column the file lacks: the "" put after the cells."""
        self.index = index
        names = ("id", "section", "tt", self.name_field, "investor", "staff", "attt", "note")
        extra = ("description", "source_line")
        self.positions = [index.get(c, width) for c in (*names, *self.amount_columns, *extra)]
        self.pick = operator.itemgetter(*self.positions[: -len(extra)])

    def read(self, record: Record) -> PlainCells | None:
        if record.index is not self.index:
            self._layout(record.index, len(record.values))
        cells: tuple[str, ...] = self.pick((*record.values, ""))  # every cell wanted, in one call
        identifier, section, tt, name, investor, staff_raw, attt_raw, note = cells[:8]
        raw = cells[8:]
        if not (name and ID_PATTERN.fullmatch(identifier) and (section or not self.grouped)):
            return None
        if not (_whole((tt,)) and _whole(raw)):  # the number and every amount: plain digits
            return None
        staff, attt = 0, cast(int | None, None)
        if self.kind == "projects":
            if not investor or (attt_raw and not _whole((attt_raw,))):
                return None
            attt = int(attt_raw) if attt_raw else None
        elif self.kind == "units":
            if not _whole((staff_raw,)):
                return None
            staff = int(staff_raw)
        if self.kind != "projects":
            investor = ""
        share = self.numbers.setdefault
        amounts = [share(n, n) for n in map(int, raw)]
        return identifier, section, int(tt), name, investor, staff, amounts, attt, note or None


_NONE: frozenset[str] = frozenset()

_LINE = operator.attrgetter("line")


def _whole_batch(rows: list[Row], count: int) -> list[Row]:
    """``rows``, checked to be one a record (the columns zipped with endless ones stop at the
    shortest: a short column would drop rows silently)."""
    if len(rows) != count:
        raise AssertionError(f"internal error: {len(rows)} rows built of {count} records")
    return rows


#: records read together, column by column, when every one is a common row (:meth:`_Builder.batch`)
BATCH_ROWS = 512


def _whole(column: Sequence[str]) -> bool:
    """Every cell of ``column`` plain ASCII digits, none empty, none longer than a whole amount may
    be — as :meth:`_Plain.read` tests a cell, in three calls for the column."""
    joined = "".join(column)
    return (
        joined.isdigit()
        and joined.isascii()
        and min(map(len, column)) > 0
        and max(map(len, column)) <= MAX_WHOLE_DIGITS
    )


def _read_fully(
    cells: CellReader, kind: Kind, grouped: bool, name_field: str, amount_columns: list[str]
) -> PlainCells:
    """A row's cells read one by one (in the order of the file's columns, so are its problems),
    each that cannot be read a problem of ``cells`` and a usable stand-in (0, ``None``, "")."""
    identifier = cells.identifier("id")
    section = cells.text("section") if grouped else cells.optional_text("section") or ""
    tt = cells.count("tt")
    name = cells.text(name_field)
    investor, staff = "", 0
    if kind == "projects":
        investor = cells.text("investor")
    elif kind == "units":
        staff = cells.count("staff") or 0
    amounts = [cells.amount(c) for c in amount_columns]
    attt = cells.optional_amount("attt") if kind == "projects" else None
    return identifier, section, tt, name, investor, staff, amounts, attt, cells.optional_text("note")


#: how many rows that are not read in one step (:class:`_Plain`) wait, kept, for the notation their
#: table's cells settle (:func:`~plan272.load.notation.settle`); past it, they are read again from
#: the text once the notation is known, so that memory stays a small constant per row
KEPT_ODD_ROWS = 10_000


class _Builder:
    """Builds the rows of one table, as typed objects: the common row in one step
    (:class:`_Plain`), any other cell by cell (:class:`~plan272.load.csvfile.CellReader`), each
    cell it cannot read a problem of :attr:`problems`."""

    def __init__(self, appendix: _Spec, file: str, years: list[int], agencies: dict[str, str]) -> None:
        self.appendix, self.file, self.agencies = appendix, file, agencies
        self.years = tuple(years)  # shared by every row's Years
        self.kind: Kind = appendix.kind
        self.name_field = "unit" if self.kind == "units" else "name"
        self.further = appendix.columns
        self.amount_columns = [TOTAL_COLUMN[self.kind], *(f"y{y}" for y in years), *appendix.columns]
        self.plain = _Plain(self.kind, appendix.grouped, self.name_field, self.amount_columns)
        self.problems: list[Problem] = []
        # texts many rows repeat (a group, an investor, a note mark) are kept once, not once a row
        self.texts: dict[str, str] = {}

    def batch(self, records: list[Record]) -> list[Row] | None:
        """The rows of ``records`` when every one is a common row (:class:`_Plain` would read each),
        read column by column — each check and conversion one call over a column, not one a cell
        — and built as :meth:`row` builds them; else ``None``, and each is read on its own."""
        plain, first = self.plain, records[0]
        if first.index is not plain.index:
            plain._layout(first.index, len(first.values))
        if any(r.index is not plain.index for r in records):
            return None
        blank = ("",) * len(records)
        table = list(zip(*(r.values for r in records), strict=True))
        cells = [table[k] if k < len(table) else blank for k in plain.positions]
        ids, sections, tts, names, investors, staffs, attts, notes = cells[:8]
        raw, descriptions, source_lines = cells[8:-2], cells[-2], cells[-1]
        projects, units = self.kind == "projects", self.kind == "units"
        if not (all(names) and all(map(ID_PATTERN.fullmatch, ids))):
            return None
        if (plain.grouped and not all(sections)) or not all(map(_whole, (tts, *raw))):
            return None
        attt_given = [a for a in attts if a] if projects else []
        if projects and (not all(investors) or (attt_given and not _whole(attt_given))):
            return None
        if units and not _whole(staffs):
            return None
        numbers = plain.numbers.setdefault
        amounts = [list(map(numbers, ints, ints)) for ints in (list(map(int, column)) for column in raw)]
        return self._made(
            records,
            ids,
            sections,
            list(map(int, tts)),
            names,
            investors,
            list(map(int, staffs)) if units else None,
            amounts,
            [int(a) if a else None for a in attts] if projects else None,
            notes,
            descriptions,
            source_lines,
        )

    def _made(
        self,
        records: Sequence[Record],
        ids: Sequence[str],
        sections: Sequence[str],
        tts: Sequence[int | None],
        names: Sequence[str],
        investors: Sequence[str],
        staffs: Sequence[int] | None,
        amounts: Sequence[Sequence[int]],
        attts: Sequence[int | None] | None,
        notes: Sequence[str | None],
        descriptions: Sequence[str],
        source_lines: Sequence[str],
        unreadable: frozenset[str] = _NONE,
    ) -> list[Row]:
        """The rows of ``records`` from their typed cells, column by column (``amounts``: the
        total, each year, each further column), as they are kept: repeated texts and numbers once,
        empty texts ``None``, the investor's or unit's agency; each row's fields in their order."""
        numbers, shared, count = self.plain.numbers.setdefault, self.texts.setdefault, len(self.years)
        repeat, none, n = itertools.repeat, itertools.repeat(None), len(records)
        by_year = zip(*amounts[1 : 1 + count], strict=True) if count else repeat((), n)
        # a row's amounts, one for each of the table's years (by_year: the year columns zipped)
        years = years_of(zip(repeat(self.years), by_year, strict=False))
        further = (
            map(dict, map(functools.partial(zip, self.further), zip(*amounts[1 + count :], strict=True)))
            if self.further
            else repeat(_NO_COLUMNS)
        )
        head: list[Iterable[Any]] = [
            repeat(self.appendix.id, n), ids, list(map(shared, sections, sections)),
            [None if tt is None else numbers(tt, tt) for tt in tts], names, amounts[0], years, further,
            [shared(note, note) if note else None for note in notes],
        ]  # fmt: skip
        where = [
            locations_of(zip(repeat(self.file), map(_LINE, records), none, strict=False)),
            repeat(unreadable),
        ]
        kept = [[d or None for d in descriptions], [x or None for x in source_lines]]
        # the agency of a project's investor, of a unit itself: each name looked up once
        named = investors if self.kind == "projects" else names
        keys = {i: self.agencies.get(name_key(i)) if i else None for i in set(named)}
        if self.kind == "projects":
            agencies = list(map(keys.__getitem__, investors))
            fields = [*head, agencies, *where, *kept, map(shared, investors, investors), attts]
            return _whole_batch(assemble_all(Project, zip(*fields, strict=False)), n)
        if self.kind == "units":
            agencies = list(map(keys.__getitem__, names))
            fields = [*head, agencies, *where, none, kept[1], staffs]
            return _whole_batch(assemble_all(Unit, zip(*fields, strict=False)), n)
        fields = [*head, none, *where, *kept]
        return _whole_batch(assemble_all(Line, zip(*fields, strict=False)), n)

    def fully(self, record: Record, reading: Reading) -> Row:
        """The row of ``record`` read cell by cell in ``reading``."""
        reader = CellReader(self.file, record, reading)
        cells = _read_fully(reader, self.kind, self.appendix.grouped, self.name_field, self.amount_columns)
        if not reader.unreadable:
            return self.row(record, cells)
        self.problems.extend(reader.problems)
        return self.row(record, cells, frozenset(reader.unreadable))

    def row(self, record: Record, cells: PlainCells, unreadable: frozenset[str] = _NONE) -> Row:
        """The row of ``record`` from its typed ``cells`` (:meth:`_made` of one)."""
        identifier, section, tt, name, investor, staff, amounts, attt, note = cells
        (made,) = self._made(
            [record],
            [identifier or f"<line {record.line}>"],
            [section],
            [tt],
            [name],
            [investor] if self.kind == "projects" else [],
            [staff],
            [[amount] for amount in amounts],
            [attt],
            [note],
            [record.get("description")],
            [record.get("source_line")],
            unreadable,
        )
        return made


def _rows(
    appendix: _Spec,
    table: Table,
    file: str,
    years: list[int],
    declared: Notation | None,
    agencies: dict[str, str],
) -> tuple[list[Row], list[Problem], list[Problem], list[Notice]]:
    """The rows of ``table``, the problems of their cells, the problems of the records that could
    not be used, and the notices of the notation detected (``declared`` is plan.yaml's, if any).

    One reading of the text: the common row is built as it is read; a row written otherwise waits
    for the notation, which only such rows can settle (a plain cell reads the same in every
    notation), and is then read cell by cell — from the rows kept, or, past
    :data:`KEPT_ODD_ROWS`, from a second reading of the text."""
    build = _Builder(appendix, file, years, agencies)
    plain, row = build.plain.read, build.row
    reading = Reading(declared) if declared is not None else None
    unusable: list[Problem] = []
    out: list[Row | None] = []
    holes = 0
    waiting: list[Record] | None = []  # the rows waiting for the notation, while they are few
    # with the notation declared, this is the only reading: the text is let go as it is read
    records = table.records(unusable, last=reading is not None)
    while batch := list(itertools.islice(records, BATCH_ROWS)):
        built = build.batch(batch)  # a batch of common rows, column by column
        if built is not None:
            out += built
            continue
        for record in batch:
            cells = plain(record)
            if cells is not None:
                out.append(row(record, cells))
            elif reading is not None:
                out.append(build.fully(record, reading))
            else:
                out.append(None)
                holes += 1
                if waiting is not None and len(waiting) < KEPT_ODD_ROWS:
                    waiting.append(record)
                else:
                    waiting = None  # too many to keep: read again once the notation is known
    notices: list[Notice] = []
    if holes:
        columns = appendix.number_columns(years)
        reading, notices = settle(table.records() if waiting is None else waiting, columns, file)
        # the waiting rows, in the order they were read (or read again: the records a row is due for)
        if waiting is not None:
            rest = iter(waiting)
        else:
            rest = (r for r, done in zip(table.records(), out, strict=True) if done is None)
        for i, done in enumerate(out):
            if done is None:
                out[i] = build.fully(next(rest), reading)
    return cast(list[Row], out), build.problems, unusable, notices


#: the cells besides the amounts that totals, groups, shares or the norm depend on
_NEEDED = frozenset({"section", "attt", "staff"})


def _weight(problem: Problem) -> int:
    """How many problems ``problem`` lists: a grouped one, each of its places."""
    return len(problem.places) if isinstance(problem, GroupedProblem) else 1


def _capped(problems: list[Problem], limit: int) -> list[Problem]:
    """At most ``limit`` problems of each file, then one that says how many more there are (a
    problem that stopped the reading is always kept). Each place of a grouped problem counts as a
    problem: past the limit its list of places is cut (its count stays whole)."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.location.file] = counts.get(problem.location.file, 0) + _weight(problem)
    if all(count <= limit for count in counts.values()):
        return problems
    kept: list[Problem] = []
    listed: dict[str, int] = {}
    dropped: dict[str, tuple[int, int | None]] = {}  # file: (problems not listed, first line)
    for problem in problems:
        file = problem.location.file
        room = limit - listed.get(file, 0)
        weight = _weight(problem)
        if problem.fatal or weight <= room:
            kept.append(problem)
            listed[file] = listed.get(file, 0) + (0 if problem.fatal else weight)
            continue
        if isinstance(problem, GroupedProblem) and room > 0:
            kept.append(replace(problem, places=problem.places[:room]))
            listed[file] = limit
            rest, line = weight - room, problem.places[room].location.line
        else:
            rest, line = weight, problem.location.line
        count, first = dropped.get(file, (0, line))
        dropped[file] = (count + rest, first)
    for file, (count, line) in dropped.items():
        kept.append(
            Problem(
                Location(file, line),
                Message("load.capped", count=Amount(count), limit=Amount(limit)),
                expected=f"at most {limit:,} problems",
            )
        )
    return kept


@paused
def load_from(source: Source) -> LoadResult:
    """Load the plan whose files ``source`` gives: plan.yaml, then every appendix it declares (the
    cyclic garbage collector paused: :mod:`plan272.gcpause`)."""
    read = _read_meta(source)
    meta = read.meta
    problems = list(read.problems)
    notices: list[Notice] = []
    years = list(meta.identity.period.years) if meta else None
    agencies = _agency_index(meta.agencies) if meta else {}
    specs = [_Spec.of(a, meta) for a in meta.appendices] if meta else _specs_from_data(read.data)
    tables: dict[str, tuple[Row, ...]] = {}
    incomplete: set[str] = set()
    for spec in specs:
        table, table_years, more = _read_rows(source, spec, years)
        problems += more
        rows: list[Row] = []
        if table is not None:
            file = source.display(spec.file)
            if table.detected:
                said = Message(
                    "DAT003.separator",
                    separator=separator_word(table.separator),
                    declare=separator_yaml(table.separator),
                )
                where = Location(file, table.header_line)
                notices.append(Notice(where, said, (PurePath(file).name, "separator"), table.separator))
            # without the model (plan.yaml could not be read into it) the rows are still read, so
            # that their problems are reported; they are not checked. The records are read as the
            # rows are built, none kept.
            rows, more, unusable, found = _rows(
                spec, table, file, table_years, spec.csv.number_format, agencies
            )
            notices += found
            problems += unusable
            problems += group_cells(more)
        tables[spec.id] = tuple(rows)
        if (
            table is None
            or not table.complete
            or any(r.unreadable and r.unreadable & (r.amount_fields | _NEEDED) for r in rows)
        ):
            incomplete.add(spec.id)
    files = {"plan": source.display(PLAN_FILE), **{s.id: source.display(s.file) for s in specs}}
    provenance = Provenance(files, read.lines, read.kept, read.spelling)
    problems = _capped(problems, source.limits.max_problems)
    plan = Plan(meta=meta, tables=tables, incomplete=frozenset(incomplete)) if meta is not None else None
    return LoadResult(plan, problems, provenance, notices)


def load_plan(directory: str | Path, limits: Limits = LIMITS) -> LoadResult:
    """Load the plan in ``directory``: plan.yaml and the appendix files it declares, none read
    beyond ``limits``."""
    directory = Path(directory)
    if not directory.is_dir():
        what = Message("load.directory.not-a-directory" if directory.exists() else "load.directory.not-found")
        return LoadResult(None, [Problem(Location(directory.as_posix()), what, fatal=True)])
    return load_from(Directory(directory, limits))
