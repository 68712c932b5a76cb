"""INT001: a rule crashed. Not in the catalogue — no check runs it: the engine reports it when a
rule raises, and the other rules still run."""

from __future__ import annotations

from plan272.findings import Severity
from plan272.rules import Rule

RULE = Rule(
    code="INT001",
    name="internal-error",
    summary="A rule crashed: a bug in plan272, not a problem of the plan.",
    severity=Severity.ERROR,
    what="Reported when a rule raises an unexpected exception; the other rules still run.",
    why="A crashed rule checked nothing: its silence must not read as a pass.",
    source="None: this is about plan272 itself.",
    fix="Report the message (it names the rule and where it failed) to the plan272 maintainers.",
)
