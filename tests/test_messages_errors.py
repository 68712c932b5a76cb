"""The errors that stop a command (exit 2), in English and in Vietnamese, through the real entry point
(:func:`plan272.cli.main`, run in this process by ``tests/entry.py``).

Each case is one real refusal: its English is written out as plan272 wrote it before its words moved
to the catalogue (byte for byte), its Vietnamese is the catalogue's message in Vietnamese — written
out too for representative cases. Every key of the ``error.`` part of the catalogue is produced by at
least one case, or (the few a command cannot reach) named in ``LIBRARY_ONLY`` with a direct test. A
static test checks that every error of the commands and of the library's error classes is raised with
a catalogue message, never with a sentence of its own.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from entry import run_main
from plan272.catalogue.errors import ERRORS
from plan272.cli.io import problem_message, problems_message
from plan272.gitsource import resolve
from plan272.load import load_plan
from plan272.messages import Amount, Each, Lang, Message
from plan272.problems import Problem
from plandir import GIT_ENV
from plans import DATA, ROOT

HAS_GIT = shutil.which("git") is not None
ENV = {"COLUMNS": "100", "PATH": os.environ.get("PATH", "/usr/bin:/bin"), **GIT_ENV}

#: the keys of the error boundary itself, tested with it (tests/test_cli.py, tests/test_hostile.py)
BOUNDARY = {"error.user", "error.interrupted", "error.memory", "error.internal", "error.lang-env"}


# ------------------------------------------------------------------------------------------------
# The places the cases run in: a directory of odd paths, broken plans, git repositories


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV}
    )
    return out.stdout


@dataclass(frozen=True)
class World:
    """``root``: not in a git repository; ``repo``: a repository (None without git); ``bare``: a bare
    clone of it."""

    root: Path
    repo: Path | None
    bare: Path | None


def _broken(directory: Path) -> None:
    """The shipped plan with appendix1.csv not UTF-8 (a problem that quotes what it found) and
    appendix2.csv missing: two fatal problems."""
    shutil.copytree(DATA, directory)
    path = directory / "appendix1.csv"
    path.write_bytes(path.read_bytes() + b"\xff\xfe\n")
    (directory / "appendix2.csv").unlink()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("errors")
    shutil.copytree(DATA, root / "data")
    _broken(root / "broken")
    (root / "afile").write_text("not a plan\n", encoding="utf-8")
    (root / "adir").mkdir()
    (root / "alink").symlink_to("afile")
    os.mkfifo(root / "afifo")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "asock"))
    (root / "one").mkdir()
    (root / "one" / "plan.yaml").write_text("# mine\n", encoding="utf-8")
    baselines = {
        "big.json": "[" + " " * 2000 + "]",
        "latin.json": b"\xff\xfe[]",
        "twice.json": '{"version": 1, "version": 1}',
        "bad.json": "{",
        "deep.json": "[" * 100_000,
        "long.json": "1" * 5000,
        "list.json": "[]",
        "entry.json": '{"version": 1, "tool": "plan272", "findings": [{}]}',
    }
    for name, content in baselines.items():
        path = root / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    repo = bare = None
    if HAS_GIT:
        repo = root / "repo"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        for name in ("data", "data2", "partial"):
            shutil.copytree(DATA, repo / name)
        (repo / "partial" / "appendix1.csv").unlink()  # never committed
        (repo / "partial" / "appendix2.csv").unlink()
        (repo / "partial" / "appendix2.csv").symlink_to("../data/appendix2.csv")  # committed as a link
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "plan as published")
        shutil.rmtree(repo / "data2")
        _broken(repo / "data2")  # the working tree's data2 is broken, the commit's is not
        bare = root / "bare.git"
        git(root, "clone", "-q", "--bare", str(repo), str(bare))
    yield World(root, repo, bare)


# ------------------------------------------------------------------------------------------------
# The cases


@dataclass
class Case:
    """plan272 ``args`` run in ``cwd``: exit 2, with ``message`` — ``en`` as plan272 has always written
    it, ``vi`` (when given) the Vietnamese written out. ``usage``: a click usage error, whose framing
    (``Usage: …``, ``Error: Invalid value…: ``, this prefix) stays click's English and whose reason is
    plan272's. ``pattern``: ``en``/``vi`` are regular expressions (a figure that depends on the
    layout)."""

    args: list[str]
    message: Message
    en: str
    vi: str | None = None
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    usage: str | None = None
    pattern: bool = False


Builder = Callable[[World, pytest.MonkeyPatch], Case]
CASES: dict[str, Builder] = {}
GIT_CASES: set[str] = set()


def case(name: str, *, needs_git: bool = False) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        CASES[name] = builder
        if needs_git:
            GIT_CASES.add(name)
        return builder

    return register


def problems_of(directory: str, cwd: Path) -> list[Problem]:
    """The load problems of the plan in ``directory``, named as a run in ``cwd`` names them."""
    with contextlib.chdir(cwd):
        return load_plan(Path(directory)).problems


def fatal_problems(directory: str, cwd: Path) -> list[Problem]:
    problems = problems_of(directory, cwd)
    return [p for p in problems if p.fatal] or problems


def git_head(world: World) -> str:
    assert world.repo is not None
    return git(world.repo, "rev-parse", "HEAD").strip()


# --- data directories and files written (plan272.cli.io) ---------------------------------------------


@case("data-dir.not-found")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "nodir"],
        Message("error.data-dir.not-found", path="nodir"),
        "data directory not found: nodir",
        "không tìm thấy thư mục dữ liệu: nodir",
    )


@case("read")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "afile/x"],
        Message("error.read", path="afile/x", reason="Not a directory"),
        "cannot read afile/x: Not a directory",
        "không đọc được afile/x: Not a directory",  # the system's own words stay as they are
    )


@case("read.denied")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    access = os.access

    def unsearchable(path: str | os.PathLike[str], mode: int) -> bool:
        """``data`` as a directory of mode 0644 is to a user who is not root: readable (click lets it
        through), but its files cannot be opened."""
        if os.fspath(path) == "data" and mode & os.X_OK:
            return False
        return access(path, mode)

    mp.setattr(os, "access", unsearchable)
    return Case(
        ["validate", "data"],
        Message("error.read.denied", path="data"),
        "cannot read data: permission denied",
        "không đọc được data: không có quyền truy cập",
    )


@case("not-a-directory")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "afile"], Message("error.not-a-directory", path="afile"), "afile is not a directory"
    )


@case("output.empty")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "-o", ""],
        Message("error.output.empty"),
        "the output file name is empty",
        "tên tệp kết quả để trống",
    )


@case("write")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "-o", "afile/out.txt"],
        Message("error.write", path="afile/out.txt", reason="Not a directory"),
        "cannot write afile/out.txt: Not a directory",
    )


def _kind_case(path: str, kind: str, en: str, vi: str | None = None) -> Builder:
    def build(w: World, mp: pytest.MonkeyPatch) -> Case:
        message = Message("error.output.kind", path=path, kind=Message(f"error.output.kind.{kind}"))
        return Case(["validate", "data", "-o", path], message, en, vi)

    return build


case("output.kind.directory")(
    _kind_case(
        "adir",
        "directory",
        "adir is a directory: plan272 writes regular files only",
        "adir là một thư mục: plan272 chỉ ghi vào tệp thông thường",
    )
)
case("output.kind.symlink")(
    _kind_case("alink", "symlink", "alink is a symbolic link: plan272 writes regular files only")
)
case("output.kind.fifo")(
    _kind_case("afifo", "fifo", "afifo is a named pipe: plan272 writes regular files only")
)
case("output.kind.device")(
    _kind_case("/dev/null", "device", "/dev/null is a device: plan272 writes regular files only")
)
case("output.kind.socket")(
    _kind_case("asock", "socket", "asock is a socket: plan272 writes regular files only")
)


@case("output.irregular")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    lstat = os.lstat

    def odd(path: str | os.PathLike[str], *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == "odd":  # a kind of file Linux does not have (a Solaris door…)
            return os.stat_result((0,) * 10)
        return lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    mp.setattr(os, "lstat", odd)
    return Case(
        ["validate", "data", "-o", "odd"],
        Message("error.output.irregular", path="odd"),
        "odd is not a regular file: plan272 writes regular files only",
    )


@case("output.input")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "-o", "data/plan.yaml", "--force"],
        Message("error.output.input", path="data/plan.yaml"),
        "data/plan.yaml is an input of this run: plan272 does not write over what it reads",
        "data/plan.yaml là tệp đầu vào của lần chạy này: plan272 không ghi đè lên tệp mà nó đọc",
    )


@case("output.exists")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "-o", "afile"],
        Message("error.output.exists", path="afile"),
        "afile exists; pass --force to overwrite it",
        "afile đã tồn tại; thêm --force để ghi đè",
    )


@case("output.no-directory")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "-o", "nodir/out.txt"],
        Message("error.output.no-directory", path="nodir/out.txt", directory="nodir"),
        "cannot write nodir/out.txt: directory nodir does not exist",
        "không ghi được tệp nodir/out.txt: thư mục nodir không tồn tại",
    )


@case("append")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    summary = str(w.root / "step.md")
    opener = os.open

    def refuse(path: str | os.PathLike[str], flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if os.fspath(path) == summary:
            raise PermissionError(13, "Permission denied", summary)
        return opener(path, flags, mode, **kwargs)  # type: ignore[arg-type]

    mp.setattr(os, "open", refuse)
    return Case(
        ["validate", "data", "--format", "github"],
        Message("error.append", path=summary, reason="Permission denied"),
        f"cannot append to {summary}: Permission denied",
        env={"GITHUB_STEP_SUMMARY": summary},
    )


# --- --select, --ignore, --format, --max-file-size ------------------------------------------------------


@case("select.unknown")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "--select", "XYZ"],
        Message("error.select.unknown", code="'XYZ'"),
        "'XYZ' matches no rule code (see `plan272 rules`)",
        "'XYZ' không khớp với mã quy tắc nào (xem `plan272 rules`)",
    )


@case("select.nothing-left")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "data", "data", "--select", "SEC", "--ignore", "SEC"],
        Message("error.select.nothing-left"),
        "--select and --ignore leave no rule to check",
        "--select và --ignore không để lại quy tắc nào để kiểm tra",
    )


FORMAT = "Error: Invalid value for '--format' / '-f': "
VALUE = "Error: Invalid value: "


@case("option.format")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    choices = Each(("text", "json", "sarif", "junit", "github", "gitlab", "concise"))
    return Case(
        ["validate", "data", "--format", "nope"],
        Message("error.option.format", value="'nope'", choices=choices),
        "'nope' is not one of text, json, sarif, junit, github, gitlab, concise",
        "'nope' không phải một trong các giá trị: text, json, sarif, junit, github, gitlab, concise",
        usage=FORMAT,
    )


@case("option.format.diff")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    choices = Each(("text", "markdown", "json"))
    return Case(
        ["diff", "data", "data", "-f", "nope"],
        Message("error.option.format", value="'nope'", choices=choices),
        "'nope' is not one of text, markdown, json",
        usage=FORMAT,
    )


@case("option.size")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["validate", "data", "--max-file-size", "abc"],
        Message("error.option.size", value="'abc'"),
        "'abc' is not a size: write bytes, or a number with K, M or G (64M)",
        "'abc' không phải một kích thước: ghi số byte, hoặc một số kèm K, M hay G (64M)",
        usage=VALUE,
    )


@case("option.size-too-small")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["summary", "data", "--max-file-size", "12"],
        Message("error.option.size-too-small"),
        "a file limit below 1K would refuse every plan",
        usage=VALUE,
    )


# --- --baseline -------------------------------------------------------------------------------------------


def _baseline(name: str, message: Message, en: str, vi: str | None = None, *extra: str) -> Builder:
    def build(w: World, mp: pytest.MonkeyPatch) -> Case:
        return Case(["validate", "data", *extra, "--baseline", name], message, en, vi)

    return build


case("baseline.not-found")(
    _baseline(
        "nobase.json",
        Message("error.baseline.not-found", path="nobase.json"),
        "baseline file not found: nobase.json",
        "không tìm thấy tệp baseline: nobase.json",
    )
)
case("baseline.read")(
    _baseline(
        "afile/b.json",
        Message("error.baseline.read", path="afile/b.json", reason="Not a directory"),
        "cannot read baseline afile/b.json: Not a directory",
    )
)
case("baseline.irregular")(
    _baseline(
        "adir",
        Message("error.baseline.irregular", path="adir"),
        "baseline adir is not a regular file",
    )
)
case("baseline.too-large")(
    _baseline(
        "big.json",
        Message("error.baseline.too-large", path="big.json", limit=Amount(1024)),
        "baseline big.json is larger than 1,024 bytes (see --max-file-size)",
        "tệp baseline big.json lớn hơn 1.024 byte (xem --max-file-size)",
        "--max-file-size",
        "1K",
    )
)
case("baseline.not-utf8")(
    _baseline(
        "latin.json",
        Message("error.baseline.not-utf8", path="latin.json"),
        "baseline latin.json is not UTF-8 text",
    )
)
case("baseline.key-twice")(
    _baseline(
        "twice.json",
        Message(
            "error.baseline.in",
            path="twice.json",
            problem=Message("error.baseline.key-twice", key="'version'"),
        ),
        "baseline twice.json: the key 'version' is given twice",
        "tệp baseline twice.json: khóa 'version' được ghi hai lần",
    )
)
case("baseline.json")(
    _baseline(
        "bad.json",
        Message(
            "error.baseline.json",
            path="bad.json",
            line=1,
            reason="Expecting property name enclosed in double quotes",  # Python's words
        ),
        "baseline bad.json is not valid JSON (line 1): Expecting property name enclosed in double quotes",
    )
)
case("baseline.too-deep")(
    _baseline(
        "deep.json",
        Message("error.baseline.too-deep", path="deep.json"),
        "baseline deep.json is nested too deeply to be a plan272 baseline",
    )
)
case("baseline.number-too-long")(
    _baseline(
        "long.json",
        Message("error.baseline.number-too-long", path="long.json"),
        "baseline long.json is not a plan272 baseline (a number too long to read)",
    )
)
case("baseline.not-baseline")(
    _baseline(
        "list.json",
        Message("error.baseline.not-baseline", path="list.json", version=2),
        "baseline list.json is not a plan272 baseline (version 2)",
        "tệp baseline list.json không phải baseline của plan272 (phiên bản 2)",
    )
)
case("baseline.entry")(
    _baseline(
        "entry.json",
        Message("error.baseline.entry", path="entry.json", index=0),
        "baseline entry.json: entry 0 has no key/code",
    )
)


# --- plan272 rules, plan272 summary -----------------------------------------------------------------------


@case("rules.unknown")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["rules", "NOPE"],
        Message("error.rules.unknown", code="'NOPE'"),
        "no rule 'NOPE'; `plan272 rules` lists them",
        "không có quy tắc 'NOPE'; `plan272 rules` liệt kê các quy tắc",
    )


@case("export.suffix")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    known = Each((".csv", ".htm", ".html", ".svg", ".txt", ".xlsx"))
    return Case(
        ["summary", "data", "--export", "x.pdf"],
        Message("error.export.suffix", name="'x.pdf'", known=known),
        "cannot export to 'x.pdf': unknown suffix (use one of .csv, .htm, .html, .svg, .txt, .xlsx)",
        "không xuất được ra 'x.pdf': phần mở rộng không được hỗ trợ (dùng một trong các phần mở rộng: "
        ".csv, .htm, .html, .svg, .txt, .xlsx)",
    )


@case("export.csv-one-table")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["summary", "data", "--section", "findings", "--export", "x.csv"],
        Message("error.export.csv-one-table"),
        "a CSV file holds one table: choose it with --section",
    )


@case("summary.csv-section")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["summary", "data", "--export", "x.csv"],
        Message("error.summary.csv-section"),
        "a CSV file holds one table: choose it with --section (or export .xlsx)",
        "một tệp CSV chỉ chứa một bảng: chọn bảng bằng --section (hoặc xuất ra .xlsx)",
    )


@case("summary.width")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["summary", "data", "--width", "60"],
        Message("error.summary.width", width=60, needed=80),
        r"--width 60 is too narrow: these tables need [0-9]+ columns",
        r"--width 60 quá hẹp: các bảng này cần [0-9]+ cột ký tự",
        pattern=True,
    )


@case("summary.section")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    sections = "identity, appendix1, appendix2, grand-total, investors, security, targets, stated, findings"
    return Case(
        ["summary", "data", "--section", "totals"],
        Message("error.summary.section", name="'totals'", sections=Each(tuple(sections.split(", ")))),
        f"unknown section 'totals'; choose one of {sections}",
        f"không có phần 'totals'; chọn một trong các phần: {sections}",
    )


@case("summary.unreadable")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    problems = fatal_problems("broken", w.root)
    assert len(problems) == 2 and problems[0].value is not None  # a "found" clause, and one more
    more = f" (and {len(problems) - 1} more)"
    message = Message(
        "error.summary.unreadable",
        path="broken",
        problem=problem_message(problems[0]),
        more=Message("error.summary.more", count=len(problems) - 1),
    )
    return Case(
        ["summary", "broken"],
        message,
        f"cannot summarise broken: {problems[0]}{more}; `plan272 validate broken` lists every problem",
    )


# --- plan272 diff: its sides, git --------------------------------------------------------------------------


@case("diff.unreadable.directory")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    problems = problems_of("broken", w.root)[:3]
    assert len(problems) >= 2
    return Case(
        ["diff", "broken", "data"],
        Message(
            "error.diff.unreadable",
            side=Message("error.diff.side", side="broken"),
            problems=problems_message(problems),
        ),
        f"cannot read the plan of broken: {'; '.join(str(p) for p in problems)}",
    )


@case("diff.unreadable.worktree", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    assert w.repo is not None
    problems = problems_of("data2", w.repo)[:3]
    side = Message("error.diff.worktree", data="data2")
    return Case(
        ["diff", "HEAD", "--data", "data2"],
        Message("error.diff.unreadable", side=side, problems=problems_message(problems)),
        f"cannot read the plan of working tree (data2): {'; '.join(str(p) for p in problems)}",
        cwd=w.repo,
    )


@case("diff.data-dir.not-found")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "data", "--data", "nodir"],
        Message("error.data-dir.not-found", path="nodir"),
        "data directory not found: nodir",
    )


@case("diff.side-is-file")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "afile"],
        Message("error.diff.side-is-file", argument="afile"),
        "afile is a file, not a data directory",
        "afile là một tệp, không phải thư mục dữ liệu",
    )


@case("diff.side-no-repository", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    where = str(w.root.resolve())
    reason = Message("error.git.not-repository", path=where)
    return Case(
        ["diff", "nothere"],
        Message("error.diff.side-no-repository", argument="'nothere'", reason=reason),
        f"'nothere' is not a data directory, and it cannot be a git revision: not a git repository: {where}",
        f"'nothere' không phải thư mục dữ liệu, và cũng không thể là phiên bản git: không phải kho git: "
        f"{where}",
    )


@case("diff.side-unknown", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    assert w.repo is not None
    root = git(w.repo, "rev-parse", "--show-toplevel").strip()
    return Case(
        ["diff", "nothere"],
        Message("error.diff.side-unknown", argument="'nothere'", root=root),
        f"'nothere' is neither a data directory nor a revision of the git repository at {root}",
        cwd=w.repo,
    )


@case("diff.bare-worktree", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "HEAD"],
        Message("error.diff.bare-worktree"),
        "a bare repository has no working tree: give both sides as revisions",
        "kho git bare không có cây làm việc (working tree): hãy cho cả hai bên là phiên bản",
        cwd=w.bare,
    )


@case("git.bare-data", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "HEAD", "HEAD", "--data", "/elsewhere"],
        Message("error.git.bare-data", data="/elsewhere"),
        "in a bare repository, --data is a path inside the repository, not /elsewhere",
        cwd=w.bare,
    )


@case("git.data-outside", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    assert w.repo is not None
    root = git(w.repo, "rev-parse", "--show-toplevel").strip()
    return Case(
        ["diff", "HEAD", "HEAD", "--data", "../data"],
        Message("error.git.data-outside", data="../data", root=root),
        f"the data directory ../data is not inside the repository {root}",
        f"thư mục dữ liệu ../data không nằm trong kho git {root}",
        cwd=w.repo,
    )


@case("git.no-plan", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    commit = git_head(w)[:7]
    return Case(
        ["diff", "HEAD", "HEAD", "--data", "sub"],
        Message("error.git.no-plan", file="sub/plan.yaml", revision="HEAD", commit=commit),
        f"sub/plan.yaml does not exist at revision HEAD ({commit})",
        f"không có sub/plan.yaml trong phiên bản HEAD ({commit})",
        cwd=w.repo,
    )


@case("git.file-not-found.irregular", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    assert w.repo is not None
    commit = git_head(w)[:7]
    problems = resolve("HEAD", Path("partial"), cwd=w.repo).result.problems[:3]
    keys = {p.message.key for p in problems if isinstance(p.message, Message)}
    assert {"error.git.file-not-found", "error.git.irregular"} <= keys
    side = f"HEAD ({commit})"
    return Case(
        ["diff", "HEAD", "HEAD", "--data", "partial"],
        Message(
            "error.diff.unreadable",
            side=Message("error.diff.side", side=side),
            problems=problems_message(problems),
        ),
        f"cannot read the plan of {side}: {'; '.join(str(p) for p in problems)}",
        cwd=w.repo,
    )


@case("git.unreadable", needs_git=True)
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    from plan272 import gitsource

    assert w.repo is not None
    real = gitsource._git

    def no_blobs(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
        if args[:2] == ("cat-file", "blob"):
            return subprocess.CompletedProcess(["git", *args], 128, b"", b"fatal: bad object")
        return real(cwd, *args)

    mp.setattr(gitsource, "_git", no_blobs)
    commit = git_head(w)[:7]
    problems = resolve("HEAD", Path("data"), cwd=w.repo).result.problems[:3]
    side = f"HEAD ({commit})"
    return Case(
        ["diff", "HEAD", "HEAD"],
        Message("error.diff.unreadable", side=side, problems=problems_message(problems)),
        f"cannot read the plan of {side}: data/plan.yaml: cannot read the file at revision HEAD ({commit})",
        f"không đọc được kế hoạch của {side}: data/plan.yaml: không đọc được tệp trong phiên bản HEAD "
        f"({commit})",
        cwd=w.repo,
    )


@case("git.missing")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["diff", "HEAD"],
        Message("error.git.missing"),
        "git is not installed (needed to read a revision)",
        "chưa cài đặt git (cần có để đọc một phiên bản)",
        env={"PATH": str(w.root / "nobin")},
    )


@case("git.timeout")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    def slow(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        raise subprocess.TimeoutExpired(command, 60)

    mp.setattr(subprocess, "run", slow)
    return Case(
        ["diff", "HEAD"],
        Message("error.git.timeout", command="rev-parse --show-toplevel"),
        "git rev-parse --show-toplevel did not finish in time",
        "lệnh git rev-parse --show-toplevel không chạy xong trong thời gian cho phép",
    )


# --- plan272 init --------------------------------------------------------------------------------------


@case("init.empty-name")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", " "], Message("error.init.empty-name"), "the directory name is empty", "tên thư mục để trống"
    )


@case("init.not-text")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p", "--period", "2026-2030", "--number", "\udcff"],
        Message("error.init.not-text", option="--number"),
        "--number is not valid text (bytes that are not UTF-8?)",
        "--number không phải văn bản hợp lệ (có byte không phải UTF-8?)",
    )


@case("init.tables-with-like")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p", "--like", "data", "--tables", "units"],
        Message("error.init.tables-with-like"),
        "--tables does not go with --like: the tables are those of the plan copied",
    )


@case("init.like-unreadable")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    first = fatal_problems("broken", w.root)[0]
    return Case(
        ["init", "p", "--like", "broken"],
        Message("error.init.like-unreadable", path="broken", problem=problem_message(first)),
        f"cannot read the plan to copy (broken): {first}",
    )


@case("init.no-period")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p"],
        Message("error.init.no-period"),
        "give the plan's period, e.g. --period 2026-2030 (or copy a plan with --like)",
        "hãy cho biết giai đoạn của kế hoạch, ví dụ --period 2026-2030 (hoặc sao chép một kế hoạch bằng "
        "--like)",
    )


KINDS = Each(("projects", "units", "lines"))


@case("init.tables")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p", "--period", "2026-2030", "--tables", "projects,rows"],
        Message("error.init.tables", kinds=KINDS, unknown=Each(("rows",))),
        "--tables takes kinds from projects, units, lines, not rows",
        "--tables nhận loại bảng trong số projects, units, lines, không nhận rows",
    )


@case("init.tables.none")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    unknown = Each((), empty=Message("error.init.tables.none"))
    return Case(
        ["init", "p", "--period", "2026-2030", "--tables", ","],
        Message("error.init.tables", kinds=KINDS, unknown=unknown),
        "--tables takes kinds from projects, units, lines, not (none)",
        "--tables nhận loại bảng trong số projects, units, lines, không nhận (không có)",
    )


@case("init.not-a-directory")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "afile", "--period", "2026-2030"],
        Message("error.init.not-a-directory", path="afile"),
        "afile exists and is not a directory",
    )


@case("init.exists.one")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "one", "--period", "2026-2030", "--tables", "projects"],
        Message("error.init.exists.one", files=Each(("plan.yaml",)), directory="one"),
        "plan.yaml already exists in one; pass --force to overwrite it",
        "plan.yaml đã có trong thư mục one; thêm --force để ghi đè",
    )


@case("init.exists.many")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    files = Each(("plan.yaml", "appendix1.csv", "appendix2.csv"))
    return Case(
        ["init", "data", "--period", "2026-2030"],
        Message("error.init.exists.many", files=files, directory="data"),
        "plan.yaml, appendix1.csv, appendix2.csv already exist in data; pass --force to overwrite them",
        "plan.yaml, appendix1.csv, appendix2.csv đã có trong thư mục data; thêm --force để ghi đè",
    )


@case("init.mkdir")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "afile/sub", "--period", "2026-2030"],
        Message("error.init.mkdir", path="afile/sub", reason="Not a directory"),
        "cannot create afile/sub: Not a directory",
        "không tạo được thư mục afile/sub: Not a directory",
    )


@case("init.period-form")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p", "--period", "2026"],
        Message("error.init.period-form", value="'2026'"),
        "--period is START-END, e.g. 2026-2030, not '2026'",
    )


@case("init.period-range")
def _(w: World, mp: pytest.MonkeyPatch) -> Case:
    return Case(
        ["init", "p", "--period", "2030-2020"],
        Message("error.init.period-range", value="'2030-2020'"),
        "--period '2030-2020': a period runs forward, 1900–2200, at most 30 years",
        "--period '2030-2020': năm bắt đầu không được sau năm kết thúc, các năm trong khoảng 1900–2200, giai "
        "đoạn dài tối đa 30 năm",
    )


# ------------------------------------------------------------------------------------------------
# The tests


def _run(c: Case, w: World, lang: Lang | None) -> subprocess.CompletedProcess[str]:
    env = {**ENV, **c.env}
    if lang is not None:
        env["PLAN272_LANG"] = lang
    return run_main(c.args, c.cwd or w.root, env)


def _reason(c: Case, out: subprocess.CompletedProcess[str], lang: Lang) -> str:
    """The reason plan272 gave, after exit 2: the one line after ``plan272: error: `` /
    ``plan272: lỗi: ``, or the last line of a usage error after click's prefix."""
    assert out.returncode == 2, (out.returncode, out.stderr[-800:])
    assert "Traceback" not in out.stderr
    if c.usage is not None:
        assert out.stderr.startswith("Usage: "), out.stderr
        last = out.stderr.rstrip("\n").splitlines()[-1]
        assert last.startswith(c.usage), last
        return last[len(c.usage) :]
    lead = "plan272: error: " if lang == "en" else "plan272: lỗi: "
    assert out.stderr.startswith(lead) and out.stderr.count("\n") == 1, out.stderr
    return out.stderr[len(lead) : -1]


def _matches(expected: str, said: str, pattern: bool) -> bool:
    return re.fullmatch(expected, said) is not None if pattern else said == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_error_in_english_and_in_vietnamese(
    name: str, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    if name in GIT_CASES and not HAS_GIT:
        pytest.skip("git is not installed")
    c = CASES[name](world, monkeypatch)
    en, vi = c.message.render("en"), c.message.render("vi")
    assert en != vi and "{" not in en + vi
    # English, by default and asked for: byte for byte what plan272 has always written
    for lang in (None, "en"):
        said = _reason(c, _run(c, world, lang), "en")
        assert _matches(c.en, said, c.pattern), said
        assert c.pattern or said == en
    said = _reason(c, _run(c, world, "vi"), "vi")
    assert c.pattern or said == vi
    if c.vi is not None:
        assert _matches(c.vi, said, c.pattern), said


def test_lang_given_on_the_command_line_words_the_error(world: World) -> None:
    out = run_main(["validate", "data", "--lang", "vi", "--select", "XYZ"], world.root, ENV)
    assert out.returncode == 2
    assert out.stderr == "plan272: lỗi: 'XYZ' không khớp với mã quy tắc nào (xem `plan272 rules`)\n"
    out = run_main(["rules", "NOPE", "--lang", "en"], world.root, {**ENV, "PLAN272_LANG": "vi"})
    assert (
        out.returncode == 2 and out.stderr == "plan272: error: no rule 'NOPE'; `plan272 rules` lists them\n"
    )


def test_format_refusal_follows_lang_given_before_it(world: World) -> None:
    """Click reads the options in the order given: ``--lang`` before ``--format`` words the refusal;
    after it, the refusal is already made (in $PLAN272_LANG's language, else English)."""
    before = run_main(["validate", "data", "--lang", "vi", "--format", "nope"], world.root, ENV)
    assert before.returncode == 2
    assert before.stderr.splitlines()[-1] == (
        f"{FORMAT}'nope' không phải một trong các giá trị: text, json, sarif, junit, github, gitlab, concise"
    )
    after = run_main(["validate", "data", "--format", "nope", "--lang", "vi"], world.root, ENV)
    assert after.returncode == 2
    assert (
        after.stderr.splitlines()[-1]
        == f"{FORMAT}'nope' is not one of text, json, sarif, junit, github, gitlab, concise"
    )


def test_a_broken_diff_side_in_vietnamese_quotes_its_problems(world: World) -> None:
    out = run_main(["diff", "broken", "data", "--lang", "vi"], world.root, ENV)
    assert out.returncode == 2
    assert out.stderr.startswith("plan272: lỗi: không đọc được kế hoạch của broken: broken/appendix1.csv:")
    assert " (giá trị ghi '" in out.stderr and "; broken/appendix2.csv: " in out.stderr
    assert "found" not in out.stderr


#: keys no command can reach, each with why, tested directly below
LIBRARY_ONLY = {
    "error.problem.unknown": "a plan that could not be read always comes with a problem",
    "error.git.unknown-revision": "plan272 diff words an unknown revision as error.diff.side-unknown",
    "error.git.not-a-commit": "plan272 diff words an unknown revision as error.diff.side-unknown",
}


def _keys(value: object) -> Iterator[str]:
    if isinstance(value, Message):
        yield value.key
        for arg in value.args.values():
            yield from _keys(arg)
    elif isinstance(value, Each):
        for item in value.items:
            yield from _keys(item)
        yield from _keys(value.empty)


def test_every_error_key_is_produced_by_a_case(world: World) -> None:
    produced: set[str] = set()
    for name, build in CASES.items():
        if name in GIT_CASES and not HAS_GIT:
            continue
        with pytest.MonkeyPatch.context() as monkeypatch:
            produced.update(_keys(build(world, monkeypatch).message))
    notices = {key for key in ERRORS if key.startswith("notice.")}  # test_notices_in_both_languages
    # settings files, --show-settings and --statistics: tests/test_settings.py, tests/test_validate_options.py
    settings = {
        key for key in ERRORS if key.startswith(("error.settings.", "settings.", "error.statistics."))
    }
    missing = set(ERRORS) - BOUNDARY - notices - settings - produced - set(LIBRARY_ONLY)
    assert missing == set()


def test_notices_in_both_languages(tmp_path: Path) -> None:
    """What a command that succeeded says it wrote, on standard error, in the run's language."""
    from entry import run_main

    data = str(Path(__file__).resolve().parent.parent / "data")
    for lang, wrote, baseline, init in (
        ("en", "plan272: wrote ", "plan272: wrote 9 findings to baseline ", "fill them in from the plan"),
        (
            "vi",
            "plan272: đã ghi ",
            "plan272: đã ghi 9 phát hiện vào tệp baseline ",
            "điền số liệu theo kế hoạch",
        ),
    ):
        env = {"PATH": os.environ.get("PATH", ""), "PLAN272_LANG": lang}
        (tmp_path / lang).mkdir()
        result = run_main(["summary", data, "--export", f"{lang}/r.xlsx"], tmp_path, env)
        assert result.returncode == 0 and result.stderr.startswith(wrote), result.stderr
        result = run_main(["validate", data, "--write-baseline", f"{lang}/b.json"], tmp_path, env)
        assert result.stderr.startswith(baseline), result.stderr
        result = run_main(["init", f"{lang}/plan", "--period", "2026-2030"], tmp_path, env)
        assert result.returncode == 0 and init in result.stderr, result.stderr


def test_what_no_command_reaches_in_both_languages(world: World) -> None:
    assert problems_message([]).render("en") == "unknown problem"
    assert problems_message([]).render("vi") == "lỗi không xác định"
    if not HAS_GIT:
        return
    from plan272.gitsource import GitError, commit_of

    assert world.repo is not None
    with pytest.raises(GitError) as unknown:
        commit_of("-x", world.repo)
    assert str(unknown.value) == "unknown revision '-x'"
    assert unknown.value.message.render("vi") == "không có phiên bản '-x'"
    with pytest.raises(GitError) as not_commit:
        commit_of("nothere", world.repo)
    where = str(world.repo.resolve())
    assert str(not_commit.value) == f"unknown revision 'nothere': not a commit of the repository in {where}"
    assert not_commit.value.message.render("vi") == (
        f"không có phiên bản 'nothere': không phải một commit của kho git tại {where}"
    )


def test_problems_are_quoted_as_they_always_were(world: World) -> None:
    problems = load_plan(world.root / "broken").problems
    for problem in problems:
        assert problem_message(problem).render("en") == str(problem)
    assert problems_message(problems).render("en") == "; ".join(str(p) for p in problems)


# ------------------------------------------------------------------------------------------------
# Statically: no error is a sentence of its own

ERROR_CLASSES = {
    "UserError",
    "SelectionError",
    "BaselineError",
    "SourceError",
    "GitError",
    "ExportError",
    "Invalid",
}
MODULES = [
    *sorted((ROOT / "src" / "plan272" / "cli").glob("*.py")),
    *(
        ROOT / "src" / "plan272" / name
        for name in (
            "baseline.py",
            "engine.py",
            "gitsource.py",
            "summary.py",
            "views/__init__.py",
            "views/summary/exports.py",
        )
    ),
]


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _returns_message(tree: ast.Module) -> set[str]:
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.returns is not None
        and ast.unparse(node.returns) == "Message"
    }


def _is_message(node: ast.expr | None, helpers: set[str], bound: set[str]) -> bool:
    """A ``Message(...)``, a call of a function that returns one, ``exc.message``, or a name bound to
    one of these."""
    if isinstance(node, ast.Call):
        return _name(node.func) in {"Message", *helpers}
    if isinstance(node, ast.Attribute):
        return node.attr == "message"
    if isinstance(node, ast.Name):
        return node.id in bound
    return False


def _bound_to_messages(tree: ast.Module, helpers: set[str]) -> set[str]:
    bound: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and _is_message(node.value, helpers, set())
        ):
            bound.add(node.targets[0].id)
    return bound


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT / "src").as_posix())
def test_every_error_is_raised_with_a_catalogue_message(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _returns_message(tree)
    bound = _bound_to_messages(tree, helpers)
    offenders = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        first = node.args[0] if node.args else None
        if name in ERROR_CLASSES and not _is_message(first, helpers, bound):
            offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        if name == "BadParameter":  # a message rendered in the run's language
            rendered = isinstance(first, ast.Call) and _name(first.func) == "render"
            if not (
                rendered
                and isinstance(first.func, ast.Attribute)
                and _is_message(first.func.value, helpers, bound)
            ):
                offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_the_static_check_catches_a_sentence() -> None:
    tree = ast.parse('raise UserError(f"cannot read {path}")\nraise GitError("no")\n')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) in ERROR_CLASSES]
    assert len(calls) == 2 and not any(_is_message(c.args[0], set(), set()) for c in calls)


def test_library_errors_carry_a_message_and_stay_english_as_text(tmp_path: Path) -> None:
    from plan272.baseline import BaselineError
    from plan272.baseline import load as load_baseline
    from plan272.engine import SelectionError, parse_codes

    with pytest.raises(SelectionError) as selection:
        parse_codes(["XYZ"])
    assert isinstance(selection.value, ValueError)
    assert str(selection.value) == "'XYZ' matches no rule code (see `plan272 rules`)"
    with pytest.raises(BaselineError) as baseline:
        load_baseline(tmp_path / "none.json")
    assert baseline.value.message.key == "error.baseline.not-found"
    assert str(baseline.value) == f"baseline file not found: {tmp_path / 'none.json'}"
