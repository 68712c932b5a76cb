"""What the commands show, laid out by product: ``report`` (plan272 validate), ``diff`` (plan272 diff)
and ``summary`` (plan272 summary). Each package holds one registry of its formats
(:class:`Formats`) — the command's ``--format`` choices are made from it — and views that only lay
out what the library computed. :mod:`plan272.views.lines` is the one place where a finding becomes a
line of text.

A registry names modules, never imports them: a command imports only the view it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plan272.messages import Lang


@dataclass(frozen=True)
class Format:
    """One output format: its name (``--format NAME``), what it is for, and the module that renders
    it (imported when used)."""

    name: str
    help: str
    module: str
    #: its output holds CI workflow commands meant as such (the github format)
    commands: bool = False
    #: read by machines (CI systems, dashboards): files are named from the repository's root
    machine: bool = False


class Formats(tuple[Format, ...]):
    """The formats of one command, in the order ``--help`` lists them."""

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self)

    def get(self, name: str) -> Format:
        for item in self:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def metavar(self) -> str:
        return "[" + "|".join(self.names()) + "]"

    def help(self) -> str:
        return "; ".join(f"{f.name}: {f.help}" for f in self)

    def choose(self, value: str, lang: Lang = "en") -> str:
        """A ``--format`` value checked against the registry (for a typer callback): a refusal is
        worded in ``lang``."""
        import typer

        from plan272.messages import Message, ids

        if value not in self.names():
            refusal = Message("error.option.format", value=repr(value), choices=ids(self.names()))
            raise typer.BadParameter(refusal.render(lang))
        return value
