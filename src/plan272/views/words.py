"""The language a view is being written in, and its words: :func:`speaking` sets it for the time a
view renders (a context variable: safe across threads), :func:`say` words a catalogue key in it,
:func:`number` writes a figure in its notation. Views that write many words (the diff) use these
rather than passing the language through every function."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from plan272.messages import Arg, Lang, Message

_LANG: ContextVar[Lang] = ContextVar("plan272_view_lang", default="en")


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def current() -> Lang:
    return _LANG.get()


def say(key: str, **args: Arg) -> str:
    """The catalogue's words for ``key`` in the current language."""
    return Message(key, **args).render(_LANG.get())


def text(message: Message | str) -> str:
    """A message (or a plain string) in the current language."""
    return message if isinstance(message, str) else message.render(_LANG.get())


def number(value: int | Decimal, *, signed: bool = False) -> str:
    """``1,501,713`` / ``1.501.713``; ``signed``: ``+1,000``, ``-1,000``, ``0``."""
    from plan272.i18n import format_number

    out = format_number(value, _LANG.get())
    return f"+{out}" if signed and value > 0 else out
