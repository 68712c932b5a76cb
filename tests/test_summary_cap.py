"""The terminal shows the first rows of a long table, says so and where every row is; the totals are
of all rows; the exports hold every row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from entry import run_main
from plan272.views.summary import grids
from plandir import DATA


def test_a_long_table_is_capped_on_the_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grids, "TERMINAL_ROWS", 5)
    env = {"COLUMNS": "120"}
    out = run_main(["summary", str(DATA), "-s", "appendix1"], tmp_path, env).stdout
    assert "The first 5 of 42 rows" in out
    ids = [w[0] for w in (line.split() for line in out.splitlines()) if w and w[0][:1] == "I" and "." in w[0]]
    assert ids == ["I.1", "I.2", "I.3", "I.4", "I.5"]
    # every group row, with its subtotal, and the totals stay
    for group in ("HẠ TẦNG MẠNG", "ỨNG DỤNG NỀN TẢNG", "CƠ SỞ DỮ LIỆU", "AN TOÀN THÔNG TIN"):
        assert group[:8] in out
    assert "1,458,818" in out
    vi = run_main(["summary", str(DATA), "-s", "appendix1", "--lang", "vi"], tmp_path, env).stdout
    assert "5 dòng đầu trong số 42 dòng" in vi
    # the exports hold every row
    run_main(["summary", str(DATA), "-s", "appendix1", "--export", "a.csv"], tmp_path, env)
    with (tmp_path / "a.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert sum(1 for row in rows if row and row[0].startswith(("I.", "II.", "III.", "IV."))) == 42


def test_a_table_within_the_limit_is_whole(tmp_path: Path) -> None:
    out = run_main(["summary", str(DATA), "-s", "appendix1"], tmp_path, {"COLUMNS": "120"}).stdout
    assert "The first" not in out and "IV.2" in out
