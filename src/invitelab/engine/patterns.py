"""Compiled patterns: regexes compiled on first use (with needle pre-checks) and phrase lists as one regex."""
from __future__ import annotations

import re

from . import regexcache
from .note import normalise

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
            self._compiled = regexcache.compile(self._source, self._flags)  # re.compile, kept between processes
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

    def split(self, *args, **kwargs):
        return (self._compiled or self._get()).split(*args, **kwargs)

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
