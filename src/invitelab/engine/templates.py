"""Whether a note is written for its reader or is a default text, a pleasantry, a bare request
to connect or an unfilled template (read for ``not_template``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .note import fold
from .patterns import lazy_compile
from .structure import WORD
from .words import STOPWORDS

if TYPE_CHECKING:
    from .reading import Reading


class Template(NamedTuple):
    kind: str  # "empty" | "placeholder" | "default" (a default text or pleasantry) | "bare" | "own"
    span: tuple[int, int] | None = None  # the placeholder, the default words, or the note's own words


_WORD_AT = lazy_compile(r"[^\W\d_][\w'-]*")


def _evidence(text: str, start: int, end: int, width: int = 60) -> tuple[int, int]:
    """Up to `width` characters from `start`, whole words, within the sentence `start` is in (a
    sentence ends at a line break, or at ".", "!" or "?" before a space)."""
    stop = min(end, start + width)
    while stop < end and text[stop - 1].isalnum() and text[stop].isalnum():
        stop += 1  # end on a whole word
    for i in range(start, stop):
        if text[i] == "\n":
            return start, i
        if text[i] in ".!?" and (i + 1 >= len(text) or text[i + 1].isspace()):  # not "U.S." nor "3.5"
            return start, i + 1
    return start, stop


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


def own_words(r: Reading) -> Template:
    """Whether the note holds words written for it, beyond a greeting, a name, a sign-off, a
    pleasantry, a default text or a bare request to connect."""
    p = r.patterns
    note, text = r.note, r.text
    if note.is_empty:
        return Template("empty")
    if r.placeholders:
        return Template("placeholder", r.placeholders[0])
    start, end = r.body
    body = text[start:end]
    names = r.name_words
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
        return Template("own", _evidence(text, start + substance[0].start(), end))
    # remove pleasantries, default texts; then see what is left
    stripped = p.default_text.sub(" ", body)
    stripped = p.pleasantry.sub(" ", stripped)
    pleasantry = r.lex("requests.pleasantry")
    if pleasantry.changed or "trust" in stripped.lower():
        stripped = pleasantry.pattern.sub(" ", stripped)
    network = r.lex("requests.network")
    stripped = " ".join(
        " " if (network.changed or _may_request(piece)) and network.search(piece) and not _CONTENT_MARKERS.search(piece) else piece
        for piece in re.split(r"(?<=[.!?\n])", stripped)
    )
    # a name is not content: a bare signature line, "I'm Alex", "my name is Alex Rivera"
    stripped = _BARE_NAME_LINE.sub(" ", stripped)
    stripped = _NAME_INTRO.sub(" ", stripped)
    content = []
    for m in _WORD_AT.finditer(stripped):
        w = m.group(0)
        f = fold(w)
        if f.strip("'") not in NON_CONTENT and f not in names and f.split("'")[0] not in NON_CONTENT:
            content.append(m)
            break
    if not content:
        default = p.default_text.search(body) or p.pleasantry.search(body)
        if default:
            return Template("default", (start + default.start(), start + default.end()))
        return Template("bare")
    word = content[0].group(0)  # where it stands in the body, as a whole word
    at = re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", body)
    return Template("own", _evidence(text, start + (at.start() if at else body.find(word)), end))


