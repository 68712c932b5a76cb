"""Options shared by several commands, declared once as ``Annotated`` aliases."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


DataDir = Annotated[
    Path,
    typer.Argument(help="Directory holding plan.yaml and the appendix files it declares.", show_default=True),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Only these rule codes or prefixes (e.g. SEC,KPI001). Repeatable."),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rule codes or prefixes. Repeatable."),
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to FILE instead of standard output."),
]
