"""Where the loaded values stand: the files of a plan and the line of every plan.yaml value.

The loader's bookkeeping, kept apart from the typed :class:`~plan272.model.Plan`: the rules ask it
for the location of the plan.yaml value a finding is about; rows carry their own location.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from plan272.problems import Location

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Provenance:
    #: role -> the file as reports name it: ``plan`` for plan.yaml, each appendix by its id
    files: Mapping[str, str] = field(default_factory=dict)
    #: the 1-based line of every plan.yaml key and list item, by path
    lines: Mapping[YamlPath, int] = field(default_factory=dict)
    #: for a plan.yaml list some items of which were left out (kpis, claims): the file's own index
    #: of each item kept, so that findings name the place in the file, not in the shortened list
    kept: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    #: for a file of an older schema: how it spells a path of today's (new prefix -> old prefix)
    spelling: Mapping[YamlPath, YamlPath] = field(default_factory=dict)

    def file(self, role: str) -> str:
        """The file of ``role`` (``plan`` or an appendix id); its own name when not loaded."""
        return self.files.get(role, role)

    @property
    def plan_file(self) -> str:
        return self.files.get("plan", "plan.yaml")

    def _in_file(self, path: YamlPath) -> YamlPath:
        if len(path) > 1 and isinstance(path[0], str) and path[0] in self.kept and isinstance(path[1], int):
            kept = self.kept[path[0]]
            if path[1] < len(kept):
                return (path[0], kept[path[1]], *path[2:])
        return path

    def line(self, *path: str | int) -> int | None:
        """The line of the plan.yaml value at ``path``, or of its nearest enclosing key."""
        probe = self._in_file(tuple(path))
        while probe and probe not in self.lines:
            probe = probe[:-1]
        return self.lines.get(probe)

    def field(self, *path: str | int) -> str:
        """The dotted path of a plan.yaml value as the file spells it (``appendices.0.norm``, or
        ``appendix2.norm`` in a file of schema version 1)."""
        probe = self._in_file(tuple(path))
        for cut in range(len(probe), 0, -1):
            if probe[:cut] in self.spelling:
                probe = (*self.spelling[probe[:cut]], *probe[cut:])
                break
        return ".".join(str(p) for p in probe)

    def locate(self, *path: str | int) -> Location:
        """The location of a plan.yaml value, falling back to its nearest enclosing key."""
        return Location(self.plan_file, self.line(*path), self.field(*path) or None)

    def left_out(self, key: str) -> tuple[int, ...]:
        """The file's indexes of the ``key`` items (kpis, claims) the loader had to leave out."""
        if key not in self.kept:
            return ()
        present = {p[1] for p in self.lines if len(p) == 2 and p[0] == key and isinstance(p[1], int)}
        return tuple(sorted(present - set(self.kept[key])))
