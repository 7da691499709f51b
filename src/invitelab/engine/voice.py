"""How a note sounds: a note in capitals, shouted words, runs of "!!", emoji, text-speak (read
for ``tone``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import facts as F
from .note import fold
from .patterns import lazy_compile
from .words import english_words

if TYPE_CHECKING:
    from .reading import Reading


class Voice(NamedTuple):
    kind: str  # "empty" | "capitals" | "shouted" | "punctuation" | "emoji" | "text_speak" | "ok"
    span: tuple[int, int] | None = None
    detail: str = ""  # the shouted words, the number of emoji, the text-speak word


_EMOJI_CLASS = (
    "\U0001F300-\U0001F3FA\U0001F400-\U0001FAFF\u2600-\u27BF\U0001F000-\U0001F2FF\u2B00-\u2BFF"
    "\u2300-\u23FF\u203C\u2049\u3030\u303D\u3297\u3299"
)
_EMOJI = lazy_compile(
    "[\U0001F1E6-\U0001F1FF]{2}"  # a flag: two regional letters
    "|[" + _EMOJI_CLASS + "][\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]*"
    "(?:\u200d[" + _EMOJI_CLASS + "][\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]*)*"  # joined: 👩‍💻
    "|[\U0001F1E6-\U0001F1FF]"
)


def count_emoji(text: str) -> list[int]:
    """Offsets of emoji, counting a joined sequence (👩‍💻), a skin tone or a flag as one."""
    return [m.start() for m in _EMOJI.finditer(text)]


def _is_acronym(word: str, r: Reading) -> bool:
    if word in r.patterns.acronyms:
        return True
    if fold(word) in r.name_words:
        return False  # "DANA, your post is AWESOME": a name in capitals is shouted too
    for prof in (r.recipient, r.sender):
        if prof and word in F.profile_facts(prof).acronyms:
            return True
    low = word.lower()
    if re.search(r"(.)\1\1", low):  # "SOOO", "PLEASEEE"
        return False
    return low not in english_words()


_NOT_LETTER = lazy_compile(r"[\W\d_]+")
_TWO_CAPITALS = lazy_compile(r"[^\W\d_a-z]{2}")


def read_voice(r: Reading) -> Voice:
    """The first thing in the note that reads as unprofessional, in the rubric's order."""
    note = r.note
    if note.is_empty:
        return Voice("empty")
    text = note.text
    placeholders = r.placeholders if _TWO_CAPITALS.search(text) else ()
    if placeholders:  # "[CONTACT NAME]" is the template's blank, not the sender's voice
        text = r.blanked
    if not _TWO_CAPITALS.search(text):
        letters = ""  # no two capitals in a row: neither a note in capitals nor shouted words
    else:
        letters = _NOT_LETTER.sub("", text)
    upper = sum(map(str.__ne__, letters, letters.lower())) if len(letters) >= 12 else 0
    if len(letters) >= 12 and upper / len(letters) >= 0.7:
        return Voice("capitals")
    shouted = [t for t in note.tokens if len(t.text) >= 3 and t.text.isupper() and t.text.isalpha()
               and not _is_acronym(t.text, r) and not any(a <= t.start < b for a, b in placeholders)] if letters else []
    if len(shouted) >= 2:
        a = shouted[0]
        return Voice("shouted", (a.start, a.end), ", ".join(t.text for t in shouted[:3]))
    run = re.search(r"!{2,}|\?{2,}|[!?]{3,}", text)
    if run:
        return Voice("punctuation", (run.start(), run.end()))
    emoji = [] if text.isascii() else count_emoji(note.raw_read)
    if len(emoji) >= 3:
        return Voice("emoji", (emoji[0], emoji[0] + 1), str(len(emoji)))
    text_speak = r.patterns.text_speak
    for t in note.tokens:
        low = t.low
        if low in text_speak:
            if (len(low) == 1 and t.text != low) or (len(low) > 1 and t.is_upper):
                continue  # "U of M", "R" the language, "RN" (a nurse), "TY" in a name
            if low == "u" and r.lex("voice.letter_u").pattern.match(text[t.end: t.end + 4]):
                continue
            if low == "r" and r.lex("voice.r_language").pattern.match(text[t.end: t.end + 14]):
                continue
            if low == "ty" and t.text[0].isupper():
                continue
            return Voice("text_speak", (t.start, t.end), t.text)
    return Voice("ok")
