"""Criterion ``polite_close``: closes politely (thanks or a courteous sign-off)."""
from __future__ import annotations

import re

from ...findings import Finding
from .. import lexicon
from ..context import Context
from ..criterion import Criterion, finding, quote
from ..note import Note, fold
from ..reading import read_closing

# --- 9. polite_close --------------------------------------------------------------------------


def check_polite_close(note: Note, ctx: Context) -> Finding:
    cid = "polite_close"
    hint = "End with a thank-you or a courteous sign-off (“Thank you, Alex” or “Best, Alex”)."
    if ctx.sender:
        hint = f"End with a thank-you or a courteous sign-off (“Thank you, {ctx.sender.first_name}” or “Best, {ctx.sender.first_name}”)."
    text = note.text
    folded = fold(text)
    searchable = text if text.isascii() or len(folded) != len(text) else folded
    for m in list(ctx.patterns.thanks.finditer(text)) + list(ctx.patterns.thanks.finditer(searchable)):
        window = searchable[max(0, m.start() - 5): m.end() + 5]
        if lexicon.family("closings.not_thanks").search(window):
            continue
        before = searchable[max(0, m.start() - 24): m.start()].lower()
        if m.group(0).lower().startswith("appreciate") and (
                re.search(r"(?:would|'d)\s+(?:really\s+|truly\s+|greatly\s+|so\s+)?$", before)
                or re.match(r"\s*(?:it\s+)?if\b", searchable[m.end(): m.end() + 8], re.IGNORECASE)):
            continue
        return finding(cid, "pass", f"Thanks the recipient: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    closing = read_closing(note, ctx)
    if closing:
        return finding(cid, "pass", f"Ends with a courteous sign-off: {quote(note, closing.start, closing.end)}",
                       span=(closing.start, closing.end))
    return finding(cid, "fail", "No thank-you and no courteous sign-off.", hint)


CRITERION = Criterion(
    "polite_close", "Closes politely",
    "A thank-you or a courteous sign-off is the small courtesy that makes a stranger's note feel "
    "like one from a future colleague.",
    check_polite_close,
    passes=("Hi Dana, I enjoyed your post. Thank you!", "Hi Dana, I enjoyed your post.\nBest,\nAlex",
            "Hola Dana, me encantó tu post. Saludos, Alex"),
    fails=("Hi Dana, I enjoyed your post.\nAlex", "Hi Dana, I enjoyed your post. Please accept my invitation.",
           "Hi Dana, I'd appreciate it if you could connect."),
)
