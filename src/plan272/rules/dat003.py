"""DAT003: how a CSV file was read where plan.yaml declares nothing — reported by the loader (a
:class:`~plan272.load.csvfile.Notice`), not by a check over the plan: the engine turns each into an
``info`` finding, so that nothing is ever read by a guess nobody sees."""

from __future__ import annotations

from plan272.findings import Severity
from plan272.rules import Rule

RULE = Rule(
    code="DAT003",
    name="detected-format",
    summary="A CSV file was read as it shows it is written, where plan.yaml does not say.",
    severity=Severity.INFO,
    what="What the loader found out for itself, each time it did: the separator of a file whose "
    "header splits into the known columns only at ';' or a tab (Excel in a Vietnamese locale saves "
    "'CSV' with ';'); the number notation of a column whose every cell written with marks is a whole "
    "number in one notation only (20.200 and 1.500.000: Vietnamese). A column a cell of which reads "
    "as a whole number in both notations (20.000: 20000 or 20), in neither (1.5), or in different "
    "ones from cell to cell, is not detected: its cells are a DAT001 problem.",
    why="A value read by a guess nobody sees is a silent misreading waiting to happen. Said once per "
    "file or column, the reading can be checked, and made explicit in plan.yaml.",
    source="The data format (README, 'Data format': the CSV files and plan.yaml's `csv` keys).",
    fix="Nothing is wrong. To make the reading explicit (and the notice go away), declare it in "
    'plan.yaml: `csv: {separator: ";", number_format: vi}` at the top level for every file, or under '
    "the appendix for its own file; `csv_number_format: vi` is the same as `csv: {number_format: vi}`.",
)
