"""What the sender says they want: to learn or ask something with its topic, to follow up a
meeting, a real question, an offer to share or to meet, or a request (a hard ask is still a
purpose); or why there is none (no topic, only a request to connect). Read for ``purpose``; the
words and patterns are in ``lexicon/purposes.toml`` (RUBRIC.md, purpose)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import asks
from . import facts as F
from .note import Note, fold
from .patterns import lazy_compile
from .shortforms import words_of
from .structure import BRACKET_NEEDLES
from .words import stopwords

if TYPE_CHECKING:
    from .reading import Reading


class Purpose(NamedTuple):
    # "said" (a purpose, `says` saying which) | "topic_elsewhere" (a vague purpose whose topic the
    # note names elsewhere) | "no_topic" | "connect_only" | "none"
    kind: str
    span: tuple[int, int] | None = None
    says: str = ""  # "Says what they want to learn or ask", "Asks a question", "Follows up on a meeting" ...
    phrase: str = ""  # for topic_elsewhere: the vague purpose and the topic named elsewhere
    topic: str = ""


def _vague_words(r: Reading) -> frozenset[str]:
    """Words that name no topic after a purpose verb (lexicon family ``purposes.vague_objects``)."""
    return r.lex("purposes.vague_objects").word_set


_OBJ_WORD = lazy_compile(r"[A-Za-z][\w'&+-]*")


def _object_after(r: Reading, text: str, start: int) -> str | None:
    """The object of a purpose verb: content words in the clause that follows, if any."""
    piece = text[start: start + 140]
    if "[" in piece or "{" in piece or "<" in piece or "___" in piece:  # "[topic]" names no topic
        piece = r.lex_re("placeholders.brackets", BRACKET_NEEDLES).sub(lambda p: " " * len(p.group(0)), piece)
    piece = piece.lstrip(" \t,;:-!")
    tail = r.lex("purposes.clause_split").pattern.split(piece, maxsplit=1)[0]
    words = _OBJ_WORD.findall(tail)
    vague, stop = _vague_words(r), stopwords()
    content = [w for w in words[:14] if w.lower() not in vague and w.lower() not in stop]
    if not content:
        return None
    return tail.strip()


def _only_org_name(obj: str, r: Reading) -> bool:
    """True when the object's words are only the recipient's employer or school name (and vague words)."""
    if r.recipient is None:
        return False
    names = set()
    cap = F.MAX_PROFILE_ITEMS  # a profile is read up to this many entries per list (linear time)
    for name in r.recipient.employers[:cap] + r.recipient.schools[:cap]:
        names.update(words_of(name))
    words = [fold(w) for w in _OBJ_WORD.findall(obj)]
    vague, stop = _vague_words(r), stopwords()
    content = [w for w in words if w not in vague and w not in stop and w not in r.lex("purposes.not_beyond_name").word_set]
    return bool(content) and all(w in names or w.rstrip("'s") in names for w in content)


def _topic_elsewhere(note: Note, r: Reading) -> str | None:
    """The topic the note names elsewhere (a post, an interest, "interested in X"), if any."""
    if r.recipient is not None:
        for m in r.recipient_mentions:
            if (m.fact.kind == "activity" and m.fact.activity_kind != "award") or \
                    m.fact.kind == "interest" or (m.fact.kind == "skill" and m.side in ("recipient", "shared")):
                return note.text[m.start:m.end]
    text = r.lex_re("placeholders.brackets", BRACKET_NEEDLES).sub(" ", note.text)
    vague_field = r.lex("introductions.vague_field")
    vague_fields = [v.span() for v in vague_field.finditer(text)] if vague_field.changed or "work" in text else []
    for m in r.lex("purposes.topic_elsewhere").pattern.finditer(text):
        if any(a <= m.start() < b for a, b in vague_fields):
            continue  # "I work in the same industry" names no topic
        topic = _object_after(r, text, m.start("topic"))
        if topic and not _only_time(r, topic):
            return topic
    holes = r.placeholders
    for m in r.lex("purposes.named_topic").finditer(note.text):
        if not any(a < m.end() and m.start() < b for a, b in holes):
            return m.group(0).strip()
    return None


# purposes.not_purpose can only match a note with one of these (lower case): speed
_NOT_PURPOSE_NEEDLES = ("n't know", "not know", "dont know", "anything", "something", "conversation", "our chat",
                        "the chat", "our talk", "the talk", "our call", "the call", "discussion", "take on",
                        "your take", "ur take", "your thoughts", "ur thoughts", "your perspective", "your insight",
                        "your advice", "your view", "exploring", "always", "spent", "follow", "resonat",
                        "talked", "chatted", "discussed", "understand")


def _proposal(note: Note, r: Reading) -> tuple[str, tuple[int, int]] | None:
    """An offer to share a resource the note names, or to meet at or before an event both attend."""
    text = note.text
    low = text.lower()
    share = r.lex("purposes.share_offer")
    offer = (share.changed or "share" in low or "send" in low or "copy" in low) and share.search(text)
    if offer and r.lex("purposes.resource").search(text):
        return "Offers to share a resource", offer.span()
    invitation = r.lex("purposes.invitation")
    invite = (invitation.changed or "invit" in low) and invitation.search(text)
    if invite and _object_after(r, text, invite.end()):
        return "Invites them to something the note names", invite.span()
    collaborate = r.lex("purposes.collaborate")
    collab = (collaborate.changed or "collaborat" in low or "notes" in low or "working" in low or "worked" in low) and \
        collaborate.search(text)  # the needles: speed
    if collab and (_object_after(r, text, collab.end()) or _topic_elsewhere(note, r)):
        return "Proposes to work together on a topic the note names", collab.span()
    if not r.lex("purposes.same_event").changed and not any(n in low for n in ("attending", "speaking", "presenting", "going", "heading", "be there", "be at",
                                  "registered", "both", "you're at", "you are at")):
        return None  # purposes.same_event cannot match (speed)
    meet = r.lex("purposes.meet_there").search(text)
    if meet and r.lex("purposes.same_event").search(text):
        return "Proposes to meet at an event you both attend", meet.span()
    return None


def _only_time(r: Reading, topic: str) -> bool:
    """A topic made only of time words ("last week") is no topic."""
    times = r.lex("references.time_words").word_set
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", topic)]
    vague, stop = _vague_words(r), stopwords()
    return all(w in times or w in stop or w in vague for w in words)


def read_purpose(r: Reading) -> Purpose:
    """What the sender says they want (to learn, ask, follow up, share, meet), or why it is no purpose."""
    note = r.note
    text = note.text
    vague: tuple[int, int] | None = None
    # a named meeting to follow up
    for m in r.lex_re("purposes.meeting", ('met', 'meet', 'chat', 'spoke', 'talk', 'booth', 'table', 'session', 'panel', 'presentation', 'workshop', 'conversation', 'call')).finditer(text):
        if r.lex_re("purposes.follow_up", ('touch', 'follow', 'continue', 'conversation', 'pick up', 'reconnect')).search(text):
            return Purpose("said", (m.start(), m.end()), "Follows up on a meeting")
    if r.lex_re("purposes.follow_up", ('touch', 'follow', 'continue', 'conversation', 'pick up', 'reconnect')).search(text):
        known = r.how_you_know  # a meeting placed by event or time (references.meeting)
        if known and known[0] == "meeting":
            return Purpose("said", known[1], "Follows up on a meeting")
    if r.lex_re("purposes.follow_up", ('touch', 'follow', 'continue', 'conversation', 'pick up', 'reconnect')).search(text) and r.lex("purposes.following_up_on").search(text):
        m = r.lex("purposes.following_up_on_what").search(text)
        return Purpose("said", (m.start(), m.end()), "Follows up on a meeting")
    # words inside a reference to the recipient's record ("your talk on what you look for at career fairs")
    # are the record's, not the sender's purpose
    record_spans = [(c.start, c.end) for c in r.claims]
    if r.recipient is not None:
        record_spans += [(m.start, m.end) for m in r.recipient_mentions
                         if m.fact.kind == "activity"]
    not_purpose: list[tuple[int, int]] | None = None  # found on first need (speed)
    for m in r.lex("purposes.verbs").pattern.finditer(text):
        if any(a <= m.start() < b for a, b in record_spans):
            continue
        if not_purpose is None:
            low = text.lower()
            not_purpose = [n.span() for n in r.lex("purposes.not_purpose").finditer(text)] \
                if r.lex("purposes.not_purpose").changed or any(n in low for n in _NOT_PURPOSE_NEEDLES) else []
        if any(a <= m.start() < b for a, b in not_purpose):
            continue
        if m.group(0).lower().startswith("hear") and r.lex("purposes.from_you").pattern.match(text, m.end()):
            continue  # "looking forward to hearing from you" is a pleasantry
        if m.group(0).lower() in r.lex("purposes.noun_words").word_set and \
                r.lex("purposes.noun_before").pattern.search(text[max(0, m.start() - 30): m.start()]) and \
                not r.lex("purposes.have_a_question").pattern.search(text[max(0, m.start() - 40): m.end()]):
            continue  # a noun ("Great talk!", "your advice"), not what the sender wants (but "I have a question about")
        # skip verbs inside "grow my network"-type phrases and the connect request itself
        if r.patterns.non_purpose.search(text[max(0, m.start() - 20): m.end() + 25]) and not _object_after(r, text, m.end()):
            continue
        vague_hit = r.patterns.vague_purpose.search(text, max(0, m.start() - 25), m.end() + 40)
        verb_end = m.end()
        pronoun = r.lex("purposes.pronoun_after").pattern.match(text, verb_end)
        if pronoun and r.lex("purposes.object_starters").pattern.match(text[pronoun.end():]):
            verb_end = pronoun.end()
        obj = _object_after(r, text, verb_end)
        if obj and _only_org_name(obj, r):
            obj = None  # "learn more about Meridian Health": no topic beyond the name
        if obj and r.lex("purposes.object_starters").pattern.match(text[verb_end:]) or (obj and m.group(0).lower().startswith(
                ("curious", "wondering", "question", "your", "any", "discuss", "explor"))):
            if vague_hit and vague_hit.end() >= m.end() and not _object_after(r, text, vague_hit.end()):
                vague = vague or (vague_hit.start(), vague_hit.end())
                continue
            end = min(len(text), verb_end + len(obj) + 1)
            return Purpose("said", (m.start(), end), "Says what they want to learn or ask")
        if vague is None and (vague_hit or not obj) and not r.lex("purposes.not_vague_verbs").pattern.match(m.group(0)):
            vague = (m.start(), m.end())
    # a real question (not "would you like to connect?")
    greeting = r.greeting
    names = r.name_words
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
            # the question itself is the last clause: "I'm a junior at Ohio State, wanna meet up?"
            clauses = [c for c in r.lex("purposes.question_clauses").pattern.split(body) if c.strip(" ?")]
            body = clauses[-1] if clauses else body
            chat = (r.lex("purposes.chat_request").changed or " you be " in body) and r.lex("purposes.chat_request").search(body)
            if chat:  # "Could you be available for a short call ...?": only its topic, if any, is a purpose
                body = body[:chat.start()] + " " + body[chat.end():]
        if is_question and not r.lex("purposes.connect_question").pattern.search(body) and not r.lex("purposes.how_are_you").pattern.match(body):
            obj = _object_after(r, body, 0)
            if obj and not (chat and _only_time(r, obj)):  # not "Would you be open to a quick call next week?"
                return Purpose("said", (sent.start, sent.end), "Asks a question")
    # a proposal: to share a resource the note names, to meet at or before an event both attend
    proposal = _proposal(note, r)
    if proposal:
        what, span = proposal
        return Purpose("said", span, what)
    # a hard ask is still a purpose
    ask = r.first_ask
    if ask and asks.states_only(r, ask):  # "Raising a seed round" asks nothing: a later request may
        ask = asks.first_ask(r, requests_only=True)
    if ask:
        return Purpose("said", ask, "States a request")
    if vague:
        topic = _topic_elsewhere(note, r)
        if topic:
            phrase = note.snippet(vague[0], min(len(note.text), vague[1] + 30)).split(".")[0]
            return Purpose("topic_elsewhere", vague, phrase=phrase, topic=topic[:60])
        return Purpose("no_topic", vague)
    m = r.patterns.non_purpose.search(text)
    if m:
        return Purpose("connect_only", (m.start(), m.end()))
    return Purpose("none")
