"""Text normalisation: NFC storage and name keys that survive case, Unicode form and tone placement.

Vietnamese writes the tone of "oa/oe/uy" syllables in two places ("Hóa"/"Hoá", "Thủy"/"Thuỷ").
A syllable carries exactly one tone, so :func:`name_key` detaches the tone mark from its letter and
appends it to the syllable: both spellings give the same key, while "Hòa" and "Hóa" stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from plan272.messages import Message

# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")


#: ``nfc(text)``: the NFC form of ``text`` — how plan272 stores every string (a partial of the C
#: function, not a Python function: it is called on every cell of every file)
nfc: Callable[[str], str] = functools.partial(unicodedata.normalize, "NFC")


def split_tones(text: str) -> tuple[str, str]:
    """``text`` without its Vietnamese tone marks (NFC: the letters keep their other marks, ô ơ ư ă)
    and the tone marks it had, in order: ``"Kế"`` → ``("Kê", "\u0301")``."""
    decomposed = unicodedata.normalize("NFD", text)
    tones = "".join(ch for ch in decomposed if ch in _TONES)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES)), tones


@functools.lru_cache(maxsize=1 << 16)
def _syllable_key(word: str) -> str:
    base, marks = split_tones(word)
    tones = "".join(_TONES[ch] for ch in marks)
    return base + (f"#{tones}" if tones else "")


#: an id as the plan writes it: ASCII, so that no id can look like another
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


def id_problem(value: str) -> Message | None:
    """Why ``value`` is not an id (naming the first odd character: a Cyrillic ``І``, a zero-width
    joiner, a fullwidth digit), or ``None`` when it is one. The character's Unicode name is data: it
    stays as the standard writes it in every language."""
    if ID_PATTERN.fullmatch(value):
        return None
    odd = next((ch for ch in value if not (ch.isascii() and (ch.isalnum() or ch in "._-"))), None)
    if odd is not None:
        why = Message(
            "model.id.character", character=repr(odd), name=unicodedata.name(odd, f"U+{ord(odd):04X}")
        )
    elif not value:
        why = Message("model.id.empty")
    elif len(value) > 40:
        why = Message("model.id.long", count=len(value))
    else:
        why = Message("model.id.start", character=repr(value[0]))
    return Message("model.id.rule", why=why)


#: the blocks where Unicode has its format characters (category Cf: soft hyphen, Arabic number
#: signs, zero-width and bidi controls, the BOM, interlinear annotation, Egyptian hieroglyph and
#: shorthand format controls, musical symbol beams, tags), wider than the characters themselves: a
#: text without any character of these blocks has no format character to drop, and is not looked
#: at character by character (a test checks every Cf character of this Python's Unicode is here)
MAYBE_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd-\U000110cd\U00013430-\U0001345f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def fold(text: str) -> str:
    """An identifier as a person reads it: compatibility forms unified (fullwidth ``Ｉ`` is ``I``),
    invisible format characters (zero-width joiners, bidi marks) dropped, case folded. Two ids
    with the same fold are the same id to a reader, so they must not be two ids to the tool."""
    if text.isascii():  # NFKC leaves ASCII as it is, and no format character is ASCII
        return text.casefold()
    text = unicodedata.normalize("NFKC", text)
    if MAYBE_FORMAT.search(text) is not None:
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.casefold()


_DASHES = ("-", "\u2013", "\u2014")


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A matching key for a name: case-folded, NFC, tone placement and spacing normalised,
    compatibility forms unified and invisible format characters dropped. Memoised: a plan repeats
    its investors and agencies on every row."""
    text = nfc(fold(name))
    if any(dash in text for dash in _DASHES):
        text = _DASH.sub(" - ", text)
    # words at any run of whitespace (str.split's whitespace is the regular expressions' \s)
    return " ".join(map(_syllable_key, text.split()))
