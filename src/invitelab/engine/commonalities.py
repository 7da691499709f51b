"""What the sender and the recipient share: the facts the note claims in common, checked against
the sender's profile, and what the two profiles nearly share (read for ``common_ground``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import facts as F
from .words import stopwords

if TYPE_CHECKING:
    from .reading import Reading


class Common(NamedTuple):
    supported: F.Mention | None  # the first shared fact the note names that the sender's profile shows
    unsupported: F.Mention | None  # the first claimed as shared that it does not show


_BARE_KINDS = ("field", "role", "occupation")
# commonalities.resonates can only match a note with one of these (lower case): speed
_RESONATES_NEEDLES = ("me", "boat", "path", "move", "switch", "jump", "home")


def _claimed_commonalities(r: Reading) -> list[F.Mention]:
    """Facts the note states about the sender that are true of the recipient, or marks as shared."""
    mentions = r.recipient_mentions
    resonates = bool(r.lex_re("commonalities.resonates", _RESONATES_NEEDLES).search(r.text))
    out = []
    for m in mentions:
        if m.fact.kind in ("activity", "skill"):
            continue
        if m.fact.kind in _BARE_KINDS:
            # a bare field or occupation counts only when tied to the recipient
            if m.side == "shared" or (resonates and m.side == "sender"):
                out.append(m)
            continue
        if m.side in ("sender", "shared"):
            out.append(m)
    return out


_ALL_FACT_KINDS = ("interest", "group", "school", "employer", "field", "skill", "activity", "role")


def _fellow_claims(r: Reading) -> list[F.Claim]:
    return [c for c in r.claims if c.words.lower().startswith("fellow")]


_WHY_SKILL = "a shared skill does not count as common ground"
_WHY_SKILL_INTEREST = "a skill on one profile and an interest on the other does not count as common ground"
_WHY_INTEREST = "a close interest does not count as common ground, only the same one"


def close_but_not_shared(recipient, sender) -> str:
    """What the two profiles nearly share, and why it does not count as common ground (the rubric
    counts a school, an employer, a named group, a field at the same school or the *same* listed
    interest), in words: a skill both list, a skill of one that the other lists as an interest,
    interests (or a skill and an interest) with words in common. "" if nothing is close."""
    who = recipient.first_name
    stop = stopwords()

    def same(text: str) -> str:
        return " ".join(text.casefold().split())

    def words(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z]{4,}", text.casefold())) - stop

    def close(a: frozenset[str], b: frozenset[str]) -> bool:  # one's words inside the other's, or two shared
        common = a & b
        return bool(common) and (common == a or common == b or len(common) >= 2)

    r_skills, s_skills = recipient.skills[:300], sender.skills[:300]
    r_interests, s_interests = recipient.interests[:300], sender.interests[:300]
    sender_skills = {same(skill) for skill in s_skills}
    for skill in r_skills:
        if same(skill) in sender_skills:
            return f"You both list {skill} as a skill, but {_WHY_SKILL}"
    mine = {same(i): i for i in s_interests}
    for skill in r_skills:
        if same(skill) in mine:
            return (f"{who} lists {skill} as a skill and you list {mine[same(skill)]} as an interest, "
                    f"but {_WHY_SKILL_INTEREST}")
    theirs = {same(i): i for i in r_interests}
    for skill in s_skills:
        if same(skill) in theirs:
            return (f"You list {skill} as a skill and {who} lists {theirs[same(skill)]} as an interest, "
                    f"but {_WHY_SKILL_INTEREST}")
    s_words = [(interest, words(interest)) for interest in s_interests]
    for their in r_interests:
        their_words = words(their)
        for interest, interest_words in s_words:
            if close(their_words, interest_words):
                return f"Your interest in {interest} is close to {who}'s in {their}, but {_WHY_INTEREST}"
    r_words = [(interest, words(interest)) for interest in r_interests]
    for skills, interests, say in (
            (r_skills, s_words, "Your interest in {interest} is close to {who}'s skill {skill}"),
            (s_skills, r_words, "Your skill {skill} is close to {who}'s interest in {interest}")):
        for skill in skills:
            skill_words = words(skill)
            for interest, interest_words in interests:
                if close(skill_words, interest_words):
                    return (say.format(interest=interest, who=who, skill=skill)
                            + f", but {_WHY_SKILL_INTEREST}")
    return ""


def claimed_in_common(r: Reading) -> Common:
    """What the note claims the sender and recipient share, split into what the sender's profile
    supports and what it does not (needs both profiles)."""
    sender, recipient = r.sender, r.recipient
    claimed = _claimed_commonalities(r)
    supported, unsupported = [], []
    by_span: dict[tuple[int, int], list[F.Mention]] = {}
    for m in claimed:
        by_span.setdefault((m.start, m.end), []).append(m)
    for group in by_span.values():
        relations = [F.sender_relation(sender, m.fact) for m in group]
        if "supported" in relations:
            supported.append(group[relations.index("supported")])
        elif "loose" not in relations:
            unsupported.append(group[0])
    # "fellow X alum" where X is not on the recipient's profile at all
    for c in _fellow_claims(r):
        if not any(m.start >= c.start and m.end <= c.end + 5 for m in claimed):
            sub = F.Note(c.obj)
            sender_has = any(True for _ in F._org_matches(sub, F.profile_facts(sender)))
            if not sender_has or not c.supported:
                unsupported.append(F.Mention(F.Fact("school", c.obj, c.obj.lower()), c.start, c.end, "shared", True))
    # "we both love <a hobby>" when the recipient's profile shows no such thing
    claim_end = r.lex("commonalities.claim_end").pattern
    for wb in r.lex_re("commonalities.we_both", ("both",)).finditer(r.text):
        obj = claim_end.split(wb.group("obj"))[0]
        capitals = {"".join(c for c in name if c.isupper())
                    for name in (*recipient.groups, *(e.company for e in recipient.experience), *(e.school for e in recipient.education))}
        end = wb.start("obj") + len(obj)
        if not any(m.start >= wb.start() and m.end <= end for m in claimed) and \
                not any(w in capitals for w in re.findall(r"\b[A-Z]{2,}\b", obj)) and \
                not F._object_matches(obj, F.profile_facts(recipient), _ALL_FACT_KINDS, True):
            unsupported.append(F.Mention(F.Fact("interest", obj, obj.lower()), wb.start(), end, "shared", True))
    return Common(supported[0] if supported else None, unsupported[0] if unsupported else None)
