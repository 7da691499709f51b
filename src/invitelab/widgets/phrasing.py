"""Sentences built from a profile: the facts hints name, and the model sentences they offer."""

from __future__ import annotations

import re

from .people import as_list, get

_SWAPS = {"i": "you", "me": "you", "my": "your", "mine": "yours", "i'm": "you're",
          "we": "you", "us": "you", "our": "your", "we're": "you're", "myself": "yourself"}  # fmt: skip
_LOWER_FIRST = {"what", "how", "why", "when", "where", "my", "our", "the", "a", "an", "from",
                "leaving", "passing", "advice", "tips", "notes", "lessons", "running", "six",
                "three", "first", "writing", "charting", "forecasting", "recruiting",
                "we", "i"}  # fmt: skip


def second_person(topic: str) -> str:
    """'what I look for at career fairs' -> 'what you look for at career fairs'.

    A capital "I" after a capitalized word ("CFA Level I") is a numeral and stays.
    """
    words = str(topic).split(" ")
    out = []
    for i, word in enumerate(words):
        m = re.fullmatch(r"([\"'\u201c(]*)([A-Za-z']+)([^A-Za-z']*)", word)
        if m and m.group(2).lower() in _SWAPS:
            core = m.group(2)
            prev = words[i - 1] if i else ""
            if core == "I" and prev[:1].isupper() and prev.lower() not in _SWAPS:
                out.append(word)
                continue
            new = _SWAPS[core.lower()]
            out.append(m.group(1) + new + m.group(3))
        else:
            out.append(word)
    text = " ".join(out)
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_FIRST or first in ("You", "Your", "You're"):
        text = text[:1].lower() + text[1:]
    return text


def _first(items):
    items = [x for x in as_list(items) if x]
    return items[0] if items else None


def activity_parts(activity: str) -> tuple[str, str]:
    """('post'|'article'|'shared'|'talk'|'item', topic) from 'Posted: what I look for ...'."""
    kind, sep, rest = str(activity).partition(":")
    if not sep or not rest.strip():
        return "item", str(activity).strip()
    kind = kind.strip().lower()
    rest = rest.strip()
    if kind.startswith(("spoke", "talk", "present", "panel", "keynote")):
        return "talk", rest
    if kind.startswith(("article", "wrote", "published", "blog", "newsletter")):
        return "article", rest
    if kind.startswith("shared"):
        return "shared", rest
    if kind.startswith("post"):
        return "post", rest
    return "item", rest


def best_fact(recipient) -> tuple[str, str]:
    """(a fact for hint 2, a model sentence for hint 3) about the recipient, most specific first."""
    activity = _first(get(recipient, "activity"))
    if activity:
        kind, topic = activity_parts(activity)
        if kind in ("post", "article"):
            if topic.split(" ", 1)[0].lower() in ("i", "we", "i'm", "we're", "i've", "we've"):
                return (f"their {kind} \u201c{topic}\u201d",
                        f"I read your {kind}, \u201c{topic}\u201d.")  # fmt: skip
            return (f"their {kind} \u201c{topic}\u201d",
                    f"I read your {kind} on {second_person(topic)}.")  # fmt: skip
        if kind == "talk":
            return f"their talk at {topic}", f"I saw that you spoke at {topic}."
        if kind == "shared":
            return f"a post they shared: \u201c{topic}\u201d", f"I saw you shared \u201c{topic}\u201d."
        return f"\u201c{topic}\u201d in their activity", f"I saw \u201c{topic}\u201d on your profile."
    interest = _first(get(recipient, "interests"))
    if interest:
        return f"their interest in {interest}", f"I noticed you care about {interest}."
    group = _first(get(recipient, "groups"))
    if group:
        return f"their group, {group}", f"I see you are part of the {group}."
    job = _first(get(recipient, "experience"))
    if job and get(job, "company"):
        title = get(job, "title", "")
        role = f" as {title}" if title else ""
        return f"their job{role} at {get(job, 'company')}", f"I see you work{role} at {get(job, 'company')}."
    school = _first(get(recipient, "education"))
    if school and get(school, "school"):
        field = get(school, "field", "")
        return (f"their studies{' in ' + field if field else ''} at {get(school, 'school')}",
                f"I noticed you studied{' ' + field if field else ''} at {get(school, 'school')}.")  # fmt: skip
    headline = str(get(recipient, "headline", "") or "their role")
    return f"their headline \u201c{headline}\u201d", f"I see you are a {headline}."


def company_of(profile) -> str:
    job = _first(get(profile, "experience"))
    return str(get(job, "company", "") or "") if job else ""


def topic_of(recipient) -> str:
    company = company_of(recipient)
    return f"your work at {company}" if company else "your career path"


def purpose_sentence(recipient) -> str:
    company = company_of(recipient)
    if company:
        return f"I'd love to hear how you came to work at {company.rstrip('.')}."
    return "I'd love to hear how you got started in your field."


def _article(phrase: str) -> str:
    word = phrase.split(" ", 1)[0]
    if word.isupper() and len(word) > 1:  # an acronym: "an MS student", "a CS sophomore"
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


def self_intro_sentence(sender) -> str:
    """'I'm a psychology junior at The Ohio State University.' from the sender's profile."""
    if sender is None:
        return "I'm a student."
    headline = str(get(sender, "headline", "") or "").split("|")[0].strip().rstrip(".")
    if headline:
        first = headline.split(" ", 1)[0]
        if not (first.isupper() and len(first) > 1):
            headline = headline[:1].lower() + headline[1:]
        return f"I'm {_article(headline)} {headline}."
    edu = _first(get(sender, "education"))
    if edu and get(edu, "school"):
        what = f"{get(edu, 'field', '') or ''} student".strip()
        return f"I'm {_article(what)} {what} at {get(edu, 'school')}."
    return "I'm a student."
