"""Criterion ``not_template``: is not a default text, a pleasantry or an empty template (the
reading is in ``engine.templates``)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_not_template(r: Reading) -> Finding:
    cid = "not_template"
    t = r.template
    if t.kind == "empty":
        return finding(cid, "fail", "The note is empty.", "Write a note: a greeting, who you are, one specific detail and what you would like to learn.")
    if t.kind == "placeholder":
        return finding(cid, "fail", f"Unfilled placeholder: {quote(r, *t.span)}.",
                       "Replace every placeholder with the real detail before sending.", span=t.span)
    if t.kind == "own":
        return finding(cid, "pass", f"Written for this note, not a default: {quote(r, *t.span)}", span=t.span)
    what = f"only a request to connect ({quote(r, *t.span)})" if t.kind == "default" else "only a greeting, a name or a sign-off"
    who = r.recipient.first_name if r.recipient else "this person"
    # the profile's facts are named by specific_detail's advice (next steps give one example, once)
    tip = "Replace the request to connect with" if t.kind == "default" else "Add"
    return finding(cid, "fail", f"The note is {what}: nothing in it is written for this person.",
                   f"{tip} a sentence written for {who}.", span=t.span)


CRITERION = Criterion(
    "not_template", "Is not a default or an empty template",
    "LinkedIn's default text, a pleasantry or an unfilled placeholder tells the reader nobody "
    "wrote this for them; it is the invitation most often ignored.",
    judge_not_template,
    passes=("Hi Dana, I'm a student at Ohio State. I'd like to connect.",
            "Hi Dana, your profile is impressive. I'd like to connect."),
    fails=("I'd like to add you to my professional network on LinkedIn.",
           "Hi Dana, hope you're well! I would like to connect with you. Best, Alex",
           "Hi {first_name}, I saw your work at {company}.", ""),
)
