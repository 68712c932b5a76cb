"""``plan272 export-tables [DATA_DIR] -o FILE.xlsx``: the plan's appendices as a workbook in the
document's layout, for an officer to edit and bring back with ``plan272 import``.

A command of its own rather than ``summary --export x.xlsx``: that one writes the auditor's
summary (totals, findings, one sheet per summary table); this one writes the tables themselves, row
for row, to be edited and read back.

Exit codes: 0 written; 2 could not run (the plan unreadable, no ``.xlsx`` name, a file that exists
without ``--force``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plan272.cli.options import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_PROBLEMS,
    DEFAULT_MAX_ROWS,
    DataDir,
    LangOption,
    MaxFileSize,
    MaxProblems,
    MaxRows,
    language,
    limits,
)


def register(app: typer.Typer) -> None:
    @app.command("export-tables")
    def export_tables(
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help="The workbook to write (.xlsx).", show_default=False),
        ],
        data_dir: DataDir = Path("data"),
        force: Annotated[
            bool, typer.Option("--force", help="Let the workbook replace a file that exists.")
        ] = False,
        lang: LangOption = None,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Write the plan's appendices as an Excel workbook in the document's layout — titles, the
        printed header, group rows, the rows, a total row of formulas Excel recalculates — to edit
        and bring back with `plan272 import`.

        Exit code 0: written; 2: could not run.
        """
        from plan272.cli import UserError
        from plan272.cli.io import check_target, data_directory, emit, inputs_of, problem_message, write_file
        from plan272.load import load_plan
        from plan272.messages import Message, ids
        from plan272.revision import generated_at
        from plan272.safety import safe
        from plan272.workbook.csvfiles import CsvTable, read_csv_table
        from plan272.workbook.export import export_tables as build
        from plan272.workbook.report import export_report

        if str(output) in ("", ".") or output.suffix.lower() != ".xlsx":
            raise UserError(Message("workbook.error.suffix", path=str(output)))
        bounds = limits(max_file_size, max_rows, max_problems)
        loaded = load_plan(data_directory(data_dir), bounds)
        if loaded.plan is None or loaded.fatal:
            problems = [p for p in loaded.problems if p.fatal] or loaded.problems
            first = problem_message(problems[0]) if problems else Message("error.problem.unknown")
            raise UserError(Message("workbook.export.unreadable", path=str(data_dir), problem=first))
        meta = loaded.plan.meta
        lang_code = language(lang, meta.language)
        inputs = inputs_of(data_dir, loaded.provenance.files.values())
        check_target(output, force=force, inputs=inputs)
        tables: dict[str, CsvTable | None] = {}
        for appendix in meta.appendices:
            table, problems = read_csv_table(data_dir, meta, appendix, bounds)
            if problems:
                raise UserError(
                    Message(
                        "workbook.export.unreadable", path=str(data_dir), problem=problem_message(problems[0])
                    )
                )
            tables[appendix.id] = table
        data, notes = build(meta, tables, lang_code, generated_at())
        write_file(output, data, force=force, inputs=inputs)
        emit(export_report(notes, lang_code), None)
        sheets = ids([a.label(lang_code) for a in meta.appendices])
        typer.echo(
            Message("workbook.notice.exported", path=safe(str(output)), sheets=sheets).render(lang_code),
            err=True,
        )
        raise typer.Exit(0)
