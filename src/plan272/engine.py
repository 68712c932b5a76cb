"""Run the rule catalogue over a loaded plan: ``run(result, select, ignore) -> Report``.

Load problems become DAT001 findings (cells of a column failing the same way: one finding with
every place); what the loader detected because plan.yaml did not declare it becomes a DAT003
``info`` finding. A rule that crashes becomes an INT001 finding that says it is an internal error,
and the run goes on with the other rules.

A run is complete when every input was read in full. When a file could not be read at all, or a
table only in part (``plan.incomplete``), the report says so (:attr:`Report.status`) and the run
exits 2: the checks that need what is missing did not run, so "no finding" would prove nothing.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Literal

from plan272.findings import Figures, Finding, Severity
from plan272.gcpause import paused
from plan272.load import LoadResult
from plan272.load.csvfile import Notice
from plan272.load.grouping import GroupedProblem, Place
from plan272.messages import Invalid, Message
from plan272.numbers import exact
from plan272.problems import Location, Problem
from plan272.rules import Rule, catalogue

INTERNAL = "INT001"
#: what the loader detected because plan.yaml did not declare it
DETECTED = "DAT003"
Status = Literal["complete", "incomplete", "not-run"]


@dataclass(frozen=True)
class GroupedFinding(Finding):
    """A DAT001 finding about many cells of one column failing the same way: ``places`` holds each
    of them (file, line, column, value, row id); the message counts them and shows the first."""

    places: tuple[Place, ...] = field(default=(), compare=False, hash=False)


class SelectionError(Invalid):
    """A --select/--ignore entry that names no rule, or a selection that leaves none; ``message``
    says so in words of the catalogue (``str()`` is the English)."""


def check_selection(select: Sequence[str], ignore: Sequence[str]) -> None:
    """:class:`SelectionError` when ``select`` and ``ignore`` leave no rule to run: a run that checks
    nothing must not pass for a check."""
    if not any(selected(r.code, select, ignore) for r in catalogue()):
        raise SelectionError(Message("error.select.nothing-left"))


def parse_codes(values: Iterable[str] | None) -> list[str]:
    """``["SEC,KPI001", "SUM"]`` -> ``["SEC", "KPI001", "SUM"]``, checked against the catalogue."""
    codes: list[str] = []
    known = [r.code for r in catalogue()] + [INTERNAL]
    for value in values or []:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(k.startswith(code) for k in known):
                raise SelectionError(Message("error.select.unknown", code=repr(code)))
            codes.append(code)
    return codes


def selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if code == INTERNAL:
        return True
    if select and not any(code.startswith(s) for s in select):
        return False
    return not any(code.startswith(i) for i in ignore)


@dataclass(frozen=True)
class Recorded:
    """What a baseline recorded of a finding: its figures (severity, expected, found) and, for
    readers, the share it stated (``7.38%``; never compared: the money is)."""

    figures: Figures
    share: str | None = None


@dataclass(frozen=True)
class Compared:
    """A finding of today beside what the baseline recorded of it, when the two differ:
    ``worse`` (reported, it fails as any finding of its severity) or ``better`` (improved: not a
    failure, a notice that the baseline can be tightened)."""

    finding: Finding
    recorded: Recorded
    trend: Literal["worse", "better"]


@dataclass
class Report:
    """The findings of a run. With a baseline applied (``baseline_version`` is its version):
    ``suppressed`` counts the findings it recorded with the same figures (hidden); ``worse`` lists
    the findings of ``findings`` that got worse than it recorded; ``improved`` the findings it
    recorded that got better (hidden as failures, reported as notices); ``stale_baseline`` the
    keys of its entries that no longer occur."""

    findings: list[Finding]
    rules: list[Rule]
    #: the plan could not be read completely — a file not at all, or a table only in part (its
    #: file is in ``incomplete``): the checks did not all run, the run exits 2
    fatal: bool = False
    suppressed: int = 0
    stale_baseline: list[str] = field(default_factory=list)
    baseline_version: int | None = None
    worse: list[Compared] = field(default_factory=list)
    improved: list[Compared] = field(default_factory=list)
    #: the files of the tables that were read only in part (rows left out, cells not read)
    incomplete: tuple[str, ...] = ()

    @property
    def status(self) -> Status:
        """``complete`` (every input read in full), ``incomplete`` (the rules ran on what could be
        read: a file could not be read, or a table only in part) or ``not-run`` (plan.yaml could not
        be read: no rule ran)."""
        if not self.rules:
            return "not-run"
        return "incomplete" if self.fatal else "complete"

    def compared(self, finding: Finding) -> Compared | None:
        """How ``finding`` (one of ``findings``, the same object) compares with the baseline: its
        entry of ``worse``, or ``None`` (new, or no baseline applied)."""
        return self._worse_by_id.get(id(finding))

    @cached_property
    def _worse_by_id(self) -> dict[int, Compared]:
        return {id(item.finding): item for item in self.worse}

    def baseline_state(self, finding: Finding) -> Literal["new", "worse"] | None:
        """``new`` (the baseline does not record it), ``worse``, or ``None`` when no baseline was
        applied."""
        if self.baseline_version is None:
            return None
        return "worse" if self.compared(finding) is not None else "new"

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity.value for f in self.findings)
        return {s.value: counter.get(s.value, 0) for s in Severity}

    def fails(self, level: Severity) -> bool:
        return any(f.severity.rank >= level.rank for f in self.findings)


@exact
@paused
def run(result: LoadResult, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Report:
    rules = [r for r in catalogue() if selected(r.code, select, ignore)]
    findings: list[Finding] = []
    plan = result.plan
    files = result.provenance.files
    incomplete = tuple(files.get(a, a) for a in sorted(plan.incomplete)) if plan is not None else ()
    # Problems that kept the plan from being read, in full or in part, are reported whatever the
    # selection: a run that checked nothing, or not everything, must not look clean.
    blocking = result.plan is None or result.fatal or bool(incomplete)
    if blocking or selected("DAT001", select, ignore):
        for problem in result.problems:
            findings.append(_problem_finding(problem))
    if selected(DETECTED, select, ignore):
        findings.extend(_notice_finding(notice) for notice in result.notices)
    if plan is not None:
        for rule in rules:
            if rule.check is None:
                continue
            try:
                findings.extend(rule.check(plan, result.provenance))
            except Exception as exc:  # a crashing rule must not end the run
                where = traceback.extract_tb(exc.__traceback__)[-1]
                findings.append(
                    Finding(
                        INTERNAL,
                        Severity.ERROR,
                        Message(
                            "INT001.crash",
                            rule=rule.code,
                            error=f"{type(exc).__name__}: {exc}",
                            where=f"{where.filename}:{where.lineno}",
                        ),
                        Location(result.provenance.plan_file),
                        ids=(rule.code,),
                    )
                )
    # a selected rule that could not check because of load problems: show those problems too,
    # so that a run restricted to that rule does not pass on data it never saw
    shown = blocking or selected("DAT001", select, ignore)
    if not shown and any(f.ids[:1] == ("not-checked",) for f in findings):
        findings.extend(_problem_finding(p) for p in result.problems)
    findings.sort(key=Finding.sort_key)
    # when plan.yaml could not be read into the model no rule ran: say so rather than "N checked"
    return Report(
        findings,
        rules if plan is not None else [],
        fatal=result.fatal or bool(incomplete),
        incomplete=incomplete,
    )


def _notice_finding(notice: Notice) -> Finding:
    """What the loader detected as a DAT003 ``info`` finding; its identity is the file's name and
    what was detected (the separator, a column's notation), never the line or the count."""
    extra = {"detected": notice.value} if notice.value is not None else {}
    return Finding(DETECTED, Severity.INFO, notice.message, notice.location, ids=notice.ids, extra=extra)


def _problem_finding(problem: Problem) -> Finding:
    """A load problem as a DAT001 finding. Its identity (for baselines and diffs) is the file name,
    the row id where known, the field and the value found — never the line. A grouped problem's
    identity is the file name, the column and the kind of problem — never the count, nor the
    cells."""
    if isinstance(problem, GroupedProblem):
        return GroupedFinding(
            "DAT001",
            Severity.ERROR,
            problem.message,
            problem.location,
            ids=(PurePath(problem.location.file).name, problem.location.field or ""),
            detail=problem.kind,
            extra={"count": str(problem.count)},
            places=problem.places,
        )
    expected: int | None = None
    extra: dict[str, str] = {}
    if problem.value is not None:
        extra["value"] = problem.value
    if problem.expected is not None:
        if problem.expected.isascii() and problem.expected.isdigit():  # not "²" nor "١٢"
            expected = int(problem.expected)
        else:
            extra["expected"] = problem.expected
    value = problem.value
    observed = int(value) if value is not None and value.isascii() and value.isdigit() else None
    ids = [PurePath(problem.location.file).name]
    if problem.row_id:
        ids.append(problem.row_id)
    ids.append(problem.location.field or "")
    return Finding(
        "DAT001",
        Severity.ERROR,
        problem.message,
        problem.location,
        ids=tuple(ids),
        expected=expected,
        observed=observed if expected is not None else None,
        # the identity is the same in every language: the English words
        detail=problem.value if problem.value is not None else problem.text("en"),
        extra=extra,
    )
