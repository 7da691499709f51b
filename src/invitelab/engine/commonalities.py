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


def close_but_not_shared(recipient, sender) -> str:
    """What the two profiles nearly share (a skill, or interests with a word in common), in words."""
    sender_skills = {skill.casefold(): skill for skill in sender.skills[:300]}
    for skill in recipient.skills[:300]:
        if skill.casefold() in sender_skills:
            return f"You both list {skill} as a skill"
    stop = stopwords()

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]{4,}", text.casefold())} - stop
    sender_interests = [(interest, words(interest)) for interest in sender.interests[:300]]
    for theirs in recipient.interests[:300]:
        mine = words(theirs)
        for interest, theirs_words in sender_interests:
            common = mine & theirs_words  # close: one's words inside the other's, or two words shared
            if common and (common == mine or common == theirs_words or len(common) >= 2):
                return f"Your interest in {interest} is close to {recipient.first_name}'s in {theirs}"
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
