"""Names: whether the name a greeting uses is the recipient's, nearly (misspelled) or another's
(read for ``greeting``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..profiles import Profile
from .note import fold
from .words import english_words

if TYPE_CHECKING:
    from .reading import Reading

_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")
_VOCATIVE = re.compile(r",\s*([^\W\d_][\w'-]*)\s*[,.!?]")


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


class Addressing(NamedTuple):
    """Whom the note's opening addresses, as the greeting criterion judges it."""

    # "empty" | "none" (no greeting) | "vocative" (", Dana!" near the start) | "no_name" |
    # "placeholder" | "nobody" ("Hi there") | "someone" (a name, no profile to check it) | "unnamed"
    # (without a profile, a word that is not a name) |
    # "recipient" | "misspelled" | "last_name" (without a title) | "other" (another's name)
    kind: str
    span: tuple[int, int] | None = None


def addressing(r: Reading) -> Addressing:
    """Whether the greeting names the recipient, correctly spelled."""
    note, recipient, g = r.note, r.recipient, r.greeting
    if note.is_empty:
        return Addressing("empty")
    if g is None:
        if recipient:
            firsts, _, _ = name_parts(recipient)
            for m in _VOCATIVE.finditer(note.text[:100]):  # "Great to meet you, Dana!"
                if fold(m.group(1)) in firsts:
                    return Addressing("vocative", m.span(1))
        return Addressing("none")
    span = (g.start, g.end)
    if not g.name:
        return Addressing("no_name", span)
    name_words = [fold(w) for w in _NAME_WORD.findall(g.name)]
    raw_name = g.name.strip()
    if r.lex("placeholders.brackets").search(raw_name) or (raw_name.isupper() and r.patterns.placeholder_words.search(raw_name)):
        return Addressing("placeholder", span)
    if not name_words or name_words[0] in r.lex("addressees.generic").word_set or "/" in raw_name:
        return Addressing("nobody", span)
    if recipient is None:
        if g.greet or (g.name[:1].isupper() and name_words[0] not in english_words()):
            return Addressing("someone", span)
        return Addressing("unnamed")
    firsts, lasts, full = name_parts(recipient)
    title = bool(g.title)
    first_word = name_words[0]
    ok = (
        first_word in firsts
        or name_words == full
        or " ".join(name_words) in firsts
        or (title and (name_words[-1] in lasts or " ".join(name_words) in lasts))
    )
    if ok and len(name_words) > 1 and first_word in firsts and not title:
        # "Dana Whitfeld": a first name then a misspelled last name
        extra = name_words[1:]
        if extra and not (extra == full[1:] or " ".join(extra) in lasts) and any(similar(w, last) for w in extra for last in lasts):
            ok = False
    if ok:
        return Addressing("recipient", span)
    if not g.greet and not title:
        # The note opens with some other word and a comma ("Quick question, ..."): not a greeting
        if not any(similar(w, n) for w in name_words[:1] for n in firsts | lasts):
            return Addressing("none")
    if any(similar(w, n) for w in name_words for n in firsts | lasts):
        return Addressing("misspelled", span)
    if name_words[0] in lasts and not title:
        return Addressing("last_name", span)
    return Addressing("other", span)
