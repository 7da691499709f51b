"""Reading a note: normalisation that keeps character offsets, tokens and sentences (word lists are in
``words``, compiled patterns in ``patterns``).

Everything here is linear in the length of the note. Offsets into :attr:`Note.text` are offsets
into the student's original text, so evidence can be highlighted where it was written.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

# Content criteria read at most this many characters; `length` always counts the whole note.
MAX_ANALYSED = 20_000

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_TRANSLATION = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    **{ord(c): " " for c in "\u00a0\u2007\u202f\u3000\u2002\u2003\u2009\u200a" + _ZERO_WIDTH + _BIDI},
    **{c: " " for c in list(range(0, 9)) + [11, 12] + list(range(14, 32)) + [127]},
    ord("\r"): "\n",
    ord("\u2026"): ".",
    ord("\uff01"): "!",
    ord("\uff1f"): "?",
}


def normalise(text: str) -> str:
    """Straighten quotes and dashes, blank out control and invisible characters (same length)."""
    return text.translate(_TRANSLATION)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(word: str) -> str:
    """Lower case without accents: 'José' -> 'jose'."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))

_TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


class Token(NamedTuple):
    text: str  # as written (normalised quotes)
    low: str  # lower case, accents folded, possessive 's removed
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


class Note:
    """One invitation note, read once; rules share what is computed here."""

    def __init__(self, raw: str):
        self.raw = raw
        self.truncated = len(raw) > MAX_ANALYSED
        self.text = normalise(raw[:MAX_ANALYSED])
        self.lower = _lower_same_length(self.text)

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def is_empty(self) -> bool:
        return not self.stripped

    @cached_property
    def all_lowercase(self) -> bool:
        """True when the writer did not use capitals (then case cannot tell names apart)."""
        text = self.text.replace(" I ", " i ").replace("I'", "i'")
        return text == text.lower()

    @cached_property
    def tokens(self) -> list[Token]:
        out = []
        append = out.append
        for m in _TOKEN.finditer(self.text):
            word = m.group(0)
            low = word.lower() if word.isascii() else fold(word)
            if "'" in low:
                if low.endswith("'s"):
                    low = low[:-2]
                elif low.endswith("s'"):
                    low = low[:-1]
            if "." in low:
                low = low.replace(".", "")
            append(Token(word, low, m.start(), m.end()))
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for m in _SENTENCE.finditer(self.text):
            chunk = m.group(0)
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                out.append(Sentence(m.start() + lead, m.end(), chunk.strip()))
        return out

    def snippet(self, start: int, end: int, width: int = 80) -> str:
        """The words of the note between two offsets, trimmed to a readable length."""
        piece = " ".join(self.text[start:end].split())
        return piece if len(piece) <= width else piece[: width - 1].rstrip() + "…"
