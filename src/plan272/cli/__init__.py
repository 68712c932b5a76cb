"""The command line: one module per command, wired here; :func:`main` maps errors to exit codes.

Exit codes: 0 nothing at the failing level, 1 findings, 2 could not run. A user error never prints a
traceback; an unexpected exception is reported as an internal error (exit 2).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

import typer

from plan272 import __version__

if TYPE_CHECKING:
    from plan272.messages import Lang, Message

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
    """A problem with what the user asked for: printed as one line, exit 2, in the language of the
    run (:func:`plan272.cli.options.error_language`). ``message`` is a catalogue message; a plain
    string only for text that comes from elsewhere (the system's reason for a failed read)."""

    def __init__(self, message: str | Message) -> None:
        super().__init__(message if isinstance(message, str) else message.render("en"))
        self.message = message

    def text(self, lang: Lang = "en") -> str:
        return self.message if isinstance(self.message, str) else self.message.render(lang)


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
    from plan272.cli import diff, export, import_, init, rules, schema, summary, validate

    validate.register(app)
    rules.register(app)
    schema.register(app)
    diff.register(app)
    summary.register(app)
    init.register(app)
    import_.register(app)
    export.register(app)


_register()


def run() -> NoReturn:
    """The command line's process: :func:`main`, its output flushed, then out at once, without
    tearing the interpreter down — the collector's last pass and freeing a large plan object by
    object take a noticeable part of a large run, and the system takes the memory back whole. What
    the paused builders make lives on and is frozen out of the collector's sight
    (:func:`plan272.gcpause.lives_on`). Pydantic plugins are not loaded (``PYDANTIC_DISABLE_PLUGINS``,
    unless set otherwise)."""
    import os

    from plan272.gcpause import lives_on

    lives_on()
    # pydantic plugins (observers other packages install) are not looked for: none takes part in a
    # verdict, and finding them reads every installed package's metadata at each start
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        main()
        code = 0
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            code = exc.code or 0
        else:  # as the interpreter does with a message
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a pipe closed early, a closed stream: nothing more to say
            code = 2
    os._exit(code)


def main() -> None:
    """Entry point, and the one boundary where errors become exit codes: usage errors (typer's
    message, exit 2), user errors (one line, exit 2), an interruption (exit 2), a write that failed
    (exit 2); anything else is a bug in plan272 and says so (exit 2)."""
    from decimal import localcontext

    from plan272.cli.options import error_language, forget_language
    from plan272.messages import Message
    from plan272.numbers import PRECISION
    from plan272.safety import safe

    def say(key: str, **args: str) -> str:
        return Message(key, **args).render(error_language())

    # whatever the terminal's encoding, output never fails on a character it cannot show
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    forget_language()
    # typer builds the parameters of every command it holds at each run: it holds the one asked
    # for (every one for the overview, a misspelt name, the options before a command)
    every = app.registered_commands
    asked = sys.argv[1] if len(sys.argv) > 1 else ""
    app.registered_commands = [c for c in every if c.name == asked] or every
    try:
        with localcontext() as context:  # rendering divides and rounds figures too
            context.prec = PRECISION
            code = app(standalone_mode=False)
    except SystemExit:
        # click answers a pipe closed early (`| head`) with exit 1, which reads as findings: the
        # output could not be given, exit 2 (click has put its quiet wrapper on standard output)
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            sys.exit(2)
        raise
    except UserError as exc:
        typer.echo(say("error.user", message=safe(exc.text(error_language()))), err=True)
        sys.exit(2)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo(say("error.interrupted"), err=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(2)
    except OSError as exc:  # the system refused: a full disk, a closed terminal, a permission…
        where = f": {exc.filename}" if exc.filename else ""
        typer.echo(say("error.user", message=safe(str(exc.strerror or exc) + where)), err=True)
        sys.exit(2)
    except MemoryError:
        typer.echo(say("error.memory"), err=True)
        sys.exit(2)
    except Exception as exc:
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(getattr(exc, "exit_code", None), int):  # a usage error
            show()
            sys.exit(getattr(exc, "exit_code", 2))
        import traceback

        typer.echo(say("error.internal", error=f"{type(exc).__name__}: {safe(str(exc))}"), err=True)
        traceback.print_exc(file=sys.stderr)
        sys.exit(2)
    finally:
        app.registered_commands = every
    if code == 130:  # typer's way of saying an interruption (KeyboardInterrupt) ended the command
        typer.echo(say("error.interrupted"), err=True)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
