"""Criterion ``self_intro``: says who the sender is (a role or an affiliation)."""
from __future__ import annotations

import re

from ...findings import Finding
from .. import facts as F
from ..context import Context
from ..criterion import Criterion, finding, quote
from ..note import Note, fold
from .. import lexicon
from ..patterns import lazy_compile
from ..placeholders import blanked, placeholder_spans
from ..reading import GREET_WORDS, read_closing, read_greeting
from ..shortforms import place_words, words_of
from ..words import STOPWORDS

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
    if re.match(r"\s*(?:who\s+(?:studies|works|teaches|is\s+studying|majors)|studying|working\s+(?:in|at|as)|majoring|"
                r"(?:transitioning|switching|moving|pivoting)\s+(?:from|into|to)\s+\w+)\b",
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
        if m.group(1) != "from" or fold(m.group(2)) not in place_words():
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
    if fold(m.group("name").split()[0]) in place_words() and re.fullmatch(r"[A-Z]{2}\.?|[A-Z][a-z]+", tail.strip()):
        return None  # "Louisville, KY": a city and state, not a name and an affiliation
    if re.search(r"'\d{2}\b|\b20\d\d\b|@|\bclass of\b", tail, re.IGNORECASE) or _role_in(tail, ctx) or \
            (re.search(r"\b[A-Z][\w&]+", tail) and not place_only and
             not all(w.lower().strip(",.") in place_words() for w in re.findall(r"[A-Za-z]+", tail))):
        start = region_start + region.find(m.group("name"))
        return start, len(text)
    return None


_CLAUSE_END = ".!?\n,"


def _first_word_blank(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when the first word after ``start`` that is not a stopword lies in a placeholder (or
    there is none before ``end``): "I work in [field]", "I'm working on [project name]"."""
    for w in re.finditer(r"[^\W\d_][\w'&-]*", text[start:end]):
        if w.group(0).lower() not in STOPWORDS:
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
    holes = placeholder_spans(note, ctx)
    plain = blanked(note, ctx) if holes else text  # placeholders as spaces, same offsets: "[role]" is no role
    for pattern in (_IM_A, _NAME_APPOSITIVE):
        for m in pattern.finditer(text):
            phrase = plain[m.start("phrase"):m.end("phrase")] if "phrase" in m.groupdict() and m.group("phrase") else None
            org = plain[m.start("org"):m.end("org")] if m.groupdict().get("org") else None
            if org:
                lead = re.match(r"[A-Z][\w&'.-]*(?:\s+(?:of|the|and|&|at|[A-Z][\w&'.-]*))*", org)
                org = lead.group(0) if lead else None
            if org and all(w.lower().strip(",.") in place_words() for w in org.split()[:3] if w[:1].isalpha()):
                org = None  # "I'm Maya from Cincinnati": a home town, not an affiliation
            if org or (phrase and _role_in(phrase, ctx, limit=8)):
                return finding(cid, "pass", f"Says who you are: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    vague = lexicon.family("introductions.vague_field")
    vague_fields = {m.start() for m in vague.finditer(text)} if vague.changed or "work" in text else set()
    for pattern in (_IM_DOING, _I_VERB):
        for m in pattern.finditer(text):
            if m.start() in vague_fields:
                continue  # not "I work in this space"
            end = min(len(text), m.end() + 30)
            end = next((i for i in range(m.end(), end) if text[i] in _CLAUSE_END), end)
            if holes and _first_word_blank(text, holes, m.end(), end) or \
                    re.match(r"\s+together\b", text[m.end():], re.IGNORECASE):
                continue  # "I work in [field]": the field is only a placeholder;
                # "we studied together": how they know someone, not who they are
            return finding(cid, "pass", f"Says who you are: {quote(note, m.start(), end)}", span=(m.start(), end))
    for m in _AS_A.finditer(text):
        if re.match(r"\s+(?:you|your)\b", text[m.end():], re.IGNORECASE):
            continue  # "As a recruiter, could you ...": the recipient's role
        if m.group("after").lower() not in ("you", "your", "you're", "you've", "youre") and \
                _role_in(plain[m.start("phrase"):m.end("phrase")], ctx, limit=12):
            return finding(cid, "pass", f"Says who you are: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    for m in _HERE.finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        after = re.match(r"\s*[,:(-]\s*([^.!?\n;)]{2,60})", plain[m.end():])
        if _role_in(phrase, ctx) or re.search(r"\bfellow\s+[^\W\d_]", phrase, re.IGNORECASE) or (after and _role_in(after.group(1), ctx, limit=4)):
            end = m.end() + (after.end() if after and not _role_in(phrase, ctx) else 0)
            return finding(cid, "pass", f"Says who you are: {quote(note, m.start('phrase'), end)}",
                           span=(m.start("phrase"), end))
    for m in _SENTENCE_A.finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        if _role_in(phrase, ctx, limit=4) and re.search(r"\b(?:i|i'm|my|me)\b", text[m.end(): m.end() + 40], re.IGNORECASE) is not None \
                and not re.search(r"\b(?:you|your)\b", phrase, re.IGNORECASE):
            return finding(cid, "pass", f"Says who you are: {quote(note, m.start('phrase'), m.end())}",
                           span=(m.start("phrase"), m.end()))
    for m in _ROLE_OPENING.finditer(text):
        phrase = plain[m.start("phrase"):m.end("phrase")]
        greeting = read_greeting(note)
        if greeting and m.start("phrase") < greeting.end or re.match(rf"\s*{GREET_WORDS}\b", phrase, re.IGNORECASE):
            continue
        if re.match(r"\s*,?\s*(?:(?:would|could|can|do|did|are|have|will)\s+)?(?:you|your)\b", text[m.end("phrase"):],
                    re.IGNORECASE):
            continue  # "As a recruiter, could you ...": the recipient's role
        if _role_in(phrase, ctx, limit=8) and not re.search(r"\b(?:you|your)\b", phrase, re.IGNORECASE):
            return finding(cid, "pass", f"Says who you are: {quote(note, m.start('phrase'), m.end('phrase'))}",
                           span=(m.start("phrase"), m.end("phrase")))
    m = _WE_BOTH.search(text)
    if m and not re.match(r"(?:connected|linked|following|in\s+touch)\b", m.group("phrase"), re.IGNORECASE) and \
            _role_in(plain[m.start("phrase"):m.end("phrase")], ctx, limit=6):
        return finding(cid, "pass", f"Says who you are: {quote(note, m.start(), m.end())}", span=(m.start(), m.end()))
    low = text.lower()
    for fid, needles in INTRO_FAMILIES:
        if not any(n in low for n in needles):
            continue
        m = next((m for m in lexicon.family(fid).finditer(text) if not _has_placeholder(holes, m.start(), m.end())), None)
        if m and fid == "introductions.fellow_peers":
            peers = re.split(r"(?i)\bfellow\s+", m.group(0), maxsplit=1)[-1]
            if not (_role_in(peers, ctx) or re.match(r"[A-Z][a-z]", peers)):
                m = None
        if m:
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\n.!?-–—"))
            return finding(cid, "pass", f"Says who you are: {quote(note, start, m.end())}", span=(start, m.end()))
    # an affiliation stated about the sender: "Etsy seller here", "Temple ..., same as me!"
    for who in (ctx.sender, ctx.recipient):
        if who is None:
            continue
        for mention in F.find_mentions(note, who):
            if mention.fact.kind in ("school", "employer", "group") and mention.side in ("sender", "shared") and mention.exact:
                return finding(cid, "pass", f"Says where they are from: {quote(note, mention.start, mention.end)}",
                               span=(mention.start, mention.end))
    sig = _signature_role(note, ctx)
    if sig:
        return finding(cid, "pass", f"The signature says who they are: {quote(note, *sig)}", span=sig)
    if re.search(r"\bi'?m\s+(?:looking|seeking|hoping|searching|interested|applying)", text, re.IGNORECASE):
        return finding(cid, "fail", "Says what they want but not who they are.", suggestion)
    return finding(cid, "fail", "The note never says who the sender is.", suggestion)


CRITERION = Criterion(
    "self_intro", "Says who the sender is",
    "A stranger needs to know who is asking: a role or an affiliation in a few words.",
    check_self_intro,
    passes=("Hi Dana, I'm a junior at Ohio State studying psychology.", "Hi Dana, I'm a student.",
            "Hi Dana, thanks for the advice.\nAlex Rivera, Ohio State '27"),
    fails=("Hi Dana, I'm looking for an internship.", "Hi Dana, I'd like to connect.\nAlex Rivera",
           "Hi Dana, I'm a big fan of your posts."),
)
