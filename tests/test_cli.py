"""The command line, through the real entry point (``python -m plan272``): exit codes and outputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plans import DATA, ROOT, yaml_line


def plan272(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_STEP_SUMMARY", None) if env is None or "GITHUB_STEP_SUMMARY" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "plan272", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_version_and_help() -> None:
    out = plan272("--version")
    assert out.returncode == 0 and out.stdout.startswith("plan272 ")
    out = plan272("--help")
    assert out.returncode == 0
    for command in ("validate", "rules", "schema"):
        assert command in out.stdout


def test_validate_shipped_plan_exits_1_with_its_findings() -> None:
    out = plan272("validate", "data")
    assert out.returncode == 1
    assert "SEC001" in out.stdout and out.stdout.count("SEC002") == 4 and out.stdout.count("TXT001") == 3
    assert "9 findings: 5 error, 2 warning, 2 info" in out.stdout
    assert "Traceback" not in out.stderr


def test_validate_json_is_stable_and_parses() -> None:
    out = plan272("validate", "data", "--format", "json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["summary"] == {"error": 5, "warning": 2, "info": 2}
    first = data["findings"][0]
    for key in ("code", "severity", "message", "file", "line", "field", "expected", "observed", "ids"):
        assert key in first
    assert (first["code"], first["file"], first["line"], first["expected"], first["observed"]) == (
        "SEC001",
        "data/plan.yaml",
        yaml_line("min_share_percent:"),
        150172,
        130000,
    )


def test_select_ignore_and_fail_on() -> None:
    assert plan272("validate", "data", "--select", "SUM,KPI").returncode == 0
    assert plan272("validate", "data", "--ignore", "SEC").returncode == 0
    out = plan272("validate", "data", "--select", "SEC003", "--fail-on", "info")
    assert out.returncode == 1
    assert plan272("validate", "data", "--select", "SEC003").returncode == 0
    bad = plan272("validate", "data", "--select", "NOPE")
    assert bad.returncode == 2 and "NOPE" in bad.stderr and "Traceback" not in bad.stderr


def test_exit_2_when_it_cannot_run(tmp_path: Path) -> None:
    out = plan272("validate", str(tmp_path / "missing"))
    assert out.returncode == 2 and "not found" in out.stderr and "Traceback" not in out.stderr
    out = plan272("validate", "--format", "xml")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert plan272("rules", "XYZ001").returncode == 2


def test_unreadable_file_exits_2_with_location(data_copy: Path) -> None:
    (data_copy / "appendix2.csv").write_bytes("id,section\n".encode("utf-16"))
    out = plan272("validate", str(data_copy), "--format", "json")
    assert out.returncode == 2
    problems = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "DAT001"]
    assert [(Path(f["file"]).name, f["line"]) for f in problems] == [("appendix2.csv", None)]


def test_bad_cell_is_a_located_finding_and_the_rest_is_checked(data_copy: Path) -> None:
    path = data_copy / "appendix1.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",100000,90000,", ",100.000,90000,")  # I.3 at line 4
    path.write_text("".join(lines), encoding="utf-8")
    out = plan272("validate", str(data_copy), "--format", "json")
    # Appendix I could not be read completely: the findings are reported, the status says so (exit 2)
    assert out.returncode == 2
    assert (json.loads(out.stdout)["complete"], json.loads(out.stdout)["status"]) == (False, "incomplete")
    findings = json.loads(out.stdout)["findings"]
    dat = [
        (f["code"], Path(f["file"]).name, f["line"], f["field"]) for f in findings if f["code"] == "DAT001"
    ]
    assert dat == [("DAT001", "appendix1.csv", 4, "tmdt")]
    assert any(f["code"] == "SEC001" for f in findings)  # the rest of the plan was still checked


def test_baseline_round_trip_survives_reordering(data_copy: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    out = plan272("validate", str(data_copy), "--write-baseline", str(baseline))
    assert out.returncode == 0 and baseline.exists()
    # reorder the rows of appendix1 and add a project: the baseline still matches everything
    path = data_copy / "appendix1.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    extra = "III.30,III,30,Dự án mới,Sở Tư pháp,100,20,20,20,20,20,,"
    path.write_text("\n".join([header, *reversed(rows), extra]) + "\n", encoding="utf-8")
    out = plan272("validate", str(data_copy), "--baseline", str(baseline), "--format", "json")
    data = json.loads(out.stdout)
    # every entry still matches; the five security shortfalls grew (10% of the 100 million added is
    # now required too): they are worse than recorded, the other four are as recorded
    assert data["suppressed"] == 4 and data["worse"] == 5 and data["stale_baseline"] == []
    # what remains is new and real: the added 100 million are missing from the declared totals
    assert {f["code"] for f in data["findings"]} == {"SUM002", "SUM003", "SEC001", "SEC002"}
    assert {f["baseline_state"] for f in data["findings"] if f["code"].startswith("SEC")} == {"worse"}
    assert out.returncode == 1


def test_baseline_reports_new_findings_and_stale_entries(data_copy: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    plan272("validate", str(data_copy), "--write-baseline", str(baseline))
    path = data_copy / "plan.yaml"
    text = path.read_text(encoding="utf-8").replace("min_share_percent: 10", "min_share_percent: 7")
    path.write_text(text, encoding="utf-8")  # 2022 (7.38%) and the period (8.66%) now pass
    a2 = data_copy / "appendix2.csv"
    old = "U1,I,1,Ban Dân tộc,28,280,56,"
    a2.write_text(a2.read_text(encoding="utf-8").replace(old, old[:-3] + "57,"), encoding="utf-8")
    out = plan272("validate", str(data_copy), "--baseline", str(baseline), "--format", "json")
    data = json.loads(out.stdout)
    assert out.returncode == 1
    assert sorted(data["stale_baseline"]) == ["SEC001|period", "SEC002|2022|@2022"]
    # 2023-2025 are still below 7% but by less than recorded: improved; SEC003 and TXT001 unchanged
    assert data["suppressed"] == 4 and data["improved"] == 3
    new = sorted((f["code"], tuple(f["ids"])) for f in data["findings"])
    assert new == [
        ("NRM001", ("U1",)),
        ("SUM001", ("U1",)),
        ("SUM002", ("appendix2",)),
        ("SUM002", ("appendix2:I",)),
    ]  # the unit's total is unchanged, so the grand total (SUM003) still holds


def test_bad_baseline_file_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    out = plan272("validate", "data", "--baseline", str(bad))
    assert out.returncode == 2 and "not valid JSON" in out.stderr


def test_output_file_and_github_step_summary(tmp_path: Path) -> None:
    report = tmp_path / "report.sarif"
    out = plan272("validate", "data", "--format", "sarif", "--output", str(report))
    assert out.returncode == 1 and out.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"
    summary = tmp_path / "summary.md"
    out = plan272("validate", "data", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.returncode == 1
    assert out.stdout.startswith(f"::error file=data/plan.yaml,line={yaml_line('min_share_percent')}")
    assert "SEC001" in summary.read_text(encoding="utf-8")


def test_rules_and_schema_commands() -> None:
    out = plan272("rules")
    assert out.returncode == 0 and "NRM001" in out.stdout and "SEC003" in out.stdout
    out = plan272("rules", "SEC001")
    assert out.returncode == 0 and "Phần II, mục III.6" in out.stdout and "How to fix" in out.stdout
    out = plan272("schema")
    schema = json.loads(out.stdout)
    assert out.returncode == 0 and "identity" in schema["properties"]
    assert schema["required"] == ["identity", "appendices"]
    assert {"grand_total", "security_policy", "kpis"} <= set(schema["properties"])


def test_report_files_get_the_usual_mode_and_are_never_half_written(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        out = plan272("validate", "data", "--format", "json", "--output", str(report))
    finally:
        os.umask(old)
    assert out.returncode == 1
    assert report.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_schema_accepts_the_shipped_plan_and_rejects_a_typo() -> None:
    import jsonschema
    import yaml

    schema = json.loads(plan272("schema").stdout)
    # what an editor sees: YAML read as JSON (keys are strings, the date is text)
    document = json.loads(
        json.dumps(yaml.safe_load((DATA / "plan.yaml").read_text(encoding="utf-8")), default=str)
    )
    validator = jsonschema.Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(document)] == []
    document["identity"]["signer_titel"] = document["identity"].pop("signer_title")
    assert any("signer_titel" in e.message for e in validator.iter_errors(document))
    document["identity"]["signer_title"] = document["identity"].pop("signer_titel")
    document["kpis"][0]["statements"][0]["targets"]["2025"] = "fifty"
    assert list(validator.iter_errors(document))
