"""The command line's process ends at once after its command (``plan272.cli.run``): output flushed
whole, exit codes as ``main`` says, a pipe closed early an exit 2 without a traceback; what the
paused builders make is frozen out of the collector's sight only in that process, never for a
library caller."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

import plan272.cli as cli
from plan272 import gcpause
from plan272.load import load_plan
from plandir import DATA

PLAN272 = [sys.executable, "-m", "plan272"]


def test_the_output_is_flushed_whole_and_the_exit_code_kept() -> None:
    done = subprocess.run([*PLAN272, "validate", str(DATA), "--format", "json"], capture_output=True)
    assert done.returncode == 1  # findings
    report = json.loads(done.stdout)
    assert len(report["findings"]) == 9
    assert done.stderr == b""
    missing = subprocess.run([*PLAN272, "validate", str(DATA / "nowhere")], capture_output=True)
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr


@pytest.mark.parametrize("command", [["rules"], ["validate", str(DATA)], ["summary", str(DATA)], ["schema"]])
def test_a_pipe_closed_before_the_output_is_an_exit_2_without_a_traceback(command: list[str]) -> None:
    """Not click's exit 1, which would read as findings."""
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write fails
    try:
        process = subprocess.Popen([*PLAN272, *command], stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 2
    assert b"Traceback" not in errors and b"Exception ignored" not in errors


def test_a_message_given_to_exit_is_printed_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Exited(Exception):
        pass

    def fake_exit(code: int) -> None:
        raise Exited(code)

    def fail() -> None:
        raise SystemExit("stopped")

    monkeypatch.setattr(cli, "main", fail)
    monkeypatch.setattr(os, "_exit", fake_exit)
    monkeypatch.setattr(gcpause, "_LIVES_ON", False)
    with pytest.raises(Exited) as exited:
        cli.run()
    assert exited.value.args == (1,)
    assert capsys.readouterr().err == "stopped\n"


def test_a_library_caller_s_plan_is_never_frozen() -> None:
    assert not gcpause._LIVES_ON
    before = gc.get_freeze_count()
    assert load_plan(DATA).plan is not None
    assert gc.get_freeze_count() == before


def test_the_command_line_s_plan_is_frozen_once_built() -> None:
    script = (
        "import gc\n"
        "from plan272.gcpause import lives_on\n"
        "from plan272.load import load_plan\n"
        "before = gc.get_freeze_count()\n"
        "lives_on()\n"
        f"plan = load_plan({str(DATA)!r}).plan\n"
        "print(before, gc.get_freeze_count() > before, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "True", "True"]


@pytest.mark.parametrize(
    ("args", "built", "code"),
    [
        (["validate", str(DATA)], 1, 1),
        (["rules"], 1, 0),
        (["validate", "--bogus"], 1, 2),
        (["--help"], 8, 0),
        (["valdate"], 8, 2),
        ([], 8, 2),
    ],
)
def test_typer_builds_only_the_command_asked_for(
    monkeypatch: pytest.MonkeyPatch, args: list[str], built: int, code: int
) -> None:
    import typer.main

    from entry import run_main

    made: list[str] = []
    original = typer.main.get_command_from_info

    def counting(*args: object, **named: object) -> object:
        info = named.get("command_info", args[0] if args else None)
        made.append(str(getattr(info, "name", "")))
        return original(*args, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    done = run_main(args, DATA.parent, {"COLUMNS": "100", "NO_COLOR": "1"})
    assert len(made) == built, made
    assert done.returncode == code and "Traceback" not in done.stderr
    assert cli.app.registered_commands and len(cli.app.registered_commands) == 8  # restored
