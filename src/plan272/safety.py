"""The one text-safety layer every human-readable output goes through.

Text from the data (names, labels, notes, file paths, messages quoting them) is never interpreted by
whatever displays it: control characters (C0 — newline, carriage return and tab included — DEL, C1),
bidirectional overrides and isolates, zero-width and other invisible format characters, line and
paragraph separators and lone surrogates are written as visible escapes (``\\n``, ``\\x1b``,
``\\u202e``). So a value can neither start a new line of output (a forged ``::error`` workflow
command, a fake finding), nor move the cursor, recolour a terminal, reorder what is read, hide a
character, or break an encoder. A colon followed by a colon is written ``:\\:``: however the
output is wrapped, no line can begin with ``::``, which a CI runner would take for a command.
Printable text — Vietnamese included — passes unchanged.
"""

from __future__ import annotations

import re


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe(text: str) -> str:
    """``text`` with every character that is not printable written as a visible escape, and no
    ``::`` left in it."""
    if not text.isprintable():  # the common text, Vietnamese included, passes at C speed
        text = "".join(ch if ch == " " or ch.isprintable() else _escape(ch) for ch in text)
    return text.replace("::", ":\\:").replace("::", ":\\:") if "::" in text else text


#: a line that starts (after blanks and colour codes) with ``::``
_COMMAND_LINE = re.compile(r"^((?:\s|\x1b\[[0-9;]*m)*):(?=:)", re.MULTILINE)


def guard_lines(text: str) -> str:
    """``text`` with no line that a CI runner would take for a workflow command: a line that starts
    (after blanks and colour codes) with ``::`` gets ``:\\:``. The last defence, for text composed
    around values (a name ``:`` followed by ``: unchanged``); values themselves go through
    :func:`safe`. Not for the github format, whose own commands are meant."""
    return _COMMAND_LINE.sub(r"\1:\\", text) if "::" in text else text


def json_string(text: str) -> str:
    """``text`` as a JSON string literal: as ``json.dumps`` writes it, with every character that is
    not printable (C1, bidi controls, separators, lone surrogates) also written as ``\\uXXXX`` —
    valid JSON that reads back to the same text, and safe to print."""
    import json

    quoted = json.dumps(text, ensure_ascii=False)
    if quoted.isprintable():  # every character printable (json.dumps escaped the controls)
        return quoted
    out = []
    for ch in quoted:
        if ch == " " or ch.isprintable():
            out.append(ch)
        elif ord(ch) > 0xFFFF:  # a surrogate pair in JSON
            code = ord(ch) - 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (no UTF-8 can carry it)."""
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
