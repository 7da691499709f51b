"""Criterion ``purpose``: says what the sender wants to learn or ask."""
from __future__ import annotations

import re

from ...findings import Finding
from ...profiles import Profile
from .. import facts as F
from .. import lexicon
from ..asks import find_hard_ask
from ..context import Context, memo, profile_name_words
from ..criterion import Criterion, finding, quote
from ..note import Note, fold
from ..patterns import lazy_compile
from ..placeholders import placeholder_spans
from ..references import how_you_know
from ..reading import PLACEHOLDER_BRACKETS, read_greeting
from ..shortforms import words_of
from ..words import STOPWORDS


def _first(profile: Profile | None) -> str:
    return profile.first_name if profile else "the recipient"


# --- 5. purpose -------------------------------------------------------------------------------

_PURPOSE_VERB = lazy_compile(
    r"\b(?:learn(?:ing)?|hear(?:ing)?|know|understand|find\s+out|ask(?:ing)?|discuss(?:ing)?|talk(?:ing)?|"
    r"chat(?:ting)?|speak(?:ing)?|get\s+your\s+(?:take|advice|perspective|thoughts|insights?|input|view|read)|"
    r"(?:your|any)\s+(?:honest\s+|quick\s+|candid\s+)?(?:advice|tips|guidance|insights?|thoughts|perspective|take|input|"
    r"recommendations?|feedback)|"
    r"pick\s+your\s+brain|follow(?:ing)?|stay\s+in\s+touch|keep\s+in\s+touch|exchange\s+(?:ideas|notes|thoughts|perspectives|insights|experiences|tips)|exchange|compare\s+notes|"
    r"trade\s+notes|interview\s+you|"
    r"curious|wondering|wondered|tell\s+me|interested\s+in\s+(?=how|what|why|whether|learning)|question|questions|"
    r"conversation|call|coffee|explore|exploring|minutes?|"
    r"continue\s+(?:our|the)\s+conversation|follow\s+up|following\s+up|swap|share\s+notes|"
    r"hear\s+how|see\s+how|seek|seeking|advice|insight|insights|perspective|guidance|mentorship)\b",
    re.IGNORECASE,
)
_OBJECT_STARTERS = lazy_compile(
    r"^\s*(?:(?:a\s+(?:couple\s+(?:of\s+)?|few\s+)|two\s+|some\s+|one\s+|a\s+)?(?:quick\s+)?questions?\s+)?"
    r"(?:more\s+)?(?:about|on|regarding|how|what|why|where|when|which|whether|if|into|around|using|with|for|"
    r"for|in|with|from|behind|of|the|your|to)\b",
    re.IGNORECASE,
)
def _vague_words() -> frozenset[str]:
    """Words that name no topic after a purpose verb (lexicon family ``purposes.vague_objects``)."""
    return lexicon.family("purposes.vague_objects").word_set

_CONNECT_Q = lazy_compile(
    r"\b(?:connect|connecting|accept\s+(?:my|the|this)\s+(?:invitation|invite|request)|join\s+(?:my|your)\s+"
    r"(?:network|linkedin|professional)|add\s+me|link\s+up|be\s+connected|network\s+with)\b", re.IGNORECASE
)
_MEETING = lazy_compile(
    r"\b(?:met|meeting|meet|chatted|spoke|talked|talking|chatting|our\s+(?:chat|conversation|talk|call|meeting)|"
    r"your\s+(?:booth|table|session|talk|panel|presentation|info\s+session|workshop))\b[^.!?\n]{0,60}?"
    r"\b(?:at|during|after|in|on)\s+(?:the\s+|your\s+|last\s+|yesterday's\s+|today's\s+|this\s+week's\s+)?"
    r"(?P<event>[^.!?\n]{3,60})",
    re.IGNORECASE, needles=('met', 'meet', 'chat', 'spoke', 'talk', 'booth', 'table', 'session', 'panel', 'presentation', 'workshop', 'conversation', 'call'))
_FOLLOW_UP = lazy_compile(
    r"\b(?:stay\s+in\s+touch|keep\s+in\s+touch|follow\s+up|following\s+up|continue\s+(?:our|the)\s+"
    r"conversation|keep\s+(?:the|our)\s+conversation|pick\s+up\s+where|reconnect)\b",
    re.IGNORECASE, needles=('touch', 'follow', 'continue', 'conversation', 'pick up', 'reconnect'))
_TOPIC_ELSEWHERE = lazy_compile(
    r"\b(?:interested\s+in|exploring|explore|passionate\s+about|career\s+in|careers\s+in|working\s+in|"
    r"work\s+in|moving\s+into|move\s+into|transition(?:ing)?\s+(?:into|to)|break(?:ing)?\s+into|"
    r"get(?:ting)?\s+into|focus(?:ed)?\s+on|studying|majoring\s+in|specifically|especially|"
    r"pursue|pursuing|curious\s+about|post\s+(?:on|about)|article\s+(?:on|about)|talk\s+(?:on|about)|"
    r"researching|(?:thesis|dissertation|capstone|paper|project|story|article|podcast\s+episode)\s+(?:on|about))"
    r"\s+(?P<topic>[^.!?\n]{3,60})",
    re.IGNORECASE,
)


# compiled once (they run in the verb and question loops)
_CLAUSE_SPLIT = lazy_compile(r"[.!?\n;]|\s-\s|,\s*(?:and\s+)?(?:i|thanks|thank|best|hope|looking)\b|"
                             r"\s+(?:and|but)\s+(?:i|i'm|im|i've|we|my)\b", re.IGNORECASE)
_OBJ_WORD = lazy_compile(r"[A-Za-z][\w'&+-]*")
_NOT_VAGUE_VERB = lazy_compile(r"following\s+up|follow\s+up|question|call", re.IGNORECASE)
_QUESTION_CLAUSES = lazy_compile(r"[,;:]|\s-\s|\band\s+(?=(?:i|i'm|we)\b)")
_HOW_ARE_YOU = lazy_compile(r"^\W*(?:how\s+are\s+you(?:\s+doing)?|how's\s+it\s+going|how\s+have\s+you\s+been)\W*$",
                            re.IGNORECASE)


def _object_after(text: str, start: int) -> str | None:
    """The object of a purpose verb: content words in the clause that follows, if any."""
    piece = text[start: start + 140]
    if "[" in piece or "{" in piece or "<" in piece or "___" in piece:  # "[topic]" names no topic
        piece = PLACEHOLDER_BRACKETS.sub(lambda p: " " * len(p.group(0)), piece)
    piece = piece.lstrip(" \t,;:-!")
    tail = _CLAUSE_SPLIT.split(piece, maxsplit=1)[0]
    words = _OBJ_WORD.findall(tail)
    vague = _vague_words()
    content = [w for w in words[:14] if w.lower() not in vague and w.lower() not in STOPWORDS]
    if not content:
        return None
    return tail.strip()


def _only_org_name(obj: str, ctx: Context) -> bool:
    """True when the object's words are only the recipient's employer or school name (and vague words)."""
    if ctx.recipient is None:
        return False
    names = set()
    cap = F.MAX_PROFILE_ITEMS  # a profile is read up to this many entries per list (linear time)
    for name in ctx.recipient.employers[:cap] + ctx.recipient.schools[:cap]:
        names.update(words_of(name))
    words = [fold(w) for w in _OBJ_WORD.findall(obj)]
    vague = _vague_words()
    content = [w for w in words if w not in vague and w not in STOPWORDS and w not in ("opportunities", "team")]
    return bool(content) and all(w in names or w.rstrip("'s") in names for w in content)


_FROM_YOU = lazy_compile(r"\s+(?:from\s+you|back)\b", re.IGNORECASE)
_NOUN_BEFORE = lazy_compile(r"\b(?:great|good|nice|amazing|awesome|inspiring|your|the|a|that|this|recent|last)\s+(?:[\w'-]+\s+){0,2}$",
                            re.IGNORECASE)
_HAVE_A_QUESTION = lazy_compile(r"\b(?:i|we|and)\s+(?:have|had|\x27ve\s+got|got)\s+(?:a|an|one|two|three|some|a\s+few|a\s+couple\s+(?:of\s+)?)\s*"
                                r"(?:quick\s+|short\s+|brief\s+|small\s+|specific\s+)?questions?$", re.IGNORECASE)
_PRONOUN_AFTER = lazy_compile(r"\s+(?:you|u|ya|him|her|them)\b", re.IGNORECASE)


def _topic_elsewhere(note: Note, ctx: Context) -> str | None:
    """The topic the note names elsewhere (a post, an interest, "interested in X"), if any."""
    if ctx.recipient is not None:
        for m in F.find_mentions(note, ctx.recipient):
            if (m.fact.kind == "activity" and m.fact.activity_kind != "award") or \
                    m.fact.kind == "interest" or (m.fact.kind == "skill" and m.side in ("recipient", "shared")):
                return note.text[m.start:m.end]
    text = PLACEHOLDER_BRACKETS.sub(" ", note.text)
    vague_fields = [v.span() for v in lexicon.family("introductions.vague_field").finditer(text)] if "work" in text else []
    for m in _TOPIC_ELSEWHERE.finditer(text):
        if any(a <= m.start() < b for a, b in vague_fields):
            continue  # "I work in the same industry" names no topic
        topic = _object_after(text, m.start("topic"))
        if topic and not _only_time(topic):
            return topic
    holes = placeholder_spans(note, ctx)
    for m in lexicon.family("purposes.named_topic").finditer(note.text):
        if not any(a < m.end() and m.start() < b for a, b in holes):
            return m.group(0).strip()
    return None


def _purpose_hint(ctx: Context) -> str:
    hint = "Say what you would like to learn or ask, with its topic (“how you moved into campus recruiting”)."
    activities = F.profile_facts(ctx.recipient).of_kind("activity") if ctx.recipient and ctx.recipient.activity else []
    if activities:
        hint = (f"Say what you would like to learn or ask, with its topic: for example a question about "
                f"{_first(ctx.recipient)}'s {activities[0].describe()}.")
    return hint


# purposes.not_purpose can only match a note with one of these (lower case): speed
_NOT_PURPOSE_NEEDLES = ("n't know", "not know", "dont know", "anything", "something", "conversation", "our chat",
                        "the chat", "our talk", "the talk", "our call", "the call", "discussion", "take on",
                        "your take", "ur take", "your thoughts", "ur thoughts", "your perspective", "your insight",
                        "your advice", "your view", "exploring", "always", "spent", "follow", "resonat",
                        "talked", "chatted", "discussed", "understand")


def _proposal(note: Note, ctx: Context) -> tuple[str, tuple[int, int]] | None:
    """An offer to share a resource the note names, or to meet at or before an event both attend."""
    text = note.text
    low = text.lower()
    offer = ("share" in low or "send" in low or "copy" in low) and lexicon.family("purposes.share_offer").search(text)
    if offer and lexicon.family("purposes.resource").search(text):
        return "Offers to share a resource", offer.span()
    invite = "invit" in low and lexicon.family("purposes.invitation").search(text)
    if invite and _object_after(text, invite.end()):
        return "Invites them to something the note names", invite.span()
    collab = ("collaborat" in low or "notes" in low or "working" in low or "worked" in low) and \
        lexicon.family("purposes.collaborate").search(text)  # the needles: speed
    if collab and (_object_after(text, collab.end()) or _topic_elsewhere(note, ctx)):
        return "Proposes to work together on a topic the note names", collab.span()
    if not any(n in low for n in ("attending", "speaking", "presenting", "going", "heading", "be there", "be at",
                                  "registered", "both", "you're at", "you are at")):
        return None  # purposes.same_event cannot match (speed)
    meet = lexicon.family("purposes.meet_there").search(text)
    if meet and lexicon.family("purposes.same_event").search(text):
        return "Proposes to meet at an event you both attend", meet.span()
    return None


def _only_time(topic: str) -> bool:
    """A topic made only of time words ("last week") is no topic."""
    times = lexicon.family("references.time_words").word_set
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", topic)]
    vague = _vague_words()
    return all(w in times or w in STOPWORDS or w in vague for w in words)


def check_purpose(note: Note, ctx: Context) -> Finding:
    cid = "purpose"
    text = note.text
    vague: tuple[int, int] | None = None
    # a named meeting to follow up
    for m in _MEETING.finditer(text):
        if _FOLLOW_UP.search(text):
            return finding(cid, "pass", f"Follows up on a meeting: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    if _FOLLOW_UP.search(text):
        known = how_you_know(note, ctx)  # a meeting placed by event or time (references.meeting)
        if known and known[0] == "meeting":
            return finding(cid, "pass", f"Follows up on a meeting: {quote(note, *known[1])}", span=known[1])
    if _FOLLOW_UP.search(text) and re.search(r"\bfollowing\s+up\s+on\s+(?:our|your|the)\s+\w+", text, re.IGNORECASE):
        m = re.search(r"\bfollowing\s+up\s+on\s+(?:our|your|the)\s+[^.!?\n]+", text, re.IGNORECASE)
        return finding(cid, "pass", f"Follows up on a meeting: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    # words inside a reference to the recipient's record ("your talk on robots that ask for help")
    # are the record's, not the sender's purpose
    record_spans = [(c.start, c.end) for c in memo(note, "claims", lambda: F.find_claims(note, ctx.recipient))]
    if ctx.recipient is not None:
        record_spans += [(m.start, m.end) for m in F.find_mentions(note, ctx.recipient)
                         if m.fact.kind == "activity"]
    not_purpose: list[tuple[int, int]] | None = None  # found on first need (speed)
    for m in _PURPOSE_VERB.finditer(text):
        if any(a <= m.start() < b for a, b in record_spans):
            continue
        if not_purpose is None:
            low = text.lower()
            not_purpose = [n.span() for n in lexicon.family("purposes.not_purpose").finditer(text)] \
                if any(n in low for n in _NOT_PURPOSE_NEEDLES) else []
        if any(a <= m.start() < b for a, b in not_purpose):
            continue
        if m.group(0).lower().startswith("hear") and _FROM_YOU.match(text, m.end()):
            continue  # "looking forward to hearing from you" is a pleasantry
        if m.group(0).lower() in ("talk", "chat", "call", "conversation", "question", "questions", "advice", "insight",
                                  "insights", "perspective", "guidance") and \
                _NOUN_BEFORE.search(text[max(0, m.start() - 30): m.start()]) and \
                not _HAVE_A_QUESTION.search(text[max(0, m.start() - 40): m.end()]):
            continue  # a noun ("Great talk!", "your advice"), not what the sender wants (but "I have a question about")
        # skip verbs inside "grow my network"-type phrases and the connect request itself
        if ctx.patterns.non_purpose.search(text[max(0, m.start() - 20): m.end() + 25]) and not _object_after(text, m.end()):
            continue
        vague_hit = ctx.patterns.vague_purpose.search(text, max(0, m.start() - 25), m.end() + 40)
        verb_end = m.end()
        pronoun = _PRONOUN_AFTER.match(text, verb_end)
        if pronoun and _OBJECT_STARTERS.match(text[pronoun.end():]):
            verb_end = pronoun.end()
        obj = _object_after(text, verb_end)
        if obj and _only_org_name(obj, ctx):
            obj = None  # "learn more about Bridger Valley Food Bank": no topic beyond the name
        if obj and _OBJECT_STARTERS.match(text[verb_end:]) or (obj and m.group(0).lower().startswith(
                ("curious", "wondering", "question", "your", "any", "discuss", "explor"))):
            if vague_hit and vague_hit.end() >= m.end() and not _object_after(text, vague_hit.end()):
                vague = vague or (vague_hit.start(), vague_hit.end())
                continue
            end = min(len(text), verb_end + len(obj) + 1)
            return finding(cid, "pass", f"Says what they want to learn or ask: {quote(note, m.start(), end)}", span=(m.start(), end))
        if vague is None and (vague_hit or not obj) and not _NOT_VAGUE_VERB.match(m.group(0)):
            vague = (m.start(), m.end())
    # a real question (not "would you like to connect?")
    greeting = read_greeting(note)
    names = profile_name_words(ctx)
    for sent in note.sentences:
        body = sent.text
        if greeting and sent.start <= greeting.start < sent.end:
            body = note.text[max(sent.start, greeting.end): sent.end]
        folded_body = fold(body) if names else ""
        if names and any(n in folded_body for n in names):
            body = " ".join(w for w in body.split() if fold(w.strip(",.!?:;")) not in names)
        else:
            body = " ".join(body.split())
        is_question = "?" in sent.text[-3:]
        chat = None
        if is_question:
            # the question itself is the last clause: "I'm a junior at Clemson, wanna meet up?"
            clauses = [c for c in _QUESTION_CLAUSES.split(body) if c.strip(" ?")]
            body = clauses[-1] if clauses else body
            chat = " you be " in body and lexicon.family("purposes.chat_request").search(body)
            if chat:  # "Could you be available for a short call ...?": only its topic, if any, is a purpose
                body = body[:chat.start()] + " " + body[chat.end():]
        if is_question and not _CONNECT_Q.search(body) and not _HOW_ARE_YOU.match(body):
            obj = _object_after(body, 0)
            if obj and not (chat and _only_time(obj)):  # not "Would you be open to a quick call next week?"
                return finding(cid, "pass", f"Asks a question: {quote(note, sent.start, sent.end)}",
                               span=(sent.start, sent.end))
    # a proposal: to share a resource the note names, to meet at or before an event both attend
    proposal = _proposal(note, ctx)
    if proposal:
        what, span = proposal
        return finding(cid, "pass", f"{what}: {quote(note, *span)}", span=span)
    # a hard ask is still a purpose
    ask = find_hard_ask(note, ctx, skip_links=True)
    if ask:
        return finding(cid, "pass", f"States a request: {quote(note, *ask[1])}", span=ask[1])
    if vague:
        topic = _topic_elsewhere(note, ctx)
        if topic:
            phrase = note.snippet(vague[0], min(len(note.text), vague[1] + 30)).split(".")[0]
            return finding(cid, "pass", f"Says what they want (“{phrase}”), and the note names its topic: “{topic[:60]}”",
                           span=vague)
        return finding(cid, "fail", f"The purpose has no topic: {quote(note, *vague)}.",
                       "Add what you want to learn about. " + _purpose_hint(ctx), span=vague)
    m = ctx.patterns.non_purpose.search(text)
    if m:
        return finding(cid, "fail", f"Connecting is not a purpose: {quote(note, m.start(), m.end())}.", _purpose_hint(ctx),
                       span=(m.start(), m.end()))
    return finding(cid, "fail", "The note does not say what you want to learn, ask or discuss.", _purpose_hint(ctx))


CRITERION = Criterion(
    "purpose", "Says what the sender wants to learn or ask",
    "A reason to connect, with a topic, lets the recipient help; “grow my network” gives them nothing.",
    check_purpose,
    passes=("Hi Dana, I'd love to learn how you moved into campus recruiting.",
            "Hi Dana, what do you look for in a career fair conversation?"),
    fails=("Hi Dana, I'd like to grow my network.", "Hi Dana, I'd love to pick your brain.",
           "Hi Dana, I'd like to connect."),
)
