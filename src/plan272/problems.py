"""Located problems found while loading a plan.

A problem says where (file, line, field), what was found (value) and what is wrong (message).
Loading never raises on bad input: every problem lands in one list, like beancount's errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plan272.messages import Lang, Message


@total_ordering
@dataclass(frozen=True, slots=True)
class Location:
    """Where something stands: a file (relative to the data directory), a 1-based line, a field.

    Locations sort by file, then line (a whole-file location first), then field; ``line`` and
    ``field`` may be ``None``, which a generated ``order=True`` could not compare with a value.
    """

    file: str
    line: int | None = None
    field: str | None = None

    def _sort_key(self) -> tuple[str, int, str]:
        return (self.file, 0 if self.line is None else self.line, self.field or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def with_field(self, field: str | None) -> Location:
        return Location(self.file, self.line, field)

    def __str__(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
        if self.field:
            out += f" [{self.field}]"
        return out


@dataclass(frozen=True)
class Problem:
    """A load problem.

    ``fatal`` marks a file that could not be read at all (missing, empty, not UTF-8, binary):
    the command then could not run as designed and exits 2.
    """

    location: Location
    message: str | Message  # a catalogue message; a plain string only for text from elsewhere
    value: str | None = None
    expected: str | None = None
    fatal: bool = False
    row_id: str | None = None  # the id of the CSV row the problem is in, where known

    def text(self, lang: Lang = "en") -> str:
        """What is wrong, in ``lang``."""
        return self.message if isinstance(self.message, str) else self.message.render(lang)

    def __str__(self) -> str:
        out = f"{self.location}: {self.text()}"
        if self.value is not None:
            out += f" (found {self.value!r})"
        return out
