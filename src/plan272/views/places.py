"""Where a finding's file is, as a report names it.

People read paths as they typed them (relative to where they ran plan272); CI systems read them
relative to the repository: GitHub places an annotation or a code-scanning alert, and GitLab a
Code Quality issue, on the file of that path *from the repository's root*, whatever directory the
job ran in. So the machine formats name files relative to a root — the repository's top level
(``git rev-parse --show-toplevel`` from the data directory), or ``--root`` — set for the time a view
renders with :func:`rooted`; :func:`place` gives a file's path as shown. A file outside the root
keeps its absolute path (it is in no repository the report can point into).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path, PureWindowsPath

_ROOT: ContextVar[Path | None] = ContextVar("plan272_root", default=None)


@contextmanager
def rooted(root: Path | None) -> Iterator[None]:
    """Name files relative to ``root`` (an absolute, resolved directory) while the block runs;
    ``None``: as given."""
    token = _ROOT.set(root)
    try:
        yield
    finally:
        _ROOT.reset(token)


def current_root() -> Path | None:
    """The root files are named from while a view renders (``None``: as given)."""
    return _ROOT.get()


def place(file: str) -> str:
    """``file`` (as the run names it: relative to the current directory, or absolute) as the report
    shows it: relative to the root with forward slashes, or as given when no root is set."""
    root = _ROOT.get()
    if root is None:
        return PureWindowsPath(file).as_posix() if os.sep == "\\" else file
    absolute = Path(os.path.abspath(file))
    for candidate in (absolute, absolute.resolve()):  # a root reached through a symbolic link, or not
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return absolute.as_posix()


def repository_root(start: Path) -> Path | None:
    """The top level of the git working tree ``start`` is in (resolved), or ``None`` when it is in
    none (or git is not installed): :func:`plan272.gitsource.repository_root`, which ``diff``
    uses too."""
    from plan272.gitsource import GitError
    from plan272.gitsource import repository_root as top

    try:
        return top(start if start.is_dir() else start.parent).resolve()
    except GitError:
        return None
