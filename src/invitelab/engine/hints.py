"""Suggestions that name facts of the recipient's profile (used by several criteria's advice)."""
from __future__ import annotations

from ..profiles import Profile
from . import facts as F


def suggestion_facts(profile: Profile) -> list[str]:
    """Facts from a profile worth mentioning, best first, as short phrases."""
    out = []
    name = profile.first_name
    for item in profile.activity[:2]:
        kind, _, rest = item.partition(":")
        label = rest.strip() or item
        verb = {"post": "posted", "article": "wrote", "talk": "spoke on", "podcast": "was on a podcast about",
                "comment": "commented on", "video": "made a video on"}.get(F.ACTIVITY_KINDS.get(kind.strip().lower(), "post"), "posted")
        out.append(f"{name} {verb} “{label}”")
    if profile.groups:
        out.append(f"{name} belongs to the group “{profile.groups[0]}”")
    if profile.interests:
        out.append(f"{name} lists an interest in {profile.interests[0]}")
    if profile.experience:
        e = profile.experience[0]
        if e.company:
            out.append(f"{name} works at {e.company}" + (f" as {e.title}" if e.title else ""))
    if profile.education:
        e = profile.education[0]
        out.append(f"{name} studied {e.field + ' at ' if e.field else 'at '}{e.school}")
    return out


def facts_hint(profile: Profile | None, n: int = 2) -> str:
    if profile is None:
        return ""
    facts = suggestion_facts(profile)[:n]
    if not facts:
        return ""
    return " For example: " + "; ".join(facts) + ": mention one."


def self_intro_suggestion(r) -> str:
    """How the sender could say who they are, from their profile when there is one."""
    suggestion = "Say who you are in a few words: your year and school or your role"
    if r.sender:
        example = ""
        student = "student" in r.sender.headline.lower() or not r.sender.experience
        if student and r.sender.education:
            e = r.sender.education[0]
            field = e.field if (e.field.isupper() or e.field.split()[:1] and e.field.split()[0] in r.lex("introductions.languages").words) else e.field.lower()
            example = f"{field + ' student' if field else 'student'} at {e.school}"
        elif r.sender.experience and r.sender.experience[0].title:
            e = r.sender.experience[0]
            example = e.title.lower() + (f" at {e.company}" if e.company else "")
        if example:
            article = "an" if example[:1].lower() in "aeiou" else "a"
            suggestion += f" (for you: “I'm {article} {example}”)"
    suggestion += ". Saying what you want is not an introduction."
    return suggestion


def purpose_hint(r) -> str:
    """What to add for a purpose: a question about one of the recipient's activities when the profile has one."""
    hint = "Say what you would like to learn or ask, with its topic (“how you moved into campus recruiting”)."
    activities = F.profile_facts(r.recipient).of_kind("activity") if r.recipient and r.recipient.activity else []
    if activities:
        hint = (f"Say what you would like to learn or ask, with its topic: for example a question about "
                f"{(r.recipient.first_name if r.recipient else 'the recipient')}'s {activities[0].describe()}.")
    return hint
