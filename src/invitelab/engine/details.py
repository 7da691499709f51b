"""What a note cites that is true of its recipient: a fact of the profile, a named item of their
record, how the sender knows them, or (without a profile) a concrete, checkable reference; and
what does not count (praise that fits anyone, a claim the profile does not show). Read for
``specific_detail``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import facts as F
from .note import fold
from .structure import BRACKET_NEEDLES, greeting_word
from .words import english_words

if TYPE_CHECKING:
    from .reading import Reading


class Detail(NamedTuple):
    # "fact" (a fact of the profile) | "record" (an item of it named by its kind) | "unsupported"
    # | "contact" | "meeting" | "prior" (how you know them) | "flattery" | "reference" | "news"
    # | "area" (references without a profile) | "none"
    kind: str
    span: tuple[int, int] | None
    unsupported: tuple[F.Claim, ...] = ()  # claims the profile does not show
    mention: F.Mention | None = None  # for "fact"


def _skill_as_verb(r: Reading, m: F.Mention, text: str) -> bool:
    """A one-word skill ending in -ing used as a verb ("you're hiring"): not the recipient's skill."""
    words = text[m.start:m.end].split()
    if len(words) != 1 or not words[0].lower().endswith("ing"):
        return False
    return bool(r.lex("facts.skill_as_verb").search(text[max(0, m.start - 40):m.end]))


def _counts_as_detail(r: Reading, m: F.Mention, text: str = "") -> bool:
    kind = m.fact.kind
    if kind in ("school", "employer", "group", "activity", "interest"):
        return True
    if kind == "role":
        return m.side == "recipient"
    if kind == "skill":
        return m.side in ("recipient", "shared") and not _skill_as_verb(r, m, text)
    if kind == "field":
        return m.side == "shared" or (m.side == "recipient" and m.near_recipient)
    if kind == "occupation":
        return m.side == "shared"  # "nurses like you" is a category; "a nurse too" is shared
    return False


_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w&'-]+(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&'-]+)*)")  # capitalised words


def _you_proper_noun(r: Reading) -> tuple[int, int] | None:
    """Without a profile: a named thing in a sentence about the recipient ("your work at Meridian",
    "congrats on the Ohio Recruiter of the Year award"), or their path ("how you moved from teaching into recruiting")."""
    note = r.note
    path = r.lex_re("details.their_path", ("you",)).search(note.text)
    brackets = r.lex_re("placeholders.brackets", BRACKET_NEEDLES)
    greeting = greeting_word(r.lex("greetings.words"))
    about_them, not_named = r.lex("details.about_them"), r.lex("details.not_named_things").words
    pronoun, theirs = r.lex("details.pronouns").pattern, r.lex("details.their_pronouns").word_set
    platform = r.lex("details.platform_parts").word_set
    if path:
        return path.start(), path.end()
    for sent in note.sentences:
        about = about_them.search(sent.text)
        if not about or brackets.search(sent.text) or \
                r.blanked[sent.start:sent.end] != sent.text:
            continue
        shared_or_congrats = not about.group(0).lower().startswith("you")
        for m in _NAMED.finditer(sent.text):
            word = m.group(1)
            if m.start() == 0 or word in not_named or fold(word) in r.lex("addressees.generic").word_set:
                continue
            parts = word.split()
            rest = [w for w in parts if w not in not_named]
            if len(rest) < len(parts) and all(w.lower() in platform for w in rest):
                continue  # "your LinkedIn Page": the platform, not a named thing of theirs
            if word.isupper() and all(w.lower() in english_words() for w in word.split()) and len(word) > 3:
                continue  # "ANYONE" shouted is a common word, not a named thing
            prefix = sent.text[: m.start()].rstrip()
            if not prefix or prefix[-1] in ".!?":
                continue
            if greeting.match(sent.text) and m.start() < 25:
                continue
            pronouns = pronoun.findall(prefix)
            if not shared_or_congrats and (not pronouns or pronouns[-1].lower() not in theirs):
                continue
            if shared_or_congrats and m.start() < about.end():
                continue
            return sent.start + m.start(), sent.start + m.end()
    return None


def _names_something(r: Reading, claim) -> bool:
    """A claim's object starts with a real word, not a placeholder ("your post about [topic]",
    "the [Role] you are hiring for" name nothing)."""
    at = r.text.find(claim.obj, claim.start)
    articles = r.lex("references.articles").word_set
    if at < 0:
        return True
    for m in re.finditer(r"[^\W\d_][\w'-]*", claim.obj):
        if m.group(0).lower() in articles:
            continue
        return not r.inside_placeholder(at + m.start())
    return False


_ORDER = "activity group interest employer school field role skill occupation".split()


def cited_detail(r: Reading) -> Detail:
    """What the note cites that is true of the recipient (with a profile: a fact of it, or how you
    know them; without one: a concrete, checkable reference), or why nothing counts."""
    note, recipient, claims = r.note, r.recipient, r.claims
    unsupported = tuple(c for c in claims if not c.supported)
    if recipient is not None:
        bad_spans = [(c.start, c.end) for c in unsupported]
        good = [m for m in r.recipient_mentions
                if _counts_as_detail(r, m, note.text) and not any(s <= m.start < e for s, e in bad_spans)]
        if good:
            best = sorted(good, key=lambda m: (_ORDER.index(m.fact.kind), m.start))[0]
            return Detail("fact", (best.start, best.end), unsupported, best)
        # "your article on the same topic": a real item of the profile, named by its kind
        for c in claims:
            if c.supported and c.kind == "activity" and (c.anaphoric or not (set(F.content_stems(c.obj)) - F.GENERIC_STEMS - {"same", "topic"})) \
                    and any(f.kind == "activity" for f in F.profile_facts(recipient).facts):
                return Detail("record", (c.start, c.end), unsupported)
        if unsupported:
            return Detail("unsupported", (unsupported[0].start, unsupported[0].end), unsupported)
        if r.how_you_know:
            kind, span = r.how_you_know
            return Detail(kind, span, unsupported)
        flat = r.lex("references.flattery").search(note.text)
        if flat:
            return Detail("flattery", flat.span(), unsupported)
        return Detail("none", None, unsupported)
    # No profile: a concrete, checkable reference (one made only through a placeholder names nothing)
    supported_claims = [c for c in claims if c.obj and _names_something(r, c)]
    if supported_claims:
        c = supported_claims[0]
        return Detail("reference", (c.start, c.end), unsupported)
    if r.how_you_know:
        kind, span = r.how_you_know
        return Detail(kind, span, unsupported)
    span = _you_proper_noun(r)
    if span:
        return Detail("reference", span, unsupported)
    if r.concrete_reference:
        kind, span = r.concrete_reference
        return Detail(kind, span, unsupported)
    return Detail("none", None, unsupported)
