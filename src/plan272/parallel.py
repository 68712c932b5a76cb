"""Two pieces of work at once, for ``plan272 diff``, which loads and checks its two sides: the
first in a forked child process whose result comes back through a pipe, the second here.

Only where it is safe and pays: on Linux (``fork`` of a single-threaded process), with more than
one processor, when the caller says the work is large enough — else, and whenever anything goes
wrong in the child (an exception, a crash, a result that cannot be read), the work is done here,
in order, as if nothing had been forked: the results, and which error is raised first, are the
same either way. ``PLAN272_JOBS=1`` turns it off, ``PLAN272_JOBS=2`` on whatever the size.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

from plan272.gcpause import paused

_T = TypeVar("_T")
_U = TypeVar("_U")


def forking(large: bool) -> bool:
    """Whether :func:`both` forks, for work that is ``large`` (or not) as its caller measures it."""
    jobs = os.environ.get("PLAN272_JOBS", "")
    if jobs == "1" or sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    return jobs == "2" or (large and (os.cpu_count() or 1) > 1)


def both(
    first: Callable[[], _T],
    second: Callable[[], _U],
    *,
    pack: Callable[[_T], bytes],
    unpack: Callable[[bytes], _T],
    large: bool,
) -> tuple[_T, _U]:
    """``(first(), second())``, at once when :func:`forking` says so: ``first`` in a child that
    sends ``pack(first())`` back, ``second`` here meanwhile. If the child fails, ``first`` runs here
    — before ``second``'s error, if it had one, is raised: ``first``'s error comes first, as it
    would in order."""
    if not forking(large):
        return first(), second()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        if stream is not None:
            stream.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the result through the pipe, then out at once, whatever happens
        # (nothing it might write to standard output is flushed: the parent alone speaks)
        code = 1
        try:
            os.close(read)
            data = pack(first())
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        try:
            done: tuple[bool, _U | BaseException] = (True, second())
        except Exception as exc:  # raised after first's, if first fails too
            done = (False, exc)
        with os.fdopen(read, "rb") as source:
            data = source.read()
    except BaseException:  # an interruption: the child is not left behind
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    result = _read(data, unpack) if os.waitstatus_to_exitcode(status) == 0 else None
    value = first() if result is None else result[0]
    ok, outcome = done
    if not ok:
        raise outcome  # type: ignore[misc]
    return value, outcome  # type: ignore[return-value]


@paused
def _read(data: bytes, unpack: Callable[[bytes], _T]) -> tuple[_T] | None:
    """The child's result, or ``None`` when it cannot be read (the work is then done here)."""
    try:
        return (unpack(data),)
    except Exception:
        return None
