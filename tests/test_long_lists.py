"""A message names at most ten rows, then how many more; the finding's data holds them all (a plan of
thousands of counted projects keeps one-line findings, and machines still get every id)."""

from __future__ import annotations

import json
from pathlib import Path

from entry import run_main
from plan272.messages import Each
from plandir import A1, DATA, PlanDir


def test_each_shortens_past_its_limit() -> None:
    items = tuple(f"IV.{n}" for n in range(1, 16))
    assert Each(items, limit=10).render("en") == ", ".join(items[:10]) + ", … and 5 more"
    assert Each(items, limit=10).render("vi") == ", ".join(items[:10]) + ", … và 5 mục khác"
    assert Each(items[:10], limit=10).render("en") == ", ".join(items[:10])
    assert Each(items).render("en") == ", ".join(items)  # no limit: all


def test_security_findings_name_ten_rows_and_keep_all_in_json(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "many")
    rows = d.rows(A1)
    head = rows[0]
    template = next(r for r in rows if r[0] == "IV.2")
    for n in range(3, 16):  # group IV: 15 security projects
        row = list(template)
        row[head.index("id")], row[head.index("tt")] = f"IV.{n}", str(n)
        row[head.index("name")] = f"Dự án an toàn thông tin {n}"
        row[head.index("tmdt")] = "100"  # small: the share stays below the minimum
        for year in range(2021, 2026):
            row[head.index(f"y{year}")] = "20"
        rows.append(row)
    d.write_rows(A1, rows)
    out = run_main(["validate", str(d.path), "--format", "json", "--select", "SEC001"], tmp_path, {})
    findings = json.loads(out.stdout)["findings"]
    sec001 = [f for f in findings if f["code"] == "SEC001"]
    assert len(sec001) == 1, findings
    (finding,) = sec001
    assert "IV.1, IV.2, IV.3" in finding["message"] and ", … and 5 more;" in finding["message"]
    assert "IV.11" not in finding["message"]
    assert finding["extra"]["counted"].split() == [f"IV.{n}" for n in range(1, 16)]
    # the shipped plan names its two projects and adds nothing
    shipped = json.loads(
        run_main(["validate", str(DATA), "-f", "json", "--select", "SEC001"], tmp_path, {}).stdout
    )
    assert "counted" not in shipped["findings"][0]["extra"]
