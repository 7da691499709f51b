"""Criterion ``no_hard_ask``: makes no hard ask of a stranger (the detection is in ``engine.asks``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_no_hard_ask(r: Reading) -> Finding:
    cid = "no_hard_ask"
    note = r.note
    if note.is_empty:
        return finding(cid, "pass", "Nothing to fault: the note is empty.")
    hit = r.hard_ask
    if hit is None:
        return finding(cid, "pass", "No request for a job, referral, interview or resume review, no pitch and no link.")
    kind, span = hit
    if kind == "link":
        return finding(cid, "fail", f"Carries a link: {quote(r, *span)}.",
                       "Leave links out of a first note: many readers will not click a stranger's link.", span)
    return finding(cid, "fail", f"Asks too much of a stranger: {quote(r, *span)}.",
                   "Ask for something small first (a question, advice, a 15-minute chat); a job, referral, "
                   "interview or resume review can come after you have built a relationship.", span)


CRITERION = Criterion(
    "no_hard_ask", "Makes no hard ask of a stranger",
    "Asking a stranger for a job, a referral, an interview or a resume review (or pitching, or "
    "sending a link) in the first note is easily ignored; a small ask is easy to say yes to.",
    judge_no_hard_ask,
    passes=("Hi Dana, could I ask you two questions about career fairs?",
            "Hi Dana, would you be open to a 15-minute chat about campus recruiting?"),
    fails=("Hi Dana, could you refer me for an internship?", "Hi Dana, can you review my resume?",
           "Hi Dana, see my portfolio at alexrivera.dev", "Hi Dana, are you hiring?"),
)
