"""Vietnamese amounts in words: read them (words → integer) and write them (integer → words).

Official documents state key amounts twice, in figures and in words (for example, Plan 272's grand
total: "Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng" is 1501713000000 đồng). This
module reads what such documents write:
``nghìn``/``ngàn``, ``lẻ``/``linh``, ``mốt``, ``lăm``/``nhăm``, ``tư``, ``mươi``/``mười``,
``không trăm``, ``tỷ``/``tỉ``, ``triệu``, a trailing ``đồng``, commas, any case and Unicode form —
including thousands of billions, where ``tỷ`` multiplies a whole number below a billion
("một nghìn năm trăm lẻ một tỷ"). Malformed or ambiguous phrases raise :class:`WordsError` saying
which word is wrong, never a wrong number: "một trăm một" (101 or 110?) and "một trăm trăm" are errors.

Packages tried first (on the three phrases of Plan 272, section VIII), and why they are not used:
- ``vietnam-number`` 1.0.6 (PyPI, GPL-3.0-or-later): ``w2n`` reads "Bốn mươi hai tỷ, tám trăm chín
  mươi lăm triệu" but raises ``ValueError`` ("Chữ số trăm nhiều hơn 1 từ") on the two phrases with
  thousands of billions ("Một nghìn năm trăm lẻ một tỷ, …", "Một nghìn bốn trăm năm mươi tám tỷ, …");
  its ``n2w`` writes "lẽ" for "lẻ"; and its GPL licence would bind this MIT package.
- ``num2words`` (lang="vi") only writes numbers as words, it does not read them; its style
  ("một nghìn tỷ năm trăm lẻ một tỷ …") is not the one official documents use.
- ``text2num``, ``word2number``: no Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from plan272.messages import Invalid, Message

Style = Literal["nghin", "ngan"]

DIGITS = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# forms of a unit digit after a tens word (mươi/mười) or after lẻ
AFTER_TENS = {**DIGITS, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
SYNONYMS = {"ngàn": "nghìn", "linh": "lẻ", "tỉ": "tỷ"}
IGNORED = {"đồng", "chẵn", "vnđ", "vnd"}
SCALES = {"triệu": 1_000_000, "nghìn": 1_000}
BILLION = 1_000_000_000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class WordsError(Invalid):
    """A phrase that is not a well-formed Vietnamese number: ``message`` (words of the catalogue,
    ``load.words.*``) says what is wrong and names the word, by its position; ``str()`` is the
    English."""


def tokenize(text: str) -> list[str]:
    """Lower-case NFC words, synonyms folded, punctuation and 'đồng' dropped."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    if any(ch.isdigit() for ch in text):
        raise WordsError(Message("load.words.digits"))
    while words and words[-1] in IGNORED:  # "… triệu đồng", "… đồng chẵn": only at the end
        words.pop()
    out = [SYNONYMS.get(w, w) for w in words]
    if not out:
        raise WordsError(Message("load.words.none"))
    return out


class _Parser:
    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.pos = 0

    def peek(self, offset: int = 0) -> str | None:
        index = self.pos + offset
        return self.words[index] if index < len(self.words) else None

    def error(self, problem: Message) -> WordsError:
        """``problem`` (what is wrong), at the current word of the phrase."""
        word = self.peek()
        words = repr(" ".join(self.words))
        if word is None:
            return WordsError(Message("load.words.at-end", problem=problem, words=words))
        return WordsError(
            Message("load.words.at-word", problem=problem, n=self.pos + 1, word=repr(word), words=words)
        )

    def take(self) -> str:
        word = self.peek()
        assert word is not None
        self.pos += 1
        return word

    def number(self) -> int:
        if self.words == ["không"]:
            self.pos = 1
            return 0
        value = self.below_billion(after_higher=False)
        if self.peek() == "tỷ":
            if value is None:
                raise self.error(Message("load.words.needs-number", word="tỷ"))
            self.take()
            rest = self.below_billion(after_higher=True)
            value = value * BILLION + (rest or 0)
            if self.peek() == "tỷ":
                raise self.error(Message("load.words.second-ty"))
        if value is None:
            raise self.error(Message("load.words.expected-number"))
        if self.peek() is not None:
            raise self.error(Message("load.words.unexpected"))
        return value

    def below_billion(self, after_higher: bool) -> int | None:
        total: int | None = None
        last_scale = BILLION
        while True:
            group = self.group(after_higher)
            word = self.peek()
            if word in SCALES:
                scale = SCALES[word]
                if group is None:
                    if total is not None:
                        raise self.error(Message("load.words.out-of-order", word=word))
                    raise self.error(Message("load.words.needs-number", word=word))
                if scale >= last_scale:
                    raise self.error(Message("load.words.out-of-order", word=word))
                if group == 0:
                    raise self.error(Message("load.words.zero-group", word=word))
                self.take()
                total = (total or 0) + group * scale
                last_scale = scale
                after_higher = True
                continue
            if group is not None:
                total = (total or 0) + group
            return total

    def digit(self, table: dict[str, int]) -> int | None:
        word = self.peek()
        if word is not None and word in table:
            return table[word]
        return None

    def group(self, after_higher: bool) -> int | None:
        """A number below 1000, or ``None`` when no number word starts here."""
        start = self.pos
        hundreds: int | None = None
        first = self.peek()
        if first in DIGITS and self.peek(1) == "trăm":
            hundreds = DIGITS[first]
            if hundreds == 0 and not after_higher:
                raise self.error(Message("load.words.khong-tram-first"))
            self.pos += 2
        elif first == "trăm":
            raise self.error(Message("load.words.tram-needs-digit"))
        value = (hundreds or 0) * 100
        word = self.peek()
        if word == "lẻ":
            if hundreds is None and not after_higher:
                raise self.error(Message("load.words.le-after-tram"))
            self.take()
            unit = self.digit(AFTER_TENS)
            if unit is None or unit == 0:
                raise self.error(Message("load.words.le-needs-digit"))
            if self.peek() == "mốt":
                raise self.error(Message("load.words.le-mot"))
            self.take()
            return value + unit
        if word == "mười":
            self.take()
            unit = self._unit_after_tens(ten=True)
            return value + 10 + unit
        if word in DIGITS and self.peek(1) == "mươi":
            tens = DIGITS[word]
            if tens < 2:
                raise self.error(Message("load.words.mot-muoi", word=word))
            self.pos += 2
            return value + tens * 10 + self._unit_after_tens(ten=False)
        if word == "mươi":
            raise self.error(Message("load.words.muoi-needs-digit"))
        if word in DIGITS and self.peek(1) not in ("trăm",):
            if hundreds is not None or after_higher:
                raise self.error(Message("load.words.ambiguous-digit"))
            self.take()
            return DIGITS[word]
        if word in ("mốt", "lăm", "nhăm", "tư"):
            raise self.error(Message("load.words.after-tens-only", word=word))
        if hundreds is None:
            self.pos = start
            return None
        if hundreds == 0:
            raise self.error(Message("load.words.khong-tram-alone"))
        return value

    def _unit_after_tens(self, ten: bool) -> int:
        word = self.peek()
        if word is None or word not in AFTER_TENS:
            return 0
        if self.peek(1) in ("trăm", "mươi"):
            raise self.error(Message("load.words.group-after-tens"))
        if word == "không":
            raise self.error(Message("load.words.khong-after-tens"))
        if ten and word == "mốt":
            raise self.error(Message("load.words.muoi-mot"))
        if ten and word == "năm":
            raise self.error(Message("load.words.muoi-lam"))
        self.take()
        return AFTER_TENS[word]


def words_to_int(text: str) -> int:
    """Read a Vietnamese number in words; raise :class:`WordsError` on anything malformed."""
    return _Parser(tokenize(text)).number()


_NAMES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _group_words(value: int, full: bool, style: Style) -> list[str]:
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    zero_tens = "lẻ" if style == "nghin" else "linh"
    out: list[str] = []
    if hundreds or full:
        out += [_NAMES[hundreds], "trăm"]
    if tens == 0:
        if units:
            out += [zero_tens, _NAMES[units]] if out else [_NAMES[units]]
    elif tens == 1:
        out.append("mười")
        if units:
            out.append("lăm" if units == 5 else _NAMES[units])
    else:
        out += [_NAMES[tens], "mươi"]
        if units:
            out.append({1: "mốt", 5: "lăm"}.get(units, _NAMES[units]))
    return out


def _below_billion(value: int, full: bool, style: Style) -> list[str]:
    thousand = "nghìn" if style == "nghin" else "ngàn"
    out: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, thousand), (1, "")):
        group = value // scale % 1000
        if group:
            out += _group_words(group, full or bool(out), style)
            if name:
                out.append(name)
    return out


def int_to_words(value: int, style: Style = "nghin") -> str:
    """The canonical words of a non-negative integer (below 10^18): 'nghìn'/'lẻ' or 'ngàn'/'linh'."""
    if value < 0 or value >= BILLION * BILLION:
        raise ValueError("only 0 ≤ value < 10^18 can be written")
    if value == 0:
        return "không"
    high, low = divmod(value, BILLION)
    out: list[str] = []
    if high:
        out += [*_below_billion(high, False, style), "tỷ"]
    out += _below_billion(low, bool(high), style)
    return " ".join(out)
