"""``plan272 validate``: load the plan, run the rules, report the findings."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plan272.cli.options import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_PROBLEMS,
    DEFAULT_MAX_ROWS,
    ColorOption,
    DataDir,
    FailOn,
    Force,
    Ignore,
    LangChoice,
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

if TYPE_CHECKING:
    from plan272.messages import Lang
    from plan272.settings import Settings, Value


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(
        data_dir: DataDir = Path("data"),
        format: ValidateFormat = None,
        lang: LangOption = None,
        select: Select = None,
        ignore: Ignore = None,
        fail_on: Annotated[
            FailOn | None,
            typer.Option(
                "--fail-on",
                help="Lowest severity that makes the exit code 1 (default error).",
                show_default=False,
            ),
        ] = None,
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
        root: Annotated[
            Path | None,
            typer.Option(
                "--root",
                help="Name files in machine formats (json, sarif, junit, github, gitlab, concise) relative "
                "to this directory. Default: the top of the git repository the data is in.",
                show_default=False,
            ),
        ] = None,
        statistics: Annotated[
            bool,
            typer.Option("--statistics", help="Count the findings of each rule instead of listing them."),
        ] = False,
        quiet: Annotated[
            bool, typer.Option("--quiet", "-q", help="Print the findings only: no count line, no notices.")
        ] = False,
        exit_zero: Annotated[
            bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means could not run).")
        ] = False,
        color: ColorOption = None,
        show_settings: Annotated[
            bool,
            typer.Option(
                "--show-settings",
                help="Print the settings in force (from flags, the settings file, defaults) and exit.",
            ),
        ] = False,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Check the plan in DATA_DIR and report every finding.

        Settings (select, ignore, fail-on, format, baseline, language, root) may also be kept in a
        plan272.toml or in [tool.plan272] of a pyproject.toml, found from DATA_DIR upward; flags
        override them.

        Exit code 0: nothing at or above --fail-on; 1: findings; 2: could not run.
        """
        from plan272 import __version__
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
        settings = _settings(data_dir, select, ignore, fail_on, format, baseline, lang, root)
        if show_settings:
            from plan272.views.places import repository_root

            words = language(lang, None, _text(settings["language"]))
            sys.stdout.write(_show(settings, words, repository_root(data_dir.resolve())))
            raise typer.Exit(0)
        select, ignore = _codes(settings["select"]), _codes(settings["ignore"])
        format = _text(settings["format"]) or "text"
        fail_on = FailOn(_text(settings["fail-on"]) or "error")
        baseline = _path(settings["baseline"])
        root = _path(settings["root"])
        if statistics and format not in ("text", "json"):
            raise UserError(Message("error.statistics.format", format=format))
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
        if write_baseline is not None or baseline is not None:  # else the baseline module is not loaded
            from plan272 import baseline as baselines
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
            if not quiet:
                typer.echo(notice.render(error_language()), err=True)
            recorded = baselines.load(write_baseline, limit)
        if recorded is not None:
            report = baselines.apply(report, recorded, selected, ignored)

        if baseline is not None:
            inputs.append(baseline)
        words = language(
            lang, loaded.plan.meta.language if loaded.plan else None, _text(settings["language"])
        )
        if root is None and views.FORMATS.get(format).machine and not statistics:
            from plan272.views.places import repository_root

            root = repository_root(data_dir.resolve())  # a git process: only for the formats that use it
        if statistics:
            from plan272.views.report import statistics as counts

            text = counts.render(report, format, lang=words)
        else:
            text = views.render(
                report,
                format,
                __version__,
                words,
                to_file=output is not None,
                fail_on=Severity(fail_on.value),
                root=root.resolve() if root is not None else None,
                quiet=quiet,
            )
        emit(
            text,
            output,
            force=force,
            inputs=inputs,
            commands=views.FORMATS.get(format).commands and not statistics,
        )
        if format == "github" and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
            from plan272.views.places import rooted
            from plan272.views.report import github

            written = [p for p in (output, write_baseline) if p is not None]
            with rooted(root.resolve() if root is not None else None):
                step = github.step_summary(report, __version__, words)
            append_file(Path(summary), step, inputs=[*inputs, *written])
        if report.fatal:
            raise typer.Exit(2)
        raise typer.Exit(0 if exit_zero else 1 if report.fails(Severity(fail_on.value)) else 0)


def _settings(
    data_dir: Path,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: FailOn | None,
    format: str | None,
    baseline: Path | None,
    lang: LangChoice | None,
    root: Path | None,
) -> Settings:
    """The settings in force: the flags given, else the settings file's, else the defaults."""
    from plan272.cli import UserError
    from plan272.messages import Each, Message
    from plan272.settings import SettingsError, resolve
    from plan272.views.report import FORMATS

    flags: dict[str, Value | None] = {
        "select": select,
        "ignore": ignore,
        "fail-on": fail_on.value if fail_on is not None else None,
        "format": format,
        "baseline": baseline,
        "language": lang.value if lang is not None else None,
        "root": root,
    }
    try:
        settings = resolve(flags, data_dir, {"fail-on": "error", "format": "text"})
    except SettingsError as exc:
        raise UserError(exc.message) from exc
    chosen = settings["format"]
    if settings.values["format"].source == "file" and chosen not in FORMATS.names():
        where = settings.origin("format")
        raise UserError(
            Message("error.settings.format", path=where, value=repr(chosen), known=Each(FORMATS.names()))
        )
    return settings


def _text(value: Value | None) -> str | None:
    return value if isinstance(value, str) else None


def _path(value: Value | None) -> Path | None:
    return value if isinstance(value, Path) else None


def _codes(value: Value | None) -> list[str] | None:
    return value if isinstance(value, list) else None


def _show(settings: Settings, lang: Lang, repository: Path | None) -> str:
    """``--show-settings``: each setting, its value and where it came from."""
    from dataclasses import replace

    from plan272.messages import Message
    from plan272.safety import safe

    lines = []
    file = settings.file.as_posix() if settings.file else Message("settings.no-file").render(lang)
    lines.append(Message("settings.file", file=safe(file)).render(lang))
    width = max(len(key) for key in settings.values)
    for key, setting in settings.values.items():
        value = setting.value
        if key == "root" and value is None and repository is not None:
            value, setting = repository, replace(setting, source="detected")
        if value is None:
            shown = Message("settings.unset").render(lang)
        elif isinstance(value, list):
            shown = "[" + ", ".join(f'"{safe(v)}"' for v in value) + "]"
        elif isinstance(value, Path):
            shown = f'"{safe(value.as_posix())}"'
        else:
            shown = f'"{safe(value)}"'
        origin = {
            "flag": "settings.from-flag",
            "file": "settings.from-file",
            "default": "settings.from-default",
            "detected": "settings.from-git",
        }
        source = Message(origin[setting.source], file=safe(settings.origin(key))).render(lang)
        lines.append(f"{key:<{width}} = {shown}  # {source}")
    return "".join(line + "\n" for line in lines)
