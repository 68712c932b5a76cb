"""Reading the appendix CSV files into rows, with every problem located (file, line, column).

The line of a row is the line where the record starts, as an editor shows it, even when a quoted
cell spans several lines. The separator is the one plan.yaml declares, or the one the header shows
(``,``, ``;`` or a tab: the column names make it certain), reported when it is not ``,``; the
number cells are read as a :class:`Reading` says (the declared notation, or one detected per column
by :mod:`plan272.load.notation`).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import mmap
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from plan272.load.files import Utf8
from plan272.messages import Amount, Arg, Each, Message, Words, ids
from plan272.names import id_problem, nfc
from plan272.numbers import Notation, NumberError, parse_amount, whole_readings
from plan272.problems import Location, Problem

#: the separators a header is tried with when plan.yaml declares none, the usual one first
SEPARATORS = (",", ";", "\t")


class Record:
    """A record of a table: the line where it starts and its cells (stripped, NFC), read by column
    name through the table's index (shared by its records: a record is a tuple, not a dict)."""

    __slots__ = ("index", "line", "values")

    def __init__(self, line: int, values: tuple[str, ...], index: Mapping[str, int]) -> None:
        self.line = line
        self.values = values
        self.index = index

    def get(self, column: str, default: str = "") -> str:
        """The cell of ``column`` (the first of that name), or ``default`` without that column."""
        at = self.index.get(column)
        return default if at is None else self.values[at]

    def cells(self) -> dict[str, str]:
        """The cells by column name (of two columns of one name, the first)."""
        return {name: self.values[at] for name, at in self.index.items()}


@dataclass
class Table:
    """A CSV table whose header has been read. Its records are read as they are iterated
    (:meth:`records`), each time from the text: a table of a million rows is never held as a
    million records, only as the rows the loader builds from them."""

    header: list[str]
    #: False when some of the file could not be used (syntax errors, rows of the wrong width):
    #: totals over the table would then be wrong, so the rules that need them do not run
    complete: bool = True
    #: the character between cells, and whether it was detected from the header (not declared)
    separator: str = ","
    detected: bool = False
    #: the line of the header
    header_line: int = 1
    file: str = ""
    max_rows: int | None = None
    _source: _Records | None = field(default=None, repr=False)
    #: the index of the first line after the header
    _after: int = 0

    def records(self, problems: list[Problem] | None = None, *, last: bool = False) -> Iterator[Record]:
        """The records after the header, read now; the problems of the records that cannot be used
        (a quoting error, the wrong number of cells, a cell too long) are added to ``problems``
        when it is given, and make the table incomplete; past ``max_rows`` records reading stops
        with a fatal problem (``--max-rows``). The ``last`` reading lets go of the text as it goes:
        the table cannot be read again."""
        if self._source is None:
            return
        report = problems.append if problems is not None else _ignore
        header, file, width, max_rows = self.header, self.file, len(self.header), self.max_rows
        index: dict[str, int] = {}
        for position, name in enumerate(header):
            index.setdefault(name, position)
        count = 0
        for line, cells, end in self._source.iterate(self._after, release=last):
            if max_rows is not None and count >= max_rows:
                report(
                    Problem(
                        Location(file, line),
                        Message("load.csv.too-many-rows", limit=Amount(max_rows)),
                        fatal=True,
                    )
                )
                self.complete = False
                return
            if cells is None:
                span = Message("load.csv.syntax.span", first=line, last=end) if end > line else ""
                report(Problem(Location(file, line), Message("load.csv.syntax", hint=QUOTES_HINT, span=span)))
                self.complete = False
                continue
            joined = "".join(cells)  # the record's text: blank, long or in NFC, told at once
            if not joined or joined.isspace():
                continue  # every cell blank: no row
            values = _cleaned(cells, joined)
            if len(cells) != width:
                # cells would fall into the wrong columns: the row is reported and not used
                report(
                    Problem(
                        Location(file, line),
                        Message("load.csv.row-width", cells=len(cells), width=width),
                        expected=str(width),
                        value=str(len(cells)),
                        row_id=cells[0].strip() or None,  # as written: its fingerprint is a baseline's
                    )
                )
                self.complete = False
                continue
            if len(joined) > MAX_TEXT and max(map(len, cells)) > MAX_TEXT:
                kept = []
                for name, cell, value in zip(header, cells, values, strict=True):
                    if len(cell) > MAX_TEXT:
                        report(too_long(Location(file, line, name), cell))
                        value = nfc(cell[:MAX_TEXT].strip())
                    kept.append(value)
                values = tuple(kept)
            count += 1
            yield Record(line, values, index)


def _cleaned(cells: list[str], joined: str) -> tuple[str, ...]:
    """The cells of a record stripped and in NFC (``joined``: the cells as they are, together): a
    record whose text is already in NFC (as good as every one) has every cell, stripped or not, in
    NFC — a piece of a normalized text is normalized — so is tested once, not cell by cell."""
    stripped = tuple(map(str.strip, cells))
    if joined.isascii() or _is_nfc(joined):
        return stripped
    return tuple(map(nfc, stripped))


_is_nfc = functools.partial(unicodedata.is_normalized, "NFC")


def _ignore(problem: Problem) -> None:
    """What :meth:`Table.records` does with a problem nobody asked for."""


#: the longest text a cell or a plan.yaml value may hold: a long name is a paragraph, not a book;
#: more is a broken file (a quote left open) or an attack on the layout of every report
MAX_TEXT = 4_000


def too_long(where: Location, text: str) -> Problem:
    """The (fatal) problem of a text longer than :data:`MAX_TEXT`."""
    return Problem(
        where,
        Message("load.text.too-long", length=Amount(len(text)), limit=Amount(MAX_TEXT)),
        value=text[:40] + "…",
        expected=f"at most {MAX_TEXT:,} characters",
        fatal=True,
    )


#: how to quote a cell, said after a quoting error
QUOTES_HINT = Message("load.csv.quotes")


#: where a line ends, as the csv module counts lines: at \n, \r\n or \r only (not at the form
#: feeds, separators and other characters str.splitlines also breaks at)
_LINE_END = re.compile(rb"\r\n|\r|\n")


class _Records:
    """The records of a CSV text: (line where the record starts, its cells, line where it ends);
    cells ``None`` for a record that cannot be used, after which reading resumes at the next line:

    - a syntax error (a stray quote);
    - once ``width`` is known (the header's), a record that runs over several lines with the wrong
      number of cells: an unclosed quote swallowed the rows below it, which are read again.

    The text is kept once, as UTF-8 (a text with Vietnamese in it takes two bytes a character as a
    string, little more than one as UTF-8), in chunks of :data:`CHUNK_LINES` lines, with where
    each line starts; lines are cut from it and decoded as the reader asks for them (no list of
    lines beside the text). A line ends at the same bytes in UTF-8 as at the same characters in the
    text: no character's encoding holds a \r or \n. A reading that will not come back
    (``release``) lets go of each chunk it has passed, so that the text and the rows built from it
    are not held at once.
    """

    def __init__(self, text: str | Utf8, separator: str = ",") -> None:
        self.width: int | None = None
        self.separator = separator
        self.released = False
        # as UTF-8, a chunk at a time (never the whole text twice), with where each of its lines
        # ends in it; the text is cut into chunks of CHUNK_LINES lines by one search a chunk
        self.chunks: list[mmap.mmap | None] = []
        #: where each line of a chunk ends in it, found when first needed (a reading resumed inside
        #: the chunk); a full chunk has CHUNK_LINES lines, the last the rest
        self.ends: list[array[int] | None] = []
        step, count = CHUNK_LINES, 0
        # a text's pieces encoded (a lone surrogate, if any, comes back as it was); a UTF-8 file's
        # pieces as they are in the file, checked
        pieces = (
            (piece.encode("utf-8", "surrogatepass") for piece in _pieces(text, step))
            if isinstance(text, str)
            else _utf8_pieces(text, step)
        )
        for data in pieces:
            if count % step:  # a chunk after one that was not full
                raise AssertionError("internal error: a chunk of a table's text of the wrong size")
            # memory of its own, given back to the system when the chunk is let go (freed heap
            # memory would stay with the process: the rows built meanwhile are not put there)
            chunk = mmap.mmap(-1, len(data))
            chunk.write(data)
            self.chunks.append(chunk)
            self.ends.append(None)
            count += step
        if self.chunks:  # the last chunk's lines, counted
            count += len(self._ends(len(self.chunks) - 1)) - step
        self.count = count

    def _ends(self, k: int) -> array[int]:
        """Where each line of chunk ``k`` ends in it."""
        ends = self.ends[k]
        if ends is None:
            chunk = self.chunks[k]
            assert chunk is not None
            data = chunk[:]
            ends = array("q", map(_END, _LINE_END.finditer(data)))
            if not ends or ends[-1] != len(data):
                ends.append(len(data))  # the last line, without an end
            self.ends[k] = ends
        return ends

    def _lines(self, offset: int) -> Iterator[str]:
        """The lines from the line of index ``offset`` on: a chunk read from its start decoded whole
        and its lines read by ``io.StringIO`` (which ends a line at \r, \n and \r\n alone, as the
        csv module counts lines), chunk after chunk; a chunk read from inside, line by line."""
        return itertools.chain.from_iterable(self._texts(offset))

    def first_lines(self) -> Iterator[str]:
        """The lines from the first on, each decoded as it is read (the header's: a few lines)."""
        for chunk in self.chunks:
            assert chunk is not None
            start = 0
            while found := _LINE_END.search(chunk, start):
                yield chunk[start : found.end()].decode("utf-8", "surrogatepass")
                start = found.end()
            if start < len(chunk):
                yield chunk[start:].decode("utf-8", "surrogatepass")

    def _texts(self, offset: int) -> Iterator[Iterator[str]]:
        chunks, step = self.chunks, CHUNK_LINES
        for k in range(offset // step, len(chunks)):
            chunk = chunks[k]
            if chunk is None:
                raise RuntimeError("internal error: a table's text was read again after it was let go")
            first = max(offset - k * step, 0)
            if first:  # a reading resumed inside the chunk (after a record that could not be used):
                # line by line, as far as it goes — a chunk decoded whole at each of many broken
                # records would make reading a broken file quadratic
                yield _decoded(chunk, self._ends(k), first)
            else:
                yield from _windows(chunk)

    def __iter__(self) -> Iterator[tuple[int, list[str] | None, int]]:
        return self.iterate(0)

    def iterate(self, offset: int, release: bool = False) -> Iterator[tuple[int, list[str] | None, int]]:
        """The records from the line of index ``offset`` on; with ``release``, each chunk of the
        text is let go once every record after it starts beyond it (the text cannot be read again:
        reading it is then an internal error)."""
        if self.released:
            raise RuntimeError("internal error: a table's text was read again after it was let go")
        self.released = release
        chunks, step, kept = self.chunks, CHUNK_LINES, 0
        while offset < self.count:
            # a fresh reader from ``offset`` on, without copying the rest of the file
            reader = csv.reader(self._lines(offset), delimiter=self.separator, strict=True)
            start = offset + 1
            try:
                for row in reader:
                    end = offset + reader.line_num
                    if self.width is not None and end > start and len(row) != self.width:
                        yield start, None, end
                        offset = start  # read again from the line after the record's start
                        break
                    yield start, row, end
                    start = end + 1
                    # nothing before the next record's first line (index end) is read again
                    while release and kept < end // step:
                        chunks[kept] = None
                        kept += 1
                else:
                    return
            except csv.Error:
                yield start, None, max(offset + reader.line_num, start)
                offset = start  # the record is dropped; read again from the line after its start


#: lines in a chunk of a table's kept text (:class:`_Records`)
CHUNK_LINES = 4096

_END = re.Match.end


def _windows(chunk: mmap.mmap) -> Iterator[io.StringIO]:
    """The lines of ``chunk`` from its start, decoded a window of about :data:`WINDOW` bytes at a
    time, cut after a \n (never inside a line, nor between the \r and \n of one line end)."""
    size, start = len(chunk), 0
    while start < size:
        end = chunk.rfind(b"\n", start, start + WINDOW) + 1  # after the window's last \n
        if end <= start:  # none in the window: to the next (a long line), or the chunk's end
            end = chunk.find(b"\n", start + WINDOW) + 1 or size
        yield io.StringIO(str(chunk[start:end], "utf-8", "surrogatepass"), newline="")
        start = end


def _decoded(chunk: mmap.mmap, ends: array[int], first: int) -> Iterator[str]:
    """The lines of ``chunk`` from its line of index ``first`` on, each decoded as it is read."""
    start = ends[first - 1]
    for end in ends[first:]:
        yield chunk[start:end].decode("utf-8", "surrogatepass")
        start = end


def _pieces(text: str, lines: int) -> Iterator[str]:
    """``text`` in pieces of ``lines`` lines, the last with the rest (fewer, and the last line if it
    has no end): where every line ends at \n (as good as every file), cut after each ``lines``-th
    \n; else each found by one anchored match."""
    if "\r" not in text:
        position = 0
        for end in itertools.islice(map(_END, _NEWLINE.finditer(text)), lines - 1, None, lines):
            yield text[position:end]
            position = end
        if position < len(text):
            yield text[position:]
        return
    whole = _WHOLE.get(lines) or _WHOLE.setdefault(
        # atomic: a \r\n is one line end, never taken apart to make up the count
        lines,
        re.compile(rf"(?:[^\r\n]*+(?>\r\n|\r|\n)){{{lines}}}"),
    )
    position = 0
    while (found := whole.match(text, position)) is not None:
        yield found.group()
        position = found.end()
    if position < len(text):
        yield text[position:]


_WHOLE: dict[int, re.Pattern[str]] = {}
_NEWLINE = re.compile("\n")


class NotUtf8(ValueError):
    """Bytes of a file read as UTF-8 that are not: ``data[start:end]``, offsets in the file."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__(start, end)
        self.start, self.end = start, end


def _utf8_pieces(text: Utf8, lines: int) -> Iterator[memoryview]:
    """The bytes of ``text`` in pieces of ``lines`` lines as :func:`_pieces` cuts a text (a line
    ends at the same bytes as at the same characters: no character's encoding holds a \r or
    \n, nor is cut by them), each checked to be UTF-8 — :class:`NotUtf8` at the first byte that
    is not, as decoding the whole would find it."""
    data, position = text.data, text.start
    view = memoryview(data)
    if data.find(b"\r", position) < 0:
        found = map(_END, _NEWLINE_BYTES.finditer(data, position))
        ends: Iterator[int] = itertools.islice(found, lines - 1, None, lines)
    else:
        whole = _WHOLE_BYTES.get(lines) or _WHOLE_BYTES.setdefault(
            lines, re.compile(rb"(?:[^\r\n]*+(?>\r\n|\r|\n)){%d}" % lines)
        )
        ends = _matched_ends(whole, data, position)
    for end in itertools.chain(ends, [len(data)]):
        if end > position:
            piece = view[position:end]
            _check_utf8(piece, position)
            yield piece
            position = end


def _matched_ends(whole: re.Pattern[bytes], data: bytes, position: int) -> Iterator[int]:
    """Where each match of ``whole`` anchored after the one before ends, from ``position`` on."""
    while (found := whole.match(data, position)) is not None:
        position = found.end()
        yield position


def _check_utf8(piece: memoryview, offset: int) -> None:
    """Nothing, if ``piece`` (at ``offset`` in its file) is UTF-8; else :class:`NotUtf8` at its
    first byte that is not. Decoded a window at a time (a character cut by a window's end is
    decoded with the next): the strings made are small enough to be made again where the last
    ones were, not each in new memory of the system's."""
    size, at = len(piece), 0
    while at < size:
        try:
            _, used = codecs.utf_8_decode(piece[at : at + WINDOW], "strict", at + WINDOW >= size)
        except UnicodeDecodeError as exc:
            raise NotUtf8(offset + at + exc.start, offset + at + exc.end) from None
        at += used


#: about how many bytes of a chunk are decoded at once: strings of at most 64 KiB (at four bytes
#: a character), below the size the C allocator takes from the system anew for each one
WINDOW = 16_384


_WHOLE_BYTES: dict[int, re.Pattern[bytes]] = {}
_NEWLINE_BYTES = re.compile(b"\n")


@dataclass(frozen=True)
class Notice:
    """What the loader found out because plan.yaml did not say it — the separator of a file, the
    notation of a column — reported as an ``info`` finding (DAT003), never silently: where it
    shows, what it says, what it concerns (``ids``: the file's name, then the column or
    ``separator``) and the value detected."""

    location: Location
    message: Message
    ids: tuple[str, ...]
    value: str | None = None


def separator_word(separator: str) -> Arg:
    """How a message names a separator: ``';'``, or a tab in words."""
    return Words("a tab", "dấu tab") if separator == "\t" else repr(separator)


def separator_yaml(separator: str) -> str:
    """A separator as plan.yaml declares it: ``";"``, or ``tab``."""
    return "tab" if separator == "\t" else '"' + separator.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _split(line: str, separator: str) -> list[str] | None:
    """The cells of one header line at ``separator`` (``None``: a quoting error there)."""
    try:
        row = next(csv.reader([line], delimiter=separator, strict=True), [])
    except csv.Error:
        return None
    return [nfc(cell.strip()) for cell in row]


def _separator(
    lines: Iterable[str], file: str, required: list[str], known: Callable[[str], bool], declared: str | None
) -> tuple[str, Problem | None]:
    """The separator of the file: the declared one, or the one of ``,`` ``;`` and tab at which the
    header splits into the most known column names — the required ones first (the names make the
    choice certain: ``id;section;tt`` is three names only at ``;``). A header that splits into known
    names at none of them, or at two alike, is a fatal problem saying what was found and how to
    declare the separator; so is a declared separator the header does not split at when another
    would give every required column."""
    marks = " \t\r\n,;" + (declared or "")
    found = next(((n, line) for n, line in enumerate(lines, start=1) if line.strip(marks)), None)
    if found is None:  # nothing but blank lines: the reader says the file is empty
        return declared or ",", None
    number, line = found
    shown = line.rstrip("\r\n")
    shown = shown if len(shown) <= 80 else shown[:79] + "…"
    where = Location(file, number)

    def score(separator: str) -> tuple[int, int] | None:
        cells = _split(line, separator)
        if cells is None:
            return None
        if len(cells) < 2:
            return 0, 0
        names = set(cells)
        return sum(name in names for name in required), sum(known(name) for name in names)

    scores = {separator: score(separator) for separator in SEPARATORS}
    if declared is not None:
        own = score(declared)
        whole = [s for s, got in scores.items() if s != declared and got and got[0] == len(required)]
        if (own is None or own[0] < len(required)) and whole:
            message = Message(
                "load.csv.separator-declared",
                declared=separator_word(declared),
                found=separator_word(whole[0]),
            )
            return declared, Problem(where, message, shown, fatal=True)
        return declared, None
    best = max((got for got in scores.values() if got is not None), default=(0, 0))
    if best[1] == 0:
        if any(got is None for got in scores.values()):  # a quoting error: the reader says so
            return ",", None
        message = Message("load.csv.separator-unknown", known=ids(required))
        return ",", Problem(where, message, shown, expected=", ".join(required), fatal=True)
    winners = [separator for separator, got in scores.items() if got == best]
    if len(winners) > 1:
        message = Message(
            "load.csv.separator-ambiguous", found=Each(tuple(map(separator_word, winners)), "and")
        )
        return ",", Problem(where, message, shown, fatal=True)
    return winners[0], None


def read_table(
    text: str | Utf8,
    file: str,
    required: list[str],
    optional: list[str],
    also: re.Pattern[str] | None = None,
    max_rows: int | None = None,
    separator: str | None = None,
) -> tuple[Table | None, list[Problem]]:
    """Split ``text`` into a header and records keyed by column name: a text, or a UTF-8 file's
    bytes (:class:`~plan272.load.files.Utf8`), decoded as they are read — their first byte that is
    not UTF-8 is the fatal problem decoding them whole would give.

    ``also`` admits further column names (the year columns when the period is unknown); beyond
    ``max_rows`` records reading stops with a fatal problem (``--max-rows``). ``separator`` is the
    one plan.yaml declares; without it, the header tells (:func:`_separator`), and the table says
    it was detected.
    """
    problems: list[Problem] = []
    # a cell may be as long as the file (the csv module's default limit, 128 KiB, would make a long
    # cell look like a quoting error); the file's size is bounded by --max-file-size
    size = len(text) if isinstance(text, str) else len(text.data)  # bytes: at least its characters
    csv.field_size_limit(max(size + 1, 131_072))

    def known(name: str) -> bool:
        return name in required or name in optional or bool(also and also.fullmatch(name))

    try:
        records = _Records(text)
    except NotUtf8 as exc:
        assert not isinstance(text, str)
        return None, text.not_utf8(exc.start, exc.end)
    # the header's line, read lazily (only as far as it): the separator
    chosen, refused = _separator(records.first_lines(), file, required, known, separator)
    if refused is not None:
        return None, [refused]
    records.separator = chosen
    rows = iter(records)
    # the header is the first record that is not blank
    first = next((row for row in rows if row[1] is None or any(c.strip() for c in row[1])), None)
    if first is None:
        return None, [Problem(Location(file, 1), Message("load.csv.empty-file"), fatal=True)]
    header_line, header_cells, header_end = first
    if header_cells is None:
        message = Message("load.csv.bad-header", hint=QUOTES_HINT)
        return None, [Problem(Location(file, header_line), message, fatal=True)]
    header = header_cells
    header = [nfc(h.strip()) for h in header]
    seen: dict[str, int] = {}
    for index, name in enumerate(header, start=1):
        if name in seen:
            message = Message("load.csv.duplicated-column", column=seen[name])
            problems.append(Problem(Location(file, header_line, name), message, name))
        elif not known(name):
            problems.append(
                Problem(
                    Location(file, header_line, name or f"column {index}"),
                    Message("load.csv.unknown-column", known=ids(required + optional)),
                    name,
                )
            )
        seen.setdefault(name, index)
    missing = [name for name in required if name not in seen]
    for name in missing:
        problems.append(
            Problem(
                Location(file, header_line, name),
                Message("load.csv.missing-column"),
                expected=name,
                fatal=True,
            )
        )
    if missing:
        return None, problems
    records.width = len(header)
    table = Table(
        header,
        separator=chosen,
        detected=separator is None and chosen != ",",
        header_line=header_line,
        file=file,
        max_rows=max_rows,
        _source=records,
        _after=header_end,
    )
    # a file that holds only its header is a table without rows: complete, and its totals are 0
    # (a table emptied by mistake shows against its declared totals, SUM002)
    return table, problems


@dataclass(frozen=True)
class Reading:
    """How the number cells of a table are read: in ``notation`` (the declared one, else plain);
    a column of ``columns`` in its own (detected for it: :mod:`plan272.load.notation`); in a column
    of ``unsettled`` no notation could be told, and each cell written with marks is a problem with
    that column's message (one message, so that the cells are reported together)."""

    notation: Notation = "plain"
    columns: Mapping[str, Notation] = field(default_factory=dict)
    unsettled: Mapping[str, Message] = field(default_factory=dict)

    def of(self, column: str) -> Notation:
        return self.columns.get(column, self.notation)


class CellReader:
    """Reads typed cells of one record, collecting problems instead of raising."""

    def __init__(self, file: str, record: Record, reading: Reading | Notation) -> None:
        self.file = file
        self.record = record
        self.reading = Reading(reading) if isinstance(reading, str) else reading
        self.notation = self.reading.notation
        self.problems: list[Problem] = []
        self.unreadable: set[str] = set()

    def _parse(self, column: str, raw: str, notation: Notation | None = None) -> int:
        unsettled = self.reading.unsettled.get(column)
        if notation is None and unsettled is not None and whole_readings(raw) is not None:
            raise NumberError(unsettled)
        return parse_amount(raw, notation or self.reading.of(column))

    def _problem(self, column: str, message: str | Message, value: str | None) -> None:
        row_id = self.record.get("id") or None
        self.problems.append(
            Problem(Location(self.file, self.record.line, column), message, value, row_id=row_id)
        )
        self.unreadable.add(column)

    def text(self, column: str, required: bool = True) -> str:
        value = self.record.get(column)
        if required and not value:
            self._problem(column, Message("load.csv.empty-cell"), value)
        return value

    def identifier(self, column: str = "id") -> str:
        """A row's id: ASCII letters, digits, ``.``, ``-`` and ``_`` (at most 40), so that no id
        can look like another (a Cyrillic ``І``, a zero-width joiner, a fullwidth digit)."""
        value = self.text(column)
        problem = id_problem(value) if value else None
        if problem:
            self._problem(column, problem, value)
        return value

    def optional_text(self, column: str) -> str | None:
        return self.record.get(column) or None

    def amount(self, column: str) -> int:
        raw = self.record.get(column)
        try:
            return self._parse(column, raw)
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return 0

    def optional_amount(self, column: str) -> int | None:
        raw = self.record.get(column)
        if raw == "":
            return None
        try:
            return self._parse(column, raw)
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return None

    def count(self, column: str, required: bool = True) -> int | None:
        """A row number or head count: plain non-negative digits."""
        raw = self.record.get(column)
        if raw == "" and not required:
            return None
        try:
            return parse_amount(raw, "plain")
        except NumberError as exc:
            self._problem(column, exc.message, raw)
            return None
