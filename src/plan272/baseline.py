"""Baselines: record today's findings, report only new ones tomorrow.

An entry is a finding's identity — its rule code and the ids it concerns (:meth:`Finding.key`) —
never its line or its wording, so a baseline survives reordered rows, added projects and reworded
messages.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from plan272.engine import Report, selected
from plan272.findings import Finding
from plan272.messages import Amount, Invalid, Message

VERSION = 1


class BaselineError(Invalid):
    """The baseline file cannot be used; ``message`` says why in words of the catalogue (``str()`` is
    the English)."""


def _reason(exc: OSError) -> str:
    return str(exc.strerror or exc)  # the system's words, quoted as they are


def dumps(findings: list[Finding]) -> str:
    entries = sorted(
        {
            f.key(): {"key": f.key(), "code": f.code, "ids": list(f.ids), "message": f.text()}
            for f in findings
        }.values(),
        key=lambda e: str(e["key"]),
    )
    from plan272.jsonout import dumps as json_dumps

    return json_dumps({"version": VERSION, "tool": "plan272", "findings": entries}) + "\n"


def _read(path: Path, limit: int) -> str:
    """The text of a baseline: a regular file (never a pipe or a device, which could block or
    never end), at most ``limit`` bytes, UTF-8."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise BaselineError(Message("error.baseline.not-found", path=str(path))) from exc
    except OSError as exc:
        raise BaselineError(Message("error.baseline.read", path=str(path), reason=_reason(exc))) from exc
    if not stat.S_ISREG(mode):
        raise BaselineError(Message("error.baseline.irregular", path=str(path)))
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise BaselineError(Message("error.baseline.read", path=str(path), reason=_reason(exc))) from exc
    if len(data) > limit:
        raise BaselineError(Message("error.baseline.too-large", path=str(path), limit=Amount(limit)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BaselineError(Message("error.baseline.not-utf8", path=str(path))) from exc


_ENTRY_KEYS = frozenset({"key", "code", "ids", "message"})


def is_baseline(path: Path, limit: int = 64 * 1024 * 1024) -> bool:
    """Whether ``path`` holds a baseline exactly as plan272 writes it — nothing else (a JSON report,
    a file with notes of its own) may be replaced by ``--write-baseline`` without ``--force``."""
    try:
        data = _parse(path, limit)
        entries = _entries(data, path)
    except BaselineError:
        return False
    return (
        set(data) == {"version", "tool", "findings"}
        and data["tool"] == "plan272"
        and all(set(entry) <= _ENTRY_KEYS for entry in entries)
    )


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise BaselineError(Message("error.baseline.key-twice", key=repr(key)))
        out[key] = value
    return out


def _parse(path: Path, limit: int) -> dict[str, object]:
    text = _read(path, limit)
    try:
        data = json.loads(text, object_pairs_hook=_unique)
    except json.JSONDecodeError as exc:
        json_error = Message("error.baseline.json", path=str(path), line=exc.lineno, reason=exc.msg)
        raise BaselineError(json_error) from exc
    except BaselineError as exc:
        raise BaselineError(Message("error.baseline.in", path=str(path), problem=exc.message)) from exc
    except RecursionError as exc:
        raise BaselineError(Message("error.baseline.too-deep", path=str(path))) from exc
    except ValueError as exc:  # an integer of thousands of digits, …
        raise BaselineError(Message("error.baseline.number-too-long", path=str(path))) from exc
    if not isinstance(data, dict):
        raise BaselineError(Message("error.baseline.not-baseline", path=str(path), version=VERSION))
    return data


def load(path: Path, limit: int = 64 * 1024 * 1024) -> list[dict[str, object]]:
    """The entries of the baseline ``path`` (:class:`BaselineError` if it is not one)."""
    return _entries(_parse(path, limit), path)


def _entries(data: dict[str, object], path: Path) -> list[dict[str, object]]:
    findings = data.get("findings")
    if data.get("version") != VERSION or not isinstance(findings, list):
        raise BaselineError(Message("error.baseline.not-baseline", path=str(path), version=VERSION))
    entries: list[dict[str, object]] = []
    for index, entry in enumerate(findings):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("key"), str)
            or not isinstance(entry.get("code"), str)
        ):
            raise BaselineError(Message("error.baseline.entry", path=str(path), index=index))
        entries.append(entry)
    return entries


def apply(report: Report, entries: list[dict[str, object]], select: list[str], ignore: list[str]) -> Report:
    """Drop the findings the baseline records; list the entries that no longer occur."""
    keys = {str(e["key"]) for e in entries}
    kept = [f for f in report.findings if f.key() not in keys]
    present = {f.key() for f in report.findings}
    stale = sorted(
        str(e["key"])
        for e in entries
        if str(e["key"]) not in present and selected(str(e["code"]), select, ignore)
    )
    return replace(report, findings=kept, suppressed=len(report.findings) - len(kept), stale_baseline=stale)
