"""``plan272 diff OLD [NEW]``: what a revision of the plan changes, in money, targets and findings."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plan272.cli.options import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_PROBLEMS,
    DEFAULT_MAX_ROWS,
    ColorOption,
    DiffFormat,
    FailOn,
    Force,
    Ignore,
    LangOption,
    MaxFileSize,
    MaxProblems,
    MaxRows,
    Output,
    Select,
    language,
    limits,
)

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.gitsource import Side
    from plan272.model import Plan


class Gate(StrEnum):
    """``--fail-on``: which findings of the new side fail a review gate."""

    new = "new"  # those the revision introduces
    worse = "worse"  # those it introduces or worsens


def register(app: typer.Typer) -> None:
    @app.command("diff")
    def diff(
        old: Annotated[
            str,
            typer.Argument(
                help="The old side: a data directory, or a git revision of the repository you are in "
                "(HEAD~1, main, a tag, a commit id).",
                show_default=False,
            ),
        ],
        new: Annotated[
            str | None,
            typer.Argument(
                help="The new side, as OLD. Default: the data directory of the working tree (--data).",
                show_default=False,
            ),
        ] = None,
        data: Annotated[
            Path,
            typer.Option(
                "--data",
                help="Where the plan lives: the data directory in the working tree, and its path in "
                "the repository for git revisions.",
            ),
        ] = Path("data"),
        format: DiffFormat = "text",
        lang: LangOption = None,
        color: ColorOption = None,
        exit_code: Annotated[
            bool,
            typer.Option("--exit-code", help="Exit 1 when the two sides differ (like git diff --exit-code)."),
        ] = False,
        fail_on: Annotated[
            Gate | None,
            typer.Option(
                "--fail-on",
                help="A review gate: exit 1 when NEW introduces findings (new), or introduces or worsens "
                "them (worse), at or above --fail-level. Worse: a higher severity, or a wider gap between "
                "expected and found.",
                show_default=False,
            ),
        ] = None,
        fail_level: Annotated[
            FailOn | None,
            typer.Option(
                "--fail-level",
                help="The lowest severity --fail-on counts (default error).",
                show_default=False,
            ),
        ] = None,
        select: Select = None,
        ignore: Ignore = None,
        output: Output = None,
        force: Force = False,
        max_file_size: MaxFileSize = DEFAULT_MAX_FILE_SIZE,
        max_rows: MaxRows = DEFAULT_MAX_ROWS,
        max_problems: MaxProblems = DEFAULT_MAX_PROBLEMS,
    ) -> None:
        """Show what changes from OLD to NEW: projects and units added, removed, moved, renamed and
        changed; totals per group, appendix and year; the security share; targets; plan.yaml values;
        findings introduced, worsened, improved and resolved.

        A side that is an existing directory is read from disk; anything else is a git revision,
        read from git objects without touching the working tree.

        Exit code 0: the diff ran (with --exit-code: the sides are the same; with --fail-on: NEW
        introduces, or worsens, nothing at or above --fail-level); 1: with --exit-code, the sides
        differ, or with --fail-on, the gate fails (either is enough); 2: could not run.
        """
        from plan272 import __version__
        from plan272.cli import UserError
        from plan272.cli.io import check_target, emit, problems_message
        from plan272.diff import diff_plans
        from plan272.engine import SelectionError, check_selection, parse_codes, run
        from plan272.findings import Severity
        from plan272.gitsource import SourceError, resolve
        from plan272.messages import Message
        from plan272.parallel import both
        from plan272.views import diff as views

        try:
            selected, ignored = parse_codes(select), parse_codes(ignore)
            check_selection(selected, ignored)
        except SelectionError as exc:
            raise UserError(exc.message) from exc
        if fail_level is not None and fail_on is None:  # a threshold of no gate would do nothing
            raise UserError(Message("diff.error.fail-level-alone", level=fail_level.value))
        if output is not None:
            check_target(output, force=force)
        bounds = limits(max_file_size, max_rows, max_problems)

        def checked(side: Side) -> Report | None:
            """A side's findings (none for a side that cannot be used: it is refused below, in order)."""
            usable = side.result.plan is not None and not side.result.fatal
            return run(side.result, selected, ignored) if usable else None

        def side_of(argument: str | None) -> tuple[Side, Report | None]:
            side = resolve(argument, data, limits=bounds)
            return side, checked(side)

        try:  # the two sides at once where that pays (plan272.parallel)
            (old_side, old_report), (new_side, new_report) = both(
                lambda: resolve(old, data, limits=bounds),
                lambda: side_of(new),
                then=checked,
                pack=_pack_side,
                unpack=_unpack_side,
                large=_input_bytes(old, data) + _input_bytes(new, data) >= PARALLEL_BYTES,
            )
        except SourceError as exc:
            raise UserError(exc.message) from exc
        sides = [old_side, new_side]

        def name_of(side: Side) -> Message:
            """How the reports name a side: the working tree in words, else as given (data)."""
            if side.kind == "worktree":
                return Message("error.diff.worktree", data=data.as_posix())
            return Message("error.diff.side", side=side.label)

        def plan_of(side: Side) -> Plan:
            if side.result.plan is None or side.result.fatal:
                problems = problems_message(side.result.problems[:3])
                raise UserError(Message("error.diff.unreadable", side=name_of(side), problems=problems))
            return side.result.plan

        old_plan, new_plan = plan_of(sides[0]), plan_of(sides[1])
        result = diff_plans(old_plan, new_plan, old_report, new_report)
        inputs = [
            f for side in sides if side.kind != "revision" for f in side.result.provenance.files.values()
        ]
        words = language(lang, new_plan.meta.language)
        # a side's name in the report's words; JSON's machine fields stay as they are
        named = "en" if format == "json" else words
        labels = (name_of(sides[0]).render(named), name_of(sides[1]).render(named))
        text = views.render(result, format, labels, __version__, words, to_file=output is not None)
        emit(text, output, force=force, inputs=inputs)
        differ = exit_code and not result.empty
        level = Severity((fail_level or FailOn.error).value)
        gated = fail_on is not None and bool(result.findings.failing(fail_on.value, level))
        raise typer.Exit(1 if differ or gated else 0)


#: inputs (both sides' files together) from which diff loads its two sides at once
PARALLEL_BYTES = 2 * 2**20


def _input_bytes(argument: str | None, data: Path) -> int:
    """The size of a side's files: a directory's; for a git revision, the working tree's data
    directory's (its size at the revision is not known before it is read)."""
    directory = Path(argument) if argument is not None and Path(argument).is_dir() else data
    try:
        return sum(e.stat().st_size for e in os.scandir(directory) if e.is_file())
    except OSError:
        return 0


def _pack_side(side: Side) -> object:
    """A side loaded in another process, as plain values to pickle (its rows packed)."""
    from plan272.load.packed import pack

    return side.label, side.kind, side.revision, pack(side.result)


def _unpack_side(packed: Any) -> Side:
    from plan272.gitsource import Side
    from plan272.load.packed import unpack

    label, kind, revision, result = packed
    return Side(label, kind, unpack(result), revision)
