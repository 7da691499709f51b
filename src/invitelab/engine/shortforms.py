"""The short forms people really write for schools, employers and fields of study.

Two sources: rules that derive short forms from any name (``Pennsylvania State University`` ->
``Penn State``, ``PSU``; ``Meridian Health`` -> ``Meridian``; ``Carnegie Mellon University`` ->
``CMU``), and a table of the usual nicknames that no rule can guess (``UMich``, ``Buckeye``).
The table and the word lists the rules use are data: ``lexicon/shortforms.toml`` (families
``shortforms.institutions``, ``.fields``, ``.systems``, ``.legal_suffixes``, ``.descriptors``,
``.school_words``, ``.connectors``, ``.places``), changed by a rubric's ``[lexicon]`` like any
family; :func:`knowledge` gives them as the rubric in force has them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .note import fold
from .words import english_words

class _Knowledge:
    """The short-form knowledge as one rubric has it (lexicon/shortforms.toml with the rubric's
    [lexicon] changes), built once per rubric: the tables and word sets the rules below read."""

    __slots__ = ("institutions", "fields", "systems", "legal_suffixes", "descriptors", "places", "school_words",
                 "connectors", "by_canonical", "descriptor_tails")

    def __init__(self, rubric):
        fam = lambda fid: lexicon.family(fid, rubric)  # noqa: E731
        self.institutions = fam("shortforms.institutions").table()  # canonical name -> nicknames
        self.fields = fam("shortforms.fields").table()  # canonical field -> short forms
        self.systems = tuple((state, forms[0]) for state, forms in fam("shortforms.systems").entries if forms)
        self.legal_suffixes = fam("shortforms.legal_suffixes").word_set
        self.descriptors = fam("shortforms.descriptors").word_set
        # each descriptor as the words a name ends with ("health system", "co-op" -> "co op"), longest first
        self.descriptor_tails = tuple(sorted({tuple(words_of(d)) for d in self.descriptors} - {()},
                                             key=len, reverse=True))
        self.places = frozenset(fold(w) for w in fam("shortforms.places").word_set)
        self.school_words = fam("shortforms.school_words").word_set
        self.connectors = fam("shortforms.connectors").word_set
        self.by_canonical: dict[str, tuple[str, ...]] | None = None


@lru_cache(maxsize=32)
def _knowledge_for(rubric) -> _Knowledge:
    return _Knowledge(rubric)


def knowledge() -> _Knowledge:
    """The short-form knowledge of the rubric in force (the files' outside a check)."""
    return _knowledge_for(lexicon.active_changes())


def place_words() -> frozenset[str]:
    """US states, big cities and countries (lexicon family ``shortforms.places``), folded."""
    return knowledge().places


def __getattr__(name: str):
    """The old constants, read from the lexicon when first asked for (as the files have them)."""
    if name == "KNOWN_SHORT_FORMS":
        return {k: tuple(v) for k, v in lexicon.file_family("shortforms.institutions").entries}
    if name == "FIELD_SHORT_FORMS":
        return {k: tuple(v) for k, v in lexicon.file_family("shortforms.fields").entries}
    if name == "PLACE_WORDS":
        return _knowledge_for(None).places
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def words_of(name: str) -> list[str]:
    """Folded words of a name, '&' read as 'and', possessives and punctuation dropped."""
    name = fold(name).replace("&", " and ").replace("'s ", " ").replace("’s ", " ")
    name = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", name)  # J.P. -> JP
    return [w for w in re.split(r"[^\w]+", name) if w and w != "s"]


def compact(words: list[str] | tuple[str, ...]) -> str:
    return "".join(words)


def canonical(name: str) -> str:
    words = words_of(name)
    while words and words[0] == "the":
        words = words[1:]
    legal = knowledge().legal_suffixes
    while words and words[-1] in legal:
        words = words[:-1]
    return " ".join(words)


def _known_by_canonical() -> dict[str, tuple[str, ...]]:
    """The table of known short forms keyed by canonical names (as profiles' names are looked up:
    "The Boston Consulting Group" and "U.S. Department of State" find their rows)."""
    k = knowledge()
    if k.by_canonical is None:
        out: dict[str, tuple[str, ...]] = {}
        for key, forms in k.institutions.items():
            for name in dict.fromkeys((key, canonical(key),
                                       " ".join(w for w in words_of(key) if w not in ("u", "s", "us")))):
                out[name] = tuple(dict.fromkeys(out.get(name, ()) + tuple(forms)))
        k.by_canonical = out
    return k.by_canonical


def known_short_forms(key: str) -> tuple[str, ...]:
    """The nicknames and short forms the table knows for a canonical name (none: ())."""
    return _known_by_canonical().get(key, ())


def acronym(words: list[str], keep_connectors: bool = False) -> str:
    K = knowledge()
    letters = [w[0] for w in words if w and (keep_connectors and w in ("of", "and") or w not in K.connectors)]
    return "".join(letters)


def acronyms(words: list[str]) -> list[str]:
    """Initials with and without the small words: Virginia Department of Transportation -> VDT, VDOT."""
    return list(dict.fromkeys([acronym(words), acronym(words, keep_connectors=True)]))


_SUBSCHOOL = re.compile(r"\s+(?:school|college|faculty|department|institute)\s+of\s+.*$|\s+(?:law|medical|business|graduate)\s+school$")


def parent_school(key: str) -> str:
    """The university a school belongs to: "university of new mexico school of law" -> "university of new mexico"."""
    return _SUBSCHOOL.sub("", key)


def school_short_forms(name: str) -> list[tuple[str, bool]]:
    """Short forms for a school: (form, strong). Weak forms need an education context."""
    K = knowledge()
    words = canonical(name).split()
    forms: list[tuple[str, bool]] = [(" ".join(words), True)]
    if not words:
        return []
    places = K.places
    # "University of New Mexico School of Law" is also "University of New Mexico" (UNM)
    parent = _SUBSCHOOL.sub("", " ".join(words))
    if parent != " ".join(words) and len(parent.split()) >= 2:
        forms.extend(school_short_forms(parent))
    key = " ".join(words)
    for extra in known_short_forms(key):
        forms.append((extra, not _is_place(words_of(extra))))
    core = [w for w in words if w not in K.school_words]
    # "University of X" -> "X"; "X University" -> "X"; "X State University" -> "X State"
    if core and core != words:
        while core and core[0] in K.connectors:
            core = core[1:]
        while core and core[-1] in K.connectors:
            core = core[:-1]
        if core:
            forms.append((" ".join(core), not _is_place(core)))
            # "North Carolina State" -> "NC State", "New Mexico State" -> "NM State"
            if len(core) == 3 and core[-1] == "state" and _is_place(core[:2]):
                forms.append((core[0][0] + core[1][0] + " state", True))
    if len(words) >= 2:
        for letters in acronyms(words):
            if 2 <= len(letters) <= 6:
                forms.append((letters, True))
    # "Xavier University of Louisiana" -> "Xavier"; "The Evergreen State College" -> "Evergreen";
    # "Colorado School of Mines" -> "Mines"
    if words[0] not in K.school_words and words[0] not in K.connectors and words[0] not in places \
            and len(words) >= 3 and len(words[0]) >= 4:
        forms.append((words[0], True))
    if "school" in words and words.index("school") + 2 < len(words) + 1 and words[words.index("school") + 1:][:1] == ["of"]:
        tail = words[words.index("school") + 2:]
        if len(tail) == 1 and tail[0] not in places:
            forms.append((tail[0], False))
    if words[0] == "university" and len(words) >= 3 and words[1] == "of":
        forms.append(("u of " + words[2], True))
        forms.append(("u" + words[2], True))
        # University of California, Davis -> UC Davis; University of Texas at Dallas -> UT Dallas
        rest = words[2:]
        for state, short in knowledge().systems:  # lexicon family shortforms.systems
            sw = state.split()
            if rest[: len(sw)] == sw and len(rest) > len(sw):
                campus = [w for w in rest[len(sw):] if w not in ("at",)]
                if campus:
                    forms.append((short + " " + " ".join(campus), True))
                    forms.append((short + "-" + " ".join(campus), True))
    if len(words) >= 3 and words[0] == "california" and words[1] == "state" and words[2] == "university":
        campus = [w for w in words[3:] if w not in ("at",)]
        if campus:
            forms.append(("cal state " + " ".join(campus), True))
    # a campus after a comma or "at" ("California State University, Fullerton"): alone, with context
    campus_part = re.split(r",|\s+at\s+", fold(name))
    if len(campus_part) >= 2:
        campus = [w for w in canonical(campus_part[-1]).split() if w not in K.connectors]
        if 1 <= len(campus) <= 2 and campus != words and not (set(campus) & K.school_words):
            forms.append((" ".join(campus), False))
    if len(words) >= 4 and words[:4] == ["state", "university", "of", "new"] and "york" in words:
        campus = [w for w in words[words.index("york") + 1:] if w not in ("at",)]
        if campus:
            forms.append(("suny " + " ".join(campus), True))
    return forms


def employer_short_forms(name: str) -> list[tuple[str, bool]]:
    """Short forms for an employer: (form, strong)."""
    K = knowledge()
    words = canonical(name).split()
    if not words:
        return []
    known = [(extra, True) for extra in known_short_forms(" ".join(words))]
    # "U.S. Army" -> "Army"; "United States Navy" -> "Navy"
    for prefix in (["us"], ["u", "s"], ["united", "states"]):
        if words[: len(prefix)] == prefix and len(words) > len(prefix):
            rest = words[len(prefix):]
            return [(" ".join(words), True), (" ".join(rest), True)] + known + employer_short_forms(" ".join(rest))[1:]
    forms: list[tuple[str, bool]] = [(" ".join(words), True)]
    forms.extend(known)
    trimmed = list(words)
    while len(trimmed) > 1:
        # drop a trailing descriptor (of one or more words: "Health System", "Co-op") or connector
        tail = next((len(t) for t in K.descriptor_tails if len(t) < len(trimmed) and tuple(trimmed[-len(t):]) == t),
                    1 if trimmed[-1] in K.connectors else 0)
        if not tail:
            break
        trimmed = trimmed[:-tail]
        if trimmed[-1] not in K.connectors and not _is_place(trimmed):  # "Ohio Department of Health" is not "Ohio"
            forms.append((" ".join(trimmed), True))
    if len(words) >= 2 and words[0] not in K.connectors and len(words[0]) >= 4 and words[0] not in K.descriptors \
            and words[0] not in K.places and words[1] not in ("county", "city", "state", "district", "parish", "township"):
        # "Portland" alone is the city, not Portland Parks & Recreation; "Medina" is not Medina County Health
        forms.append((words[0], True))
    if len(words) >= 3:
        for letters in acronyms(words):
            if 3 <= len(letters) <= 6:
                forms.append((letters, True))
    # "IBEW Local 48" -> "Local 48"
    for i in range(len(words) - 1):
        if words[i] == "local" and words[i + 1].isdigit():
            forms.append((f"local {words[i + 1]}", True))
    if any(w in K.school_words for w in words):  # an employer that is a school
        forms.extend(school_short_forms(name))
    return forms


def _is_place(words: list[str]) -> bool:
    K = knowledge()
    places = K.places
    return bool(words) and all(w in places or w in K.connectors for w in words)


def needs_capitals(form: str) -> bool:
    """A short form that is also an ordinary word ('Target', 'Meridian', 'UM') must be written
    with a capital letter to count (unless the whole note is in lower case)."""
    words = words_of(form)
    if len(words) != 1:
        return False
    word = words[0]
    return word in english_words() or (len(word) <= 3 and form.isupper())


def field_forms(field: str) -> tuple[str, ...]:
    """The forms of a field of study: 'Economics' -> econ, economics, ..."""
    return _field_forms(field, lexicon.active_changes())


@lru_cache(maxsize=1024)
def _field_forms(field: str, _changes) -> tuple[str, ...]:
    key = canonical(field)
    forms = [key]
    for canon, shorts in knowledge().fields.items():
        if key == canon or key in shorts or canon in key:
            forms.append(canon)
            forms.extend(shorts)
    return tuple(dict.fromkeys(f for f in forms if f))
