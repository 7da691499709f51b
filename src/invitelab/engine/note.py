"""Reading a note: normalisation that keeps character offsets, tokens and sentences (word lists are in
``words``, compiled patterns in ``patterns``).

Everything here is linear in the length of the note. The note is read up to MAX_ANALYSED characters,
with long runs of white space and long tokens shortened; :meth:`Note.original_span` maps offsets into
:attr:`Note.text` back to the student's original text, so evidence is highlighted where it was written.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..normalize import without_invisible

# Content criteria read at most this many characters; `length` always counts the whole note (a
# LinkedIn note holds at most 300, so this is ten times the longest note anyone can send).
MAX_ANALYSED = 3_000
# Runs of white space longer than this, and tokens without a space longer than LONG_TOKEN, are read
# shortened (offsets are mapped back to the original text): no pattern can then walk a long run from
# every position inside it, which is what made 1,000 blank lines take most of a minute.
SPACE_RUN = 3
LONG_TOKEN = 64

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

_LONG_RUN = re.compile(rf"\s{{{SPACE_RUN + 1},}}|\S{{{LONG_TOKEN + 1},}}")


def _shorten_run(run: str) -> str:
    """A long run read as a short one of the same kind: a space run keeps its first character,
    up to two line breaks and its last character; a long token keeps its first LONG_TOKEN characters."""
    if not run[0].isspace():
        return run[:LONG_TOKEN]
    breaks = min(2, run.count("\n"))
    if not breaks:
        return run[:SPACE_RUN]
    return ("" if run[0] == "\n" else run[0]) + "\n" * breaks + ("" if run[-1] == "\n" else run[-1])


def _removed_positions(original: str, cleaned: str) -> list[int]:
    """For each character removed from `original` to give `cleaned` (a subsequence of it), the
    offset in `cleaned` where it stood (one linear walk)."""
    out = []
    j = 0
    n = len(cleaned)
    for ch in original:
        if j < n and cleaned[j] == ch:
            j += 1
        else:
            out.append(j)
    return out


def _cuts(text: str) -> list[tuple[int, int, str]]:
    """The long runs of a text: (start, end, what they are read as)."""
    return [(m.start(), m.end(), _shorten_run(m.group(0))) for m in _LONG_RUN.finditer(text)]


def _apply(text: str, cuts: list[tuple[int, int, str]], keep_original: bool = False) -> str:
    """The text with each cut replaced by its short form (or, with keep_original, by as many of
    its own first characters: the same offsets, the writer's characters)."""
    pieces = []
    last = 0
    for start, end, short in cuts:
        pieces.append(text[last:start])
        pieces.append(text[start:start + len(short)] if keep_original else short)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


_TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)
# a sentence ends at a line break or at ".", "!" or "?" (a "." right before a letter or digit, as in
# "3.5" or "alexrivera.dev", does not end one)
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=[^\W_]))*(?:[.!?]+|\n|$)")
# full stops that end no sentence: after a word of lexicon/sentences.toml written as a word
# ("St. Edward's", "Mt. Hood"; not "MS." the degree), and the last stop of a dotted abbreviation
# before a lower-case word or a digit ("the U.S. team", "e.g. a post"). An initial ("Seattle U.")
# is not read either way: it may end a sentence.
_ABBREVIATION_DOT = re.compile(
    r"(?<![\w.'])(?P<word>[A-Za-z][a-z]{1,5})\.(?=[ \t]+[^\W_])"
    r"|(?<![\w.])(?:[A-Za-z]\.){1,3}[A-Za-z]\.(?=[ \t]+(?:[a-z0-9]|(?<=[eE]\.[gG]\.|[iI]\.[eE]\.)[ \t]*\S))")


def abbreviation_dots(text: str) -> list[int]:
    """Where a full stop in `text` ends no sentence (see _ABBREVIATION_DOT), in order."""
    if "." not in text:
        return []
    from . import lexicon  # the words are data (lexicon/sentences.toml); as the check's rubric has them

    words = lexicon.family("sentences.abbreviations").word_set
    out = []
    for m in _ABBREVIATION_DOT.finditer(text):
        word = m.group("word")
        if word is None or word.lower() in words:
            out.append(m.end() - 1)
    return out


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

    # the fact matcher's tables for this note (engine.facts.NoteIndex), built on first use by
    # engine.facts.note_index; a caller may instead build one and pass it to the matcher
    facts_index = None

    def __init__(self, raw: str):
        self.raw = raw
        self.truncated = len(raw) > MAX_ANALYSED
        self.read_length = min(len(raw), MAX_ANALYSED)  # how much of the original was read
        # zero-width, direction-control and control characters are removed before reading
        # (invitelab.normalize); `removed_at` keeps where, to map offsets back
        cleaned = without_invisible(raw[:MAX_ANALYSED])
        self.notice = cleaned.notice
        self._clean = cleaned.text
        self._removed_at = _removed_positions(raw[:MAX_ANALYSED], cleaned.text) if cleaned.removed else []
        text = normalise(self._clean)
        self._cuts = _cuts(text)
        text = _apply(text, self._cuts) if self._cuts else text
        # a full stop that ends no sentence ("St. Edward's", "U.S.", "J. Smith") is read as a space,
        # so that no pattern stops at it; snippets show it again
        self._dots = abbreviation_dots(text)
        if self._dots:
            chars = list(text)
            for at in self._dots:
                chars[at] = " "
            text = "".join(chars)
        self.text = text
        # analysed offsets from _starts[i] on are original offsets minus _shifts[i]
        self._starts, self._shifts = [0], [0]
        shift = 0
        for _start, end, short in self._cuts:
            shift += end - _start - len(short)
            self._starts.append(end - shift)
            self._shifts.append(shift)
        self.lower = _lower_same_length(self.text)

    @cached_property
    def raw_read(self) -> str:
        """The writer's own characters (before normalisation) at the offsets of :attr:`text`."""
        raw = self._clean
        return _apply(raw, self._cuts, keep_original=True) if self._cuts else raw

    def original_offset(self, offset: int) -> int:
        """Where an offset into :attr:`text` falls in the student's original text."""
        if len(self._starts) > 1:
            offset += self._shifts[bisect_right(self._starts, offset) - 1]
        if self._removed_at:
            offset += bisect_right(self._removed_at, offset)
        return offset

    def original_span(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None or (len(self._starts) == 1 and not self._removed_at):
            return span
        return self.original_offset(span[0]), self.original_offset(span[1])

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
        piece = self.text[start:end]
        if self._dots:  # the full stops read as spaces are shown as written
            lo, hi = bisect_left(self._dots, start), bisect_left(self._dots, end)
            if lo < hi:
                chars = list(piece)
                for at in self._dots[lo:hi]:
                    chars[at - start] = "."
                piece = "".join(chars)
        piece = " ".join(piece.split())
        return piece if len(piece) <= width else piece[: width - 1].rstrip() + "…"
