"""Two pieces of work at once, for ``plan272 diff``, which loads and checks its two sides: the
first in a forked child process whose results come back through a pipe (what it loaded as soon as
it has it, then what it found checking it), the second here.

Only where it is safe and pays: on Linux (``fork`` of a single-threaded process), with more than
one processor, when the caller says the work is large enough — else, and whenever anything goes
wrong in the child (an exception, a crash, a result that cannot be read), the work is done here,
in order, as if nothing had been forked: the results, and which error is raised first, are the
same either way. ``PLAN272_JOBS=1`` turns it off, ``PLAN272_JOBS=2`` on whatever the size.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, BinaryIO, TypeVar

from plan272.gcpause import paused

_T = TypeVar("_T")
_U = TypeVar("_U")
_V = TypeVar("_V")


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
    then: Callable[[_T], _V],
    pack: Callable[[_T], object],
    unpack: Callable[[Any], _T],
    large: bool,
) -> tuple[tuple[_T, _V], _U]:
    """``((a, then(a)), second())`` with ``a = first()``, at once when :func:`forking` says so:
    ``first`` and ``then`` in a child, ``second`` here meanwhile. The child pickles ``pack(a)``
    into the pipe as soon as it has it, read here as it comes (a pickle is written and read in
    frames), then works on ``then(a)`` while this process unpacks ``a``. If the child fails, the
    work is done here — before ``second``'s error, if it had one, is raised: ``first``'s (or
    ``then``'s) error comes first, as it would in order."""
    if not forking(large):
        value = first()
        return (value, then(value)), second()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        if stream is not None:
            stream.flush()
    read, write = os.pipe()
    _widen(write)
    pid = os.fork()
    if pid == 0:  # the child: the results through the pipe, then out at once, whatever happens
        # (nothing it might write to standard output is flushed: the parent alone speaks)
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                value = first()
                pickle.dump(pack(value), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                pickle.dump(then(value), out, protocol=pickle.HIGHEST_PROTOCOL)
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
            result = _receive(source, unpack)
            source.read()  # to the end: the child has written all it will
    except BaseException:  # an interruption: the child is not left behind
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    if result is None or os.waitstatus_to_exitcode(status) != 0:
        value = first()
        result = (value, then(value))
    ok, outcome = done
    if not ok:
        raise outcome  # type: ignore[misc]
    return result, outcome  # type: ignore[return-value]


def _widen(pipe: int) -> None:
    """The pipe's buffer as large as the system lets it be (Linux): a large result then goes
    through in fewer turns of the two processes."""
    import fcntl

    try:
        with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as limit:
            fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), int(limit.read()))
    except (OSError, ValueError):
        pass  # the default size: slower, the same result


@paused
def _receive(source: BinaryIO, unpack: Callable[[Any], _T]) -> tuple[_T, Any] | None:
    """The child's results — the first unpacked as soon as it is read, while the child works on
    the second — or ``None`` when they cannot be read (the child stopped short: the work is then
    done here)."""
    try:
        value = unpack(pickle.load(source))
        return value, pickle.load(source)
    except Exception:
        return None
