"""Properties of ``diff_plans`` over generated revisions of the shipped plan (hypothesis):
diff(a, a) and diff(a, shuffled a) are empty, diff(b, a) is the inverse of diff(a, b), and the
reported total deltas are the difference of the two sides' totals."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan272.diff import PlanDiff, diff_plans
from plan272.engine import Report, run
from plan272.load import LoadResult, load_plan
from plan272.model import Plan, Project, Row, Target, Unit
from plan272.problems import Location
from plandir import DATA
from plans import WHERE, with_rows

YEARS = tuple(range(2021, 2026))
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def base() -> Plan:
    result = load_plan(DATA)
    assert result.plan is not None
    return result.plan


def report(plan: Plan) -> Report:
    return run(LoadResult(plan, [], WHERE))


def diff(a: Plan, b: Plan) -> PlanDiff:
    return diff_plans(a, b, report(a), report(b))


def renumber(rows: Sequence[Row], with_ids: bool) -> list[Any]:
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        seen[row.section] += 1
        update: dict[str, Any] = {"tt": seen[row.section]}
        if with_ids:
            update["id"] = f"{row.section}.{seen[row.section]}"
        out.append(dataclasses.replace(row, **update))
    return out


names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40)
amounts = st.lists(st.integers(0, 60_000), min_size=5, max_size=5)


@st.composite
def revisions(draw: st.DrawFn) -> Plan:
    """The shipped plan after a few edits a reviser makes: amounts, insertions (renumbering the
    group), deletions, renames, moves, unit changes, a target, a declared total; rows shuffled."""
    plan = base()
    projects: list[Project] = list(plan.rows("appendix1"))
    units: list[Unit] = list(plan.rows("appendix2"))
    meta = plan.meta
    structural = False
    for _ in range(draw(st.integers(0, 4))):
        op = draw(
            st.sampled_from(
                ["amount", "insert", "delete", "rename", "move", "unit", "unit-delete", "target", "yaml"]
            )
        )
        if op == "amount" and projects:
            i = draw(st.integers(0, len(projects) - 1))
            years = dict(zip(YEARS, draw(amounts), strict=True))
            tmdt = draw(st.sampled_from([sum(years.values()), projects[i].total]))
            projects[i] = dataclasses.replace(projects[i], years=years, total=tmdt)
        elif op == "insert":
            i = draw(st.integers(0, len(projects)))
            section = draw(st.sampled_from(["I", "II", "III", "IV"]))
            years = dict(zip(YEARS, draw(amounts), strict=True))
            new = Project(
                appendix="appendix1",
                id="new",
                section=section,
                tt=None,
                name=draw(names),
                investor="Sở Thông tin và Truyền thông",
                total=sum(years.values()),
                years=years,
                agency_id="so-tttt",
                location=Location("inserted.csv"),
            )
            projects.insert(i, new)
            structural = True
        elif op == "delete" and projects:
            del projects[draw(st.integers(0, len(projects) - 1))]
            structural = True
        elif op == "rename" and projects:
            i = draw(st.integers(0, len(projects) - 1))
            name = draw(st.one_of(names, st.just(projects[i].name + " (giai đoạn 2)")))
            projects[i] = dataclasses.replace(projects[i], name=name)
        elif op == "move" and projects:
            i = draw(st.integers(0, len(projects) - 1))
            section = draw(st.sampled_from(["I", "II", "III", "IV"]))
            projects.append(dataclasses.replace(projects.pop(i), section=section))
            structural = True
        elif op == "unit" and units:
            i = draw(st.integers(0, len(units) - 1))
            staff = draw(st.integers(0, 200))
            units[i] = dataclasses.replace(units[i], staff=staff, years=dict.fromkeys(YEARS, 2 * staff))
        elif op == "unit-delete" and units:
            del units[draw(st.integers(0, len(units) - 1))]
        elif op == "target":
            k = draw(st.integers(0, len(meta.kpis) - 1))
            kpi = meta.kpis[k]
            statement = kpi.statements[0]
            year = next(iter(statement.targets))
            value = draw(st.integers(0, 100))
            statement = statement.model_copy(
                update={"targets": {**statement.targets, year: Target(low=value, high=value)}}
            )
            kpi = kpi.model_copy(update={"statements": [statement, *kpi.statements[1:]]})
            meta = meta.model_copy(update={"kpis": [*meta.kpis[:k], kpi, *meta.kpis[k + 1 :]]})
        elif op == "yaml":
            declared = meta.appendices[0].declared
            declared = declared.model_copy(update={"total": declared.total + draw(st.integers(-5000, 5000))})
            appendix = meta.appendices[0].model_copy(update={"declared": declared})
            meta = meta.model_copy(update={"appendices": [appendix, *meta.appendices[1:]]})
    if structural:
        projects.sort(key=lambda p: ["I", "II", "III", "IV"].index(p.section))  # stable: keeps order
        projects = renumber(projects, with_ids=True)
    revised = plan.model_copy(
        update={"tables": {"appendix1": tuple(projects), "appendix2": tuple(units)}, "meta": meta}
    )
    return shuffled(revised, draw(st.randoms(use_true_random=False)))


def shuffled(plan: Plan, rng: Any) -> Plan:
    projects, units = list(plan.rows("appendix1")), list(plan.rows("appendix2"))
    rng.shuffle(projects)
    rng.shuffle(units)
    return plan.model_copy(update={"tables": {"appendix1": tuple(projects), "appendix2": tuple(units)}})


# ---------------------------------------------------------------------------------------------
# A diff as a comparable value, and its inverse


def _rows(d: Any) -> dict[str, Any]:
    return {
        "added": sorted((r.id, r.name) for r in d.added),
        "removed": sorted((r.id, r.name) for r in d.removed),
        "pairs": sorted(
            (p.old.id, p.new.id, tuple(sorted((k, repr(c.old), repr(c.new)) for k, c in p.changes.items())))
            for p in d.pairs
        ),
    }


def _inverse_rows(rows: dict[str, Any]) -> dict[str, Any]:
    return {
        "added": rows["removed"],
        "removed": rows["added"],
        "pairs": sorted((b, a, tuple(sorted((k, n, o) for k, o, n in ch))) for a, b, ch in rows["pairs"]),
    }


def summary(d: PlanDiff) -> dict[str, Any]:
    return {
        "projects": _rows(d.table("appendix1")),
        "units": _rows(d.table("appendix2")),
        "totals": [
            (t.key, [(y, c.old, c.new) for y, c in t.years.items()], t.total.old, t.total.new)
            for t in d.totals
        ],
        "security": [(s.scope, s.old, s.new) for s in d.security],
        "kpis": (
            sorted(d.kpis.added),
            sorted(d.kpis.removed),
            sorted((t.kpi, t.where, t.year, repr(t.old), repr(t.new)) for t in d.kpis.targets),
        ),
        "meta": sorted((m.path, repr(m.change.old), repr(m.change.new)) for m in d.meta),
        "introduced": sorted(f.key() for f in d.findings.introduced),
        "resolved": sorted(f.key() for f in d.findings.resolved),
        "unchanged": d.findings.unchanged,
        "worsened": sorted((c.old.key(), c.new.key(), *map(repr, c.figures)) for c in d.findings.worsened),
        "improved": sorted((c.old.key(), c.new.key(), *map(repr, c.figures)) for c in d.findings.improved),
    }


def inverse(s: dict[str, Any]) -> dict[str, Any]:
    added, removed, targets = s["kpis"]
    return {
        "projects": _inverse_rows(s["projects"]),
        "units": _inverse_rows(s["units"]),
        "totals": [(k, [(y, n, o) for y, o, n in years], tn, to) for k, years, to, tn in s["totals"]],
        "security": [(scope, n, o) for scope, o, n in s["security"]],
        "kpis": (removed, added, sorted((k, w, y, n, o) for k, w, y, o, n in targets)),
        "meta": sorted((p, n, o) for p, o, n in s["meta"]),
        "introduced": s["resolved"],
        "resolved": s["introduced"],
        "unchanged": s["unchanged"],
        # what got worse one way got better the other, with the figures the other way round
        "worsened": sorted((n, o, fn, fo) for o, n, fo, fn in s["improved"]),
        "improved": sorted((n, o, fn, fo) for o, n, fo, fn in s["worsened"]),
    }


# ---------------------------------------------------------------------------------------------


def test_diff_of_a_plan_with_itself_is_empty() -> None:
    d = diff(base(), base())
    assert d.empty and d.findings.unchanged == len(report(base()).findings)
    assert d.findings.worsened == () and d.findings.improved == ()
    assert not any(t.changed for t in d.totals) and not any(s.changed for s in d.security)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_diff_with_shuffled_rows_is_empty(rng: Any) -> None:
    d = diff(base(), shuffled(base(), rng))
    assert d.empty


@SETTINGS
@given(revisions())
def test_diff_of_a_revision_with_itself_shuffled_is_empty(plan: Plan) -> None:
    import random

    assert diff(plan, shuffled(plan, random.Random(7))).empty


@SETTINGS
@given(revisions(), revisions())
def test_reverse_diff_is_the_inverse(a: Plan, b: Plan) -> None:
    assert summary(diff(b, a)) == inverse(summary(diff(a, b)))


@SETTINGS
@given(revisions())
def test_every_finding_is_counted_once(b: Plan) -> None:
    """Each side's findings are its own-side list (introduced / resolved), the findings of both sides
    whose figures moved (worsened, improved) and the unchanged ones — none twice, none lost; and a
    worsened finding is worse by the shared definition (``findings.trend``)."""
    from plan272.findings import Figures, trend

    a = base()
    d = diff(a, b)
    f = d.findings
    both = len(f.worsened) + len(f.improved) + f.unchanged
    assert len(report(b).findings) == len(f.introduced) + both
    assert len(report(a).findings) == len(f.resolved) + both
    assert all(trend(Figures.of(c.old), Figures.of(c.new)) == "worse" for c in f.worsened)
    assert all(trend(Figures.of(c.old), Figures.of(c.new)) == "better" for c in f.improved)
    assert all(c.old.code == c.new.code for c in (*f.worsened, *f.improved))


def _sums(rows: Sequence[Row]) -> tuple[dict[int, int], int]:
    total = sum(r.total if isinstance(r, Project) else r.total if isinstance(r, Unit) else 0 for r in rows)
    return {y: sum(r.years.get(y, 0) for r in rows) for y in YEARS}, total


@SETTINGS
@given(revisions())
def test_total_deltas_are_the_difference_of_the_totals(b: Plan) -> None:
    a = base()
    d = diff(a, b)
    scopes: dict[str, tuple[Sequence[Row], Sequence[Row]]] = {
        "appendix1": (a.rows("appendix1"), b.rows("appendix1")),
        "appendix2": (a.rows("appendix2"), b.rows("appendix2")),
        "grand": ((*a.rows("appendix1"), *a.rows("appendix2")), (*b.rows("appendix1"), *b.rows("appendix2"))),
    }
    for section in ("I", "II", "III", "IV"):
        scopes[f"appendix1:{section}"] = (
            [p for p in a.rows("appendix1") if p.section == section],
            [p for p in b.rows("appendix1") if p.section == section],
        )
    scopes["appendix2:I"] = (a.rows("appendix2"), b.rows("appendix2"))
    lines = {t.key: t for t in d.totals}
    assert set(lines) == set(scopes)
    for key, (old_rows, new_rows) in scopes.items():
        (old_years, old_total), (new_years, new_total) = _sums(old_rows), _sums(new_rows)
        line = lines[key]
        assert line.total.delta == new_total - old_total, key
        assert {y: c.delta for y, c in line.years.items()} == {
            y: new_years[y] - old_years[y] for y in YEARS
        }, key
    # the rows' own deltas add up to the appendix total too
    appendix1 = lines["appendix1"]
    added = sum(r.total for r in d.table("appendix1").added) - sum(
        r.total for r in d.table("appendix1").removed
    )
    changed = sum(
        int(p.changes["tmdt"].delta or 0) for p in d.table("appendix1").pairs if "tmdt" in p.changes
    )
    assert appendix1.total.delta == added + changed


def _content(row: Row) -> str:
    """A row's values but its place, as comparable text."""
    return repr([getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "location"])


@SETTINGS
@given(revisions())
def test_a_revision_differs_exactly_when_its_content_differs(b: Plan) -> None:
    a = base()
    d = diff(a, b)
    same = (
        sorted(_content(p) for p in a.rows("appendix1")) == sorted(_content(p) for p in b.rows("appendix1"))
        and sorted(_content(u) for u in a.rows("appendix2"))
        == sorted(_content(u) for u in b.rows("appendix2"))
        and a.meta == b.meta
    )
    assert d.empty == same


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_every_format_renders_any_revision(b: Plan) -> None:
    import json
    from decimal import Decimal

    from plan272.views import diff as views

    d = diff(base(), b)
    labels = ("old", "new")
    assert views.render(d, "text", labels, "0", to_file=True).startswith("plan272 diff old → new\n")
    assert views.render(d, "markdown", labels, "0").startswith("### plan272 diff: old → new\n")
    data = json.loads(views.render(d, "json", labels, "0"), parse_float=Decimal)
    assert data["differ"] is not d.empty
    assert len(data["tables"]["appendix1"]["added"]) == len(d.table("appendix1").added)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_markdown_text_is_always_literal(text: str) -> None:
    import re

    from plan272.views.diff.markdown import md

    out = md(text)
    assert "\n" not in out and "\r" not in out
    # every character that could format, link, open HTML or split a table cell is escaped
    # @ and # become the entities &#64; and &#35; (no mention, no issue link), the only bare "&"
    bare = out.replace("&#64;", "").replace("&#35;", "")
    assert re.search(r"(?<!\\)(?:\\\\)*[`*_\[\]<>|&~@#]", bare.replace("\\\\", "")) is None


def test_swapped_ids_keep_findings_with_their_rows() -> None:
    """I.2 and I.3 swap ids; a new row-sum error on the row now called I.2 is introduced (it
    concerns the old I.3), not taken for the old I.2."""
    projects = []
    for p in base().rows("appendix1"):
        if p.id == "I.2":
            p = dataclasses.replace(p, id="I.3", tt=3)
        elif p.id == "I.3":
            p = dataclasses.replace(p, id="I.2", tt=2, total=p.total + 1)
        projects.append(p)
    d = diff(base(), with_rows(base(), "appendix1", tuple(projects)))
    assert [(x.old.id, x.new.id, list(x.changes)) for x in d.table("appendix1").pairs] == [
        ("I.2", "I.3", []),
        ("I.3", "I.2", ["tmdt"]),
    ]
    assert "SUM001|I.2" in [f.key() for f in d.findings.introduced] and d.findings.resolved == ()


@SETTINGS
@given(revisions(), revisions())
def test_identities_made_for_the_rows_findings_name_give_the_same_diff(a: Plan, b: Plan) -> None:
    """diff makes a row's identity across the revisions only for the ids the findings name: the
    findings compare exactly as with an identity for every row."""
    import plan272.diff as diffing

    narrow = diff(a, b)
    original = diffing._rows_diff

    def every_row(appendix: Any, old: Any, new: Any, named: Any = None) -> Any:
        return original(appendix, old, new, None)

    diffing._rows_diff = every_row  # type: ignore[assignment]
    try:
        wide = diff(a, b)
    finally:
        diffing._rows_diff = original
    assert narrow.findings == wide.findings
    assert narrow == wide
