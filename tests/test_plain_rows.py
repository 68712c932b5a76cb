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
UNIT_COLUMNS = ["id", "tt", "unit", "staff", "total", "y2023", "note"]


def _load_both(text: str) -> tuple[object, object]:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "p"
        shutil.copytree(DATA, d)
        (d / "appendix1.csv").write_text(text, encoding="utf-8")
        fast = load_plan(d)
        read, batch = loading._Plain.read, loading._Builder.batch
        try:  # neither a common row read in one step nor a batch of them read column by column
            loading._Plain.read = lambda self, record: None  # type: ignore[method-assign]
            loading._Builder.batch = lambda self, records: None  # type: ignore[method-assign]
            full = load_plan(d)
        finally:
            loading._Plain.read = read  # type: ignore[method-assign]
            loading._Builder.batch = batch  # type: ignore[method-assign]
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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, 41), st.sampled_from(COLUMNS), st.sampled_from(ODD)), max_size=4),
    st.integers(1, 50),
)
def test_rows_read_in_batches_column_by_column_are_the_rows_read_one_by_one(
    changes: list[tuple[int, str, str]], size: int
) -> None:
    """Batches of common rows are read column by column; a batch with any other row is read row by
    row: the plan, its problems and notices are those of reading every row on its own."""
    with (DATA / "appendix1.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    for row, column, value in changes:
        if column in header:
            rows[row][header.index(column)] = value
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "p"
        shutil.copytree(DATA, d)
        (d / "appendix1.csv").write_text(_written(header, rows), encoding="utf-8")
        batch, batch_rows = loading._Builder.batch, loading.BATCH_ROWS
        try:
            loading.BATCH_ROWS = size
            batched = load_plan(d)
            loading._Builder.batch = lambda self, records: None  # type: ignore[method-assign]
            alone = load_plan(d)
        finally:
            loading._Builder.batch, loading.BATCH_ROWS = batch, batch_rows  # type: ignore[method-assign]
    assert batched.plan is not None and alone.plan is not None
    assert batched.plan.tables == alone.plan.tables
    assert [r.location for r in batched.plan.all_rows()] == [r.location for r in alone.plan.all_rows()]
    assert batched.problems == alone.problems and batched.notices == alone.notices
    assert batched.plan.incomplete == alone.plan.incomplete


def test_the_shipped_rows_are_read_column_by_column() -> None:
    calls: list[int] = []
    batch = loading._Builder.batch

    def counting(self: object, records: list[object]) -> object:
        built = batch(self, records)  # type: ignore[arg-type]
        calls.append(len(records) if built is not None else 0)
        return built

    loading._Builder.batch = counting  # type: ignore[method-assign]
    try:
        assert load_plan(DATA).plan is not None
    finally:
        loading._Builder.batch = batch  # type: ignore[method-assign]
    assert calls == [42, 21]  # every row of both tables, in a batch each


@pytest.mark.parametrize(
    ("file", "column"),
    [*(("appendix1.csv", c) for c in COLUMNS), *(("appendix2.csv", c) for c in UNIT_COLUMNS)],
)
def test_a_batch_with_one_odd_cell_reads_as_its_rows_one_by_one(file: str, column: str) -> None:
    """One row with an odd cell among common rows: its batch is read row by row (a cell the common
    row does not hold is never read column by column)."""
    with (DATA / file).open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    if column not in header:
        return
    for value in ODD:
        changed = [list(row) for row in rows]
        changed[len(rows) // 2][header.index(column)] = value
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp) / "p"
            shutil.copytree(DATA, d)
            (d / file).write_text(_written(header, changed), encoding="utf-8")
            batch = loading._Builder.batch
            batched = load_plan(d)
            try:
                loading._Builder.batch = lambda self, records: None  # type: ignore[method-assign]
                alone = load_plan(d)
            finally:
                loading._Builder.batch = batch  # type: ignore[method-assign]
        assert batched.plan is not None and alone.plan is not None, (column, value)
        assert batched.plan.tables == alone.plan.tables, (column, value)
        assert batched.problems == alone.problems, (column, value)
