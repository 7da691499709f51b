"""Criterion ``tone``: keeps a professional tone (capitals, ``!!``, emoji, text-speak; the reading
is in ``engine.voice``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_tone(r: Reading) -> Finding:
    cid = "tone"
    hint = "Write it as you would an email to a professor: sentence case, one “!” at most, no text-speak."
    v = r.voice
    if v.kind == "empty":
        return finding(cid, "pass", "Nothing to fault: the note is empty.")
    if v.kind == "capitals":
        return finding(cid, "fail", "The note is written in capitals, which reads as shouting.", hint)
    if v.kind == "shouted":
        return finding(cid, "fail", f"Words in capitals read as shouting: {v.detail}.", hint, span=v.span)
    if v.kind == "punctuation":
        return finding(cid, "fail", f"Repeated punctuation: {quote(r, max(0, v.span[0] - 15), v.span[1])}.", hint,
                       span=v.span)
    if v.kind == "emoji":
        return finding(cid, "fail", f"{v.detail} emoji: more than a professional note needs.",
                       "Keep to one emoji at most, or none.", span=v.span)
    if v.kind == "text_speak":
        return finding(cid, "fail", f"Text-speak: “{v.detail}”.", hint, span=v.span)
    return finding(cid, "pass", "Professional: no shouting, repeated punctuation, emoji clutter or text-speak.")


CRITERION = Criterion(
    "tone", "Keeps a professional tone",
    "Capitals, runs of “!!”, a row of emoji and text-speak read as careless to a recruiter, "
    "whatever the content.",
    judge_tone,
    passes=("Hi Dana! I'm an MBA student in NYC and a CFA candidate.", "Hey Dana, thanks for the great post."),
    fails=("HI DANA, I REALLY WANT TO CONNECT", "Hi Dana, I LOVE your post, it is AMAZING",
           "Hi Dana!! Great post", "Hi Dana, can u share ur tips pls", "Hi Dana 😀😀😀"),
)
