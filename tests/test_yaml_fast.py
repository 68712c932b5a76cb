"""plan.yaml is composed by libyaml when it is there, by the pure loader otherwise (and for anything
libyaml's path refuses): both give the same values, lines and located problems, every time."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from plan272.load import yamlfile
from plan272.load.yamlfile import MAX_DEPTH, load_yaml
from plans import ROOT

needs_libyaml = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="no libyaml")


def both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = load_yaml(text, "plan.yaml")
    with monkeypatch.context() as m:
        m.setattr(yamlfile, "_fast_node", lambda text: yamlfile._UNREAD)
        pure = load_yaml(text, "plan.yaml")
    return fast, pure


def nested(levels: int) -> str:
    return "a: " + "[" * (levels - 1) + "1" + "]" * (levels - 1) + "\n"


DOCUMENTS = [
    (ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"),
    (ROOT / "tests" / "fixtures" / "plan2" / "plan.yaml").read_text(encoding="utf-8"),
    "",
    "# only a comment\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "a: &x [1, 2]\nb: *x\nc: *x\n",
    "a: &x {k: 1}\nb:\n  <<: *x\n",
    "a: !!python/object:os.system x\n",
    "a: !custom 1\n",
    "a: 1\na: 2\n",
    "a: 20.200\nb: 1e3\nc: .inf\nd: 2020-12-21\ne: 0x1F\nf: +5\ng: 1_000\n",
    "a: 'quoted'\nb: \"dq\\u00e9\"\nc: |\n  block\n  text\nd: >\n  folded\n",
    "a: [1, 2\n",  # not closed
    "a:\n\t- tab\n",
    "\ufeffa: 1\n",
    "a: b: c\n",
    "a: \x07\n",
    "tên: Kế hoạch\nsố: 272/KH-UBND\n",
    "? [complex, key]\n: v\n",
    "a: " + "x" * 5000 + "\n",
    nested(MAX_DEPTH - 1),
    nested(MAX_DEPTH),
    nested(MAX_DEPTH + 1),
    "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n",
]


@needs_libyaml
@pytest.mark.parametrize("text", DOCUMENTS, ids=range(len(DOCUMENTS)))
def test_libyaml_and_the_pure_loader_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, pure = both(text, monkeypatch)
    assert fast == pure


@needs_libyaml
@pytest.mark.parametrize("items", [40, 48, 49, 60])
def test_the_node_budget_is_the_same_both_ways(items: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_NODES", 50)  # a file of more values than the budget
    text = "a: [" + ", ".join(["1"] * items) + "]\n"
    fast, pure = both(text, monkeypatch)
    assert fast == pure
    assert (fast[0] is None) is (items + 3 > 50)  # the mapping, the key, the list and its items


@needs_libyaml
def test_the_shipped_plan_is_composed_by_libyaml() -> None:
    text = (ROOT / "data" / "plan.yaml").read_text(encoding="utf-8")
    assert yamlfile._fast_node(text) is not yamlfile._UNREAD
    # too deep or too many values: never handed to the C composer
    assert yamlfile._fast_node(nested(MAX_DEPTH + 1)) is yamlfile._UNREAD


values = st.recursive(
    st.one_of(
        st.integers(-(10**9), 10**9),
        st.text(max_size=12),
        st.booleans(),
        st.none(),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)


@needs_libyaml
@settings(max_examples=60, deadline=None)
@given(values, st.sampled_from([None, True, False]), st.sampled_from([None, "'", '"']))
def test_any_document_reads_the_same_both_ways(value: object, flow: bool | None, style: str | None) -> None:
    text = yaml.safe_dump({"root": value}, default_flow_style=flow, default_style=style, allow_unicode=True)
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, pure = both(text, monkeypatch)
    assert fast == pure
