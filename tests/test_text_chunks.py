"""A table's text is kept in chunks of lines; the one reading that will not come back lets go of
each chunk it has passed. The records are the same whatever the chunks, released or not, and a
released text is never read again silently."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plan272.load.csvfile as csvfile
from plan272.load.csvfile import _Records

_CSV_TEXT = st.text(alphabet=st.sampled_from(list('a,";\r\n xế1')), max_size=80)


def _records(
    text: str, width: int | None, step: int, release: bool, monkeypatch: pytest.MonkeyPatch
) -> list[object]:
    with monkeypatch.context() as patch:
        patch.setattr(csvfile, "CHUNK_LINES", step)
        records = _Records(text)
        records.width = width
        out: list[object] = []
        out.extend(records.iterate(0, release=release))
        return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_CSV_TEXT, st.sampled_from([None, 2, 3]), st.integers(1, 4))
def test_records_are_the_same_in_any_chunks_released_or_not(
    monkeypatch: pytest.MonkeyPatch, text: str, width: int | None, step: int
) -> None:
    whole = _records(text, width, 10**9, False, monkeypatch)
    assert _records(text, width, step, False, monkeypatch) == whole
    assert _records(text, width, step, True, monkeypatch) == whole


def test_a_released_text_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfile, "CHUNK_LINES", 2)
    records = _Records("".join(f"{i},x\n" for i in range(10)))
    assert len(records.chunks) == 5
    for start, _, _ in records.iterate(0, release=True):
        # while a record is read, the chunks before the one holding its first line are let go
        assert [chunk is None for chunk in records.chunks] == [k < (start - 1) // 2 for k in range(5)]
    assert records.chunks == [None] * 5
    with pytest.raises(RuntimeError, match="internal error"):
        list(records.iterate(0))


def test_a_quote_left_open_is_read_again_from_the_line_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows an unclosed quote swallowed are read again, chunks released or not."""
    text = 'a,b\n1,"x\n2,y\n3,z\n4,w\n'
    for release in (False, True):
        got = _records(text, 2, 1, release, monkeypatch)
        assert [(start, end) for start, _, end in got] == [(1, 1), (2, 5), (3, 3), (4, 4), (5, 5)]
        assert [cells for _, cells, _ in got][1] is None


#: letters, combining marks (in and out of canonical order), Hangul jamo, two starters that compose
#: (Oriya), characters NFC replaces (a blank among them, which stripping takes away) and blanks
_MARKS = (
    "ae ,Ế\u0301\u0323\u0302\u0316\u0315\u1100\u1161\u11a8\u037e\u212b\u0f73\u0b47\u0b3e\u0345\u0334"
    "\u2000\t\u3000"
)
_MARKED = st.text(alphabet=st.sampled_from(list(_MARKS)), max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARKED, min_size=1, max_size=5))
def test_a_record_s_cells_are_each_stripped_and_in_nfc(cells: list[str]) -> None:
    """Tested once for the record when its cells together are in NFC: the same cells as each
    stripped and normalized on its own."""
    import unicodedata

    from plan272.load.csvfile import _cleaned

    assert _cleaned(cells, "".join(cells)) == tuple(unicodedata.normalize("NFC", c.strip()) for c in cells)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["a\r\n\u2028\x0cế", "a\n\u2028\x0cế"]).flatmap(
        lambda chars: st.text(alphabet=st.sampled_from(list(chars)), max_size=40)
    ),
    st.integers(1, 4),
)
def test_a_text_is_cut_into_pieces_of_whole_lines(text: str, lines: int) -> None:
    """Each piece but the last holds exactly ``lines`` lines (a \\r\\n one line end, as the csv
    module counts), and the pieces together are the text — cut at \\n alone where no line ends at
    \\r, by the pattern of line ends otherwise. A UTF-8 file's bytes are cut at the same lines,
    after a byte-order mark if it has one."""
    import codecs
    import re

    from plan272.load.csvfile import _pieces, _utf8_pieces
    from plan272.load.files import Utf8

    line_end = re.compile(r"\r\n|\r|\n")
    pieces = list(_pieces(text, lines))
    assert "".join(pieces) == text
    for piece in pieces[:-1]:
        assert len(line_end.findall(piece)) == lines and piece.endswith(("\r", "\n"))
    if pieces:
        last = pieces[-1]
        count = len(line_end.findall(last)) + (0 if last.endswith(("\r", "\n")) else 1)
        assert 1 <= count <= lines
    encoded = [p.encode("utf-8") for p in pieces]
    for bom in (b"", codecs.BOM_UTF8):
        data = bom + text.encode("utf-8")
        assert [bytes(p) for p in _utf8_pieces(Utf8(data, len(bom), "f.csv"), lines)] == encoded


def test_a_file_broken_on_every_row_is_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a record that cannot be used, reading resumes at the next line, line by line within the
    chunk: each chunk is decoded whole once, not once a broken record (counted: characters decoded
    whole, lines decoded one by one)."""
    import io
    import types

    monkeypatch.setattr(csvfile, "CHUNK_LINES", 64)
    whole: list[int] = []
    single: list[int] = []

    class Counted(io.StringIO):
        def __init__(self, text: str, newline: str | None = None) -> None:
            whole.append(len(text))
            super().__init__(text, newline=newline)

    monkeypatch.setattr(csvfile, "io", types.SimpleNamespace(StringIO=Counted))
    decoded = csvfile._decoded

    def counting(*args: object) -> object:
        for line in decoded(*args):  # type: ignore[arg-type]
            single.append(1)
            yield line

    monkeypatch.setattr(csvfile, "_decoded", counting)
    rows = 1000
    text = "".join(f'"I.{i}"x,a,b\n' for i in range(rows))  # a stray character after a quote: every row
    records = _Records(text)
    records.width = 3
    got = list(records.iterate(0, release=True))
    assert len(got) == rows and all(cells is None for _, cells, _ in got)
    assert sum(whole) <= 2 * len(text)
    assert len(single) <= 3 * rows


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab\r\n,ế😀")), max_size=60),
    st.integers(4, 9),
)
def test_a_chunk_is_read_and_checked_in_windows_as_if_whole(text: str, window: int) -> None:
    """Decoded a window at a time (here a few bytes, so that windows cut lines and characters), a
    chunk gives the lines the whole gives, and a text of UTF-8 passes the check; a byte that is not
    UTF-8 is found where decoding the whole finds it, even when a window's end cuts its sequence."""
    import io
    import mmap

    from plan272.load.csvfile import NotUtf8, _check_utf8, _windows

    data = text.encode("utf-8")
    original = csvfile.WINDOW
    csvfile.WINDOW = window
    try:
        if data:
            chunk = mmap.mmap(-1, len(data))
            chunk.write(data)
            read = [line for lines in _windows(chunk) for line in lines]
            assert read == list(io.StringIO(text, newline=""))
        _check_utf8(memoryview(data), 0)
        for bad in (b"\xff", b"\xe1\xbb", b"\xed\xa0\x80"):  # a stray byte, a cut sequence, a surrogate
            at = len(data) // 2
            broken = data[:at] + bad + data[at:]
            try:
                broken.decode("utf-8")
            except UnicodeDecodeError as exc:
                expected = (exc.start, exc.end)
            else:
                continue  # the cut fell inside a character and made it whole again: nothing to find
            with pytest.raises(NotUtf8) as found:
                _check_utf8(memoryview(broken), 7)  # a piece at offset 7 of its file
            assert (found.value.start, found.value.end) == (expected[0] + 7, expected[1] + 7)
    finally:
        csvfile.WINDOW = original
