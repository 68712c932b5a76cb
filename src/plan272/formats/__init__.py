"""Renderers of a validation report, one module per ``--format``."""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "junit", "github")
