"""Criterion ``common_ground``: names something the sender and the recipient genuinely share (the
reading is in ``engine.commonalities``)."""
from __future__ import annotations

from ...findings import Finding
from .. import facts as F
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_common_ground(r: Reading) -> Finding:
    cid = "common_ground"
    sender, recipient = r.sender, r.recipient
    if sender is None:
        return finding(cid, "n/a", "No sender profile was given, so shared facts cannot be checked.")
    who = recipient.first_name if recipient else "the recipient"
    genuine = r.shared_facts
    hint = ""
    if genuine:
        rf, _ = genuine[0]
        shared = {
            "school": f"you both studied at {rf.label}",
            "employer": f"you have both worked at {rf.label}",
            "group": f"you both belong to {rf.label}",
            "field": f"you both studied {rf.label} at the same school",
            "interest": f"you both list an interest in {rf.label}",
        }.get(rf.kind, f"you share {rf.describe()}")
        hint = f" Your profiles show that {shared}: say so in your own words (“I'm also …”)."
    elif recipient:
        close = r.nearly_shared
        if close:
            hint = (f" {close}: name a shared school, employer, group or the same listed interest, "
                    "or leave this out rather than invent it.")
        else:
            hint = (" Your profiles share no school, employer, group or listed interest; look for something "
                    "smaller you truly share, or leave this out rather than invent it.")
    if recipient is None:
        return finding(cid, "fail", "No recipient profile, so nothing can be shown to be shared.",
                       "Pick a recipient to check shared facts.")
    common = r.in_common
    if common.unsupported:
        m = common.unsupported
        return finding(cid, "fail",
                       f"Possibly untrue: {quote(r, m.start, m.end)} is claimed as shared, but your profile does not show it.",
                       "Only claim what you really share; a false commonality is worse than none." + hint,
                       span=(m.start, m.end))
    if common.supported:
        m = common.supported
        return finding(cid, "pass",
                       f"Names something you share ({F.KIND_NAMES[m.fact.kind]} {m.fact.describe()}): {quote(r, m.start, m.end)}",
                       span=(m.start, m.end))
    return finding(cid, "fail", f"The note names nothing you and {who} share.",
                   "Shared schools, employers, groups and interests make people want to connect." + hint)


CRITERION = Criterion(
    "common_ground", "Names something you genuinely share",
    "People connect with those who share their interests, and recruiters look for commonalities; "
    "a claimed commonality must be true.",
    judge_common_ground,
    passes=("Hi Dana, I'm a psychology junior at Ohio State too.",
            "Hi Dana, as a fellow Buckeye I'd love your advice."),
    fails=("Hi Dana, I enjoyed your post on career fairs.", "Hi Dana, as a fellow Michigan alum, hello!"),
)
