"""The cyclic garbage collector paused while plan272 builds a large structure that all lives on (a
loaded plan, its findings, a diff): scanning hundreds of thousands of live objects again and again
finds no garbage and takes a noticeable part of a large run. Reference counting still frees what is
dropped; the collector runs again afterwards."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def paused(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """``func`` with the cyclic collector paused while it runs (and restored as it was)."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper
