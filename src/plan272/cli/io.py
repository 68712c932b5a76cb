"""Writing reports: to standard output, or atomically to a file (temporary file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from plan272.cli import UserError


def write_atomic(path: Path, data: str | bytes, *, force: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory, so an interrupted run
    leaves no half-written file. With ``force`` the file is replaced by a rename; without it the
    temporary file is hard-linked into place, which fails (atomically) if ``path`` exists."""
    if str(path) in ("", "."):
        raise UserError("the output file name is empty")
    if path.is_dir():
        raise UserError(f"{path} is a directory, not a file")
    if not force and path.exists():
        raise UserError(f"{path} exists; pass --force to overwrite it")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"cannot write {path}: directory {directory} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual mode
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise UserError(f"{path} exists; pass --force to overwrite it") from exc
            except OSError:  # a file system without hard links: fall back to a checked rename
                if path.exists():
                    raise UserError(f"{path} exists; pass --force to overwrite it") from None
                os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
