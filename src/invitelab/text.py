"""Reading a note: normalisation that keeps character offsets, tokens, sentences, word lists.

Everything here is linear in the length of the note. Offsets into :attr:`Note.text` are offsets
into the student's original text, so evidence can be highlighted where it was written.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
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


_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ies", "ied", "es", "ed", "s")


# Words ending in -er that are not "someone who ...": keep them whole ("career" is not "care").
_KEEP_ER = frozenset(
    """career center centre member chapter number order paper water letter matter summer winter
    offer answer corner power tower cover border partner cancer computer master finger cluster
    poster filter quarter semester shelter theater theatre register folder other under after
    never ever over either whether together rather""".split()
)


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stemmer: 'recruiters', 'recruiting', 'recruiter' -> 'recruit';
    'engineering', 'engineer' -> 'engin'."""
    w = _strip_suffix(word.lower().replace("'", ""))
    if w.endswith("er") and len(w) > 5 and w not in _KEEP_ER:
        w = w[:-2]  # a second pass for agent nouns only: "engineering" -> "engineer" -> "engine"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _strip_suffix(w: str) -> str:
    if len(w) <= 3 or w in _KEEP_ER or (w.endswith("s") and w[:-1] in _KEEP_ER):
        return w[:-1] if w.endswith("s") and w[:-1] in _KEEP_ER else w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                base = w[:-1]
                if base.endswith("e"):
                    base = base[:-1]
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return w


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary lower-case English words (SCOWL small list, see data/english_words.NOTICE)."""
    path = Path(__file__).with_name("data") / "english_words.txt"
    return frozenset(path.read_text(encoding="ascii").split())


STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either else few
    for from further had has have having he her here hers herself him himself his how i i'd i'll
    i'm i've if in into is it it's its itself just me might more most must my myself no nor not
    now of off on once only or other ought our ours ourselves out over own same she should so
    some such than that that's the their theirs them themselves then there these they this those
    through to too under until up upon us very was we we're were what when where which while who
    whom why will with would you you'd you'll you're you've your yours yourself yourselves im ive
    id dont don't can't cant won't wont isn't wasn't really quite much many lot lots one two
    via per etc yes yet ever even still""".split()
)

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


_LAST: tuple[str | None, str] = (None, "")


class LazyPattern:
    """A regex compiled on first use: the engine has many, and one check needs only some of them,
    so a one-off `invitelab check` starts faster."""

    __slots__ = ("_source", "_flags", "_compiled", "_needles")

    def __init__(self, source: str, flags: int = 0, needles: tuple[str, ...] = ()):
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._needles = needles  # lower-case strings one of which any match must contain

    def _absent(self, text: str) -> bool:
        """True when the text cannot match (none of the needles is in it): skip the regex."""
        if not self._needles:
            return False
        global _LAST
        last = _LAST  # one note is searched by many patterns in a row: lower it once (one tuple, thread-safe)
        if last[0] is not text:
            last = _LAST = (text, text.lower())
        low = last[1]
        for n in self._needles:
            if n in low:
                return False
        return True

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, *args):
        if self._needles and self._absent(args[0]):
            return None
        return (self._compiled or self._get()).search(*args)

    def match(self, *args):
        return (self._compiled or self._get()).match(*args)

    def fullmatch(self, *args):
        return (self._compiled or self._get()).fullmatch(*args)

    def finditer(self, *args):
        if self._needles and self._absent(args[0]):
            return iter(())
        return (self._compiled or self._get()).finditer(*args)

    def findall(self, *args):
        return (self._compiled or self._get()).findall(*args)

    def sub(self, *args):
        if self._needles and self._absent(args[1]):
            return args[1]
        return (self._compiled or self._get()).sub(*args)

    @property
    def pattern(self) -> str:
        return self._source


def lazy_compile(source: str, flags: int = 0, needles: tuple[str, ...] = ()) -> LazyPattern:
    return LazyPattern(source, flags, needles)


def _trie_regex(trie: dict) -> str:
    """Turn a word trie into a regex that tries longer phrases first (fast for many phrases)."""
    branches = []
    for word, rest in sorted(((w, r) for w, r in trie.items() if w), key=lambda kv: (-len(kv[0]), kv[0])):
        more = {k: v for k, v in rest.items() if k}
        if more:
            optional = "?" if "" in rest else ""
            branches.append(re.escape(word) + r"(?:[\s\-]+" + _trie_regex(more) + ")" + optional)
        else:
            branches.append(re.escape(word))
    return "(?:" + "|".join(branches) + ")"


def phrase_pattern(phrases: tuple[str, ...], case_sensitive: bool = False) -> re.Pattern[str]:
    """A regex that finds any of the phrases as whole words (spaces match any white space)."""
    trie: dict = {}
    for phrase in {p.strip() for p in phrases if p.strip()}:
        node = trie
        words = normalise(phrase).split()
        if not case_sensitive:
            words = [w.lower() for w in words]
        for word in words:
            node = node.setdefault(word, {})
        node[""] = {}
    if not trie:
        return lazy_compile(r"(?!x)x")
    flags = 0 if case_sensitive else re.IGNORECASE
    return lazy_compile(r"(?<![\w'])" + _trie_regex(trie) + r"(?![\w'])", flags)
