"""Criterion ``not_template``: is not a default text, a pleasantry or an empty template."""
from __future__ import annotations

import re

from ...findings import Finding
from ..context import Context, profile_name_words
from ..criterion import Criterion, finding, quote
from .. import lexicon
from ..hints import facts_hint
from ..note import Note, fold
from ..patterns import lazy_compile
from ..placeholders import first_placeholder
from ..reading import WORD, body_span
from ..words import STOPWORDS

# --- 8. not_template --------------------------------------------------------------------------

NON_CONTENT = STOPWORDS | frozenset(
    """connect connecting connected connection connections join joining joined network networks
    networking professional professionals linkedin add adding expand expanding grow growing build
    building broaden broadening reach reaching out like love want wanted hope hoping happy glad
    great nice good pleasure honor honour please accept accepting invitation invite request people
    others contacts contact circle community trusted platform site list member members let lets
    keep stay touch looking forward well day week doing finds message note time consider
    considering kindly dear hi hello hey greetings thanks thank regards best cheers sincerely
    appreciate appreciated wonderful awesome excited delighted would love d ll m ve s re t
    profile came across found saw noticed seeing meet meeting e-meet able chance opportunity
    opportunities wish wishes warm warmest kind hear hearing soon day today weekend morning
    afternoon evening all everyone sir madam there hope hoped be being been get getting
    yours truly respectfully thankyou also lol wanna gonna pls plz u ur hey hiya yo presence
    monday tuesday wednesday thursday friday saturday sunday weekend holidays happy new year
    sending send sent trying try""".split()
)


_CONTENT_MARKERS = lazy_compile(
    r"\b(?:learn|hear|ask|discuss|talk|chat|advice|question|curious|because|since|saw|read|enjoyed|loved|noticed|"
    r"admire|impressed|inspired|fellow|studying|study|major|student|work\s+(?:at|in|as)|i'?m\s+(?:a|an)\s|"
    r"passionate|interested\s+in|excited\s+about|working\s+as|as\s+someone\s+who|i'?ve\s+been\s+\w+ing|i\s+have\s+been\s+\w+ing|"
    r"i\s+was\s+an?|i\s+am\s+an?|i\s+(?:studied|graduated|teach|taught|lead|manage)|[\w-]+\s+here)\b|"
    r"\byour\s+(?!network\b|professional\s+network|linkedin|profile\b|invitation|connection)\w+",
    re.IGNORECASE,
)
_BARE_NAME_LINE = lazy_compile(r"(?m)^[\s\-]*[A-Z][\w'-]+(?:\s+[A-Z][\w'.-]+){0,2}[\s.!]*\Z")
_NAME_INTRO = lazy_compile(r"\b(?:i'?m|i am|my name is|this is)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?(?=\s*(?:[,.!]|and\b|$))",
                         re.IGNORECASE)


_REQUEST_NEEDLES = ("connect", "network", "join", "add you", "send", "invit", "linkedin", "out li", "get to know")


def _may_request(piece: str) -> bool:
    """requests.network can only match a piece with one of these (speed)."""
    low = piece.lower()
    return any(n in low for n in _REQUEST_NEEDLES)


def check_not_template(note: Note, ctx: Context) -> Finding:
    cid = "not_template"
    p = ctx.patterns
    text = note.text
    if note.is_empty:
        return finding(cid, "fail", "The note is empty.", "Write a note: a greeting, who you are, one specific detail and what you would like to learn.")
    ph = first_placeholder(note, ctx)
    if ph:
        return finding(cid, "fail", f"Unfilled placeholder: {quote(note, *ph)}.",
                       "Replace every placeholder with the real detail before sending.", span=ph)
    start, end = body_span(note, ctx)
    body = text[start:end]
    names = profile_name_words(ctx)
    # fast path: a body with many words of substance was written for this note
    substance = []
    distinct = set()
    for m in WORD.finditer(body):
        word = m.group(0)
        word = word.lower() if word.isascii() else fold(word)
        if word not in NON_CONTENT and word not in names:
            substance.append(m)
            distinct.add(word)
            if len(distinct) >= 10:
                break
    if len(distinct) >= 10:
        first = substance[0]
        stop = min(end, start + first.start() + 60)
        while stop < end and note.text[stop - 1].isalnum() and note.text[stop].isalnum():
            stop += 1
        return finding(cid, "pass", f"Written for this note, not a default: {quote(note, start + first.start(), stop)}",
                       span=(start + first.start(), stop))
    # remove pleasantries, default texts; then see what is left
    stripped = p.default_text.sub(" ", body)
    stripped = p.pleasantry.sub(" ", stripped)
    pleasantry = lexicon.family("requests.pleasantry")
    if pleasantry.changed or "trust" in stripped.lower():
        stripped = pleasantry.pattern.sub(" ", stripped)
    network = lexicon.family("requests.network")
    stripped = " ".join(
        " " if (network.changed or _may_request(piece)) and network.search(piece) and not _CONTENT_MARKERS.search(piece) else piece
        for piece in re.split(r"(?<=[.!?\n])", stripped)
    )
    # a name is not content: a bare signature line, "I'm Alex", "my name is Alex Rivera"
    stripped = _BARE_NAME_LINE.sub(" ", stripped)
    stripped = _NAME_INTRO.sub(" ", stripped)
    content = []
    for w in re.findall(r"[^\W\d_][\w'-]*", stripped):
        f = fold(w)
        if f.strip("'") not in NON_CONTENT and f not in names and f.split("'")[0] not in NON_CONTENT:
            content.append(w)
            break
    if not content:
        default = p.default_text.search(body) or p.pleasantry.search(body)
        words = quote(note, start + default.start(), start + default.end()) if default else ""
        what = f"only a request to connect ({words})" if default else "only a greeting, a name or a sign-off"
        return finding(cid, "fail", f"The note is {what}: nothing in it is written for this person.",
                       "Add who you are, one thing from their profile and what you would like to learn." +
                       facts_hint(ctx.recipient, 1), span=(start + default.start(), start + default.end()) if default else None)
    first = content[0]
    pos = body.find(first)
    stop = min(end, start + pos + 60)
    while stop < end and (note.text[stop - 1].isalnum() and note.text[stop].isalnum()):
        stop += 1  # end on a whole word
    return finding(cid, "pass", f"Written for this note, not a default: {quote(note, start + pos, stop)}",
                   span=(start + pos, stop) if pos >= 0 else None)


CRITERION = Criterion(
    "not_template", "Is not a default or an empty template",
    "LinkedIn's default text, a pleasantry or an unfilled placeholder tells the reader nobody "
    "wrote this for them; it is the invitation most often ignored.",
    check_not_template,
    passes=("Hi Dana, I'm a student at Ohio State. I'd like to connect.",
            "Hi Dana, your profile is impressive. I'd like to connect."),
    fails=("I'd like to add you to my professional network on LinkedIn.",
           "Hi Dana, hope you're well! I would like to connect with you. Best, Alex",
           "Hi {first_name}, I saw your work at {company}.", ""),
)
