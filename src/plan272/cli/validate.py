"""``plan272 validate``: load the plan, run the rules, report the findings."""

from __future__ import annotations

from pathlib import Path

import typer

DATA_DIR = typer.Argument(Path("data"), help="Directory holding plan.yaml, appendix1.csv and appendix2.csv.")


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(data_dir: Path = DATA_DIR) -> None:
        """Check the plan in DATA_DIR and report every finding (exit 1 if any error)."""
        from plan272.cli.console import make_console
        from plan272.engine import run
        from plan272.findings import Severity
        from plan272.formats import text
        from plan272.load import load_plan

        result = load_plan(data_dir)
        report = run(result)
        text.render(report, make_console())
        if report.fatal:
            raise typer.Exit(2)
        raise typer.Exit(1 if report.fails(Severity.ERROR) else 0)
