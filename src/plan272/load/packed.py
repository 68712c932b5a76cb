"""A loaded plan as plain values to pickle and back, for a plan loaded in another process
(``plan272 diff`` loads its two sides at once: :mod:`plan272.parallel`).

Pickled as they are, a table's rows cost a call per row and per object in it (its years, its
location) each way: for 100,000 rows about as long as loading them. Here the rows of a table are
plain tuples — the row's fields, its years as the tuple of its amounts (the table's years once),
its location as its line (the table's file once) — which pickle without a call per row; a table
whose rows are not all alike (another kind, other years, a location with a field) is pickled as it
is. Everything else (plan.yaml's model, the problems, the provenance, the notices) is pickled as
it is. ``unpack(pack(result)) == result``.
"""

from __future__ import annotations

import dataclasses
import operator
from itertools import repeat
from typing import Any

from plan272.load import LoadResult
from plan272.model import Line, Project, Row, Unit, Years, assemble_all, locations_of, years_of

_CLASSES: dict[str, type[Row]] = {"projects": Project, "units": Unit, "lines": Line}
#: a row's fields, in order; its years and its location are the two that are objects
_NAMES = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES.values()}
_YEARS, _LOCATION = _NAMES[Line].index("years"), _NAMES[Line].index("location")

#: a table as columns: (kind, file, years, one list a field), or (None, the rows as they are)
Packed = tuple[str, str, tuple[int, ...], list[list[Any]]] | tuple[None, tuple[Row, ...]]


def _alike(rows: tuple[Row, ...]) -> tuple[type[Row], str, tuple[int, ...]] | None:
    """The class, file and years every row of ``rows`` has, if they all have the same (and their
    years are :class:`~plan272.model.Years`, their locations without a field): each tested over
    the table at once."""
    first = rows[0]
    cls, file, own = type(first), first.location.file, first.years
    if cls not in _NAMES or own.__class__ is not Years:
        return None
    held = list(map(_GET_YEARS, rows))
    where = list(map(_GET_LOCATION, rows))
    if (
        set(map(type, rows)) == {cls}
        and set(map(type, held)) == {Years}
        and set(map(_GET_YEARS, held)) == {own.years}  # a Years's own years
        and set(map(_GET_FILE, where)) == {file}
        and set(map(_GET_FIELD, where)) == {None}
    ):
        return cls, file, own.years
    return None


_GET_YEARS, _GET_LOCATION = operator.attrgetter("years"), operator.attrgetter("location")
_GET_AMOUNTS = operator.attrgetter("amounts")
_GET_FILE, _GET_FIELD, _GET_LINE = (operator.attrgetter(n) for n in ("file", "field", "line"))


def _pack_table(rows: tuple[Row, ...]) -> Packed:
    alike = _alike(rows) if rows else None
    if alike is None:
        return None, rows
    cls, file, years = alike
    columns: list[list[Any]] = [list(map(operator.attrgetter(name), rows)) for name in _NAMES[cls]]
    columns[_YEARS] = list(map(_GET_AMOUNTS, columns[_YEARS]))
    columns[_LOCATION] = list(map(_GET_LINE, columns[_LOCATION]))
    return cls.kind, file, years, columns


def _unpack_table(packed: Packed) -> tuple[Row, ...]:
    if packed[0] is None:
        return packed[1]
    kind, file, held, columns = packed
    cls = _CLASSES[kind]
    if any(len(amounts) != len(held) for amounts in set(columns[_YEARS])):
        raise ValueError("amounts of other years than the table's")
    columns[_YEARS] = years_of(zip(repeat(held), columns[_YEARS]))
    columns[_LOCATION] = locations_of(zip(repeat(file), columns[_LOCATION], repeat(None)))
    return tuple(assemble_all(cls, zip(*columns, strict=True)))


#: a loaded result as :func:`pack` gives it: each table packed, and the rest of the result
Packing = tuple[dict[str, Packed] | None, LoadResult]


def pack(result: LoadResult) -> Packing:
    """``result`` as plain values to pickle (:func:`unpack` gives it back)."""
    plan = result.plan
    if plan is None:
        return None, result
    tables = {key: _pack_table(rows) for key, rows in plan.tables.items()}
    shell = LoadResult(
        plan.model_copy(update={"tables": {}}), result.problems, result.provenance, result.notices
    )
    return tables, shell


def unpack(packing: Packing) -> LoadResult:
    """The :class:`~plan272.load.LoadResult` :func:`pack` made ``packing`` of."""
    tables, shell = packing
    if tables is None or shell.plan is None:
        return shell
    plan = shell.plan.model_copy(update={"tables": {key: _unpack_table(t) for key, t in tables.items()}})
    return LoadResult(plan, shell.problems, shell.provenance, shell.notices)
