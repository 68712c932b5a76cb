"""DAT001: a load problem. Reported by the loader (``load_plan``), not by a check over the plan:
the engine turns each located problem into a finding."""

from __future__ import annotations

from plan272.findings import Severity
from plan272.rules import Rule

RULE = Rule(
    code="DAT001",
    name="load-problem",
    summary="A value in the data files could not be read as the model requires.",
    severity=Severity.ERROR,
    what="Every problem the loader meets: unreadable files (encoding, binary, empty), YAML syntax, "
    "unknown or duplicate keys, missing or duplicated columns, empty required cells, negative or "
    "ambiguous numbers (20.200 in a file without a declared notation), text where a number is due. Cells "
    "of one column failing the same way are one finding: how many, the first places and the one fix, "
    "with every place in the JSON report.",
    why="A value that is silently misread makes every later check wrong. The loader reports it "
    "at its place and goes on, so one run shows all problems.",
    source="The data format (README, 'Data format'); plan.yaml's JSON Schema (`plan272 schema`).",
    fix="Correct the cell or key at the reported file, line and field. Write amounts as plain "
    "digits, or declare `csv_number_format: vi` in plan.yaml to write 20.200 for 20200.",
)
