"""Word lists and word forms: ordinary English words (SCOWL), stop words, a light stemmer."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    path = Path(__file__).parent.parent / "data" / "english_words.txt"
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
