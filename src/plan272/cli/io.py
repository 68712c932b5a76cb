"""Every file the tool writes goes through :func:`write_file` (reports, exports, baselines, plan
skeletons) or :func:`append_file` (the GitHub step summary): regular files only, never a file the
run reads, never over an existing file without ``--force`` (a baseline may replace a baseline),
written atomically (a temporary file, then a link or a rename), and a one-line refusal otherwise."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plan272.cli import UserError
from plan272.messages import Message
from plan272.safety import guard_lines

if TYPE_CHECKING:
    from plan272.problems import Problem


_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "error.output.kind.directory"),
    (stat.S_ISLNK, "error.output.kind.symlink"),
    (stat.S_ISFIFO, "error.output.kind.fifo"),
    (stat.S_ISCHR, "error.output.kind.device"),
    (stat.S_ISBLK, "error.output.kind.device"),
    (stat.S_ISSOCK, "error.output.kind.socket"),
)


def _not_regular(path: Path, mode: int) -> Message:
    """Why ``path`` (of ``mode``, not a regular file) is not written: what it is, where known."""
    for test, kind in _KINDS:
        if test(mode):
            return Message("error.output.kind", path=str(path), kind=Message(kind))
    return Message("error.output.irregular", path=str(path))


def _reason(exc: OSError) -> str:
    """The system's reason for a failed read or write: text from elsewhere, quoted as it is."""
    return str(exc.strerror or exc)


def problem_message(problem: Problem) -> Message:
    """A load problem quoted in an error: ``data/plan.yaml:3 [key]: what is wrong (found 'x')``,
    its words in the error's language."""
    found = "" if problem.value is None else Message("error.problem.found", value=repr(problem.value))
    return Message("error.problem", location=str(problem.location), message=problem.message, found=found)


def problems_message(problems: Sequence[Problem]) -> Message:
    """Load problems quoted in an error, ``; `` between them (``unknown problem`` for none)."""
    if not problems:
        return Message("error.problem.unknown")
    out = problem_message(problems[-1])
    for problem in reversed(problems[:-1]):
        out = Message("error.problems", first=problem_message(problem), rest=out)
    return out


def _is_input(path: Path, inputs: Iterable[str | Path]) -> bool:
    """Whether ``path`` is one of ``inputs`` — the same file, or, for an input that is missing (a
    file plan.yaml names but the run could not read), the same path."""
    real = os.path.realpath(path)
    for candidate in inputs:
        try:
            if os.path.samefile(path, candidate):
                return True
        except OSError:
            pass
        if os.path.realpath(candidate) == real:
            return True
    return False


def data_directory(path: Path) -> Path:
    """``path`` if it is a directory plan272 can read a plan from; else a one-line refusal."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UserError(Message("error.data-dir.not-found", path=str(path))) from None
    except OSError as exc:
        raise UserError(Message("error.read", path=str(path), reason=_reason(exc))) from exc
    if not stat.S_ISDIR(mode):
        raise UserError(Message("error.not-a-directory", path=str(path)))
    if not os.access(path, os.R_OK | os.X_OK):
        raise UserError(Message("error.read.denied", path=str(path)))
    return path


def inputs_of(directory: Path, files: Iterable[str]) -> list[str | Path]:
    """What a run on the plan in ``directory`` reads: ``files`` (plan.yaml and every file it names,
    read or not) and, when plan.yaml could not name them, every CSV and YAML file beside it."""
    found: list[str | Path] = list(files)
    if len(found) <= 1 and directory.is_dir():
        with contextlib.suppress(OSError):
            found += [p for p in directory.iterdir() if p.suffix.lower() in (".csv", ".yaml", ".yml")]
    return found


def check_target(
    path: Path,
    *,
    force: bool,
    inputs: Iterable[str | Path] = (),
    may_replace: Callable[[Path], bool] | None = None,
) -> None:
    """Refuse (:class:`UserError`) to write ``path`` when it is not, or would not be, a regular file
    the run may write: see the module docstring."""
    if str(path) in ("", "."):
        raise UserError(Message("error.output.empty"))
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserError(Message("error.write", path=str(path), reason=_reason(exc))) from exc
    if mode is not None and not stat.S_ISREG(mode):
        raise UserError(_not_regular(path, mode))
    if _is_input(path, inputs):
        raise UserError(Message("error.output.input", path=str(path)))
    if mode is not None and not force and not (may_replace is not None and may_replace(path)):
        raise UserError(Message("error.output.exists", path=str(path)))
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(Message("error.output.no-directory", path=str(path), directory=str(directory)))


def write_file(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    inputs: Iterable[str | Path] = (),
    may_replace: Callable[[Path], bool] | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically, after :func:`check_target`: a temporary file in the
    same directory, then, over an existing file, a rename; else a hard link, which fails (also
    atomically) if the file appeared meanwhile."""
    inputs = list(inputs)
    check_target(path, force=force, inputs=inputs, may_replace=may_replace)
    directory = path.parent if str(path.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    replace = path.exists()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual mode
        if replace:
            check_target(path, force=True, inputs=inputs)  # still a regular file we may replace
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise UserError(Message("error.output.exists", path=str(path))) from exc
            except OSError:  # a file system without hard links: fall back to a checked rename
                if path.exists() or path.is_symlink():
                    raise UserError(Message("error.output.exists", path=str(path))) from None
                os.replace(tmp, path)
    except OSError as exc:
        raise UserError(Message("error.write", path=str(path), reason=_reason(exc))) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def append_file(path: Path, text: str, *, inputs: Iterable[str | Path] = ()) -> None:
    """Append ``text`` to ``path`` (created if missing): a regular file only, never an input."""
    check_target(path, force=True, inputs=inputs)
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise UserError(Message("error.append", path=str(path), reason=_reason(exc))) from exc


def emit(
    text: str,
    output: Path | None,
    *,
    force: bool = False,
    inputs: Iterable[str | Path] = (),
    commands: bool = False,
) -> None:
    """The report: to standard output, or to the file ``output`` (:func:`write_file`). No line of it
    reads as a CI workflow command unless ``commands`` (the github format, whose commands are
    meant and whose values are escaped by it)."""
    if not commands:
        text = guard_lines(text)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_file(output, text, force=force, inputs=inputs)


# kept for the callers of the old name
def write_atomic(path: Path, data: str | bytes, *, force: bool = True) -> None:
    write_file(path, data, force=force)
