"""What is computed once per plan stays the plan's own: a remembered security account is never
another plan's, and a name key is the same whether remembered or not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plan272 import figures
from plan272.load import load_plan
from plan272.model import Years
from plan272.names import name_key
from plandir import DATA, PlanDir


def test_a_security_account_is_computed_once_per_plan(tmp_path: Path) -> None:
    shipped = load_plan(DATA).plan
    d = PlanDir.copy_of(DATA, tmp_path / "other")
    d.set_yaml("min_share_percent: 10", "min_share_percent: 5")
    other = load_plan(d.path).plan
    assert shipped is not None and other is not None
    first = figures.security_account(shipped)
    assert figures.security_account(shipped) is first  # remembered
    second = figures.security_account(other)
    assert second is not None and first is not None
    assert second.period.minimum_percent == 5 and first.period.minimum_percent == 10
    # more plans than it keeps: recomputed, equal
    for _ in range(3):
        figures.security_account(load_plan(DATA).plan)  # type: ignore[arg-type]
    again = figures.security_account(shipped)
    assert again == first


@given(st.text(max_size=30))
def test_name_keys_are_the_same_remembered_or_not(name: str) -> None:
    assert name_key(name) == name_key.__wrapped__(name)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_folds_as_the_full_fold(text: str) -> None:
    import unicodedata

    from plan272.names import fold

    full = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")
    assert fold(text) == full.casefold()


def test_table_totals_are_computed_once_per_plan_and_appendix(tmp_path: Path) -> None:
    shipped = load_plan(DATA).plan
    d = PlanDir.copy_of(DATA, tmp_path / "other")
    d.set_cell("appendix1.csv", "I.1", "y2021", "9000")
    d.set_cell("appendix1.csv", "I.1", "tmdt", "21200")
    other = load_plan(d.path).plan
    assert shipped is not None and other is not None
    first, second = shipped.appendices
    totals = figures.table_totals(shipped, first)
    assert figures.table_totals(shipped, first) is totals
    assert figures.table_totals(shipped, second) is not totals
    assert totals.amounts.total == 1_458_818
    for plan in (shipped, other):
        for appendix in plan.appendices:  # the table's amounts, from its groups', are its rows'
            whole = figures.table_totals(plan, appendix).amounts
            assert whole == figures.add_up(plan.rows(appendix.id), appendix, plan.years)
    changed = figures.table_totals(other, other.appendices[0])
    assert changed.amounts.total == 1_458_818 + 1_000
    assert changed.amounts.years[2021] - totals.amounts.years[2021] == 1_000


_row = st.fixed_dictionaries(
    {
        "total": st.integers(0, 10**9),
        "years": st.dictionaries(st.integers(2019, 2027), st.integers(0, 10**9), max_size=6),
        "columns": st.dictionaries(st.sampled_from(["ca", "cb"]), st.integers(0, 10**6), max_size=2),
        "section": st.sampled_from(["I", "II", "X"]),
    }
)


@given(
    st.lists(_row, max_size=12),
    st.lists(st.integers(2019, 2027), max_size=6),
    st.sampled_from(["period", "whole"]),
    st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_add_up_is_the_plain_sum_of_the_rows(
    rows: list[dict], years: list[int], row_total: str, loaded: list[bool]
) -> None:
    """Rows whose years are a dict, or :class:`~plan272.model.Years` as the loader builds them (in
    the plan's years, or in others: each is added up by year)."""
    from plan272.model import Appendix, Project
    from plan272.problems import Location

    appendix = Appendix.model_validate(
        {
            "id": "extra",
            "name": "Extra",
            "file": "a.csv",
            "kind": "projects",
            "row_total": row_total,
            "columns": [{"id": "ca", "title": "A"}, {"id": "cb", "title": "B"}],
        }
    )
    built = [
        Project(
            appendix="extra",
            id=f"I.{i}",
            section=r["section"],
            tt=i,
            name="n",
            investor="x",
            total=r["total"],
            years=_as_loaded(r["years"], years, i) if loaded[i] else r["years"],
            columns=r["columns"],
            location=Location("a.csv", i),
        )
        for i, r in enumerate(rows)
    ]
    got = figures.add_up(built, appendix, years)
    assert got.years == {y: sum(r.years.get(y, 0) for r in built) for y in years}
    assert got.total == sum(r.total for r in built)
    assert got.period == sum(figures.period_amount(r, appendix) for r in built)
    assert got.columns == {c: sum(r.columns.get(c, 0) for r in built) for c in ("ca", "cb")}
    assert got.count == len(built)


def _as_loaded(by_year: dict[int, int], years: list[int], i: int) -> Years:
    """``by_year`` as the loader keeps it: in the plan's ``years`` (every other row), or its own."""
    if i % 2:
        return Years(tuple(by_year), tuple(by_year.values()))
    return Years(tuple(years), tuple(by_year.get(y, 0) for y in years))


def test_the_default_limits_accept_a_million_rows_of_plan_272s_width() -> None:
    from plan272.cli import options
    from plan272.load.files import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS

    text = (DATA / "appendix1.csv").read_bytes()
    rows = text.count(b"\n") - 1
    width = len(text) / rows  # bytes a row, the header aside (a little more than it)
    assert DEFAULT_MAX_ROWS >= 1_000_000
    assert 1_000_000 * width <= DEFAULT_MAX_BYTES
    # the command line's defaults are the library's
    assert options.DEFAULT_MAX_ROWS == DEFAULT_MAX_ROWS
    assert options.parse_size(options.DEFAULT_MAX_FILE_SIZE) == DEFAULT_MAX_BYTES


def test_every_format_character_is_in_the_blocks_fold_looks_at() -> None:
    import sys
    import unicodedata

    from plan272.names import MAYBE_FORMAT

    missing = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and not MAYBE_FORMAT.match(chr(code))
    ]
    assert missing == []


def _reference_name_key(name: str) -> str:
    """name_key as first written: every character's category looked at, spaces by a regex."""
    import re
    import unicodedata

    from plan272.names import _syllable_key, nfc

    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf").casefold()
    text = nfc(text)
    text = re.sub(r"\s*[-\u2013\u2014]\s*", " - ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return " ".join(_syllable_key(word) for word in text.split(" "))


_PIECES = [
    *"aAoOyYđĐ \t-–—\u00a0\u2003\u200b\u200d\u202e\ufeff\u00adＩ1",
    "Hóa",
    "Hoá",
    "Thủy",
    "Thuỷ",
    "\u0301",
    "ệ",
]
_NAMEISH = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@given(st.one_of(_NAMEISH, st.text(max_size=20)))
def test_name_keys_are_those_of_the_reference_definition(name: str) -> None:
    assert name_key.__wrapped__(name) == _reference_name_key(name)


def test_rows_as_loaded_are_added_up_column_by_column_to_the_plain_sums() -> None:
    plan = load_plan(DATA).plan
    assert plan is not None
    for appendix in plan.appendices:
        rows = plan.rows(appendix.id)
        assert all(type(r.years) is Years for r in rows)  # the column-by-column way is taken
        got = figures.add_up(rows, appendix, plan.years)
        assert got.years == {y: sum(r.years[y] for r in rows) for y in plan.years}
        assert got.total == sum(r.total for r in rows) and got.count == len(rows)
        assert got.period == sum(figures.period_amount(r, appendix) for r in rows)
        assert got.columns == {c.id: sum(r.columns.get(c.id, 0) for r in rows) for c in appendix.columns}
        # and as a generator, and in a list with one row of other years: the same
        assert figures.add_up(iter(rows), appendix, plan.years) == got
        mixed = [*rows[:-1], dataclasses.replace(rows[-1], years=dict(rows[-1].years))]
        assert figures.add_up(mixed, appendix, plan.years) == got
