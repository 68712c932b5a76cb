"""``load_plan(directory)``: the typed plan built from everything that could be read, and every
located problem found on the way. Loading never stops at the first problem and never raises on bad
input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from plan272.load.csvfile import CellReader, Table, read_table
from plan272.load.files import read_text
from plan272.load.yamlfile import Path_, load_yaml
from plan272.model import Agency, Plan, PlanFile, Project, Unit
from plan272.names import name_key
from plan272.numbers import Notation
from plan272.problems import Location, Problem

PLAN_FILE = "plan.yaml"
APPENDIX1_FILE = "appendix1.csv"
APPENDIX2_FILE = "appendix2.csv"

A1_COLUMNS = ["id", "section", "tt", "name", "investor", "tmdt"]
A1_OPTIONAL = ["attt", "description", "note", "source_line"]
A2_COLUMNS = ["id", "section", "tt", "unit", "staff", "total"]
A2_OPTIONAL = ["note", "source_line"]
_YEAR_COLUMN = re.compile(r"y(\d{4})")


@dataclass
class LoadResult:
    """The plan (``None`` when plan.yaml could not be read into the model) and the problems."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        """Nothing could be checked as designed: a file could not be read at all, or plan.yaml could
        not be turned into the model (the rules then cannot run)."""
        return self.plan is None or any(p.fatal for p in self.problems)


def _display(directory: Path, name: str) -> str:
    return (directory / name).as_posix()


def _pydantic_problems(errors: list[Any], file: str, lines: dict[Path_, int]) -> list[Problem]:
    problems = []
    for error in errors:
        path: tuple[str | int, ...] = ()
        for element in error["loc"]:
            for candidate in (element, str(element)):
                if (*path, candidate) in lines:
                    path = (*path, candidate)
                    break
            else:
                if isinstance(element, str) and element.isdigit() and (*path, int(element)) in lines:
                    path = (*path, int(element))
        probe = path
        while probe and probe not in lines:
            probe = probe[:-1]
        field_path = ".".join(str(e) for e in error["loc"] if not str(e).startswith("function-"))
        message = str(error["msg"]).removeprefix("Value error, ")
        kind = error["type"]
        if kind == "extra_forbidden":
            message = "unknown key (misspelt?)"
        elif kind == "missing":
            message = "required key is missing"
        value = None if kind == "missing" else _short(error.get("input"))
        problems.append(Problem(Location(file, lines.get(probe, 1), field_path or None), message, value))
    return problems


def _short(value: Any) -> str:
    # a Decimal shows as written in plan.yaml ("20.200"), not as Python's "Decimal('20.200')"
    text = value if isinstance(value, str) else str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _read_meta(
    directory: Path,
) -> tuple[PlanFile | None, dict[Path_, int], list[Problem], dict[str, tuple[int, ...]]]:
    from pydantic import ValidationError

    file = _display(directory, PLAN_FILE)
    text, problems = read_text(directory / PLAN_FILE, file)
    if text is None:
        return None, {}, problems, {}
    data, lines, problems = load_yaml(text, file)
    if data is None and not problems:  # "---", "~" or "null": a document without values
        return None, lines, [Problem(Location(file, 1), "no values: plan.yaml is empty", fatal=True)], {}
    if data is None:
        return None, lines, problems, {}
    if not isinstance(data, dict):
        return None, lines, [*problems, Problem(Location(file, 1), "plan.yaml must be a mapping of keys")], {}
    # Validate; where the errors are confined to unknown keys or to single targets or claims, drop
    # those parts (each reported) and check the rest of the plan rather than nothing.
    reported = {p.location.field for p in problems}
    current: Any = data
    kept: dict[str, list[int]] = {}  # for each pruned list, the original index of each kept item
    meta: PlanFile | None = None
    for _ in range(10):
        try:
            meta = PlanFile.model_validate(current)
            break
        except ValidationError as exc:
            # error paths index the pruned lists: take them back to the file's own indexes
            errors = [{**e, "loc": _original(tuple(e["loc"]), kept)} for e in exc.errors(include_url=False)]
            found = _pydantic_problems(errors, file, lines)
            pruned = _prune(current, exc.errors(include_url=False), kept)
            for problem in found:
                if problem.location.field in reported:
                    continue  # already reported by the YAML reader (a forbidden tag, an octal…)
                reported.add(problem.location.field)
                problems.append(problem)
            if pruned is None:
                return None, lines, problems, {}
            current = pruned
    if meta is None:
        return None, lines, problems, {}
    problems = [_with_note(p, kept) for p in problems]
    problems.extend(_check_registry(meta, file, lines))
    return meta, lines, problems, {key: tuple(value) for key, value in kept.items()}


def _original(loc: tuple[Any, ...], kept: dict[str, list[int]]) -> tuple[Any, ...]:
    if len(loc) > 1 and loc[0] in kept and isinstance(loc[1], int):
        return (loc[0], kept[loc[0]][loc[1]], *loc[2:])
    return loc


_DROPPABLE = ("kpis", "claims")


def _prune(data: Any, errors: list[Any], kept: dict[str, list[int]]) -> Any | None:
    """``data`` without the parts the errors are about, or ``None`` when an error is elsewhere.
    ``kept`` records, for each list pruned, the original index of every item it keeps."""
    import copy

    pruned = copy.deepcopy(data)
    drop: dict[str, set[int]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            parent: Any = pruned
            for element in loc[:-1]:
                try:
                    parent = parent[element]
                except (KeyError, IndexError, TypeError):
                    parent = None
                    break
            if isinstance(parent, dict) and loc[-1] in parent:
                del parent[loc[-1]]
                continue
        if len(loc) >= 2 and loc[0] in _DROPPABLE and isinstance(loc[1], int):
            drop.setdefault(str(loc[0]), set()).add(loc[1])
            continue
        return None
    for key, indexes in drop.items():
        items = pruned.get(key)
        if isinstance(items, list):
            original = kept.get(key, list(range(len(items))))
            kept[key] = [original[i] for i in range(len(items)) if i not in indexes]
            pruned[key] = [item for i, item in enumerate(items) if i not in indexes]
    return pruned


def _with_note(problem: Problem, kept: dict[str, list[int]]) -> Problem:
    """Say what became of the value a problem is about: an unknown key is ignored; a target or
    claim that could not be read is left out of the checks (whichever reader found the problem)."""
    from dataclasses import replace

    head = (problem.location.field or "").split(".")
    if problem.message.startswith("unknown key"):
        return replace(problem, message=f"{problem.message} (ignored)")
    if len(head) > 1 and head[0] in kept and head[1].isdigit() and int(head[1]) not in kept[head[0]]:
        return replace(problem, message=f"{problem.message} ({head[0]}.{head[1]} is left out of the checks)")
    return problem


def _check_registry(meta: PlanFile, file: str, lines: dict[Path_, int]) -> list[Problem]:
    problems = []
    owner: dict[str, str] = {}
    ids: set[str] = set()
    for index, agency in enumerate(meta.agencies):
        where = Location(file, lines.get(("agencies", index)), f"agencies.{index}")
        if agency.id in ids:
            problems.append(Problem(where, "duplicate agency id", agency.id))
        ids.add(agency.id)
        for key in agency.match_keys():
            if key in owner and owner[key] != agency.id:
                problems.append(
                    Problem(where, f"name also registered for agency {owner[key]!r}", agency.name)
                )
            owner.setdefault(key, agency.id)
    return problems


def _years_from_header(table: Table) -> list[int]:
    return sorted(int(m.group(1)) for h in table.header if (m := _YEAR_COLUMN.fullmatch(h)))


def _agency_index(agencies: list[Agency]) -> dict[str, str]:
    index: dict[str, str] = {}
    for agency in agencies:
        for key in agency.match_keys():
            index.setdefault(key, agency.id)
    return index


def _read_rows(
    directory: Path,
    name: str,
    columns: list[str],
    optional: list[str],
    years: list[int] | None,
    notation: Notation,
) -> tuple[Table | None, list[int], list[Problem]]:
    file = _display(directory, name)
    text, problems = read_text(directory / name, file)
    if text is None:
        return None, [], problems
    year_columns = [f"y{y}" for y in years] if years else []
    table, more = read_table(text, file, columns + year_columns, optional, None if years else _YEAR_COLUMN)
    problems.extend(more)
    if table is not None and not years:
        years = _years_from_header(table)
    return table, years or [], problems


def _projects(
    table: Table, file: str, years: list[int], notation: Notation, agencies: dict[str, str]
) -> tuple[list[Project], list[Problem]]:
    out, problems = [], []
    for record in table.records:
        cells = CellReader(file, record, notation)
        identifier = cells.text("id")
        section = cells.text("section")
        tt = cells.count("tt")
        name = cells.text("name")
        investor = cells.text("investor")
        tmdt = cells.amount("tmdt")
        amounts = {year: cells.amount(f"y{year}") for year in years}
        attt = cells.optional_amount("attt")
        extra = {k: v for k in ("description", "source_line") if (v := record.cells.get(k))}
        problems.extend(cells.problems)
        out.append(
            Project(
                id=identifier or f"<line {record.line}>",
                section=section,
                tt=tt,
                name=name,
                investor=investor,
                tmdt=tmdt,
                years=amounts,
                attt=attt,
                note=cells.optional_text("note"),
                agency_id=agencies.get(name_key(investor)) if investor else None,
                location=Location(file, record.line),
                unreadable=frozenset(cells.unreadable),
                extra=extra,
            )
        )
    return out, problems


def _units(
    table: Table, file: str, years: list[int], notation: Notation, agencies: dict[str, str]
) -> tuple[list[Unit], list[Problem]]:
    out, problems = [], []
    for record in table.records:
        cells = CellReader(file, record, notation)
        identifier = cells.text("id")
        section = cells.text("section")
        tt = cells.count("tt")
        name = cells.text("unit")
        staff = cells.count("staff")
        total = cells.amount("total")
        amounts = {year: cells.amount(f"y{year}") for year in years}
        extra = {k: v for k in ("source_line",) if (v := record.cells.get(k))}
        problems.extend(cells.problems)
        out.append(
            Unit(
                id=identifier or f"<line {record.line}>",
                section=section,
                tt=tt,
                name=name,
                staff=staff or 0,
                total=total,
                years=amounts,
                note=cells.optional_text("note"),
                agency_id=agencies.get(name_key(name)) if name else None,
                location=Location(file, record.line),
                unreadable=frozenset(cells.unreadable),
                extra=extra,
            )
        )
    return out, problems


def load_plan(directory: str | Path) -> LoadResult:
    """Load the plan in ``directory`` (plan.yaml, appendix1.csv, appendix2.csv)."""
    directory = Path(directory)
    if not directory.is_dir():
        what = "not a directory" if directory.exists() else "directory not found"
        return LoadResult(None, [Problem(Location(directory.as_posix()), what, fatal=True)])
    meta, lines, problems, kept = _read_meta(directory)
    notation: Notation = meta.notation if meta else "plain"
    years = list(meta.identity.period.years) if meta else None
    agencies = _agency_index(meta.agencies) if meta else {}

    t1, years1, p1 = _read_rows(directory, APPENDIX1_FILE, A1_COLUMNS, A1_OPTIONAL, years, notation)
    t2, years2, p2 = _read_rows(directory, APPENDIX2_FILE, A2_COLUMNS, A2_OPTIONAL, years, notation)
    problems += p1 + p2
    projects: list[Project] = []
    units: list[Unit] = []
    if t1 is not None:
        projects, more = _projects(t1, _display(directory, APPENDIX1_FILE), years1, notation, agencies)
        problems += more
    if t2 is not None:
        units, more = _units(t2, _display(directory, APPENDIX2_FILE), years2, notation, agencies)
        problems += more
    incomplete = set()
    for name, table, rows in (("appendix1", t1, projects), ("appendix2", t2, units)):
        # every cell the totals, groups, shares or norm depend on
        needed = {"section", "attt", "staff"}
        if (
            table is None
            or not table.complete
            or any(r.unreadable & (r.amount_fields | needed) for r in rows)
        ):
            incomplete.add(name)
    plan = None
    if meta is not None:
        plan = Plan(
            meta=meta,
            projects=tuple(projects),
            units=tuple(units),
            files={
                "plan": _display(directory, PLAN_FILE),
                "appendix1": _display(directory, APPENDIX1_FILE),
                "appendix2": _display(directory, APPENDIX2_FILE),
            },
            yaml_lines=lines,
            yaml_kept=kept,
            incomplete=frozenset(incomplete),
        )
    return LoadResult(plan, problems)
