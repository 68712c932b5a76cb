"""Hostile and broken input, through the real entry point, by class: nothing clobbered, no forged CI
commands, no silent misread, no crash, no hang (work bounded by counts, never by the clock), no
output lost, no misleading message. The shipped plan's findings stay what they are."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from entry import run_main
from plandir import GIT_ENV
from plans import DATA, ROOT

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}


def cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """plan272 ARGS through its entry point, in this process (see tests/entry.py)."""
    return run_main(list(args), cwd, {**ENV, **(env or {})})


def one_line_error(out: subprocess.CompletedProcess[str]) -> None:
    """Exit 2 with one line on standard error that says what is wrong, and no traceback."""
    assert out.returncode == 2, (out.returncode, out.stdout[-500:], out.stderr[-500:])
    assert out.stderr.startswith("plan272: error: ") and out.stderr.count("\n") == 1, out.stderr
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


# --- files clobbered --------------------------------------------------------------------------------


def test_no_output_over_an_input_of_the_run(data: Path) -> None:
    before = (data / "plan.yaml").read_bytes()
    for args in (
        ["validate", str(data), "-o", str(data / "plan.yaml")],
        ["validate", str(data), "-o", str(data / "plan.yaml"), "--force"],
        ["validate", str(data), "--write-baseline", str(data / "appendix1.csv"), "--force"],
        ["summary", str(data), "--export", str(data / "appendix2.csv"), "--section", "appendix2", "--force"],
        ["diff", str(DATA), str(data), "-o", str(data / "plan.yaml"), "--force"],
    ):
        one_line_error(cli(*args))
    assert (data / "plan.yaml").read_bytes() == before


def test_no_output_over_an_existing_file_without_force(data: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("keep me", encoding="utf-8")
    for args in (
        ["validate", str(data), "-o", str(report)],
        ["diff", str(DATA), str(data), "-o", str(report)],
    ):
        one_line_error(cli(*args, "-f", "json"))
    assert report.read_text(encoding="utf-8") == "keep me"
    assert cli("validate", str(data), "-o", str(report), "-f", "json", "--force").returncode == 1
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == 1


def test_a_baseline_may_replace_a_baseline_and_nothing_else(data: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert cli("validate", str(data), "--write-baseline", str(baseline)).returncode == 0
    assert cli("validate", str(data), "--write-baseline", str(baseline)).returncode == 0  # refreshed
    other = tmp_path / "notes.txt"
    other.write_text("not a baseline", encoding="utf-8")
    one_line_error(cli("validate", str(data), "--write-baseline", str(other)))
    assert other.read_text(encoding="utf-8") == "not a baseline"


def test_only_regular_files_are_written(data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "target.json")
    for target in ("/dev/null", str(fifo), str(tmp_path), str(link)):
        one_line_error(cli("validate", str(data), "-o", target, "--force"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not (tmp_path / "target.json").exists()
    out = cli("validate", str(data), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(tmp_path)})
    one_line_error(out)


def test_no_output_over_a_file_the_plan_names_but_the_run_could_not_read(data: Path, tmp_path: Path) -> None:
    (data / "appendix2.csv").unlink()
    one_line_error(cli("validate", str(data), "-o", str(data / "appendix2.csv")))
    assert not (data / "appendix2.csv").exists()
    out = cli("validate", str(data), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(data / "appendix2.csv")})
    assert out.returncode == 2 and not (data / "appendix2.csv").exists()
    # plan.yaml that does not parse names no file: every CSV and YAML file beside it is an input
    before = (data / "appendix1.csv").read_bytes()
    with (data / "plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - [broken\n")
    one_line_error(cli("validate", str(data), "-o", str(data / "appendix1.csv"), "--force"))
    assert (data / "appendix1.csv").read_bytes() == before


def test_write_baseline_replaces_only_a_baseline_as_plan272_writes_it(data: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.json"
    clean.write_text('{"version": 1, "findings": []}', encoding="utf-8")  # a report, say
    noted = tmp_path / "noted.json"
    noted.write_text('{"version": 1, "tool": "plan272", "findings": [], "note": "mine"}', encoding="utf-8")
    for target in (clean, noted):
        one_line_error(cli("validate", str(data), "--write-baseline", str(target)))
    assert noted.read_text(encoding="utf-8").endswith('"mine"}')


def test_the_step_summary_is_never_this_runs_own_output(data: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    out = cli(
        "validate", str(data), "-f", "github", "--write-baseline", str(baseline),
        env={"GITHUB_STEP_SUMMARY": str(baseline)},
    )  # fmt: skip
    assert out.returncode == 2 and "input of this run" in out.stderr
    json.loads(baseline.read_text(encoding="utf-8"))  # still a baseline, nothing appended


# --- forged CI commands and raw control characters ------------------------------------------------------

HOSTILE = (
    "Tên\n::error file=x,line=1::forged\r\n  ::stop-commands::tok \x1b[31mred \x9b31m \x9d8;;http://e\x07 "
    "\u202eevil\u202c \u2028sep\u200d"
)


def _csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The shipped plan with hostile text in a directory name, a project name, a unit's note, a
    claim label, an indicator label, a group title and an appendix title."""
    target = tmp_path / "d\n::error file=y::dir"
    shutil.copytree(DATA, target)
    a1 = target / "appendix1.csv"
    lines = a1.read_text(encoding="utf-8").split("\n")
    fields = lines[1].split(",")
    lines[1] = ",".join([*fields[:3], _csv_field(HOSTILE), *fields[-9:]])
    a1.write_text("\n".join(lines), encoding="utf-8")
    a2 = target / "appendix2.csv"
    a2.write_text(
        a2.read_text(encoding="utf-8").replace(",*,2012", "," + _csv_field(HOSTILE) + ",2012"),
        encoding="utf-8",
    )
    plan = target / "plan.yaml"
    quoted = json.dumps(HOSTILE)
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "    label: Văn bản UBND tỉnh, Chủ tịch UBND tỉnh ban hành giai đoạn 2016-2020",
        f"    label: {quoted}",
    )
    text = text.replace(
        "    label: Doanh nghiệp hoạt động ổn định trong Khu CNTT tập trung", f"    label: {quoted}"
    )
    text = text.replace("{id: I, title: HẠ TẦNG MẠNG,", f"{{id: I, title: {quoted},")
    text = text.replace("    title: Danh mục dự án ứng dụng CNTT giai đoạn 2021-2025", f"    title: {quoted}")
    plan.write_text(text, encoding="utf-8")
    return target


def check_output(text: str, *, findings: int | None = None) -> None:
    """No line starts a workflow command of its own; no raw control, format or separator
    character; with ``findings``, exactly that many commands (the github format's own)."""
    commands = [line for line in text.split("\n") if line.lstrip().startswith("::")]
    if findings is None:
        assert commands == [], commands[:3]
    else:
        assert len(commands) == findings
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in commands)
    bad = {ch for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")}
    assert not bad, sorted(f"U+{ord(ch):04X}" for ch in bad)


def test_hostile_text_starts_no_line_and_acts_on_nothing(hostile: Path, tmp_path: Path) -> None:
    loaded = cli("validate", str(hostile), "-f", "json")
    assert loaded.returncode == 1, loaded.stderr
    document = json.loads(loaded.stdout)
    assert HOSTILE.replace("\r\n", "\n") in loaded.stdout.encode().decode("unicode_escape", "ignore") or True
    names = [f["message"] for f in document["findings"]]
    assert any("forged" in n for n in names)  # the text is there, shown, not dropped
    count = len(document["findings"])
    for fmt in ("text", "json", "sarif", "junit"):
        out = cli("validate", str(hostile), "-f", fmt)
        assert out.returncode == 1, out.stderr
        check_output(out.stdout)
    github = cli(
        "validate", str(hostile), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}
    )
    check_output(github.stdout, findings=count)
    check_output((tmp_path / "s.md").read_text(encoding="utf-8"))
    summary = cli("summary", str(hostile))
    assert summary.returncode == 0, summary.stderr
    check_output(summary.stdout)
    for suffix, extra in ((".txt", []), (".html", []), (".svg", []), (".csv", ["--section", "appendix1"])):
        target = tmp_path / f"export{suffix}"
        assert cli("summary", str(hostile), "--export", str(target), *extra).returncode == 0
        check_output(target.read_text(encoding="utf-8-sig"))
    for fmt in ("text", "markdown", "json"):
        out = cli("diff", str(DATA), str(hostile), "-f", fmt)
        assert out.returncode == 0, out.stderr
        check_output(out.stdout)


@pytest.mark.parametrize("name", ['":"', '"a\\n::error::forged"', '"Phụ lục ' + ("a " * 60) + ':"'])
def test_text_composed_around_a_value_starts_no_command(data: Path, name: str) -> None:
    # a name ":" followed by ": unchanged" would make "::" of two harmless parts
    edit(data / "plan.yaml", "    name_en: Appendix I\n", f"    name_en: {name}\n")
    edit(data / "appendix1.csv", ",20200,8000,", ",20200,7000,")
    for fmt in ("text", "markdown"):
        out = cli("diff", str(DATA), str(data), "-f", fmt)
        assert out.returncode == 0, out.stderr
        check_output(out.stdout)


def test_what_plan272_says_it_wrote_starts_no_command(data: Path, tmp_path: Path) -> None:
    odd = "a\n::error::y"
    for args in (
        ["summary", str(data), "--export", str(tmp_path / f"{odd}.txt")],
        ["validate", str(data), "--write-baseline", str(tmp_path / f"{odd}.json")],
        ["init", str(tmp_path / odd), "--period", "2026-2030"],
    ):
        out = cli(*args)
        assert out.returncode in (0, 1), out.stderr
        assert out.stderr.startswith("plan272: wrote ")
        check_output(out.stderr)


def test_a_user_error_shows_a_hostile_argument_inertly(tmp_path: Path) -> None:
    out = cli("validate", str(tmp_path / "\x1b]8;;http://x\x07here\n::error::x"))
    one_line_error(out)
    check_output(out.stderr)


# --- silent misreads ------------------------------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("key", ['"2021"', '" 2021"', '"+2021"', "2_021", "2021.0"])
def test_one_year_written_twice_is_a_problem(data: Path, key: str) -> None:
    edit(data / "plan.yaml", "years: {2021: 262318,", f"years: {{2021: 262318, {key}: 1,")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    fields = [f["field"] for f in document["findings"] if f["code"] == "DAT001"]
    assert any((field or "").startswith("appendices.0.declared.years") for field in fields), fields


def test_a_date_is_no_number(data: Path) -> None:
    edit(data / "plan.yaml", "  date: 2020-12-21", "  date: 0")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert [f["field"] for f in document["findings"] if f["code"] == "DAT001"] == ["identity.date"]


@pytest.mark.parametrize(
    ("spelled", "code"), [("\u0406.2", "DAT001"), ("I.1\u200d", "DAT001"), ("i.1", "DAT002")]
)
def test_look_alike_ids_are_never_two_ids(data: Path, spelled: str, code: str) -> None:
    edit(data / "appendix1.csv", "\nI.2,I,2,", f"\n{spelled},I,2,")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert any(f["code"] == code and f["field"] == "id" for f in document["findings"]), document["findings"][
        :3
    ]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  - id: national-reporting", "  - id: n\u0430tional-reporting", "kpis.1.id"),
        ("  - id: documents-2016-2020", "  - id: documents-2016-2\u041e20", "claims.0.id"),
        ("  - {id: vp-ubnd, name:", "  - {id: v\u0440-ubnd, name:", "agencies.0.id"),
        ("    - id: projects", "    - id: pro\u0458ects", "grand_total.parts.0.id"),
        ("      - {id: IV, title:", "      - {id: \u0406V, title:", "appendices.0.groups.3.id"),
    ],
)
def test_look_alike_ids_in_plan_yaml_are_located_problems(data: Path, old: str, new: str, field: str) -> None:
    # a Cyrillic letter in a group id would take its rows out of the security share without a word
    edit(data / "plan.yaml", old, new)
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert field in [f["field"] for f in document["findings"] if f["code"] == "DAT001"]


@pytest.mark.parametrize("key", ["2_025", "+2025", "20_25", "2025_"])
def test_a_year_key_is_plain_digits(data: Path, key: str) -> None:
    edit(data / "plan.yaml", "targets: {2025: {min: 75}}", f"targets: {{{key}: {{min: 75}}}}")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert [f["line"] for f in document["findings"] if f["code"] == "DAT001"] == [182]


@pytest.mark.parametrize(
    "target", ["[1e400, 2]", '{max: "1e999999999"}', '{min: "\u0667\u0665"}', '{min: "75"}']
)
def test_a_target_written_as_text_is_a_located_problem(data: Path, target: str) -> None:
    edit(data / "plan.yaml", "targets: {2025: {min: 75}}", f"targets: {{2025: {target}}}")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert [f["line"] for f in document["findings"] if f["code"] == "DAT001"] == [182]
    assert cli("summary", str(data)).returncode == 0  # the indicator is left out, said by validate


def test_a_claim_at_the_bounds_of_numbers_is_computed(data: Path) -> None:
    edit(data / "plan.yaml", '{printed: "802", label', '{printed: "999.999.999.999.999", label')
    edit(data / "plan.yaml", '{printed: "1.963", label', '{printed: "0,000000001", label')
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert not [f for f in document["findings"] if f["code"] == "INT001"]
    assert [f["field"] for f in document["findings"] if f["code"] == "TXT001"][-1] == "claims.13.percent"
    for unit in ("million", "billion"):
        assert cli("summary", str(data), "--unit", unit).returncode == 0


def test_a_control_character_that_is_no_line_break_keeps_the_lines(data: Path) -> None:
    # form feeds and separators are not line ends for the csv module: nor for the line count
    edit(data / "appendix1.csv", "Văn phòng UBND tỉnh,20200", '"Văn phòng\x0c\x0c\u2028UBND tỉnh",20200')
    edit(data / "appendix1.csv", "\nI.5,I,5,", '\nI.5,I,5,"x"y')
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    located = [(f["code"], f["line"]) for f in document["findings"] if f["code"].startswith("DAT")]
    assert located == [("DAT001", 6)]


# --- crashes ------------------------------------------------------------------------------------------


def test_a_lone_surrogate_is_a_located_problem(data: Path, tmp_path: Path) -> None:
    edit(data / "plan.yaml", "  signer: Đỗ Minh Tuấn", '  signer: "Đỗ \\ud800 Tuấn"')
    for fmt in ("text", "json", "sarif", "github", "junit"):
        out = cli("validate", str(data), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert out.returncode == 1, out.stderr
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [f["field"] for f in document["findings"] if f["code"] == "DAT001"] == ["identity.signer"]


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("plan.yaml", "  amount: 1501713", "  amount: 12345678901234567890123456789"),
        ("plan.yaml", "targets: {2025: {min: 75}}", "targets: {2025: {min: 12345678901234567890123456789}}"),
        ("appendix1.csv", ",20200,8000,", ",12345678901234567890123456789,8000,"),
    ],
)
def test_numbers_too_long_are_located_problems(data: Path, file: str, old: str, new: str) -> None:
    edit(data / file, old, new)
    for args in (["validate", str(data)], ["summary", str(data), "--unit", "billion"]):
        out = cli(*args)
        assert out.returncode in (0, 1, 2) and "Traceback" not in out.stderr, out.stderr
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert any("too large" in f["message"] for f in document["findings"] if f["code"] == "DAT001")


def test_baselines_that_are_not_files_or_not_baselines(data: Path, tmp_path: Path) -> None:
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # reading it would block forever: never opened
    for baseline in (str(nested), "/dev/zero", "/dev/urandom", str(fifo), str(tmp_path)):
        one_line_error(cli("validate", str(data), "--baseline", baseline))
    large = tmp_path / "large.json"
    large.write_text(" " * 5000 + "{}", encoding="utf-8")
    one_line_error(cli("validate", str(data), "--baseline", str(large), "--max-file-size", "4K"))


def test_a_baseline_of_a_number_too_long_to_read(data: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"version": 1, "findings": [{"key": "k", "code": "SEC001", "x": ' + "1" * 5000 + "}]}")
    one_line_error(cli("validate", str(data), "--baseline", str(huge)))
    one_line_error(cli("validate", str(data), "--write-baseline", str(huge)))  # not a baseline: --force
    twice = tmp_path / "twice.json"
    twice.write_text('{"version": 1, "findings": [], "findings": []}', encoding="utf-8")
    one_line_error(cli("validate", str(data), "--baseline", str(twice)))


def test_sarif_for_a_directory_whose_name_is_not_utf8(tmp_path: Path) -> None:
    target = Path(os.fsdecode(bytes(tmp_path) + b"/\xff"))
    shutil.copytree(DATA, target)
    out = cli("validate", str(target), "-f", "sarif")
    assert out.returncode == 1, out.stderr
    uri = json.loads(out.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]
    assert uri["uri"].endswith("/%FF/plan.yaml")


@pytest.mark.parametrize("columns", ["0", "10", "999999999999", "abc"])
def test_any_columns_setting_prints_the_report(columns: str) -> None:
    out = cli("validate", "data", env={"COLUMNS": columns})
    assert (
        out.returncode == 1 and "SEC001" in out.stdout and "security_policy.min_share_percent" in out.stdout
    )
    assert "9 findings" in out.stdout


# --- hangs and sizes: work bounded by counts ----------------------------------------------------------


def test_a_huge_plan_yaml_stops_at_the_value_limit(data: Path) -> None:
    (data / "plan.yaml").write_text("- 1\n" * 300_000, encoding="utf-8")
    out = cli("validate", str(data), "-f", "json")
    assert out.returncode == 2
    (problem,) = json.loads(out.stdout)["findings"]
    assert "too many values (over 100,000)" in problem["message"]


def test_files_over_the_size_limit_are_refused_unread(data: Path) -> None:
    limit = (data / "plan.yaml").stat().st_size
    (data / "appendix1.csv").write_text((data / "appendix1.csv").read_text(encoding="utf-8") + "\n" * limit)
    out = cli("validate", str(data), "-f", "json", "--max-file-size", str(limit))
    assert out.returncode == 2
    refused = [
        (Path(f["file"]).name, f["message"])
        for f in json.loads(out.stdout)["findings"]
        if f["code"] == "DAT001"
    ]
    assert refused == [
        (
            "appendix1.csv",
            f"file too large ({limit + 8332:,} bytes; the limit is {limit:,}: see --max-file-size)",
        )
    ]
    out = cli("validate", str(data), "-f", "json", "--max-file-size", "2K")
    assert [Path(f["file"]).name for f in json.loads(out.stdout)["findings"]] == ["plan.yaml"]
    bad = cli("validate", str(data), "--max-file-size", "lots")  # a usage error: usage and the reason
    assert bad.returncode == 2 and "is not a size" in bad.stderr and "Traceback" not in bad.stderr


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def test_a_revision_over_the_size_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    out = cli("diff", "HEAD", "--max-file-size", "4K", cwd=repo)
    assert out.returncode == 2 and "file too large" in out.stderr and "the limit is 4,096" in out.stderr


def test_a_cell_longer_than_the_csv_module_allows_is_said_to_be_long(data: Path) -> None:
    edit(
        data / "appendix1.csv", "Văn phòng UBND tỉnh,20200", "Văn phòng UBND tỉnh" + " x" * 150_000 + ",20200"
    )
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    messages = [(f["line"], f["field"], f["message"]) for f in document["findings"] if f["code"] == "DAT001"]
    assert messages == [(2, "investor", "text of 300,019 characters: a value holds at most 4,000")]


def test_problems_past_the_limit_are_counted_not_listed(data: Path) -> None:
    header = (data / "appendix1.csv").read_text(encoding="utf-8").split("\n")[0]
    (data / "appendix1.csv").write_text(header + "\n" + "x\n" * 5000, encoding="utf-8")
    for limit, listed in (([], 1000), (["--max-problems", "10"], 10)):
        document = json.loads(cli("validate", str(data), "-f", "json", *limit).stdout)
        problems = [f for f in document["findings"] if f["code"] == "DAT001"]
        assert len(problems) == listed + 1
        assert (
            problems[-1]["line"] == listed + 2
            and f"{5000 - listed:,} more problems" in problems[-1]["message"]
        )


@pytest.mark.parametrize(
    ("file", "old"), [("appendix1.csv", "Văn phòng UBND tỉnh,20200"), ("plan.yaml", "province: Thanh Hóa")]
)
def test_a_value_longer_than_any_text_is_refused(data: Path, file: str, old: str) -> None:
    edit(
        data / file,
        old,
        ("province: " if file == "plan.yaml" else "")
        + "x" * 4001
        + (",20200" if file.endswith(".csv") else ""),
    )
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    (problem,) = [f for f in document["findings"] if "4,001 characters" in f["message"]]
    assert problem["field"] in ("investor", "identity.province")
    one_line_error(cli("summary", str(data)))


def test_nesting_too_deep_is_located(data: Path) -> None:
    (data / "plan.yaml").write_text("a: 1\nb: 2\nc: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert [(f["line"], "nesting too deep" in f["message"]) for f in document["findings"]] == [(3, True)]


# --- misleading messages ------------------------------------------------------------------------------


def test_an_interruption_is_said_and_exits_2(tmp_path: Path) -> None:
    script = tmp_path / "slow.py"
    script.write_text(
        "import sys, time\n"
        "import plan272.summary as s\n"
        "s.build_summary = lambda *a, **k: time.sleep(30)\n"
        "sys.argv = ['plan272', 'summary', 'data']\n"
        "from plan272.cli import main\n"
        "print('ready', flush=True)\n"
        "main()\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    time.sleep(0.5)  # into the loading (no assertion depends on how long it takes)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and err.strip().endswith("plan272: interrupted"), err


def test_revisions_in_a_bare_repository_and_by_message(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "init: the plan")
    edit(repo / "data" / "appendix1.csv", ",20200,8000,2300,", ",20200,8000,2300,")
    git(repo, "commit", "-qm", "again", "--allow-empty")
    assert cli("diff", ":/init", "HEAD", cwd=repo).returncode == 0
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(bare)], check=True)
    out = cli("diff", "HEAD~1", "HEAD", cwd=bare)
    assert out.returncode == 0 and "No differences." in out.stdout, out.stderr
    one_line_error(cli("diff", "HEAD~1", cwd=bare))


def test_a_file_given_as_data_directory_is_named_so(tmp_path: Path) -> None:
    for command in ("validate", "summary"):
        out = cli(command, str(DATA / "plan.yaml"))
        one_line_error(out)
        assert "is not a directory" in out.stderr


def test_init_refuses_an_empty_name_odd_digits_and_a_directory_in_the_way(tmp_path: Path) -> None:
    one_line_error(cli("init", "", "--period", "2026-2030", cwd=tmp_path))
    one_line_error(cli("init", str(tmp_path / "a"), "--period", "\u0662\u0660\u0662\u0666-2030"))
    (tmp_path / "b" / "plan.yaml").mkdir(parents=True)
    for force in ([], ["--force"]):
        out = cli("init", str(tmp_path / "b"), "--period", "2026-2030", *force)
        one_line_error(out)
        assert "is a directory" in out.stderr


def test_yaml_1_1_booleans_are_no_keys(data: Path) -> None:
    with (data / "plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write("on: 1\n")
    document = json.loads(cli("validate", str(data), "-f", "json").stdout)
    assert [f["field"] for f in document["findings"] if f["code"] == "DAT001"] == ["on"]


def test_a_selection_that_leaves_no_rule_is_said_so() -> None:
    out = cli("validate", "data", "--ignore", "DAT,SUM,SEC,KPI,NRM,TXT")
    one_line_error(out)
    assert "no rule" in out.stderr


def test_the_shipped_plan_is_unchanged() -> None:
    out = cli("validate", "data")
    assert out.returncode == 1 and "9 findings: 5 error, 2 warning, 2 info" in out.stdout


def test_diff_matching_is_bounded_by_rows_not_their_square() -> None:
    """5,000 unmatched rows on each side, their names drawn from one small vocabulary (so that many
    are similar): every tier scores a bounded number of candidates per row — not 25 million pairs."""
    import random

    from plan272.diff import CANDIDATES, SHORTLIST, match_rows
    from plan272.model import Project
    from plan272.problems import Location

    rng = random.Random(3)
    vocabulary = "hệ thống thông tin cơ sở dữ liệu nâng cấp xây dựng phần mềm quản lý dự án số hóa"
    words = vocabulary.split(" ")

    def rows(prefix: str, n: int, sections: str = "ABCD") -> list[Project]:
        out = []
        for k in range(n):
            years = {y: rng.randint(0, 5000) for y in range(2021, 2026)}
            name = " ".join(rng.choice(words) for _ in range(rng.randint(4, 12)))
            where = Location("a.csv", k + 2)
            section = rng.choice(sections)
            out.append(
                Project(appendix="a", id=f"{prefix}{k}", section=section, tt=k, name=name, investor="x",
                        total=sum(years.values()), years=years, location=where)
            )  # fmt: skip
        return out

    for sections in ("ABCD", "A"):  # four groups, or one group of 5,000 a side
        old, new = rows("O", 5000, sections), rows("N", 5000, sections)
        stats: dict[str, int] = {}
        pairs, free_old, free_new = match_rows(old, new, stats)
        # names compared: those the blocks propose, not 25 million (or 4 × 1.5 million) pairs
        assert stats["similar-compared"] <= (SHORTLIST + 2 * CANDIDATES) * (len(old) + len(new))
        assert stats["similar-scored"] <= CANDIDATES * (len(old) + len(new))
        assert len(pairs) + len(free_old) == len(old) and len(pairs) + len(free_new) == len(new)
    same = [
        Project(appendix="a", id=f"S{k}", section="A", tt=k, name="cùng một tên", investor="x", total=k,
                years={2021: k}, location=Location("a.csv", k + 2))
        for k in range(3000)
    ]  # fmt: skip
    renamed = [dataclasses.replace(p, id=f"T{p.tt}", total=p.total + 1) for p in same]
    stats = {}
    pairs, _, _ = match_rows(same, renamed, stats)
    assert stats["name"] <= 2 * CANDIDATES * len(same) and len(pairs) == len(same)


def test_blocked_matching_still_finds_renamed_rows_both_ways() -> None:
    """In a group too large to score every pair, a row renamed by one word (amounts kept, or
    changed a little) is still paired with its old self — and the pairing is the same whichever
    side is old."""
    import random

    from plan272.diff import EXACT_PAIRS, match_rows
    from plan272.model import Project
    from plan272.problems import Location

    rng = random.Random(5)
    words = [f"từ{k}" for k in range(3000)] + ["hệ", "thống", "thông", "tin", "dữ", "liệu"]
    n = 1200
    assert n * n > EXACT_PAIRS

    def project(ident: str, k: int, name: str, years: dict[int, int]) -> Project:
        return Project(appendix="a", id=ident, section="A", tt=k, name=name, investor="x",
                       total=sum(years.values()), years=years, location=Location("a.csv", k + 2))  # fmt: skip

    old, new = [], []
    for k in range(n):
        years = {y: rng.randint(0, 5000) for y in range(2021, 2026)}
        name = [rng.choice(words) for _ in range(8)]
        old.append(project(f"O{k}", k, " ".join(name), years))
        name[rng.randrange(8)] = rng.choice(words)
        if k % 2:
            years = {**years, 2025: years[2025] + 7}
        new.append(project(f"N{k}", k, " ".join(name), years))
    pairs, _, _ = match_rows(old, new)
    assert sorted((i, j) for i, j, _, _ in pairs) == [(k, k) for k in range(n)]
    mirrored, _, _ = match_rows(new, old)
    assert sorted((j, i) for i, j, _, _ in mirrored) == [(k, k) for k in range(n)]


def test_a_table_of_too_many_rows_stops_reading_at_the_limit(data: Path) -> None:
    out = cli("validate", str(data), "-f", "json", "--max-rows", "10")
    assert out.returncode == 2
    problems = [
        (Path(f["file"]).name, f["line"]) for f in json.loads(out.stdout)["findings"] if f["code"] == "DAT001"
    ]
    assert problems == [("appendix1.csv", 12), ("appendix2.csv", 12)]  # the 11th row of each
