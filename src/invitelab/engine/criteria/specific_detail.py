"""Criterion ``specific_detail``: cites something true of this recipient (the reading is in
``engine.details``, ``engine.references`` and the fact matcher)."""
from __future__ import annotations

from dataclasses import replace

from ...findings import Finding
from .. import facts as F
from ..criterion import Criterion, finding, quote
from ..hints import facts_hint
from ..reading import Reading

_SAYS = {"contact": "Names a mutual contact", "meeting": "Says where or when you met",
         "prior": "Follows up a named earlier exchange", "news": "Cites news about them",
         "area": "Names a specific area of their work"}


def judge_specific_detail(r: Reading) -> Finding:
    """The verdict, warning of each claim the profile does not support (RUBRIC.md: the feedback names it)."""
    f, bad = _judge(r), (r.detail.unsupported if r.recipient is not None else ())[:2]
    return replace(f, warning=f"Check before sending: {' and '.join(f'“{c.words}”' for c in bad)} "
                              f"{'is' if len(bad) == 1 else 'are'} not on {r.recipient.first_name}'s profile. "
                              "Cite only what the profile shows.") if bad else f


def _judge(r: Reading) -> Finding:
    cid = "specific_detail"
    recipient = r.recipient
    who = recipient.first_name if recipient else "the recipient"
    d = r.detail
    flag = ""
    if d.unsupported and recipient is not None:
        flag = " " + "; ".join(f"“{c.words}” is not on {who}'s profile" for c in d.unsupported[:2]) + \
            " (only cite what you can see on the profile)."
    if d.kind == "fact":
        m = d.mention
        return finding(cid, "pass", f"Cites {who}'s {F.KIND_NAMES[m.fact.kind]} ({m.fact.describe()}): {quote(r, *d.span)}.{flag}",
                       span=d.span)
    if d.kind == "record":
        return finding(cid, "pass", f"Refers to {who}'s {quote(r, *d.span)}.{flag}", span=d.span)
    if d.kind == "unsupported":
        return finding(cid, "fail", f"Unsupported: “{d.unsupported[0].words}” is not on {who}'s profile.",
                       "Cite something the profile really shows." + facts_hint(recipient), span=d.span)
    if d.kind in ("contact", "meeting", "prior"):
        return finding(cid, "pass", f"{_SAYS[d.kind]}: {quote(r, *d.span)}.{flag}", span=d.span)
    if d.kind == "flattery":
        return finding(cid, "fail", f"Praise that fits anyone: {quote(r, *d.span)}.",
                       "Replace general praise with one fact from the profile." + facts_hint(recipient), span=d.span)
    if d.kind == "reference":
        return finding(cid, "pass", f"Makes a concrete reference: {quote(r, *d.span)}", span=d.span)
    if d.kind in ("news", "area"):
        return finding(cid, "pass", f"{_SAYS[d.kind]}: {quote(r, *d.span)}.", span=d.span)
    if recipient is not None:
        return finding(cid, "fail", f"Nothing in the note is specific to {who}.",
                       f"Cite one thing that is true of {who}." + facts_hint(recipient))
    return finding(cid, "fail", "No concrete, checkable reference to the recipient (a post, employer, school, group).",
                   "Name one thing from their profile: a post, their employer, their school or a group.")


CRITERION = Criterion(
    "specific_detail", "Cites something true of this recipient",
    "One fact from the profile (a post, the employer, the school, a group) proves the note was "
    "written for this person; general praise fits anyone.",
    judge_specific_detail,
    passes=("Hi Dana, your post on what you look for at career fairs was so useful.",
            "Hi Dana, I admire Meridian Health's nurse residency program."),
    fails=("Hi Dana, you have an impressive profile.", "Hi Dana, I saw your talk at SXSW.",
           "Hi Dana, I'm reaching out to recruiters in Columbus."),
)
