"""Criterion ``specific_detail``: cites something true of this recipient."""
from __future__ import annotations

import re

from ...findings import Finding
from .. import facts as F
from .. import lexicon
from ..context import Context, memo
from ..criterion import Criterion, finding, quote
from ..hints import facts_hint
from ..note import Note, fold
from ..patterns import lazy_compile
from ..placeholders import blanked, inside_placeholder
from ..reading import GREET_WORDS, PLACEHOLDER_BRACKETS, generic_addressees
from ..references import concrete_reference, how_you_know
from ..words import english_words

_HOW_YOU_KNOW = {"contact": "Names a mutual contact", "meeting": "Says where or when you met",
                 "prior": "Follows up a named earlier exchange"}
_REFERENCE = {"news": "Cites news about them", "area": "Names a specific area of their work"}

# --- 3. specific_detail -----------------------------------------------------------------------


def _skill_as_verb(m: F.Mention, text: str) -> bool:
    """A one-word skill ending in -ing used as a verb ("you're hiring"): not the recipient's skill."""
    words = text[m.start:m.end].split()
    if len(words) != 1 or not words[0].lower().endswith("ing"):
        return False
    return bool(lexicon.family("facts.skill_as_verb").search(text[max(0, m.start - 40):m.end]))


def _counts_as_detail(m: F.Mention, text: str = "") -> bool:
    kind = m.fact.kind
    if kind in ("school", "employer", "group", "activity", "interest"):
        return True
    if kind == "role":
        return m.side == "recipient"
    if kind == "skill":
        return m.side in ("recipient", "shared") and not _skill_as_verb(m, text)
    if kind == "field":
        return m.side == "shared" or (m.side == "recipient" and m.near_recipient)
    if kind == "occupation":
        return m.side == "shared"  # "nurses like you" is a category; "a nurse too" is shared
    return False


_PATH_CLAIM = lazy_compile(
    r"\byou(?:'ve)?\s+(?:moved|went|switched|transitioned|pivoted|made\s+the\s+(?:move|switch|jump)|got)\s+"
    r"from\s+[\w\s'-]{3,40}?\s+(?:to|into)\s+\w[\w\s'-]{2,40}", re.IGNORECASE, needles=("you",))
_ABOUT_THEM = lazy_compile(r"\byour?\b|\bcongrat|\bwe(?:'re|\s+are|\s+were)?\s+both\b", re.IGNORECASE)


def _you_proper_noun(note: Note, ctx: Context) -> tuple[int, int] | None:
    """Without a profile: a named thing in a sentence about the recipient ("your work at Meridian",
    "congrats on the Austin Indie Game Award"), or their path ("how you moved from nursing into informatics")."""
    path = _PATH_CLAIM.search(note.text)
    if path:
        return path.start(), path.end()
    for sent in note.sentences:
        about = _ABOUT_THEM.search(sent.text)
        if not about or PLACEHOLDER_BRACKETS.search(sent.text) or \
                blanked(note, ctx)[sent.start:sent.end] != sent.text:
            continue
        shared_or_congrats = not about.group(0).lower().startswith("you")
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w&'-]+(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&'-]+)*)", sent.text):
            word = m.group(1)
            if m.start() == 0 or word in ("I", "I'm", "I've", "I'd", "LinkedIn") or fold(word) in generic_addressees():
                continue
            if word.isupper() and all(w.lower() in english_words() for w in word.split()) and len(word) > 3:
                continue  # "ANYONE" shouted is a common word, not a named thing
            prefix = sent.text[: m.start()].rstrip()
            if not prefix or prefix[-1] in ".!?":
                continue
            if re.match(rf"{GREET_WORDS}\b", sent.text, re.IGNORECASE) and m.start() < 25:
                continue
            pronouns = re.findall(r"\b(you|your|you're|i|i'm|my|me|we|our)\b", prefix, re.IGNORECASE)
            if not shared_or_congrats and (not pronouns or pronouns[-1].lower() not in ("you", "your", "you're")):
                continue
            if shared_or_congrats and m.start() < about.end():
                continue
            return sent.start + m.start(), sent.start + m.end()
    return None


def _names_something(note: Note, ctx: Context, claim) -> bool:
    """A claim's object starts with a real word, not a placeholder ("your post about [specific topic]",
    "your post about the [Specific Role] you are hiring for" name nothing)."""
    at = note.text.find(claim.obj, claim.start)
    if at < 0:
        return True
    for m in re.finditer(r"[^\W\d_][\w'-]*", claim.obj):
        if m.group(0).lower() in ("the", "a", "an", "your", "my", "our", "this", "that", "some"):
            continue
        return not inside_placeholder(note, ctx, at + m.start())
    return False


def check_specific_detail(note: Note, ctx: Context) -> Finding:
    cid = "specific_detail"
    recipient = ctx.recipient
    who = recipient.first_name if recipient else "the recipient"
    claims = memo(note, "claims", lambda: F.find_claims(note, recipient))
    unsupported = [c for c in claims if not c.supported]
    flag = ""
    if unsupported:
        flag = " " + "; ".join(f"“{c.words}” is not on {who}'s profile" for c in unsupported[:2]) + \
            " (only cite what you can see on the profile)."
    if recipient is not None:
        mentions = F.find_mentions(note, recipient)
        bad_spans = [(c.start, c.end) for c in unsupported]
        good = [m for m in mentions if _counts_as_detail(m, note.text) and not any(s <= m.start < e for s, e in bad_spans)]
        if good:
            best = sorted(good, key=lambda m: ("activity group interest employer school field role skill occupation".split().index(m.fact.kind), m.start))[0]
            return finding(cid, "pass",
                           f"Cites {who}'s {F.KIND_NAMES[best.fact.kind]} ({best.fact.describe()}): {quote(note, best.start, best.end)}.{flag}",
                           span=(best.start, best.end))
        # "your article on the same topic": a real item of the profile, named by its kind
        for c in claims:
            if c.supported and c.kind == "activity" and (c.anaphoric or not (set(F.content_stems(c.obj)) - F.GENERIC_STEMS - {"same", "topic"})) \
                    and any(f.kind == "activity" for f in F.profile_facts(recipient).facts):
                return finding(cid, "pass", f"Refers to {who}'s {quote(note, c.start, c.end)}.{flag}", span=(c.start, c.end))
        if unsupported:
            c = unsupported[0]
            return finding(cid, "fail", f"Unsupported: “{c.words}” is not on {who}'s profile.",
                           "Cite something the profile really shows." + facts_hint(recipient), span=(c.start, c.end))
        known = how_you_know(note, ctx)
        if known:
            kind, span = known
            return finding(cid, "pass", f"{_HOW_YOU_KNOW[kind]}: {quote(note, *span)}.{flag}", span=span)
        flat = lexicon.family("references.flattery").search(note.text)
        if flat:
            return finding(cid, "fail", f"Praise that fits anyone: {quote(note, flat.start(), flat.end())}.",
                           "Replace general praise with one fact from the profile." + facts_hint(recipient),
                           span=(flat.start(), flat.end()))
        return finding(cid, "fail", f"Nothing in the note is specific to {who}.",
                       "Mention one thing that is true of this person." + facts_hint(recipient))
    # No profile: a concrete, checkable reference (one made only through a placeholder names nothing)
    supported_claims = [c for c in claims if c.obj and _names_something(note, ctx, c)]
    if supported_claims:
        c = supported_claims[0]
        return finding(cid, "pass", f"Makes a concrete reference: {quote(note, c.start, c.end)}", span=(c.start, c.end))
    known = how_you_know(note, ctx)
    if known:
        kind, span = known
        return finding(cid, "pass", f"{_HOW_YOU_KNOW[kind]}: {quote(note, *span)}.", span=span)
    span = _you_proper_noun(note, ctx)
    if span:
        return finding(cid, "pass", f"Makes a concrete reference: {quote(note, *span)}", span=span)
    ref = concrete_reference(note, ctx)
    if ref:
        kind, span = ref
        return finding(cid, "pass", f"{_REFERENCE[kind]}: {quote(note, *span)}.", span=span)
    return finding(cid, "fail", "No concrete, checkable reference to the recipient (a post, employer, school, group).",
                   "Name one thing from their profile: a post, their employer, their school or a group.")


CRITERION = Criterion(
    "specific_detail", "Cites something true of this recipient",
    "One fact from the profile (a post, the employer, the school, a group) proves the note was "
    "written for this person; general praise fits anyone.",
    check_specific_detail,
    passes=("Hi Dana, your post on what you look for at career fairs was so useful.",
            "Hi Dana, I admire Meridian Health's nurse residency program."),
    fails=("Hi Dana, you have an impressive profile.", "Hi Dana, I saw your talk at SXSW.",
           "Hi Dana, I'm reaching out to recruiters in Columbus."),
)
