"""Criterion ``tone``: keeps a professional tone (capitals, ``!!``, emoji, text-speak)."""
from __future__ import annotations

import re

from ...findings import Finding
from .. import facts as F
from ..context import Context, profile_name_words
from ..criterion import Criterion, finding, quote
from ..note import Note, fold
from ..patterns import lazy_compile
from ..placeholders import blanked, placeholder_spans
from ..words import english_words

# --- 10. tone ---------------------------------------------------------------------------------

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


def _is_acronym(word: str, ctx: Context) -> bool:
    if word in ctx.patterns.acronyms:
        return True
    if fold(word) in profile_name_words(ctx):
        return False  # "MEI-LING, your article is AWESOME": a name in capitals is shouted too
    for prof in (ctx.recipient, ctx.sender):
        if prof and word in F.profile_facts(prof).acronyms:
            return True
    low = word.lower()
    if re.search(r"(.)\1\1", low):  # "SOOO", "PLEASEEE"
        return False
    return low not in english_words()


_NOT_LETTER = lazy_compile(r"[\W\d_]+")
_TWO_CAPITALS = lazy_compile(r"[^\W\d_a-z]{2}")


def check_tone(note: Note, ctx: Context) -> Finding:
    cid = "tone"
    hint = "Write it as you would an email to a professor: sentence case, one “!” at most, no text-speak."
    if note.is_empty:
        return finding(cid, "pass", "Nothing to fault: the note is empty.")
    text = note.text
    placeholders = placeholder_spans(note, ctx) if _TWO_CAPITALS.search(text) else ()
    if placeholders:  # "[CONTACT NAME]" is the template's blank, not the sender's voice
        text = blanked(note, ctx)
    if not _TWO_CAPITALS.search(text):
        letters = ""  # no two capitals in a row: neither a note in capitals nor shouted words
    else:
        letters = _NOT_LETTER.sub("", text)
    upper = sum(map(str.__ne__, letters, letters.lower())) if len(letters) >= 12 else 0
    if len(letters) >= 12 and upper / len(letters) >= 0.7:
        return finding(cid, "fail", "The note is written in capitals, which reads as shouting.", hint)
    shouted = [t for t in note.tokens if len(t.text) >= 3 and t.text.isupper() and t.text.isalpha()
               and not _is_acronym(t.text, ctx) and not any(a <= t.start < b for a, b in placeholders)] if letters else []
    if len(shouted) >= 2:
        a = shouted[0]
        return finding(cid, "fail", f"Words in capitals read as shouting: {', '.join(t.text for t in shouted[:3])}.",
                       hint, span=(a.start, a.end))
    run = re.search(r"!{2,}|\?{2,}|[!?]{3,}", text)
    if run:
        return finding(cid, "fail", f"Repeated punctuation: {quote(note, max(0, run.start() - 15), run.end())}.", hint,
                       span=(run.start(), run.end()))
    emoji = [] if text.isascii() else count_emoji(note.raw_read)
    if len(emoji) >= 3:
        return finding(cid, "fail", f"{len(emoji)} emoji: more than a professional note needs.",
                       "Keep to one emoji at most, or none.", span=(emoji[0], emoji[0] + 1))
    for t in note.tokens:
        low = t.low
        if low in ctx.patterns.text_speak:
            if (len(low) == 1 and t.text != low) or (len(low) > 1 and t.is_upper):
                continue  # "U of M", "R" the language, "RN" (a nurse), "TY" in a name
            if low == "u" and re.match(r"\s*(?:of|\.|-)", text[t.end: t.end + 4]):
                continue
            if low == "r" and re.match(r"\s*(?:&|and\b|programming|studio|package|code)", text[t.end: t.end + 14], re.IGNORECASE):
                continue
            if low == "ty" and t.text[0].isupper():
                continue
            return finding(cid, "fail", f"Text-speak: “{t.text}”.", hint, span=(t.start, t.end))
    return finding(cid, "pass", "Professional: no shouting, repeated punctuation, emoji clutter or text-speak.")


CRITERION = Criterion(
    "tone", "Keeps a professional tone",
    "Capitals, runs of “!!”, a row of emoji and text-speak read as careless to a recruiter, "
    "whatever the content.",
    check_tone,
    passes=("Hi Dana! I'm an MBA student in NYC and a CFA candidate.", "Hey Dana, thanks for the great post."),
    fails=("HI DANA, I REALLY WANT TO CONNECT", "Hi Dana, I LOVE your post, it is AMAZING",
           "Hi Dana!! Great post", "Hi Dana, can u share ur tips pls", "Hi Dana 😀😀😀"),
)
