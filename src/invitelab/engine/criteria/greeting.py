"""Criterion ``greeting``: greets the recipient by a correctly spelled name (the reading is in
``engine.names`` and ``engine.structure``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_greeting(r: Reading) -> Finding:
    cid = "greeting"
    recipient = r.recipient
    who = recipient.first_name if recipient else "the recipient"
    how = (f"“Hi {recipient.first_name},”" + (f" or “Dear Ms./Mr./Dr. {recipient.last_name},”" if recipient.last_name else "")
           if recipient else "their name (“Hi Dana,”)")
    a = r.addressing
    said = quote(r, *a.span) if a.span else ""
    if a.kind == "empty":
        return finding(cid, "fail", "The note is empty.", f"Open with {how}.")
    if a.kind == "vocative":
        return finding(cid, "pass", f"Addresses {who} by name: {said}", span=a.span)
    if a.kind in ("none", "unnamed"):
        name = "the recipient's name" if a.kind == "none" else "a name"
        return finding(cid, "fail", f"No greeting with {name} at the start.", f"Open with {how}.")
    if a.kind == "no_name":
        return finding(cid, "fail", f"The greeting {said} has no name.", f"Add {who}'s name: {how}.", a.span)
    if a.kind == "placeholder":
        return finding(cid, "fail", f"The greeting has an unfilled placeholder: {said}.",
                       f"Replace it with {who}'s name: {how}.", a.span)
    if a.kind == "nobody":
        return finding(cid, "fail", f"The greeting {said} does not use a name.", f"Use {who}'s name: {how}.", a.span)
    if a.kind == "someone":
        return finding(cid, "pass", f"Greets someone by name: {said}", span=a.span)
    if a.kind == "recipient":
        return finding(cid, "pass", f"Greets {who} by name: {said}", span=a.span)
    if a.kind == "misspelled":
        return finding(cid, "fail", f"The name is misspelled: {said}; the profile says {recipient.name}.",
                       f"Spell it exactly as the profile does: {how}. A misspelled name is the first thing a reader notices.",
                       a.span)
    if a.kind == "last_name":
        return finding(cid, "fail", f"The greeting uses the last name without a title: {said}.", f"Use {how}.", a.span)
    return finding(cid, "fail", f"Wrong name: {said}, but this note goes to {recipient.name}.",
                   f"Use the recipient's name: {how}. Check it before sending a note you adapted from another.",
                   a.span)


CRITERION = Criterion(
    "greeting", "Greets the recipient by name",
    "A correctly spelled name shows you looked at who you are writing to; a wrong or misspelled "
    "name, or “Dear Sir/Madam”, shows you did not.",
    judge_greeting,
    passes=("Hi Dana, I enjoyed your post on career fairs.", "Dear Ms. Whitfield, thank you for your talk.",
            "Dana - your post on career fairs helped me."),
    fails=("Hi, I'd like to connect.", "Hi Dna, I enjoyed your post on career fairs.",
           "Dear Sir/Madam, I would like to connect.", "Hi [Name], I'd like to connect."),
)
