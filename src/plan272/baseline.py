"""Baselines: record today's findings, report only new ones — and the ones that got worse — tomorrow.

An entry is a finding's identity — its rule code and the ids it concerns (:meth:`Finding.key`) —
never its line or its wording, so a baseline survives reordered rows, added projects and reworded
messages. Since version 2 an entry also keeps the finding's figures (:class:`plan272.findings.Figures`:
severity, expected, observed; and, for readers only, the difference and the share), so a finding
whose figures got worse (:func:`plan272.findings.trend`) is reported although its identity is
recorded, and one that got better is reported as improved.

Version 1 (identity only) is still read: its entries suppress their findings as before — there is
nothing to compare them with.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import DefaultContext, Inexact, localcontext
from pathlib import Path

from plan272.engine import Compared, Recorded, Report, selected
from plan272.findings import Figure, Figures, Finding, trend
from plan272.messages import Amount, Invalid, Message
from plan272.numbers import exact
from plan272.safety import safe

#: the version plan272 writes; :data:`READS` the versions it reads
VERSION = 2
READS = (1, 2)
#: the keys of an entry, per version (what ``--write-baseline`` may replace without ``--force``)
_ENTRY_KEYS = {
    1: frozenset({"key", "code", "ids", "message"}),
    2: frozenset(
        {"key", "code", "ids", "message", "severity", "expected", "observed", "difference", "share"}
    ),
}


class BaselineError(Invalid):
    """The baseline file cannot be used; ``message`` says why in words of the catalogue (``str()`` is
    the English)."""


@dataclass(frozen=True)
class Entry:
    """One finding a baseline records: its identity and (version 2) what it weighed."""

    key: str
    code: str
    #: ``None`` for an entry of version 1, which records no figures
    recorded: Recorded | None = None


@dataclass(frozen=True)
class Baseline:
    version: int
    entries: tuple[Entry, ...]


def _reason(exc: OSError) -> str:
    return str(exc.strerror or exc)  # the system's words, quoted as they are


def weight(figures: Figures) -> tuple[int, int, Figure]:
    """How bad a finding is, in :func:`plan272.findings.trend`'s order: severity first, then the gap
    between expected and found (a finding with a gap above one without)."""
    gap = figures.gap
    return (figures.severity.rank, 0 if gap is None else 1, 0 if gap is None else gap)


def _worst(findings: Iterable[Finding]) -> Finding:
    return max(findings, key=lambda f: weight(Figures.of(f)))


def _json_figure(value: Figure) -> object:
    return value if isinstance(value, int) else str(value)


def entry_of(finding: Finding) -> dict[str, object]:
    """A finding as a baseline entry: identity, then figures (decimals as their exact text)."""
    entry: dict[str, object] = {
        "key": finding.key(),
        "code": finding.code,
        "ids": list(finding.ids),
        "message": finding.text(),
        **Figures.of(finding).to_json(),
    }
    if finding.difference is not None:
        entry["difference"] = _json_figure(finding.difference)
    if "share" in finding.extra:
        entry["share"] = finding.extra["share"]
    return entry


@exact
def dumps(findings: list[Finding]) -> str:
    """The baseline of ``findings``: one entry per key; when several findings share a key, the figures
    of the worst (so that applying the baseline to the same findings hides them all)."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.key(), []).append(finding)
    entries = [entry_of(_worst(groups[key])) for key in sorted(groups)]
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


def is_baseline(path: Path, limit: int = 64 * 1024 * 1024) -> bool:
    """Whether ``path`` holds a baseline exactly as plan272 writes it (this version or an older one)
    — nothing else (a JSON report, a file with notes of its own) may be replaced by
    ``--write-baseline`` without ``--force``."""
    try:
        data = _parse(path, limit)
        _entries(data, path)
    except BaselineError:
        return False
    findings = data["findings"]
    assert isinstance(findings, list)  # _entries checked it
    keys = _ENTRY_KEYS[int(str(data["version"]))]
    return (
        set(data) == {"version", "tool", "findings"}
        and data["tool"] == "plan272"
        and all(set(entry) <= keys for entry in findings)
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


def load(path: Path, limit: int = 64 * 1024 * 1024) -> Baseline:
    """The baseline ``path`` (:class:`BaselineError` if it is not one, or not one this version reads)."""
    data = _parse(path, limit)
    entries = _entries(data, path)  # checks the version first
    return Baseline(int(str(data["version"])), entries)


def _entries(data: dict[str, object], path: Path) -> tuple[Entry, ...]:
    findings = data.get("findings")
    version = data.get("version")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version not in READS
        or not isinstance(findings, list)
    ):
        raise BaselineError(Message("error.baseline.not-baseline", path=str(path), version=VERSION))

    def refuse(problem: Message) -> BaselineError:
        return BaselineError(Message("error.baseline.in", path=str(path), problem=problem))

    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(findings):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("key"), str)
            or not isinstance(item.get("code"), str)
        ):
            raise BaselineError(Message("error.baseline.entry", path=str(path), index=index))
        key = str(item["key"])
        if key in seen:
            twice = Message("baseline.entry-twice", index=index, key=repr(key), first=seen[key])
            raise refuse(twice)
        seen[key] = index
        recorded = None
        if version >= 2:
            recorded = _recorded(item, index, key, refuse)
        entries.append(Entry(key, str(item["code"]), recorded))
    return tuple(entries)


def _recorded(
    item: dict[str, object], index: int, key: str, refuse: Callable[[Message], BaselineError]
) -> Recorded:
    """The figures of an entry of version 2: each must be read exactly — the severity one of
    ``error``, ``warning``, ``info``; ``expected`` and ``observed``, where present, an integer or a
    decimal written as a string, whose difference is exact — or the baseline is refused: a figure misread
    would hide a worsening. ``difference`` is written for readers and not read back."""

    def bad(name: str, value: object) -> BaselineError:
        text = safe(json_text(value))
        return refuse(Message("baseline.figure", index=index, key=repr(key), field=name, value=text))

    if item.get("severity") not in ("error", "warning", "info"):
        raise bad("severity", item.get("severity"))
    for name in ("expected", "observed"):
        if Figures.from_json({"severity": item["severity"], name: item.get(name)}) is None:
            raise bad(name, item.get(name))
    figures = Figures.from_json(item)
    assert figures is not None  # each part was read above
    try:  # exact in the precision every view computes a difference in (Python's default, 28 digits)
        with localcontext(DefaultContext) as context:
            context.traps[Inexact] = True
            figures.gap  # noqa: B018 - computed exactly, or refused
    except ArithmeticError:
        raise bad("expected, observed", [item.get("expected"), item.get("observed")]) from None
    share = item.get("share")
    if share is not None and not isinstance(share, str):
        raise bad("share", share)
    return Recorded(figures, share)


def json_text(value: object, limit: int = 40) -> str:
    """A value of the baseline as its JSON text, cut to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@exact
def apply(report: Report, baseline: Baseline, select: list[str], ignore: list[str]) -> Report:
    """Compare the findings with the baseline: a finding it records with the same figures is
    suppressed; one that got worse stays, listed in ``worse``; one that got better is suppressed
    and listed in ``improved``. Entries of version 1 record no figures: their findings are
    suppressed. Entries that no longer occur (of the selected rules) are listed as stale.

    When several findings share a key, the worst of them is compared (as :func:`dumps` records it):
    the findings worse than the entry are reported, the rest suppressed; if the worst got better,
    it alone is reported as improved (what a rewritten baseline would record)."""
    entries = {entry.key: entry for entry in baseline.entries}
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.key(), []).append(finding)
    worst = {key: _worst(group) for key, group in groups.items()}
    kept: list[Finding] = []
    worse: list[Compared] = []
    improved: list[Compared] = []
    suppressed = 0
    for finding in report.findings:
        key = finding.key()
        entry = entries.get(key)
        if entry is None:
            kept.append(finding)
            continue
        if entry.recorded is None:  # version 1: nothing to compare
            suppressed += 1
            continue
        trend_ = trend(entry.recorded.figures, Figures.of(finding))
        if trend_ == "worse":
            kept.append(finding)
            worse.append(Compared(finding, entry.recorded, "worse"))
        elif trend_ == "better" and finding is worst[key]:
            improved.append(Compared(finding, entry.recorded, "better"))
        else:
            suppressed += 1
    present = set(groups)
    stale = sorted(
        entry.key
        for entry in baseline.entries
        if entry.key not in present and selected(entry.code, select, ignore)
    )
    return replace(
        report,
        findings=kept,
        suppressed=suppressed,
        stale_baseline=stale,
        baseline_version=baseline.version,
        worse=worse,
        improved=improved,
    )
