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
