"""``plan272 diff`` on revisions of the shipped plan: each scenario of the issue, read in all three
formats (text, markdown, json) through the command, plus the matching details behind them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plan272.cli import app
from plan272.diff import PlanDiff, diff_plans
from plan272.engine import run
from plan272.load import load_plan
from plandir import A1, A2, DATA, PLAN, PlanDir

# ---------------------------------------------------------------------------------------------
# Editing a copy of the shipped data as a reviser would


def insert_project(d: PlanDir, group: str, position: int, name: str, investor: str, years: list[int]) -> None:
    """Insert a project at ``position`` (1-based) of ``group``, renumbering tt and id of every later
    row of the group, as a reviser editing the CSV by hand does."""
    rows = d.rows(A1)
    head = rows[0]
    col = {name: head.index(name) for name in head}
    out = [head]
    for row in rows[1:]:
        if row[col["section"]] == group and int(row[col["tt"]]) >= position:
            if int(row[col["tt"]]) == position:
                new = [""] * len(head)
                new[col["id"]], new[col["section"]], new[col["tt"]] = (
                    f"{group}.{position}",
                    group,
                    str(position),
                )
                new[col["name"]], new[col["investor"]], new[col["tmdt"]] = name, investor, str(sum(years))
                for year, amount in zip(range(2021, 2026), years, strict=True):
                    new[col[f"y{year}"]] = str(amount)
                out.append(new)
            tt = int(row[col["tt"]]) + 1
            row[col["tt"]], row[col["id"]] = str(tt), f"{group}.{tt}"
        out.append(row)
    d.write_rows(A1, out)


def renumber(d: PlanDir, name: str = A1) -> None:
    """Give every row of each group tt 1, 2, … and id GROUP.tt, in file order."""
    rows = d.rows(name)
    head = rows[0]
    s, t, i = head.index("section"), head.index("tt"), head.index("id")
    seen: dict[str, int] = {}
    for row in rows[1:]:
        seen[row[s]] = seen.get(row[s], 0) + 1
        row[t] = str(seen[row[s]])
        if name == A1:
            row[i] = f"{row[s]}.{seen[row[s]]}"
    d.write_rows(name, rows)


def delete_row(d: PlanDir, row_id: str, name: str = A1) -> None:
    rows = d.rows(name)
    del rows[d.index_of(name, row_id)]
    d.write_rows(name, rows)


def move_project(d: PlanDir, row_id: str, group: str) -> None:
    """Move a project to the end of ``group`` (section changes; both groups renumbered)."""
    rows = d.rows(A1)
    head = rows[0]
    s = head.index("section")
    row = rows.pop(d.index_of(A1, row_id))
    row[s] = group
    last = max(i for i, r in enumerate(rows) if i and r[s] == group)
    rows.insert(last + 1, row)
    d.write_rows(A1, rows)
    renumber(d)


def shift(d: PlanDir, row_id: str, source: int, target: int, amount: int) -> None:
    old_source = int(d.cell(A1, row_id, f"y{source}"))
    old_target = int(d.cell(A1, row_id, f"y{target}"))
    d.set_cell(A1, row_id, f"y{source}", str(old_source - amount))
    d.set_cell(A1, row_id, f"y{target}", str(old_target + amount))


NEW_NAME = "Xây dựng nền tảng định danh và xác thực điện tử của tỉnh"


def scenario_insert(d: PlanDir) -> None:
    insert_project(d, "III", 5, NEW_NAME, "Sở Thông tin và Truyền thông", [1000, 2000, 2000, 0, 0])


def scenario_delete(d: PlanDir) -> None:
    delete_row(d, "III.24")
    renumber(d)


RENAMED = "Triển khai Mạng truyền số liệu chuyên dùng cấp tỉnh, huyện, xã"


def scenario_rename(d: PlanDir) -> None:
    d.set_cell(A1, "I.4", "name", RENAMED)


def scenario_shift(d: PlanDir) -> None:
    shift(d, "I.1", 2021, 2022, 1000)


def scenario_move(d: PlanDir) -> None:
    move_project(d, "III.20", "II")


def scenario_weaken(d: PlanDir) -> None:
    # mục VI.2 "đến hết năm 2025": national reporting 80% -> 70%
    text = d.text(PLAN)
    needle = "line: 607}\n        targets: {2025: 80}"
    assert text.count(needle) == 1
    d.write(PLAN, text.replace(needle, "line: 607}\n        targets: {2025: 70}"))


def scenario_security(d: PlanDir) -> None:
    # security money moves to 2022, other money to 2021: the yearly bases stay as they were
    shift(d, "IV.1", 2021, 2022, 20000)
    shift(d, "II.2", 2022, 2021, 20000)


@dataclass
class Outputs:
    diff: PlanDiff
    text: str
    markdown: str
    json: dict[str, object]


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def revise(tmp_path: Path, edit: Callable[[PlanDir], None]) -> Outputs:
    """Diff the shipped data against a copy revised by ``edit``, in the library and in every format."""
    d = PlanDir.copy_of(DATA, tmp_path / "new")
    edit(d)
    old, new = load_plan(DATA), load_plan(d.path)
    assert old.plan is not None and new.plan is not None, new.problems
    result = diff_plans(old.plan, new.plan, run(old), run(new))
    outputs = {}
    for fmt in ("text", "markdown", "json"):
        code, out = cli("diff", str(DATA), str(d.path), "--format", fmt, "--exit-code")
        assert code == 1, out
        outputs[fmt] = out
    return Outputs(
        result, outputs["text"], outputs["markdown"], json.loads(outputs["json"], parse_float=Decimal)
    )


def codes(findings: object) -> list[str]:
    assert isinstance(findings, list)
    return sorted(f"{f['code']}|{'|'.join(f['ids'])}" for f in findings)


# ---------------------------------------------------------------------------------------------
# The scenarios of the issue


def test_insertion_mid_group_is_one_added_project_and_renumbering(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_insert)
    p = out.diff.table("appendix1")
    assert [(r.id, r.name) for r in p.added] == [("III.5", NEW_NAME)]
    assert p.removed == () and p.changed == () and p.moved == ()
    assert [(x.old.id, x.new.id) for x in p.renumbered_only] == [
        (f"III.{k}", f"III.{k + 1}") for k in range(5, 30)
    ]
    assert out.diff.table("appendix2").empty
    group3 = next(t for t in out.diff.totals if t.key == "appendix1:III")
    assert [group3.years[y].delta for y in range(2021, 2026)] == [1000, 2000, 2000, 0, 0]
    assert group3.total.delta == 5000
    # the undeclared money is a finding the revision introduces; nothing is resolved
    assert {f.code for f in out.diff.findings.introduced} == {"SUM002", "SUM003"}
    assert out.diff.findings.resolved == ()

    assert "Appendix I: 1 added, 25 renumbered" in out.text
    assert "+ III.5 [III] " + NEW_NAME in out.text
    assert "renumbered only (25): III.5…III.29 → III.6…III.30\n" in out.text
    assert "~ III.5" not in out.text  # no cascade of changes
    assert "| ➕ | III.5 | " + NEW_NAME + " | added: TMĐT 5,000 · 2021 1,000" in out.markdown
    assert "Renumbered only (25 projects, nothing else changed): III.5…III.29 → III.6…III.30" in out.markdown
    assert "✏️" not in out.markdown
    j = out.json["tables"]["appendix1"]
    assert isinstance(j, dict)
    assert [r["id"] for r in j["added"]] == ["III.5"] and j["added"][0]["years"]["2022"] == 2000
    assert j["removed"] == [] and j["changed"] == [] and len(j["renumbered"]) == 25
    assert all(r["only"] for r in j["renumbered"])


def test_deletion(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_delete)
    p = out.diff.table("appendix1")
    assert [(r.id, r.name) for r in p.removed] == [("III.24", "Số hóa cơ sở dữ liệu hộ tịch")]
    assert p.added == () and p.changed == ()
    assert [(x.old.id, x.new.id) for x in p.renumbered_only] == [
        (f"III.{k}", f"III.{k - 1}") for k in range(25, 30)
    ]
    appendix1 = next(t for t in out.diff.totals if t.key == "appendix1")
    assert appendix1.total.delta == -8000 and appendix1.years[2023].delta == -5000

    assert "Appendix I: 1 removed, 5 renumbered" in out.text
    assert "- III.24 [III] Số hóa cơ sở dữ liệu hộ tịch  (removed)" in out.text
    assert "| ➖ | III.24 | Số hóa cơ sở dữ liệu hộ tịch | removed: TMĐT 8,000" in out.markdown
    assert "Renumbered only (5 projects, nothing else changed): III.25…III.29 → III.24…III.28" in out.markdown
    j = out.json["tables"]["appendix1"]
    assert isinstance(j, dict)
    assert [r["id"] for r in j["removed"]] == ["III.24"] and j["added"] == []


def test_rename_with_same_amounts(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_rename)
    p = out.diff.table("appendix1")
    assert p.added == () and p.removed == () and p.renumbered == ()
    (pair,) = p.pairs
    assert pair.renamed and pair.match == "id" and list(pair.changes) == ["name"]
    assert pair.changes["name"].new == RENAMED
    assert out.diff.findings.empty

    assert "Appendix I: 1 renamed · Appendix II: unchanged" in out.text
    assert "renamed (same id" in out.text and RENAMED in out.text
    assert "| ✏️ | I.4 | " + RENAMED + " | renamed from “Triển khai mạng TSLCD (Cho toàn bộ" in out.markdown
    j = out.json["tables"]["appendix1"]
    assert isinstance(j, dict)
    assert j["renamed"][0]["old_id"] == "I.4" and j["renamed"][0]["new_name"] == RENAMED
    assert j["changed"][0]["changes"] == {
        "name": {
            "old": "Triển khai mạng TSLCD (Cho toàn bộ hệ thống cấp tỉnh, huyện, xã)",
            "new": RENAMED,
            "delta": None,
        }
    }


def test_amounts_shifted_between_years_keep_the_total(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_shift)
    (pair,) = out.diff.table("appendix1").pairs
    assert {y: (c.old, c.new, c.delta) for y, c in pair.amounts.items()} == {
        2021: (8000, 7000, -1000),
        2022: (2300, 3300, 1000),
    }
    assert pair.years_total.delta == 0 and "tmdt" not in pair.changes
    grand = next(t for t in out.diff.totals if t.key == "grand")
    assert grand.total.delta == 0 and grand.years[2021].delta == -1000 and grand.years[2022].delta == 1000
    assert [t.key for t in out.diff.totals if t.changed] == ["appendix1:I", "appendix1", "grand"]

    assert "Appendix I: 1 changed" in out.text
    assert "2021         8,000 → 7,000     -1,000" in out.text
    assert "years total 20,200 → 20,200 unchanged" in out.text
    assert "2021: 8,000 → 7,000 (-1,000); 2022: 2,300 → 3,300 (+1,000); years total unchanged" in out.markdown
    assert "| Appendix I | 262,318 → **261,318** (-1,000) | 303,300 → **304,300** (+1,000) |" in out.markdown
    j = out.json["tables"]["appendix1"]
    assert isinstance(j, dict)
    changed = j["changed"][0]
    assert changed["amounts"] == {
        "years": {
            "2021": {"old": 8000, "new": 7000, "delta": -1000},
            "2022": {"old": 2300, "new": 3300, "delta": 1000},
        },
        "total": {"old": 20200, "new": 20200, "delta": 0},
    }
    totals = out.json["totals"]
    assert isinstance(totals, dict)
    assert list(totals) == [
        "appendix1:I",
        "appendix1:II",
        "appendix1:III",
        "appendix1:IV",
        "appendix1",
        "appendix2:I",
        "appendix2",
        "grand",
    ]
    assert totals["appendix1"]["years"]["2021"] == {"old": 262318, "new": 261318, "delta": -1000}
    assert totals["grand"]["total"] == {"old": 1501713, "new": 1501713, "delta": 0}
    assert totals["appendix2"]["changed"] is False


def test_move_between_groups(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_move)
    p = out.diff.table("appendix1")
    (moved,) = p.moved
    assert (moved.old.id, moved.new.id, moved.old.section, moved.new.section) == (
        "III.20",
        "II.6",
        "III",
        "II",
    )
    assert list(moved.changes) == ["section"] and not moved.renamed
    assert p.added == () and p.removed == ()
    assert len(p.renumbered_only) == 9  # III.21..III.29 -> III.20..III.28
    group2 = next(t for t in out.diff.totals if t.key == "appendix1:II")
    assert group2.total.delta == 10000
    assert next(t for t in out.diff.totals if t.key == "appendix1").total.delta == 0

    assert "Appendix I: 1 moved, 9 renumbered · Appendix II" in out.text
    assert "~ III.20 → II.6" in out.text and "moved: group III → II" in out.text
    assert "| ✏️ | III.20 → II.6 | Triển khai ứng dụng thông minh" in out.markdown
    assert "moved: group III → II" in out.markdown
    j = out.json["tables"]["appendix1"]
    assert isinstance(j, dict)
    assert j["moved"] == [
        {
            "old_id": "III.20",
            "new_id": "II.6",
            "name": moved.new.name,
            "old_section": "III",
            "new_section": "II",
        }
    ]


def test_weakened_target(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_weaken)
    (target,) = out.diff.kpis.targets
    assert (target.kpi, target.year, target.weakened) == ("national-reporting", 2025, True)
    assert (target.old, target.new) is not None and str(target.old) == "80" and str(target.new) == "70"
    assert out.diff.table("appendix1").empty and out.diff.table("appendix2").empty and out.diff.meta == ()
    # the two statements of the 2025 target now disagree
    assert [f.code for f in out.diff.findings.introduced] == ["KPI003"]

    assert "Targets: 1 target changed (1 weaker)" in out.text
    assert "~ national-reporting 2025: 80 → 70  WEAKER" in out.text
    assert "- **national-reporting** 2025: 80 → **70** ⚠️ **weaker**" in out.markdown
    kpis = out.json["kpis"]
    assert isinstance(kpis, dict)
    assert kpis["targets"] == [
        {
            "kpi": "national-reporting",
            "year": 2025,
            "where": "Phần II, mục VI.2, đến hết năm 2025",
            "kind": "changed",
            "old": {"low": 80, "high": 80, "text": "80"},
            "new": {"low": 70, "high": 70, "text": "70"},
            "weakened": True,
        }
    ]


def test_security_share_crosses_the_minimum(tmp_path: Path) -> None:
    out = revise(tmp_path, scenario_security)
    shares = {s.scope: s for s in out.diff.security}
    assert shares["2021"].crossing == "below" and shares["2022"].crossing == "above"
    assert shares["period"].crossing is None and not shares["period"].changed
    assert shares["2023"].crossing is None
    assert [t.key for t in out.diff.totals if t.changed] == ["appendix1:II", "appendix1:IV"]
    introduced = [f.key() for f in out.diff.findings.introduced]
    resolved = [f.key() for f in out.diff.findings.resolved]
    assert introduced == ["SEC002|2021|@2021"] and resolved == ["SEC002|2022|@2022"]

    assert "2021    17.33%   9.96%  -7.37 pts  now BELOW the minimum 10%" in out.text
    assert "2022     7.38%  13.79%  +6.41 pts  now meets the minimum 10%" in out.text
    assert "| 2021 | 17.33% | 9.96% | -7.37 pts | ⚠️ now BELOW the minimum 10% |" in out.markdown
    assert "| 2022 | 7.38% | 13.79% | +6.41 pts | ✅ now meets the minimum 10% |" in out.markdown
    assert "🆕 introduced: **error** SEC002 information security in 2021" in out.markdown
    assert "✅ resolved: **error** SEC002 information security in 2022" in out.markdown
    security = out.json["security"]
    assert isinstance(security, list)
    y2021 = next(s for s in security if s["scope"] == "2021")
    assert y2021["crossing"] == "below"
    assert y2021["old"] == {
        "amount": 47000,
        "base": 271149,
        "minimum_percent": 10,
        "percent": Decimal("17.33"),
        "ok": True,
        "verdict": "ok",
        "uncertain": 0,
        "upper_percent": None,
    }
    assert y2021["new"]["amount"] == 27000 and y2021["new"]["verdict"] == "short"
    findings = out.json["findings"]
    assert isinstance(findings, dict)
    assert codes(findings["introduced"]) == ["SEC002|2021"] and codes(findings["resolved"]) == ["SEC002|2022"]


# ---------------------------------------------------------------------------------------------
# Details behind the scenarios


def test_same_data_is_no_difference_and_exit_code_0(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "same")
    rows = d.rows(A2)
    d.write_rows(A2, [rows[0], *reversed(rows[1:])])  # reordering changes nothing
    for fmt in ("text", "markdown"):
        code, out = cli("diff", str(DATA), str(d.path), "--format", fmt, "--exit-code")
        assert code == 0 and "No differences." in out
    code, out = cli("diff", str(DATA), str(d.path), "--format", "json", "--exit-code")
    data = json.loads(out)
    assert code == 0 and data["differ"] is False
    assert list(data) == [
        "version",
        "tool",
        "old",
        "new",
        "differ",
        "incomplete",
        "years",
        "tables",
        "totals",
        "security",
        "kpis",
        "claims",
        "plan",
        "findings",
    ]


def test_without_exit_code_a_diff_that_ran_exits_0(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "new")
    scenario_shift(d)
    code, out = cli("diff", str(DATA), str(d.path))
    assert code == 0 and "Appendix I: 1 changed" in out


REWORDED = (
    "Hệ thống phần mềm và CSDL theo dõi thực hiện các dự án đầu tư kinh doanh "
    "có sử dụng đất trên địa bàn tỉnh"
)


def test_renamed_and_renumbered_with_the_same_amounts_is_matched_by_its_figures(tmp_path: Path) -> None:
    """III.9 (now III.10) reworded, its amounts kept: before the figures tier this pair came from the
    similarity of the names (score 92); identical figures held by no other unpaired row are the
    stronger evidence, so it now comes from them — the same pair, with a truer reason."""

    def edit(d: PlanDir) -> None:
        scenario_insert(d)
        d.set_cell(A1, "III.10", "name", REWORDED)

    out = revise(tmp_path, edit)
    p = out.diff.table("appendix1")
    assert [r.id for r in p.added] == ["III.5"] and p.removed == ()
    (renamed,) = p.renamed
    assert (renamed.old.id, renamed.new.id, renamed.match, renamed.score) == (
        "III.9",
        "III.10",
        "figures",
        None,
    )


def test_renamed_and_renumbered_with_other_amounts_is_matched_by_similarity(tmp_path: Path) -> None:
    def edit(d: PlanDir) -> None:
        scenario_insert(d)
        d.set_cell(A1, "III.10", "name", REWORDED)  # III.9 renumbered, reworded, and 50 more in 2021
        d.set_cell(A1, "III.10", "y2021", "600")
        d.set_cell(A1, "III.10", "tmdt", "600")

    out = revise(tmp_path, edit)
    p = out.diff.table("appendix1")
    assert [r.id for r in p.added] == ["III.5"] and p.removed == ()
    (renamed,) = p.renamed
    assert (renamed.old.id, renamed.new.id, renamed.match) == ("III.9", "III.10", "similar")
    assert renamed.score is not None and renamed.score >= 75


def test_units_follow_the_same_rules(tmp_path: Path) -> None:
    def edit(d: PlanDir) -> None:
        delete_row(d, "U9", A2)
        rows = d.rows(A2)
        head = rows[0]
        for row in rows[1:]:  # renumber: U10 -> U9 ...
            k = int(row[head.index("id")][1:])
            if k > 9:
                row[head.index("id")], row[head.index("tt")] = f"U{k - 1}", str(k - 1)
        d.write_rows(A2, rows)
        d.set_cell(A2, "U11", "staff", "95")  # Sở Tài chính (was U12)

    out = revise(tmp_path, edit)
    u = out.diff.table("appendix2")
    assert [r.id for r in u.removed] == ["U9"] and u.added == ()
    (changed,) = u.changed
    assert (changed.old.id, changed.new.id) == ("U12", "U11")
    assert {k: (c.old, c.new) for k, c in changed.changes.items()} == {"staff": (94, 95)}
    assert len(u.renumbered_only) == 11
    # findings about a renumbered unit keep their identity: the NRM001 of Sở Tài chính is new
    assert {(f.code, f.ids) for f in out.diff.findings.introduced} >= {("NRM001", ("U11",))}
    assert not any(f.code == "NRM001" for f in out.diff.findings.resolved)
    assert "Units (Appendix II)" in out.text and "~ U12 → U11" in out.text


def test_plan_yaml_values_that_changed(tmp_path: Path) -> None:
    def edit(d: PlanDir) -> None:
        d.set_yaml("years: {2021: 262318, 2022: 303300,", "years: {2021: 262318, 2022: 303301,")
        d.set_yaml("signer: Đỗ Minh Tuấn", "signer: Nguyễn Văn A")

    out = revise(tmp_path, edit)
    assert [(m.path, m.change.old, m.change.new, m.change.delta) for m in out.diff.meta] == [
        ("identity.signer", "Đỗ Minh Tuấn", "Nguyễn Văn A", None),
        ("appendices.appendix1.declared.years.2022", 303300, 303301, 1),
    ]
    assert "identity.signer" in out.text and "+1" in out.text
    assert "| appendices.appendix1.declared.years.2022 | 303,300 | 303,301 | +1 |" in out.markdown
    assert out.json["plan"] == [
        {"path": "identity.signer", "old": "Đỗ Minh Tuấn", "new": "Nguyễn Văn A", "delta": None},
        {"path": "appendices.appendix1.declared.years.2022", "old": 303300, "new": 303301, "delta": 1},
    ]


def test_data_text_is_never_markup(tmp_path: Path) -> None:
    hostile = "[bold]x[/bold] | <img src=x> `code` [link](http://e) *a* \x1b[31mred"

    def edit(d: PlanDir) -> None:
        d.set_cell(A1, "I.4", "name", hostile)

    out = revise(tmp_path, edit)
    assert "[bold]x[/bold]" in out.text and "\x1b" not in out.text and "\\x1b[31mred" in out.text
    row = next(line for line in out.markdown.splitlines() if line.startswith("| ✏️"))
    assert row.count(" | ") + row.count("| ") - row.count("\\| ") >= 4
    assert re.search(r"(?<!\\)[<>`\[\]]", out.markdown.split("\n", 2)[2]) is None
    assert "\\<img src=x\\>" in out.markdown
    assert "\\[link\\](http://e)" in out.markdown and "\\`code\\`" in out.markdown
    assert "\x1b" not in out.markdown
    # the table keeps its four columns: every unescaped pipe is a cell border
    assert row.replace("\\|", "").count("|") == 5


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_output_file(tmp_path: Path, fmt: str) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "new")
    scenario_shift(d)
    target = tmp_path / f"out.{fmt}"
    code, out = cli("diff", str(DATA), str(d.path), "--format", fmt, "--output", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "8,000" in text or '"old": 8000' in text


def test_a_side_whose_plan_cannot_be_read_exits_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    d = PlanDir.copy_of(DATA, tmp_path / "broken")
    d.write(PLAN, "identity: [not, a, mapping\n")
    out = subprocess.run(
        [sys.executable, "-m", "plan272", "diff", str(DATA), str(d.path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("plan272: error: cannot read the plan of ") and "Traceback" not in out.stderr


# ---------------------------------------------------------------------------------------------
# In Vietnamese


def _everything(d: PlanDir) -> None:
    scenario_insert(d)
    scenario_rename(d)
    scenario_shift(d)
    scenario_move(d)
    scenario_weaken(d)
    scenario_security(d)
    delete_row(d, "III.24")
    d.set_yaml("signer: Đỗ Minh Tuấn", "signer: Nguyễn Văn A")


def test_diff_in_vietnamese(tmp_path: Path) -> None:
    d = PlanDir.copy_of(DATA, tmp_path / "new")
    scenario_security(d)
    code, text = cli("diff", str(DATA), str(d.path), "--lang", "vi")
    assert code == 0
    assert "2021          17,33%   9,96%  -7,37 điểm %  nay DƯỚI mức tối thiểu 10%" in text
    assert "2022           7,38%  13,79%  +6,41 điểm %  nay đạt mức tối thiểu 10%" in text
    assert "cả giai đoạn" in text and "Tổng (triệu đồng; các phạm vi có thay đổi)" in text
    assert "Phụ lục I, nhóm IV — AN TOÀN THÔNG TIN" in text
    assert "  cũ   47.000  23.000" in text and "  mới  27.000  43.000" in text
    assert "+ lỗi       SEC002" in text
    assert "năm 2021: 27.000 trên 271.149 triệu đồng là 9,96%" in " ".join(text.split())
    code, markdown = cli("diff", str(DATA), str(d.path), "--lang", "vi", "--format", "markdown")
    assert "| 2021 | 17,33% | 9,96% | -7,37 điểm % | ⚠️ nay DƯỚI mức tối thiểu 10% |" in markdown
    assert "🆕 mới: **lỗi** SEC002 an toàn thông tin năm 2021" in markdown
    assert "✅ đã khắc phục: **lỗi** SEC002 an toàn thông tin năm 2022" in markdown
    # the machine format differs only in the findings' messages
    en = json.loads(cli("diff", str(DATA), str(d.path), "--format", "json")[1])
    vi = json.loads(cli("diff", str(DATA), str(d.path), "--format", "json", "--lang", "vi")[1])
    for doc in (en, vi):
        for side in ("introduced", "resolved"):
            for finding in doc["findings"][side]:
                finding.pop("message")
    assert en == vi


ENGLISH = re.compile(
    r"\b(added|removed|moved|renamed|changed|unchanged|renumbered|introduced|resolved|Totals|Security|"
    r"share|minimum|pts|WEAKER|weaker|group|years total|target|indicator|claim|Findings|Targets|old|new|"
    r"period|total|error|warning|of|the|and)\b"
)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_english_words_in_a_vietnamese_diff(tmp_path: Path, fmt: str) -> None:
    """Every word the diff writes itself is Vietnamese: what remains in English is the data's own text
    (paths, keys, ids), which the check removes first."""
    d = PlanDir.copy_of(DATA, tmp_path / "new")
    _everything(d)
    code, out = cli("diff", str(DATA), str(d.path), "--lang", "vi", "--format", fmt, "--exit-code")
    assert code == 1
    assert "Chỉ tiêu" in out and ("GIẢM MỨC" in out or "giảm mức" in out)
    own = re.sub(r"\S*(/|\.yaml|\.csv|_)\S*|\\?\[[a-z0-9.]+\\?\]|national-reporting|plan272 diff", " ", out)
    own = own.replace(str(DATA), " ").replace(str(d.path), " ")
    assert ENGLISH.findall(own) == []
