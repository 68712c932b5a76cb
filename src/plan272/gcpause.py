"""The cyclic garbage collector paused while plan272 builds a large structure that all lives on (a
loaded plan, its findings, a diff): scanning hundreds of thousands of live objects again and again
finds no garbage and takes a noticeable part of a large run. Reference counting still frees what is
dropped; the collector runs again afterwards.

In the command line's process (:func:`lives_on`), what such a function built lives until the
process ends: it is then moved out of the collector's sight (``gc.freeze``), so that the
collections the rest of the run makes scan only what is new. A library caller's objects are never
frozen."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


#: whether the structures paused functions build live until the process ends (the command line)
_LIVES_ON = False


def lives_on() -> None:
    """Say that this process ends when its command does (the command line, not a library caller):
    what paused functions build is then frozen out of the collector's sight."""
    global _LIVES_ON
    _LIVES_ON = True


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
                if _LIVES_ON:
                    gc.freeze()  # what was built lives on: the collections to come skip it
                gc.enable()

    return wrapper
