"""The number notation of a CSV file that plan.yaml does not declare, told column by column.

Plain digits read the same in every notation. A cell written with marks (``20.200``, ``20,200``)
reads as a whole number — amounts are whole million VND — in Vietnamese notation (``.`` between
groups of thousands, ``,`` before decimals), in English notation (the reverse), in both, or in
neither (:func:`plan272.numbers.whole_readings`):

- ``20.200`` and ``1.500.000`` are whole only in Vietnamese notation (in English ``20.200`` is
  20.2, and ``1.500.000`` no number at all): a three-digit group after a dot is a thousands group;
- ``20.000`` is 20000 in Vietnamese notation and 20 (with three decimals) in English: both whole,
  so the cell alone cannot tell — it is never guessed;
- ``1.5``, ``20,5`` and ``20 200`` are whole in neither.

A column is read in a notation only when **every** cell of it written with marks reads as a whole
number in that notation and in no other: then the column is read so, and a notice (DAT003, info)
says which column, how many cells and an example. Otherwise — a cell both notations read as whole
numbers, a cell neither does, or cells of both notations mixed — each of its cells written with
marks is a problem, with one message for the column that says why and what to declare, so that
the cells are reported together (:mod:`plan272.load.grouping`). Plain cells are read as they are in
every case.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import PurePath

from plan272.load.csvfile import Notice, Reading, Record
from plan272.messages import Amount, Message, Words
from plan272.numbers import Grouped, Notation, whole_readings
from plan272.problems import Location

#: how messages name a notation
NAMES: dict[Grouped, Words] = {"vi": Words("Vietnamese", "Việt Nam"), "en": Words("English", "tiếng Anh")}


def settle(records: Iterable[Record], columns: Iterable[str], file: str) -> tuple[Reading, list[Notice]]:
    """How to read the number ``columns`` of a table whose notation is not declared: the columns
    whose notation the cells settle, with a notice each, and for every other column written with
    marks the message its cells get."""
    columns = list(dict.fromkeys(columns))
    found: dict[str, list[tuple[int, str, dict[Grouped, Decimal]]]] = {c: [] for c in columns}
    for record in records:  # one pass: only the cells written with marks are kept
        for column in columns:
            raw = record.get(column)
            if raw.isdigit() or not raw:  # plain digits or empty: the same in every notation
                continue
            readings = whole_readings(raw)
            if readings is not None:
                found[column].append((record.line, raw.strip(), readings))
    settled: dict[str, Notation] = {}
    unsettled: dict[str, Message] = {}
    notices: list[Notice] = []
    for column in columns:
        marked = found[column]
        if not marked:
            continue
        kinds = {tuple(sorted(readings)) for _, _, readings in marked}
        if len(kinds) == 1 and len(only := next(iter(kinds))) == 1:
            notation: Grouped = only[0]
            settled[column] = notation
            line, raw, readings = marked[0]
            message = Message(
                "DAT003.notation",
                count=Amount(len(marked)),
                s="" if len(marked) == 1 else "s",
                column=column,
                name=NAMES[notation],
                notation=notation,
                example=repr(raw),
                line=line,
                value=Amount(readings[notation]),
            )
            ids = (PurePath(file).name, column)
            notices.append(Notice(Location(file, line, column), message, ids, notation))
        else:
            unsettled[column] = _unsettled(marked)
    return Reading("plain", settled, unsettled), notices


def _unsettled(marked: list[tuple[int, str, dict[Grouped, Decimal]]]) -> Message:
    """Why the cells of a column written with marks settle no notation, and what to declare."""
    neither = next(((line, raw) for line, raw, r in marked if not r), None)
    only_vi = next(((line, raw) for line, raw, r in marked if list(r) == ["vi"]), None)
    only_en = next(((line, raw) for line, raw, r in marked if list(r) == ["en"]), None)
    both = next(((line, raw, r) for line, raw, r in marked if len(r) == 2), None)
    reason: Message
    if neither is not None:
        reason = Message("load.number.undeclared.neither", cell=repr(neither[1]), line=neither[0])
    elif only_vi is not None and only_en is not None:
        reason = Message(
            "load.number.undeclared.mixed",
            vi_cell=repr(only_vi[1]),
            vi_line=only_vi[0],
            en_cell=repr(only_en[1]),
            en_line=only_en[0],
        )
    else:
        assert both is not None  # one notation alone for every cell would have settled it
        line, raw, readings = both
        reason = Message(
            "load.number.undeclared.both",
            cell=repr(raw),
            line=line,
            vi=Amount(readings["vi"]),
            en=Amount(readings["en"]),
        )
    # the notation to declare: the one every cell that reads as a whole number reads in; of two,
    # the one whose thousands mark the cells write (20.000: vi)
    common = set.intersection(*(set(r) for _, _, r in marked if r)) if any(r for _, _, r in marked) else set()
    if len(common) == 2 and both is not None:
        common = {"vi"} if "." in both[1] else {"en"}
    fix = (
        Message("load.number.declare", notation=common.pop())
        if len(common) == 1
        else Message("load.number.declare-any")
    )
    return Message("load.number.undeclared", reason=reason, fix=fix)
