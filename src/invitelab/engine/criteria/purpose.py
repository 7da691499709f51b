"""Criterion ``purpose``: says what the sender wants to learn or ask (the reading is in
``engine.purposes``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..hints import purpose_hint
from ..reading import Reading


def judge_purpose(r: Reading) -> Finding:
    cid = "purpose"
    p = r.purpose
    if p.kind == "said":
        return finding(cid, "pass", f"{p.says}: {quote(r, *p.span)}", span=p.span)
    if p.kind == "topic_elsewhere":
        return finding(cid, "pass", f"Says what they want (“{p.phrase}”), and the note names its topic: “{p.topic}”",
                       span=p.span)
    if p.kind == "no_topic":
        return finding(cid, "fail", f"The purpose has no topic: {quote(r, *p.span)}.",
                       "Add what you want to learn about. " + purpose_hint(r), span=p.span)
    if p.kind == "connect_only":
        return finding(cid, "fail", f"Connecting is not a purpose: {quote(r, *p.span)}.", purpose_hint(r), span=p.span)
    return finding(cid, "fail", "The note does not say what you want to learn, ask or discuss.", purpose_hint(r))


CRITERION = Criterion(
    "purpose", "Says what the sender wants to learn or ask",
    "A reason to connect, with a topic, lets the recipient help; “grow my network” gives them nothing.",
    judge_purpose,
    passes=("Hi Dana, I'd love to learn how you moved into campus recruiting.",
            "Hi Dana, what do you look for in a career fair conversation?"),
    fails=("Hi Dana, I'd like to grow my network.", "Hi Dana, I'd love to pick your brain.",
           "Hi Dana, I'd like to connect."),
)
