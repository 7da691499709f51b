"""Checking the facts a student says they found in a profile.

A student's entry confirms a profile fact when the rubric engine's own matcher
(:func:`invitelab.engine.find_facts`) finds it there: the same short forms, nicknames and
inflections the rubric accepts ("Ohio State", "Buckeye", "psych major", "her post on career
fairs"), so the checker and the rubric never disagree. Two true facts the engine's matcher does
not name on their own are confirmed too: where the person lives (the rubric does not read it),
checked by its words, and any fact copied word for word from the profile (a post's title, a job
title such as "Barista", a skill such as "R"). Anything else is flagged so the student looks again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..engine import find_facts
from ..profiles import Profile, ProfileError, profile_from_dict
from .people import as_list, first_name, get
from .phrasing import activity_parts

STOPWORDS = frozenset(
    """a an and the of at in on for to from with by about as is are was were be been her his
    their they them she he i me my we our you your its it this that who what which how why
    works work working worked studied studies study student posted post posts wrote writes
    spoke speaks talk talked gave member part profile likes like interested interest interests
    into also has have had s""".split()
)
# words that appear in many names and alone prove nothing ("University", "Inc")
GENERIC = frozenset(
    """university college school institute inc llc ltd co corp company group association
    network society club center centre department team""".split()
)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> set[str]:
    return {_stem(t) for t in normalize(text).split()}


def content_tokens(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in STOPWORDS}


@dataclass(frozen=True)
class Fact:
    """One checkable fact of a profile."""

    section: str
    text: str

    @property
    def key_words(self) -> frozenset[str]:
        words = content_tokens(self.text)
        distinctive = words - GENERIC
        return frozenset(distinctive or words)

    def found_in(self, entry_words: set[str]) -> bool:
        """Whether an entry's words name this fact (only for where they live and the headline,
        which the engine's matcher does not read; every other fact is the engine's to find)."""
        keys = self.key_words
        if not keys:
            return False
        hits = len(keys & entry_words)
        need = len(keys) if len(keys) <= 3 else max(3, round(0.6 * len(keys)))
        return hits >= need

    def label(self) -> str:
        return f"{self.section}: {self.text}"


def profile_facts(profile) -> list[Fact]:
    """The facts a student could mention, most specific first."""
    facts: list[Fact] = []
    for item in as_list(get(profile, "experience")):
        if isinstance(item, str):
            facts.append(Fact("Experience", item))
            continue
        if get(item, "company"):
            facts.append(Fact("Employer", str(get(item, "company"))))
        if get(item, "title"):
            facts.append(Fact("Job title", str(get(item, "title"))))
    for item in as_list(get(profile, "education")):
        if isinstance(item, str):
            facts.append(Fact("School", item))
            continue
        if get(item, "school"):
            facts.append(Fact("School", str(get(item, "school"))))
        if get(item, "field"):
            facts.append(Fact("Studied", str(get(item, "field"))))
    for section, key in (("Skill", "skills"), ("Interest", "interests"), ("Group", "groups"),
                         ("Activity", "activity")):  # fmt: skip
        for item in as_list(get(profile, key)):
            text = str(item)
            if section == "Activity":
                text = activity_parts(text)[1] or text  # "Posted: what I look for ..." -> its topic
            facts.append(Fact(section, text))
    headline = str(get(profile, "headline", "") or "")
    if headline and not facts:
        facts.append(Fact("Headline", headline))
    location = str(get(profile, "location", "") or "")
    for part in location.split(","):
        if part.strip():
            facts.append(Fact("Location", part.strip()))
    return facts


@dataclass(frozen=True)
class FactCheck:
    entry: str
    status: str  # "confirmed" | "not_found" | "empty" | "name_only" | "repeat"
    facts: tuple[Fact, ...] = ()
    message: str = ""


# The engine's kinds of fact, as the checker names them to a student.
SECTION_OF_KIND = {
    "school": "School", "employer": "Employer", "group": "Group", "field": "Studied",
    "interest": "Interest", "activity": "Activity", "role": "Job title", "occupation": "Job title",
    "skill": "Skill",
}


def _as_profile(profile):
    """The engine's Profile for a widget's profile (a Profile, or a dict as in the JSON file)."""
    if profile is None or isinstance(profile, Profile):
        return profile
    try:
        return profile_from_dict(dict(profile))
    except (ProfileError, TypeError, ValueError):
        return None


def engine_facts(entry: str, profile) -> tuple[Fact, ...]:
    """The profile facts an entry names, found by the rubric engine's own matcher
    (:func:`invitelab.engine.find_facts`), so the checker and the rubric never disagree."""
    found = find_facts(entry, _as_profile(profile), listed=True)
    return tuple(dict.fromkeys(Fact(SECTION_OF_KIND.get(f.kind, f.kind.title()), f.name) for f in found))


def _plain(text: str) -> str:
    """Case-folded, with curly quotes and dashes made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_PLAIN_PUNCTUATION).casefold()
    return " ".join(text.split())


_PLAIN_PUNCTUATION = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                    "\u2013": "-", "\u2014": "-"})


def copied_facts(entry: str, profile) -> tuple[Fact, ...]:
    """The profile facts an entry repeats word for word ("what I look for at career fairs",
    "St. Edward's University", "R"), as whole words: "C" does not repeat "C#"."""
    plain = _plain(entry)
    out = []
    for fact in profile_facts(profile):
        words = _plain(fact.text)
        if words and re.search(r"(?<!\w)" + re.escape(words) + r"(?![\w#+])", plain):
            out.append(fact)
    return tuple(out)


def check_fact(entry: str, profile) -> FactCheck:
    entry = str(entry or "")
    if not entry.strip():
        return FactCheck(entry, "empty", message="Empty: write down a fact from the profile.")
    words = tokens(entry)
    found = engine_facts(entry, profile)
    # where they live is not a fact the rubric reads, but it is true: checked by its words
    # (not the "Ohio" inside "Ohio State", which names the school the engine found)
    named = set().union(*(tokens(f.text) for f in found)) if found else set()
    found += tuple(f for f in profile_facts(profile) if f.section in ("Location", "Headline")
                   and f.found_in(words) and not f.key_words <= named)
    # a fact copied from the profile is true even where the matcher wants words around it
    named = set().union(*(tokens(f.text) for f in found)) if found else set()
    found += tuple(f for f in copied_facts(entry, profile)
                   if f.text not in {g.text for g in found} and not tokens(f.text) <= named)
    if found:
        return FactCheck(entry, "confirmed", found, "Found in the profile: "
                         + "; ".join(f.label() for f in found))  # fmt: skip
    name_words = tokens(str(get(profile, "name", "") or "")) | tokens(first_name(profile))
    if content_tokens(entry) and content_tokens(entry) <= name_words:
        return FactCheck(entry, "name_only", message="That is their name. Look for something "
                         "about their work, studies, interests or posts.")  # fmt: skip
    return FactCheck(entry, "not_found", message="Not found in this profile. Check the spelling, "
                     "or look again: could you point to where the profile says it?")  # fmt: skip


def check_facts(entries, profile) -> list[FactCheck]:
    """Check each entry; a fact already confirmed by an earlier box is flagged as a repeat."""
    seen: set[Fact] = set()
    out = []
    for entry in entries:
        result = check_fact(entry, profile)
        if result.status == "confirmed":
            if set(result.facts) <= seen:
                result = FactCheck(result.entry, "repeat", result.facts,
                                   "You already found this one. Find a different fact.")  # fmt: skip
            seen |= set(result.facts)
        out.append(result)
    return out


def model_facts(profile, n: int = 3) -> list[str]:
    """n facts worth mentioning, as plain sentences (for the worked example and hints)."""
    priority = ("Activity", "Interest", "Group", "Employer", "Job title", "Studied", "School",
                "Skill", "Experience", "Location", "Headline")  # fmt: skip
    facts = sorted(profile_facts(profile), key=lambda f: priority.index(f.section))
    return [f.label() for f in facts[:n]]


__all__ = ["Fact", "FactCheck", "check_fact", "check_facts", "engine_facts", "profile_facts", "model_facts"]
