"""Options shared by several commands, declared once as ``Annotated`` aliases."""

from __future__ import annotations

from contextvars import ContextVar
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plan272.views import Formats
from plan272.views.diff import FORMATS as DIFF_FORMATS
from plan272.views.report import FORMATS as REPORT_FORMATS

if TYPE_CHECKING:
    from plan272.load.files import Limits
    from plan272.messages import Lang


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _format_option(registry: Formats, help: str) -> Any:
    def choose(value: str | None) -> str | None:
        # a refusal in the run's language as far as it is known: --lang if given before --format
        return None if value is None else registry.choose(value, error_language())

    return typer.Option(
        "--format",
        "-f",
        metavar=registry.metavar,
        help=f"{help} ({registry.help()}).",
        callback=choose,
    )


ValidateFormat = Annotated[str | None, _format_option(REPORT_FORMATS, "Report format (default text)")]
DiffFormat = Annotated[str, _format_option(DIFF_FORMATS, "Report format")]


class LangChoice(StrEnum):
    en = "en"
    vi = "vi"


#: the language of the run as far as it is known: the error boundary words a user error in it
_SPEAKING: ContextVar[Lang | None] = ContextVar("plan272_cli_lang", default=None)


def _remember(value: LangChoice | None) -> LangChoice | None:
    if value is not None:
        _SPEAKING.set("vi" if value is LangChoice.vi else "en")
    return value


def forget_language() -> None:
    """A new run knows no language nor colour choice yet (runs in one process, as the tests make, do
    not share them)."""
    from plan272.views.console import choose_color

    _SPEAKING.set(None)
    choose_color("auto")


def error_language() -> Lang:
    """The language a user error is written in: the run's (``--lang``, or as :func:`language`
    resolved it), else ``$PLAN272_LANG`` when it names one, else English."""
    import os

    known = _SPEAKING.get()
    if known is not None:
        return known
    env = os.environ.get("PLAN272_LANG", "").strip().lower()
    return "vi" if env == "vi" else "en"


LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        callback=_remember,
        help="Language of the report, its words and its number notation: vi (1.501.713; 8,66%) or en "
        "(1,501,713; 8.66%). Default: $PLAN272_LANG, else plan.yaml's language, else en.",
        show_default=False,
    ),
]


def language(
    option: LangChoice | None, plan_language: str | None = None, configured: str | None = None
) -> Lang:
    """The language a report is written in: ``--lang``, else ``$PLAN272_LANG``, else the settings
    file's ``language`` (``configured``), else plan.yaml's ``language``, else English. An unknown
    ``$PLAN272_LANG`` is a usage error, not a guess."""
    import os

    chosen: Lang
    env = os.environ.get("PLAN272_LANG", "").strip().lower()
    if option is not None:
        chosen = "vi" if option is LangChoice.vi else "en"
    elif env:
        if env not in ("en", "vi"):
            from plan272.cli import UserError
            from plan272.messages import Message

            raise UserError(Message("error.lang-env", value=repr(env)))
        chosen = "vi" if env == "vi" else "en"
    elif configured in ("en", "vi"):
        chosen = "vi" if configured == "vi" else "en"
    else:
        chosen = "vi" if plan_language == "vi" else "en"
    _SPEAKING.set(chosen)
    return chosen


class ColorChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _color(value: ColorChoice | None) -> ColorChoice | None:
    from plan272.views.console import choose_color

    if value is not None:
        choose_color(value.value)
    return value


ColorOption = Annotated[
    ColorChoice | None,
    typer.Option(
        "--color",
        callback=_color,
        help="Colour the output: auto (a terminal; off with NO_COLOR, on with FORCE_COLOR), always, never.",
        show_default=False,
    ),
]


DataDir = Annotated[
    Path,
    typer.Argument(help="Directory holding plan.yaml and the appendix files it declares.", show_default=True),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Only these rule codes or prefixes (e.g. SEC,KPI001). Repeatable."),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rule codes or prefixes. Repeatable."),
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to FILE instead of standard output."),
]
Force = Annotated[
    bool, typer.Option("--force", help="Let the files this command writes replace files that exist.")
]


def parse_size(text: str) -> int:
    """``64M``, ``1G``, ``500K`` or plain bytes (``67108864``): a size in bytes (K, M, G are 1024s)."""
    import re

    from plan272.messages import Message

    match = re.fullmatch(r"\s*([0-9]{1,15})\s*([kmgKMG]?)(i?[bB])?\s*", text)
    if not match:
        raise typer.BadParameter(Message("error.option.size", value=repr(text)).render(error_language()))
    value: int = int(match.group(1)) * 1024 ** " kmg".index(match.group(2).lower() or " ")
    if value < 1024:
        raise typer.BadParameter(Message("error.option.size-too-small").render(error_language()))
    return value


MaxFileSize = Annotated[
    str,
    typer.Option(
        "--max-file-size",
        help="Refuse, unread, any input file larger than this (K, M, G; default 256M: about 1.3 million "
        "rows of Plan 272's Phụ lục I).",
    ),
]
DEFAULT_MAX_FILE_SIZE = "256M"
MaxRows = Annotated[
    int,
    typer.Option("--max-rows", min=1, help="Refuse a table of more rows than this (default 1,500,000)."),
]
DEFAULT_MAX_ROWS = 1_500_000
MaxProblems = Annotated[
    int,
    typer.Option(
        "--max-problems",
        min=1,
        help="List at most this many problems of one input file, then say how many more (default 1,000).",
    ),
]
DEFAULT_MAX_PROBLEMS = 1_000


def limits(max_file_size: str, max_rows: int, max_problems: int = DEFAULT_MAX_PROBLEMS) -> Limits:
    """The limits the options ask for (:class:`~plan272.load.files.Limits`)."""
    from plan272.load.files import Limits

    return Limits(parse_size(max_file_size), max_rows, max_problems)
