"""``plan272 validate``: load the plan, run the rules, report the findings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from plan272.cli.options import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_PROBLEMS,
    DEFAULT_MAX_ROWS,
    DataDir,
    FailOn,
    Force,
    Ignore,
    LangOption,
    MaxFileSize,
    MaxProblems,
    MaxRows,
    Output,
    Select,
    ValidateFormat,
    error_language,
    language,
    limits,
)


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(
        data_dir: DataDir = Path("data"),
        format: ValidateFormat = "text",
        lang: LangOption = None,
        select: Select = None,
        ignore: Ignore = None,
        fail_on: Annotated[
            FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
        ] = FailOn.error,
        baseline: Annotated[
            Path | None,
            typer.Option(
                "--baseline",
                help="Suppress the findings recorded in this baseline file with the same figures; "
                "report the ones that got worse, and note the ones that improved.",
            ),
        ] = None,
        write_baseline: Annotated[
            Path | None,
            typer.Option(
                "--write-baseline", help="Record the current findings and their figures in this file."
            ),
        ] = None,
        output: Output = None,
        force: Force = False,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Check the plan in DATA_DIR and report every finding.

        Exit code 0: nothing at or above --fail-on; 1: findings; 2: could not run.
        """
        from plan272 import __version__
        from plan272 import baseline as baselines
        from plan272.cli import UserError
        from plan272.cli.io import append_file, check_target, data_directory, emit, inputs_of, write_file
        from plan272.engine import SelectionError, check_selection, parse_codes, run
        from plan272.findings import Severity
        from plan272.load import load_plan
        from plan272.messages import Message
        from plan272.safety import safe
        from plan272.views import report as views
        from plan272.views.lines import plural_s

        data_directory(data_dir)
        try:
            selected, ignored = parse_codes(select), parse_codes(ignore)
            check_selection(selected, ignored)
        except SelectionError as exc:
            raise UserError(exc.message) from exc
        bounds = limits(max_file_size, max_rows, max_problems)
        limit = bounds.max_bytes
        # refuse a target that can never be written before any work is done
        if output is not None:
            check_target(output, force=force)
        if write_baseline is not None:
            check_target(write_baseline, force=force, may_replace=baselines.is_baseline)
        recorded = None
        if baseline is not None:
            try:
                recorded = baselines.load(baseline, limit)
            except baselines.BaselineError as exc:
                raise UserError(exc.message) from exc

        loaded = load_plan(data_dir, bounds)
        inputs = inputs_of(data_dir, loaded.provenance.files.values())
        report = run(loaded, selected, ignored)
        if write_baseline is not None:
            write_file(
                write_baseline,
                baselines.dumps(report.findings),
                force=force,
                inputs=inputs,
                may_replace=baselines.is_baseline,
            )
            count = len(report.findings)
            where = safe(str(write_baseline))
            notice = Message("notice.baseline", count=count, s=plural_s(count), path=where)
            typer.echo(notice.render(error_language()), err=True)
            recorded = baselines.load(write_baseline, limit)
        if recorded is not None:
            report = baselines.apply(report, recorded, selected, ignored)

        if baseline is not None:
            inputs.append(baseline)
        words = language(lang, loaded.plan.meta.language if loaded.plan else None)
        emit(
            views.render(report, format, __version__, words, to_file=output is not None),
            output,
            force=force,
            inputs=inputs,
            commands=views.FORMATS.get(format).commands,
        )
        if format == "github" and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
            from plan272.views.report import github

            written = [p for p in (output, write_baseline) if p is not None]
            step = github.step_summary(report, __version__, words)
            append_file(Path(summary), step, inputs=[*inputs, *written])
        if report.fatal:
            raise typer.Exit(2)
        raise typer.Exit(1 if report.fails(Severity(fail_on.value)) else 0)
