"""Writing reports: to standard output, or atomically to a file (temporary file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from plan272.cli import UserError


def write_atomic(path: Path, data: str | bytes, *, force: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory and a rename, so an
    interrupted run leaves no half-written file. Without ``force`` an existing file is kept."""
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
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
