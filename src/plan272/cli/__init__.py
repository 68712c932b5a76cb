"""The command line: one module per command, wired here; :func:`main` maps errors to exit codes.

Exit codes: 0 nothing at the failing level, 1 findings, 2 could not run. A user error never prints a
traceback; an unexpected exception is reported as an internal error (exit 2).
"""

from __future__ import annotations

import sys

import typer

from plan272 import __version__

app = typer.Typer(
    name="plan272",
    help="Check a public IT investment plan (a Vietnamese province's plan for IT, digital government and "
    "information security) for consistency: its money, its targets, its own rules.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class UserError(Exception):
    """A problem with what the user asked for: printed as one line, exit 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plan272 {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Check a public IT investment plan for consistency: its money, its targets, its own rules."""


def _register() -> None:
    from plan272.cli import diff, init, rules, schema, summary, validate

    validate.register(app)
    rules.register(app)
    schema.register(app)
    diff.register(app)
    summary.register(app)
    init.register(app)


_register()


def main() -> None:
    """Entry point: typer handles usage errors (exit 2); user errors and bugs are mapped here."""
    try:
        app()
    except UserError as exc:
        typer.echo(f"plan272: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("plan272: interrupted", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(2)
    except OSError as exc:  # writing the report failed: a full disk, a closed terminal…
        typer.echo(f"plan272: error: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(2)
    except Exception as exc:
        import traceback

        typer.echo(
            f"plan272: internal error (a bug in plan272, please report it): {type(exc).__name__}: {exc}",
            err=True,
        )
        traceback.print_exc(file=sys.stderr)
        sys.exit(2)
