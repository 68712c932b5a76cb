"""``plan272 init DIR``: a new plan's files to fill in — or the structure of an existing plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        directory_name: Annotated[
            str,
            typer.Argument(
                metavar="DIRECTORY",
                help="Directory for the new plan (created if missing).",
                show_default=False,
            ),
        ],
        like: Annotated[
            Path | None,
            typer.Option(
                "--like",
                help="Copy the structure of the plan in this data directory (tables, groups, columns, norm, "
                "security policy, agency registry) without its rows and figures.",
            ),
        ] = None,
        period: Annotated[
            str | None,
            typer.Option(
                "--period", help="The plan's period, START-END (e.g. 2026-2030). Default: --like's."
            ),
        ] = None,
        tables: Annotated[
            str | None,
            typer.Option(
                "--tables",
                help="Without --like: the kinds of its tables, in order (projects, units, lines). "
                "Default: projects,units.",
            ),
        ] = None,
        number: Annotated[str, typer.Option("--number", help="The plan's number (Số hiệu).")] = "…/KH-UBND",
        title: Annotated[str, typer.Option("--title", help="The plan's title.")] = "Kế hoạch …",
        force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
    ) -> None:
        """Write a new plan to fill in: a commented plan.yaml and the header of each table's CSV file
        for the declared period. `plan272 validate DIR` accepts it as written.

        Exit code 0: written; 2: could not (a file exists without --force, a bad option, --like
        could not be read).
        """
        from plan272.cli import UserError
        from plan272.cli.io import problem_message, write_file
        from plan272.messages import Each, Message, ids

        if not directory_name.strip():  # "" would be the current directory
            raise UserError(Message("error.init.empty-name"))
        directory = Path(directory_name)
        from plan272.model import KINDS
        from plan272.skeleton import Structure, default_structure, skeleton, structure_of

        for option, value in (("--number", number), ("--title", title)):
            if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
                raise UserError(Message("error.init.not-text", option=option))
        span = _period(period) if period is not None else None
        inputs: list[str | Path] = []
        structure: Structure
        if like is not None and tables is not None:
            raise UserError(Message("error.init.tables-with-like"))
        if like is not None:
            from plan272.cli.io import data_directory
            from plan272.load import load_plan

            loaded = load_plan(data_directory(like))
            if loaded.plan is None or loaded.fatal:
                problems = [p for p in loaded.problems if p.fatal] or loaded.problems
                first = problem_message(problems[0]) if problems else Message("error.problem.unknown")
                raise UserError(Message("error.init.like-unreadable", path=str(like), problem=first))
            start, end = span if span else (None, None)
            structure = structure_of(loaded.plan, start, end, number, title)
            inputs = list(loaded.provenance.files.values())
        else:
            if span is None:
                raise UserError(Message("error.init.no-period"))
            kinds = [k.strip() for k in (tables or "projects,units").split(",") if k.strip()]
            unknown = [k for k in kinds if k not in KINDS]
            if not kinds or unknown:
                unknown_kinds = Each(tuple(unknown), empty=Message("error.init.tables.none"))
                raise UserError(Message("error.init.tables", kinds=ids(KINDS), unknown=unknown_kinds))
            structure = default_structure(span[0], span[1], kinds, number, title)  # type: ignore[arg-type]
        files = skeleton(structure)
        if directory.exists() and not directory.is_dir():
            raise UserError(Message("error.init.not-a-directory", path=str(directory)))
        from plan272.cli.io import check_target
        from plan272.cli.options import error_language
        from plan272.safety import safe

        if directory.is_dir():  # every file checked before the first is written
            for name in files:
                check_target(directory / name, force=True, inputs=inputs)
            existing = [name for name in files if (directory / name).exists()]
            if existing and not force:
                key = "error.init.exists.one" if len(existing) == 1 else "error.init.exists.many"
                raise UserError(Message(key, files=ids(existing), directory=str(directory)))
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = str(exc.strerror or exc)  # the system's words
            raise UserError(Message("error.init.mkdir", path=str(directory), reason=reason)) from exc
        for name, text in files.items():
            write_file(directory / name, text, force=force, inputs=inputs)
        written, shown = ", ".join(files), safe(str(directory))
        lang = error_language()
        typer.echo(Message("notice.init.wrote", files=written, directory=shown).render(lang), err=True)
        typer.echo(Message("notice.init.next", directory=shown).render(lang), err=True)


def _period(text: str) -> tuple[int, int]:
    import re

    from plan272.cli import UserError
    from plan272.messages import Message

    match = re.fullmatch(r"\s*([0-9]{4})\s*[-–]\s*([0-9]{4})\s*", text)
    if not match:
        raise UserError(Message("error.init.period-form", value=repr(text)))
    start, end = int(match.group(1)), int(match.group(2))
    if not (1900 <= start <= end <= 2200) or end - start > 30:
        raise UserError(Message("error.init.period-range", value=repr(text)))
    return start, end
