"""Reading a data file as text: UTF-8 (with or without BOM), LF or CRLF — anything else is a
located, fatal problem rather than a traceback or a silent misreading."""

from __future__ import annotations

from pathlib import Path

from plan272.problems import Location, Problem

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
MAX_BYTES = 20 * 1024 * 1024


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """The text of ``path`` (newlines as in the file) or ``None`` and a fatal problem."""

    def fatal(message: str, line: int | None = None, value: str | None = None) -> list[Problem]:
        return [Problem(Location(name, line), message, value=value, fatal=True)]

    if not path.exists():
        return None, fatal("file not found")
    if not path.is_file():
        return None, fatal("not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, fatal(f"file too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        return None, fatal(f"cannot read the file: {exc.strerror or exc}")
    if not data.strip():
        return None, fatal("empty file")
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            return None, fatal(f"the file is encoded in {encoding}; save it as UTF-8")
    if b"\x00" in data and _looks_utf16(data):
        return None, fatal("the file looks like UTF-16 without a byte-order mark; save it as UTF-8")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, fatal("binary data (NUL byte): not a text file", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.end + 3]
        return None, fatal(
            "not valid UTF-8 (Latin-1 or Windows-1258 bytes?); save the file as UTF-8",
            line,
            bad.hex(" "),
        )
    return text, []


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 has a NUL in every other byte for ASCII characters."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    return max(even, odd) > 0.3 and min(even, odd) < 0.05
