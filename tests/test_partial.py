"""Partly readable data: what cannot be read is reported, and nothing is computed from it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from plan272.engine import run
from plan272.load import load_plan
from plans import DATA, ROOT


def copy(tmp_path: Path, name: str = "x") -> Path:
    target = tmp_path / name
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "plan272", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


def test_an_unreadable_section_or_attt_makes_totals_and_shares_not_checked(tmp_path: Path) -> None:
    data = copy(tmp_path)
    edit(data / "appendix1.csv", "IV.1,IV,1,", "IV.1,,1,")  # an empty group: the security share would drop
    report = run(load_plan(data))
    codes = {(f.code, f.severity.value, f.ids[:1]) for f in report.findings}
    assert ("SEC001", "info", ("not-checked",)) in codes
    assert ("SEC001", "error", ("period",)) not in codes
    assert ("DAT001", "error", ("appendix1.csv",)) in codes


def test_a_selected_rule_that_could_not_check_brings_its_load_problems(tmp_path: Path) -> None:
    data = copy(tmp_path)
    edit(data / "appendix1.csv", ",20200,8000,2300,", ",20200,80x0,2300,")
    out = cli("validate", str(data), "--select", "SEC", "--format", "json")
    assert out.returncode == 2  # Appendix I could not be read completely
    found = json.loads(out.stdout)["findings"]
    assert ("DAT001", 2, "y2021") in {(f["code"], f["line"], f["field"]) for f in found}
    assert json.loads(out.stdout)["rules_checked"] == ["SEC001", "SEC002", "SEC003"]


def test_plan_yaml_that_cannot_be_modelled_checks_nothing_and_says_so(tmp_path: Path) -> None:
    data = copy(tmp_path)
    edit(data / "plan.yaml", "  province: Thanh Hóa", "  province: [Thanh Hóa]")
    out = cli("validate", str(data), "--format", "json")
    document = json.loads(out.stdout)
    assert out.returncode == 2
    assert document["rules_checked"] == [] and document["complete"] is False
    assert "no rules checked" in cli("validate", str(data)).stdout


def test_dropped_targets_keep_the_file_paths_of_the_others(tmp_path: Path) -> None:
    data = copy(tmp_path)
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    # kpis.1 gets a target that is text; kpis.3 (digital-inspections) disagrees with itself
    end_2025 = '\n      - source: {where: "Phần II, mục VI.2, đến hết năm 2025", line: 607}'
    edit(plan, "targets: {2022: 50}" + end_2025, "targets: {2022: abc}" + end_2025)
    end_2022 = '\n      - source: {where: "Phần II, mục VI.2, đến hết năm 2022", line: 601}'
    edit(plan, "targets: {2025: 50}" + end_2022, "targets: {2025: 45}" + end_2022)
    report = run(load_plan(data))
    dat = [f for f in report.findings if f.code == "DAT001"]
    assert [f.location.field for f in dat] == ["kpis.1.statements.1.targets.2022"]
    assert "kpis.1 is left out of the checks" in dat[0].text()
    (kpi,) = [f for f in report.findings if f.code == "KPI003"]
    assert kpi.location.field == "kpis.3.statements.2.targets.2025"
    lines = plan.read_text(encoding="utf-8").splitlines()
    assert "Phần II, mục VI.2, đến hết năm 2025" in lines[kpi.location.line - 2]  # the statement's line
    assert text != plan.read_text(encoding="utf-8")


def test_diff_does_not_compare_totals_or_resolve_findings_over_unreadable_data(tmp_path: Path) -> None:
    data = copy(tmp_path)
    edit(data / "appendix1.csv", ",20200,8000,2300,", ",20200,80x0,2300,")
    document = json.loads(cli("diff", str(DATA), str(data), "--format", "json").stdout)
    assert document["incomplete"] == {"old": [], "new": ["appendix1"]}
    assert document["totals"] == {} and document["security"] == []
    assert document["findings"]["resolved"] == []  # SEC001/SEC002 were not checked, not fixed
    (changed,) = document["tables"]["appendix1"]["changed"]
    assert (
        changed["changes"]["y2021"]["new"] == "(unreadable)" and changed["changes"]["y2021"]["delta"] is None
    )


def test_diff_exits_2_when_a_side_cannot_be_read(tmp_path: Path) -> None:
    data = copy(tmp_path)
    (data / "appendix2.csv").unlink()
    out = cli("diff", str(DATA), str(data))
    assert out.returncode == 2 and "appendix2.csv" in out.stderr and "Traceback" not in out.stderr


def test_summary_gives_no_security_verdict_over_unreadable_data(tmp_path: Path) -> None:
    data = copy(tmp_path)
    edit(data / "appendix1.csv", "IV.2,IV,2,", "IV.2,,2,")
    out = cli("summary", str(data), "--section", "security")
    assert out.returncode == 0
    assert "WARNING: Appendix I could not be read completely" in out.stdout.replace("\n", " ")
    assert " NO" not in out.stdout and " yes" not in out.stdout


def test_summary_says_which_targets_and_claims_it_could_not_show(tmp_path: Path) -> None:
    data = copy(tmp_path)
    end_2025 = '\n      - source: {where: "Phần II, mục VI.2, đến hết năm 2025", line: 607}'
    edit(data / "plan.yaml", "targets: {2022: 50}" + end_2025, "targets: {2022: abc}" + end_2025)
    out = cli("summary", str(data), "--section", "targets")
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "WARNING: kpis.1 (line " in text and "could not be read and are not shown" in text
    assert "Báo cáo định kỳ" not in out.stdout  # kpis.1 (national-reporting) is the one left out
