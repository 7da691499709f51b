"""Whether a note is written for its reader or is a default text, a pleasantry, a bare request
to connect or an unfilled template (read for ``not_template``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .note import fold
from .patterns import lazy_compile
from .structure import WORD
from .words import stopwords

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


_REQUEST_NEEDLES = ("connect", "network", "join", "add you", "send", "invit", "linkedin", "out li", "get to know")


def _may_request(piece: str) -> bool:
    """requests.network can only match a piece with one of these (speed)."""
    low = piece.lower()
    return any(n in low for n in _REQUEST_NEEDLES)


@lru_cache(maxsize=32)
def _non_content(stop: frozenset[str], fam) -> frozenset[str]:
    """Words that carry nothing written for the reader: stop words and the family's words."""
    return stop | fam.word_set


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
    non_content = _non_content(stopwords(), r.lex("templates.non_content"))
    # fast path: a body with many words of substance was written for this note
    substance = []
    distinct = set()
    for m in WORD.finditer(body):
        word = m.group(0)
        word = word.lower() if word.isascii() else fold(word)
        if word not in non_content and word not in names:
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
    network, markers = r.lex("requests.network"), r.lex("templates.content_markers")
    stripped = " ".join(
        " " if (network.changed or _may_request(piece)) and network.search(piece) and not markers.search(piece) else piece
        for piece in re.split(r"(?<=[.!?\n])", stripped)
    )
    # a name is not content: a bare signature line, "I'm Alex", "my name is Alex Rivera"
    stripped = r.lex("templates.signature_name").pattern.sub(" ", stripped)
    stripped = r.lex("templates.name_intro").pattern.sub(" ", stripped)
    content = []
    for m in _WORD_AT.finditer(stripped):
        w = m.group(0)
        f = fold(w)
        if f.strip("'") not in non_content and f not in names and f.split("'")[0] not in non_content:
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


