"""Finding asks in a note: hard asks of a stranger (job, referral, interview, resume review, pitch)
and links; used by ``no_hard_ask`` and by ``purpose`` (a hard ask is not a purpose)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .structure import WORD

if TYPE_CHECKING:
    from .reading import Reading

# --- Hard asks and links (shared by no_hard_ask and purpose) ------------------------------

# Indirect asks for an opening and pitches dressed as a chat (lexicon/hard_asks.toml)
# Each family runs only on a note that has one of its needles (lower case): speed.
_LEXICON_FAMILIES = (
    ("hard_asks.indirect", ("if ", "mind", "radar", "contribute", "look at", "attached", "forward me", "pass me",
                            "refer me")),
    ("hard_asks.pitch", ("synerg", "free", "demo", "present", "show", "walk you", "introduce you", "tell you about",
                         "invit", "take a look", "check out")),
    ("hard_asks.pitch_statement", ("raising", "help", "like yours", "recruiting", "hiring", "opportunit", "role",
                                   "position", "opening", "solution")),
)
# Wanting a job said indirectly and sales pitches offered as a chat: searched over the whole note
# (their words need not be hard-ask trigger words), each only when the note has one of its needles.
_WHOLE_NOTE_FAMILIES = (
    ("hard_asks.job_wanted", ("work", "join", "role", "position", "opening", "vacanc", "fit")),
    ("hard_asks.pitch_offer", ("helped", "worth", "building")),
)


@lru_cache(maxsize=32)
def _hard_asks_on(rubric) -> bool:
    """False when the rubric's `hard_asks` list is empty: hard-ask phrases are then turned off."""
    return bool(rubric.phrase_list("hard_asks"))


def find_link(r: Reading) -> tuple[int, int] | None:
    """A link, or a placeholder standing for one ("[PASTE REPO LINK]"): (start, end) or None."""
    text = r.text
    cues = r.lex("hard_asks.link_cues")
    for m in r.lex_re("hard_asks.link", (".",)).finditer(text):
        if _names_a_product(m.group(0)) and not cues.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "I used Jobscan.co to tailor my resume": a product named in prose
        return m.span()
    fam = r.lex("placeholders.link")
    if "[" in text or "{" in text or "<" in text or fam.changed:
        m = fam.search(text)
        if m:
            return m.span()
    return None


def _names_a_product(found: str) -> bool:
    """A bare domain written as a name ("Jobscan.co", "Booking.com"): a capital, then lower-case
    letters, no scheme, no "www." and no path."""
    return found[:1].isupper() and "/" not in found and not found.lower().startswith("www.") and \
        found.split(".")[0][1:].islower()


def first_ask(r: Reading, requests_only: bool = False) -> tuple[int, int] | None:
    """Where the note first asks too much (a job, a referral, a resume review, a pitch), if anywhere;
    with `requests_only`, not counting pitches said as statements (``hard_asks.pitch_statement``)."""
    text = r.text
    hits = []
    # the large pattern runs only over sentences that have one of its trigger words (speed)
    if not _hard_asks_on(r.rubric):
        return None  # the rubric's hard-ask list, emptied, turns hard-ask phrases off (links stay)
    windows: list[tuple[int, int]] = []
    triggers = r.lex("hard_asks.triggers").word_set
    for sent in r.note.sentences:
        if not triggers.isdisjoint(WORD.findall(sent.text.lower())):
            start = max(0, sent.start - 3)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], sent.end)
            else:
                windows.append((start, sent.end))
    direct = r.lex("hard_asks.direct")
    if direct.changed:  # a rubric's own patterns need not have a trigger word
        scans = [(direct.pattern, 0, len(text))]
    else:
        scans = [(direct.pattern, a, b) for a, b in windows]
    scans.append((r.patterns.hard_ask, 0, len(text)))
    mine = r.lex("hard_asks.review_mine")
    if mine.changed or "mine" in text.lower():
        scans.append((mine.pattern, 0, len(text)))
    low = text[windows[0][0]:windows[-1][1]].lower() if windows else ""
    for fid, needles in _LEXICON_FAMILIES:
        if requests_only and fid == "hard_asks.pitch_statement":
            continue
        fam = r.lex(fid)
        if fam.changed:  # a rubric's own words need not have a trigger word or a needle
            scans.append((fam.pattern, 0, len(text)))
        elif windows and any(n in low for n in needles):
            # from the first trigger window to the last (a family may span sentences)
            scans.append((fam.pattern, windows[0][0], windows[-1][1]))
    for fid, needles in _WHOLE_NOTE_FAMILIES:
        scans.append((r.lex_re(fid, needles), 0, len(text)))
    soft = r.lex("hard_asks.soft_interview")
    for pattern, a, b in scans:
        for m in pattern.finditer(text, a, b):
            window = text[max(0, m.start() - 15): m.end() + 10]
            if "interview" in m.group(0).lower() and soft.search(window):
                continue
            hits.append((m.start(), m.end()))
            break
    return min(hits) if hits else None


def states_only(r: Reading, span: tuple[int, int]) -> bool:
    """True when the hard ask at `span` is a pitch said as a statement ("Raising a seed round"):
    it fails ``no_hard_ask`` but requests nothing, so it is no purpose (``purposes``)."""
    return bool(r.lex("hard_asks.pitch_statement").pattern.match(r.text, span[0]))
