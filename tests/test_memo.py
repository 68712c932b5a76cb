"""What is computed once per plan stays the plan's own: a remembered security account is never
another plan's, and a name key is the same whether remembered or not."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plan272 import figures
from plan272.load import load_plan
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
