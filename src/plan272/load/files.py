"""Reading a data file as text: UTF-8 (with or without BOM), LF or CRLF — or, for a CSV file whose
encoding plan.yaml declares (``csv: {encoding: windows-1258}``), that encoding, the text then put in
NFC (Windows-1258 writes Vietnamese tone marks as combining characters). Anything else is a located,
fatal problem rather than a traceback or a silent misreading.

The files of a plan come from a :class:`Source`: a directory (:class:`Directory`), or a git
revision (:class:`plan272.gitsource.Revision`), which reads them from git objects without checking
anything out. Either way the loader sees the same bytes and names them the same way.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, Protocol, overload

from plan272.messages import Amount, Message
from plan272.problems import Location, Problem

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
#: the largest file read by default: 256 MiB — an appendix of about 1.3 million rows at the width
#: of Plan 272's Phụ lục I (about 200 bytes a row), room for a national consolidation of every
#: province's plans; ``--max-file-size`` changes it
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: the most rows read from one table by default: a million rows and room to spare; with the size
#: limit it bounds memory (about 1.6 KB a row) however short the rows are
DEFAULT_MAX_ROWS = 1_500_000
#: the most problems listed for one file by default (frictionless stops at 1,000 errors too): a
#: file with more is not the plan with a few slips but the wrong file or a broken export
DEFAULT_MAX_PROBLEMS = 1_000


@dataclass(frozen=True)
class Limits:
    """What a run reads at most: the bytes of a file, the rows of a table (``--max-file-size``,
    ``--max-rows``). Beyond them input is refused with a located problem before the work is done.
    Of the problems of one file, the first ``max_problems`` are listed (``--max-problems``)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_rows: int = DEFAULT_MAX_ROWS
    max_problems: int = DEFAULT_MAX_PROBLEMS


LIMITS = Limits()


class Source(Protocol):
    """Where the files of a plan come from, and how much of them may be read."""

    limits: Limits

    def display(self, name: str) -> str:
        """How reports name the file ``name`` (``data/plan.yaml``)."""
        ...

    def read(self, name: str) -> tuple[bytes | None, list[Problem]]:
        """The bytes of ``name``, or ``None`` and a fatal problem (missing, not a file, too large)."""
        ...


def fatal(name: str, message: Message, line: int | None = None, value: str | None = None) -> list[Problem]:
    return [Problem(Location(name, line), message, value=value, fatal=True)]


def too_large(name: str, size: int, limit: int) -> list[Problem]:
    return fatal(name, Message("load.file.too-large", size=Amount(size), limit=Amount(limit)))


class Directory:
    """The files of a plan directory."""

    def __init__(self, directory: Path, limits: Limits = LIMITS) -> None:
        self.directory = directory
        self.limits = limits
        self.max_bytes = limits.max_bytes

    def display(self, name: str) -> str:
        return (self.directory / name).as_posix()

    def read(self, name: str) -> tuple[bytes | None, list[Problem]]:
        path = self.directory / name
        shown = self.display(name)
        try:
            if not path.exists():
                return None, fatal(shown, Message("load.file.not-found"))
            if not path.is_file():
                return None, fatal(shown, Message("load.file.not-regular"))
            size = path.stat().st_size
            if size > self.max_bytes:
                return None, too_large(shown, size, self.max_bytes)
            with path.open("rb") as handle:  # never more than the limit, even if the file grows
                data = _read_at_most(handle, size, self.max_bytes + 1)
            if len(data) > self.max_bytes:
                return None, too_large(shown, len(data), self.max_bytes)
            return data, []
        except OSError as exc:
            # the system's own words (its language, not the run's): an argument
            return None, fatal(shown, Message("load.file.unreadable", error=str(exc.strerror or exc)))


def _read_at_most(handle: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit`` bytes of ``handle``, whose size was ``size``: read in one piece of the size
    the file has (not a buffer of ``limit`` bytes made for every file), then what it grew by."""
    data = handle.read(min(size + 1, limit))
    if len(data) > size and len(data) < limit:  # it grew since: read on, up to the limit
        data += handle.read(limit - len(data))
    return data


def read_text(
    source: Source, name: str, encoding: str | None = None, *, csv: bool = False
) -> tuple[str | None, list[Problem]]:
    """The text of the file ``name`` of ``source`` (newlines as in the file), or ``None`` and a
    fatal problem. ``encoding`` is the one plan.yaml declares for a CSV file (``csv``): a file whose
    encoding can be declared is told how when it is not UTF-8."""
    data, problems = source.read(name)
    if data is None:
        return None, problems
    return decode(data, source.display(name), encoding, csv=csv)


def read_csv(
    source: Source, name: str, encoding: str | None = None
) -> tuple[str | Utf8 | None, list[Problem]]:
    """A CSV file of ``source`` as :func:`read_text` reads it, except that a UTF-8 file's bytes are
    given as they are (:class:`Utf8`), to be decoded as they are read."""
    data, problems = source.read(name)
    if data is None:
        return None, problems
    return decode(data, source.display(name), encoding, csv=True, undecoded=True)


class Utf8:
    """A file's bytes, to be read as UTF-8 from ``start`` (after a byte-order mark), decoded piece
    by piece as they are read: a large file is never held as one string beside its bytes (at two
    or four bytes a character once it holds Vietnamese). Every check :func:`decode` makes has been
    made but the decoding's; a byte that is not UTF-8 is :meth:`not_utf8`'s problem. (A plain
    class: a dataclass's methods are compiled at each start.)"""

    __slots__ = ("data", "name", "start")

    def __init__(self, data: bytes, start: int, name: str) -> None:
        self.data, self.start, self.name = data, start, name

    def not_utf8(self, start: int, end: int) -> list[Problem]:
        """The problem of the bytes ``data[start:end]``, not UTF-8: as :func:`decode` reports it."""
        return _not_utf8(self.data, self.name, start, end, csv=True)


def _not_utf8(data: bytes, name: str, start: int, end: int, *, csv: bool) -> list[Problem]:
    """The problem of the bytes ``data[start:end]`` (offsets in the whole file, its byte-order mark
    too), which are not UTF-8: the line they are on, and them and the next few as hex."""
    line = data.count(b"\n", 0, start) + 1
    hint = Message("load.file.declare-encoding") if csv else ""
    return fatal(name, Message("load.file.not-utf8", hint=hint), line, data[start : end + 3].hex(" "))


def _utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


@overload
def decode(
    data: bytes,
    name: str,
    encoding: str | None = None,
    *,
    csv: bool = False,
    undecoded: Literal[False] = False,
) -> tuple[str | None, list[Problem]]: ...


@overload
def decode(
    data: bytes, name: str, encoding: str | None = None, *, csv: bool = False, undecoded: bool
) -> tuple[str | Utf8 | None, list[Problem]]: ...


def decode(
    data: bytes, name: str, encoding: str | None = None, *, csv: bool = False, undecoded: bool = False
) -> tuple[str | Utf8 | None, list[Problem]]:
    """``data`` as text, or ``None`` and a fatal problem located in the file ``name``: UTF-8, or the
    declared ``encoding``. ``undecoded``: UTF-8 is left to be decoded as it is read (:class:`Utf8`)."""

    def fatal(message: Message, line: int | None = None, value: str | None = None) -> list[Problem]:
        return [Problem(Location(name, line), message, value=value, fatal=True)]

    if not data or data.isspace():  # (not data.strip(): a copy of the file)
        return None, fatal(Message("load.file.empty"))
    if encoding is not None and not _utf8(encoding):
        return _declared(data, encoding, fatal)
    for bom, found in _BOMS.items():
        if data.startswith(bom):
            return None, fatal(Message("load.file.encoding", encoding=found))
    if b"\x00" in data and _looks_utf16(data):
        return None, fatal(Message("load.file.utf16"))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, fatal(Message("load.file.binary"), line)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if undecoded:
        return Utf8(data, start, name), []
    try:
        text = str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:  # where in the file: after the byte-order mark
        return None, _not_utf8(data, name, start + exc.start, start + exc.end, csv=csv)
    return text, []


def _declared(
    data: bytes, encoding: str, fatal: Callable[..., list[Problem]]
) -> tuple[str | None, list[Problem]]:
    """``data`` in the ``encoding`` plan.yaml declares for it (not UTF-8), in NFC. A file that says
    otherwise — a byte-order mark, or non-ASCII text that reads as UTF-8 (a file saved again as
    UTF-8 since the declaration: read as Windows-1258 it would be mojibake, "KẠ¿" for "Kế") — is a
    problem, never read wrong."""
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not wide:
        marks = {b"\xef\xbb\xbf": "UTF-8", **_BOMS}
        for bom, found in marks.items():
            if data.startswith(bom):
                return None, fatal(Message("load.file.declared-bom", encoding=encoding, found=found))
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            return None, fatal(Message("load.file.binary"), line)
        first = next((i for i, byte in enumerate(data) if byte >= 0x80), None)
        if first is not None and _is_utf8(data):
            start = data.rfind(b"\n", 0, first) + 1
            end = data.find(b"\n", first)
            shown = data[start : end if end >= 0 else len(data)].decode("utf-8").strip()
            line = data[:first].count(b"\n") + 1
            value = shown if len(shown) <= 60 else shown[:59] + "…"
            return None, fatal(Message("load.file.declared-but-utf8", encoding=encoding), line, value)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        at = None if wide else data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.end + 3]
        return None, fatal(Message("load.file.not-declared", encoding=encoding), at, bad.hex(" "))
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff")), []


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 has a NUL in every other byte for ASCII characters."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    return max(even, odd) > 0.3 and min(even, odd) < 0.05
