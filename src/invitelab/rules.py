"""The ten criteria of the invitation rubric: one small pure function each, plus metadata.

Every rule takes the read note and the context (recipient, sender, rubric) and returns a
:class:`~invitelab.findings.Finding` with evidence (the words that decided it, or what is
missing) and, when it does not pass, a suggestion that names something from the profile.
Rules are registered, in order, in :data:`CRITERIA` at the end of this module.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import facts as F
from .findings import Finding
from .profiles import Profile
from .rubric import Rubric
from .shortforms import PLACE_WORDS, words_of
from .text import STOPWORDS, Note, english_words, fold, lazy_compile, phrase_pattern

# --- Context and compiled phrase lists --------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    sign_off: re.Pattern[str]
    thanks: re.Pattern[str]
    pleasantry: re.Pattern[str]
    default_text: re.Pattern[str]
    placeholder_words: re.Pattern[str]
    text_speak: frozenset[str]
    acronyms: frozenset[str]
    hard_ask: re.Pattern[str]
    vague_purpose: re.Pattern[str]
    non_purpose: re.Pattern[str]


@lru_cache(maxsize=32)
def patterns_for(rubric: Rubric) -> Patterns:
    p = rubric.phrase_list
    return Patterns(
        sign_off=phrase_pattern(p("sign_offs")),
        thanks=phrase_pattern(p("thanks")),
        pleasantry=phrase_pattern(p("pleasantries")),
        default_text=phrase_pattern(p("default_texts")),
        placeholder_words=phrase_pattern(p("placeholders"), case_sensitive=True),
        text_speak=frozenset(w.lower() for w in p("text_speak")),
        acronyms=frozenset(w.upper() for w in p("acronyms")),
        hard_ask=phrase_pattern(p("hard_asks")),
        vague_purpose=phrase_pattern(p("vague_purposes")),
        non_purpose=phrase_pattern(p("non_purposes")),
    )


class Context:
    """What every rule may look at besides the note: the profiles and the rubric."""

    __slots__ = ("recipient", "sender", "rubric", "patterns", "_names")

    def __init__(self, recipient: Profile | None, sender: Profile | None, rubric: Rubric):
        self.recipient = recipient
        self.sender = sender
        self.rubric = rubric
        self.patterns = patterns_for(rubric)
        self._names: set[str] | None = None


def _memo(note: Note, key: str, compute: Callable[[], object]):
    cache = note.__dict__.setdefault("_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _finding(criterion: str, status: str, evidence: str, suggestion: str = "",
             span: tuple[int, int] | None = None, warning: str = "") -> Finding:
    return Finding(criterion, status, evidence, suggestion if status != "pass" else "", span=span,
                   warning=warning)


def _first(profile: Profile | None) -> str:
    return profile.first_name if profile else "the recipient"


def _quote(note: Note, start: int, end: int) -> str:
    return f"“{note.snippet(start, end)}”"


# --- Greeting, closing and sentence structure (shared by several rules) -----------------------

GREET_WORDS = (
    r"(?:hi|hii+|hello|hello+|hey|heya|hiya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|"
    r"hola|bonjour|hallo|ciao|salut|namaste|howdy|yo|salaam|shalom|aloha|ola|olá|oi|buongiorno|buonasera|"
    r"buenos\s+d[ií]as|buenas\s+tardes|buenas|guten\s+(?:tag|morgen)|bonsoir|hej|hei|moin|servus|"
    r"konnichiwa|merhaba|salve|saludos|as-?salamu\s+alaykum|sawubona|jambo|habari)"
)
TITLES = (r"(?:sir|madam|madame|mr|mrs|ms|mx|miss|dr|dra|prof|professor|doctor|coach|dean|rev|sr|sra|srta|herr|frau|mme|mlle|lic|licda|ing|arq|mtro|mtra|attorney|judge|pastor|sister|brother|chef|captain|capt|ranger|chaplain|officer|sergeant|sgt|lieutenant|lt|detective|"
          r"trooper|commissioner|councilmember|councilwoman|councilman|senator|governor|mayor|principal|"
          r"superintendent|chancellor|provost|reverend|father|fr|rabbi|imam|deacon|elder|nurse)")
_GREETING = lazy_compile(rf"^\s*(?P<greet>{GREET_WORDS})\b[ \t,!.:;-]*(?P<rest>[^\n]*)", re.IGNORECASE)
_TITLE = lazy_compile(rf"^(?P<title>{TITLES})\.?\s+", re.IGNORECASE)
_LEAD_NAME = lazy_compile(
    rf"^\s*(?:(?P<title>{TITLES})\.?\s+)?(?P<name>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){{0,2}})"
    r"\s*(?:,|:|!|\s-\s?|-\s)",
    re.IGNORECASE,
)
_PLACEHOLDER_BRACKETS = lazy_compile(
    r"\[[^\[\]\n]{1,40}\]|\{\{?[^{}\n]{1,40}\}?\}|<\s*(?:first|last|full|your|their|recipient|company|"
    r"school|name|title|role|position|insert|job|university|industry|field|topic|event|contact|"
    r"person|manager|recruiter|team|city|date)[^<>\n]{0,30}>|_{3,}",
    re.IGNORECASE, needles=('[', '{', '<', '___'))
GENERIC_ADDRESSEES = frozenset(
    """there all everyone everybody team sir madam sirs madams sir/madam friend friends hiring
    manager recruiter recruiters future colleague colleagues professional connection mentor
    folks guys y'all yall whom concern it may concern linkedin member user""".split()
)


@dataclass(frozen=True)
class Greeting:
    start: int
    end: int
    greet: str  # the greeting word, or "" when the note opens with the name
    title: str
    name: str  # what the writer put where the name goes ("" when nothing)


def read_greeting(note: Note) -> Greeting | None:
    """The opening greeting ("Hi Dana,", "Dear Ms. Whitfield", "Dana -"), if any."""

    def compute() -> Greeting | None:
        text = note.text
        m = _GREETING.match(text)
        if m:
            rest = m.group("rest")
            offset = m.start("rest")
            title = ""
            if re.search(r"[!.?]", text[m.end("greet"): m.start("rest")]):
                return Greeting(m.start("greet"), m.end("greet"), m.group("greet"), "", "")  # "Hey! Wanna connect?"
            t = _TITLE.match(rest)
            if t:
                title, offset, rest = t.group("title"), offset + t.end(), rest[t.end():]
            ph = _PLACEHOLDER_BRACKETS.match(rest) or note_placeholder_word(note, rest)
            if ph:
                return Greeting(m.start("greet"), offset + ph.end(), m.group("greet"), title, ph.group(0))
            name_words = _name_words(rest, note.all_lowercase or m.group("greet").islower())
            if name_words:
                end = offset + name_words[1]
                return Greeting(m.start("greet"), end, m.group("greet"), title, rest[: name_words[1]])
            return Greeting(m.start("greet"), m.end("greet"), m.group("greet"), title, "")
        whole = text.strip()
        if whole and len(whole) <= 40 and re.fullmatch(r"(?:[^\W\d_][\w'-]*\s*){1,3}[.!]?", whole):
            start = text.index(whole[0])
            name = whole.rstrip(".!")
            return Greeting(start, start + len(name), "", "", name)
        m = _LEAD_NAME.match(text)
        if m:
            name = m.group("name")
            words = name.split()
            if len(words) <= 3:
                return Greeting(m.start("name") if not m.group("title") else m.start("title"),
                                m.end("name"), "", m.group("title") or "", name)
        return None

    return _memo(note, "greeting", compute)


def note_placeholder_word(note: Note, rest: str):
    return re.match(r"(?:[A-Z]{2,}[ _]?){1,3}\b", rest) if re.match(r"[A-Z_ ]+\b", rest[:20] or "") and \
        patterns_for_default().placeholder_words.match(rest) else None


@lru_cache(maxsize=1)
def patterns_for_default() -> Patterns:
    from .rubric import default_rubric

    return patterns_for(default_rubric())


def _name_words(rest: str, all_lower: bool) -> tuple[list[str], int] | None:
    """The words in the name slot after a greeting word, and where they end."""
    words: list[str] = []
    end = 0
    for m in re.finditer(r"[^\W\d_][\w'-]*|[^\w\s]+|\s+", rest):
        piece = m.group(0)
        if piece.isspace():
            if "\n" in piece:
                break
            continue
        if not piece[0].isalpha():
            if piece in ("-", "'") and not (words and piece == "-"):
                continue  # "Hi - Dana"; but "Hi Samuel - Kroger store manager here" ends the name
            break
        low = piece.lower()
        if words:
            if low in STOPWORDS or low in ("hope", "saw", "noticed", "came", "am", "read", "wanted"):
                break
            if not all_lower and not piece[0].isupper():
                break
            if all_lower and len(words) >= 1:
                # lower-case note: a second word is part of the name only before a comma
                follow = rest[m.end(): m.end() + 2]
                if not follow.startswith((",", " -", ":", "!")):
                    break
        elif low in STOPWORDS:
            break
        elif not all_lower and not piece[0].isupper() and low not in ("there", "again"):
            break  # a name is written with a capital in a note that uses capitals
        elif low in ("there", "again") and re.match(r"\s+[^\W\d_]", rest[m.end():]):
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


def read_closing(note: Note, ctx: Context) -> Closing | None:
    """A courteous sign-off that ends the note ("Best, Alex", "Thanks!", "Gracias")."""

    def compute() -> Closing | None:
        text = note.text.rstrip()
        tail_start = max(0, len(text) - 120)
        best = None
        tail = text[tail_start:]
        same_length = fold(tail) if len(fold(tail)) == len(tail) else tail
        for m in list(ctx.patterns.sign_off.finditer(tail)) + (list(ctx.patterns.sign_off.finditer(same_length)) if same_length != tail else []):
            start = tail_start + m.start()
            before = text[max(0, start - 2): start]
            at_boundary = start == 0 or re.search(r"(^|[.!?\n,;:)-]\s*$|^\s*$)", text[max(0, start - 3): start]) or \
                text[:start].strip() == "" or before.endswith(("\n", ". ", "! ", ", ", "- "))
            if not at_boundary:
                continue
            after = text[tail_start + m.end():]
            if _looks_like_signature(after):
                best = Closing(start, tail_start + m.end(), m.group(0))
        return best

    return _memo(note, "closing", compute)


_SIGNATURE_BAD = lazy_compile(r"\?|\b(?:you|your|would|could|can|will|hope|love|like|want|please)\b")  # lower case: "Best, Will" is a name


def _looks_like_signature(after: str) -> bool:
    """What may follow a sign-off: punctuation, a name, a short role or school line."""
    rest = _PLACEHOLDER_BRACKETS.sub("", after).strip(" \t,.!:-—–\n")
    if not rest:
        return True
    if not (rest[0].isupper() or not rest[0].isalpha()):
        return False  # "thanks for the advice" goes on as a sentence: not a sign-off
    if len(rest) > 70 or _SIGNATURE_BAD.search(rest):
        return False
    # no full sentence after the sign-off
    return not re.search(r"[.!]\s+[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}", rest)


def body_span(note: Note, ctx: Context) -> tuple[int, int]:
    """The part of the note between the greeting and the sign-off."""
    g = read_greeting(note)
    c = read_closing(note, ctx)
    start = g.end if g else 0
    end = c.start if c else len(note.text)
    return start, max(start, end)


# --- 1. greeting ------------------------------------------------------------------------------


def _similar(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio >= 0.7 or (len(a) >= 4 and len(b) >= 4 and _edit1(a, b))


def _edit1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _name_parts(profile: Profile) -> tuple[set[str], set[str], list[str]]:
    full = [fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", profile.name)]
    firsts = {fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", profile.first_name)} | ({full[0]} if full else set())
    lasts = {full[-1]} if len(full) > 1 else set()
    if len(full) > 2:
        lasts.add(" ".join(full[1:]))
    return firsts, lasts, full


def check_greeting(note: Note, ctx: Context) -> Finding:
    cid = "greeting"
    recipient = ctx.recipient
    who = recipient.first_name if recipient else "the recipient"
    how = (f"“Hi {recipient.first_name},”" + (f" or “Dear Ms./Mr./Dr. {recipient.last_name},”" if recipient.last_name else "")
           if recipient else "their name (“Hi Dana,”)")
    g = read_greeting(note)
    if note.is_empty:
        return _finding(cid, "fail", "The note is empty.", f"Open with {how}.")
    if g is None:
        # a vocative near the start: "Great to meet you, Dana!"
        if recipient:
            firsts, _, _ = _name_parts(recipient)
            for m in re.finditer(r",\s*([^\W\d_][\w'-]*)\s*[,.!?]", note.text[:100]):
                if fold(m.group(1)) in firsts:
                    return _finding(cid, "pass", f"Addresses {who} by name: {_quote(note, m.start(1), m.end(1))}",
                                    span=(m.start(1), m.end(1)))
        return _finding(cid, "fail", "No greeting with the recipient's name at the start.",
                        f"Open with {how}.")
    span = (g.start, g.end)
    said = _quote(note, g.start, g.end)
    if not g.name:
        return _finding(cid, "fail", f"The greeting {said} has no name.", f"Add {who}'s name: {how}.", span)
    name_words = [fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", g.name)]
    raw_name = g.name.strip()
    if _PLACEHOLDER_BRACKETS.search(raw_name) or (raw_name.isupper() and ctx.patterns.placeholder_words.search(raw_name)):
        return _finding(cid, "fail", f"The greeting has an unfilled placeholder: {said}.",
                        f"Replace it with {who}'s name: {how}.", span)
    if not name_words or name_words[0] in GENERIC_ADDRESSEES or "/" in raw_name:
        return _finding(cid, "fail", f"The greeting {said} does not use a name.", f"Use {who}'s name: {how}.", span)
    if recipient is None:
        if g.greet or (g.name[:1].isupper() and name_words[0] not in english_words()):
            return _finding(cid, "pass", f"Greets someone by name: {said}", span=span)
        return _finding(cid, "fail", "No greeting with a name at the start.", f"Open with {how}.")
    firsts, lasts, full = _name_parts(recipient)
    title = bool(g.title)
    first_word = name_words[0]
    ok = (
        first_word in firsts
        or name_words == full
        or " ".join(name_words) in firsts
        or (title and (name_words[-1] in lasts or " ".join(name_words) in lasts))
    )
    if ok and len(name_words) > 1 and first_word in firsts and not title:
        # "Dana Whitfeld": a first name then a misspelled last name
        extra = name_words[1:]
        if extra and not (extra == full[1:] or " ".join(extra) in lasts) and any(_similar(w, last) for w in extra for last in lasts):
            ok = False
    if ok:
        return _finding(cid, "pass", f"Greets {who} by name: {said}", span=span)
    if not g.greet and not title:
        # The note opens with some other word and a comma ("Quick question, ..."): not a greeting
        if not any(_similar(w, n) for w in name_words[:1] for n in firsts | lasts):
            return _finding(cid, "fail", "No greeting with the recipient's name at the start.", f"Open with {how}.")
    if any(_similar(w, n) for w in name_words for n in firsts | lasts):
        return _finding(cid, "fail", f"The name is misspelled: {said}; the profile says {recipient.name}.",
                        f"Spell it exactly as the profile does: {how}. A misspelled name is the first thing a reader notices.",
                        span)
    if name_words[0] in lasts and not title:
        return _finding(cid, "fail", f"The greeting uses the last name without a title: {said}.",
                        f"Use {how}.", span)
    return _finding(cid, "fail", f"Wrong name: {said}, but this note goes to {recipient.name}.",
                    f"Use the recipient's name: {how}. Check it before sending a note you adapted from another.",
                    span)


# --- 2. self_intro ----------------------------------------------------------------------------

ROLE_WORDS = frozenset(
    """student students junior senior sophomore freshman freshmen first-year second-year third-year
    fourth-year final-year undergrad undergraduate grad graduate postgrad alum alumna alumnus
    alumni major minor engineer developer programmer nurse teacher analyst designer intern
    researcher scientist candidate consultant manager coordinator assistant associate specialist
    officer director founder cofounder co-founder entrepreneur veteran writer journalist artist
    musician photographer accountant economist athlete student-athlete volunteer organizer
    librarian pharmacist therapist counselor advisor adviser paralegal lawyer attorney
    technician medic emt paramedic physician doctor resident mba phd masters master's bachelor's
    transfer apprentice trainee recruiter sourcer marketer strategist planner educator tutor ta
    instructor professor lecturer postdoc chemist biologist physicist mathematician statistician
    actuary auditor banker trader cashier barista server bartender clerk mechanic electrician
    carpenter chef cook member captain president treasurer secretary chair ambassador rep
    representative cadet soldier marine sailor nurse-turned first-gen first-generation
    international exchange vet vets buckeye wolverine spartan bruin trojan longhorn aggie hokie
    badger hoosier gator husky boilermaker terp jr sr pm product producer editor reporter
    creator coach scholar grad-student classmate peer admit incoming rising newly recent current
    tech rn lpn cna np pa emt-b bsn msn lead generalist supervisor clerk aide staff nanny
    caregiver
    pre-med premed pre-law prelaw pre-vet pre-health pre-pharmacy guide estudiante egresado egresada étudiant étudiante filmmaker photographer videographer organizer
    chaplain pastor minister priest rabbi imam welder electrician plumber lineman machinist
    executive agent broker principal superintendent owner
    operator dispatcher firefighter detective ranger guard sergeant lieutenant dentist hygienist surgeon
    veterinarian vet technologist worker clerk host farmer rancher administrator paraprofessional
    archivist curator conservator docent interpreter translator linguist surveyor helper apprentice
    pre-apprentice trainer instructor coder programmer barber stylist cosmetologist driver pilot
    mechanic dancer singer actor actress athlete coach player-coach pharmacist scholar""".split()
)
NOT_ROLE = frozenset(
    """fan admirer follower believer reader lover listener viewer supporter subscriber bit little
    lot huge big firm strong quick longtime long-time avid person learner thinker doer hard
    go-getter self-starter player user customer client number other matter letter order answer
    dreamer enthusiast aspiring future wannabe would-be hopeful prospective runner climber
    birder surfer hiker swimmer cyclist biker gamer baker gardener traveler traveller skier
    snowboarder boulderer knitter golfer angler fisher fisherman foodie hobbyist collector
    birdwatcher kayaker camper sailor-at-heart nerd geek junkie buff beginner newbie novice""".split()
)
ROLE_BLOCKERS = frozenset(
    """fan fans admirer follower believer bit little lot huge big firm strong quick aspiring future wannabe
    would-be hopeful prospective person learner thinker doer hard go-getter self-starter""".split()
)
_ROLE_SUFFIX = lazy_compile(r"[a-z]{3,}(?:ist|er|or|ian|ant|ent|ee)s?$")
_IM_A = lazy_compile(
    r"\b(?:i'?m|i\s+am|im)\s+(?:currently\s+|now\s+|also\s+|just\s+|actually\s+|still\s+|"
    r"proud\s+to\s+be\s+)?(?:a|an|the)\s+(?P<phrase>[^.!?\n;]{1,80})",
    re.IGNORECASE, needles=("i'm", 'i am', 'im '))
_IM_DOING = lazy_compile(
    r"\b(?:i'?m|i\s+am|im)\s+(?:currently\s+|now\s+|also\s+)?(?:studying|majoring|minoring|pursuing|"
    r"completing|graduating|finishing\s+(?:my|a|an)|doing\s+(?:my|a|an)|working\s+(?:at|as|in|on|for|with)|"
    r"interning|enrolled|in\s+my\s+(?:first|second|third|fourth|fifth|final|last|senior|junior|"
    r"sophomore|freshman)|in\s+the\s+[\w\s]{1,30}\s+program|part\s+of|on\s+the\s+[\w\s]{1,30}\s+team|"
    r"transitioning|switching|moving\s+(?:from|into)|pivoting|retraining|training\s+(?:as|to)|"
    r"a\s+member\s+of|with\s+(?=[A-Z])|at\s+(?=[A-Z])|"
    r"from\s+(?=[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*\s+(?:University|College|State|Institute|Tech|School|Academy))|"
    r"returning\s+to\s+(?:work|the\s+workforce|[A-Z]{2,}\b|\w+ing\b)|wrapping\s+up|finishing\s+up|"
    r"(?:starting|joining|beginning)\s+(?:at|with|as|my)\b|on\s+the\s+[\w\s-]{1,30}?\s+(?:track|path|team))",
    re.IGNORECASE, needles=("i'm", 'i am', 'im '))
_I_VERB = lazy_compile(
    r"\bi\s+(?:currently\s+|recently\s+|just\s+|also\s+|now\s+|will\s+)?(?:study|studied|work|worked|teach|"
    r"taught|manage|graduated|graduate|graduating|major|majored|intern|interned|volunteer|coordinate|serve|served|"
    r"attend|go\s+to|finished\s+my|started\s+my|completed\s+my|earned\s+my|spent\s+\w+\s+years|"
    r"lead\s+(?:the|a|our)|run\s+(?:the|a|our)|co-?founded|founded)\b"
    r"|\bi\s+was\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:[\w-]+(?:ist|er|or|ian|ant|ent|ee)|nurse|intern|tech|aide|assistant|"
    r"analyst|associate|fellow|teacher|tutor|student|volunteer|ta)\b"
    r"|\bi\s+(?:did|got|earned|finished|completed)\s+(?:my|a|an)\s+(?:bs|ba|ms|ma|mba|phd|bsn|msn|med|mph|mfa|"
    r"masters?|master's|bachelor'?s|undergrad|degree|doctorate)\b"
    r"|\bi\s+(?:currently\s+|also\s+)?(?:mentor|tutor|coach|advise|supervise|organize|coordinate)\s+\w"
    r"|\bi\s+(?:recently\s+|just\s+)?(?:joined|started\s+at|began\s+at)\s+\w"
    r"|\bi'?m\s+(?:now\s+|currently\s+)?in\s+(?:[A-Z]{2,}|sales|marketing|finance|tech|operations|nursing|education|"
    r"consulting|accounting|recruiting|engineering|design|product|data|healthcare|banking|retail|logistics)\b"
    r"|\b(?:i'?m|i\s+am)\s+(?:[A-Za-z-]+\s+){0,3}(?:student|engineer|nurse|teacher|analyst|manager|developer|designer)\s+(?:of|at|in|from)\b"
    r"|\bi\s+(?:lead|run|manage|head)\s+(?:[\w-]+\s+){0,2}(?:at|for)\s+[A-Z]"
    r"|(?:^|\n)\s*[•*-]\s*(?:[\w'&-]+\s+){0,3}(?:student|junior|senior|grad|alum|analyst|manager|engineer|nurse|teacher|"
    r"designer|developer|recruiter|intern|officer|specialist|coordinator|member)\b"
    r"|\bi'?m\s+(?:writing|doing|finishing|working\s+on|defending)\s+(?:my|a|an)\s+(?:[\w'-]+\s+){0,2}"
    r"(?:thesis|dissertation|capstone|practicum|residency|rotation|internship|apprenticeship)\b"
    r"|\b(?:question|one|note|hello|hi|greetings|message)\s+from\s+(?:a|an)\s+(?:[\w'&.-]+\s+){0,5}"
    r"(?:student|junior|senior|sophomore|freshman|grad|graduate|alum|major|nurse|teacher|engineer|analyst|intern|candidate|veteran)\b"
    r"|\b(?:soy|je\s+suis|sou|sono|ich\s+bin)\s+(?:un\s+|una\s+|une\s+|um\s+|uma\s+|ein\s+|eine\s+)?"
    r"(?:estudiante|egresad[oa]|ingenier[oa]|enfermer[oa]|profesor[a]?|étudiante?|ingénieure?|estudante|studente(?:ssa)?|student(?:in)?)\b"
    r"|\b(?:previously|formerly)\s+(?:a|an)\s+(?:[\w'-]+\s+){0,3}(?:[\w-]+(?:ist|er|or|ian|ant|ent)|nurse|intern|teacher|"
    r"analyst|associate|assistant|aide|tech)\s+(?:at|for|with|in)\b"
    r"|\(\s*(?:and\s+|also\s+)?(?:a|an)\s+(?:[\w'-]+\s+){0,3}(?:student|junior|senior|sophomore|freshman|grad|graduate|"
    r"alum|major|nurse|teacher|engineer|analyst|intern|veteran|vet|manager)\b"
    r"|(?:^|[.!?\n]\s*|(?:hi|hello|hey|dear)\s+[\w.'-]+[,!]\s*)(?:wrapping\s+up|finishing\s+up|finishing|completing)\s+"
    r"(?:my|a|an)\s+(?:[\w'-]+\s+){0,2}(?:degree|bs|ba|ms|mba|phd|associate|bachelor'?s|master'?s|program|certificate)\b"
    r"|\bi'?m\s+[^.!?\n]{0,60}\band\s+(?:worked|work|studied|study|taught|teach|interned|served|volunteer(?:ed)?)\s+(?:at|for|in|as|with)\s+\w"
    r"|\b(?:reaching\s+out|writing|connecting|messaging|asking)\s+(?:to\s+you\s+)?as\s+(?:a|an)\s+(?:[\w'-]+\s+){0,4}"
    r"(?:student|junior|senior|sophomore|freshman|grad|graduate|alum|major|nurse|teacher|engineer|analyst|intern|candidate)\b"
    r"|(?:^|[.!?\n]\s*|(?:hi|hello|hey|dear)\s+[\w.'-]+[,!]\s*)(?:currently\s+|now\s+)?"
    r"(?:studying|majoring\s+in|working\s+(?:at|as|in)|interning\s+at|pursuing\s+(?:a|an|my))\s+\w"
    r"|\bi'?m\s+(?:now\s+|currently\s+)?in\s+(?:[\w'-]+\s+){1,4}(?:program|programme|cohort|class|lab|chapter|club)\b"
    r"|\bi(?:'ve|\s+have)\s+(?:been\s+)?(?:managed|managing|led|leading|run|running|owned|coached|supervised|"
    r"working|worked|studying|studied|teaching|taught|volunteering|volunteered|"
    r"interning|interned|nursing|serving|served|spent\s+\w+\s+(?:years|months))\b"
    r"|\bi(?:'m|\s+am)\s+(?:currently\s+|now\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:turned|turning)\s+\w+",
    re.IGNORECASE,
)
_NAME_APPOSITIVE = lazy_compile(
    r"\b(?i:i'?m|i\s+am|my\s+name\s+is|this\s+is)\s+(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?|\{\{[^{}\n]{1,30}\}\}|\[[^\]\n]{1,30}\])\s*"
    r"(?:(?:,|\s-)\s*(?:(?:a|an|the)\s+)?(?P<phrase>[^.!?\n;]{1,60})|\s+(?:from|at|with)\s+(?P<org>[A-Z][^.!?\n;,]{1,40}))", needles=("i'm", 'i am', 'my name', 'this is'))
_AS_A = lazy_compile(r"\b(?:as|being)\s+(?:a|an|someone|somebody|one)\s+(?P<phrase>[^.!?\n;]{1,120}?)(?:,\s*|\s+)(?P<after>i|i'm|i've|i'd|my|im|we|what's|what|how|which|who|where|when|could|would|can|do|is|are|any)\b", re.IGNORECASE, needles=('as ', 'being '))
_HERE = lazy_compile(r"(?P<phrase>(?:[\w'&()+/-]+[,]?\s+){1,12})here\b", re.IGNORECASE, needles=('here',))
_ROLE_OPENING = lazy_compile(
    r"(?:^|[.!?\n]\s*|(?:hi|hello|hey|dear)\s+[\w.'-]+\s*(?:[,!]|\s[-–—])\s*)(?P<phrase>(?:currently\s+|now\s+)?(?:an?\s+)?"
    r"(?:current|recent|incoming|rising|former|proud)?\s*"
    r"(?:[\w'&()+-]+\s+){0,5}(?:student|junior|senior|sophomore|freshman|major|grad|graduate|alum|alumna|alumnus|"
    r"nurse|teacher|engineer|analyst|designer|developer|intern|candidate|veteran|vet|researcher|member|manager|"
    r"specialist|officer|coordinator|consultant|scientist|accountant|assistant|associate|fellow)"
    r"(?:\s+(?:at|from|in)\s+[\w&'-]+(?:\s+[A-Z][\w&'-]*){0,3})?)"
    r"(?=\s*(?:,|-|!|\.|\(|\+|\s+(?:reaching|writing|hoping|looking|interested|curious|who|and|with|too|here|on|in|at|now)\b))",
    re.IGNORECASE,
)
_WE_BOTH = lazy_compile(r"\bwe(?:'re|\s+are|\s+were)\s+both\s+(?P<phrase>[^.!?\n;]{2,60})", re.IGNORECASE, needles=('both',))
_SENTENCE_A = lazy_compile(r"(?:^|[.!?\n]\s*|-\s+)(?:a|an)\s+(?P<phrase>[^.!?\n;,]{1,60})", re.IGNORECASE)


def _role_in(phrase: str, ctx: Context, limit: int = 6) -> bool:
    if re.match(r"\s*(?:who\s+(?:studies|works|teaches|is\s+studying|majors)|studying|working\s+(?:in|at|as)|majoring)\b",
                phrase, re.IGNORECASE):
        return True
    words = re.findall(r"[\w'&-]+", phrase)[:limit]
    words = [part for w in words for part in ([w] + (w.split("-") if "-" in w and not w.lower().startswith("pre-") else []))]
    for w in words:
        low = w.lower().strip("'")
        if low.endswith("'s"):
            low = low[:-2]  # "a welder's helper"
        if low in ROLE_BLOCKERS:
            return False  # "a big fan of", "an aspiring designer", "a hard worker"
        if low in NOT_ROLE:
            continue  # a hobby is not a role, but "a deaf player and a UX student" goes on
        if low in ROLE_WORDS or low.rstrip("s") in ROLE_WORDS or (low.startswith("pre-") and low[4:] in ROLE_WORDS):
            return True
        if _ROLE_SUFFIX.match(low) and low not in STOPWORDS and low not in (
                "after", "under", "other", "never", "ever", "however", "whether", "together", "rather",
                "current", "recent", "different", "excellent", "important", "relevant", "patient") and \
                re.search(rf"\b{re.escape(w)}\s+(?:at|for|with|in|on)\s+\w", phrase, re.IGNORECASE):
            return True  # "an HR generalist at a hospital": a role by its form, with an affiliation
        if re.fullmatch(r"'?\d{2}|20\d\d", low):
            return True
    for m in re.finditer(r"\b(at|from|with)\s+([A-Z][\w&'-]*)", phrase):
        if m.group(1) != "from" or fold(m.group(2)) not in PLACE_WORDS:
            return True
    if ctx.sender and words:
        sender_facts = F.profile_facts(ctx.sender)
        keys = {"".join(words_of(w)) for w in words}
        if any(k in sender_facts.orgs for k in keys if len(k) > 2):
            return True
    return False


_ORG_WORD = lazy_compile(r"\b(?:University|College|School|Institute|Academy|Inc|LLC|Health|Hospital|Bank|Labs?|"
                         r"Group|Partners|Company|Corp|Foundation|Association|Society|Club|Department|Agency)\b")


def _signature_role(note: Note, ctx: Context) -> tuple[int, int] | None:
    """A signature that carries a role or affiliation: "Alex Rivera, Ohio State '27",
    "– Alex | CS @ CMU", or a name line followed by "BSN student, Northeastern"."""
    text = note.text.rstrip()
    closing = read_closing(note, ctx)
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
    if not region.strip() or len(region.strip()) > 160 or read_greeting(note) and read_greeting(note).start >= region_start:
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
                  or re.fullmatch(r"[A-Z]{2}\.?", tail.strip())) and not _ORG_WORD.search(tail)
    if fold(m.group("name").split()[0]) in PLACE_WORDS and re.fullmatch(r"[A-Z]{2}\.?|[A-Z][a-z]+", tail.strip()):
        return None  # "Louisville, KY": a city and state, not a name and an affiliation
    if re.search(r"'\d{2}\b|\b20\d\d\b|@|\bclass of\b", tail, re.IGNORECASE) or _role_in(tail, ctx) or \
            (re.search(r"\b[A-Z][\w&]+", tail) and not place_only and
             not all(w.lower().strip(",.") in PLACE_WORDS for w in re.findall(r"[A-Za-z]+", tail))):
        start = region_start + region.find(m.group("name"))
        return start, len(text)
    return None


LANGUAGES = frozenset("English Spanish French German Chinese Japanese Arabic Portuguese Italian Korean Russian".split())


def check_self_intro(note: Note, ctx: Context) -> Finding:
    cid = "self_intro"
    suggestion = "Say who you are in a few words: your year and school or your role"
    if ctx.sender:
        example = ""
        student = "student" in ctx.sender.headline.lower() or not ctx.sender.experience
        if student and ctx.sender.education:
            e = ctx.sender.education[0]
            field = e.field if (e.field.isupper() or e.field.split()[:1] and e.field.split()[0] in LANGUAGES) else e.field.lower()
            example = f"{field + ' student' if field else 'student'} at {e.school}"
        elif ctx.sender.experience and ctx.sender.experience[0].title:
            e = ctx.sender.experience[0]
            example = e.title.lower() + (f" at {e.company}" if e.company else "")
        if example:
            article = "an" if example[:1].lower() in "aeiou" else "a"
            suggestion += f" (for you: “I'm {article} {example}”)"
    suggestion += ". Saying what you want is not an introduction."
    text = note.text
    for pattern in (_IM_A, _NAME_APPOSITIVE):
        for m in pattern.finditer(text):
            phrase = m.group("phrase") if "phrase" in m.groupdict() and m.group("phrase") else None
            org = m.groupdict().get("org")
            if org:
                lead = re.match(r"[A-Z][\w&'.-]*(?:\s+(?:of|the|and|&|at|[A-Z][\w&'.-]*))*", org)
                org = lead.group(0) if lead else None
            if org and all(w.lower().strip(",.") in PLACE_WORDS for w in org.split()[:3] if w[:1].isalpha()):
                org = None  # "I'm Maya from Cincinnati": a home town, not an affiliation
            if org or (phrase and _role_in(phrase, ctx, limit=8)):
                return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    for pattern in (_IM_DOING, _I_VERB):
        m = pattern.search(text)
        if m:
            end = min(len(text), m.end() + 30)
            end = next((i for i in range(m.end(), end) if text[i] in ".!?\n,"), end)
            return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start(), end)}", span=(m.start(), end))
    for m in _AS_A.finditer(text):
        if m.group("after").lower() not in ("you", "your", "you're", "you've", "youre") and _role_in(m.group("phrase"), ctx, limit=12):
            return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    for m in _HERE.finditer(text):
        phrase = m.group("phrase")
        after = re.match(r"\s*[,:(-]\s*([^.!?\n;)]{2,60})", text[m.end():])
        if _role_in(phrase, ctx) or "fellow" in phrase.lower() or (after and _role_in(after.group(1), ctx, limit=4)):
            end = m.end() + (after.end() if after and not _role_in(phrase, ctx) else 0)
            return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start('phrase'), end)}",
                            span=(m.start("phrase"), end))
    for m in _SENTENCE_A.finditer(text):
        phrase = m.group("phrase")
        if _role_in(phrase, ctx, limit=4) and re.search(r"\b(?:i|i'm|my|me)\b", text[m.end(): m.end() + 40], re.IGNORECASE) is not None \
                and not re.search(r"\b(?:you|your)\b", phrase, re.IGNORECASE):
            return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start('phrase'), m.end())}",
                            span=(m.start("phrase"), m.end()))
    for m in _ROLE_OPENING.finditer(text):
        phrase = m.group("phrase")
        greeting = read_greeting(note)
        if greeting and m.start("phrase") < greeting.end or re.match(rf"\s*{GREET_WORDS}\b", phrase, re.IGNORECASE):
            continue
        if _role_in(phrase, ctx, limit=8) and not re.search(r"\b(?:you|your)\b", phrase, re.IGNORECASE):
            return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start('phrase'), m.end('phrase'))}",
                            span=(m.start("phrase"), m.end("phrase")))
    m = _WE_BOTH.search(text)
    if m and _role_in(m.group("phrase"), ctx, limit=6):
        return _finding(cid, "pass", f"Introduces themself: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    # an affiliation stated about the sender: "Etsy seller here", "Temple ..., same as me!"
    for who in (ctx.sender, ctx.recipient):
        if who is None:
            continue
        for mention in F.find_mentions(note, who):
            if mention.fact.kind in ("school", "employer", "group") and mention.side in ("sender", "shared") and mention.exact:
                return _finding(cid, "pass", f"Says where they are from: {_quote(note, mention.start, mention.end)}",
                                span=(mention.start, mention.end))
    sig = _signature_role(note, ctx)
    if sig:
        return _finding(cid, "pass", f"The signature says who they are: {_quote(note, *sig)}", span=sig)
    if re.search(r"\bi'?m\s+(?:looking|seeking|hoping|searching|interested|applying)", text, re.IGNORECASE):
        return _finding(cid, "fail", "Says what they want but not who they are.", suggestion)
    return _finding(cid, "fail", "The note never says who the sender is.", suggestion)


# --- 3. specific_detail -----------------------------------------------------------------------

FLATTERY = lazy_compile(
    r"\b(?:impressive|amazing|great|inspiring|interesting|fascinating|incredible)\s+(?:profile|background|"
    r"experience|career|work|journey)\b|\byour\s+(?:profile|background|experience|career|work)\b",
    re.IGNORECASE,
)


def suggestion_facts(profile: Profile) -> list[str]:
    """Facts from a profile worth mentioning, best first, as short phrases."""
    out = []
    name = profile.first_name
    for item in profile.activity[:2]:
        kind, _, rest = item.partition(":")
        label = rest.strip() or item
        verb = {"post": "posted", "article": "wrote", "talk": "spoke on", "podcast": "was on a podcast about",
                "comment": "commented on", "video": "made a video on"}.get(F.ACTIVITY_KINDS.get(kind.strip().lower(), "post"), "posted")
        out.append(f"{name} {verb} “{label}”")
    if profile.groups:
        out.append(f"{name} belongs to the group “{profile.groups[0]}”")
    if profile.interests:
        out.append(f"{name} lists an interest in {profile.interests[0]}")
    if profile.experience:
        e = profile.experience[0]
        if e.company:
            out.append(f"{name} works at {e.company}" + (f" as {e.title}" if e.title else ""))
    if profile.education:
        e = profile.education[0]
        out.append(f"{name} studied {e.field + ' at ' if e.field else 'at '}{e.school}")
    return out


def _facts_hint(profile: Profile | None, n: int = 2) -> str:
    if profile is None:
        return ""
    facts = suggestion_facts(profile)[:n]
    if not facts:
        return ""
    return " For example: " + "; ".join(facts) + ": mention one."


def _counts_as_detail(m: F.Mention) -> bool:
    kind = m.fact.kind
    if kind in ("school", "employer", "group", "activity", "interest"):
        return True
    if kind == "role":
        return m.side == "recipient"
    if kind == "skill":
        return m.side in ("recipient", "shared")
    if kind == "field":
        return m.side == "shared" or (m.side == "recipient" and m.near_recipient)
    if kind == "occupation":
        return m.side == "shared"  # "nurses like you" is a category; "a nurse too" is shared
    return False


_PATH_CLAIM = lazy_compile(
    r"\byou(?:'ve)?\s+(?:moved|went|switched|transitioned|pivoted|made\s+the\s+(?:move|switch|jump)|got)\s+"
    r"from\s+[\w\s'-]{3,40}?\s+(?:to|into)\s+\w[\w\s'-]{2,40}", re.IGNORECASE, needles=("you",))
_ABOUT_THEM = lazy_compile(r"\byour?\b|\bcongrat|\bwe(?:'re|\s+are|\s+were)?\s+both\b", re.IGNORECASE)


def _you_proper_noun(note: Note) -> tuple[int, int] | None:
    """Without a profile: a named thing in a sentence about the recipient ("your work at Meridian",
    "congrats on the Austin Indie Game Award"), or their path ("how you moved from nursing into informatics")."""
    path = _PATH_CLAIM.search(note.text)
    if path:
        return path.start(), path.end()
    for sent in note.sentences:
        about = _ABOUT_THEM.search(sent.text)
        if not about or _PLACEHOLDER_BRACKETS.search(sent.text):
            continue
        shared_or_congrats = not about.group(0).lower().startswith("you")
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w&'-]+(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&'-]+)*)", sent.text):
            word = m.group(1)
            if m.start() == 0 or word in ("I", "I'm", "I've", "I'd", "LinkedIn") or fold(word) in GENERIC_ADDRESSEES:
                continue
            prefix = sent.text[: m.start()].rstrip()
            if not prefix or prefix[-1] in ".!?":
                continue
            if re.match(rf"{GREET_WORDS}\b", sent.text, re.IGNORECASE) and m.start() < 25:
                continue
            pronouns = re.findall(r"\b(you|your|you're|i|i'm|my|me|we|our)\b", prefix, re.IGNORECASE)
            if not shared_or_congrats and (not pronouns or pronouns[-1].lower() not in ("you", "your", "you're")):
                continue
            if shared_or_congrats and m.start() < about.end():
                continue
            return sent.start + m.start(), sent.start + m.end()
    return None


def check_specific_detail(note: Note, ctx: Context) -> Finding:
    cid = "specific_detail"
    recipient = ctx.recipient
    who = recipient.first_name if recipient else "the recipient"
    claims = _memo(note, "claims", lambda: F.find_claims(note, recipient))
    unsupported = [c for c in claims if not c.supported]
    flag = ""
    if unsupported:
        flag = " " + "; ".join(f"“{c.words}” is not on {who}'s profile" for c in unsupported[:2]) + \
            " (only cite what you can see on the profile)."
    if recipient is not None:
        mentions = F.find_mentions(note, recipient)
        bad_spans = [(c.start, c.end) for c in unsupported]
        good = [m for m in mentions if _counts_as_detail(m) and not any(s <= m.start < e for s, e in bad_spans)]
        if good:
            best = sorted(good, key=lambda m: ("activity group interest employer school field role skill occupation".split().index(m.fact.kind), m.start))[0]
            return _finding(cid, "pass",
                            f"Cites {who}'s {F.KIND_NAMES[best.fact.kind]} ({best.fact.describe()}): {_quote(note, best.start, best.end)}.{flag}",
                            span=(best.start, best.end))
        # "your article on the same topic": a real item of the profile, named by its kind
        for c in claims:
            if c.supported and c.kind == "activity" and (c.anaphoric or not (set(F.content_stems(c.obj)) - F.GENERIC_STEMS - {"same", "topic"})) \
                    and any(f.kind == "activity" for f in F.profile_facts(recipient).facts):
                return _finding(cid, "pass", f"Refers to {who}'s {_quote(note, c.start, c.end)}.{flag}", span=(c.start, c.end))
        if unsupported:
            c = unsupported[0]
            return _finding(cid, "fail", f"Unsupported: “{c.words}” is not on {who}'s profile.",
                            "Cite something the profile really shows." + _facts_hint(recipient), span=(c.start, c.end))
        flat = FLATTERY.search(note.text)
        if flat:
            return _finding(cid, "fail", f"Praise that fits anyone: {_quote(note, flat.start(), flat.end())}.",
                            "Replace general praise with one fact from the profile." + _facts_hint(recipient),
                            span=(flat.start(), flat.end()))
        return _finding(cid, "fail", f"Nothing in the note is specific to {who}.",
                        "Mention one thing that is true of this person." + _facts_hint(recipient))
    # No profile: a concrete, checkable reference
    supported_claims = [c for c in claims if c.obj]
    if supported_claims:
        c = supported_claims[0]
        return _finding(cid, "pass", f"Makes a concrete reference: {_quote(note, c.start, c.end)}", span=(c.start, c.end))
    span = _you_proper_noun(note)
    if span:
        return _finding(cid, "pass", f"Makes a concrete reference: {_quote(note, *span)}", span=span)
    return _finding(cid, "fail", "No concrete, checkable reference to the recipient (a post, employer, school, group).",
                    "Name one thing from their profile: a post, their employer, their school or a group.")


# --- 4. common_ground -------------------------------------------------------------------------

_BARE_KINDS = ("field", "role", "occupation")


_RESONATES = lazy_compile(
    r"\b(?:(?:felt|was)\s+(?:like\s+it\s+was\s+)?written\s+(?:for|about)\s+me|spoke\s+(?:right\s+)?to\s+me|"
    r"resonated\s+with\s+me|hit\s+home|could\s+have\s+been\s+(?:written\s+)?(?:by|about)\s+me|described\s+me|"
    r"that\s+was\s+me|same\s+boat|same\s+path|same\s+move|same\s+switch|same\s+jump)\b",
    re.IGNORECASE, needles=('me', 'boat', 'path', 'move', 'switch', 'jump', 'home'))


def _claimed_commonalities(note: Note, ctx: Context) -> list[F.Mention]:
    """Facts the note states about the sender that are true of the recipient, or marks as shared."""
    recipient = ctx.recipient
    mentions = F.find_mentions(note, recipient)
    resonates = bool(_RESONATES.search(note.text))
    out = []
    for m in mentions:
        if m.fact.kind in ("activity", "skill"):
            continue
        if m.fact.kind in _BARE_KINDS:
            # a bare field or occupation counts only when tied to the recipient
            if m.side == "shared" or (resonates and m.side == "sender"):
                out.append(m)
            continue
        if m.side in ("sender", "shared"):
            out.append(m)
    return out


_WE_BOTH_CLAIM = lazy_compile(
    r"(?:\bwe(?:'re|\s+are)\s+both\s+(?:in\s+|members\s+of\s+)?(?=(?-i:[A-Z]{2,})\b|the\s+(?-i:[A-Z]))|"
    r"\bwe\s+both\s+(?:love|enjoy|like|play|studied|study|went\s+to|attended|work(?:ed)?\s+(?:at|in|for))\s+)"
    r"(?P<obj>[^.!?,;\n]{3,50})", re.IGNORECASE, needles=("both",))
_ALL_FACT_KINDS = ("interest", "group", "school", "employer", "field", "skill", "activity", "role")


def _fellow_claims(note: Note, ctx: Context) -> list[F.Claim]:
    claims = _memo(note, "claims", lambda: F.find_claims(note, ctx.recipient))
    return [c for c in claims if c.words.lower().startswith("fellow")]


def check_common_ground(note: Note, ctx: Context) -> Finding:
    cid = "common_ground"
    sender, recipient = ctx.sender, ctx.recipient
    if sender is None:
        return _finding(cid, "n/a", "No sender profile was given, so shared facts cannot be checked.")
    who = recipient.first_name if recipient else "the recipient"
    genuine = F.shared_facts(recipient, sender) if recipient else []
    hint = ""
    if genuine:
        rf, _ = genuine[0]
        shared = {
            "school": f"you both studied at {rf.label}",
            "employer": f"you have both worked at {rf.label}",
            "group": f"you both belong to {rf.label}",
            "field": f"you both studied {rf.label.lower()} at the same school",
            "interest": f"you both list an interest in {rf.label}",
        }.get(rf.kind, f"you share {rf.describe()}")
        hint = f" Your profiles show that {shared}: say so in your own words (“I'm also …”)."
    elif recipient:
        hint = (" Your profiles share no school, employer, group or listed interest; look for something "
                "smaller you truly share, or leave this out rather than invent it.")
    if recipient is None:
        return _finding(cid, "fail", "No recipient profile, so nothing can be shown to be shared.",
                        "Pick a recipient to check shared facts.")
    claimed = _claimed_commonalities(note, ctx)
    supported, unsupported = [], []
    by_span: dict[tuple[int, int], list[F.Mention]] = {}
    for m in claimed:
        by_span.setdefault((m.start, m.end), []).append(m)
    for group in by_span.values():
        relations = [F.sender_relation(sender, m.fact) for m in group]
        if "supported" in relations:
            supported.append(group[relations.index("supported")])
        elif "loose" not in relations:
            unsupported.append(group[0])
    # "fellow X alum" where X is not on the recipient's profile at all
    for c in _fellow_claims(note, ctx):
        if not any(m.start >= c.start and m.end <= c.end + 5 for m in claimed):
            sub = F.Note(c.obj)
            sender_has = any(True for _ in F._org_matches(sub, F.profile_facts(sender)))
            if not sender_has or not c.supported:
                unsupported.append(F.Mention(F.Fact("school", c.obj, c.obj.lower()), c.start, c.end, "shared", True))
    # "we both love horseback riding" when the recipient's profile shows no such thing
    for wb in _WE_BOTH_CLAIM.finditer(note.text):
        obj = re.split(r"\s+(?:and|but|so|while)\s+(?:I|I'm|I've|my|me)\b|\s+\(", wb.group("obj"))[0]
        capitals = {"".join(c for c in name if c.isupper())
                    for name in (*recipient.groups, *(e.company for e in recipient.experience), *(e.school for e in recipient.education))}
        end = wb.start("obj") + len(obj)
        if not any(m.start >= wb.start() and m.end <= end for m in claimed) and \
                not any(w in capitals for w in re.findall(r"\b[A-Z]{2,}\b", obj)) and \
                not F._object_matches(obj, F.profile_facts(recipient), _ALL_FACT_KINDS, True):
            unsupported.append(F.Mention(F.Fact("interest", obj, obj.lower()), wb.start(), end, "shared", True))
    if unsupported:
        m = unsupported[0]
        return _finding(cid, "fail",
                        f"Possibly untrue: {_quote(note, m.start, m.end)} is claimed as shared, but your profile does not show it.",
                        "Only claim what you really share; a false commonality is worse than none." + hint,
                        span=(m.start, m.end))
    if supported:
        m = supported[0]
        return _finding(cid, "pass",
                        f"Names something you share ({F.KIND_NAMES[m.fact.kind]} {m.fact.describe()}): {_quote(note, m.start, m.end)}",
                        span=(m.start, m.end))
    return _finding(cid, "fail", f"The note names nothing you and {who} share.",
                    "Shared schools, employers, groups and interests make people want to connect." + hint)


# --- 5. purpose -------------------------------------------------------------------------------

_PURPOSE_VERB = lazy_compile(
    r"\b(?:learn(?:ing)?|hear(?:ing)?|know|understand|find\s+out|ask(?:ing)?|discuss(?:ing)?|talk(?:ing)?|"
    r"chat(?:ting)?|speak(?:ing)?|get\s+your\s+(?:take|advice|perspective|thoughts|insights?|input|view)|"
    r"(?:your|any)\s+(?:honest\s+|quick\s+|candid\s+)?(?:advice|tips|guidance|insights?|thoughts|perspective|take|input|"
    r"recommendations?|feedback)|"
    r"pick\s+your\s+brain|follow(?:ing)?|stay\s+in\s+touch|keep\s+in\s+touch|exchange|compare\s+notes|"
    r"trade\s+notes|interview\s+you|"
    r"curious|wondering|wondered|tell\s+me|interested\s+in\s+(?=how|what|why|whether|learning)|question|questions|"
    r"conversation|call|coffee|explore|exploring|minutes?|"
    r"continue\s+(?:our|the)\s+conversation|follow\s+up|following\s+up|swap|share\s+notes|"
    r"hear\s+how|see\s+how|seek|seeking|advice|insight|insights|perspective|guidance|mentorship)\b",
    re.IGNORECASE,
)
_OBJECT_STARTERS = lazy_compile(
    r"^\s*(?:(?:a\s+(?:couple\s+(?:of\s+)?|few\s+)|two\s+|some\s+|one\s+|a\s+)?(?:quick\s+)?questions?\s+)?"
    r"(?:more\s+)?(?:about|on|regarding|how|what|why|where|when|which|whether|if|into|around|using|with|for|"
    r"for|in|with|from|behind|of|the|your|to)\b",
    re.IGNORECASE,
)
VAGUE_WORDS = frozenset(
    """about more you your work experience experiences opportunities opportunity career careers
    company field industry things thing it this that stuff background journey path role roles
    job jobs what do does to a an the some any with from in at on and of possible potential
    available insights insight advice brain perspective thoughts story profile network connect
    connecting sometime time day chat quick brief call coffee life world professional
    professionally personally learn know more hear get talk side someday soon future maybe
    perhaps there here things also well too if would could can may might will like love able
    you're you've yours me my i i'm we us our ways way great good valuable expertise research
    open willing mind having interested chance hi hello hey dear quick short u ur ya
    minutes minute call calls zoom phone hop meet meeting up hang wanna gonna lol sometime soon catch
    project projects lab team studies area position business organization firm typical
    day-to-day""".split()
)
_CONNECT_Q = lazy_compile(
    r"\b(?:connect|connecting|accept\s+(?:my|the|this)\s+(?:invitation|invite|request)|join\s+(?:my|your)\s+"
    r"(?:network|linkedin|professional)|add\s+me|link\s+up|be\s+connected|network\s+with)\b", re.IGNORECASE
)
_MEETING = lazy_compile(
    r"\b(?:met|meeting|meet|chatted|spoke|talked|talking|chatting|our\s+(?:chat|conversation|talk|call|meeting)|"
    r"your\s+(?:booth|table|session|talk|panel|presentation|info\s+session|workshop))\b[^.!?\n]{0,60}?"
    r"\b(?:at|during|after|in|on)\s+(?:the\s+|your\s+|last\s+|yesterday's\s+|today's\s+|this\s+week's\s+)?"
    r"(?P<event>[^.!?\n]{3,60})",
    re.IGNORECASE, needles=('met', 'meet', 'chat', 'spoke', 'talk', 'booth', 'table', 'session', 'panel', 'presentation', 'workshop', 'conversation', 'call'))
_FOLLOW_UP = lazy_compile(
    r"\b(?:stay\s+in\s+touch|keep\s+in\s+touch|follow\s+up|following\s+up|continue\s+(?:our|the)\s+"
    r"conversation|keep\s+(?:the|our)\s+conversation|pick\s+up\s+where|reconnect)\b",
    re.IGNORECASE, needles=('touch', 'follow', 'continue', 'conversation', 'pick up', 'reconnect'))
_TOPIC_ELSEWHERE = lazy_compile(
    r"\b(?:interested\s+in|exploring|explore|passionate\s+about|career\s+in|careers\s+in|working\s+in|"
    r"work\s+in|moving\s+into|move\s+into|transition(?:ing)?\s+(?:into|to)|break(?:ing)?\s+into|"
    r"get(?:ting)?\s+into|focus(?:ed)?\s+on|studying|majoring\s+in|specifically|especially|"
    r"pursue|pursuing|curious\s+about|post\s+(?:on|about)|article\s+(?:on|about)|talk\s+(?:on|about))"
    r"\s+(?P<topic>[^.!?\n]{3,60})",
    re.IGNORECASE,
)


def _object_after(text: str, start: int) -> str | None:
    """The object of a purpose verb: content words in the clause that follows, if any."""
    piece = text[start: start + 140].lstrip(" \t,;:-!")
    tail = re.split(r"[.!?\n;]|\s-\s|,\s*(?:and\s+)?(?:i|thanks|thank|best|hope|looking)\b|\s+(?:and|but)\s+(?:i|i'm|im|i've|we|my)\b",
                    piece, maxsplit=1, flags=re.IGNORECASE)[0]
    words = re.findall(r"[A-Za-z][\w'&+-]*", tail)
    content = [w for w in words[:14] if w.lower() not in VAGUE_WORDS and w.lower() not in STOPWORDS]
    if not content:
        return None
    return tail.strip()


def _only_org_name(obj: str, ctx: Context) -> bool:
    """True when the object's words are only the recipient's employer or school name (and vague words)."""
    if ctx.recipient is None:
        return False
    names = set()
    for name in ctx.recipient.employers + ctx.recipient.schools:
        names.update(words_of(name))
    words = [fold(w) for w in re.findall(r"[A-Za-z][\w'&+-]*", obj)]
    content = [w for w in words if w not in VAGUE_WORDS and w not in STOPWORDS and w not in ("opportunities", "team")]
    return bool(content) and all(w in names or w.rstrip("'s") in names for w in content)


_FROM_YOU = lazy_compile(r"\s+(?:from\s+you|back)\b", re.IGNORECASE)
_NOUN_BEFORE = lazy_compile(r"\b(?:great|good|nice|amazing|awesome|inspiring|your|the|a|that|this|recent|last)\s+(?:[\w'-]+\s+){0,2}$",
                            re.IGNORECASE)
_PRONOUN_AFTER = lazy_compile(r"\s+(?:you|u|ya|him|her|them)\b", re.IGNORECASE)


def _topic_elsewhere(note: Note, ctx: Context) -> str | None:
    """The topic the note names elsewhere (a post, an interest, "interested in X"), if any."""
    if ctx.recipient is not None:
        for m in F.find_mentions(note, ctx.recipient):
            if (m.fact.kind == "activity" and m.fact.activity_kind != "award") or \
                    m.fact.kind == "interest" or (m.fact.kind == "skill" and m.side in ("recipient", "shared")):
                return note.text[m.start:m.end]
    text = _PLACEHOLDER_BRACKETS.sub(" ", note.text)
    for m in _TOPIC_ELSEWHERE.finditer(text):
        topic = _object_after(text, m.start("topic"))
        if topic:
            return topic
    return None


def _profile_name_words(ctx: Context) -> set[str]:
    """The folded words of the recipient's and sender's names (computed once per check)."""
    if ctx._names is None:
        names = set()
        for prof in (ctx.recipient, ctx.sender):
            if prof:
                names.update(fold(w) for w in re.findall(r"[^\W\d_]+", prof.name + " " + prof.first_name))
        ctx._names = names
    return ctx._names


def _purpose_hint(ctx: Context) -> str:
    hint = "Say what you would like to learn or ask, with its topic (“how you moved into campus recruiting”)."
    activities = F.profile_facts(ctx.recipient).of_kind("activity") if ctx.recipient and ctx.recipient.activity else []
    if activities:
        hint = (f"Say what you would like to learn or ask, with its topic: for example a question about "
                f"{_first(ctx.recipient)}'s {activities[0].describe()}.")
    return hint


def check_purpose(note: Note, ctx: Context) -> Finding:
    cid = "purpose"
    text = note.text
    vague: tuple[int, int] | None = None
    # a named meeting to follow up
    for m in _MEETING.finditer(text):
        if _FOLLOW_UP.search(text):
            return _finding(cid, "pass", f"Follows up on a meeting: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    if _FOLLOW_UP.search(text) and re.search(r"\bfollowing\s+up\s+on\s+(?:our|your|the)\s+\w+", text, re.IGNORECASE):
        m = re.search(r"\bfollowing\s+up\s+on\s+(?:our|your|the)\s+[^.!?\n]+", text, re.IGNORECASE)
        return _finding(cid, "pass", f"Follows up on a meeting: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    # words inside a reference to the recipient's record ("your talk on robots that ask for help")
    # are the record's, not the sender's purpose
    record_spans = [(c.start, c.end) for c in _memo(note, "claims", lambda: F.find_claims(note, ctx.recipient))]
    if ctx.recipient is not None:
        record_spans += [(m.start, m.end) for m in F.find_mentions(note, ctx.recipient)
                         if m.fact.kind == "activity"]
    for m in _PURPOSE_VERB.finditer(text):
        if any(a <= m.start() < b for a, b in record_spans):
            continue
        if m.group(0).lower().startswith("hear") and _FROM_YOU.match(text, m.end()):
            continue  # "looking forward to hearing from you" is a pleasantry
        if m.group(0).lower() in ("talk", "chat", "call", "conversation", "question", "questions", "advice", "insight",
                                  "insights", "perspective", "guidance") and \
                _NOUN_BEFORE.search(text[max(0, m.start() - 30): m.start()]):
            continue  # a noun ("Great talk!", "your advice"), not what the sender wants
        # skip verbs inside "grow my network"-type phrases and the connect request itself
        if ctx.patterns.non_purpose.search(text[max(0, m.start() - 20): m.end() + 25]) and not _object_after(text, m.end()):
            continue
        vague_hit = ctx.patterns.vague_purpose.search(text, max(0, m.start() - 25), m.end() + 40)
        verb_end = m.end()
        pronoun = _PRONOUN_AFTER.match(text, verb_end)
        if pronoun and _OBJECT_STARTERS.match(text[pronoun.end():]):
            verb_end = pronoun.end()
        obj = _object_after(text, verb_end)
        if obj and _only_org_name(obj, ctx):
            obj = None  # "learn more about Bridger Valley Food Bank": no topic beyond the name
        if obj and _OBJECT_STARTERS.match(text[verb_end:]) or (obj and m.group(0).lower().startswith(("curious", "wondering", "question", "your", "any"))):
            if vague_hit and vague_hit.end() >= m.end() and not _object_after(text, vague_hit.end()):
                vague = vague or (vague_hit.start(), vague_hit.end())
                continue
            end = min(len(text), verb_end + len(obj) + 1)
            return _finding(cid, "pass", f"Says what they want to learn or ask: {_quote(note, m.start(), end)}", span=(m.start(), end))
        if vague is None and (vague_hit or not obj) and not re.match(r"following\s+up|follow\s+up|question|call", m.group(0), re.IGNORECASE):
            vague = (m.start(), m.end())
    # a real question (not "would you like to connect?")
    greeting = read_greeting(note)
    names = _profile_name_words(ctx)
    for sent in note.sentences:
        body = sent.text
        if greeting and sent.start <= greeting.start < sent.end:
            body = note.text[max(sent.start, greeting.end): sent.end]
        folded_body = fold(body) if names else ""
        if names and any(n in folded_body for n in names):
            body = " ".join(w for w in body.split() if fold(w.strip(",.!?:;")) not in names)
        else:
            body = " ".join(body.split())
        is_question = "?" in sent.text[-3:]
        if is_question:
            # the question itself is the last clause: "I'm a junior at Clemson, wanna meet up?"
            clauses = [c for c in re.split(r"[,;:]|\s-\s|\band\s+(?=(?:i|i'm|we)\b)", body) if c.strip(" ?")]
            body = clauses[-1] if clauses else body
        if is_question and not _CONNECT_Q.search(body) and \
                not re.match(r"^\W*(?:how\s+are\s+you(?:\s+doing)?|how's\s+it\s+going|how\s+have\s+you\s+been)\W*$", body, re.IGNORECASE) and \
                _object_after(body, 0):
            return _finding(cid, "pass", f"Asks a question: {_quote(note, sent.start, sent.end)}", span=(sent.start, sent.end))
    # a hard ask is still a purpose
    ask = _hard_ask(note, ctx, skip_links=True)
    if ask:
        return _finding(cid, "pass", f"States a request: {_quote(note, *ask[1])}", span=ask[1])
    if vague:
        topic = _topic_elsewhere(note, ctx)
        if topic:
            phrase = note.snippet(vague[0], min(len(note.text), vague[1] + 30)).split(".")[0]
            return _finding(cid, "pass", f"Says what they want (“{phrase}”), and the note names its topic: “{topic[:60]}”",
                            span=vague)
        return _finding(cid, "fail", f"The purpose has no topic: {_quote(note, *vague)}.",
                        "Add what you want to learn about. " + _purpose_hint(ctx), span=vague)
    m = ctx.patterns.non_purpose.search(text)
    if m:
        return _finding(cid, "fail", f"Connecting is not a purpose: {_quote(note, m.start(), m.end())}.", _purpose_hint(ctx),
                        span=(m.start(), m.end()))
    return _finding(cid, "fail", "The note does not say what you want to learn, ask or discuss.", _purpose_hint(ctx))


# --- 6. no_hard_ask ---------------------------------------------------------------------------

_LINK = lazy_compile(
    r"(?:https?://|www\.)\S+|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|ly|me|app|dev|edu|gov|info|"
    r"biz|ai|us|uk|ca|de|xyz|site|page|link|gl|to|tv|fm|gg|so|art|design|studio|blog|tech|online|store|shop|bio|pro)(?:/\S*)?(?![\w@])",
    re.IGNORECASE, needles=('.',))
_HARD_ASK_SOURCE = (
    r"\b(?:(?:are|is)\s+(?:you|your\s+(?:team|company|firm|group|department)|\w+)\s+(?:currently\s+|still\s+)?hiring|"
    r"(?:any|open|current|available|upcoming)\s+(?:full[- ]time\s+|part[- ]time\s+|summer\s+|entry[- ]level\s+)?"
    r"(?:job\s+|internship\s+|intern\s+|analyst\s+|engineering\s+)?(?:openings?|positions?|vacanc(?:y|ies)|"
    r"roles?\s+(?:open|available|on\s+your\s+team)|spots?\s+(?:open|available|on))|"
    r"(?:job|internship|co-?op)\s+(?:openings?|positions?|vacanc(?:y|ies)|opportunit(?:y|ies))|"
    r"(?:hire|hiring)\s+me|consider\s+me|(?:considered|consideration)\s+for\b|"
    r"pass(?:ing)?\s+(?:my\s+(?:name|info|details|profile)|me)\s+(?:along|on)\b|pass\s+along\s+my\s+(?:name|info|details)|"
    r"put\s+me\s+in\s+touch\s+with\s+(?:the\s+|your\s+)?(?:hiring|recruit)|to\s+the\s+hiring\s+manager|"
    r"(?:room|space|a\s+spot|a\s+place|an\s+opening)\s+for\s+(?:me|an?\s+(?:[\w-]+\s+)?(?:intern|hire|analyst|engineer|assistant))\b|"
    r"take\s+on\s+(?:an?\s+)?(?:intern|interns|new\s+grad)|"
    r"keep\s+me\s+in\s+mind|(?:grateful|happy|glad|honou?red)\s+to\s+be\s+considered|put\s+me\s+in\s+touch\s+with\s+[^.!?\n]{0,60}?hiring|"
    r"interest\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:roles?|positions?|jobs?|internships?|openings?)\s+(?:at|with|on)\b|"
    r"open\s+to\s+a\s+(?:quick\s+|short\s+|brief\s+|\d+-minute\s+)?demo|check\s+out\s+my\s+(?:podcast|channel|app|product|startup|site|website|blog|page|shop|store|newsletter|work)|"
    r"link\s+in\s+(?:my\s+)?bio|heads[-\s]up\s+(?:if|when|about)|(?:if|when|should)\s+(?:anything|something|a\s+spot|a\s+role|"
    r"a\s+position|an\s+opening|a\s+job)\s+(?:\w+\s+)?opens?\s+up|keep\s+me\s+posted\s+(?:on|about)\s+(?:any\s+)?(?:openings|roles|jobs|positions)|"
    r"list\s+you\s+as\s+(?:a|my)\s+reference|be\s+(?:a|my)\s+reference|(?:write|writing)\s+(?:me\s+)?(?:a\s+)?(?:letter\s+of\s+)?"
    r"recommendation|recommendation\s+letter|letter\s+of\s+recommendation|our\s+rates|(?:set\s+up|book|schedule)\s+a\s+demo|"
    r"any\s+(?:[\w-]+\s+){0,3}(?:spots?|slots?|openings?|positions?|roles?|jobs?)\s+(?:still\s+)?(?:open|available|left)|"
    r"\b(?:are\s+)?(?:you|u)\s+(?:guys\s+|all\s+)?(?:still\s+)?hiring\b|apply\s+(?:directly\s+)?(?:through|via)\s+you|"
    r"(?:looking\s+for|seeking|searching\s+for|want|need|hoping\s+to\s+(?:find|land|get))\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:job|internship|position|role|co-?op)s?\b[^.!?\n]{0,80}?\b(?:can|could|would|will)\s+you|"
    r"help\s+me\s+(?:get|land|find|secure)\s+one\b|"
    r"recommend\s+me|refer(?:ring)?\s+me|referrals?|refer\s+my|put\s+in\s+a\s+(?:good\s+)?word|vouch\s+for\s+me|"
    r"(?:pass|send|forward)(?:ing)?\s+(?:along\s+|on\s+)?my\s+(?:resume|cv|résumé|application|portfolio|reel|work|samples|"
    r"writing\s+samples|name|info|details)\s+(?:along\s+|on\s+)?to\b|to\s+whoever\s+(?:is\s+)?(?:hiring|handles|does\s+hiring)|"
    r"(?:pass|send|forward)(?:ing)?\s+(?:along\s+|on\s+)?my\s+(?:resume|cv|résumé|application|portfolio)|"
    r"(?:forward|pass)\s+(?:it|this)\s+(?:along\s+)?to\s+(?:the\s+|your\s+)?(?:hiring|recruit)|"
    r"(?:attached|attaching|enclosed)\s+(?:is\s+)?my\s+(?:resume|cv|résumé)|my\s+(?:resume|cv|résumé)\s+(?:is\s+)?(?:attached|enclosed|below)|"
    r"(?:review(?:ing)?|look(?:ing)?\s+(?:at|over)|glanc(?:e|ing)\s+(?:at|over)|check(?:ing)?\s+out|read(?:ing)?|critiqu(?:e|ing)|proofread(?:ing)?|take\s+a\s+look\s+at|"
    r"feedback\s+on|eyes\s+on|comments\s+on|thoughts\s+on)\s+my\s+(?:resume|cv|résumé|cover\s+letter|application|portfolio)|"
    r"send\s+you\s+my\s+(?:resume|cv|résumé|portfolio)|"
    r"help\s+me\s+(?:get|land|find|secure|obtain)\s+(?:a\s+|an\s+|the\s+)?(?:job|internship|position|role|interview|offer|foot)|"
    r"(?:get|land|secure|schedule|arrange|set\s+up|request|have)\s+(?:me\s+)?(?:an?\s+)?interview(?!\s+you)|"
    r"interview\s+(?:slot|opportunit(?:y|ies)|for\s+(?:the|a|an|your))|"
    r"introduce\s+me\s+to\s+(?:the\s+|your\s+)?(?:hiring|recruit)|connect\s+me\s+(?:with|to)\s+(?:the\s+|your\s+)?(?:hiring|recruit)|"
    r"(?:do\s+you\s+have|is\s+there|are\s+there)\s+(?:a|an|any)\s+(?:\w+\s+){0,2}(?:job|internship|position|role|opening|spot|vacancy)s?|"
    r"(?:looking\s+for|seeking|searching\s+for)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,3}(?:job|internship|position|role)s?\s+"
    r"(?:at|with|on)\s+(?:your|[A-Z])|"
    r"(?:our|my)\s+(?:new\s+)?(?:product|platform|app|service|services|solution|software|tool|saas|agency|startup's\s+\w+)\s+"
    r"(?:can|could|will|helps?|that|which|for|to)|"
    r"(?:book|schedule)\s+a\s+(?:quick\s+)?demo|free\s+trial|(?:sign|signing)\s+up\s+(?:for|at)|use\s+(?:my\s+)?code|"
    r"we\s+help\s+(?:companies|recruiters|teams|businesses|organizations|brands|firms|startups)|"
    r"(?:would|could)\s+you\s+be\s+interested\s+in\s+(?:our|my|a)\s+(?:product|platform|service|tool|solution|offer)|"
    r"(?:apply|applied|applying)\s+(?:to|for)\s+[^.!?\n]{0,50}?(?:could|would|can|will)\s+you|"
    r"(?:have|has|are\s+there|is\s+there)\s+any\s+(?:[\w-]+\s+){0,4}(?:jobs?|internships?|openings?|positions?|vacanc\w+)|"
    r"any\s+(?:[\w-]+\s+){0,4}(?:jobs?|internships?|positions?|roles?)\s+(?:open|available)|"
    r"(?:apply|applying)\s+for\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:job|internship|position|role)\s+[^.!?\n]{0,40}?(?:through|via|with)\s+you|"
    r"(?:get|find|give)\s+me\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:job|internship|position|role|interview|offer|spot)|"
    r"(?:^|[.!?]\s+)(?:is|are)\s+(?:[\w&'-]+\s+){1,3}(?:still\s+|currently\s+)?hiring\b|"
    r"(?:show|give|send)\s+you\s+(?:a\s+|our\s+|my\s+)?(?:quick\s+|short\s+|brief\s+|\d+-minute\s+)?(?:demo|deck|pitch)|"
    r"(?:our|my)\s+(?:[\w'-]+\s+){0,3}(?:demo|pitch\s+deck|deck)\b|pitch\s+(?:it|this|you|my|our)\b|"
    r"would\s+be\s+(?:perfect|great|ideal)\s+for\s+your\s+(?:team|company|farmers|clients|customers|users|business|recruiters)|"
    r"(?:a\s+)?spot\s+on\s+your\s+team|(?:would|could|can|will)\s+you\s+(?:try|test|check\s+out|use|download)\s+(?:it|this|my|our)\b|show\s+you\s+how\s+(?:it|our|my|this)\s+(?:\w+\s+)?works?|"
    r"(?:does|do)\s+(?:[\w&'-]+\s+){1,3}have\s+(?:any\s+)?(?:[\w-]+\s+){0,3}(?:openings?|jobs?|internships?|positions?|vacanc\w+)\b)"
)


@lru_cache(maxsize=1)
def _hard_ask_pattern() -> re.Pattern[str]:
    """Compiled on first use (it is large, and most notes never need it: see the triggers)."""
    return re.compile(_HARD_ASK_SOURCE, re.IGNORECASE | re.MULTILINE)
_RESUME_MINE = lazy_compile(
    r"(?:resume|résumé|cv|portfolio|cover\s+letter)[^.!?\n]{0,80}?[.!?]?\s*[^.!?\n]{0,60}?"
    r"(?:look\s+(?:over|at)|review|critique|check|read|glance\s+at)\s+mine\b",
    re.IGNORECASE,
)
# The hard-ask pattern can only match a note that has one of these words (it is skipped otherwise: speed).
_HARD_ASK_TRIGGERS = frozenset(
    """hiring hire openings opening positions position vacancy vacancies roles role spots spot job jobs
    internship internships co op coop offer offers opportunities opportunity consider considered
    consideration recommend refer referring referral referrals word vouch resume résumé cv
    application portfolio attached attaching enclosed letter interview introduce recruiter recruiters
    product platform app service services solution software tool
    saas agency startup demo trial sign signing code companies teams businesses organizations brands
    firms startups apply applied applying deck pitch perfect ideal try download intern interns
    mine works foot along room space manager touch spots spot slots mind heads opens
    reference recommendation rates posted link podcast channel website reel samples considered roles
    positions""".split()
)
_SOFT = lazy_compile(r"\binformational\s+interviews?\b|\binterview\s+you\b|\b(?:recorded|podcast|video|phone)\s+interview|"
                     r"\binterview\s+for\s+(?:my|our|a|the)\s+(?:\w+\s+)?(?:capstone|class|course|podcast|project|paper|story|"
                     r"article|thesis|newsletter|research|assignment|show|series|episode)", re.IGNORECASE)


def _first_ask(note: Note, ctx: Context) -> tuple[int, int] | None:
    """Where the note first asks too much (a job, a referral, a resume review, a pitch), if anywhere."""

    def compute():
        text = note.text
        hits = []
        # the large pattern runs only over sentences that have one of its trigger words (speed)
        windows: list[tuple[int, int]] = []
        for sent in note.sentences:
            words = {w.lower() for w in _WORD.findall(sent.text)}
            if words & _HARD_ASK_TRIGGERS:
                start = max(0, sent.start - 3)
                if windows and start <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], sent.end)
                else:
                    windows.append((start, sent.end))
        scans = [(_hard_ask_pattern(), a, b) for a, b in windows]
        scans.append((ctx.patterns.hard_ask, 0, len(text)))
        if "mine" in text.lower():
            scans.append((_RESUME_MINE, 0, len(text)))
        for pattern, a, b in scans:
            for m in pattern.finditer(text, a, b):
                window = text[max(0, m.start() - 15): m.end() + 10]
                if "interview" in m.group(0).lower() and _SOFT.search(window):
                    continue
                hits.append((m.start(), m.end()))
                break
        return min(hits) if hits else None

    return _memo(note, "first_ask", compute)


def _hard_ask(note: Note, ctx: Context, skip_links: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The first hard ask or link (links skipped when `skip_links`)."""
    ask = _first_ask(note, ctx)
    link = None if skip_links else _memo(note, "link", lambda: _LINK.search(note.text))
    found = []
    if link:
        found.append(("link", (link.start(), link.end())))
    if ask:
        found.append(("ask", ask))
    return min(found, key=lambda h: h[1][0]) if found else None


_WORD = lazy_compile(r"[^\W\d_][\w'-]*")


def check_no_hard_ask(note: Note, ctx: Context) -> Finding:
    cid = "no_hard_ask"
    if note.is_empty:
        return _finding(cid, "pass", "Nothing to fault: the note is empty.")
    hit = _hard_ask(note, ctx)
    if hit is None:
        return _finding(cid, "pass", "No request for a job, referral, interview or resume review, no pitch and no link.")
    kind, span = hit
    if kind == "link":
        return _finding(cid, "fail", f"Carries a link: {_quote(note, *span)}.",
                        "Leave links out of a first note: many readers will not click a stranger's link.", span)
    return _finding(cid, "fail", f"Asks too much of a stranger: {_quote(note, *span)}.",
                    "Ask for something small first (a question, advice, a 15-minute chat); a job, referral, "
                    "interview or resume review can come after you have built a relationship.", span)


# --- 7. length --------------------------------------------------------------------------------


def check_length(note: Note, ctx: Context) -> Finding:
    cid = "length"
    n = len(note.raw)
    limit = ctx.rubric.limit
    warn = ctx.rubric.warn_above
    if n <= limit:
        warning = ""
        if n > warn and limit > warn:
            warning = (f"{n} characters: free accounts are reported to allow only {warn}; "
                       f"trim {n - warn} characters if you do not have Premium.")
        return _finding(cid, "pass", f"{n} characters, within the {limit}-character limit.", warning=warning)
    extra = " (only the first 20,000 characters were read for the other criteria)" if note.truncated else ""
    return _finding(cid, "fail", f"{n:,} characters: {n - limit:,} over the {limit}-character limit{extra}.",
                    f"Cut {n - limit:,} characters: keep the greeting, one specific detail, your purpose and a thank-you.",
                    span=(limit, min(n, len(note.text))) if limit < len(note.text) else None)


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


_NETWORK_REQUEST = lazy_compile(
    r"\b(?:connect|connecting|connection\s+request|(?:grow|expand|build|broaden|grow)(?:ing)?\s+my\s+(?:professional\s+)?(?:linkedin\s+)?(?:network|presence|connections|circle)|"
    r"send(?:ing)?\s+you\s+(?:a|an|this|my)\s+(?:connection|invite|invitation|request)|"
    r"join\s+(?:my|your)\s+(?:professional\s+)?network|add\s+you\s+to\s+my|network\s+with|networking\s+with)\b",
    re.IGNORECASE, needles=('connect', 'network', 'join', 'add you', 'send'))
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


def check_not_template(note: Note, ctx: Context) -> Finding:
    cid = "not_template"
    p = ctx.patterns
    text = note.text
    if note.is_empty:
        return _finding(cid, "fail", "The note is empty.", "Write a note: a greeting, who you are, one specific detail and what you would like to learn.")
    ph = _PLACEHOLDER_BRACKETS.search(text) or p.placeholder_words.search(text)
    if ph:
        return _finding(cid, "fail", f"Unfilled placeholder: {_quote(note, ph.start(), ph.end())}.",
                        "Replace every placeholder with the real detail before sending.", span=(ph.start(), ph.end()))
    start, end = body_span(note, ctx)
    body = text[start:end]
    names = _profile_name_words(ctx)
    # fast path: a body with many words of substance was written for this note
    substance = []
    distinct = set()
    for m in _WORD.finditer(body):
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
        return _finding(cid, "pass", f"Written for this note, not a default: {_quote(note, start + first.start(), stop)}",
                        span=(start + first.start(), stop))
    # remove pleasantries, default texts; then see what is left
    stripped = p.default_text.sub(" ", body)
    stripped = p.pleasantry.sub(" ", stripped)
    stripped = " ".join(
        " " if _NETWORK_REQUEST.search(piece) and not _CONTENT_MARKERS.search(piece) else piece
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
        words = _quote(note, start + default.start(), start + default.end()) if default else ""
        what = f"only a request to connect ({words})" if default else "only a greeting, a name or a sign-off"
        return _finding(cid, "fail", f"The note is {what}: nothing in it is written for this person.",
                        "Add who you are, one thing from their profile and what you would like to learn." +
                        _facts_hint(ctx.recipient, 1), span=(start + default.start(), start + default.end()) if default else None)
    first = content[0]
    pos = body.find(first)
    stop = min(end, start + pos + 60)
    while stop < end and (note.text[stop - 1].isalnum() and note.text[stop].isalnum()):
        stop += 1  # end on a whole word
    return _finding(cid, "pass", f"Written for this note, not a default: {_quote(note, start + pos, stop)}",
                    span=(start + pos, stop) if pos >= 0 else None)


# --- 9. polite_close --------------------------------------------------------------------------

_NOT_THANKS = lazy_compile(r"\b(?:no\s+thanks|thanks\s+to|thank\s+god|thanks\s+but)\b", re.IGNORECASE)


def check_polite_close(note: Note, ctx: Context) -> Finding:
    cid = "polite_close"
    hint = "End with a thank-you or a courteous sign-off (“Thank you, Alex” or “Best, Alex”)."
    if ctx.sender:
        hint = f"End with a thank-you or a courteous sign-off (“Thank you, {ctx.sender.first_name}” or “Best, {ctx.sender.first_name}”)."
    text = note.text
    folded = fold(text)
    searchable = text if text.isascii() or len(folded) != len(text) else folded
    for m in list(ctx.patterns.thanks.finditer(text)) + list(ctx.patterns.thanks.finditer(searchable)):
        window = searchable[max(0, m.start() - 5): m.end() + 5]
        if _NOT_THANKS.search(window):
            continue
        before = searchable[max(0, m.start() - 24): m.start()].lower()
        if m.group(0).lower().startswith("appreciate") and (
                re.search(r"(?:would|'d)\s+(?:really\s+|truly\s+|greatly\s+|so\s+)?$", before)
                or re.match(r"\s*(?:it\s+)?if\b", searchable[m.end(): m.end() + 8], re.IGNORECASE)):
            continue
        return _finding(cid, "pass", f"Thanks the recipient: {_quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    closing = read_closing(note, ctx)
    if closing:
        return _finding(cid, "pass", f"Ends with a courteous sign-off: {_quote(note, closing.start, closing.end)}",
                        span=(closing.start, closing.end))
    return _finding(cid, "fail", "No thank-you and no courteous sign-off.", hint)


# --- 10. tone ---------------------------------------------------------------------------------

_EMOJI_CLASS = (
    "\U0001F300-\U0001F3FA\U0001F400-\U0001FAFF\u2600-\u27BF\U0001F000-\U0001F2FF\u2B00-\u2BFF"
    "\u2300-\u23FF\u203C\u2049\u3030\u303D\u3297\u3299"
)
_EMOJI = lazy_compile(
    "[\U0001F1E6-\U0001F1FF]{2}"  # a flag: two regional letters
    "|[" + _EMOJI_CLASS + "][\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]*"
    "(?:\u200d[" + _EMOJI_CLASS + "][\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]*)*"  # joined: 👩‍💻
    "|[\U0001F1E6-\U0001F1FF]"
)


def count_emoji(text: str) -> list[int]:
    """Offsets of emoji, counting a joined sequence (👩‍💻), a skin tone or a flag as one."""
    return [m.start() for m in _EMOJI.finditer(text)]


def _is_acronym(word: str, ctx: Context) -> bool:
    if word in ctx.patterns.acronyms:
        return True
    if fold(word) in _profile_name_words(ctx):
        return False  # "MEI-LING, your article is AWESOME": a name in capitals is shouted too
    for prof in (ctx.recipient, ctx.sender):
        if prof and word in F.profile_facts(prof).acronyms:
            return True
    low = word.lower()
    if re.search(r"(.)\1\1", low):  # "SOOO", "PLEASEEE"
        return False
    return low not in english_words()


_NOT_LETTER = lazy_compile(r"[\W\d_]+")
_TWO_CAPITALS = lazy_compile(r"[^\W\d_a-z]{2}")


def check_tone(note: Note, ctx: Context) -> Finding:
    cid = "tone"
    hint = "Write it as you would an email to a professor: sentence case, one “!” at most, no text-speak."
    if note.is_empty:
        return _finding(cid, "pass", "Nothing to fault: the note is empty.")
    text = note.text
    if not _TWO_CAPITALS.search(text):
        letters = ""  # no two capitals in a row: neither a note in capitals nor shouted words
    else:
        letters = _NOT_LETTER.sub("", text)
    upper = sum(map(str.__ne__, letters, letters.lower())) if len(letters) >= 12 else 0
    if len(letters) >= 12 and upper / len(letters) >= 0.7:
        return _finding(cid, "fail", "The note is written in capitals, which reads as shouting.", hint)
    shouted = [t for t in note.tokens if len(t.text) >= 3 and t.text.isupper() and t.text.isalpha()
               and not _is_acronym(t.text, ctx)] if letters else []
    if len(shouted) >= 2:
        a = shouted[0]
        return _finding(cid, "fail", f"Words in capitals read as shouting: {', '.join(t.text for t in shouted[:3])}.",
                        hint, span=(a.start, a.end))
    run = re.search(r"!{2,}|\?{2,}|[!?]{3,}", text)
    if run:
        return _finding(cid, "fail", f"Repeated punctuation: {_quote(note, max(0, run.start() - 15), run.end())}.", hint,
                        span=(run.start(), run.end()))
    emoji = [] if text.isascii() else count_emoji(note.raw[: len(note.text)])
    if len(emoji) >= 3:
        return _finding(cid, "fail", f"{len(emoji)} emoji: more than a professional note needs.",
                        "Keep to one emoji at most, or none.", span=(emoji[0], emoji[0] + 1))
    for t in note.tokens:
        low = t.low
        if low in ctx.patterns.text_speak:
            if (len(low) == 1 and t.text != low) or (len(low) > 1 and t.is_upper):
                continue  # "U of M", "R" the language, "RN" (a nurse), "TY" in a name
            if low == "u" and re.match(r"\s*(?:of|\.|-)", text[t.end: t.end + 4]):
                continue
            if low == "r" and re.match(r"\s*(?:&|and\b|programming|studio|package|code)", text[t.end: t.end + 14], re.IGNORECASE):
                continue
            if low == "ty" and t.text[0].isupper():
                continue
            return _finding(cid, "fail", f"Text-speak: “{t.text}”.", hint, span=(t.start, t.end))
    return _finding(cid, "pass", "Professional: no shouting, repeated punctuation, emoji clutter or text-speak.")


# --- The registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """A rubric criterion: stable id, title, why it matters, its check and its examples."""

    id: str
    title: str
    why: str
    check: Callable[[Note, Context], Finding]
    passes: tuple[str, ...]  # example notes that pass (to Dana Whitfield, from Alex Rivera)
    fails: tuple[str, ...]  # example notes that fail
    source: str = "Traslavina's article and the InviteLab rubric (shared/spec/RUBRIC.md)"


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "greeting", "Greets the recipient by name",
        "A correctly spelled name shows you looked at who you are writing to; a wrong or misspelled "
        "name, or “Dear Sir/Madam”, shows you did not.",
        check_greeting,
        passes=("Hi Dana, I enjoyed your post on career fairs.", "Dear Ms. Whitfield, thank you for your talk.",
                "Dana - your post on career fairs helped me."),
        fails=("Hi, I'd like to connect.", "Hi Dna, I enjoyed your post on career fairs.",
               "Dear Sir/Madam, I would like to connect.", "Hi [Name], I'd like to connect."),
    ),
    Criterion(
        "self_intro", "Says who the sender is",
        "A stranger needs to know who is asking: a role or an affiliation in a few words.",
        check_self_intro,
        passes=("Hi Dana, I'm a junior at Ohio State studying psychology.", "Hi Dana, I'm a student.",
                "Hi Dana, thanks for the advice.\nAlex Rivera, Ohio State '27"),
        fails=("Hi Dana, I'm looking for an internship.", "Hi Dana, I'd like to connect.\nAlex Rivera",
               "Hi Dana, I'm a big fan of your posts."),
    ),
    Criterion(
        "specific_detail", "Cites something true of this recipient",
        "One fact from the profile (a post, the employer, the school, a group) proves the note was "
        "written for this person; general praise fits anyone.",
        check_specific_detail,
        passes=("Hi Dana, your post on what you look for at career fairs was so useful.",
                "Hi Dana, I admire Meridian Health's nurse residency program."),
        fails=("Hi Dana, you have an impressive profile.", "Hi Dana, I saw your talk at SXSW.",
               "Hi Dana, I'm reaching out to recruiters in Columbus."),
    ),
    Criterion(
        "common_ground", "Names something you genuinely share",
        "People connect with those who share their interests, and recruiters look for commonalities; "
        "a claimed commonality must be true.",
        check_common_ground,
        passes=("Hi Dana, I'm a psychology junior at Ohio State too.",
                "Hi Dana, as a fellow Buckeye I'd love your advice."),
        fails=("Hi Dana, I enjoyed your post on career fairs.", "Hi Dana, as a fellow Michigan alum, hello!"),
    ),
    Criterion(
        "purpose", "Says what the sender wants to learn or ask",
        "A reason to connect, with a topic, lets the recipient help; “grow my network” gives them nothing.",
        check_purpose,
        passes=("Hi Dana, I'd love to learn how you moved into campus recruiting.",
                "Hi Dana, what do you look for in a career fair conversation?"),
        fails=("Hi Dana, I'd like to grow my network.", "Hi Dana, I'd love to pick your brain.",
               "Hi Dana, I'd like to connect."),
    ),
    Criterion(
        "no_hard_ask", "Makes no hard ask of a stranger",
        "Asking a stranger for a job, a referral, an interview or a resume review (or pitching, or "
        "sending a link) in the first note is easily ignored; a small ask is easy to say yes to.",
        check_no_hard_ask,
        passes=("Hi Dana, could I ask you two questions about career fairs?",
                "Hi Dana, would you be open to a 15-minute chat about campus recruiting?"),
        fails=("Hi Dana, could you refer me for an internship?", "Hi Dana, can you review my resume?",
               "Hi Dana, see my portfolio at alexrivera.dev", "Hi Dana, are you hiring?"),
    ),
    Criterion(
        "length", "Fits the character limit",
        "LinkedIn allows at most 300 characters in a note (reported as 200 on free accounts); a note "
        "that does not fit cannot be sent.",
        check_length,
        passes=("Hi Dana, I enjoyed your post on career fairs. Thanks!",),
        fails=("Hi Dana, " + "I enjoyed your post on career fairs. " * 10,),
    ),
    Criterion(
        "not_template", "Is not a default or an empty template",
        "LinkedIn's default text, a pleasantry or an unfilled placeholder tells the reader nobody "
        "wrote this for them; it is the invitation most often ignored.",
        check_not_template,
        passes=("Hi Dana, I'm a student at Ohio State. I'd like to connect.",
                "Hi Dana, your profile is impressive. I'd like to connect."),
        fails=("I'd like to add you to my professional network on LinkedIn.",
               "Hi Dana, hope you're well! I would like to connect with you. Best, Alex",
               "Hi {first_name}, I saw your work at {company}.", ""),
    ),
    Criterion(
        "polite_close", "Closes politely",
        "A thank-you or a courteous sign-off is the small courtesy that makes a stranger's note feel "
        "like one from a future colleague.",
        check_polite_close,
        passes=("Hi Dana, I enjoyed your post. Thank you!", "Hi Dana, I enjoyed your post.\nBest,\nAlex",
                "Hola Dana, me encantó tu post. Saludos, Alex"),
        fails=("Hi Dana, I enjoyed your post.\nAlex", "Hi Dana, I enjoyed your post. Please accept my invitation.",
               "Hi Dana, I'd appreciate it if you could connect."),
    ),
    Criterion(
        "tone", "Keeps a professional tone",
        "Capitals, runs of “!!”, a row of emoji and text-speak read as careless to a recruiter, "
        "whatever the content.",
        check_tone,
        passes=("Hi Dana! I'm an MBA student in NYC and a CFA candidate.", "Hey Dana, thanks for the great post."),
        fails=("HI DANA, I REALLY WANT TO CONNECT", "Hi Dana, I LOVE your post, it is AMAZING",
               "Hi Dana!! Great post", "Hi Dana, can u share ur tips pls", "Hi Dana 😀😀😀"),
    ),
)

CRITERIA_BY_ID = {c.id: c for c in CRITERIA}
