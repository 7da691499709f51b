"""Criterion ``common_ground``: names something the sender and the recipient genuinely share."""
from __future__ import annotations

import re

from ...findings import Finding
from .. import facts as F
from ..context import Context, memo
from ..criterion import Criterion, finding, quote
from ..note import Note
from ..patterns import lazy_compile
from ..words import STOPWORDS

# --- 4. common_ground -------------------------------------------------------------------------

_BARE_KINDS = ("field", "role", "occupation")


_RESONATES = lazy_compile(
    r"\b(?:(?:felt|was)\s+(?:like\s+it\s+was\s+)?written\s+(?:for|about)\s+me|spoke\s+(?:right\s+)?to\s+me|"
    r"resonated\s+with\s+me|hit\s+home|could\s+have\s+been\s+(?:written\s+)?(?:by|about)\s+me|described\s+me|"
    r"that\s+was\s+me|same\s+boat|same\s+path|same\s+move|same\s+switch|same\s+jump)\b",
    re.IGNORECASE, needles=('me', 'boat', 'path', 'move', 'switch', 'jump', 'home'))


def _claimed_commonalities(note: Note, ctx: Context) -> list[F.Mention]:
    """Facts the note states about the sender that are true of the recipient, or marks as shared."""
    recipient = ctx.recipient
    mentions = F.find_mentions(note, recipient)
    resonates = bool(_RESONATES.search(note.text))
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


_WE_BOTH_CLAIM = lazy_compile(
    r"(?:\bwe(?:'re|\s+are)\s+both\s+(?:in\s+|members\s+of\s+)?(?=(?-i:[A-Z]{2,})\b|the\s+(?-i:[A-Z]))|"
    r"\bwe\s+both\s+(?:love|enjoy|like|play|studied|study|went\s+to|attended|work(?:ed)?\s+(?:at|in|for))\s+)"
    r"(?P<obj>[^.!?,;\n]{3,50})", re.IGNORECASE, needles=("both",))
_ALL_FACT_KINDS = ("interest", "group", "school", "employer", "field", "skill", "activity", "role")


def _fellow_claims(note: Note, ctx: Context) -> list[F.Claim]:
    claims = memo(note, "claims", lambda: F.find_claims(note, ctx.recipient))
    return [c for c in claims if c.words.lower().startswith("fellow")]


def _close_but_not_shared(recipient, sender) -> str:
    """What the two profiles nearly share (a skill, or interests with a word in common), in words."""
    sender_skills = {skill.casefold(): skill for skill in sender.skills[:300]}
    for skill in recipient.skills[:300]:
        if skill.casefold() in sender_skills:
            return f"You both list {skill} as a skill"
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]{4,}", text.casefold())} - STOPWORDS
    sender_interests = [(interest, words(interest)) for interest in sender.interests[:300]]
    for theirs in recipient.interests[:300]:
        mine = words(theirs)
        for interest, theirs_words in sender_interests:
            common = mine & theirs_words  # close: one's words inside the other's, or two words shared
            if common and (common == mine or common == theirs_words or len(common) >= 2):
                return f"Your interest in {interest} is close to {recipient.first_name}'s in {theirs}"
    return ""


def check_common_ground(note: Note, ctx: Context) -> Finding:
    cid = "common_ground"
    sender, recipient = ctx.sender, ctx.recipient
    if sender is None:
        return finding(cid, "n/a", "No sender profile was given, so shared facts cannot be checked.")
    who = recipient.first_name if recipient else "the recipient"
    genuine = F.shared_facts(recipient, sender) if recipient else []
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
        close = _close_but_not_shared(recipient, sender)
        if close:
            hint = (f" {close}, but a shared skill or a similar interest does not count as common ground: "
                    "name a shared school, employer, group or the same listed interest, or leave this out "
                    "rather than invent it.")
        else:
            hint = (" Your profiles share no school, employer, group or listed interest; look for something "
                    "smaller you truly share, or leave this out rather than invent it.")
    if recipient is None:
        return finding(cid, "fail", "No recipient profile, so nothing can be shown to be shared.",
                       "Pick a recipient to check shared facts.")
    claimed = _claimed_commonalities(note, ctx)
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
    for c in _fellow_claims(note, ctx):
        if not any(m.start >= c.start and m.end <= c.end + 5 for m in claimed):
            sub = F.Note(c.obj)
            sender_has = any(True for _ in F._org_matches(sub, F.profile_facts(sender)))
            if not sender_has or not c.supported:
                unsupported.append(F.Mention(F.Fact("school", c.obj, c.obj.lower()), c.start, c.end, "shared", True))
    # "we both love <a hobby>" when the recipient's profile shows no such thing
    for wb in _WE_BOTH_CLAIM.finditer(note.text):
        obj = re.split(r"\s+(?:and|but|so|while)\s+(?:I|I'm|I've|my|me)\b|\s+\(", wb.group("obj"))[0]
        capitals = {"".join(c for c in name if c.isupper())
                    for name in (*recipient.groups, *(e.company for e in recipient.experience), *(e.school for e in recipient.education))}
        end = wb.start("obj") + len(obj)
        if not any(m.start >= wb.start() and m.end <= end for m in claimed) and \
                not any(w in capitals for w in re.findall(r"\b[A-Z]{2,}\b", obj)) and \
                not F._object_matches(obj, F.profile_facts(recipient), _ALL_FACT_KINDS, True):
            unsupported.append(F.Mention(F.Fact("interest", obj, obj.lower()), wb.start(), end, "shared", True))
    if unsupported:
        m = unsupported[0]
        return finding(cid, "fail",
                       f"Possibly untrue: {quote(note, m.start, m.end)} is claimed as shared, but your profile does not show it.",
                       "Only claim what you really share; a false commonality is worse than none." + hint,
                       span=(m.start, m.end))
    if supported:
        m = supported[0]
        return finding(cid, "pass",
                       f"Names something you share ({F.KIND_NAMES[m.fact.kind]} {m.fact.describe()}): {quote(note, m.start, m.end)}",
                       span=(m.start, m.end))
    return finding(cid, "fail", f"The note names nothing you and {who} share.",
                   "Shared schools, employers, groups and interests make people want to connect." + hint)


CRITERION = Criterion(
    "common_ground", "Names something you genuinely share",
    "People connect with those who share their interests, and recruiters look for commonalities; "
    "a claimed commonality must be true.",
    check_common_ground,
    passes=("Hi Dana, I'm a psychology junior at Ohio State too.",
            "Hi Dana, as a fellow Buckeye I'd love your advice."),
    fails=("Hi Dana, I enjoyed your post on career fairs.", "Hi Dana, as a fellow Michigan alum, hello!"),
)
