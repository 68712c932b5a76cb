"""Findings: what a rule reports — a code, a severity, where, what was expected and what was found.

A finding's identity (:meth:`Finding.key`) is its code and the ids it concerns, never its line: a
baseline or a diff survives reordered rows and unrelated edits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from plan272.messages import Lang, Message
from plan272.problems import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


Figure = int | Decimal


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    #: what the finding says: a :class:`Message` (a key and its figures, worded per language), or,
    #: for a load problem not yet in the catalogue, plain English text
    message: str | Message
    location: Location
    ids: tuple[str, ...] = ()
    expected: Figure | None = None
    observed: Figure | None = None
    #: a short discriminator when one rule can report the same ids twice (e.g. a year)
    detail: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``."""
        return self.message if isinstance(self.message, str) else self.message.render(lang)

    @property
    def difference(self) -> Figure | None:
        if self.expected is None or self.observed is None:
            return None
        return self.observed - self.expected

    def key(self) -> str:
        """Identity for baselines and diffs: code, ids and detail — no line, no message."""
        parts = [self.code, *self.ids]
        if self.detail:
            parts.append(f"@{self.detail}")
        return "|".join(parts)

    def fingerprint(self) -> str:
        return hashlib.sha256(self.key().encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.location.file, self.location.line or 0, self.code, self.key())


Trend = Literal["worse", "better", "same"]


@dataclass(frozen=True)
class Figures:
    """What a finding weighs, for telling whether it got worse: its severity and the figures its
    rule compares (the gap between them is how far the plan is off). A baseline keeps these beside
    a finding's identity; a diff compares them across revisions."""

    severity: Severity
    expected: Figure | None = None
    observed: Figure | None = None

    @classmethod
    def of(cls, finding: Finding) -> Figures:
        return cls(finding.severity, finding.expected, finding.observed)

    @property
    def gap(self) -> Figure | None:
        """How far the found figure is from the expected one (``None`` when there are not two)."""
        if self.expected is None or self.observed is None:
            return None
        gap: Figure = self.observed - self.expected
        return -gap if gap < 0 else gap

    def to_json(self) -> dict[str, object]:
        """``{"severity", "expected", "observed"}``: integers as JSON integers, decimals as strings
        (exact), absent figures left out."""
        out: dict[str, object] = {"severity": self.severity.value}
        for name in ("expected", "observed"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value if isinstance(value, int) else str(value)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Figures | None:
        """The figures a baseline entry recorded, or ``None`` when it recorded none or they are not
        figures (an entry written by an older plan272, or edited by hand)."""
        severity = data.get("severity")
        if severity not in ("error", "warning", "info"):
            return None
        values: list[Figure | None] = []
        for name in ("expected", "observed"):
            value = data.get(name)
            if value is None:
                values.append(None)
            elif isinstance(value, int) and not isinstance(value, bool):
                values.append(value)
            elif isinstance(value, str):
                try:
                    number = Decimal(value)
                except ArithmeticError:
                    return None
                if not number.is_finite():
                    return None
                values.append(number)
            else:
                return None
        return cls(Severity(str(severity)), values[0], values[1])


def trend(before: Figures, after: Figures) -> Trend:
    """Whether a finding got worse, better or stayed the same between two runs: a higher severity is
    worse; at the same severity, a wider gap between expected and found is worse (``6,000 too
    little`` → ``11,000 too little``; a share ``8,182 short`` → ``23,182 short``). Figures that cannot
    be compared (one side has none) are the same."""
    if after.severity.rank != before.severity.rank:
        return "worse" if after.severity.rank > before.severity.rank else "better"
    old, new = before.gap, after.gap
    if old is None or new is None or old == new:
        return "same"
    return "worse" if new > old else "better"


def describe_difference(expected: Figure, observed: Figure) -> str:
    """``expected 20,200, found 21,200: 1,000 too much`` (as the ledger tools say it)."""
    diff = observed - expected
    if diff == 0:
        return f"expected {expected:,}, found {observed:,}"
    how = "too much" if diff > 0 else "too little"
    return f"expected {expected:,}, found {observed:,}: {abs(diff):,} {how}"


def how_far(expected: Figure, observed: Figure) -> str:
    """``1,000 too much`` / ``1,000 too little`` / ``equal``: how far the observed figure is off."""
    diff = observed - expected
    if diff == 0:
        return "equal"
    return f"{abs(diff):,} {'too much' if diff > 0 else 'too little'}"
