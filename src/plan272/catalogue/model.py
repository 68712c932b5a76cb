"""The words of plan.yaml's refusals: what the model's validators say about a value they do not
accept (ids, periods, groups, splits, targets…): key -> (en, vi)."""

from __future__ import annotations

MODEL: dict[str, tuple[str, str]] = {}
