"""Running plan272 through its real entry point (:func:`plan272.cli.main`, what the ``plan272``
script calls) inside the test process: the same argument parsing, error boundary, exit codes and
output streams as a subprocess, without paying an interpreter start-up per call. Tests of what only a
process has (signals, the console script itself) start one."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, like a pipe: not a terminal."""

    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def _environment(env: Mapping[str, str], cwd: Path) -> Iterator[None]:
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run_main(args: list[str], cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """``plan272 ARGS`` in this process: its exit code, standard output and standard error (decoded
    as a test's subprocess would, undecodable bytes kept as surrogates)."""
    from plan272.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    stdout = _Stream(out, encoding="utf-8", write_through=True)
    stderr = _Stream(err, encoding="utf-8", write_through=True)
    saved = sys.argv, sys.stdout, sys.stderr
    code: int | str | None = 0
    with _environment(env, cwd):
        sys.argv, sys.stdout, sys.stderr = ["plan272", *args], stdout, stderr
        try:
            main()
        except SystemExit as exc:
            code = exc.code
        finally:
            stdout.flush()
            stderr.flush()
            sys.argv, sys.stdout, sys.stderr = saved
    returncode = code if isinstance(code, int) else (0 if code is None else 1)
    decode = lambda data: data.decode("utf-8", "surrogateescape")  # noqa: E731
    return subprocess.CompletedProcess(
        ["plan272", *args], returncode, decode(out.getvalue()), decode(err.getvalue())
    )
