"""The structure of a note: the greeting and the name it addresses, the closing and signature,
and the body between them (pure functions of the note; the :class:`~.reading.Reading` calls
each once and holds the result)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from . import lexicon
from .note import Note, fold
from .patterns import lazy_compile
from .words import stopwords

if TYPE_CHECKING:
    from .reading import Reading

# --- Greeting, closing and sentence structure (shared by several rules) -----------------------

# Where a placeholder in brackets can be (a quick pre-test of placeholders.brackets: speed)
BRACKET_NEEDLES = ("[", "{", "<", "___")


def _alternation(fam: lexicon.Family) -> str:
    """A family's words (escaped) or patterns as one regex group, in the file's order ("(?!)" when
    a rubric emptied it)."""
    items = fam.patterns or [re.escape(w) for w in fam.words]
    return "(?:" + "|".join(items) + ")" if items else "(?!)"


@lru_cache(maxsize=32)
def _opening_patterns(greet: lexicon.Family, titles: lexicon.Family) -> tuple[re.Pattern[str], ...]:
    """The greeting, a title and a name opening the note, built from the families (per rubric)."""
    words, title = _alternation(greet), _alternation(titles)
    return (
        re.compile(rf"^\s*(?P<greet>{words})\b[ \t,!.:;-]*(?P<rest>[^\n]*)", re.IGNORECASE),
        re.compile(rf"^(?P<title>{title})\.?\s+", re.IGNORECASE),
        re.compile(rf"^\s*(?:(?P<title>{title})\.?\s+)?(?P<name>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){{0,2}})"
                   r"\s*(?:,|:|!|\s-\s?|-\s|\.{2,}|(?P<dot>\.))", re.IGNORECASE),
    )


@lru_cache(maxsize=32)
def greeting_word(greet: lexicon.Family) -> re.Pattern[str]:
    """A greeting word at the start of a text ("Hi", "Good morning"), for ``.match``."""
    return re.compile(rf"\s*{_alternation(greet)}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Greeting:
    start: int
    end: int
    greet: str  # the greeting word, or "" when the note opens with the name
    title: str
    name: str  # what the writer put where the name goes ("" when nothing)


def read_greeting(r: Reading) -> Greeting | None:
    """The opening greeting ("Hi Dana,", "Dear Ms. Whitfield", "Dana -"), if any."""
    note, text = r.note, r.text
    greeting, title_re, lead_name = _opening_patterns(r.lex("greetings.words"), r.lex("greetings.titles"))
    brackets = r.lex_re("placeholders.brackets", BRACKET_NEEDLES)
    m = greeting.match(text)
    if m:
        rest = m.group("rest")
        offset = m.start("rest")
        title = ""
        if re.search(r"[!.?]", text[m.end("greet"): m.start("rest")]):
            return Greeting(m.start("greet"), m.end("greet"), m.group("greet"), "", "")  # "Hey! Wanna connect?"
        t = title_re.match(rest)
        if t:
            title, offset, rest = t.group("title"), offset + t.end(), rest[t.end():]
        ph = brackets.match(rest) or _placeholder_word(r, rest)
        if ph:
            return Greeting(m.start("greet"), offset + ph.end(), m.group("greet"), title, ph.group(0))
        name_words = _name_words(r, rest, note.all_lowercase or m.group("greet").islower())
        if name_words:
            end = offset + name_words[1]
            return Greeting(m.start("greet"), end, m.group("greet"), title, rest[: name_words[1]])
        return Greeting(m.start("greet"), m.end("greet"), m.group("greet"), title, "")
    whole = text.strip()
    if whole and len(whole) <= 40 and re.fullmatch(r"(?:[^\W\d_][\w'-]*\s*){1,3}[.!]?", whole):
        start = text.index(whole[0])
        name = whole.rstrip(".!")
        return Greeting(start, start + len(name), "", "", name)
    m = lead_name.match(text)
    if m and m.group("dot") and r.note.raw_read[m.start("dot"):m.end("dot")] != "\u2026":
        m = None  # "Nolan… I enjoyed" or "Nolan... I enjoyed" opens with a name; "Nolan. I enjoyed" not
    if m:
        name = m.group("name")
        words = name.split()
        if len(words) <= 3 and fold(words[0]).replace("’", "'") not in r.lex("greetings.not_a_name").word_set:  # "I'm like, ..."
            return Greeting(m.start("name") if not m.group("title") else m.start("title"),
                            m.end("name"), "", m.group("title") or "", name)
    return None


def _placeholder_word(r: Reading, rest: str):
    """A capitalised stand-in word where the name goes ("Hi NAME,"): the rubric's placeholders."""
    return re.match(r"(?:[A-Z]{2,}[ _]?){1,3}\b", rest) if re.match(r"[A-Z_ ]+\b", rest[:20] or "") and \
        r.patterns.placeholder_words.match(rest) else None


def _name_words(r: Reading, rest: str, all_lower: bool) -> tuple[list[str], int] | None:
    """The words in the name slot after a greeting word, and where they end."""
    words: list[str] = []
    end = 0
    enders, fillers = r.lex("greetings.name_enders").word_set, r.lex("greetings.fillers").word_set
    stop = stopwords()
    for m in re.finditer(r"[^\W\d_][\w'-]*|[^\w\s]+|\s+", rest):
        piece = m.group(0)
        if piece.isspace():
            if "\n" in piece:
                break
            continue
        if not piece[0].isalpha():
            if piece in ("-", "'") and not (words and piece == "-"):
                continue  # "Hi - Dana"; but "Hi Dana - psych junior here" ends the name
            break
        low = piece.lower()
        if words:
            if low in stop or low in enders:
                break
            if not all_lower and not piece[0].isupper():
                break
            if all_lower and len(words) >= 1:
                # lower-case note: a second word is part of the name only before a comma
                follow = rest[m.end(): m.end() + 2]
                if not follow.startswith((",", " -", ":", "!")):
                    break
        elif low in stop:
            break
        elif not all_lower and not piece[0].isupper() and low not in fillers:
            break  # a name is written with a capital in a note that uses capitals
        elif low in fillers and re.match(r"\s+[^\W\d_]", rest[m.end():]):
            continue  # "Hey there Dana", "Hi again Dana"
        words.append(piece)
        end = m.end()
        if len(words) == 3:
            break
    return (words, end) if words else None


@dataclass(frozen=True)
class Closing:
    start: int  # where the sign-off starts
    end: int
    sign_off: str


def read_closing(r: Reading) -> Closing | None:
    """A courteous sign-off that ends the note ("Best, Alex", "Thanks!", "Gracias")."""
    sign_off = r.patterns.sign_off
    text = r.text.rstrip()
    tail_start = max(0, len(text) - 120)
    best = None
    tail = text[tail_start:]
    folded = fold(tail)
    same_length = folded if len(folded) == len(tail) else tail
    for m in list(sign_off.finditer(tail)) + (list(sign_off.finditer(same_length)) if same_length != tail else []):
        start = tail_start + m.start()
        before = text[max(0, start - 2): start]
        at_boundary = start == 0 or re.search(r"(^|[.!?\n,;:)-]\s*$|^\s*$)", text[max(0, start - 3): start]) or \
            text[:start].strip() == "" or before.endswith(("\n", ". ", "! ", ", ", "- "))
        if not at_boundary:
            continue
        after = text[tail_start + m.end():]
        if _looks_like_signature(r, after):
            best = Closing(start, tail_start + m.end(), m.group(0))
    if best is None:  # a good wish that ends the note ("Have a great Friday and weekend!", "Hope to see you soon,")
        for m in r.lex("closings.wishes").finditer(tail):
            start = tail_start + m.start()
            if (start == 0 or re.search(r"[.!?\n,;:)-]\s*$", text[max(0, start - 3): start])) and \
                    _looks_like_signature(r, text[tail_start + m.end():]):
                best = Closing(start, tail_start + m.end(), m.group(0))
    return best


def _looks_like_signature(r: Reading, after: str) -> bool:
    """What may follow a sign-off: punctuation, a name, a short role or school line."""
    rest = r.lex_re("placeholders.brackets", BRACKET_NEEDLES).sub("", after).strip(" \t,.!:-—–\n")
    if not rest:
        return True
    if not (rest[0].isupper() or not rest[0].isalpha()):
        return False  # "thanks for the advice" goes on as a sentence: not a sign-off
    if len(rest) > 70 or r.lex("closings.not_signature").search(rest):
        return False
    # no full sentence after the sign-off
    return not re.search(r"[.!]\s+[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}", rest)


def find_thanks(r: Reading) -> tuple[int, int] | None:
    """Where the note thanks the recipient ("Thank you!", "Gracias"), not "no thanks" nor "I'd
    appreciate it if ..." (a request, not thanks)."""
    text = r.text
    folded = fold(text)
    searchable = text if text.isascii() or len(folded) != len(text) else folded
    thanks = r.patterns.thanks
    for m in list(thanks.finditer(text)) + list(thanks.finditer(searchable)):
        window = searchable[max(0, m.start() - 5): m.end() + 5]
        if r.lex("closings.not_thanks").search(window):
            continue
        before = searchable[max(0, m.start() - 24): m.start()].lower()
        if m.group(0).lower().startswith("appreciate") and (
                r.lex("closings.would_appreciate").search(before)
                or r.lex("closings.appreciate_if").pattern.match(searchable[m.end(): m.end() + 8])):
            continue
        return m.start(), m.end()
    return None


def body_span(g: Greeting | None, c: Closing | None, note: Note) -> tuple[int, int]:
    """The part of the note between the greeting and the sign-off."""
    start = g.end if g else 0
    end = c.start if c else len(note.text)
    return start, max(start, end)


WORD = lazy_compile(r"[^\W\d_][\w'-]*")
