"""The terminal lists at most TERMINAL_ROWS rows of an appendix that differ, then says how many more
and where every one is; the machine format lists them all, and the totals are of all of them."""

from __future__ import annotations

import dataclasses
import json

import pytest

from plan272.diff import diff_plans
from plan272.load import load_plan
from plan272.views import diff as views
from plan272.views.diff import text
from plandir import DATA


def _revised(moved: int) -> tuple[object, object]:
    old = load_plan(DATA).plan
    assert old is not None
    rows = list(old.rows("appendix1"))
    for k in range(moved):  # 1 million moved from 2022 to 2021 in the first ``moved`` projects
        r = rows[k]
        years = {**r.years, 2021: r.years[2021] + 1, 2022: r.years[2022] - 1}
        rows[k] = dataclasses.replace(r, years=years)
    new = old.model_copy(update={"tables": {**old.tables, "appendix1": tuple(rows)}})
    return old, new


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_terminal_lists_the_first_rows_and_counts_the_rest(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(text, "TERMINAL_ROWS", 4)
    old, new = _revised(10)
    diff = diff_plans(old, new, None, None)  # type: ignore[arg-type]
    out = views.render(diff, "text", ("a", "b"), "0", lang=lang, to_file=True)
    listed = [line.split()[1] for line in out.splitlines() if line.startswith("~ ")]
    assert listed == ["I.1", "I.2", "I.3", "I.4"]  # the first four of the ten, in order
    (note,) = [line for line in out.splitlines() if line.startswith("… ")]
    assert " 6 " in note and "--format json" in note
    data = json.loads(views.render(diff, "json", ("a", "b"), "0", lang=lang))
    assert [p["new_id"] for p in data["tables"]["appendix1"]["changed"]] == [
        r.id for r in new.rows("appendix1")[:10]
    ]  # type: ignore[attr-defined]


def test_within_the_limit_nothing_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "TERMINAL_ROWS", 10)
    old, new = _revised(10)
    out = views.render(diff_plans(old, new, None, None), "text", ("a", "b"), "0", to_file=True)  # type: ignore[arg-type]
    assert len([line for line in out.splitlines() if line.startswith("~ ")]) == 10
    assert not [line for line in out.splitlines() if line.startswith("… ")]
