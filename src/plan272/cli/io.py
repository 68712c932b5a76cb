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
from collections.abc import Callable, Iterable
from pathlib import Path

from plan272.cli import UserError
from plan272.safety import guard_lines


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


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
        raise UserError(f"data directory not found: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISDIR(mode):
        raise UserError(f"{path} is not a directory")
    if not os.access(path, os.R_OK | os.X_OK):
        raise UserError(f"cannot read {path}: permission denied")
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
        raise UserError("the output file name is empty")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if mode is not None and not stat.S_ISREG(mode):
        raise UserError(f"{path} is {_kind(mode)}: plan272 writes regular files only")
    if _is_input(path, inputs):
        raise UserError(f"{path} is an input of this run: plan272 does not write over what it reads")
    if mode is not None and not force and not (may_replace is not None and may_replace(path)):
        raise UserError(f"{path} exists; pass --force to overwrite it")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"cannot write {path}: directory {directory} does not exist")


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
                raise UserError(f"{path} exists; pass --force to overwrite it") from exc
            except OSError:  # a file system without hard links: fall back to a checked rename
                if path.exists() or path.is_symlink():
                    raise UserError(f"{path} exists; pass --force to overwrite it") from None
                os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
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
        raise UserError(f"cannot append to {path}: {exc.strerror or exc}") from exc


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
