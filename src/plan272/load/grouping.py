"""One problem per mistake: cells of one column of one file that fail the same way are one problem.

A spreadsheet saved with thousands marks, or with blanks for zero, fails in every cell of a column
for one reason and has one fix. Reporting each cell would bury the fix under a hundred copies of
itself (and the other problems with it). So when :data:`AT_LEAST` cells of a column fail with the
same kind of problem (its message's key), they become one :class:`GroupedProblem`: the count, the
first :data:`SHOWN` places in its words, the one fix — and every place (file, line, column, value,
row id) kept for the machine formats. A problem of a single cell stays as it is; problems of
different kinds in a column stay apart.

Two is the threshold because two cells failing the same way already share their cause and their
fix; below it there is nothing to group, and a lone slip keeps the identity it always had.
"""

from __future__ import annotations

from dataclasses import dataclass

from plan272.messages import Amount, Each, Message
from plan272.problems import Location, Problem

#: the fewest cells of a column failing the same way that are reported as one problem
AT_LEAST = 2
#: how many of its places a grouped problem's words show (all of them are in ``places``)
SHOWN = 3
#: the longest value a grouped problem's words quote (its place keeps the whole value)
QUOTED = 40


@dataclass(frozen=True)
class Place:
    """One cell of a grouped problem: where it is, what it holds, the id of its row."""

    location: Location
    value: str | None = None
    row_id: str | None = None


@dataclass(frozen=True)
class GroupedProblem(Problem):
    """``count`` cells of one column failing the same way (``kind``: their message's key), located
    at the first of them. ``places`` lists each cell — all of them, unless ``--max-problems`` cut
    the list (``count`` stays the number of cells)."""

    places: tuple[Place, ...] = ()
    count: int = 0
    kind: str = ""


def kind_of(problem: Problem) -> str:
    """What makes two problems the same mistake: the key of their message."""
    return problem.message.key if isinstance(problem.message, Message) else problem.message


def group_cells(problems: list[Problem]) -> list[Problem]:
    """``problems`` of the cells of a table, those of one column and kind grouped (at the place of
    the first of them); a fatal problem, or one not about a cell, stays as it is."""
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    order: list[Problem | tuple[str, str, str]] = []
    for problem in problems:
        column, line = problem.location.field, problem.location.line
        if problem.fatal or column is None or line is None:
            order.append(problem)
            continue
        key = (problem.location.file, column, kind_of(problem))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(problem)
    out: list[Problem] = []
    for item in order:
        if isinstance(item, Problem):
            out.append(item)
        elif len(members := groups[item]) < AT_LEAST:
            out.extend(members)
        else:
            out.append(grouped(members))
    return out


def grouped(members: list[Problem]) -> GroupedProblem:
    """``members`` (cells of one column failing the same way) as one problem."""
    from plan272.catalogue import CATALOGUE

    first = members[0]
    kind = kind_of(first)
    column = first.location.field or ""
    # what they share: the message itself when every cell has the same, else its words for many
    if len({m.text("en") for m in members}) == 1:
        problem: str | Message = first.message
    elif f"{kind}.many" in CATALOGUE:
        problem = Message(f"{kind}.many")
    else:
        problem = first.message
    shown = tuple(_place_words(m) for m in members[:SHOWN])
    more = Message("load.grouped.more", count=Amount(len(members) - SHOWN)) if len(members) > SHOWN else ""
    message = Message(
        "load.grouped",
        count=Amount(len(members)),
        column=column,
        problem=problem if isinstance(problem, Message) else str(problem),
        places=Each(shown),
        more=more,
    )
    places = tuple(Place(m.location, m.value, m.row_id) for m in members)
    return GroupedProblem(
        first.location, message, places=places, count=len(members), kind=kind, expected=first.expected
    )


def _place_words(problem: Problem) -> Message:
    value = problem.value or ""
    value = value if len(value) <= QUOTED else value[: QUOTED - 1] + "…"
    return Message("load.grouped.place", line=problem.location.line or 0, value=repr(value))
