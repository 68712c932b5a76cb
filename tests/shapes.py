"""Small plans of any shape, written to a directory for the loader: plan.yaml from a dict, each
appendix file from rows. plan.yaml is written as JSON (which is YAML), with ``Decimal`` values as
bare numbers so that the loader reads them exactly."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

_DECIMAL = "\0decimal:"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{_DECIMAL}{value}"
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _decimals_unquoted(text: str) -> str:
    import re

    return re.sub(r'"\\u0000decimal:([0-9.]+)"', r"\1", text)


def write_plan(directory: Path, meta: dict[str, Any], tables: dict[str, Sequence[Sequence[object]]]) -> Path:
    """Write plan.yaml (``meta``) and each CSV file (``tables``: file name -> header row, rows)."""
    directory.mkdir(parents=True, exist_ok=True)
    text = _decimals_unquoted(json.dumps(_plain(meta), ensure_ascii=False, indent=1))
    (directory / "plan.yaml").write_text(text + "\n", encoding="utf-8")
    for name, rows in tables.items():
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([[str(c) for c in row] for row in rows])
        (directory / name).write_text(out.getvalue(), encoding="utf-8")
    return directory


def identity(start: int, end: int) -> dict[str, Any]:
    return {"number": "1/KH-UBND", "title": "Kế hoạch thử", "period": {"start": start, "end": end}}


def years_of(start: int, end: int) -> list[int]:
    return list(range(start, end + 1))
