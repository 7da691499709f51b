"""Suggestions that name facts of the recipient's profile (used by several criteria's advice)."""
from __future__ import annotations

import re

from ..profiles import Profile
from . import facts as F


def suggestion_facts(profile: Profile) -> list[str]:
    """Facts from a profile worth mentioning, best first, as short phrases."""
    out = []
    name = profile.first_name
    for item in profile.activity[:2]:
        out.append(f"{name} {_activity_phrase(item)}")
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


_VERBS = {"post": "posted", "article": "wrote", "talk": "spoke on", "podcast": "was on a podcast about",
          "comment": "commented on", "video": "made a video on"}


_IRREGULAR_PAST = ("spoke", "wrote", "led", "gave", "ran", "won", "taught")  # an activity line opening with a verb


def _activity_phrase(item: str) -> str:
    """A profile's activity line as a hint: 'posted “…”', 'spoke on “…” at <event>', or 'spoke at
    <event>' when the line names only an event ("Spoke at: Denver Startup Week 2024")."""
    head, _, rest = item.partition(":")
    head, rest = head.strip(), rest.strip()
    kinds = F.ACTIVITY_KINDS
    lead = head.lower() if rest else ""
    kind = kinds.get(lead) or next((v for k, v in kinds.items() if (lead or item.lower()).startswith(k)), "post")
    first = item.split()[0].lower() if item.split() else ""
    if not rest and (kind == "talk" or first.endswith("ed") or first in _IRREGULAR_PAST):
        # "Spoke at the Austin Retail Careers Summit", "Commented on a post about ...": already a verb phrase
        return item.strip()[:1].lower() + item.strip()[1:]
    if kind != "talk":
        return f"{_VERBS.get(kind, 'posted')} “{rest or item.strip()}”"
    at = re.match(r"(?i)(?:spoke|presented|talk|panel(?:ist)?|keynote|speaker)\s+(?:at|for)\s*(.*)", head)
    if at and at.group(1):  # "Spoke at GDC 2024: designing tutorials ..."
        return f"spoke on “{rest}” at {at.group(1)}"
    if at:  # "Spoke at: <event>" or "Spoke at: <event>: <topic>"
        event, _, topic = rest.partition(":")
        return f"spoke on “{topic.strip()}” at {event.strip()}" if topic.strip() else f"spoke at {rest}"
    titled = "(" not in rest and re.match(r"(.+?)\s+at\s+((?:the\s+)?[A-Z0-9].*)$", rest)  # "'Burnout in the clinic' at the ... 2025"
    if titled:
        return f"spoke on “{titled.group(1).strip(chr(39) + chr(34))}” at {titled.group(2)}"
    title, venue = F.split_venue(rest)
    if not venue and F.vocab().venue_words.search(rest) and re.search(r"\b(?:19|20)\d\d\b", rest):
        return f"spoke at {rest}"  # "Panel: Ohio Nonprofit Summit 2024": an event, not a topic
    return f"spoke on “{title}” at {venue}" if venue else f"spoke on “{rest}”"


def facts_hint(profile: Profile | None, n: int = 2) -> str:
    if profile is None:
        return ""
    facts = suggestion_facts(profile)[:n]
    if not facts:
        return ""
    if len(facts) > 1:  # "Dana posted “…”, or Dana belongs to …": one of them is enough
        return " For example: " + ", or ".join(facts) + "."
    return " For example: " + facts[0] + "."


_FIELD_ENDINGS = ("ics", "ology", "ography", "istry", "omy", "ing", "ance", "ence", "ment", "tion", "ism")


def _plain_words(phrase: str, r) -> str:
    """A headline's or job title's words as they read in a sentence: common words lower-cased
    ("Psychology junior" -> "psychology junior"), names, acronyms and languages kept ("UCLA English")."""
    from .words import english_words

    languages, common = r.lex("introductions.languages").word_set, english_words()

    def plain(w: str) -> bool:  # a common word, or a field's name ("Analytics", "Robotics")
        low = w.lower()
        return w[:1].isupper() and w[1:].islower() and low not in languages and (
            all(part in common for part in low.split("-")) or low.endswith(_FIELD_ENDINGS))

    head, at, tail = phrase.partition(" at ")
    return " ".join(w.lower() if plain(w) else w for w in head.split()) + at + tail


def _self_description(r) -> str:
    """How the sender could describe themselves, from their profile: the headline's first part when
    it names a role or standing ("Psychology junior at The Ohio State University", "Registered Nurse
    moving into health IT"), else the field and school of a student, else the current job."""
    sender = r.sender
    roles = r.lex("introductions.role_words").word_set
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", sender.headline.strip())[:3]] if sender.headline else []
    said = [p for p in parts if p and len(p) <= 80 and not p.lower().startswith("aspiring")
            and any(w.lower().strip("(),") in roles for w in p.split())]
    if said:  # the part that also says where ("Finance sophomore at Michigan State") if there is one
        return _plain_words(next((p for p in said if " at " in p), said[0]), r)
    student = "student" in sender.headline.lower() or not sender.experience
    if student and sender.education:
        e = sender.education[0]
        field = e.field if (e.field.isupper() or e.field.split()[:1] and e.field.split()[0] in r.lex("introductions.languages").words) else e.field.lower()
        return f"{field + ' student' if field else 'student'} at {e.school}"
    if sender.experience and sender.experience[0].title:
        e = sender.experience[0]
        at = e.company and e.company.strip().lower() not in r.lex("introductions.not_employers").word_set
        return _plain_words(e.title, r) + (f" at {e.company}" if at else "")
    return ""


def self_intro_suggestion(r) -> str:
    """How the sender could say who they are, from their profile when there is one."""
    suggestion = "Say who you are in a few words: your year and school or your role"
    example = _self_description(r) if r.sender else ""
    if example:
        lead = example.split()[0]
        vowel = lead[:1].lower() in "aeiou" if not lead.isupper() else lead[:1] in "AEFHILMNORSX"
        suggestion += f" (for you: “I'm {'an' if vowel else 'a'} {example}”)"
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
