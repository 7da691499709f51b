"""Finding asks in a note: hard asks of a stranger (job, referral, interview, resume review, pitch)
and links; used by ``no_hard_ask`` and by ``purpose`` (a hard ask is not a purpose)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .context import Context, memo
from .note import Note
from .patterns import lazy_compile
from .reading import WORD

# --- Hard asks and links (shared by no_hard_ask and purpose) ------------------------------

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
    positions radar synergy synergies synergistic pilot repo repository forward invite inviting consultation
    audit contribute""".split()
)
_SOFT = lazy_compile(r"\binformational\s+interviews?\b|\binterview\s+you\b|\b(?:recorded|podcast|video|phone)\s+interview|"
                     r"\binterview\s+for\s+(?:my|our|a|the)\s+(?:\w+\s+)?(?:capstone|class|course|podcast|project|paper|story|"
                     r"article|thesis|newsletter|research|assignment|show|series|episode)", re.IGNORECASE)


# Indirect asks for an opening and pitches dressed as a chat (lexicon/hard_asks.toml)
# Each family runs only on a note that has one of its needles (lower case): speed.
_LEXICON_FAMILIES = (
    ("hard_asks.indirect", ("if ", "mind", "radar", "contribute", "look at", "attached", "forward me", "pass me",
                            "refer me")),
    ("hard_asks.pitch", ("synerg", "free", "demo", "present", "show", "walk you", "introduce you", "tell you about",
                         "invit", "take a look", "check out")),
)


@lru_cache(maxsize=32)
def _hard_asks_on(rubric) -> bool:
    """False when the rubric's `hard_asks` list is empty: hard-ask phrases are then turned off."""
    return bool(rubric.phrase_list("hard_asks"))


def _link(note: Note):
    """A link, or a placeholder standing for one ("[PASTE REPO LINK]"): (start, end) or None."""
    m = _LINK.search(note.text)
    if m:
        return m.span()
    fam = lexicon.family("placeholders.link")
    if "[" in note.text or "{" in note.text or "<" in note.text or fam.changed:
        m = fam.search(note.text)
        if m:
            return m.span()
    return None


def _first_ask(note: Note, ctx: Context) -> tuple[int, int] | None:
    """Where the note first asks too much (a job, a referral, a resume review, a pitch), if anywhere."""

    def compute():
        text = note.text
        hits = []
        # the large pattern runs only over sentences that have one of its trigger words (speed)
        if not _hard_asks_on(ctx.rubric):
            return None  # the rubric's hard-ask list, emptied, turns hard-ask phrases off (links stay)
        windows: list[tuple[int, int]] = []
        for sent in note.sentences:
            if not _HARD_ASK_TRIGGERS.isdisjoint(WORD.findall(sent.text.lower())):
                start = max(0, sent.start - 3)
                if windows and start <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], sent.end)
                else:
                    windows.append((start, sent.end))
        scans = [(_hard_ask_pattern(), a, b) for a, b in windows]
        scans.append((ctx.patterns.hard_ask, 0, len(text)))
        if "mine" in text.lower():
            scans.append((_RESUME_MINE, 0, len(text)))
        low = text[windows[0][0]:windows[-1][1]].lower() if windows else ""
        for fid, needles in _LEXICON_FAMILIES if windows or lexicon.active_changes() is not None else ():
            fam = lexicon.family(fid)
            if fam.changed:  # a rubric's own words need not have a trigger word or a needle
                scans.append((fam.pattern, 0, len(text)))
            elif windows and any(n in low for n in needles):
                # from the first trigger window to the last (a family may span sentences)
                scans.append((fam.pattern, windows[0][0], windows[-1][1]))
        for pattern, a, b in scans:
            for m in pattern.finditer(text, a, b):
                window = text[max(0, m.start() - 15): m.end() + 10]
                if "interview" in m.group(0).lower() and _SOFT.search(window):
                    continue
                hits.append((m.start(), m.end()))
                break
        return min(hits) if hits else None

    return memo(note, "first_ask", compute)


def find_hard_ask(note: Note, ctx: Context, skip_links: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The first hard ask or link (links skipped when `skip_links`)."""
    ask = _first_ask(note, ctx)
    link = None if skip_links else memo(note, "link", lambda: _link(note))
    found = []
    if link:
        found.append(("link", link))
    if ask:
        found.append(("ask", ask))
    return min(found, key=lambda h: h[1][0]) if found else None
