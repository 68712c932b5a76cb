"""The rich console every command prints with: markup and emoji off, so data prints literally."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, TYPE_CHECKING, Literal

from plan272.safety import guard_lines

if TYPE_CHECKING:
    from rich.console import Console


#: the narrowest and widest layouts: what COLUMNS or a terminal asks for is kept within them
MIN_WIDTH, MAX_WIDTH = 60, 1000


ColorChoice = Literal["auto", "always", "never"]
_COLOR: ContextVar[ColorChoice] = ContextVar("plan272_color", default="auto")


@contextmanager
def coloring(choice: ColorChoice) -> Iterator[None]:
    """``--color``: ``always`` / ``never`` whatever the environment, or ``auto`` for the time a
    command runs."""
    token = _COLOR.set(choice)
    try:
        yield
    finally:
        _COLOR.reset(token)


def choose_color(choice: ColorChoice) -> None:
    """``--color`` as the command line gives it, for the rest of the run (:func:`coloring` for a
    block)."""
    _COLOR.set(choice)


def stdout_is_terminal() -> bool:
    """Whether standard output gets colour: ``--color always|never`` decides; else ``NO_COLOR`` (any
    non-empty value) turns it off and ``FORCE_COLOR`` (non-empty, not ``0``) on, as CI systems set
    them (https://no-color.org, https://force-color.org); else only a terminal gets it."""
    choice = _COLOR.get()
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR", ""):
        return False
    force = os.environ.get("FORCE_COLOR", "")
    if force and force != "0":
        return True
    return sys.stdout.isatty()


def make_console(
    file: IO[str] | None = None, width: int | None = None, *, color: bool | None = None
) -> Console:
    """A console for ``file`` (standard output by default).

    Colour as :func:`stdout_is_terminal` says; width as :func:`console_width` says.
    """
    from rich.console import Console

    if color is None:
        color = stdout_is_terminal()
    return Console(
        file=file,
        width=console_width(width),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
    )


def console_width(width: int | None = None) -> int:
    """``width``, else the terminal's, or 100 columns when the output goes to a pipe or a file, so
    reports are the same wherever they are read; ``COLUMNS`` overrides either."""
    if width is not None:
        return width
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and len(columns) <= 6:
        width = int(columns)
    # a width no report can be laid out in (0, 10) or no memory can hold is not a layout
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def plain(text: str) -> str:
    """Drop the padding rich leaves at the end of lines (for files and pipes)."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + ("\n" if text else "")


def capture(
    draw: Callable[[Console], None],
    *,
    to_file: bool = False,
    width: int | None = None,
    lines: Callable[[int], list[str] | None] | None = None,
) -> str:
    """What ``draw`` prints, as text: coloured for a terminal; plain (no colour, no padding at the
    ends of lines, 100 columns unless ``width``) for a file or a pipe. ``lines``, given the width,
    lays the same out without rich (:mod:`plan272.views.plaingrid`) where it can — plain output then
    needs no console — or gives ``None`` and ``draw`` prints it."""
    import io

    color = not to_file and stdout_is_terminal()
    width = width or (100 if to_file else None)
    if not color and lines is not None:
        laid_out = lines(console_width(width))
        if laid_out is not None:
            return guard_lines(plain("".join(line + "\n" for line in laid_out)))
    buffer = io.StringIO()
    draw(make_console(buffer, width=width, color=color))
    return guard_lines(buffer.getvalue() if color else plain(buffer.getvalue()))


def show(*renderables: object) -> None:
    """Print rich renderables to standard output: coloured on a terminal, plain text otherwise."""

    def draw(console: Console) -> None:
        for item in renderables:
            console.print(item)

    sys.stdout.write(capture(draw))
