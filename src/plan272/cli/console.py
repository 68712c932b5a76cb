"""The rich console every command prints with."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    from rich.console import Console

    if width is None and "COLUMNS" not in os.environ and not os.isatty(1):
        width = 100
    return Console(file=file, width=width, highlight=False, markup=False, emoji=False, soft_wrap=False)
