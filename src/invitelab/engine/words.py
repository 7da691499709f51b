"""Word forms and ordinary words: a light stemmer, the stop words, ordinary English words (SCOWL).

The word lists are data: the stop words and the stemmer's whole -er words are the lexicon families
``words.stopwords`` and ``words.keep_er`` (``lexicon/words.toml``, read as the rubric in force has
them); the English words are ``invitelab/data/english_words.txt`` (sorted, one a line).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import lexicon

_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ies", "ied", "es", "ed", "s")


def stem(word: str) -> str:
    """A light stemmer: 'recruiters', 'recruiting', 'recruiter' -> 'recruit';
    'engineering', 'engineer' -> 'engin'. Words of ``words.keep_er`` ("career", "poster") keep their -er."""
    changes = _active_changes()  # the rubric in force when it changes lexicon families, else None
    return _stem(word) if changes is None else _stem_for(word, changes)


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    return _stem_with(word, lexicon.family("words.keep_er").word_set)


@lru_cache(maxsize=4096)
def _stem_for(word: str, rubric) -> str:
    return _stem_with(word, lexicon.family("words.keep_er", rubric).word_set)


_active_changes = lexicon.active_changes


def _stem_with(word: str, keep: frozenset[str]) -> str:
    w = _strip_suffix(word.lower().replace("'", ""), keep)
    if w.endswith("er") and len(w) > 5 and w not in keep:
        w = w[:-2]  # a second pass for agent nouns only: "engineering" -> "engineer" -> "engine"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _strip_suffix(w: str, keep: frozenset[str]) -> str:
    if len(w) <= 3 or w in keep or (w.endswith("s") and w[:-1] in keep):
        return w[:-1] if w.endswith("s") and w[:-1] in keep else w
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


def stopwords() -> frozenset[str]:
    """The stop words (lexicon family ``words.stopwords``, lower case), as the rubric in force has them."""
    return lexicon.family("words.stopwords").word_set


def __getattr__(name: str):
    """``STOPWORDS``, the old constant, as the rubric in force has it (read on first use)."""
    if name == "STOPWORDS":
        return stopwords()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class EnglishWords:
    """Ordinary lower-case English words, for ``word in english_words()``: a binary search in the
    sorted file's text (results cached), which costs a process far less than a set of its 40,000
    words would to build."""

    __slots__ = ()

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and _is_english(word)


@lru_cache(maxsize=1)
def english_words() -> EnglishWords:
    """Ordinary lower-case English words (SCOWL small list, see data/english_words.NOTICE)."""
    return EnglishWords()


@lru_cache(maxsize=1)
def _english_text() -> str:
    path = Path(__file__).parent.parent / "data" / "english_words.txt"
    return "\n" + path.read_text(encoding="ascii").strip() + "\n"  # sorted (C order), one word a line


@lru_cache(maxsize=16384)
def _is_english(word: str) -> bool:
    if not word or "\n" in word or word != word.strip():
        return False
    text = _english_text()
    lo, hi = 1, len(text)  # text[lo:hi] starts a line and ends with "\n"
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", lo - 1, mid) + 1  # the line around mid (text[lo - 1] is a "\n")
        end = text.find("\n", start)
        here = text[start:end]
        if here == word:
            return True
        if here < word:
            lo = end + 1
        else:
            hi = start
    return False
