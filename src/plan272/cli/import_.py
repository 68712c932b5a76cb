"""``plan272 import WORKBOOK [DATA_DIR]``: the appendices of an Excel workbook into the plan's CSV
files — or, with ``--check``, what the workbook holds against them.

Exit codes: 0 written (or, with ``--check``, the same); 1 problems in the workbook (nothing is
written), or with ``--check`` differences; 2 could not run (no such workbook, not an .xlsx file, the
plan unreadable, a file that exists without ``--force``).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from plan272.load.files import Limits
    from plan272.messages import Lang
    from plan272.model import PlanFile
    from plan272.workbook.cells import Sheet
    from plan272.workbook.csvfiles import CsvTable
    from plan272.workbook.importer import Table


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_(
        workbook: Annotated[
            Path,
            typer.Argument(
                metavar="WORKBOOK", help="The .xlsx workbook holding the appendices.", show_default=False
            ),
        ],
        data_dir: DataDir = Path("data"),
        output_dir: Annotated[
            Path | None,
            typer.Option(
                "--output-dir",
                "-o",
                help="Write the CSV files into this directory instead of DATA_DIR (plan.yaml is read from "
                "DATA_DIR and never written).",
            ),
        ] = None,
        check: Annotated[
            bool,
            typer.Option(
                "--check",
                help="Write nothing: compare what the workbook holds with the plan's CSV files and "
                "plan.yaml's declared totals (exit 1 when they differ).",
            ),
        ] = False,
        sheet: Annotated[
            list[str] | None,
            typer.Option(
                "--sheet",
                metavar="APPENDIX=SHEET",
                help="APPENDIX=SHEET: read the appendix (its id in plan.yaml) from this sheet. Repeatable. "
                "Default: the sheet named or titled like the appendix (Phụ lục I, PL1).",
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Let the CSV files written replace files that exist.")
        ] = False,
        output_format: Annotated[
            ReportFormat,
            typer.Option("--format", "-f", help="The report: text, or json (version 1) for scripts and CI."),
        ] = ReportFormat.text,
        lang: LangOption = None,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Read the appendix tables of an Excel workbook into the plan's CSV files: header titles
        mapped to the plan's columns, group rows to sections, total rows to the declared totals
        proposed for plan.yaml (printed, not written), every cell that cannot be placed reported as
        Sheet!B12.

        Exit code 0: written (with --check: the same); 1: problems in the workbook, nothing written
        (with --check: differences); 2: could not run.
        """
        from plan272.cli import UserError
        from plan272.cli.io import data_directory, emit
        from plan272.messages import Message
        from plan272.safety import safe
        from plan272.workbook.cells import WorkbookError, read_workbook
        from plan272.workbook.importer import import_workbook
        from plan272.workbook.report import check_report, import_report, json_report

        bounds = limits(max_file_size, max_rows, max_problems)
        target = output_dir if output_dir is not None else data_dir
        if target.exists() and not target.is_dir():
            raise UserError(Message("workbook.error.output-dir", path=str(target)))
        meta = _plan(data_directory(data_dir), bounds)
        lang_code = language(lang, meta.language)
        try:
            sheets = read_workbook(workbook, bounds)
        except WorkbookError as exc:
            raise UserError(exc.message) from exc
        chosen = _chosen(sheet or [], meta, sheets)
        existing = _existing(data_dir, meta, bounds)
        result = import_workbook(sheets, meta, existing, chosen)
        if not result.tables and not result.problems:
            appendices = ", ".join(a.name for a in meta.appendices)
            raise UserError(Message("workbook.error.no-sheet", path=str(workbook), appendices=appendices))
        shown = safe(str(workbook))
        as_json = output_format is ReportFormat.json
        if check:
            from plan272.workbook.check import compare

            differences = compare(result.tables, existing, meta, [p.place for p in result.problems])
            if as_json:
                emit(json_report(result, differences, str(workbook), lang_code), None)
            else:
                emit(check_report(result, differences, shown, lang_code, bounds.max_problems), None)
            raise typer.Exit(1 if result.problems or differences else 0)
        if not as_json:
            emit(import_report(result, shown, lang_code, bounds.max_problems), None)
        if result.problems:
            if as_json:
                emit(json_report(result, None, str(workbook), lang_code, []), None)
            raise typer.Exit(1)
        written = _write(result.tables, target, force, [workbook, data_dir / "plan.yaml"], lang_code)
        if as_json:
            emit(json_report(result, None, str(workbook), lang_code, [str(p) for p in written]), None)
        raise typer.Exit(0)


def _plan(data_dir: Path, bounds: Limits) -> PlanFile:
    """plan.yaml of the plan in ``data_dir`` (its CSV files may be missing: the import writes them)."""
    from plan272.cli import UserError
    from plan272.cli.io import problem_message
    from plan272.load import PLAN_FILE, load_plan
    from plan272.messages import Message

    loaded = load_plan(data_dir, bounds)
    plan_file = (data_dir / PLAN_FILE).as_posix()
    fatal = [p for p in loaded.problems if p.fatal and p.location.file == plan_file]
    if loaded.plan is None or fatal:
        problems = fatal or [p for p in loaded.problems if p.location.file == plan_file] or loaded.problems
        first = problem_message(problems[0]) if problems else Message("error.problem.unknown")
        raise UserError(Message("workbook.error.plan", path=str(data_dir), problem=first))
    return loaded.plan.meta


def _chosen(options: list[str], meta: PlanFile, sheets: list[Sheet]) -> dict[str, str]:
    """``--sheet APPENDIX=SHEET`` options as appendix id -> sheet name, each checked."""
    from plan272.cli import UserError
    from plan272.messages import Message, ids

    chosen: dict[str, str] = {}
    titles = [s.title for s in sheets]
    for option in options:
        appendix_id, equals, title = option.partition("=")
        appendix_id, title = appendix_id.strip(), title.strip()
        if not equals or not appendix_id or not title:
            raise UserError(Message("workbook.error.sheet-option", value=repr(option)))
        appendix = meta.appendix(appendix_id) or next(
            (a for a in meta.appendices if a.name == appendix_id), None
        )
        if appendix is None:
            known = ids([a.id for a in meta.appendices])
            raise UserError(Message("workbook.error.sheet-appendix", appendix=repr(appendix_id), known=known))
        if title not in titles:
            raise UserError(
                Message(
                    "workbook.error.sheet-missing", sheet=repr(title), known=ids([repr(t) for t in titles])
                )
            )
        chosen[appendix.id] = title
    return chosen


def _existing(data_dir: Path, meta: PlanFile, bounds: Limits) -> dict[str, CsvTable | None]:
    """Each appendix's CSV file as it is now (``None`` when there is none yet)."""
    from plan272.cli import UserError
    from plan272.cli.io import problem_message
    from plan272.messages import Message
    from plan272.workbook.csvfiles import read_csv_table

    existing: dict[str, CsvTable | None] = {}
    for appendix in meta.appendices:
        table, problems = read_csv_table(data_dir, meta, appendix, bounds)
        if problems:
            raise UserError(
                Message("workbook.error.plan", path=str(data_dir), problem=problem_message(problems[0]))
            )
        existing[appendix.id] = table
    return existing


def _write(
    tables: list[Table], target: Path, force: bool, inputs: list[str | Path], lang: Lang
) -> list[Path]:
    """Every file checked before the first is written; a file whose bytes would not change is
    left alone (and needs no ``--force``)."""
    from plan272.cli import UserError
    from plan272.cli.io import check_target, write_file
    from plan272.messages import Message
    from plan272.safety import safe
    from plan272.workbook.csvfiles import Unwritable

    try:
        target.mkdir(parents=True, exist_ok=True)  # --output-dir may name a new directory
    except OSError as exc:
        raise UserError(Message("error.write", path=str(target), reason=str(exc.strerror or exc))) from exc
    planned: list[tuple[Path, bytes]] = []
    unchanged: list[Path] = []
    for table in tables:
        path = target / table.appendix.file
        try:
            text = table.csv_bytes()
        except Unwritable as exc:
            raise UserError(
                Message("error.problem", location=str(path), message=exc.message, found="")
            ) from exc
        if path.is_file() and not path.is_symlink():
            try:
                if path.read_bytes() == text:
                    unchanged.append(path)
                    continue
            except OSError:
                pass
        check_target(path, force=force, inputs=inputs)
        planned.append((path, text))
    for path, text in planned:
        write_file(path, text, force=force, inputs=inputs)
    if planned:
        files = ", ".join(safe(str(p)) for p, _ in planned)
        typer.echo(Message("workbook.notice.wrote", files=files).render(lang), err=True)
    if unchanged:
        files = ", ".join(safe(str(p)) for p in unchanged)
        typer.echo(Message("workbook.notice.unchanged", files=files).render(lang), err=True)
    return [p for p, _ in planned]
