"""The rich console every command prints with: markup and emoji off, so data prints literally."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def make_console(file: IO[str] | None = None, width: int | None = None, *, color: bool = True) -> Console:
    from rich.console import Console

    interactive = file is None and sys.stdout.isatty()
    if width is None and not interactive and "COLUMNS" not in os.environ:
        width = 100
    return Console(
        file=file,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=interactive if color else False,
        no_color=not color,
        color_system="auto" if color else None,
    )
