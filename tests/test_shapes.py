"""Properties over plans of random shape (hypothesis), through the files and the loader: any period,
one to three appendices of any kind, with or without groups, totals within or beyond the period,
funding-source columns, a norm that may be 1.5, marks, a grand total with a part no table itemises.

- A plan consistent by construction has no error and no warning at all.
- One changed yearly cell gives exactly one SUM001 at its row and one SUM002 for that year (for
  the appendix, and for the group when the group declares its totals), and no other SUM finding.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan272.engine import run
from plan272.load import LoadResult, load_plan
from shapes import identity, write_plan

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("Sở A", "Sở B", "Sở C")
NORMS = (Decimal(1), Decimal(2), Decimal("1.5"), Decimal("0.5"))


@dataclass
class Row:
    id: str
    section: str
    years: dict[int, int]
    total: int
    columns: dict[str, int] = field(default_factory=dict)
    staff: int = 0
    note: str = ""
    attt: int | None = None
    name: str = "Sở A"


@dataclass
class Table:
    id: str
    kind: str
    row_total: str
    groups: list[str]
    declared_groups: set[str]
    columns: list[str]
    rows: list[Row]
    norm: Decimal | None = None
    marked: list[str] = field(default_factory=list)

    @property
    def total_column(self) -> str:
        return "tmdt" if self.kind == "projects" else "total"

    def period(self, row: Row) -> int:
        return row.total if self.row_total == "period" else sum(row.years.values())


@dataclass
class Shape:
    years: list[int]
    tables: list[Table]
    reserve: int  # a part of the grand total no table itemises


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    start = draw(st.integers(2020, 2030))
    years = list(range(start, start + draw(st.integers(1, 5))))
    amount = st.integers(0, 5_000)
    tables = []
    for t in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["projects", "units", "lines"]))
        row_total = "period" if kind == "units" else draw(st.sampled_from(["period", "whole"]))
        groups = [f"G{g}" for g in range(draw(st.integers(0, 3)))]
        declared_groups = {g for g in groups if draw(st.booleans())}
        columns = [f"c{c}" for c in range(draw(st.integers(0, 2)))] if kind != "units" else []
        norm = draw(st.sampled_from(NORMS)) if kind == "units" else None
        table = Table(f"t{t}", kind, row_total, groups, declared_groups, columns, [], norm)
        for g in groups or [""]:
            for r in range(draw(st.integers(0, 3))):
                row = Row(f"t{t}-{g}-{r}", g, {}, 0, name=draw(st.sampled_from(NAMES)))
                if kind == "units":
                    assert norm is not None
                    staff = draw(st.integers(0, 60))
                    row.staff = staff * 2 if norm != norm.to_integral_value() else staff
                    base = row.staff * norm
                    marked = draw(st.booleans())
                    bonus = draw(amount) if marked else 0
                    row.years = {y: int(base) + bonus for y in years}
                    if marked:
                        row.note = "*"
                        table.marked.append(row.id)
                else:
                    row.years = {y: draw(amount) for y in years}
                row.total = sum(row.years.values()) + (draw(amount) if row_total == "whole" else 0)
                if len(columns) == 2:  # two sources that split the total
                    first = draw(st.integers(0, row.total))
                    row.columns = {"c0": first, "c1": row.total - first}
                elif columns:
                    row.columns = {"c0": draw(amount)}
                if kind == "projects" and row_total == "period" and draw(st.booleans()):
                    row.attt = -(-row.total // 5)  # a fifth of the project, rounded up
                table.rows.append(row)
        tables.append(table)
    return Shape(years, tables, draw(st.integers(0, 3_000)))


def _declared(table: Table, rows: list[Row], years: list[int]) -> dict[str, Any]:
    return {
        "total": sum(r.total for r in rows),
        "years": {y: sum(r.years[y] for r in rows) for y in years},
        "columns": {c: sum(r.columns.get(c, 0) for r in rows) for c in table.columns},
    }


def _floor(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _minimum(shape: Shape) -> Decimal:
    """The smallest security share the plan has (in every scope), cut to 2 places, at most 10%."""
    counted = shape.tables[0]
    group = counted.groups[0] if counted.groups else None
    whole = [r for r in counted.rows if group is not None and r.section == group]
    partial = [r for t in shape.tables for r in t.rows if r.attt and r not in whole]
    amount = sum(counted.period(r) for r in whole) + sum(r.attt or 0 for r in partial)
    base = sum(t.period(r) for t in shape.tables for r in t.rows)
    shares = [Decimal(amount) * 100 / base] if base else []
    for year in shape.years:
        year_base = sum(r.years[year] for t in shape.tables for r in t.rows)
        if year_base:
            shares.append(Decimal(sum(r.years[year] for r in whole)) * 100 / year_base)
    return min([Decimal(10), *(_floor(s) for s in shares)])


def _group(table: Table, group: str, years: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": group, "title": f"Nhóm {group}"}
    if group in table.declared_groups:
        out["declared"] = _declared(table, [r for r in table.rows if r.section == group], years)
    return out


def write(shape: Shape, directory: Path) -> LoadResult:
    appendices, files = [], {}
    for table in shape.tables:
        appendix: dict[str, Any] = {
            "id": table.id,
            "name": f"Bảng {table.id}",
            "file": f"{table.id}.csv",
            "kind": table.kind,
            "row_total": table.row_total,
            "columns": [{"id": c, "title": f"Nguồn {c}"} for c in table.columns],
            "groups": [_group(table, g, shape.years) for g in table.groups],
            "declared": _declared(table, table.rows, shape.years),
        }
        if len(table.columns) == 2:
            appendix["splits"] = [{"total": table.total_column, "parts": ["c0", "c1"]}]
        if table.kind == "units":
            appendix["norm"] = {"per_staff_per_year": table.norm}
            if table.marked:
                appendix["marks"] = [{"mark": "*", "units": table.marked, "explanation": "nhiệm vụ riêng"}]
        appendices.append(appendix)
        name = "unit" if table.kind == "units" else "name"
        header = ["id", *(["section"] if table.groups else []), "tt", name]
        header += {"projects": ["investor", "tmdt"], "units": ["staff", "total"], "lines": ["total"]}[
            table.kind
        ]
        header += [f"y{y}" for y in shape.years] + table.columns
        header += {"projects": ["attt"], "units": ["note"], "lines": []}[table.kind]
        rows: list[list[object]] = [header]
        for number, row in enumerate(table.rows, start=1):
            cells: list[object] = [row.id, *([row.section] if table.groups else []), number, row.name]
            if table.kind == "projects":
                cells += [row.name, row.total]
            elif table.kind == "units":
                cells += [row.staff, row.total]
            else:
                cells += [row.total]
            cells += [row.years[y] for y in shape.years] + [row.columns[c] for c in table.columns]
            if table.kind == "projects":
                cells.append("" if row.attt is None else row.attt)
            elif table.kind == "units":
                cells.append(row.note)
            rows.append(cells)
        files[f"{table.id}.csv"] = rows
    periods = {t.id: sum(t.period(r) for r in t.rows) for t in shape.tables}
    parts = [{"id": t, "label": f"Bảng {t}", "appendix": t, "amount": a} for t, a in periods.items()]
    parts.append({"id": "reserve", "label": "Dự phòng", "amount": shape.reserve})
    first = shape.tables[0]
    meta = {
        "schema_version": 2,
        "identity": identity(shape.years[0], shape.years[-1]),
        "appendices": appendices,
        "grand_total": {"amount": sum(periods.values()) + shape.reserve, "parts": parts},
        "security_policy": {
            "min_share_percent": _minimum(shape),
            "scopes": ["year", "period", "project"],
            "counted": [{"appendix": first.id, "groups": first.groups[:1]}] if first.groups else [],
        },
        "agencies": [{"id": f"a{i}", "name": n} for i, n in enumerate(NAMES)],
    }
    return load_plan(write_plan(directory, meta, files))


@SETTINGS
@given(shapes())
def test_a_consistent_plan_of_any_shape_has_no_error_or_warning(shape: Shape) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = write(shape, Path(tmp) / "plan")
    assert result.problems == [], [str(p) for p in result.problems]
    report = run(result)
    assert [(f.code, f.ids, f.detail, f.text()) for f in report.findings if f.severity.value != "info"] == []


def _set_cell(path: Path, row_id: str, column: str, value: int) -> None:
    """Change one cell of an appendix file (its declared totals in plan.yaml stay as they were)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == row_id:
            row[index] = str(value)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _changeable(shape: Shape) -> list[tuple[Table, Row]]:
    return [(t, r) for t in shape.tables if t.row_total == "period" for r in t.rows]


@SETTINGS
@given(shapes().filter(lambda s: bool(_changeable(s))), st.data())
def test_one_changed_cell_gives_one_sum001_and_one_sum002_per_declared_scope(
    shape: Shape, data: st.DataObject
) -> None:
    table, row = data.draw(st.sampled_from(_changeable(shape)), label="row")
    year = data.draw(st.sampled_from(shape.years), label="year")
    delta = data.draw(st.integers(-row.years[year], 1_000).filter(bool), label="delta")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "plan"
        before = {f.key() for f in run(write(shape, directory)).findings}
        _set_cell(directory / f"{table.id}.csv", row.id, f"y{year}", row.years[year] + delta)
        after = run(load_plan(directory)).findings
    new = sorted(
        (f.code, f.ids, f.detail) for f in after if f.key() not in before and f.code.startswith("SUM")
    )
    expected = [("SUM001", (row.id,), None), ("SUM002", (table.id,), str(year))]
    if row.section in table.declared_groups:
        expected.append(("SUM002", (f"{table.id}:{row.section}",), str(year)))
    assert new == sorted(expected)
    sum001 = next(f for f in after if f.code == "SUM001")
    assert sum001.expected is not None and sum001.observed is not None
    assert sum001.expected - sum001.observed == delta
