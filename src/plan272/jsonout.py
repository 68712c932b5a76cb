"""JSON text with exact numbers: ``Decimal`` figures written as their exact text (``json.dumps``
would need floats), strings through :func:`plan272.safety.json_string` (every character that is not
printable as a ``\\u`` escape). Used by every JSON the tool writes: reports, diffs, baselines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from plan272.safety import json_string


def number_text(value: Decimal) -> str | None:
    """A finite Decimal's exact text, valid as a JSON number; ``None`` for NaN and infinities."""
    if not value.is_finite():
        return None
    # str() of a finite Decimal is always a valid JSON number: ``-12.50``, ``0E-7``, ``1.5E+3``.
    return str(value)


def dumps(value: Any, indent: int = 2) -> str:
    """JSON text of ``value`` with exact ``Decimal`` numbers (``json.dumps`` would need floats)."""
    out: list[str] = []
    _write(value, out, indent, 0)
    return "".join(out)


def _write(value: Any, out: list[str], indent: int, depth: int) -> None:
    import json

    if value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(str(int(value)))  # int(): an IntEnum's str() is not its number
    elif isinstance(value, Decimal):
        text = number_text(value)
        out.append("null" if text is None else text)
    elif isinstance(value, float):
        out.append(json.dumps(value) if value == value and abs(value) != float("inf") else "null")
    elif isinstance(value, str):
        out.append(json_string(value))
    elif isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        pad = "\n" + " " * (indent * (depth + 1))
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
            out.append(("," if i else "") + pad + json_string(key) + ": ")
            _write(item, out, indent, depth + 1)
        out.append("\n" + " " * (indent * depth) + "}")
    elif isinstance(value, Sequence):
        if not value:
            out.append("[]")
            return
        pad = "\n" + " " * (indent * (depth + 1))
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + pad)
            _write(item, out, indent, depth + 1)
        out.append("\n" + " " * (indent * depth) + "]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
