"""One side of a diff: a data directory, or the data directory as a git revision holds it.

``resolve(argument, data, cwd)``: an existing directory is loaded as it is; anything else is a git
revision of the repository ``cwd`` is in (``HEAD~1``, ``main``, a tag, a commit id). A revision is
read from git objects (``git cat-file``) into a temporary directory that is loaded and then
removed: nothing is checked out, the index and the working tree are never touched. Without an
argument, the side is the working tree's data directory.

Findings and problems of a revision name its files by their path in the repository
(``data/plan.yaml``), never by the temporary directory.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from plan272.load import PLAN_FILE, LoadResult, load_from, load_plan
from plan272.load.files import LIMITS, Limits, too_large
from plan272.messages import Message
from plan272.problems import Location, Problem


class SourceError(Exception):
    """A side of the diff cannot be read; ``message`` says why in words of the catalogue (``str()`` is
    the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


class GitError(SourceError):
    """Not a git repository, an unknown revision, a file missing at a revision, git missing."""


@dataclass(frozen=True)
class Side:
    label: str  # how reports name the side: "HEAD~1 (1a2b3c4)", "working tree (data)", "old/"
    kind: Literal["directory", "revision", "worktree"]
    result: LoadResult
    revision: str | None = None  # the full commit id of a revision


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, check=False, timeout=60)
    except FileNotFoundError as exc:
        raise GitError(Message("error.git.missing")) from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(Message("error.git.timeout", command=" ".join(args))) from exc


def is_bare(cwd: Path) -> bool:
    """Whether ``cwd`` is in a bare repository (one without a working tree)."""
    out = _git(cwd, "rev-parse", "--is-bare-repository")
    return out.returncode == 0 and out.stdout.strip() == b"true"


def repository_root(cwd: Path) -> Path:
    """The top of the working tree — or, in a bare repository, its git directory."""
    out = _git(cwd, "rev-parse", "--show-toplevel")
    if out.returncode == 0:
        return Path(os.fsdecode(out.stdout.rstrip(b"\n")))
    if is_bare(cwd):
        out = _git(cwd, "rev-parse", "--absolute-git-dir")
        if out.returncode == 0:
            return Path(os.fsdecode(out.stdout.rstrip(b"\n")))
    raise GitError(Message("error.git.not-repository", path=str(cwd.resolve())))


def commit_of(revision: str, cwd: Path) -> str:
    """The full commit id ``revision`` names, or :class:`GitError`."""
    if not revision or revision.startswith("-") or "\n" in revision or "\0" in revision:
        raise GitError(Message("error.git.unknown-revision", revision=repr(revision)))
    # the object first, then its commit: a search (":/message") takes no suffix
    named = _git(cwd, "rev-parse", "--verify", "--quiet", revision)
    oid = named.stdout.decode("ascii", "replace").strip()
    out = (
        _git(cwd, "rev-parse", "--verify", "--quiet", f"{oid}^{{commit}}") if named.returncode == 0 else named
    )
    if out.returncode != 0:
        where = str(cwd.resolve())
        raise GitError(Message("error.git.not-a-commit", revision=repr(revision), path=where))
    return out.stdout.decode("ascii").strip()


def data_path_in_repository(data: Path, cwd: Path, root: Path) -> str:
    """``data`` (relative to ``cwd``) as a POSIX path relative to the repository root; "" for
    the root itself. In a bare repository, which has no working tree, ``data`` is the path in the
    repository as it is."""
    if is_bare(cwd):
        text = data.as_posix().strip("/")
        if data.is_absolute() or ".." in data.parts:
            raise GitError(Message("error.git.bare-data", data=str(data)))
        return "" if text in ("", ".") else text
    absolute = (data if data.is_absolute() else cwd / data).resolve()
    try:
        relative = absolute.relative_to(root.resolve())
    except ValueError as exc:
        raise GitError(Message("error.git.data-outside", data=str(data), root=str(root))) from exc
    text = relative.as_posix()
    return "" if text == "." else text


class Revision:
    """The files of a data directory as commit ``commit`` holds them (a loader ``Source``)."""

    def __init__(self, root: Path, commit: str, inside: str, revision: str, limits: Limits = LIMITS) -> None:
        self.limits = limits
        self.max_bytes = limits.max_bytes
        self.root = root
        self.commit = commit
        self.inside = inside  # the data directory's path in the repository ("" for the root)
        self.revision = revision

    def display(self, name: str) -> str:
        return f"{self.inside}/{name}" if self.inside else name

    def read(self, name: str) -> tuple[bytes | None, list[Problem]]:
        path = self.display(name)

        def fatal(key: str) -> list[Problem]:
            message = Message(key, revision=self.revision, commit=self.commit[:7])
            return [Problem(Location(path), message, fatal=True)]

        listing = _git(self.root, "ls-tree", "-l", "-z", self.commit, "--", path)
        entry = listing.stdout.split(b"\0", 1)[0]
        if listing.returncode != 0 or not entry:
            return None, fatal("error.git.file-not-found")
        head, _, _ = entry.partition(b"\t")
        fields = head.split()
        if len(fields) != 4 or fields[1] != b"blob" or fields[0] not in (b"100644", b"100755"):
            return None, fatal("error.git.irregular")
        size = int(fields[3]) if fields[3].isdigit() else self.max_bytes + 1
        if size > self.max_bytes:  # known before a byte of the blob is read
            return None, too_large(path, size, self.max_bytes)
        out = _git(self.root, "cat-file", "blob", fields[2].decode("ascii"))
        if out.returncode != 0:
            return None, fatal("error.git.unreadable")
        return out.stdout, []


def load_revision(
    revision: str, data: Path = Path("data"), cwd: Path | None = None, limits: Limits = LIMITS
) -> Side:
    """The plan in the data directory ``data`` as commit ``revision`` holds it."""
    cwd = Path.cwd() if cwd is None else cwd
    root = repository_root(cwd)
    commit = commit_of(revision, cwd)
    inside = data_path_in_repository(data, cwd, root)
    source = Revision(root, commit, inside, revision, limits)
    plan_file = source.display(PLAN_FILE)
    if _git(root, "cat-file", "-e", f"{commit}:{plan_file}").returncode != 0:
        raise GitError(Message("error.git.no-plan", file=plan_file, revision=revision, commit=commit[:7]))
    result = load_from(source)
    label = revision if commit.startswith(revision) else f"{revision} ({commit[:7]})"
    return Side(label, "revision", result, commit)


def resolve(
    argument: str | None,
    data: Path = Path("data"),
    cwd: Path | None = None,
    limits: Limits = LIMITS,
) -> Side:
    """One side of a diff: ``None`` is the working tree's ``data``; an existing directory is loaded;
    anything else is read as a git revision of the repository ``cwd`` is in (:class:`GitError`
    when there is none). Relative paths are relative to ``cwd`` (default: the current directory)."""
    base = Path(".") if cwd is None else cwd
    if argument is None:
        directory = data if data.is_absolute() else base / data
        if not directory.is_dir():
            if is_bare(base):
                raise SourceError(Message("error.diff.bare-worktree"))
            raise SourceError(Message("error.data-dir.not-found", path=directory.as_posix()))
        return Side(f"working tree ({data.as_posix()})", "worktree", load_plan(directory, limits))
    path = Path(argument)
    directory = path if path.is_absolute() else base / path
    if directory.is_dir():
        return Side(argument, "directory", load_plan(directory, limits))
    try:
        repository_root(base)
        commit_of(argument, base)
    except GitError as exc:
        if directory.exists():
            raise SourceError(Message("error.diff.side-is-file", argument=argument)) from exc
        if exc.message.key == "error.git.not-repository":
            refusal = Message("error.diff.side-no-repository", argument=repr(argument), reason=exc.message)
            raise GitError(refusal) from exc
        root = str(repository_root(base))
        raise GitError(Message("error.diff.side-unknown", argument=repr(argument), root=root)) from exc
    return load_revision(argument, data, base, limits)
