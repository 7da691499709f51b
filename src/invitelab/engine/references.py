"""References to the recipient that need no profile, shared by ``specific_detail``:

* *how you know them* (RUBRIC.md, specific_detail): a mutual contact named in the note, a meeting
  or conversation placed by an event, a class or a time, a named earlier exchange followed up;
* without a profile, a concrete, checkable reference: news about them or their company, a specific
  area of their work named in the note.

The knowledge is in the lexicon (``references.toml``); placeholders are blanked first, so a
reference made only through a placeholder ("we met at [event]") names nothing."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import lexicon
from .patterns import lazy_compile
from .words import stopwords

if TYPE_CHECKING:
    from .reading import Reading

_WORD = lazy_compile(r"[A-Za-z][\w'&+-]*")


def _content_words(r: Reading, phrase: str) -> list[str]:
    vague = r.lex("references.vague_objects").word_set
    times = r.lex("references.time_words").word_set
    stop = stopwords()
    return [w for w in _WORD.findall(phrase)
            if len(w) > 1 and (low := w.lower()) not in stop and low not in vague and low not in times]


def _clause_after(r: Reading, text: str, pos: int) -> str:
    piece = text[pos: pos + 120]
    end = r.lex("references.clause_end").search(piece)
    return piece[: end.start()] if end else piece


@lru_cache(maxsize=32)
def _lead_articles(articles: lexicon.Family) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in articles.words) or "(?!)"
    return re.compile(rf"\s*(?:(?:{alternation})\s+)*", re.IGNORECASE)


def _starts_with_placeholder(r: Reading, pos: int) -> bool:
    lead = _lead_articles(r.lex("references.articles")).match(r.text, pos)
    return r.inside_placeholder(lead.end() if lead else pos)


# A family can only match a note that has one of its needles (lower case): speed
_NEEDLES = (
    ("references.mutual_contact", ("suggest", "recommend", "said", "told", "mention", "thought", "pointed", "encourag",
                                   "referred", "gave me", "passed along", "speaks", "mutual", "introduced", "sent",
                                   "connected us", "put us")),
    ("references.prior_contact", ("promised", "discussed", "follow", "per our", "after our", "for the call",
                                  "for the reply", "for the email", "for the response", "for our call", "for your reply",
                                  "for your email", "for your response", "for the time")),
    ("references.meeting", ("met", "meet", "chat", "spoke", "speak", "talk", "conversation", "visit", "stopping",
                            "coming", "came to", "presented", "presenting", "at your", "by your", "call")),
)


def find_how_you_know(r: Reading) -> tuple[str, tuple[int, int]] | None:
    """("contact" | "meeting" | "prior", span) when the note says how the sender knows the recipient."""
    low = r.text.lower()
    present = [fid for fid, needles in _NEEDLES if any(n in low for n in needles) or r.lex(fid).changed]
    if not present:
        return None
    text = r.blanked
    m = "references.mutual_contact" in present and r.lex("references.mutual_contact").search(text)
    if m:
        return "contact", m.span()
    m = "references.prior_contact" in present and r.lex("references.prior_contact").search(text)
    if m:
        return "prior", m.span()
    meetings = r.lex("references.meeting").finditer(text) if "references.meeting" in present else ()
    plans, their_item, with_them = (r.lex(f"references.{n}") for n in ("plans", "their_item", "with_them"))
    for m in meetings:
        # "I'd love to meet you at the fair next week" is a plan, not how you know them
        lead = text[max(0, m.start() - 30): m.start()]
        lead = re.split(r"[.!?\n]", lead)[-1]
        if plans.search(lead) or plans.search(m.group(0)):
            continue
        if their_item.search(lead):
            continue  # "your keynote at the Ohio summit last year" is their record (checked as a claim), not a meeting
        if not with_them.search(lead + m.group(0)):
            continue  # "I met with my advisor yesterday": not a meeting with the recipient
        return "meeting", m.span()
    return None


def find_concrete_reference(r: Reading) -> tuple[str, tuple[int, int]] | None:
    """("news" | "area", span) for news about the recipient or a specific area of their work
    named in the note (the object must have a content word: "your experience" alone is flattery)."""
    text = r.blanked
    for kind, fid in (("news", "references.news"), ("area", "references.work_area")):
        for m in r.lex(fid).finditer(text):
            end = m.start() + len(m.group(0).rstrip())  # the blanked placeholder is white space
            if _starts_with_placeholder(r, end):
                continue  # "your post about [topic]": names nothing
            obj = _clause_after(r, text, end)
            words = _content_words(r, obj)
            if kind == "news" and not words and r.lex("references.news_verbs").search(m.group(0)) \
                    and not m.group(0).lower().startswith("congrat"):
                return kind, m.span()
            if words:
                return kind, (m.start(), min(len(text), end + len(obj.rstrip())))
    return None
