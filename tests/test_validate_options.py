"""The conveniences of `plan272 validate` CI users reach for (as in ruff): settings in a file,
--show-settings, --statistics, --quiet, --exit-zero, --color, and files named from the repository
root in machine formats."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from entry import run_main
from plandir import DATA

ESC = "\x1b["


def cli(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_main(["validate", *args], cwd, {"PATH": os.environ.get("PATH", ""), **(env or {})})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the shipped plan in data/, and a src/ directory to run from."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "data")
    (root / "src").mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def test_settings_in_pyproject_apply_and_flags_override(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.plan272]\nselect = ["SEC"]\nfail-on = "warning"\nformat = "json"\nlanguage = "vi"\n',
        encoding="utf-8",
    )
    out = cli(repo / "src", "../data")
    data = json.loads(out.stdout)
    assert out.returncode == 1 and {f["code"] for f in data["findings"]} == {"SEC001", "SEC002", "SEC003"}
    assert data["findings"][0]["message"].startswith("an toàn thông tin")  # language = "vi"
    # flags override the file
    out = cli(repo / "src", "../data", "--select", "TXT", "--format", "concise", "--lang", "en")
    assert out.returncode == 1 and out.stdout.splitlines()[0].startswith("data/plan.yaml:")
    assert {line.split()[1] for line in out.stdout.splitlines()[:-1]} == {"TXT001"}
    # fail-on = "warning" from the file: TXT001's warning fails, and --fail-on error does not
    assert cli(repo, "data", "--select", "TXT").returncode == 1
    assert cli(repo, "data", "--select", "TXT", "--fail-on", "error").returncode == 0


def test_plan272_toml_is_nearer(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.plan272]\nselect = ["SEC"]\n', encoding="utf-8")
    (repo / "data" / "plan272.toml").write_text('select = ["SUM"]\n', encoding="utf-8")
    out = cli(repo, "data", "--format", "json")
    assert json.loads(out.stdout)["findings"] == [] and out.returncode == 0


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('[tool.plan272]\nselcet = ["SEC"]\n', "selcet"),
        ('[tool.plan272]\nformat = "xml"\n', "'xml'"),
        ('[tool.plan272]\nfail-on = "fatal"\n', "fail-on"),
        ("[tool.plan272\n", "TOML"),
    ],
)
def test_a_bad_settings_file_stops_the_run(repo: Path, text: str, needle: str) -> None:
    (repo / "pyproject.toml").write_text(text, encoding="utf-8")
    out = cli(repo, "data")
    assert out.returncode == 2 and out.stdout == ""
    assert "pyproject.toml" in out.stderr and needle in out.stderr and "Traceback" not in out.stderr
    vi = cli(repo, "data", env={"PLAN272_LANG": "vi"})
    assert vi.returncode == 2 and vi.stderr.startswith("plan272: lỗi: ")


def test_show_settings_says_where_each_value_comes_from(repo: Path) -> None:
    (repo / "plan272.toml").write_text('ignore = ["TXT"]\nbaseline = "ci/base.json"\n', encoding="utf-8")
    out = cli(repo / "src", "../data", "--show-settings", "--fail-on", "info")
    assert out.returncode == 0
    lines = {line.split(" = ")[0].strip(): line for line in out.stdout.splitlines() if " = " in line}
    assert lines["ignore"].endswith(f"# {(repo / 'plan272.toml').resolve().as_posix()}")
    assert f'"{(repo / "plan272.toml").resolve().parent.as_posix()}/ci/base.json"' in lines["baseline"]
    assert lines["fail-on"] == 'fail-on  = "info"  # command line'
    assert lines["format"] == 'format   = "text"  # default'
    assert lines["root"].endswith("# default: the top of the git repository") and repo.name in lines["root"]


def test_statistics(tmp_path: Path) -> None:
    out = cli(tmp_path, str(DATA), "--statistics")
    assert out.returncode == 1
    rows = [line.split() for line in out.stdout.splitlines()[:-1]]
    assert [(r[0], r[1]) for r in rows] == [
        ("4", "SEC002"),
        ("3", "TXT001"),
        ("1", "SEC001"),
        ("1", "SEC003"),
    ]
    assert out.stdout.splitlines()[-1].startswith("9 findings")
    data = json.loads(cli(tmp_path, str(DATA), "--statistics", "-f", "json").stdout)
    assert data[1] == {
        "code": "TXT001",
        "name": data[1]["name"],
        "count": 3,
        "severities": {"warning": 2, "info": 1},
    }
    refused = cli(tmp_path, str(DATA), "--statistics", "-f", "sarif")
    assert refused.returncode == 2 and "--statistics" in refused.stderr


def test_quiet_and_exit_zero(tmp_path: Path) -> None:
    out = cli(tmp_path, str(DATA), "--quiet")
    assert out.returncode == 1 and "9 findings" not in out.stdout and "SEC001" in out.stdout
    out = cli(tmp_path, str(DATA), "-q", "-f", "concise")
    assert len(out.stdout.splitlines()) == 9
    out = cli(tmp_path, str(DATA), "-q", "--write-baseline", "b.json")
    assert out.stderr == ""  # no notice
    assert cli(tmp_path, str(DATA), "--exit-zero").returncode == 0
    assert cli(tmp_path, str(tmp_path / "nothing"), "--exit-zero").returncode == 2  # could not run


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        ((), {"FORCE_COLOR": "1"}, True),  # CI logs
        ((), {"FORCE_COLOR": "0"}, False),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color(tmp_path: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    out = cli(tmp_path, str(DATA), "--select", "SEC001", *args, env=env)
    assert (ESC in out.stdout) is coloured
    assert out.returncode == 1


def test_machine_formats_name_files_from_the_repository_root(repo: Path, tmp_path: Path) -> None:
    for cwd, argument in ((repo / "src", "../data"), (tmp_path, str(repo / "data"))):
        sarif = json.loads(cli(cwd, argument, "-f", "sarif").stdout)
        results = sarif["runs"][0]["results"]
        assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
            "data/plan.yaml"
        }
        summary = cwd / "summary.md"
        github = cli(cwd, argument, "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}).stdout
        assert all(line.startswith("::") and "file=data/plan.yaml," in line for line in github.splitlines())
        assert "| data/plan\\.yaml\\:108 \\[security" in summary.read_text(encoding="utf-8")
        summary.unlink()
        gitlab = json.loads(cli(cwd, argument, "-f", "gitlab").stdout)
        assert {issue["location"]["path"] for issue in gitlab} == {"data/plan.yaml"}, cwd
        concise = cli(cwd, argument, "-f", "concise").stdout.splitlines()
        assert all(line.startswith("data/plan.yaml:") for line in concise[:-1])
    # the text format keeps the path as typed
    assert cli(repo / "src", "../data").stdout.startswith("../data/plan.yaml")
    # --root names them from elsewhere
    out = cli(repo / "src", "../data", "-f", "concise", "--root", str(repo / "data"))
    assert out.stdout.startswith("plan.yaml:")
