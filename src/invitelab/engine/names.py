"""Names: whether the name a greeting uses is the recipient's, nearly (misspelled) or another's."""
from __future__ import annotations

import re

from ..profiles import Profile
from .note import fold


def similar(a: str, b: str) -> bool:
    import difflib  # on first use, so that importing the engine stays fast

    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio >= 0.7 or (len(a) >= 4 and len(b) >= 4 and _edit1(a, b))


def _edit1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def name_parts(profile: Profile) -> tuple[set[str], set[str], list[str]]:
    full = [fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", profile.name)]
    firsts = {fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", profile.first_name)} | ({full[0]} if full else set())
    lasts = {full[-1]} if len(full) > 1 else set()
    if len(full) > 2:
        lasts.add(" ".join(full[1:]))
    return firsts, lasts, full
