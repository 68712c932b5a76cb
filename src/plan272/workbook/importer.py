"""From a workbook's sheets to the plan's CSV records: ``import_workbook(sheets, plan, existing)``.

For each appendix plan.yaml declares, the importer finds its sheet (``--sheet``, else by the
appendix's printed name — ``Phụ lục I``, ``PL1``, ``Appendix I`` — in the sheet's name or in its
title rows), then in that sheet:

- the header: the first of the first 20 rows that titles the name column and two more, with the
  rows under it that continue it (``Dự kiến nhu cầu bố trí vốn`` over ``2021 … 2025``; merged
  cells hold their title in their first cell) and a row of column numbers (``(1) (2) (3)``);
  each title mapped to a column of the plan (:mod:`plan272.workbook.titles`);
- the rows: blank spacer rows skipped; a group row (``I`` / ``HẠ TẦNG MẠNG``, or ``I. HẠ TẦNG
  MẠNG`` merged across) opens a section; a total row (``TỔNG CỘNG``, at the top or at the bottom)
  and the amounts of a group row are the declared totals proposed for plan.yaml — printed, never
  written into it; a row with an id, a number or an amount is a row of the table; the notes under
  a table that explain its marks (``* …``) are left to plan.yaml; any other text is a stray row;
- the cells: numbers as numbers (whole, not negative, in million VND), text through the plan's
  number reader (``csv_number_format``), a formula by the value Excel saved with it.

Every cell that cannot be placed is a :class:`Remark` in ``problems``, located (``'Phụ lục
I'!B12``) with what was expected and what was found; what is worth knowing but wrong with nothing
is a remark in ``notes``. Nothing is guessed: an empty yearly cell is 0 as in the document, and
nothing else is filled in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from plan272.messages import Amount, Each, Message, ids
from plan272.model import KIND_COLUMNS, TOTAL_COLUMN, Appendix, Declared, PlanFile
from plan272.names import fold, id_problem, name_key, nfc
from plan272.numbers import Notation, NumberError, check_size, parse_amount
from plan272.workbook.cells import Sheet, Value
from plan272.workbook.csvfiles import CsvTable, Style, csv_bytes, declared_style
from plan272.workbook.places import Place
from plan272.workbook.titles import (
    Vocabulary,
    appendix_key,
    is_column_numbers,
    is_total,
    looks_like_group_number,
    loose,
    printed_titles,
    read_title,
    split_numbered,
    unit_line,
    unit_of,
    vocabulary,
)

#: the rows searched for the header
HEADER_ROWS = 20
#: rows under the header row that may continue it
HEADER_DEPTH = 3
#: rows at the top of a sheet searched for the appendix's printed name
TITLE_ROWS = 10


@dataclass(frozen=True)
class Remark:
    """Something found reading a workbook: a stable ``code`` (machines and tests read it), where,
    what (a catalogue message) and the value as the cell holds it."""

    code: str
    place: Place
    message: Message
    value: str | None = None


@dataclass
class Proposal:
    """Totals a table prints (a total row, a group row's amounts): proposed for plan.yaml's
    ``declared``, beside what plan.yaml declares there now."""

    appendix: str
    group: str | None
    place: Place
    label: str
    total: int | None = None
    years: dict[int, int] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    uncalculated: list[Place] = field(default_factory=list)
    current: Declared | None = None
    title: str | None = None  # a group row: its title as printed
    current_title: str | None = None  # plan.yaml's title of the group (None: not declared)

    @property
    def empty(self) -> bool:
        return self.total is None and not self.years and not self.columns

    def differs(self) -> bool:
        """Whether a figure the table prints differs from plan.yaml's (or plan.yaml has none), or
        a group is new or titled otherwise."""
        if self.group is not None and self.current_title is None:
            return True
        if (
            self.title is not None
            and self.current_title is not None
            and loose(self.title) != loose(self.current_title)
        ):
            return True
        if self.empty:
            return False
        current = self.current
        if current is None:
            return True
        if self.total is not None and self.total != current.total:
            return True
        if any(current.years.get(y) != v for y, v in self.years.items()):
            return True
        return any(current.columns.get(c) != v for c, v in self.columns.items())


@dataclass
class Table:
    """One appendix read from its sheet: the CSV header and records, where each cell came from, the
    ids given to rows without one, the columns kept from the existing file, the totals proposed."""

    appendix: Appendix
    sheet: str
    header: list[str] = field(default_factory=list)
    records: list[dict[str, str]] = field(default_factory=list)
    places: list[dict[str, Place]] = field(default_factory=list)
    rows: list[Place] = field(default_factory=list)
    given: list[tuple[str, Place, str]] = field(default_factory=list)  # id, row, how ("name"/"number")
    kept: list[str] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    first_row: int = 0
    last_row: int = 0
    style: Style = field(default_factory=Style)

    def csv_bytes(self) -> bytes:
        """The file's bytes, written as the existing file is (or as plan.yaml declares a new one)."""
        return csv_bytes(self.header, self.records, self.style)


@dataclass
class ImportResult:
    tables: list[Table] = field(default_factory=list)
    problems: list[Remark] = field(default_factory=list)
    notes: list[Remark] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Which sheet holds which appendix


def choose_sheets(
    sheets: Sequence[Sheet], meta: PlanFile, chosen: dict[str, str]
) -> tuple[dict[str, Sheet], list[Remark], list[Remark]]:
    """The sheet of each appendix: ``chosen`` (appendix id -> sheet name, from ``--sheet``), else
    the one sheet named like the appendix (``Phụ lục I``, ``PL1``, its id, its file), else the one
    whose first rows print its name or title. Two candidates are a problem (choose with
    ``--sheet``); an appendix with no sheet, and a sheet of no appendix, are notes."""
    problems: list[Remark] = []
    notes: list[Remark] = []
    by_title = {s.title: s for s in sheets}
    out: dict[str, Sheet] = {}
    taken: set[str] = set()
    ambiguous: set[str] = set()
    for appendix_id, title in chosen.items():
        out[appendix_id] = by_title[title]
        taken.add(title)
    for appendix in meta.appendices:
        if appendix.id in out:
            continue
        names = {appendix_key(n) for n in (appendix.name, appendix.name_en, appendix.id) if n}
        names.add(loose(appendix.file.removesuffix(".csv")))
        named = [s for s in sheets if s.title not in taken and appendix_key(s.title) in names]
        if not named:
            printed = {appendix_key(n) for n in (appendix.name, appendix.name_en) if n}
            if appendix.title:
                printed.add(loose(appendix.title))
            named = [s for s in sheets if s.title not in taken and _prints(s, printed)]
        if len(named) == 1:
            out[appendix.id] = named[0]
            taken.add(named[0].title)
        elif len(named) > 1:
            sheets_named = ids([s.title for s in named])
            message = Message("workbook.sheet.ambiguous", appendix=appendix.name, sheets=sheets_named)
            problems.append(Remark("sheet-ambiguous", Place(named[1].title), message))
            ambiguous.add(appendix.id)
    if not out and len(meta.appendices) == 1 and len(sheets) == 1 and not problems:
        out[meta.appendices[0].id] = sheets[0]
        taken.add(sheets[0].title)
    for appendix in meta.appendices:
        if appendix.id not in out and appendix.id not in ambiguous:
            notes.append(
                Remark(
                    "no-sheet",
                    Place(),
                    Message("workbook.note.no-sheet", appendix=appendix.name, file=appendix.file),
                )
            )
    for sheet in sheets:
        if sheet.title not in taken and sheet.rows:
            notes.append(Remark("sheet-skipped", Place(sheet.title), Message("workbook.note.sheet-skipped")))
    return out, problems, notes


def _prints(sheet: Sheet, keys: set[str]) -> bool:
    for row in range(1, TITLE_ROWS + 1):
        for value in sheet.rows.get(row, {}).values():
            if value.kind == "text" and (appendix_key(value.text) in keys or loose(value.text) in keys):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# One sheet


@dataclass
class _Rows:
    """The rows below the header, sorted: the table's rows (sheet row, group, cells by column),
    the total row, the first row of each group, and the cells of the table's rows no column of the
    plan takes (by sheet column)."""

    records: list[tuple[int, str, dict[str, Value]]] = field(default_factory=list)
    total: Proposal | None = None
    groups: dict[str, Proposal] = field(default_factory=dict)
    unplaced: dict[int, list[Place]] = field(default_factory=dict)
    ungrouped: list[Place] = field(default_factory=list)
    notes: list[Place] = field(default_factory=list)  # the notes under the table


@dataclass
class _Header:
    row: int  # the header's first row
    last: int  # its last row (a row of column numbers included)
    columns: dict[int, str]  # sheet column -> CSV column
    cells: dict[str, Place]  # CSV column -> its title's cell
    unknown: dict[int, tuple[Place, str]]  # sheet column -> the title no column of the plan has


def import_workbook(
    sheets: Sequence[Sheet],
    meta: PlanFile,
    existing: dict[str, CsvTable | None],
    chosen: dict[str, str] | None = None,
) -> ImportResult:
    """Read the appendices of ``meta`` from ``sheets``. ``existing``: each appendix's CSV file as it
    is now (or ``None``), from which rows without an id get theirs (by name) and columns the
    workbook does not print are kept."""
    result = ImportResult()
    assignment, problems, notes = choose_sheets(sheets, meta, chosen or {})
    result.problems += problems
    result.notes += notes
    for sheet in sheets:
        if sheet.stopped_at is not None:
            where = Place(sheet.title, sheet.stopped_at, 1)
            result.problems.append(Remark("limit", where, Message("workbook.problem.rows")))
    for appendix in meta.appendices:
        chosen_sheet = assignment.get(appendix.id)
        if chosen_sheet is None:
            continue
        reader = _SheetReader(chosen_sheet, appendix, meta, existing.get(appendix.id))
        table = reader.read()
        result.problems += reader.problems
        result.notes += reader.notes
        if table is not None:
            result.tables.append(table)
    return result


class _SheetReader:
    def __init__(self, sheet: Sheet, appendix: Appendix, meta: PlanFile, existing: CsvTable | None) -> None:
        self.sheet = sheet
        self.appendix = appendix
        self.meta = meta
        self.existing = existing
        self.years = list(meta.identity.period.years)
        self.notation: Notation = meta.csv_format(appendix).number_format or "plain"
        self.problems: list[Remark] = []
        self.notes: list[Remark] = []
        printed = {
            column: [message.render("en"), message.render("vi")]
            for column, message in printed_titles(appendix, self.years[0], self.years[-1]).items()
        }
        self.words: Vocabulary = vocabulary(appendix, self.years, printed)
        self.name_column = "unit" if appendix.kind == "units" else "name"
        self.total_column = TOTAL_COLUMN[appendix.kind]
        self.amount_columns = [
            self.total_column,
            *(f"y{y}" for y in self.years),
            *(c.id for c in appendix.columns),
        ]
        self.group_ids = {fold(g.id): g.id for g in appendix.groups}
        self.group_titles = {loose(g.title): g.id for g in appendix.groups}

    def place(self, row: int, column: int) -> Place:
        return Place(self.sheet.title, row, column)

    def problem(self, code: str, row: int, column: int, message: Message, value: str | None = None) -> None:
        self.problems.append(Remark(code, self.place(row, column), message, value))

    # --- the header ---------------------------------------------------------------------------

    def header(self) -> _Header | None:
        """The header: its rows, each sheet column's CSV column, the titles that name nothing."""
        start = self._header_row()
        if start is None:
            titles = printed_titles(self.appendix, self.years[0], self.years[-1])
            expected = Each((titles[self.name_column], titles[self.total_column]), "and")
            message = Message("workbook.problem.no-header", rows=HEADER_ROWS, titles=expected)
            self.problem("no-header", 1, 1, message)
            return None
        band = [start]
        for row in range(start + 1, start + 1 + HEADER_DEPTH):
            if not self._continues(row):
                break
            band.append(row)
        header = _Header(start, band[-1], {}, {}, {})
        for column in sorted({c for r in band for c in self.sheet.rows.get(r, {})}):
            self._column(header, band, column)
        following = list(self.sheet.rows.get(header.last + 1, {}).values())
        shown = [v.shown() for v in following]
        if is_column_numbers(shown) and len(set(shown)) == len(shown):
            header.last += 1
        for row in range(1, start):  # the unit the title rows name
            for column, value in self.sheet.rows.get(row, {}).items():
                found = unit_line(value.text) if value.kind == "text" else None
                if found is not None and found[0] == "other":
                    message = Message("workbook.problem.unit", unit=found[1])
                    self.problem("unit", row, column, message, value.text)
        return header

    def _header_row(self) -> int | None:
        """The first of the first rows that titles the name column and two more."""
        for row in range(1, HEADER_ROWS + 1):
            texts = [t for v in self.sheet.rows.get(row, {}).values() if (t := _title_text(v)) is not None]
            titled = {c for t in texts if (c := read_title(t, self.words).column) is not None}
            if self.name_column in titled and len(titled) >= 3:
                return row
        return None

    def _column(self, header: _Header, band: list[int], column: int) -> None:
        """What one sheet column of the header titles: the lowest title of the band that names a
        column of the plan (a year under ``Dự kiến nhu cầu bố trí vốn``), else nothing."""
        chosen: tuple[int, str] | None = None
        untitled: tuple[int, str] | None = None
        for row in band:
            value = self.sheet.value(row, column)
            text = _title_text(value)
            if text is None:
                if value is not None and untitled is None:
                    untitled = (row, value.shown())
                continue
            title = read_title(text, self.words)
            if title.unit is not None and unit_of(loose(title.unit)) == "other":
                self.problem(
                    "unit", row, column, Message("workbook.problem.unit", unit=title.unit), str(text)
                )
            if title.column is not None:
                chosen = (row, title.column)
            elif untitled is None:
                untitled = (row, str(text))
        if chosen is None:
            if untitled is not None:
                header.unknown[column] = (self.place(untitled[0], column), untitled[1])
            return
        row, name = chosen
        if (
            name.startswith("y")
            and name[1:].isascii()
            and name[1:].isdigit()
            and int(name[1:]) not in self.years
        ):
            year = int(name[1:])
            message = Message(
                "workbook.problem.year-outside", year=year, start=self.years[0], end=self.years[-1]
            )
            self.problem("column-year", row, column, message, name[1:])
            header.unknown[column] = (self.place(row, column), name[1:])
        elif name in header.cells:
            message = Message("workbook.problem.column-twice", first=str(header.cells[name].cell))
            self.problem("column-twice", row, column, message)
            header.unknown[column] = (self.place(row, column), name)
        else:
            header.columns[column] = name
            header.cells[name] = self.place(row, column)

    def _continues(self, row: int) -> bool:
        values = self.sheet.rows.get(row, {})
        if not values:
            return False
        titled = False
        for value in values.values():
            text = _title_text(value)
            if text is None:
                return False
            if isinstance(text, str) and (is_total(text) or looks_like_group_number(text)):
                return False  # a total row or a group row right under the header
            if isinstance(text, int) and not 1900 <= text <= 2200:
                return False  # a number that is no year: a row of the table
            if read_title(text, self.words).column is not None:
                titled = True
        return titled

    # --- the rows -----------------------------------------------------------------------------

    def read(self) -> Table | None:
        header = self.header()
        if header is None or self._missing(header):
            return None
        style = self.existing.style if self.existing is not None else declared_style(self.meta, self.appendix)
        table = Table(self.appendix, self.sheet.title, first_row=header.last + 1, style=style)
        rows = self._rows(header)
        self._unplaced(header, rows.unplaced)
        self._cells(table, rows.records, header)
        self._ids(table)
        self._columns(table, header)
        table.last_row = rows.records[-1][0] if rows.records else header.last
        found = [*([rows.total] if rows.total else []), *rows.groups.values()]
        for proposal in sorted(found, key=lambda p: p.place):
            if not proposal.empty or proposal.differs():
                table.proposals.append(proposal)
            if proposal.uncalculated:
                message = Message("workbook.note.uncalculated", count=len(proposal.uncalculated))
                self.notes.append(Remark("total-uncalculated", proposal.place, message, proposal.label))
        self.problems.sort(key=lambda r: (r.place.row, r.place.column))
        self.notes.sort(key=lambda r: (r.place.row, r.place.column))
        return table

    def _missing(self, header: _Header) -> bool:
        """Whether the header lacks a column the plan's rows need (each one a problem)."""
        required = [c for c in KIND_COLUMNS[self.appendix.kind][0] if c not in ("id", "section")]
        required += [f"y{y}" for y in self.years] + [c.id for c in self.appendix.columns]
        titles = printed_titles(self.appendix, self.years[0], self.years[-1])
        further = {c.id: c.title for c in self.appendix.columns}
        missing = [c for c in required if c not in header.cells]
        for name in missing:
            title: Message | str = titles.get(name) or further.get(name) or name.removeprefix("y")
            message = Message("workbook.problem.column-missing", column=name, title=title)
            self.problem("column-missing", header.row, 1, message)
        return bool(missing)

    def _rows(self, header: _Header) -> _Rows:
        """Each row below the header: a group row, a total row, a row of the table, a note under
        the table, or a stray row (a problem)."""
        out = _Rows()
        by_column = {name: column for column, name in header.columns.items()}
        fills = self._merges(header)
        section = ""
        note_row = -1
        for row in range(header.last + 1, self.sheet.last_row + 1):
            values = {**fills.get(row, {}), **self.sheet.rows.get(row, {})}
            if not values:
                continue
            mapped = {header.columns[c]: v for c, v in values.items() if c in header.columns}
            has_amounts = any(name in mapped for name in self.amount_columns)
            row_id = mapped.get("id")
            labelled = self._label(values, by_column)
            label = labelled[1] if labelled else ""
            if row_id is None and label and is_total(label):
                proposal = self._proposal(row, values, header, label, None)
                if out.total is not None:
                    message = Message("workbook.problem.total-twice", first=str(out.total.place.cell))
                    self.problem("total-twice", row, labelled[0] if labelled else 1, message, label)
                else:
                    proposal.current = self.appendix.declared
                    out.total = proposal
                continue
            group = self._group(mapped, label, has_amounts) if row_id is None else None
            if group is not None:
                section, title = group
                proposal = self._proposal(row, values, header, title, section)
                declared = next((g for g in self.appendix.groups if g.id == section), None)
                proposal.current = declared.declared if declared else None
                proposal.current_title = declared.title if declared else None
                proposal.title = title
                if section not in out.groups or (out.groups[section].empty and not proposal.empty):
                    out.groups[section] = proposal
                continue
            first = min(values)
            text = values[first].shown()
            marked = any(text.lstrip().startswith(m.mark) for m in self.appendix.marks)
            if row_id is None and not has_amounts and (marked or note_row == row - 1):
                # the notes under the table that explain its marks, and the lines that go on with them
                out.notes.append(self.place(row, first))
                note_row = row
                continue
            named = self.name_column in mapped
            if row_id is not None or has_amounts or (named and ("tt" in mapped or "section" in mapped)):
                if not section and "section" not in mapped and self.appendix.groups:
                    out.ungrouped.append(self.place(row, first))
                out.records.append((row, section, mapped))
                for column in values:
                    if column not in header.columns:
                        out.unplaced.setdefault(column, []).append(self.place(row, column))
                continue
            self.problem("stray", row, first, Message("workbook.problem.stray"), text)
        if out.notes:  # one note for the notes under the table
            first_note, last_note = out.notes[0], out.notes[-1]
            message = Message("workbook.note.mark", first=first_note.row, last=last_note.row)
            self.notes.append(Remark("mark-note", first_note, message))
        if out.ungrouped:  # one problem for the rows above the first group row, not one each
            count = len(out.ungrouped)
            message = Message("workbook.problem.no-group", count=count, s="" if count == 1 else "s")
            self.problems.append(Remark("no-group", out.ungrouped[0], message))
        return out

    def _unplaced(self, header: _Header, unplaced: dict[int, list[Place]]) -> None:
        """Cells of the table's rows in columns the plan has not: one problem for a column whose
        title names nothing of the plan, one per cell in a column without a title."""
        reported = {p.place for p in self.problems if p.code in ("column-year", "column-twice")}
        for column, places in sorted(unplaced.items()):
            if column in header.unknown:
                where, title = header.unknown[column]
                if where not in reported:
                    count = Amount(len(places))
                    message = Message(
                        "workbook.problem.column-unknown", count=count, first=str(places[0].cell)
                    )
                    self.problems.append(Remark("column-unknown", where, message, title))
                continue
            for place in places:
                cell = self.sheet.value(place.row, place.column)
                shown = cell.shown() if cell is not None else None
                self.problems.append(Remark("no-title", place, Message("workbook.problem.no-title"), shown))

    def _label(self, values: dict[int, Value], by_column: dict[str, int]) -> tuple[int, str] | None:
        """The first text of the row left of the first amount column (its number and name)."""
        limit = min((by_column[c] for c in self.amount_columns if c in by_column), default=10**9)
        for column in sorted(values):
            if column >= limit:
                break
            value = values[column]
            if value.kind == "text" and value.text.strip():
                return column, nfc(value.text.strip())
        return None

    def _group(self, mapped: dict[str, Value], label: str, has_amounts: bool) -> tuple[str, str] | None:
        """``(group id, title)`` when the row opens a group: its number is a group plan.yaml declares
        (and its title is that group's, or it has no amounts), or it prints a group's title alone,
        or a group number and a title with no amounts (a group plan.yaml does not declare)."""
        number = mapped.get("tt")
        number_text = number.shown().strip().rstrip(".") if number is not None else ""
        name = mapped.get(self.name_column)
        title = nfc(name.text.strip()) if name is not None and name.kind == "text" else ""
        if number_text and (title or looks_like_group_number(number_text)):
            numbered = looks_like_group_number(number_text)
            declared = self.group_ids.get(fold(number_text))
            if declared is not None:
                # a group numbered 1, 2… is told from a row numbered alike by its title or no amounts
                if numbered or not has_amounts or self.group_titles.get(loose(title)) == declared:
                    return declared, title
                return None
            if numbered and title and not has_amounts:
                return number_text, title
            return None
        if not label:
            return None
        # a group's title alone, or its number and title in one cell merged across: "I. HẠ TẦNG MẠNG"
        if loose(label) in self.group_titles:
            return self.group_titles[loose(label)], label
        split = split_numbered(label)
        if split is not None:
            group_id, group_title = split
            declared = self.group_ids.get(fold(group_id))
            if declared is not None and (
                not has_amounts or self.group_titles.get(loose(group_title)) == declared
            ):
                return declared, group_title
            if declared is None and not has_amounts:
                return group_id, group_title
        return None

    def _proposal(
        self, row: int, values: dict[int, Value], header: _Header, label: str, group: str | None
    ) -> Proposal:
        proposal = Proposal(self.appendix.id, group, self.place(row, min(values)), label)
        further = {c.id for c in self.appendix.columns}
        for column, value in values.items():
            name = header.columns.get(column)
            if name is None or name not in self.amount_columns:
                continue
            if value.kind == "formula":
                proposal.uncalculated.append(self.place(row, column))
                continue
            amount = self._amount(row, column, value)
            if amount is None:
                continue
            if name == self.total_column:
                proposal.total = amount
            elif name in further:
                proposal.columns[name] = amount
            else:
                proposal.years[int(name[1:])] = amount
        return proposal

    def _merges(self, header: _Header) -> dict[int, dict[int, Value]]:
        """Values a merged range shows in the rows below its first: in a text column the same
        value in each row, as the sheet shows it. An amount merged over several rows is a problem
        (which row holds the amount?)."""
        fills: dict[int, dict[int, Value]] = {}
        for first_row, first_column, last_row, _ in self.sheet.merges:
            if last_row <= first_row or first_row <= header.last:
                continue
            value = self.sheet.value(first_row, first_column)
            if value is None:
                continue
            if header.columns.get(first_column) in self.amount_columns:
                where = Place(self.sheet.title, first_row, first_column, last_row, first_column)
                message = Message("workbook.problem.merged", rows=last_row - first_row + 1)
                self.problems.append(Remark("merged", where, message, value.shown()))
                continue
            for row in range(first_row + 1, last_row + 1):
                fills.setdefault(row, {})[first_column] = value
        return fills

    # --- the cells ----------------------------------------------------------------------------

    def _cells(self, table: Table, records: list[tuple[int, str, dict[str, Value]]], header: _Header) -> None:
        amounts = {*self.amount_columns, "staff", "attt"}
        zero_when_empty = {f"y{y}" for y in self.years} | {c.id for c in self.appendix.columns}
        required = {"tt", self.name_column, self.total_column, "staff"}
        if self.appendix.kind == "projects":
            required.add("investor")
        by_column = {name: column for column, name in header.columns.items()}
        for row, section, cells in records:
            record: dict[str, str] = {"section": section}
            places: dict[str, Place] = {}
            for name, column in by_column.items():
                value = cells.get(name)
                places[name] = self.place(row, column)
                if value is None:
                    if name in zero_when_empty:
                        record[name] = "0"  # an empty cell of the document's table is 0
                    elif name in required:
                        self.problem("empty", row, column, Message("workbook.problem.empty", column=name))
                    if name != "section":
                        record.setdefault(name, "")
                    continue
                if name in amounts:
                    amount = self._amount(row, column, value)
                    record[name] = "" if amount is None else str(amount)
                else:
                    text = self._text(row, column, value) or ""
                    if name != "section" or text:
                        record[name] = text
            if self.appendix.marks and not record.get("note"):
                self._split_mark(record, places)
            table.records.append(record)
            table.places.append(places)
            table.rows.append(self.place(row, min(by_column.values())))

    def _split_mark(self, record: dict[str, str], places: dict[str, Place]) -> None:
        """A unit printed with its mark glued to its name (``Văn phòng UBND tỉnh*``), as the
        document prints it: the mark goes to the note column, as the CSV files keep it."""
        name = record.get(self.name_column, "")
        for mark in sorted((m.mark for m in self.appendix.marks), key=len, reverse=True):
            rest = name[: -len(mark)].rstrip() if name.endswith(mark) else ""
            if rest and not rest.endswith(mark[-1]):
                record[self.name_column] = rest
                record["note"] = mark
                places.setdefault("note", places[self.name_column])
                return

    def _amount(self, row: int, column: int, value: Value) -> int | None:
        """The whole, non-negative amount a cell holds, or ``None`` and a problem."""
        if value.kind == "formula":
            self.problem("formula", row, column, Message("workbook.problem.formula"), value.text or None)
            return None
        if value.kind == "text":
            try:
                return parse_amount(value.text, self.notation)
            except NumberError as exc:
                self.problem(
                    "number",
                    row,
                    column,
                    Message("workbook.problem.text-number", problem=exc.message, notation=self.notation),
                    value.text,
                )
                return None
        if value.kind != "number" or value.number is None:
            self._refuse(row, column, value, "workbook.problem.date")
            return None
        number = value.number
        if value.scaled is not None:
            self.problem(
                "unit", row, column, Message("workbook.problem.scaled", format=value.scaled), value.shown()
            )
            return None
        try:
            check_size(number)
        except NumberError as exc:
            self.problem("number", row, column, exc.message, value.shown())
            return None
        if number < 0:
            self.problem("number", row, column, Message("load.number.negative"), value.shown())
            return None
        if number != number.to_integral_value():
            self.problem("number", row, column, Message("workbook.problem.not-whole"), value.shown())
            return None
        return int(number)

    def _text(self, row: int, column: int, value: Value) -> str | None:
        """The text a cell holds, a number written as its digits (``2021``, ``1.5``)."""
        if value.kind == "text":
            return nfc(value.text.strip())
        if value.kind == "number" and value.number is not None:
            number = value.number
            if number == number.to_integral_value():
                return str(int(number))
            return f"{number.normalize():f}"
        if value.kind == "formula":
            self.problem("formula", row, column, Message("workbook.problem.formula"), value.text or None)
            return None
        self._refuse(row, column, value, "workbook.problem.date-text")
        return None

    def _refuse(self, row: int, column: int, value: Value, date: str) -> None:
        """The problem of a cell holding an error value, a date (worded by ``date``) or a boolean
        where a number or a text belongs."""
        key = {"error": "workbook.problem.error", "date": date, "bool": "workbook.problem.bool"}[value.kind]
        self.problem(value.kind, row, column, Message(key), value.text)

    # --- ids and the columns the workbook does not print ----------------------------------------

    def _ids(self, table: Table) -> None:
        """Rows without an id take the id of the existing file's row of the same name (each id
        once); the rest get ``GROUP.TT`` (``TT`` in a table without groups), or ``GROUP.TTa``,
        ``GROUP.TTb``… when that is taken — never an id of the existing file, which would make a
        new row look like an old one."""
        seen: dict[str, Place] = {}
        for record, where in zip(table.records, table.rows, strict=True):
            row_id = record.get("id", "")
            if not row_id:
                continue
            if fold(row_id) in seen:
                message = Message("workbook.problem.id-twice", first=str(seen[fold(row_id)].cell))
                self.problems.append(Remark("id-twice", where, message, row_id))
            seen.setdefault(fold(row_id), where)
        taken = set(seen)
        free: dict[str, list[str]] = {}
        for old in self.existing.records if self.existing is not None else []:
            old_id = old.get("id", "")
            taken.add(fold(old_id))
            if old_id and fold(old_id) not in seen:
                free.setdefault(name_key(old.get(self.name_column, "")), []).append(old_id)
        given: dict[int, tuple[str, str]] = {}
        for index, record in enumerate(table.records):  # first every row whose name the file has
            candidates = free.get(name_key(record.get(self.name_column, "")), [])
            if not record.get("id") and candidates:
                given[index] = (candidates.pop(0), "name")
        for index, record in enumerate(table.records):
            if record.get("id") or index in given:
                continue
            number = record.get("tt", "")
            made = f"{record['section']}.{number}" if record.get("section") else number
            for suffix in ("", *"abcdefghijklmnopqrstuvwxyz"):
                if fold(made + suffix) not in taken:
                    made += suffix
                    break
            if not number or id_problem(made) is not None or fold(made) in taken:
                where = table.rows[index]
                self.problems.append(Remark("id", where, Message("workbook.problem.no-id", made=made or "—")))
                continue
            given[index] = (made, "number")
            taken.add(fold(made))
        for index, (row_id, how) in sorted(given.items()):
            table.records[index]["id"] = row_id
            table.given.append((row_id, table.rows[index], how))

    def _columns(self, table: Table, header: _Header) -> None:
        """The CSV header: the existing file's order, then any new column in the plan's order; the
        optional columns the workbook does not print kept from the existing file, row by row."""
        optional = list(KIND_COLUMNS[self.appendix.kind][1])
        printed = set(header.cells)
        grouped = bool(self.appendix.groups) or any(r.get("section") for r in table.records)
        if self.existing is not None and "section" in self.existing.header:
            grouped = True
        kept = [
            c
            for c in optional
            if c not in printed and self.existing is not None and c in self.existing.header
        ]
        if kept and self.existing is not None:
            old = self.existing.by_id()
            for record in table.records:
                before = old.get(record.get("id", ""), {})
                for column in kept:
                    if not record.get(column):
                        record[column] = before.get(column, "")
            table.kept = kept
        present = {"id", "section"} if grouped else {"id"}
        present |= printed | set(kept) | {c for c in optional if any(r.get(c) for r in table.records)}
        canonical = [
            c
            for c in [
                *KIND_COLUMNS[self.appendix.kind][0],
                *(f"y{y}" for y in self.years),
                *(c.id for c in self.appendix.columns),
                *optional,
            ]
            if c in present
        ]
        order = [c for c in self.existing.header if c in present] if self.existing is not None else []
        for index, column in enumerate(canonical):  # a new column goes after the one before it
            if column not in order:
                earlier = [c for c in canonical[:index] if c in order]
                order.insert(order.index(earlier[-1]) + 1 if earlier else 0, column)
        table.header = order
        for record in table.records:
            for column in order:
                record.setdefault(column, "")


def _title_text(value: Value | None) -> str | int | None:
    """A header cell as a title: its text, or a whole number (a year typed as a number)."""
    if value is None:
        return None
    if value.kind == "text":
        return value.text
    if (
        value.kind == "number"
        and value.number is not None
        and value.number == value.number.to_integral_value()
    ):
        return int(value.number)
    return None
