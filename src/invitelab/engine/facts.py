"""What a note says about the recipient and the sender, checked against their profiles.

:func:`profile_facts` indexes a profile once (schools, employers, groups with their short
forms; fields, roles, interests, activity, skills as topics). :func:`find_mentions` finds where
a note names those facts and whose fact the note presents it as (the recipient's, the
sender's, or both). :func:`find_claims` finds references to the recipient's public record
("your talk at SXSW", "your time at Google") so that invented ones can be named.

The word lists the matcher reads (whose fact a word marks, what makes a school name weak, which
words name a record...) are data in ``lexicon/facts.toml``; :func:`vocab` gives them as the
rubric in force has them (a rubric's ``[lexicon]`` changes any of them), built once per rubric.
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from itertools import accumulate
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..profiles import Profile
from .note import Note
from . import lexicon
from .patterns import lazy_compile
from .shortforms import (
    canonical,
    compact,
    employer_short_forms,
    field_forms,
    knowledge,
    needs_capitals,
    place_words,
    school_short_forms,
    words_of,
)
from .words import english_words, stem, stopwords

class Vocabulary:
    """The fact matcher's word lists (lexicon/facts.toml, and the short forms' place names) as one
    rubric has them, read once per rubric: ``vocab()`` gives the one in force. Sets of stems
    (``generic_stems``) are the stems of the family's words."""

    def __init__(self, rubric):
        fam = lambda fid: lexicon.family(fid, rubric)  # noqa: E731
        words = lambda fid: fam(fid).word_set  # noqa: E731
        table = lambda fid: {form: name for name, forms in fam(fid).entries for form in forms}  # noqa: E731
        self.generic_stems = frozenset(stem(w) for w in words("facts.generic_words"))
        self.record_words = words("facts.record_words")
        self.employer_filler = words("facts.employer_filler")
        self.you_verbs = words("facts.you_verbs")
        self.seniority = words("facts.seniority")
        self.group_words = frozenset(stem(w) for w in words("facts.group_words"))
        self.activity_kinds = table("facts.activity_kinds")  # opening word -> kind, tried in this order
        self.stem_synonyms = table("facts.topic_synonyms")
        synonyms = self.stem_synonyms
        self.award_stems = frozenset(synonyms.get(stem(w), stem(w)) for w in words("facts.award_words"))
        self.venue_words = fam("facts.venue_words").pattern
        self.sender_words = words("facts.sender_words")
        self.recipient_words = words("facts.recipient_words")
        self.pronoun_words = self.sender_words | self.recipient_words
        self.not_self = words("facts.not_self")
        self.self_anchors = words("facts.self_anchors")
        self.education_context = words("facts.education_context")
        self.system_prefixes = words("facts.system_prefixes")
        self.place_prepositions = words("facts.place_prepositions")
        self.school_nouns = words("facts.school_nouns")
        self.group_suffixes = words("facts.group_suffixes")
        self.student_words = words("facts.student_words")
        self.block_after = words("facts.block_after")
        self.block_before = words("facts.block_before")
        self.tie_pairs = frozenset(tuple(p.split()) for p in words("facts.tie_phrases"))
        self.my_anchors = words("facts.my_anchors")
        self.org_only_blockers = words("facts.org_only_blockers")
        self.soft_blockers = words("facts.soft_blockers")
        self.not_affiliation = words("facts.not_affiliation")
        self.line_roles = words("facts.line_roles")
        self.record_class = table("facts.record_classes")  # noun -> written, spoken, podcast, ...
        self.activity_class = table("facts.activity_classes")  # activity kind -> class
        self.venue_type_stems = frozenset(stem(w) for w in words("facts.venue_types"))
        self.category_nouns = words("facts.category_nouns")
        self.occupations = words("facts.occupations")
        self.not_names = words("facts.not_names")
        self.places = place_words()
        # claims about the recipient's record: (kind, pattern, kinds of fact that support it, a word
        # every match of the file's pattern contains, or "" when the rubric changed the family)
        self.claims = tuple((kind, fam(fid).pattern, kinds, "" if fam(fid).changed else needle)
                            for kind, fid, kinds, needle in _CLAIMS)
        # the vocabularies a sentence index counts (see _SentenceIndex)
        self.counted = {
            "recipient": self.recipient_words,
            "org_blockers": self.not_self,
            "soft_blockers": self.not_self - self.soft_blockers - self.org_only_blockers,
            "self_anchors": self.self_anchors,
            "subject": frozenset(("i", "i'm", "im", "i've", "we", "we're")),
        }


_VOCABULARIES: dict = {}  # rubric in force (None: the files) -> its Vocabulary
_active_changes = lexicon.active_changes


def vocab() -> Vocabulary:
    """The fact matcher's word lists as the rubric in force has them (the files' outside a check)."""
    changes = _active_changes()
    found = _VOCABULARIES.get(changes)
    if found is None:
        if len(_VOCABULARIES) >= 32:
            _VOCABULARIES.clear()  # bounded, like an lru_cache: rubrics are few
        found = _VOCABULARIES[changes] = Vocabulary(changes)
    return found


_OLD_NAMES = {"GENERIC_STEMS": "generic_stems", "RECORD_WORDS": "record_words", "GROUP_WORDS": "group_words",
              "ACTIVITY_KINDS": "activity_kinds", "STEM_SYNONYMS": "stem_synonyms", "SENDER_WORDS": "sender_words",
              "RECIPIENT_WORDS": "recipient_words", "AWARD_STEMS": "award_stems", "VENUE_TYPE_STEMS": "venue_type_stems",
              "RECORD_CLASS": "record_class", "ACTIVITY_CLASS": "activity_class"}


def __getattr__(name: str):
    """The word lists under their old constant names (``facts.GENERIC_STEMS``), as the rubric in force has them."""
    if name in _OLD_NAMES:
        return getattr(vocab(), _OLD_NAMES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def category_nouns() -> frozenset[str]:
    return vocab().category_nouns


def occupations() -> frozenset[str]:
    return vocab().occupations


ORG_KINDS = ("school", "employer", "group")
KIND_NAMES = {
    "occupation": "occupation",
    "school": "school",
    "employer": "employer",
    "group": "group",
    "interest": "listed interest",
    "activity": "post or talk",
    "field": "field of study",
    "role": "role",
    "skill": "skill",
}


@dataclass(frozen=True)
class Fact:
    kind: str  # school, employer, group, interest, activity, field, role, skill
    label: str  # as written in the profile
    key: str  # canonical form used to compare two profiles
    school: str = ""  # for a field: the canonical school it was studied at
    activity_kind: str = ""  # for an activity: post, article, talk, ...
    venue: str = ""  # for an activity: where it was given or published, if the profile says
    school_label: str = field(default="", compare=False)  # for a field: its school as the profile spells it

    def describe(self) -> str:
        if self.kind == "activity":
            return f"{self.activity_kind} “{self.label}”"
        if self.kind == "field" and self.school:
            return f"{self.label} ({self.school_label or self.school})"
        return self.label


@dataclass(frozen=True)
class Topic:
    fact: Fact
    stems: frozenset[str]
    needed: int  # how many of the stems must appear together


@dataclass
class ProfileFacts:
    profile: Profile
    orgs: dict[str, list[tuple[Fact, bool, int, int]]] = field(default_factory=dict)
    max_words: int = 4
    titles: list = field(default_factory=list)  # (activity fact, its title's words, ...)
    org_keys: frozenset = frozenset()  # short forms of the profile's schools, employers and groups
    prefixes: set[str] = field(default_factory=set)  # compact keys of the first words of longer names
    topics: list[Topic] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    acronyms: frozenset[str] = frozenset()
    fact_set: set[Fact] = field(default_factory=set)  # the facts, for a membership test in constant time
    org_entries: dict[str, set[int]] = field(default_factory=dict)  # ids of the facts in each orgs bucket

    def _add_fact(self, fact: Fact) -> None:
        if fact not in self.fact_set:
            self.fact_set.add(fact)
            self.facts.append(fact)

    def add_org(self, fact: Fact, forms: list[tuple[str, bool]], caps: bool = True) -> None:
        self._add_fact(fact)
        for form, strong in forms:
            words = words_of(form)
            if not words:
                continue
            key = compact(words)
            if "&" in form:  # "A&M" is written as the tokens "A", "M"
                bare = compact([w for w in words if w != "and"])
                if bare != key:
                    self.orgs.setdefault(bare, []).append((fact, strong, 2 if len(bare) <= 3 else 0, len(words)))
                    self.org_entries.setdefault(bare, set()).add(id(fact))
            self.max_words = max(self.max_words, min(len(words), 8))
            for k in range(1, len(words)):
                self.prefixes.add(compact(words[:k]))
            if form.isupper() and len(key) <= 3 and key in english_words():
                mode = 2  # "ME" (mechanical engineering) is not "me"
            else:
                mode = 1 if caps and needs_capitals(form) else 0
            entry = (fact, strong, mode, len(words))
            bucket = self.orgs.setdefault(key, [])
            in_bucket = self.org_entries.setdefault(key, set())
            if id(fact) not in in_bucket:
                in_bucket.add(id(fact))
                bucket.append(entry)

    def add_topic(self, fact: Fact, text: str, min_needed: int = 1) -> None:
        V = vocab()
        stems = content_stems(text)
        if not stems:
            return
        self._add_fact(fact)
        specific = [s for s in stems if s not in V.generic_stems]
        if not specific:
            return
        if fact.kind == "activity":
            needed = min(2, len(stems))
        elif len(stems) <= 3:
            needed = len(stems)
        else:
            needed = -(-3 * len(stems) // 4)
        self.topics.append(Topic(fact, frozenset(stems), max(min_needed, min(needed, len(stems)))))

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]


def topic_stem(word: str, synonyms: dict[str, str] | None = None) -> str:
    """The stem a topic word is compared by (lexicon family ``facts.topic_synonyms``)."""
    s = stem(word)
    return (vocab().stem_synonyms if synonyms is None else synonyms).get(s, s)


def split_venue(label: str) -> tuple[str, str]:
    """'Touch tours for blind visitors, American Alliance of Museums Annual Meeting 2023' ->
    ('Touch tours for blind visitors', 'American Alliance of Museums Annual Meeting 2023');
    'Why we took down the labels (Museum Education Monthly, 2024)' -> title and venue likewise."""
    V = vocab()
    venue = []
    for paren in re.findall(r"\(([^)]*)\)", label):
        venue.append(paren)
    title = re.sub(r"\([^)]*\)", " ", label)
    parts = [p.strip() for p in title.split(",")]
    while len(parts) > 1 and (V.venue_words.search(parts[-1]) or re.fullmatch(r"(?:\d{4}|[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*)*)", parts[-1])):
        venue.insert(0, parts.pop())
    title = ", ".join(parts)
    title = re.sub(r"\b(?:19|20)\d\d\b", " ", title)
    return " ".join(title.split()) or label, ", ".join(venue)


def content_stems(text: str) -> list[str]:
    words = re.findall(r"[^\W_]+", text.lower().replace("-", " "))
    synonyms, stop = vocab().stem_synonyms, stopwords()
    return list(dict.fromkeys(topic_stem(w, synonyms) for w in words if w not in stop and len(w) > 1))


_HEADLINE_SEGMENTS = re.compile(r"\s*[|·•]\s*")  # "Cloud Engineer at Microsoft | Azure | open source"
_HEADLINE_EMPLOYER = lazy_compile(r"(?:\bat\b|@)\s*([^|,;·•]+)")
_PAREN_SHORT = lazy_compile(r"\(([A-Z][A-Za-z&]{1,7})\)")


# A profile is indexed up to this many entries per list (experience, education, skills, ...): a
# real profile has tens; a pasted or generated one with 50,000 schools is read in bounded time.
MAX_PROFILE_ITEMS = 300
_LISTS = ("experience", "education", "skills", "interests", "groups", "activity")


class _ProfileRead:
    """A profile as it is indexed: its lists cut to MAX_PROFILE_ITEMS entries, the rest as is."""

    def __init__(self, profile: Profile):
        self._profile = profile
        for name in _LISTS:
            setattr(self, name, getattr(profile, name)[:MAX_PROFILE_ITEMS])

    def __getattr__(self, name: str):
        return getattr(self._profile, name)


def profile_facts(profile: Profile) -> ProfileFacts:
    """Index a profile's facts (cached per profile object and rubric lexicon), in time linear in its size."""
    return _profile_facts(profile, lexicon.active_changes())


@lru_cache(maxsize=256)
def _profile_facts(profile: Profile, _changes) -> ProfileFacts:
    """``_changes``: the rubric whose lexicon changes are in force (None: the files), so that an
    index built with one rubric's word lists is not reused under another's."""
    V = vocab()
    facts = ProfileFacts(profile)
    if any(len(getattr(profile, name)) > MAX_PROFILE_ITEMS for name in _LISTS):
        profile = _ProfileRead(profile)  # type: ignore[assignment]
    employers = [e.company for e in profile.experience if e.company]
    worked_at = {canonical(name) for name in employers}
    headline_topics = []
    # An employer in the headline follows "at" or "@" ("Cloud Engineer at Microsoft"); a segment
    # after a separator with neither ("Cloud Engineer | Azure") names a skill or a topic, not an
    # employer, unless it is one of the profile's experience entries.
    for number, segment in enumerate(_HEADLINE_SEGMENTS.split(profile.headline)):
        candidates = [m.group(1) for m in _HEADLINE_EMPLOYER.finditer(segment)]
        if not candidates and number and segment:
            if canonical(segment) in worked_at:
                candidates = [segment]
            elif segment[0].isupper() and len(segment) < 80:
                headline_topics.append(segment)
        for candidate in candidates:
            candidate = re.sub(r"^the\s+", "", candidate.strip(), flags=re.IGNORECASE)
            if candidate and candidate[0].isupper() and len(candidate) < 80:
                employers.append(candidate)
                if "'s " in candidate:  # "Smithsonian's National Museum of American History"
                    employers.extend(part.strip() for part in candidate.split("'s ") if part.strip())
    for match in _PAREN_SHORT.finditer(profile.headline):
        employers.append(match.group(1))  # "Georgia Public Broadcasting (PBS)"
    seen: set[str] = set()
    for name in employers:
        key = canonical(name)
        if key and key not in seen:
            seen.add(key)
            facts.add_org(Fact("employer", name, key), employer_short_forms(name))
    for name in employers:
        core = [w for w in canonical(name).split() if w not in V.employer_filler]
        if len(core) >= 3:
            facts.add_topic(Fact("employer", name, canonical(name)), " ".join(core))
    schools_seen: set[str] = set()
    for edu in profile.education:
        if edu.school:
            key = canonical(edu.school)
            if key not in schools_seen:
                schools_seen.add(key)
                facts.add_org(Fact("school", edu.school, key), school_short_forms(edu.school))
        if edu.field:
            fkey = canonical(edu.field)
            fact = Fact("field", edu.field, fkey, school=canonical(edu.school) if edu.school else "",
                        school_label=edu.school or "")
            facts.add_org(fact, [(f, True) for f in field_forms(edu.field)], caps=False)
    for group in profile.groups:
        words = canonical(group).split()
        forms = [(group, True)]
        for k in (2, 3, 4):
            head = [w for w in words[:k] if w not in ("of", "the", "and", "for", "in", "at")]
            if len(words) > k and len(head) >= 2:
                forms.append(("".join(w[0] for w in head) + " " + " ".join(words[k:]), True))
        if len(words) >= 3:
            for letters in {"".join(w[0] for w in words if w not in ("of", "the", "and", "for", "in", "at")),
                            "".join(w[0] for w in words if w not in ("the", "for", "in", "at"))}:
                if 3 <= len(letters) <= 6:
                    forms.append((letters, True))
        capitals = "".join(c for c in group if c.isupper())
        if 3 <= len(capitals) <= 6 and capitals.lower() != "".join(w[0] for w in words):
            forms.append((capitals, True))  # "Pennsylvania Institute of CPAs" -> "PICPA"
        if len(words) == 2 and words[1] in V.group_suffixes and len(words[0]) >= 5 and words[0] not in english_words():
            forms.append((words[0], True))  # "Toastmasters International" -> "Toastmasters"
        facts.add_org(Fact("group", group, canonical(group)), forms)
        core = [w for w in content_stems(group) if w not in V.group_words]
        if core:
            facts.add_topic(Fact("group", group, canonical(group)), " ".join(core), min_needed=len(core))
    for interest in profile.interests:
        facts.add_topic(Fact("interest", interest, " ".join(interest.lower().split())), interest)
    for item in profile.activity:
        kind, _, rest = item.partition(":")
        prefix = kind.strip().lower()
        if rest.strip() and prefix in V.activity_kinds:
            label = rest.strip()
            activity_kind = V.activity_kinds[prefix]
        elif rest.strip():
            # "Spoke at the NSBE Annual Convention: From co-op ..." / "Article in Health Progress: what ..."
            label = rest.strip()
            lead = " ".join(prefix.split()[:2])
            activity_kind = next((v for k, v in V.activity_kinds.items() if lead.startswith(k)), "post")
            where = re.split(r"\b(?:at|in|on|for|with)\b", kind, maxsplit=1)
            prefix_venue = where[1].strip() if len(where) > 1 else kind.strip()
        else:
            label = item.strip()
            lead = " ".join(label.lower().split()[:2])
            activity_kind = next((v for k, v in V.activity_kinds.items() if lead.startswith(k)), "post")
        title, venue = split_venue(label)
        if rest.strip() and prefix not in V.activity_kinds:
            venue = ", ".join(v for v in (prefix_venue, venue) if v)
        fact = Fact("activity", label, canonical(label), activity_kind=activity_kind, venue=venue)
        facts.add_topic(fact, title)
        caps = re.findall(r"[A-Za-z][\w'-]*", item)  # the show or venue's name counts too (a podcast's own name)
        capitalised = frozenset((x.lower(), y.lower()) for x, y in zip(caps, caps[1:]) if x[:1].isupper() and y[:1].isupper())
        facts.titles.append((fact, tuple(words_of(title)), capitalised, tuple(words_of(venue))))
    titles = [e.title for e in profile.experience if e.title]
    head_title = re.split(r"\s(?:at|@)\s|\||,", profile.headline)[0].strip() if profile.headline else ""
    if head_title:
        titles.append(head_title)
    for title in dict.fromkeys(titles):
        title = re.split(r",|\(|\||\s-\s", title)[0].strip() or title
        core = " ".join(w for w in re.findall(r"[A-Za-z0-9]+", title) if w.lower() not in V.seniority)
        stems = content_stems(core)
        if len(stems) >= 2:
            facts.add_topic(Fact("role", title, canonical(title)), core, min_needed=len(stems))
    for skill in profile.skills:
        facts.add_topic(Fact("skill", skill, canonical(skill)), skill)
    skill_keys = {canonical(skill) for skill in profile.skills}
    for topic in headline_topics:  # "Cloud Engineer | Azure": a skill the headline names
        if canonical(topic) not in skill_keys:
            facts.add_topic(Fact("skill", topic, canonical(topic)), topic)
    # occupations ("teacher", "nurse"): a bare occupation counts only when the note ties it
    occupation_keys = {f.key for f in facts.facts if f.kind == "occupation"}
    for title in dict.fromkeys(titles + [profile.headline]):
        for word in re.findall(r"[A-Za-z]+", title):
            low = word.lower()
            if low in V.occupations:
                fact = Fact("occupation", low, stem(low))
                if fact.key not in occupation_keys:
                    occupation_keys.add(fact.key)
                    facts.add_org(fact, [(low, True), (low + "s", True)], caps=False)
    # acronyms of multi-word interests, skills and fields ("human-robot interaction" -> HRI)
    for kind, items in (("interest", profile.interests), ("skill", profile.skills)):
        for item in items:
            words = [w for w in re.split(r"[^\w]+", item.lower()) if w and w not in ("of", "and", "the", "in", "for")]
            if len(words) >= 3:
                fact = Fact(kind, item, " ".join(item.lower().split()) if kind == "interest" else canonical(item))
                facts.add_org(fact, [("".join(w[0] for w in words).upper(), True)], caps=False)
    acronyms = set()
    for key in facts.orgs:
        if key.isalpha() and len(key) <= 6:
            acronyms.add(key.upper())
    for text in (profile.headline, *profile.groups, *profile.skills, *profile.interests):
        acronyms.update(w for w in re.findall(r"\b[A-Z]{2,}\b", text))
    facts.acronyms = frozenset(acronyms)
    facts.org_keys = frozenset(k for k, entries in facts.orgs.items()
                               if any(e[0].kind in ("school", "employer", "group") for e in entries))
    return facts


# --- Where a note names a fact, and whose fact it says it is ---------------------------------


@dataclass(frozen=True)
class Mention:
    fact: Fact
    start: int  # character offsets in the note
    end: int
    side: str  # "recipient", "sender", "shared" or "neutral"
    tied: bool  # marked as shared ("fellow", "too", "like you", "both")
    exact: bool = True  # a name or short form (not a topic found by its words)
    near_recipient: bool = False  # "your" or "you" stands just before it ("your psychology degree")

    def words(self, note: Note) -> str:
        return note.text[self.start : self.end]


_UNSET = object()


class NoteIndex:
    """What the fact matcher reads from one note, built once per note and passed to the functions
    that need it (``find_mentions(note, profile, index)``): each token's sentence and line, one
    word index per sentence, the tokens' stems, neighbouring word pairs, sentence ends, the
    trailing signature, and the mentions found per profile. Each table is made on first use.

    Build it with :func:`note_index` (one per note: the note keeps it as ``note.facts_index``,
    so callers that pass no index still share one)."""

    __slots__ = ("note", "_sentence_ids", "_bounds", "_sentences", "_line_starts", "_title_pairs", "_stems",
                 "_stops", "_signature", "_mentions")

    def __init__(self, note: Note):
        self.note = note
        self._sentence_ids = self._bounds = self._line_starts = self._title_pairs = self._stems = self._stops = None
        self._sentences: dict[int, _SentenceIndex] = {}
        self._signature = _UNSET
        self._mentions: dict[tuple[int, object], tuple[Profile, list[Mention]]] = {}

    @property
    def sentence_ids(self) -> list[int]:
        """For each token, the number of the sentence it is in."""
        if self._sentence_ids is None:
            ids, current = [], 0
            tokens, text = self.note.tokens, self.note.text
            for i, t in enumerate(tokens):
                gap = text[tokens[i - 1].end : t.start] if i else ""
                if gap and ("." in gap or "!" in gap or "?" in gap or "\n" in gap or ";" in gap):
                    current += 1
                ids.append(current)
            self._sentence_ids = ids
        return self._sentence_ids

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """Token index range of the sentence containing token `index`."""
        if self._bounds is None:
            ids = self.sentence_ids
            table, start = [], 0
            for i in range(1, len(ids) + 1):
                if i == len(ids) or ids[i] != ids[start]:
                    table.extend([(start, i)] * (i - start))
                    start = i
            self._bounds = table
        return self._bounds[index]

    def sentence(self, lo: int, hi: int) -> _SentenceIndex:
        """The word index of the sentence of tokens [lo, hi)."""
        found = self._sentences.get(lo)
        if found is None:
            found = self._sentences[lo] = _SentenceIndex([t.low for t in self.note.tokens[lo:hi]], vocab())
        return found

    def line_start(self, index: int) -> int:
        """Where the line holding token `index` starts."""
        if self._line_starts is None:
            table, start, text = [], 0, self.note.text
            prev = 0
            for t in self.note.tokens:
                found = text.rfind("\n", prev, t.start)
                if found >= 0:
                    start = found + 1
                table.append(start)
                prev = t.start
            self._line_starts = table
        return self._line_starts[index]

    @property
    def title_pairs(self) -> tuple[dict, dict]:
        """Each pair of neighbouring words, and a name with a small word inside ("the Arc and Spark
        podcast"): its two outer words, each with the index of its first token."""
        if self._title_pairs is None:
            tokens = self.note.tokens
            self._title_pairs = (
                {(a.low, b.low): i for i, (a, b) in enumerate(zip(tokens, tokens[1:]))},
                {(a.low, c.low): i for i, (a, b, c) in enumerate(zip(tokens, tokens[1:], tokens[2:]))
                 if b.low in _NAME_JOINERS},
            )
        return self._title_pairs

    @property
    def stems(self):
        """Each token's stem, the tokens of each sentence, each sentence's stems and the sentences
        each stem is in (the same for every profile the note is checked against)."""
        if self._stems is None:
            synonyms = vocab().stem_synonyms
            stems = [topic_stem(t.low, synonyms) for t in self.note.tokens]
            sentence_of = self.sentence_ids
            by_sentence: dict[int, list[int]] = {}
            for idx, sid in enumerate(sentence_of):
                by_sentence.setdefault(sid, []).append(idx)
            sentence_stems = {sid: {stems[i] for i in idxs} for sid, idxs in by_sentence.items()}
            sentences_with: dict[str, set[int]] = {}
            for i, st in enumerate(stems):
                sentences_with.setdefault(st, set()).add(sentence_of[i])
            self._stems = (stems, by_sentence, sentence_stems, sentences_with)
        return self._stems

    @property
    def stops(self) -> list[int]:
        """Where each sentence-ending character is."""
        if self._stops is None:
            self._stops = [m.start() for m in _STOP.finditer(self.note.text)]
        return self._stops

    @property
    def signature(self) -> int | None:
        """Where a one-line note's signature starts (see :func:`trailing_signature`)."""
        if self._signature is _UNSET:
            text = self.note.text
            m = _TRAILING_SIGNATURE.search(text[-200:])
            start = None
            first_word = m.group("sig").split()[0].rstrip(",").lower() if m else ""
            if m and first_word not in stopwords() and first_word not in vocab().not_names and \
                    not re.search(r"\b(?:you|your|I|I'm|my|we)\b", m.group("sig")):
                start = len(text) - len(text[-200:]) + m.start("sig")
            self._signature = start
        return self._signature

    def mentions(self, profile: Profile) -> list[Mention]:
        """The mentions of the profile's facts (found once per profile and rubric in force)."""
        key = (id(profile), lexicon.active_changes())
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = (profile, _find_mentions(self, profile))  # the profile kept: ids stay unique
        return found[1]


def note_index(note: Note) -> NoteIndex:
    """The note's index for the fact matcher, built on first use and kept as ``note.facts_index``."""
    index = note.facts_index
    if index is None:
        index = note.facts_index = NoteIndex(note)
    return index


_ECHO = lazy_compile(r"\b(?:same as me|like me|me too|as did i|so did i|just like me)\b")
_YOU = lazy_compile(r"\b(?:you|your)\b")


_TRAILING_SIGNATURE = lazy_compile(
    r"(?<=[.!?])\s+(?:[-–—]\s*)?(?P<sig>[A-Z][\w'-]+(?:\s+[A-Z][\w'.-]+){0,2},\s+[^.!?\n]{2,100})\s*$")


def trailing_signature(note: Note, index: NoteIndex | None = None) -> int | None:
    """Where a one-line note's signature starts when it has no sign-off word or line break:
    "... my resume? Yasmin, Kent State MA Translation" or "... to chat. - Ravi Thakur, NC State"."""
    return (index or note_index(note)).signature


class _SentenceIndex:
    """One sentence's words with prefix counts and next-index tables, so that deciding whose fact a
    mention is costs the same however many mentions the sentence holds (linear, not quadratic)."""

    __slots__ = ("words", "pairs", "has_sender", "echo_last", "pronoun_before", "count", "_next")

    def __init__(self, words: list[str], V: Vocabulary):
        sender_words, recipient_words = V.sender_words, V.recipient_words
        self.words = words
        self.pairs = set(zip(words, words[1:]))
        self.has_sender = "here" in words or not sender_words.isdisjoint(words)
        # the last word index at which an echo ("same as me") starts: echoed after i iff echo_last >= i
        self.echo_last = -1
        joined = " ".join(words)
        if _ECHO.search(joined):
            starts = list(accumulate([len(w) + 1 for w in words[:-1]], initial=0))  # where each word starts
            for m in _ECHO.finditer(joined):
                self.echo_last = max(self.echo_last, bisect_right(starts, m.start()) - 1)
        # pronoun_before[i]: the index of the nearest recipient or sender word before i (-1: none)
        before, last = [], -1
        pronouns = V.pronoun_words
        if pronouns.isdisjoint(words):
            before = [-1] * (len(words) + 1)
        else:
            for i, w in enumerate(words):
                before.append(last)
                if w in pronouns:
                    last = i
            before.append(last)
        self.pronoun_before = before
        self._next = {}
        # count[name][i]: how many of words[:i] are in the named vocabulary
        self.count = {name: list(accumulate(map(vocabulary.__contains__, words), initial=0))
                      for name, vocabulary in V.counted.items()}

    def any_in(self, name: str, lo: int, hi: int) -> bool:
        """Is a word of the named vocabulary among words[lo:hi]?"""
        counts = self.count[name]
        lo, hi = max(0, lo), min(len(self.words), hi)
        return hi > lo and counts[hi] - counts[lo] > 0

    def next_in(self, vocabulary: frozenset[str], start: int) -> int:
        """The index of the first word of the vocabulary at or after `start` (len(words): none)."""
        table = self._next.get(vocabulary)
        if table is None:
            n = len(self.words)
            table = [n] * (n + 1)
            for i in range(n - 1, -1, -1):
                table[i] = i if self.words[i] in vocabulary else table[i + 1]
            self._next[vocabulary] = table
        return table[min(start, len(self.words))]


def _tail_is_short_line(note: Note, end: int) -> bool:
    """Is what follows `end` (stripped) under 120 characters, with no line break inside?"""
    text = note.text
    last = len(text.rstrip())
    first = end
    while first < last and text[first].isspace():
        first += 1
    return last - first < 120 and "\n" not in text[first:last]


_HERE_WORD = frozenset(("here",))
_ME_WORDS = frozenset(("me", "my", "i", "i'm", "myself"))


def _side(ix: NoteIndex, first: int, last: int, kind: str, V: Vocabulary) -> tuple[str, bool]:
    """Whose fact is the mention at tokens [first, last) presented as, and is it marked shared
    (``V``: the word lists in force)."""
    note = ix.note
    tokens = note.tokens
    lo, hi = ix.sentence_bounds(first)
    index = ix.sentence(lo, hi)
    words, pairs = index.words, index.pairs
    rel_first, rel_last = first - lo, last - lo
    org = kind in ("school", "employer")
    fellow = any(w == "fellow" for w in words[max(0, rel_first - 5): rel_first])
    before = words[max(0, rel_first - 3): rel_first]
    before6 = words[max(0, rel_first - 6): rel_first]
    after = words[rel_last: rel_last + 9]
    after_pairs = set(zip(after, after[1:]))
    tied = (
        fellow
        or bool({"also", "both", "same"} & set(before))
        or bool({"too", "also", "myself"} & set(after))
        or bool(V.tie_pairs & after_pairs)
        or bool({("like", "you"), ("as", "you"), ("like", "me")} & set(zip(before6, before6[1:])))
        or ("we", "both") in pairs
        or "same" in after
    )
    has_sender = index.has_sender
    echoed = index.echo_last >= rel_last
    # Signature line at the very end: the sender's.
    line_start = ix.line_start(first)
    if line_start > 0 and _tail_is_short_line(note, tokens[last - 1].end) and \
            not _YOU.search(note.text[line_start: tokens[first].start].lower()):
        return ("shared" if tied else "sender"), tied
    signature = ix.signature
    if signature is not None and tokens[first].start >= signature:
        return ("shared" if tied else "sender"), tied
    nearest_at = index.pronoun_before[rel_first]
    nearest = words[nearest_at] if nearest_at >= 0 else None
    blocked = False
    if echoed and nearest not in ("your", "yours"):
        return "shared", True  # "you went to Temple, same as me!"
    if org and rel_last < len(words) and words[rel_last] in V.not_affiliation:
        return "neutral", tied  # "a Duolingo user", "a Humana fan": not an affiliation
    side = "neutral"
    j = index.pronoun_before[rel_first]  # the nearest pronoun before, jumping over the words between
    while j >= 0:
        w = words[j]
        if w in V.recipient_words:
            if j > 0 and words[j - 1] in ("like", "as", "unlike"):
                j = index.pronoun_before[j]
                continue  # "like you, I ..." marks a shared fact; it is not about the recipient
            return "recipient", False
        if w in V.sender_words:
            between = words[j + 1: min(rel_first, j + 5)]
            blockers = "org_blockers" if org else "soft_blockers"
            if w in ("me", "us") or index.any_in(blockers, j + 1, rel_first):
                side = "neutral"
                blocked = True
            elif w in ("my", "our", "mine"):
                side = "sender" if (not org or rel_first - j <= 2 or any(b in V.my_anchors for b in between[:4])) else "neutral"
            elif w in ("i'm", "im", "i've", "ive", "we're") or not org or index.any_in("self_anchors", j + 1, rel_first):
                side = "sender"
            break
    if side == "neutral" and (("from", "a") in set(zip(words[max(0, rel_first - 3): rel_first], words[max(0, rel_first - 2): rel_first]))
                              or (rel_first >= 2 and words[rel_first - 2: rel_first] in (["from", "a"], ["from", "an"]))):
        side = "sender"
    # (a line head of 200 characters cannot be the bullet looked for below: not copied)
    line_head = note.text[line_start: tokens[first].start].strip() if tokens[first].start - line_start < 200 else "x"
    if side == "neutral" and org and rel_first >= 2 and words[rel_first - 1] in ("at", "from") and \
            words[rel_first - 2] in V.student_words and not index.any_in("recipient", 0, rel_first):
        side = "sender"  # a signature: "<name>, <field> sophomore at <school>"
    if side == "neutral" and kind == "school" and _class_year_after(note, last) and \
            not index.any_in("recipient", 0, rel_first):
        side = "sender"  # a signature with a class year: "Thanks, <name> (<school> ’26)"
    if side == "neutral" and re.fullmatch(r"[•*-]?\s*", line_head) and any(
            w in V.line_roles for w in words[rel_last: rel_last + 3]):
        side = "sender"  # a bullet or line of the sender's own: "- UMN alum (History '98)"
    if side == "neutral":
        rest = words[rel_last: rel_last + 4]
        here_at = index.next_in(_HERE_WORD, rel_last)
        here_later = here_at < len(words) and not index.any_in("recipient", rel_last, here_at)
        if here_later or "myself" in rest or "here" in words[max(0, rel_first - 3): rel_first]:
            side = "sender"
        elif not org:
            # "vaccine equity is what drives me", "adult literacy matters to me"
            if index.next_in(_ME_WORDS, rel_last) < index.next_in(V.recipient_words, rel_last):
                side = "sender"
    if fellow:
        return "shared", True
    if tied and (side == "sender" or (side == "neutral" and has_sender and not org)):
        return "shared", True
    subject = index.any_in("subject", 0, rel_first)
    if side == "neutral" and subject and not blocked and (bool(V.tie_pairs & after_pairs) or {"too", "also"} & set(after[:4])):
        return "shared", True  # "I'm returning to HR after 6 years and worked at Kroger like you"
    return side, tied


_CLASS_YEAR = lazy_compile(r"\s*(?:[A-Z]{2,5}\s+)?(?:['’‘]\d{2}|(?:19|20)\d{2})(?!\w)")


def _class_year_after(note: Note, last: int) -> bool:
    """A class year right after a school: "Davis ’26", "UNC MSA '26" (an alum's or student's own)."""
    end = note.tokens[last - 1].end
    return bool(_CLASS_YEAR.match(note.text, end))


def _initials_only(note: Note, first: int, last: int) -> bool:
    """Are the full stops between tokens [first, last) those of initials ("J.P. Morgan", "A. G.")?"""
    tokens = note.tokens
    for k in range(first, last - 1):
        gap = note.text[tokens[k].end: tokens[k + 1].start]
        if "." in gap and not (gap.strip() == "." and tokens[k].text.replace(".", "").isupper()
                               and len(tokens[k].text.replace(".", "")) <= 3):
            return False
    return True


def _org_matches(note: Note, facts: ProfileFacts, education_context: bool = False):
    V = vocab()
    tokens = note.tokens
    lows = [t.low for t in tokens]
    orgs = facts.orgs
    n = len(tokens)
    prefixes = facts.prefixes
    # where a name can start (a word that is a name, starts one, or is short): at any other word
    # the loop below finds nothing, so it goes from one of these to the next
    starts = [j for j, w in enumerate(lows) if w in orgs or w in prefixes or len(w) <= 2]
    k = 0
    i = 0
    while i < n:
        while k < len(starts) and starts[k] < i:
            k += 1
        if k == len(starts):
            break
        i = starts[k]
        best = None
        key = ""
        for length in range(1, facts.max_words + 1):
            if i + length > n:
                break
            key += lows[i + length - 1]
            entries = orgs.get(key)
            if not entries:
                if key not in prefixes and len(key) > 2:
                    break  # no longer name starts with these words ("J P Morgan": short keys go on)
                continue
            if length > 1:
                # a short form must not run across sentence ends
                span_text = note.text[tokens[i].start : tokens[i + length - 1].end]
                if "." in span_text and _initials_only(note, i, i + length):
                    span_text = span_text.replace(".", "")  # "J.P. Morgan": the dots of initials
                if "." in span_text or "!" in span_text or "?" in span_text or "\n" in span_text:
                    continue
            best = (length, entries)
        if best is None:
            i += 1
            continue
        length, entries = best
        first, last = i, i + length
        for fact, strong, caps, _nwords in entries:
            if caps == 2 and not tokens[first].text.isupper():
                continue
            if _nwords == 1 and length > 1 and any(len(lows[j]) > 1 and lows[j] in knowledge().connectors for j in range(first, last)):
                continue  # a one-word form (an acronym "UOF") is not words with "of" spelt out ("U of I")
            if caps == 1 and not note.all_lowercase and not tokens[first].is_capitalised:
                continue
            if fact.kind == "school":
                nxt = tokens[last].low if last < n else ""
                prv = tokens[first - 1].low if first > 0 else ""
                if (nxt in V.block_after or prv in V.block_before) and not tokens[first].text.isupper():
                    continue
                if last < n:
                    gap = note.text[tokens[last - 1].end: tokens[last].start]
                    # "UW-Madison" is not "UW" (Washington); "UC Berkeley" is not "UC" (Cincinnati)
                    if (gap == "-" or (gap == " " and tokens[last].is_capitalised and nxt in V.places)) and length == 1:
                        continue
                    if length == 1 and gap == " " and tokens[first].low in V.system_prefixes and \
                            tokens[last].is_capitalised and not tokens[last].text.isupper() and nxt not in english_words():
                        continue  # "UT Dallas", "UC Merced": another campus of the system
                if not strong and first > 0 and tokens[first - 1].low in V.place_prepositions and \
                        not (last < n and tokens[last].low in V.school_nouns):
                    continue  # "I'm in Cincinnati", "based near Austin": the city, not the school
                if not strong and not education_context:
                    window = {t.low for t in tokens[max(0, first - 3) : min(n, last + 3)]}
                    if not window & V.education_context and not _class_year_after(note, last):
                        continue
            elif fact.kind == "employer":
                nxt = tokens[last].low if last < n else ""
                if nxt in V.block_after and fact.key.split()[-1:] != [nxt]:
                    continue
                before = tokens[first - 2].low if first >= 2 else ""
                if first >= 2 and tokens[first - 1].low in ("at", "from") and (
                        before in V.category_nouns or (before.endswith("s") and before[:-1] in V.occupations)):
                    continue  # "engineers at Lockheed Martin" is a category, not the recipient's employer
            yield fact, first, last
        i = last


def _tightest(idxs: list[int], stems: list[str], matched: set[str], need: int, V: Vocabulary) -> tuple[int, int]:
    """The shortest run of tokens holding `need` of the matched stems (one a specific word), the
    first such run when several are as short (a sliding window: linear in the hits)."""
    hits = [i for i in idxs if stems[i] in matched]
    best = (hits[0], hits[-1] + 1)
    counts: dict[str, int] = {}
    specific = 0  # how many distinct stems in the window are not generic
    b = -1
    for a in range(len(hits)):
        # grow the window [a, b] until it holds enough stems
        while (len(counts) < need or not specific) and b + 1 < len(hits):
            b += 1
            st = stems[hits[b]]
            counts[st] = counts.get(st, 0) + 1
            if counts[st] == 1 and st not in V.generic_stems:
                specific += 1
        if len(counts) < need or not specific:
            break
        if hits[b] - hits[a] < best[1] - 1 - best[0]:
            best = (hits[a], hits[b] + 1)
        st = stems[hits[a]]
        counts[st] -= 1
        if not counts[st]:
            del counts[st]
            if st not in V.generic_stems:
                specific -= 1
    return best


_NAME_JOINERS = frozenset(("and", "of", "n"))


def _title_matches(ix: NoteIndex, facts: ProfileFacts):
    """An activity named by two of its title's words in a row: "the <two title words>", or the title itself as capitalised."""
    V = vocab()
    tokens = ix.note.tokens
    if not facts.titles:
        return
    pairs, joined = ix.title_pairs
    org_keys = facts.org_keys
    stop = stopwords()
    for fact, words, capitalised, venue_words in facts.titles:
        candidates = [(a, b, True) for a, b in zip(words, words[1:])]
        candidates += [(a, b, False) for a, b in zip(venue_words, venue_words[1:])]  # a show's name, capitalised
        candidates += [(a, c, None) for a, b, c in zip(venue_words, venue_words[1:], venue_words[2:]) if b in _NAME_JOINERS]
        for a, b, in_title in candidates:
            if a in stop or b in stop:
                continue
            width = 2
            if in_title is None:
                i, in_title, width = joined.get((a, b)), False, 3
            else:
                i = pairs.get((a, b))
            if i is None:
                continue
            if a in V.places and b in V.places or (a + b) in org_keys or a in org_keys or b in org_keys:
                continue  # a school or employer named in a title ("Ohio Wesleyan") is not the title
            # capitalised as in the profile's title (both words capitalised), or two specific words next to
            # a record noun ("I loved your piece on the wall labels")
            as_title = (tokens[i].is_capitalised and tokens[i + width - 1].is_capitalised and i > 0
                        and ((a, b) in capitalised or width == 3))
            specific = stem(a) not in V.generic_stems and stem(b) not in V.generic_stems and min(len(a), len(b)) >= 4
            lo, hi = ix.sentence_bounds(i)
            record = any(t.low in V.record_words for t in tokens[lo:hi])
            if (as_title and (in_title or record)) or (in_title and specific and record):
                yield fact, i, i + width
                break


def _topic_matches(ix: NoteIndex, facts: ProfileFacts):
    """Topics (posts, interests, roles, skills) found by their words, sentence by sentence."""
    V = vocab()
    tokens = ix.note.tokens
    if not facts.topics or not tokens:
        return
    yield from _title_matches(ix, facts)
    stems, by_sentence, sentence_stems, sentences_with = ix.stems
    for topic in facts.topics:
        best = None
        candidates = set()
        for st in topic.stems:
            if st in sentences_with:
                candidates |= sentences_with[st]
        for sid in sorted(candidates):
            present = sentence_stems[sid]
            matched = topic.stems & present
            if not matched or not (matched - V.generic_stems):
                continue
            enough = len(matched) >= topic.needed
            if topic.fact.kind == "activity":
                # a record noun outside the matched words ("the film festival" itself is no "your post")
                outside = {tokens[i].low for i in by_sentence[sid] if stems[i] not in matched}
                record = bool(outside & V.record_words)
                # one distinctive name next to "your talk" is enough: "your GreenBiz talk"
                distinctive = any(len(t) >= 4 and t not in english_words() and t not in V.places
                                  for t in (tokens[i].low for i in by_sentence[sid] if stems[i] in matched - V.generic_stems))
                if not enough and not (record and distinctive):
                    continue
                # an award is named by its own words: "you won the <name> of the Year award"
                award = (topic.fact.activity_kind == "award" and bool(matched & V.award_stems)
                         and len(matched - V.generic_stems - V.award_stems) >= 1 and 2 * len(matched) >= len(topic.stems))
                if not record and not award and (2 * len(matched) < len(topic.stems) + 1 or len(matched - V.generic_stems) < 2
                                                 or topic.fact.activity_kind in ("course", "award")):
                    continue  # "my first career fair" is not "your post on career fairs"
            elif not enough:
                continue
            elif topic.fact.kind == "group":
                # "stage managers are unsung heroes" is a category; "the Stage Managers' Association"
                # or "a member of the stage managers' group" names the group
                idxs = [i for i in by_sentence[sid] if stems[i] in matched]
                if not any(tokens[i].is_capitalised for i in idxs if i > by_sentence[sid][0]) and \
                        not any(topic_stem(tokens[i].low, V.stem_synonyms) in V.group_words or tokens[i].low in ("member", "members", "group")
                                for i in by_sentence[sid]):
                    continue
            if best is None or len(matched) > best[0]:
                first, last = _tightest(by_sentence[sid], stems, matched, min(len(matched), max(1, topic.needed)), V)
                best = (len(matched), first, last)
        if best is not None:
            yield topic.fact, best[1], best[2]


def find_mentions(note: Note, profile: Profile | None, index: NoteIndex | None = None) -> list[Mention]:
    """Every place the note names one of the profile's facts, with whose fact it is said to be
    (computed once per note and profile: pass the note's ``index`` to share the work)."""
    if profile is None or not note.tokens:
        return []
    return (index or note_index(note)).mentions(profile)


_ANSWER = lazy_compile(r"\s*(?:i\s+did\s+too|i\s+did\s+as\s+well|so\s+did\s+i|me\s+too|same\s+here|i\s+(?:do|am|was)\s+too)\b",
                       re.IGNORECASE)


_STOP = re.compile(r"[.!?\n]")


def _answered(ix: NoteIndex, end: int) -> bool:
    """True when the sentence after the one ending at/after `end` starts with "I did too", "Me too"."""
    stops = ix.stops
    at = bisect_right(stops, end - 1)  # the first stop at or after `end`
    return at < len(stops) and bool(_ANSWER.match(ix.note.text, stops[at] + 1))


def _category_before(note: Note, first: int, last: int) -> bool:
    """True when the words are "architects at X": a category of people, not the recipient's employer."""
    V = vocab()
    for i in range(first, min(last, len(note.tokens) - 1)):
        word, nxt = note.tokens[i].low, note.tokens[i + 1].low
        if nxt in ("at", "from") and (word in V.category_nouns or (word.endswith("s") and word[:-1] in V.occupations)):
            return True
    if first >= 2 and note.tokens[first - 1].low in ("at", "from"):
        word = note.tokens[first - 2].low
        return word in V.category_nouns or (word.endswith("s") and word[:-1] in V.occupations)
    return False


def _find_mentions(ix: NoteIndex, profile: Profile) -> list[Mention]:
    V = vocab()
    note = ix.note
    facts = profile_facts(profile)
    found = [(f, a, b, True) for f, a, b in _org_matches(note, facts)]
    found += [(f, a, b, False) for f, a, b in _topic_matches(ix, facts)
              if not (f.kind == "employer" and _category_before(note, a, b))]
    tokens = note.tokens
    # where matches overlap, an exact name beats a topic match, and a longer match a shorter one
    # (a name beats a topic; a longer topic beats a bare occupation or field inside it:
    # "your work on <occupation> <topic>" is the interest, not the bare occupation);
    # decided before whose fact each is, which is the costly part
    spans = [(fact, first, last, exact, tokens[first].start, tokens[last - 1].end) for fact, first, last, exact in found]
    ranked = sorted(spans, key=lambda c: (0 if c[3] and c[0].kind not in ("occupation", "field") else 1,
                                          -(c[5] - c[4]), 0 if c[3] else 1))
    chosen: list[tuple] = []
    # the chosen spans never overlap unless equal: kept sorted, a new span can only overlap the
    # chosen span that starts last before its end (no pairwise comparison)
    span_starts: list[tuple[int, int]] = []
    facts_at: dict[tuple[int, int], set[Fact]] = {}
    for c in ranked:
        fact, _first, _last, _exact, start, end = c
        same = facts_at.get((start, end))
        if same is not None:
            if fact not in same:
                same.add(fact)
                chosen.append(c)  # the same words may name two facts: Binghamton the school and the employer
            continue
        at = bisect_right(span_starts, (end, -1)) - 1
        if at >= 0 and span_starts[at][0] < end and span_starts[at][1] > start:
            continue
        insort(span_starts, (start, end))
        facts_at[(start, end)] = {fact}
        chosen.append(c)
    kept: list[Mention] = []
    for fact, first, last, exact, start, end in chosen:
        side, tied = _side(ix, first, last, fact.kind, V)
        if side == "recipient" and fact.kind in ("school", "employer", "group", "interest") and \
                _answered(ix, end):
            side, tied = "shared", True  # "Dana, you studied at Ohio State? So did I."
        lo = ix.sentence_bounds(first)[0]
        before = [t.low for t in tokens[max(lo, first - 6): first]]
        near = any(w in ("your", "yours") for w in before[-3:]) or any(
            w in ("you", "you've") and nxt in V.you_verbs for w, nxt in zip(before, before[1:] + [""]))
        kept.append(Mention(fact, start, end, side, tied, exact, near))
    kept.sort(key=lambda m: m.start)
    return kept


# --- References to the recipient's public record ---------------------------------------------

# What kind of claim each lexicon family finds, the kinds of profile fact that can support it, and
# a word every match of the file's pattern contains (lexicon/facts.toml, facts.claim_*).
_CLAIMS = (
    ("activity", "facts.claim_activity", ("activity", "group", "employer", "school"), "your"),
    ("activity", "facts.claim_event", ("activity", "group", "employer", "school"), "you"),
    ("employer", "facts.claim_employer", ("employer", "school", "group"), "you"),
    ("school", "facts.claim_school", ("school", "field"), "you"),
    ("school", "facts.claim_fellow", ("school", "employer", "group"), "fellow"),
)
_OBJECT_STOP = lazy_compile(
    r"\s+(?:and|but|because|which|where|that|who|since|so|while|when|as well|last|this|next|"
    r"earlier|recently|yesterday|ago|in \d{4}|I|i)\b.*$"
)


_PRONOUN = lazy_compile(r"\b(?:them|it|those|these|this|that)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    kind: str  # activity, employer, school
    words: str  # what the note claims, e.g. "your talk at SXSW"
    obj: str  # the claimed object, e.g. "SXSW"
    start: int
    end: int
    supported: bool
    anaphoric: bool = False  # supported through a pronoun whose words came before ("how you file them")


def _record_kind_ok(words: str, facts: ProfileFacts) -> bool:
    """'your talk on X' needs a talk on the profile, 'your post on X' a post or article, 'your
    podcast episode' a podcast."""
    V = vocab()
    noun = next((w for w in re.findall(r"[a-z-]+", words.lower()) if w in V.record_class), None)
    if noun is None:
        return True
    activities = [f for f in facts.facts if f.kind == "activity"]
    if not activities:
        return True  # the object may still match a group or an employer
    wanted = V.record_class[noun]
    return any(V.activity_class.get(f.activity_kind, "written") == wanted for f in activities)


def _same_kind_item(claimed: str, obj: str, facts: ProfileFacts) -> bool:
    """When the object names one of the profile's items, it must be an item of the claimed kind:
    "your podcast episode about apprenticeships" fails if apprenticeships were a post."""
    V = vocab()
    noun = next((w for w in re.findall(r"[a-z-]+", claimed.lower()) if w in V.record_class), None)
    if noun is None:
        return True
    wanted = V.record_class[noun]
    obj_stems = set(content_stems(obj)) - V.generic_stems
    if not obj_stems:
        return True
    hits = []
    for topic in facts.topics:
        if topic.fact.kind != "activity":
            continue
        shared = obj_stems & topic.stems
        if len(shared) >= min(2, len(obj_stems)):
            hits.append(V.activity_class.get(topic.fact.activity_kind, "written"))
    return not hits or wanted in hits


def _venue_ok(venue: str, facts: ProfileFacts) -> bool:
    """A claimed venue ("your talk at RIMS") must be where one of the profile's activities was."""
    V = vocab()
    wanted = {w for w in content_stems(venue) if w not in V.places} - V.generic_stems - V.venue_type_stems
    if not wanted:
        return True
    activity_text = " ".join(canonical(f.venue + " " + f.label) for f in facts.facts if f.kind == "activity")
    for fact, _first, _last in _org_matches(Note(venue), facts, education_context=True):
        if fact.key and fact.key in activity_text:
            return True  # "your talk at the OU nursing night": OU is Ohio University, named in the talk
    for f in facts.facts:
        if f.kind == "activity":
            have = set(content_stems(f.venue + " " + f.label))
            if wanted & have and (len(wanted & have) * 2 >= len(wanted)):
                return True
            if wanted & _name_acronyms(f.venue + " " + f.label):
                return True  # a venue named by its initials and a word of its name ("your <ACRONYM> Show talk")
    return False


@lru_cache(maxsize=1024)
def _name_acronyms(text: str) -> frozenset[str]:
    """Initials of each run of capitalised words, and of its leading parts: "National Restaurant
    Association Show" -> nr, nra, nras."""
    out = set()
    for run in re.findall(r"(?:[A-Z][\w'-]*(?:\s+(?:of|for|and|the)\s+|\s+)?){2,}", text):
        letters = "".join(w[0] for w in run.split() if w[:1].isupper()).lower()
        for k in range(3, len(letters) + 1):
            out.add(letters[:k])
    return frozenset(out)


def _object_matches(obj: str, facts: ProfileFacts, kinds: tuple[str, ...], loose_topics: bool) -> bool:
    V = vocab()
    sub = Note(obj)
    for fact, _first, _last in _org_matches(sub, facts, education_context=True):
        if fact.kind in kinds:
            return True
    obj_stems = set(content_stems(obj)) - V.generic_stems
    if not obj_stems:
        return True  # nothing checkable ("your recent post on this")
    for topic in facts.topics:
        if topic.fact.kind not in kinds and not loose_topics:
            continue
        stems = topic.stems | (set(content_stems(topic.fact.venue)) if topic.fact.venue else set())
        shared = obj_stems & stems
        if len(shared) >= min(2, len(obj_stems)) or (shared and len(topic.stems - V.generic_stems) == 1) or \
                (shared and 2 * len(shared) >= len(obj_stems) and any(len(x) >= 5 for x in shared)):
            return True
    return False


def _proper_object(obj: str) -> str:
    """The name at the start of a claimed object: "Google last summer" -> "Google"."""
    obj = _OBJECT_STOP.sub("", obj.strip())
    words = obj.split()
    return " ".join(words[:8])


def find_claims(note: Note, recipient: Profile | None) -> list[Claim]:
    """References to the recipient's record, each checked against the profile (if any)."""
    facts = profile_facts(recipient) if recipient is not None else None
    out: list[Claim] = []
    low = note.text.lower()
    taken: list[tuple[int, int]] = []
    for kind, pattern, kinds, needle in vocab().claims:  # one regular expression each, with a group `object`
        if needle not in low:
            continue  # it cannot match (speed); a rubric's own pattern has no needle and is always tried
        for m in pattern.finditer(note.text):
            obj = _proper_object(m.group("object"))
            if not obj:
                continue
            if kind != "activity":
                # an organisation: keep the capitalised name (or, in an all-lower note, 1-4 words)
                name_words = []
                if obj.lower().startswith("the "):
                    obj = obj[4:]
                for w in obj.split():
                    if w[:1].isupper() or w.isupper() or (note.all_lowercase and len(name_words) < 4) or (
                        name_words and w.lower() in ("of", "the", "and", "&", "for", "at")
                    ):
                        name_words.append(w)
                    else:
                        break
                while name_words and name_words[-1].lower() in ("of", "the", "and", "&", "for", "at"):
                    name_words.pop()
                if not name_words:
                    continue
                obj = " ".join(name_words)
            start = m.start()
            end = m.start("object") + len(obj)
            if any(s <= start < e for s, e in taken):
                continue
            taken.append((start, end))
            supported = True if facts is None else _object_matches(obj, facts, kinds, False)
            anaphoric = False
            if not supported and kind == "activity" and _PRONOUN.search(obj):
                # "... my first career fair, Dana. Your post on how you prepare for them helped": the
                # pronoun's words are in the sentence before
                supported = anaphoric = _object_matches(obj + " " + note.text[max(0, start - 160) : start], facts, kinds, False)
            if supported and facts is not None and kind == "activity":
                supported = _same_kind_item(note.text[start:end], obj, facts)
            if supported and facts is not None and kind == "activity":
                claimed = note.text[start:end]
                clause = re.split(r"\s(?:I|I'm|I've|I'd|i|i'm|and\s+I|but|so)\b|[!?;]", m.group(0))[0]
                venue = re.search(r"\b(?:at|during|in)\s+(?:the\s+)?((?!(?:January|February|March|April|May|June|July|August|"
                                  r"September|October|November|December|Spring|Summer|Fall|Autumn|Winter)\b)[A-Z][\w&'-]*"
                                  r"(?:\s+(?:of\s+)?[A-Z0-9][\w&'-]*)*)", clause)
                before = re.match(r"your\s+((?:[A-Z][\w&'-]*\s+){1,3})", claimed)  # "your PyCon keynote"
                supported = _record_kind_ok(claimed, facts) and (venue is None or _venue_ok(venue.group(1), facts)) \
                    and (before is None or _venue_ok(before.group(1), facts) or _object_matches(before.group(1), facts, kinds, False))
            out.append(Claim(kind, note.text[start:end], obj, start, end, supported, anaphoric and supported))
    out.sort(key=lambda c: c.start)
    return out


def shared_facts(recipient: Profile, sender: Profile) -> list[tuple[Fact, Fact]]:
    """Facts both profiles support: school, employer, named group, field at a school, interest."""
    return _shared_facts(recipient, sender, lexicon.active_changes())


@lru_cache(maxsize=512)
def _shared_facts(recipient: Profile, sender: Profile, _changes) -> list[tuple[Fact, Fact]]:
    r, s = profile_facts(recipient), profile_facts(sender)
    out = []
    seen = set()
    # the sender's facts indexed by kind and key once (no pairwise comparison of two long profiles)
    by_key: dict[tuple[str, str], list[Fact]] = {}
    fields = []
    for sf in s.facts:
        if sf.kind == "field":
            fields.append(sf)
        else:
            by_key.setdefault((sf.kind, sf.key), []).append(sf)
    for rf in r.facts:
        if rf.kind in ("activity", "skill", "role"):
            continue
        if rf.kind == "field":
            for sf in fields:
                if _same_field(rf, sf) and rf.school and rf.school == sf.school:
                    out.append((rf, sf))
        else:
            for sf in by_key.get((rf.kind, rf.key), ()):
                if (rf, sf) not in seen:
                    seen.add((rf, sf))
                    out.append((rf, sf))
    return out


def _same_field(a: Fact, b: Fact) -> bool:
    return a.key == b.key or bool(set(field_forms(a.label)) & set(field_forms(b.label)) - {"design", "business"})


def same_institution(a: str, b: str) -> bool:
    """Two names of one school or employer: equal canonical names, or one is a strong short
    form of the other ("Miami University" and "Miami University (Ohio)")."""
    V = vocab()
    if a == b:
        return True
    from .shortforms import parent_school
    schoolish = lambda k: any(w in k.split() for w in ("university", "college", "school", "institute", "academy"))
    if not (schoolish(a) and schoolish(b)):
        return False
    if parent_school(a) == parent_school(b):
        return True  # "University of New Mexico School of Law" and "University of New Mexico"
    core = lambda k: [w for w in parent_school(k).split() if w not in ("university", "college", "the", "of", "at")]
    if core(a) and core(a) == core(b):
        return True  # "Tulane School of Architecture" and "Tulane University"
    strip = lambda k: re.sub(r"\b(?:main campus|campus)\b", "", k).split()
    wa, wb = strip(a), strip(b)
    if wa == wb:
        return True
    shorter, longer = sorted((wa, wb), key=len)
    return len(shorter) >= 2 and longer[: len(shorter)] == shorter and len(longer) - len(shorter) <= 1 \
        and longer[-1] in V.places | {"ohio"}


def sender_relation(sender: Profile, fact: Fact) -> str:
    """'supported', 'loose' (the sender has something close: 'baking' for 'sourdough baking'),
    or 'unsupported'."""
    return _sender_relation(sender, fact, lexicon.active_changes())


@lru_cache(maxsize=4096)
def _sender_relation(sender: Profile, fact: Fact, _changes) -> str:
    V = vocab()
    if sender_supports(sender, fact):
        return "supported"
    if fact.kind == "interest":
        wanted = set(content_stems(fact.label)) - V.generic_stems - V.group_words
        for sf in profile_facts(sender).facts:
            if sf.kind in ("interest", "skill", "group", "role", "occupation", "field") and \
                    wanted & (set(content_stems(sf.label)) - V.generic_stems - V.group_words):
                return "loose"
    return "unsupported"


def sender_supports(sender: Profile, fact: Fact) -> Fact | None:
    """The sender's fact that matches a recipient fact, if the sender's profile supports it."""
    return _sender_supports(sender, fact, lexicon.active_changes())


@lru_cache(maxsize=4096)
def _sender_supports(sender: Profile, fact: Fact, _changes) -> Fact | None:
    V = vocab()
    s = profile_facts(sender)
    for sf in s.facts:
        if fact.kind in ("school", "employer") and sf.kind in ("school", "employer") and same_institution(fact.key, sf.key):
            return sf
        if fact.kind == "field" and sf.kind == "field" and _same_field(fact, sf):
            return sf
        if fact.kind == "role" and sf.kind == "role":
            if set(content_stems(fact.label)) & set(content_stems(sf.label)) - V.generic_stems:
                return sf
        if sf.kind == fact.kind and sf.key == fact.key:
            return sf
        if fact.kind == "occupation" and sf.kind in ("role", "occupation", "group", "interest") and \
                fact.key in {stem(w) for w in re.findall(r"[a-z]+", sf.label.lower())}:
            return sf
    if fact.kind == "occupation" and fact.key in {stem(w) for w in re.findall(r"[a-z]+", sender.headline.lower())}:
        return Fact("occupation", fact.label, fact.key)
        if fact.kind == "interest" and sf.kind == "interest" and sf.key == fact.key:
            return sf
    return None


# --- The public matcher: which profile facts a text names --------------------------------------


class FoundFact(NamedTuple):
    """A profile fact a text names: its kind, its name as the profile spells it, where it is
    (a named tuple: no dataclass is built when the engine is imported)."""

    kind: str  # school, employer, group, field, interest, activity, role, skill, occupation
    name: str  # as written in the profile ("The Ohio State University")
    start: int  # offsets into the text as given
    end: int
    fact: Fact


def find_facts(text: str, profile: Profile | None, listed: bool = False, rubric=None) -> list[FoundFact]:
    """The facts of `profile` that `text` names, in order, with the same matcher the rubric uses
    (short forms, nicknames, inflections: "Ohio State", "Buckeye", "psych major", "first-gen").

    With ``listed=True`` the text is a fact written down from the profile ("Ohio State", "her post
    on career fairs"), so a school needs no education words around it. With ``rubric``, its
    lexicon changes apply (as in ``score(..., rubric=...)``)."""
    if rubric is not None:
        with lexicon.using(rubric):
            return find_facts(text, profile, listed)
    note = Note(str(text or ""))
    if profile is None or not note.tokens:
        return []
    mentions = [(m.fact, m.start, m.end) for m in find_mentions(note, profile)]
    if listed:
        tokens = note.tokens
        seen = {fact for fact, _s, _e in mentions}
        for fact, first, last in _org_matches(note, profile_facts(profile), education_context=True):
            if fact not in seen:
                seen.add(fact)
                mentions.append((fact, tokens[first].start, tokens[last - 1].end))
    out = []
    for fact, start, end in sorted(mentions, key=lambda m: m[1]):
        s, e = note.original_span((start, end))
        out.append(FoundFact(fact.kind, fact.label, s, e, fact))
    return out
