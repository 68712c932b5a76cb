"""Reading amounts written by people: integers in plain, Vietnamese or English notation.

In a file that declares no notation (``plain``), only digits are accepted: ``20.200`` could be
twenty thousand two hundred (Vietnamese) or twenty point two (English), so it is reported, never
guessed. ``vi`` reads ``.`` as the thousands separator and ``,`` as the decimal mark; ``en`` the
reverse. Amounts are whole numbers of million VND: a fractional value is a problem too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation, localcontext
from typing import Literal, ParamSpec, TypeVar

from plan272.messages import Invalid, Message, Num, Words

Notation = Literal["plain", "vi", "en"]
NOTATIONS: tuple[Notation, ...] = ("plain", "vi", "en")

_PLAIN = re.compile(r"[0-9]+")
_GROUPED = {
    "vi": re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+"),
    "en": re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+"),
}


#: the most digits a number may have before and after its decimal mark: an amount of 10^15
#: million VND is beyond any plan; more digits are a slip (or an attack on the arithmetic)
MAX_WHOLE_DIGITS = 15
MAX_DECIMALS = 9


#: digits the arithmetic keeps: a ratio of the largest to the smallest bounded number, in percent
#: and with its decimals, needs about 40 (Python's default context keeps 28)
PRECISION = 60

_P = ParamSpec("_P")
_R = TypeVar("_R")


def exact(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with :data:`PRECISION` digits of decimal arithmetic, so that no figure within
    the bounds of :func:`check_size` can overflow a division or a rounding."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with localcontext() as context:
            context.prec = PRECISION
            return func(*args, **kwargs)

    return wrapper


class NumberError(Invalid):
    """A value that is not an acceptable amount: ``message`` says why for a planning officer, in
    words of the catalogue (``load.number.*``); ``str()`` is the English. Raised inside a model
    validator, the loader reads its words like those of any :class:`~plan272.messages.Invalid`."""


def _as_written(value: Decimal) -> Words:
    """A number as Python prints it (English: ``20.5``, ``1E-7``, as the messages always said) and
    in Vietnamese notation (``20,5``, ``0,0000001``)."""
    return Words(str(value), Num(value).render("vi"))


def parse_decimal(raw: str, notation: Notation = "plain") -> Decimal:
    """Read ``raw`` as a non-negative number in ``notation``; raise :class:`NumberError`."""
    text = raw.strip().replace("\u00a0", " ")
    if text == "":
        raise NumberError(Message("load.number.empty"))
    sign = text[:1] if text[:1] in ("+", "-", "\u2212") else ""
    negative = sign in ("-", "\u2212")
    body = text[len(sign) :].strip()  # one sign at most: "+-5" is not a number
    if _PLAIN.fullmatch(body):
        value = Decimal(body)
    elif notation == "plain":
        if re.fullmatch(r"[0-9][0-9.,\s]*", body):
            raise NumberError(Message("load.number.ambiguous"))
        raise NumberError(Message("load.number.not-a-number"))
    elif _GROUPED[notation].fullmatch(body):
        thousands, decimal_mark = (".", ",") if notation == "vi" else (",", ".")
        try:
            value = Decimal(body.replace(thousands, "").replace(decimal_mark, "."))
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
            raise NumberError(Message("load.number.not-a-number")) from exc
    else:
        raise NumberError(Message("load.number.not-in-notation", notation=notation))
    if negative and value != 0:
        raise NumberError(Message("load.number.negative"))
    return check_size(value)


def check_size(value: Decimal) -> Decimal:
    """``value`` when it has at most :data:`MAX_WHOLE_DIGITS` digits before its decimal mark and
    :data:`MAX_DECIMALS` after; else :class:`NumberError`."""
    if not value.is_finite():
        raise NumberError(Message("load.number.not-finite"))
    _, digits, exponent = value.normalize().as_tuple()
    assert isinstance(exponent, int)
    whole = len(digits) + exponent
    if whole > MAX_WHOLE_DIGITS:
        raise NumberError(Message("load.number.too-large", digits=MAX_WHOLE_DIGITS))
    if -exponent > MAX_DECIMALS:
        raise NumberError(Message("load.number.too-many-decimals", decimals=MAX_DECIMALS))
    return value


def parse_amount(raw: str, notation: Notation = "plain") -> int:
    """Read a whole, non-negative amount; a fractional value is a :class:`NumberError`."""
    # the common cell, plain ASCII digits (``isdigit`` alone admits other scripts' digits), read
    # without Decimal: the same value and the same size bound as the full reader below
    if raw.isascii() and raw.isdigit() and len(raw.lstrip("0")) <= MAX_WHOLE_DIGITS:
        return int(raw)
    value = parse_decimal(raw, notation)
    if value != value.to_integral_value():
        raise NumberError(Message("load.number.not-whole", value=_as_written(value)))
    if value.as_tuple().exponent != 0:
        # "1,000" in vi (or "1.000" in en) is 1 by the notation, but far more likely a thousands
        # separator from the other notation: a decimal mark in a whole amount is never guessed
        raise NumberError(
            Message(
                "load.number.decimal-mark",
                raw=repr(raw.strip()),
                value=_as_written(value.normalize()),
                notation=notation,
            )
        )
    return int(value)


#: a number written with marks between its digits (``20.200``, ``1,5``, ``20 200``), after its sign
_MARKED = re.compile(r"[0-9][0-9.,\s]*")
Grouped = Literal["vi", "en"]
GROUPED: tuple[Grouped, ...] = ("vi", "en")


def whole_readings(raw: str) -> dict[Grouped, Decimal] | None:
    """The whole numbers ``raw`` reads as in each notation that reads it as one, by notation — or
    ``None`` when ``raw`` is not a number written with marks (plain digits, an empty cell, text).

    ``20.200`` is 20200 in ``vi`` and 20.2 in ``en``: only ``vi`` reads it as a whole number, and
    amounts are whole, so ``{"vi": 20200}``. ``20.000`` is 20000 in ``vi`` and 20 (written with
    three decimals) in ``en``: both whole, ``{"vi": 20000, "en": 20}`` — a cell no column of its
    own can settle. ``1.5`` reads as a whole number in neither: ``{}``. The sign is left aside (a
    negative amount is a problem whatever the notation)."""
    text = raw.strip().replace("\u00a0", " ")
    body = text[1:].strip() if text[:1] in ("+", "-", "\u2212") else text
    if not body or _PLAIN.fullmatch(body) or not _MARKED.fullmatch(body):
        return None
    readings: dict[Grouped, Decimal] = {}
    for notation in GROUPED:
        try:
            value = parse_decimal(body, notation)
        except NumberError:
            continue
        if value == value.to_integral_value():
            readings[notation] = value.to_integral_value()
    return readings


def format_int(value: int, lang: str = "en") -> str:
    """``1234567`` as ``1,234,567`` (en) or ``1.234.567`` (vi)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text
