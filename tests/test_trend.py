"""Whether a finding got worse: severity first, then the gap between expected and found."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from plan272.findings import Figures, Severity, trend

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def test_a_wider_gap_is_worse() -> None:
    # SUM002: 6,000 too little -> 11,000 too little
    assert trend(Figures(E, 262318, 256318), Figures(E, 262318, 251318)) == "worse"
    # SEC002: 8,182 short -> 23,182 short (the required amount stays, the amount falls)
    assert trend(Figures(E, 31182, 23000), Figures(E, 31182, 8000)) == "worse"
    assert trend(Figures(E, 31182, 8000), Figures(E, 31182, 23000)) == "better"


def test_severity_comes_first() -> None:
    assert trend(Figures(W, 10, 0), Figures(E, 10, 9)) == "worse"
    assert trend(Figures(E, 10, 9), Figures(INFO, 10, 0)) == "better"


def test_without_two_figures_nothing_can_be_said() -> None:
    assert trend(Figures(E), Figures(E, 1, 100)) == "same"
    assert trend(Figures(E, 5, 6), Figures(E, None, 6)) == "same"
    assert trend(Figures(E, 5, 6), Figures(E, 6, 5)) == "same"  # the same gap, the other way


def test_json_round_trip_keeps_decimals_exact() -> None:
    figures = Figures(W, Decimal("12.345"), 7)
    assert figures.to_json() == {"severity": "warning", "expected": "12.345", "observed": 7}
    assert Figures.from_json(figures.to_json()) == figures
    assert Figures.from_json({"severity": "fatal"}) is None
    assert Figures.from_json({"severity": "error", "expected": 1.5}) is None  # a float is no figure
    assert Figures.from_json({"severity": "error", "expected": "NaN"}) is None
    assert Figures.from_json({"severity": "error", "expected": True}) is None


figures = st.builds(
    Figures,
    st.sampled_from([E, W, INFO]),
    st.one_of(st.none(), st.integers(-(10**12), 10**12)),
    st.one_of(st.none(), st.integers(-(10**12), 10**12)),
)


@given(figures, figures)
def test_trend_is_antisymmetric(a: Figures, b: Figures) -> None:
    opposite = {"worse": "better", "better": "worse", "same": "same"}
    assert trend(b, a) == opposite[trend(a, b)]
    assert trend(a, a) == "same"
    assert Figures.from_json(a.to_json()) == a
