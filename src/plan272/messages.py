"""Messages as data: a key and typed arguments; the words per language live in :data:`CATALOGUE`.

A rule never writes a sentence: it builds a :class:`Message` (``Message("SUM001.row", row="I.1",
computed=Amount(20200), …)``) and the renderer of each output words it in the reader's language,
with figures in that language's notation — ``1,501,713`` and ``8.66%`` in English, ``1.501.713`` and
``8,66%`` in Vietnamese (as frictionless and ruff keep one template per error kind). Machine fields
(codes, ids, figures) never depend on the language.

Arguments are typed so that each language writes them its own way:

- ``str``: text from the data (a row id, a name, a printed figure), inserted as it is;
- ``int``: a year or an ordinal, written as plain digits (``2021``, never ``2,021``);
- :class:`Amount`: an amount or a count, with grouped thousands;
- :class:`Num`: a number as written (a target, a norm, a minimum), with the language's decimal mark;
- :class:`Pct`: a percentage at a fixed precision;
- :class:`Off`: how far a figure is off (``1,000 too much`` / ``thừa 1.000``);
- :class:`Words`: a fixed word in each language (``total`` / ``tổng``);
- :class:`Each`: a list (``IV.1, IV.2``; ``Appendix I + Appendix II``);
- :class:`Message`: a clause with words of its own (optional clauses are ``""``).

The arguments are inserted with ``str.format_map`` into the template only: text from the data is
never read as a template.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")


def _number(value: int | Decimal, lang: Lang, places: int | None = None) -> str:
    from plan272.i18n import format_number

    return format_number(value, lang, places)


@dataclass(frozen=True)
class Amount:
    """An amount (million VND) or a count: grouped thousands, decimals as they are."""

    value: int | Decimal

    def render(self, lang: Lang) -> str:
        return _number(self.value, lang)


@dataclass(frozen=True)
class Num:
    """A number as the plan writes it (a target, a norm, a minimum share): decimals as they are, the
    language's decimal mark, no thousands grouping below 10,000."""

    value: int | Decimal

    def render(self, lang: Lang) -> str:
        value = self.value
        if value >= 10_000 or value <= -10_000:
            return _number(value, lang)
        text = str(value) if isinstance(value, int) else f"{value:f}"
        return text.replace(".", ",") if lang == "vi" else text


@dataclass(frozen=True)
class Pct:
    """A percentage at ``places`` decimals (half up): ``8.66%`` / ``8,66%``; ``n/a`` for none."""

    value: Decimal | None
    places: int = 2

    def render(self, lang: Lang) -> str:
        if self.value is None:
            return "n/a" if lang == "en" else "không xác định"
        value = self.value.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)
        return f"{_number(value, lang)}%"


@dataclass(frozen=True)
class Off:
    """How far ``observed`` is from ``expected``: ``1,000 too much`` / ``thừa 1.000``."""

    expected: int | Decimal
    observed: int | Decimal

    def render(self, lang: Lang) -> str:
        diff: int | Decimal = self.observed - self.expected
        if diff == 0:
            return "equal" if lang == "en" else "bằng nhau"
        amount = _number(diff if diff > 0 else -diff, lang)
        if lang == "vi":
            return f"thừa {amount}" if diff > 0 else f"thiếu {amount}"
        return f"{amount} too much" if diff > 0 else f"{amount} too little"


@dataclass(frozen=True)
class Words:
    """A fixed word or phrase, one per language."""

    en: str
    vi: str

    def render(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


_JOINS: dict[str, tuple[str, str]] = {"list": (", ", ", "), "plus": (" + ", " + "), "and": (" and ", " và ")}


@dataclass(frozen=True)
class Each:
    """A list of arguments: ``join`` is ``list`` (``a, b``), ``plus`` (``a + b``) or ``and``
    (``a and b`` / ``a và b``); an empty list is ``none`` / ``không có`` unless ``empty`` says."""

    items: tuple[Arg, ...]
    join: Literal["list", "plus", "and"] = "list"
    empty: Arg | None = None
    #: show at most this many items, then how many more (``IV.1, …, IV.10, … and 990 more``): a
    #: message stays a line however many rows a plan has; the full list is the finding's data
    limit: int | None = None

    def render(self, lang: Lang) -> str:
        if not self.items:
            return render_arg(self.empty if self.empty is not None else NONE, lang)
        separator = _JOINS[self.join][1 if lang == "vi" else 0]
        shown = self.items if self.limit is None else self.items[: self.limit]
        text = separator.join(render_arg(item, lang) for item in shown)
        more = len(self.items) - len(shown)
        if more:
            text += Message("list.more", count=Amount(more)).render(lang)
        return text


@dataclass(frozen=True, init=False)
class Message:
    """A sentence or a clause: a key of :data:`CATALOGUE` and its arguments."""

    key: str
    args: Mapping[str, Arg] = field(default_factory=dict)

    def __init__(self, key: str, /, **args: Arg) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", args)

    def render(self, lang: Lang = "en") -> str:
        from plan272.catalogue import CATALOGUE

        template = CATALOGUE[self.key][1 if lang == "vi" else 0]
        return template.format_map({name: render_arg(value, lang) for name, value in self.args.items()})

    def __str__(self) -> str:
        return self.render("en")


Arg = str | int | Amount | Num | Pct | Off | Words | Each | Message
NONE = Words("none", "không có")


def render_arg(value: Arg, lang: Lang) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # never a figure
        raise TypeError("a message argument is not a bool")
    if isinstance(value, int):
        return str(value)
    return value.render(lang)


def ids(values: Sequence[str], join: Literal["list", "plus", "and"] = "list") -> Each:
    """Row ids, indicator ids…: data text, listed."""
    return Each(tuple(values), join)


class Invalid(ValueError):
    """A value a model validator refuses, with the words of the refusal as a :class:`Message`.

    Pydantic keeps the exception (``ctx["error"]``): the loader turns it into a located problem in the
    reader's language. ``at`` is the path below the validated field the refusal is about
    (``splits.0.parts.1``), where a validator of a list names one of its items. ``str()`` is the
    English text, so anything that only prints the error still says what is wrong."""

    def __init__(self, message: Message, at: str = "") -> None:
        super().__init__(f"{at}: {message.render('en')}" if at else message.render("en"))
        self.message = message
        self.at = at


def text(value: str | Message, lang: Lang = "en") -> str:
    """A message in ``lang``, or a plain string (a message that has no key yet) as it is."""
    return value if isinstance(value, str) else value.render(lang)
