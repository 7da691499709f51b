"""Invisible characters, removed before a note is read, with a line saying what was removed.

A zero-width space inside a name ("Hi D\\u200bana") looks like "Hi Dana" on screen but would be
read as two words; a right-to-left override makes the screen show other text than the note holds;
NUL and other control characters come from pasting out of PDFs and word processors. The engine
reads the note without them, and says so (issue 13):

    cleaned = without_invisible(text)
    cleaned.text     # "Hi Dana, thanks"
    cleaned.notice   # "Removed 1 invisible character before reading (a zero-width space, U+200B) ..."

Newlines and tabs are kept; a carriage return is kept too (Windows line ends; the engine treats
it as a line break). Pure and standard library only, so it runs in Pyodide.
"""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["INVISIBLE_NAMES", "Cleaned", "without_invisible"]

# Characters with no width, that change direction, or that control a terminal: never part of a note.
INVISIBLE_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u180e": "Mongolian vowel separator",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\x00": "NUL character",
    "\x7f": "delete character",
}
# Removed too: C0 and C1 control characters (but newline, tab, carriage return), invisible
# operators and other format characters, and lone surrogates (broken UTF-16, cannot be saved).
_RANGES = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0x2061, 0x2064), (0x206A, 0x206F),
           (0xFFF9, 0xFFFB), (0xD800, 0xDFFF))
_TABLE = dict.fromkeys([ord(c) for c in INVISIBLE_NAMES if c != "\u200d"]
                       + [code for low, high in _RANGES for code in range(low, high + 1)])
_CLASS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _RANGES) + "".join(
    f"\\U{ord(c):08x}" for c in INVISIBLE_NAMES if c != "\u200d")
# A zero-width joiner is kept between emoji (it makes one emoji of two), removed elsewhere.
_ANY = re.compile(f"[{_CLASS}]|\u200d(?![\u2600-\u27bf\U0001F000-\U0001FAFF])")
_NOTICE_SHOWS = 80  # characters of the cleaned note quoted in the notice


class Cleaned(NamedTuple):
    text: str  # the note without invisible characters
    removed: int  # how many were removed
    notice: str  # "" when nothing was removed; otherwise one line saying what and what was read


def _name(ch: str) -> str:
    if ch in INVISIBLE_NAMES:
        return INVISIBLE_NAMES[ch]
    if "\ud800" <= ch <= "\udfff":
        return "broken character (a lone surrogate)"
    return "control character"


def without_invisible(text: str) -> Cleaned:
    """`text` without zero-width, direction-control, NUL and other control characters (newline,
    tab and carriage return kept), how many were removed, and a one-line notice for the feedback.

    Linear in the length of the text; when nothing is removed the same string is returned."""
    first = _ANY.search(text)
    if first is None:  # the common case: one fast scan, the same string back
        return Cleaned(text, 0, "")
    # str.translate is fastest on ASCII text, a regular expression on the rest (both linear)
    cleaned = text.translate(_TABLE) if text.isascii() else _ANY.sub("", text)
    removed: dict[str, int] = {}
    for match in _ANY.finditer(text, first.start()):  # name the kinds from the first few (linear, bounded)
        removed[match.group()] = removed.get(match.group(), 0) + 1
        if len(removed) > 3 or sum(removed.values()) > 1000:
            break
    for ch in removed:
        removed[ch] = text.count(ch) if ch != "\u200d" else removed[ch]
    count = len(text) - len(cleaned)
    kinds = []
    for ch, n in sorted(removed.items(), key=lambda item: -item[1])[:3]:
        code = f"U+{ord(ch):04X}"
        kinds.append(f"{n:,} × {_name(ch)}, {code}" if n > 1 else f"a {_name(ch)}, {code}")
    more = ", ..." if len(removed) > 3 else ""
    shown = " ".join(cleaned[: _NOTICE_SHOWS * 4].split())
    shown = shown if len(shown) <= _NOTICE_SHOWS else shown[: _NOTICE_SHOWS - 3] + "..."
    notice = (f"Removed {count:,} invisible {'character' if count == 1 else 'characters'} before reading "
              f"({'; '.join(kinds)}{more}); the note was read as: “{shown}”.")
    return Cleaned(cleaned, count, notice)
