"""``plan272 summary``: the auditor's view of the plan — tables, a chart, findings counted — printed
or exported (html, svg, txt, xlsx, csv).

The summary shows what the checks found but is not a gate: it exits 0 whenever it rendered, even
with findings (``plan272 validate`` is the gate), and 2 when it could not run: the data could not be
read, an unknown section, an unsupported export suffix, a CSV of several tables, or an export file
that exists without ``--force``.
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
    ColorOption,
    DataDir,
    LangOption,
    MaxFileSize,
    MaxProblems,
    MaxRows,
    language,
    limits,
)

if TYPE_CHECKING:
    from rich.console import Console

    from plan272.i18n import AmountUnit
    from plan272.load.files import Limits
    from plan272.summary import SectionName, Summary

# kept literal so that --help does not import the summary code; a test checks it against the summary
_SECTION_NAMES = (
    "identity, one per appendix (by its id in plan.yaml), grand-total, investors, security, targets, stated, "
    "findings"
)


class UnitChoice(StrEnum):
    million = "million"
    billion = "billion"


def register(app: typer.Typer) -> None:
    @app.command("summary")
    def summary(
        data_dir: DataDir = Path("data"),
        section: Annotated[
            str | None, typer.Option("--section", "-s", help=f"Print one part only: {_SECTION_NAMES}.")
        ] = None,
        lang: LangOption = None,
        color: ColorOption = None,
        unit: Annotated[
            UnitChoice, typer.Option("--unit", help="Amounts in million VND, or billion with three decimals.")
        ] = UnitChoice.million,
        width: Annotated[
            int | None,
            typer.Option(
                "--width",
                min=60,
                max=1000,
                help="Layout width for the terminal, .txt and .svg (default 100; too narrow is an error).",
            ),
        ] = None,
        export: Annotated[
            Path | None,
            typer.Option(
                "--export",
                "-e",
                help="Write FILE instead of printing; the suffix names the format: .html, .svg, .txt, .xlsx, "
                ".csv (one --section).",
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Let --export overwrite an existing file.")
        ] = False,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Print the plan as an auditor reads it: identity, each appendix by group and year, grand
        total, investors, the security share, the targets and a count of the findings.

        Exit code 0: rendered (findings are shown, not a failure; use `validate` to gate);
        2: could not run.
        """
        from plan272.cli import UserError
        from plan272.messages import Message

        unit_code: AmountUnit = "billion" if unit is UnitChoice.billion else "million"
        fmt = None
        if export is not None:
            from plan272.views.summary.exports import ExportError, format_for

            try:
                fmt = format_for(export)
            except ExportError as exc:
                raise UserError(exc.message) from exc
            if fmt == "csv" and section is None:
                raise UserError(Message("error.summary.csv-section"))
            from plan272.cli.io import check_target

            check_target(export, force=force)
        result, inputs, plan_language = _summary(data_dir, limits(max_file_size, max_rows, max_problems))
        lang_code = language(lang, plan_language)
        chosen = _sections(section, result)
        if width is not None and fmt not in ("html", "xlsx", "csv"):
            from plan272.views.summary.grids import TERMINAL_ROWS, required_width

            terminal = export is None or fmt is None
            needed = required_width(result, lang_code, unit_code, chosen, TERMINAL_ROWS if terminal else None)
            if width < needed:
                raise UserError(Message("error.summary.width", width=width, needed=needed))

        if export is None or fmt is None:
            import sys

            from plan272.views.console import capture
            from plan272.views.summary.grids import TERMINAL_ROWS, render

            def draw(console: Console) -> None:
                render(console, result, lang_code, unit_code, chosen, max_rows=TERMINAL_ROWS)

            sys.stdout.write(capture(draw, width=width))
            raise typer.Exit(0)

        from plan272 import __version__
        from plan272.cli.io import write_file
        from plan272.revision import describe, generated_at
        from plan272.safety import safe
        from plan272.views.summary.exports import DEFAULT_WIDTH, ExportError, Imprint, export_bytes

        imprint = Imprint(
            result.identity.number,
            __version__,
            generated_at(),
            describe(data_dir, [str(i) for i in inputs]).text(lang_code),
        )
        try:
            data = export_bytes(
                result,
                fmt,
                lang=lang_code,
                unit=unit_code,
                width=width or DEFAULT_WIDTH,
                sections=chosen,
                version=__version__,
                imprint=imprint,
            )
        except ExportError as exc:
            raise UserError(exc.message) from exc
        write_file(export, data, force=force, inputs=inputs)
        typer.echo(Message("notice.wrote", path=safe(str(export))).render(lang_code), err=True)
        raise typer.Exit(0)


def _sections(name: str | None, summary: Summary) -> tuple[SectionName, ...]:
    from plan272.cli import UserError
    from plan272.messages import Invalid
    from plan272.summary import parse_section

    if name is None:
        return summary.sections
    try:
        return (parse_section(name, summary.sections),)
    except Invalid as exc:
        raise UserError(exc.message) from exc


def _summary(data_dir: Path, bounds: Limits) -> tuple[Summary, list[str | Path], str | None]:
    from plan272.cli import UserError
    from plan272.cli.io import data_directory, inputs_of, problem_message
    from plan272.engine import run
    from plan272.load import load_plan
    from plan272.messages import Message
    from plan272.summary import build_summary

    data_directory(data_dir)
    loaded = load_plan(data_dir, bounds)
    if loaded.plan is None or loaded.fatal:
        problems = [p for p in loaded.problems if p.fatal] or loaded.problems
        first = problem_message(problems[0]) if problems else Message("error.problem.unknown")
        more = Message("error.summary.more", count=len(problems) - 1) if len(problems) > 1 else ""
        raise UserError(Message("error.summary.unreadable", path=str(data_dir), problem=first, more=more))
    inputs = inputs_of(data_dir, loaded.provenance.files.values())
    summary = build_summary(loaded.plan, run(loaded), loaded.provenance)
    return summary, inputs, loaded.plan.meta.language
