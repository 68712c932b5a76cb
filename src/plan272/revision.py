"""Which data a report was made from, so that a printed page can be traced: the git commit the plan's
files are at and whether they differ from it, or — outside git — the SHA-256 of the files."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from plan272.messages import Lang


@dataclass(frozen=True)
class DataRevision:
    #: the commit (full id) of the repository the files are in, or None outside git
    commit: str | None
    #: the files differ from that commit (changed, or not committed)
    modified: bool
    #: SHA-256 over the files' names and bytes, in name order
    digest: str

    def text(self, lang: Lang = "en") -> str:
        """``git 3516560`` / ``git 3516560 (modified since)`` / ``SHA-256 9f2c…`` in ``lang``."""
        if self.commit is None:
            return f"SHA-256 {self.digest[:16]}"
        short = f"git {self.commit[:12]}"
        if not self.modified:
            return short
        return f"{short} ({'đã sửa sau commit' if lang == 'vi' else 'files modified since'})"


def _git(directory: Path, *args: str) -> str | None:
    import subprocess

    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        out = subprocess.run(
            ["git", *args], cwd=directory, capture_output=True, env=env, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return os.fsdecode(out.stdout).strip() if out.returncode == 0 else None


def describe(directory: Path, files: Sequence[str | Path]) -> DataRevision:
    """The revision of the plan in ``directory`` made of ``files`` (those the run read)."""
    paths = sorted({Path(f) for f in files if Path(f).is_file()}, key=lambda p: p.name)
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    commit = _git(directory, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    modified = False
    if commit:
        status = _git(
            directory,
            "status",
            "--porcelain",
            "--untracked-files=all",
            "--",
            *(str(p.resolve()) for p in paths),
        )
        modified = status is None or status != ""
    return DataRevision(commit or None, modified, digest.hexdigest())


def generated_at() -> datetime:
    """When the report is made: now, in the machine's time zone — or the time ``SOURCE_DATE_EPOCH``
    gives (seconds since 1970, the reproducible-builds convention), so that a report can be made
    again byte for byte."""
    from datetime import UTC

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 12:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now().astimezone()
