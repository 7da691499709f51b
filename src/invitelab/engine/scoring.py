"""score(): run every criterion, decide the level by the spec's rules, compute the 0-100 score."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..findings import Finding, Result
from ..profiles import Profile
from . import lexicon
from .criteria import CRITERIA
from .note import Note
from .reading import Reading

if TYPE_CHECKING:  # an annotation only: invitelab.rubric imports the engine (for the criterion ids)
    from ..rubric import Rubric

TITLES = {c.id: c.title for c in CRITERIA}
CORE = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
LEVEL_DESCRIPTIONS = {
    "generic": "could have been sent to anyone",
    "developing": "some personalization, but something core is missing or a hard rule is broken",
    "personalized": "written for this person, with a clear purpose",
    "exemplary": "personalized, introduces you, names what you share and closes politely",
}


def decide_level(status: dict[str, str]) -> str:
    """The spec's level rules, in order."""
    if status["not_template"] == "fail" or (status["specific_detail"] == "fail" and status["purpose"] == "fail"):
        return "generic"
    if all(status[c] == "pass" for c in CORE):
        if status["self_intro"] == "pass" and status["polite_close"] == "pass" and status["common_ground"] in ("pass", "n/a"):
            return "exemplary"
        return "personalized"
    return "developing"


# Criteria whose spans are offsets into the original text already (length counts it whole); every
# other span is an offset into the note as read, mapped back by Note.original_span.
ORIGINAL_SPANS = frozenset({"length"})


@lru_cache(maxsize=64)
def _weights(rubric: Rubric) -> dict[str, float]:
    """The rubric's weights by criterion (rubrics hash by identity: built once per rubric)."""
    return dict(rubric.weights)


def _weigh(findings: list[Finding], rubric: Rubric, level: str, note: Note) -> tuple[list[Finding], float]:
    """Points per criterion, and the score: the weighted share of passing criteria placed inside
    the level's band (spec section 3), so that a better level always scores higher."""
    weights = _weights(rubric)
    total = total_applicable = 0.0
    for f in findings:
        w = weights[f.criterion]
        total += w
        if f.status != "n/a":
            total_applicable += w
    scale = total / total_applicable if total_applicable else 0.0
    out = []
    earned = 0.0
    original_span = note.original_span
    for f in findings:
        criterion, status = f.criterion, f.status
        w = 0.0 if status == "n/a" else weights[criterion] * scale
        pts = w if status == "pass" else 0.0
        earned += pts
        span = f.span if criterion in ORIGINAL_SPANS else original_span(f.span)
        out.append(Finding(criterion, status, f.evidence, f.suggestion, TITLES[criterion], span,
                           round(w, 2), round(pts, 2), f.warning))
    share = earned / total if total else 0.0
    low, high = rubric.band(level)
    score = low + (high - low) * min(1.0, max(0.0, share))
    return out, round(score, 1)


def next_steps(level: str, findings: list[Finding]) -> str:
    """What the next level needs, in plain words."""
    by_id = {f.criterion: f for f in findings}

    def advice(ids) -> list[str]:
        """The failing checks' suggestions, each example of profile facts given once: several
        suggestions end with the same kind of "For example: ..." list, so later ones drop theirs."""
        out = []
        example_given = False
        for cid in ids:
            f = by_id[cid]
            if f.status == "fail" and f.suggestion:
                tip, example, _ = f.suggestion.partition(" For example:")
                if example and not example_given:
                    tip, example_given = f.suggestion, True
                if tip.strip() and tip not in out:
                    out.append(tip)
        return out

    if level == "generic":
        first = []
        if by_id["not_template"].status == "fail":
            first.append("write something of your own instead of a default or template")
        if by_id["specific_detail"].status == "fail":
            first.append("mention one thing from the recipient's profile")
        if by_id["purpose"].status == "fail":
            first.append("say what you would like to learn or ask")
        tips = advice(["not_template", "specific_detail", "purpose"])
        return ("To reach developing: " + "; ".join(first) + ". " + " ".join(tips[:2])).strip()
    if level == "developing":
        missing = [c for c in CORE if by_id[c].status != "pass"]
        titles = ", ".join(c.replace("_", " ") for c in missing)
        return (f"To reach personalized, fix: {titles}. " + " ".join(advice(missing))).strip()
    if level == "personalized":
        missing = [c for c in ("self_intro", "polite_close", "common_ground") if by_id[c].status == "fail"]
        titles = ", ".join(c.replace("_", " ") for c in missing)
        return (f"To reach exemplary, add: {titles}. " + " ".join(advice(missing))).strip()
    return "Exemplary: this note is ready to send. Check the name once more, then connect from the profile with this note."


def score(
    text: str,
    recipient: Profile | None = None,
    sender: Profile | None = None,
    limit: int | None = None,
    rubric: Rubric | None = None,
) -> Result:
    """Score one invitation note against the recipient's (and sender's) profile.

    `limit` overrides the rubric's character limit (default 300). Never raises on any text.
    """
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise TypeError(f"the note must be text (str), not {type(text).__name__}")
    for who, profile in (("recipient", recipient), ("sender", sender)):
        if profile is not None and not isinstance(profile, Profile):
            raise TypeError(f"{who} must be a Profile (from load_profiles) or None")
    if rubric is None:
        from ..rubric import default_rubric  # here, not at the top: invitelab.rubric imports the engine

        rubric = default_rubric()
    rubric = rubric.with_limit(limit)
    note = Note(text)
    reading = Reading(note, recipient, sender, rubric)  # one reading of the note, for every criterion
    token = lexicon.enter(rubric)  # lexicon families as this rubric's [lexicon] tables have them (the fact matcher)
    try:
        raw = [criterion.judge(reading) for criterion in CRITERIA]
    finally:
        lexicon.leave(token)
    status = {f.criterion: f.status for f in raw}
    level = decide_level(status)
    findings, value = _weigh(raw, rubric, level, note)
    warnings = ((note.notice,) if note.notice else ()) + tuple(f.warning for f in findings if f.warning)
    return Result(
        text=text,
        score=value,
        level=level,
        findings=tuple(findings),
        next_steps=next_steps(level, findings),
        warnings=warnings,
        recipient_id=recipient.id if recipient else None,
        sender_id=sender.id if sender else None,
        limit=rubric.limit,
        statuses=status,
    )
