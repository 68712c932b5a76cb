"""``plan272 diff`` pairs rows by their figures: a row whose total and every yearly amount are those
of exactly one unpaired row of the other side (and that row's are its alone) is the same row, even
when its id, number, name and group all changed — and every format says why they were paired."""

from __future__ import annotations

import json
import random
from pathlib import Path

from entry import run_main
from plan272.diff import PlanDiff, diff_plans, match_rows
from plan272.engine import run
from plan272.load import load_plan
from plan272.model import Project
from plan272.problems import Location
from plandir import A1, DATA, PlanDir

ENV = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
#: a wholly different name: no word in common with III.22's ("Xây dựng phần mềm thu thập thông tin và
#: đánh giá bộ chỉ số chuyển đổi số tỉnh Thanh Hóa")
OTHER_NAME = "Trang bị thiết bị hội nghị truyền hình cho Ủy ban nhân dân cấp xã"
SECOND_NAME = "Đào tạo kỹ năng số cho đội ngũ công chức"


def to_front(d: PlanDir, row_id: str, group: str, name: str) -> None:
    """Rename ``row_id`` wholly and put it first in ``group`` (its section set to ``group``), then
    number every group afresh (tt 1, 2, …; id GROUP.tt) as a reviser's spreadsheet does."""
    rows = d.rows(A1)
    head = rows[0]
    col = {c: head.index(c) for c in head}
    row = rows.pop(d.index_of(A1, row_id))
    row[col["name"]], row[col["section"]] = name, group
    first = next(i for i, r in enumerate(rows) if i and r[col["section"]] == group)
    rows.insert(first, row)
    seen: dict[str, int] = {}
    for r in rows[1:]:
        seen[r[col["section"]]] = seen.get(r[col["section"]], 0) + 1
        r[col["tt"]] = str(seen[r[col["section"]]])
        r[col["id"]] = f"{r[col['section']]}.{seen[r[col['section']]]}"
    d.write_rows(A1, rows)


def revised(tmp_path: Path, edit: object) -> tuple[Path, PlanDiff]:
    PlanDir.copy_of(DATA, tmp_path / "data")
    d = PlanDir.copy_of(DATA, tmp_path / "rev")
    assert callable(edit)
    edit(d)
    old, new = load_plan(DATA), load_plan(d.path)
    assert old.plan is not None and new.plan is not None, new.problems
    return d.path, diff_plans(old.plan, new.plan, run(old), run(new))


def diff(rev: Path, *args: str) -> str:
    out = run_main(["diff", "data", rev.name, *args], rev.parent, ENV)
    assert out.returncode == 0, out.stderr
    return out.stdout


# ---------------------------------------------------------------------------------------------
# The shipped plan, revised


def test_a_project_renumbered_and_wholly_renamed_is_paired_by_its_figures(tmp_path: Path) -> None:
    """III.22 (TMĐT 5,500: 3,000, 1,000, 500, 500, 500) renamed to something else entirely and put
    first in group III: III.1 now. Id, tt and name all differ; its figures are its alone."""
    rev, d = revised(tmp_path, lambda d: to_front(d, "III.22", "III", OTHER_NAME))
    p = d.table("appendix1")
    assert p.added == () and p.removed == ()
    (pair,) = p.renamed
    assert (pair.old.id, pair.new.id, pair.old.tt, pair.new.tt) == ("III.22", "III.1", 22, 1)
    assert (pair.match, pair.score, pair.new.name) == ("figures", None, OTHER_NAME)
    assert list(pair.changes) == ["name"] and not pair.moved
    # the rows it passed are renumbered only, each paired by its name
    assert [(x.old.id, x.new.id) for x in p.renumbered_only] == [
        (f"III.{k}", f"III.{k + 1}") for k in range(1, 22)
    ]
    # the findings did not change: the same plan, a row renamed and renumbered
    assert d.findings.empty and d.findings.unchanged == 9

    text = " ".join(diff(rev).split())
    assert "Appendix I: 1 renamed, 21 renumbered" in text
    assert f"~ III.22 → III.1 {OTHER_NAME} [renamed (matched by identical figures)]" in text
    markdown = diff(rev, "--format", "markdown")
    (row,) = [line for line in markdown.splitlines() if line.startswith("| ✏️ |")]
    assert row.startswith(f"| ✏️ | III.22 → III.1 | {OTHER_NAME} | renamed from “Xây dựng phần mềm thu thập")
    assert row.endswith("; matched by identical figures (total and every yearly amount) |")
    doc = json.loads(diff(rev, "--format", "json"))
    table = doc["tables"]["appendix1"]
    assert table["added"] == [] and table["removed"] == []
    assert [(r["old_id"], r["new_id"], r["match"], r["score"]) for r in table["renamed"]] == [
        ("III.22", "III.1", "figures", None)
    ]
    (changed,) = table["changed"]
    assert (changed["old_id"], changed["new_id"], changed["match"]) == ("III.22", "III.1", "figures")
    vi = " ".join(diff(rev, "--lang", "vi").split())
    assert "[đổi tên (ghép theo số liệu trùng khớp)]" in vi
    vi_md = diff(rev, "--lang", "vi", "--format", "markdown")
    assert "ghép theo số liệu trùng khớp (tổng và từng năm) |" in vi_md


def test_a_project_moved_renumbered_and_renamed_is_paired_by_its_figures(tmp_path: Path) -> None:
    rev, d = revised(tmp_path, lambda d: to_front(d, "III.22", "I", OTHER_NAME))
    p = d.table("appendix1")
    assert p.added == () and p.removed == ()
    (pair,) = p.renamed
    assert (pair.old.id, pair.new.id, pair.match) == ("III.22", "I.1", "figures")
    assert pair.moved and set(pair.changes) == {"name", "section"}
    text = " ".join(diff(rev).split())
    assert (
        f"~ III.22 → I.1 {OTHER_NAME} [moved: group III → I; renamed (matched by identical figures)]" in text
    )


def test_figures_shared_by_two_unpaired_rows_pair_neither(tmp_path: Path) -> None:
    """II.4 and III.2 hold the same figures (TMĐT 10,000: 2,000 a year). Both renamed wholly and
    renumbered: the figures cannot tell which new row is which old one — they are not paired, and
    the diff says two removed and two added rather than guess."""

    def edit(d: PlanDir) -> None:
        to_front(d, "II.4", "II", OTHER_NAME)
        to_front(d, "III.2", "III", SECOND_NAME)

    _, d = revised(tmp_path, edit)
    p = d.table("appendix1")
    assert sorted(r.id for r in p.removed) == ["II.4", "III.2"]
    assert sorted((r.id, r.name) for r in p.added) == [("II.1", OTHER_NAME), ("III.1", SECOND_NAME)]
    assert not any(x.match == "figures" for x in p.pairs)


def test_figures_of_one_row_matching_two_on_the_other_side_pair_none(tmp_path: Path) -> None:
    """III.2 renamed wholly and renumbered, and a new project of the same figures added: one old row,
    two new rows with its figures — ambiguous, so neither is paired by figures (nor the other way)."""

    def edit(d: PlanDir) -> None:
        to_front(d, "III.2", "III", OTHER_NAME)
        rows = d.rows(A1)
        head = rows[0]
        new = ["" for _ in head]
        for column, value in {
            "id": "I.7", "section": "I", "tt": "7", "name": SECOND_NAME, "investor": "Sở Nội vụ",
            "tmdt": "10000", **{f"y{y}": "2000" for y in range(2021, 2026)},
        }.items():  # fmt: skip
            new[head.index(column)] = value
        last = max(i for i, r in enumerate(rows) if i and r[head.index("section")] == "I")
        rows.insert(last + 1, new)
        d.write_rows(A1, rows)

    rev, d = revised(tmp_path, edit)
    p = d.table("appendix1")
    assert [r.id for r in p.removed] == ["III.2"]
    assert sorted(r.id for r in p.added) == ["I.7", "III.1"]
    assert not any(x.match == "figures" for x in p.pairs)
    # and the other way round: two old rows, one new one
    old, new = load_plan(rev), load_plan(DATA)
    assert old.plan is not None and new.plan is not None
    back = diff_plans(old.plan, new.plan, None, None).table("appendix1")
    assert sorted(r.id for r in back.removed) == ["I.7", "III.1"] and [r.id for r in back.added] == ["III.2"]


# ---------------------------------------------------------------------------------------------
# match_rows itself


def project(ident: str, name: str, total: int, years: dict[int, int], **more: object) -> Project:
    return Project(
        appendix="a",
        id=ident,
        section=str(more.pop("section", "A")),
        tt=None,
        name=name,
        investor="x",
        total=total,
        years=years,
        location=Location("a.csv", 2),
        **more,  # type: ignore[arg-type]
    )


def how(old: list[Project], new: list[Project]) -> list[tuple[str, str, str]]:
    pairs, _, _ = match_rows(old, new)
    return sorted((old[i].id, new[j].id, match) for i, j, match, _ in pairs)


def test_all_zero_rows_are_never_paired_by_figures() -> None:
    """Every empty row has the same figures: they say nothing of which row is which."""
    old = [project("A1", "Xây dựng kho dữ liệu", 0, {2021: 0, 2022: 0})]
    new = [project("B7", "Đào tạo nhân lực", 0, {2021: 0, 2022: 0})]
    assert how(old, new) == []
    assert how(
        [project("A1", "Xây dựng kho dữ liệu", 0, {2021: 5})], [project("B7", "Đào tạo", 0, {2021: 5})]
    ) == [("A1", "B7", "figures")]


def test_a_row_with_an_unreadable_amount_is_not_paired_by_figures() -> None:
    """A cell that could not be read holds 0 in the model: no figure to match on."""
    old = [project("A1", "Xây dựng kho dữ liệu", 500, {2021: 500, 2022: 0})]
    new = [project("B7", "Đào tạo nhân lực", 500, {2021: 500, 2022: 0}, unreadable=frozenset({"y2022"}))]
    assert how(old, new) == []
    new = [project("B7", "Đào tạo nhân lực", 500, {2021: 500, 2022: 0})]
    assert how(old, new) == [("A1", "B7", "figures")]


def test_figures_compare_every_amount_column() -> None:
    base = project("A1", "Xây dựng kho dữ liệu", 500, {2021: 200, 2022: 300})
    # a year of 0 and a year outside the period are the same; any other difference is not
    assert how([base], [project("B7", "Khác hẳn", 500, {2021: 200, 2022: 300, 2026: 0})]) == [
        ("A1", "B7", "figures")
    ]
    for other in (
        project("B7", "Khác hẳn", 501, {2021: 200, 2022: 300}),  # the total
        project("B7", "Khác hẳn", 500, {2021: 300, 2022: 200}),  # the years swapped
        project("B7", "Khác hẳn", 500, {2021: 200, 2022: 300}, attt=100),  # the security part
        project("B7", "Khác hẳn", 500, {2021: 200, 2022: 300}, columns={"odа": 50}),  # a column
    ):
        assert how([base], [other]) == [], other


def test_earlier_tiers_come_first_and_the_figures_tier_before_similarity() -> None:
    """The same id and the same figures stay an "id" pair (tier 3); a renamed row with identical
    figures is a "figures" pair even when another row's name is similar to it."""
    old = [project("A1", "Hệ thống quản lý văn bản điều hành", 800, {2021: 800})]
    assert how(old, [project("A1", "Cổng dịch vụ công", 800, {2021: 800})]) == [("A1", "A1", "id")]
    old = [
        project("A1", "Hệ thống quản lý văn bản điều hành", 800, {2021: 800}),
        project("A2", "Hệ thống quản lý văn bản", 700, {2021: 700}),
    ]
    new = [
        project("B1", "Hệ thống quản lý văn bản điều hành tỉnh", 700, {2021: 700}),  # A2's figures
        project("B2", "Cổng dịch vụ công", 800, {2021: 800}),  # A1's figures
    ]
    assert how(old, new) == [("A1", "B2", "figures"), ("A2", "B1", "figures")]
    assert sorted((b, a, m) for a, b, m in how(new, old)) == sorted((a, b, m) for a, b, m in how(old, new))


def test_pairing_by_figures_is_linear_in_the_rows() -> None:
    """3,000 rows a side, every id and name changed, each row's figures its own: all paired by
    figures, from as many candidates as pairs (hashed, never every row against every other)."""
    rng = random.Random(11)
    old, new = [], []
    for k in range(3000):
        years = {y: rng.randint(1, 10**6) for y in range(2021, 2026)}
        old.append(project(f"O{k}", f"tên cũ {k}", sum(years.values()), years))
        new.append(project(f"N{k}", f"dự án mới số {k}", sum(years.values()), years))
    rng.shuffle(new)
    stats: dict[str, int] = {}
    pairs, free_old, free_new = match_rows(old, new, stats)
    assert free_old == [] and free_new == []
    assert all(match == "figures" and old[i].id[1:] == new[j].id[1:] for i, j, match, _ in pairs)
    assert stats["figures"] == 3000


def test_an_id_on_several_rows_is_not_paired_at_once_by_it() -> None:
    """The common pair (one row of its id on each side, the same name) is paired at once; an id on
    two rows of either side is paired by the ordered tier instead — the closest amounts first."""
    a1 = project("A1", "Kho dữ liệu", 100, {2021: 100})
    twin = project("A1", "Kho dữ liệu", 300, {2021: 300})
    near = project("A1", "Kho dữ liệu", 290, {2021: 290})
    b2 = project("B2", "Đào tạo", 50, {2021: 50})
    stats: dict[str, int] = {}
    pairs, free_old, free_new = match_rows([a1, b2], [a1, b2], stats)
    assert sorted((i, j, m) for i, j, m, _ in pairs) == [(0, 0, "id"), (1, 1, "id")]
    assert stats["id-contested"] == 0 and stats["id"] == 2  # both at once, no candidate ordered
    # two A1 on the new side: the old A1 (300) goes to the nearer (290), the other stays new
    pairs, free_old, free_new = match_rows([twin, b2], [a1, near, b2], stats := {})
    assert sorted((i, j, m) for i, j, m, _ in pairs) == [(0, 1, "id"), (1, 2, "id")]
    assert (free_old, free_new) == ([], [0]) and stats["id-contested"] == 2
    # and the same with the two on the old side
    pairs, free_old, free_new = match_rows([a1, near, b2], [twin, b2], stats := {})
    assert sorted((i, j, m) for i, j, m, _ in pairs) == [(1, 0, "id"), (2, 1, "id")]
    assert (free_old, free_new) == ([0], []) and stats["id-contested"] == 2
