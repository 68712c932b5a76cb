"""The words of the errors that stop a command (exit 2) — a bad option, a path, a revision, a
baseline: key -> (en, vi)."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {}
