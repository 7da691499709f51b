"""Criterion ``self_intro``: says who the sender is (a role or an affiliation; the reading is in
``engine.introductions``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..hints import self_intro_suggestion
from ..reading import Reading

_SAYS = {"role": "Says who you are", "affiliation": "Says where they are from",
         "signature": "The signature says who they are"}


def judge_self_intro(r: Reading) -> Finding:
    cid = "self_intro"
    i = r.introduction
    if i.kind in _SAYS:
        return finding(cid, "pass", f"{_SAYS[i.kind]}: {quote(r, *i.span)}", span=i.span)
    if i.kind == "wants_only":
        return finding(cid, "fail", "Says what they want but not who they are.", self_intro_suggestion(r))
    return finding(cid, "fail", "The note never says who the sender is.", self_intro_suggestion(r))


CRITERION = Criterion(
    "self_intro", "Says who the sender is",
    "A stranger needs to know who is asking: a role or an affiliation in a few words.",
    judge_self_intro,
    passes=("Hi Dana, I'm a junior at Ohio State studying psychology.", "Hi Dana, I'm a student.",
            "Hi Dana, thanks for the advice.\nAlex Rivera, Ohio State '27"),
    fails=("Hi Dana, I'm looking for an internship.", "Hi Dana, I'd like to connect.\nAlex Rivera",
           "Hi Dana, I'm a big fan of your posts."),
)
