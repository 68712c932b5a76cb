"""Findings: what a rule reports — a code, a severity, where, what was expected and what was found.

A finding's identity (:meth:`Finding.key`) is its code and the ids it concerns, never its line: a
baseline or a diff survives reordered rows and unrelated edits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

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
