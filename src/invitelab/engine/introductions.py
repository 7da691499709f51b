"""Who the sender says they are: a role or an affiliation in the note (“I'm a junior at Ohio
State”, “Fellow nurse here”, “As a first-gen student, I ...”) or in the signature (RUBRIC.md,
self_intro). Read for ``self_intro``; the words and patterns are in ``lexicon/introductions.toml``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import facts as F
from .note import fold
from .shortforms import place_words, words_of
from .structure import greeting_word
from .words import stopwords

if TYPE_CHECKING:
    from .reading import Reading


class Introduction(NamedTuple):
    # "role" | "affiliation" (a school, employer or group said to be the sender's) | "signature"
    # | "wants_only" (says what they want, not who they are) | "none"
    kind: str
    span: tuple[int, int] | None = None


def _role_in(phrase: str, r: Reading, limit: int = 6) -> bool:
    if r.lex("introductions.role_clause").pattern.match(phrase):
        return True
    words = re.findall(r"[\w'&-]+", phrase)[:limit]
    words = [part for w in words for part in ([w] + (w.split("-") if "-" in w and not w.lower().startswith("pre-") else []))]
    for w in words:
        low = w.lower().strip("'")
        if low.endswith("'s"):
            low = low[:-2]  # "a nurse's aide"
        if low in r.lex("introductions.role_blockers").word_set:
            return False  # "a big fan of", "an aspiring designer", "a hard worker"
        if low in r.lex("introductions.not_roles").word_set:
            continue  # a hobby is not a role, but "a chess player and a nursing student" goes on
        if low in r.lex("introductions.role_words").word_set or low.rstrip("s") in r.lex("introductions.role_words").word_set or (low.startswith("pre-") and low[4:] in r.lex("introductions.role_words").word_set):
            return True
        if r.lex("introductions.role_suffix").pattern.match(low) and low not in stopwords() and low not in (
                "after", "under", "other", "never", "ever", "however", "whether", "together", "rather",
                "current", "recent", "different", "excellent", "important", "relevant", "patient") and \
                re.search(rf"\b{re.escape(w)}\s+(?:at|for|with|in|on)\s+\w", phrase, re.IGNORECASE):
            return True  # "an IT generalist at a clinic": a role by its form, with an affiliation
        if re.fullmatch(r"'?\d{2}|20\d\d", low):
            return True
    for m in re.finditer(r"\b(at|from|with)\s+([A-Z][\w&'-]*)", phrase):
        if m.group(1) != "from" or fold(m.group(2)) not in place_words():
            return True
    if r.sender and words:
        sender_facts = F.profile_facts(r.sender)
        keys = {"".join(words_of(w)) for w in words}
        if any(k in sender_facts.orgs for k in keys if len(k) > 2):
            return True
    return False


def _signature_role(r: Reading) -> tuple[int, int] | None:
    """A signature that carries a role or affiliation: "Alex Rivera, Ohio State '27",
    "– Alex | CS @ CMU", or a name line followed by "BSN student, Ohio State"."""
    note = r.note
    text = note.text.rstrip()
    closing = r.closing
    if closing is not None:
        region_start = closing.end
    else:
        last_break = text.rfind("\n")
        if last_break < 0:
            region_start = F.trailing_signature(note)
            if region_start is None:
                return None
        else:
            region_start = last_break + 1
    region = text[region_start:]
    if not region.strip() or len(region.strip()) > 160 or r.greeting and r.greeting.start >= region_start:
        return None
    lines = [ln.strip(" -–—\t,.!") for ln in region.split("\n") if ln.strip(" -–—\t,.!")]
    if not lines:
        return None
    joined = " | ".join(lines)
    m = re.match(r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'.-]+){0,2})\s*(?:[,|(/]|\s[-–—]\s)\s*(?P<tail>.{2,80})$", joined)
    if not m:
        return None
    tail = m.group("tail")
    place_only = (re.fullmatch(r"[A-Z][\w.' -]*?(?:,\s*|\s+)(?:[A-Z]{2}|[A-Z][a-z]+)\.?", tail.strip())
                  or re.fullmatch(r"[A-Z]{2}\.?", tail.strip())) and not r.lex("introductions.org_words").pattern.search(tail)
    if fold(m.group("name").split()[0]) in place_words() and re.fullmatch(r"[A-Z]{2}\.?|[A-Z][a-z]+", tail.strip()):
        return None  # "Columbus, OH": a city and state, not a name and an affiliation
    if r.lex("introductions.signature_marks").search(tail) or _role_in(tail, r) or \
            (re.search(r"\b[A-Z][\w&]+", tail) and not place_only and
             not all(w.lower().strip(",.") in place_words() for w in re.findall(r"[A-Za-z]+", tail))):
        start = region_start + region.find(m.group("name"))
        return start, len(text)
    return None


_CLAUSE_END = ".!?\n,"


def _first_word_blank(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when the first word after ``start`` that is not a stopword lies in a placeholder (or
    there is none before ``end``): "I work in [field]", "I'm working on [project name]"."""
    stop = stopwords()
    for w in re.finditer(r"[^\W\d_][\w'&-]*", text[start:end]):
        if w.group(0).lower() not in stop:
            return _has_placeholder(spans, start + w.start(), start + w.end())
    return _has_placeholder(spans, start, end)


def _has_placeholder(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


# Families of introductions.toml, tried in this order after the patterns above; a match whose
# words are only a placeholder does not count. introductions.fellow_peers also needs a role word
# (or a capitalised group name) after "fellow": "fellow data scientists", not "fellow professionals".
# Each runs only on a note (lower-cased) holding one of its needles: speed.
INTRO_FAMILIES = (
    ("introductions.fellow_role", ("fellow",)),
    ("introductions.shared_background", ("we ",)),
    ("introductions.venture", ("build", "launch", "found", "bootstrap")),
    ("introductions.named_org_work", (" at ", " with ")),
    ("introductions.enrolled", ("attend", "enrol", "joined", "started", "taking", "completing", "doing")),
    ("introductions.career_change", ("career", "journey", "decided", "studying", "returning", "coming back")),
    ("introductions.fellow_peers", ("fellow",)),
)


def read_introduction(r: Reading) -> Introduction:
    """Where the note says who the sender is (a role, an affiliation, a signature), or that it does not."""
    note = r.note
    text = note.text
    holes = r.placeholders
    plain = r.blanked if holes else text  # placeholders as spaces, same offsets: "[role]" is no role
    for pattern in (r.lex_re("introductions.im_a", ("i'm", "i am", "im ")), r.lex_re("introductions.name_appositive", ("i'm", "i am", "my name", "this is"))):
        for m in pattern.finditer(text):
            phrase = plain[m.start("phrase"):m.end("phrase")] if "phrase" in m.groupdict() and m.group("phrase") else None
            org = plain[m.start("org"):m.end("org")] if m.groupdict().get("org") else None
            if org:
                lead = re.match(r"[A-Z][\w&'.-]*(?:\s+(?:of|the|and|&|at|[A-Z][\w&'.-]*))*", org)
                org = lead.group(0) if lead else None
            if org and all(w.lower().strip(",.") in place_words() for w in org.split()[:3] if w[:1].isalpha()):
                org = None  # "I'm Alex from Dayton": a home town, not an affiliation
            if org or (phrase and _role_in(phrase, r, limit=8)):
                return Introduction("role", (m.start(), m.end()))
    vague = r.lex("introductions.vague_field")
    vague_fields = {m.start() for m in vague.finditer(text)} if vague.changed or "work" in text else set()
    for pattern in (r.lex_re("introductions.im_doing", ("i'm", "i am", "im ")), r.lex("introductions.i_verb").pattern):
        for m in pattern.finditer(text):
            if m.start() in vague_fields:
                continue  # not "I work in this space"
            end = min(len(text), m.end() + 30)
            end = next((i for i in range(m.end(), end) if text[i] in _CLAUSE_END), end)
            if holes and _first_word_blank(text, holes, m.end(), end) or \
                    r.lex("introductions.together").pattern.match(text, m.end()):
                continue  # "I work in [field]": the field is only a placeholder;
                # "we studied together": how they know someone, not who they are
            return Introduction("role", (m.start(), end))
    for m in r.lex_re("introductions.as_a", ("as ", "being ")).finditer(text):
        if r.lex("introductions.then_you").pattern.match(text, m.end()):
            continue  # "As a recruiter, could you ...": the recipient's role
        if m.group("after").lower() not in r.lex("introductions.you_words").word_set and \
                _role_in(plain[m.start("phrase"):m.end("phrase")], r, limit=12):
            return Introduction("role", (m.start(), m.end()))
    for m in r.lex_re("introductions.here", ("here",)).finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        after = re.match(r"\s*[,:(-]\s*([^.!?\n;)]{2,60})", plain[m.end():])
        if _role_in(phrase, r) or r.lex("introductions.fellow").search(phrase) or (after and _role_in(after.group(1), r, limit=4)):
            end = m.end() + (after.end() if after and not _role_in(phrase, r) else 0)
            start = m.start("phrase")
            g = r.greeting
            if g and start < g.end < m.end():  # "Hi Dr. Dubois, LSU alum here": the words after the greeting
                start = g.end + len(text[g.end:m.end()]) - len(text[g.end:m.end()].lstrip(" ,:-\t"))
            return Introduction("role", (start, end))
    for m in r.lex("introductions.sentence_a").pattern.finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        if _role_in(phrase, r, limit=4) and r.lex("introductions.me_words").search(text[m.end(): m.end() + 40]) is not None \
                and not r.lex("introductions.you_words").search(phrase):
            return Introduction("role", (m.start("phrase"), m.end()))
    for m in r.lex("introductions.role_opening").pattern.finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        greeting = r.greeting
        if greeting and m.start("phrase") < greeting.end or greeting_word(r.lex("greetings.words")).match(phrase):
            continue
        if r.lex("introductions.then_asks_you").pattern.match(text, m.end("phrase")):
            continue  # "As a recruiter, could you ...": the recipient's role
        if _role_in(phrase, r, limit=8) and not r.lex("introductions.you_words").search(phrase):
            return Introduction("role", (m.start("phrase"), m.end("phrase")))
    m = r.lex_re("introductions.we_both", ("both",)).search(text)
    if m and not r.lex("introductions.not_shared_roles").pattern.match(m.group("phrase")) and \
            _role_in(plain[m.start("phrase"):m.end("phrase")], r, limit=6):
        return Introduction("role", (m.start(), m.end()))
    low = text.lower()
    for fid, needles in INTRO_FAMILIES:
        if not (r.lex(fid).changed or any(n in low for n in needles)):
            continue
        m = next((m for m in r.lex(fid).finditer(text) if not _has_placeholder(holes, m.start(), m.end())), None)
        if m and fid == "introductions.fellow_peers":
            peers = re.split(r"(?i)\bfellow\s+", m.group(0), maxsplit=1)[-1]
            if not (_role_in(peers, r) or re.match(r"[A-Z][a-z]", peers)):
                m = None
        if m:
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\n.!?-–—"))
            return Introduction("role", (start, m.end()))
    # an affiliation stated about the sender: "Meridian intern here", "Ohio State ..., same as me!"
    for mentions in (r.sender_mentions, r.recipient_mentions):
        for mention in mentions:
            if mention.fact.kind in ("school", "employer", "group") and mention.side in ("sender", "shared") and mention.exact:
                return Introduction("affiliation", (mention.start, mention.end))
    sig = _signature_role(r)
    if sig:
        return Introduction("signature", sig)
    if r.lex("introductions.wants_only").search(text):
        return Introduction("wants_only")
    return Introduction("none")
