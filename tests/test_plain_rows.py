"""The loader reads the common row — plain ASCII digits, an id, a group, a name — in one step, and
every other row with the full cell reader: the two give the same rows and the same problems
wherever the fast one reads (here compared on rows with odd cells of every kind)."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plan272.load as loading
from plan272.load import load_plan
from plandir import DATA

ODD = [
    "",
    "0",
    "12",
    "007",
    "1.000",
    "1,5",
    "20 200",
    "١٢",
    "１２",
    "-3",
    "+4",
    " 5 ",
    "x",
    "I.1",
    "9" * 16,
    "0" * 16 + "1",
]
COLUMNS = ["id", "section", "tt", "name", "investor", "tmdt", "y2021", "y2025", "attt", "note"]


def _load_both(text: str) -> tuple[object, object]:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "p"
        shutil.copytree(DATA, d)
        (d / "appendix1.csv").write_text(text, encoding="utf-8")
        fast = load_plan(d)
        read = loading._Plain.read
        try:
            loading._Plain.read = lambda self, record: None  # type: ignore[method-assign]
            full = load_plan(d)
        finally:
            loading._Plain.read = read  # type: ignore[method-assign]
    return fast, full


def _written(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


def _compare(text: str) -> None:
    fast, full = _load_both(text)
    assert fast.plan is not None and full.plan is not None  # type: ignore[attr-defined]
    assert fast.plan.tables == full.plan.tables  # type: ignore[attr-defined]
    assert fast.plan.incomplete == full.plan.incomplete  # type: ignore[attr-defined]
    assert fast.problems == full.problems  # type: ignore[attr-defined]


def test_every_odd_cell_in_every_column_reads_the_same_both_ways() -> None:
    with (DATA / "appendix1.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    combinations = [(column, value) for column in COLUMNS for value in ODD]
    for start in range(0, len(combinations), len(rows)):  # one odd cell a row, all rows at once
        changed = [list(row) for row in rows]
        for row, (column, value) in zip(changed, combinations[start : start + len(rows)], strict=False):
            if column in header:
                row[header.index(column)] = value
        _compare(_written(header, changed))


@pytest.mark.parametrize("extra", ["name", "tmdt", "attt", "id"])
def test_a_column_twice_or_a_column_missing_reads_the_same_both_ways(extra: str) -> None:
    """A duplicated column (the first is read) and a column the file lacks (``attt``, ``note``)."""
    with (DATA / "appendix1.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    drop = header.index("attt")
    header = [h for i, h in enumerate(header) if i != drop] + [extra]
    rows = [[c for i, c in enumerate(r) if i != drop] + ["777"] for r in rows]
    _compare(_written(header, rows))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 41), st.sampled_from(COLUMNS), st.sampled_from(ODD)), max_size=6))
def test_the_fast_reading_is_the_full_one(changes: list[tuple[int, str, str]]) -> None:
    with (DATA / "appendix1.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    for row, column, value in changes:
        if column in header:
            rows[row][header.index(column)] = value
    _compare(_written(header, rows))


def test_the_shipped_rows_are_read_the_fast_way(monkeypatch: object) -> None:
    calls = []
    original = loading.CellReader.__init__

    def counting(self: object, *args: object) -> None:
        calls.append(1)
        original(self, *args)  # type: ignore[arg-type]

    loading.CellReader.__init__ = counting  # type: ignore[method-assign]
    try:
        assert load_plan(DATA).plan is not None
    finally:
        loading.CellReader.__init__ = original  # type: ignore[method-assign]
    assert calls == []  # 63 rows, none needing the full reader


_CSV_TEXT = st.text(alphabet=st.sampled_from(list('a,";\r\n xế\u2028\x0c1')), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_CSV_TEXT)
def test_records_kept_as_utf_8_are_those_of_the_text(text: str) -> None:
    """The text is kept as UTF-8 and its lines decoded as read: where the csv module reads the text
    itself without an error, the records (their lines, cells and ends) are the ones it reads."""
    from plan272.load.csvfile import _Records

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    expected, start = [], 1
    try:
        for row in reader:
            expected.append((start, row, reader.line_num))
            start = reader.line_num + 1
    except csv.Error:
        return  # a quoting error: read again from the next line (tests/test_text_chunks.py)
    assert list(_Records(text)) == expected
