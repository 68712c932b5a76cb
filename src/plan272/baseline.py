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

VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be used; the message says why."""


def dumps(findings: list[Finding]) -> str:
    entries = sorted(
        {
            f.key(): {"key": f.key(), "code": f.code, "ids": list(f.ids), "message": f.message}
            for f in findings
        }.values(),
        key=lambda e: str(e["key"]),
    )
    from plan272.formats.json_ import dumps as json_dumps

    return json_dumps({"version": VERSION, "tool": "plan272", "findings": entries}) + "\n"


def load(path: Path) -> list[dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BaselineError(f"baseline file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path} is not valid JSON (line {exc.lineno}): {exc.msg}") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"baseline {path} is not a plan272 baseline (version {VERSION})")
    entries: list[dict[str, object]] = []
    for index, entry in enumerate(data["findings"]):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("key"), str)
            or not isinstance(entry.get("code"), str)
        ):
            raise BaselineError(f"baseline {path}: entry {index} has no key/code")
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
