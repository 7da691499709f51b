"""Criterion ``greeting``: greets the recipient by a correctly spelled name."""
from __future__ import annotations

import re

from ...findings import Finding
from ...profiles import Profile
from ..context import Context
from ..criterion import Criterion, finding, quote
from ..note import Note, fold
from ..reading import PLACEHOLDER_BRACKETS, generic_addressees, read_greeting
from ..words import english_words

# --- 1. greeting ------------------------------------------------------------------------------


def _similar(a: str, b: str) -> bool:
    import difflib  # on first use, so that importing the engine stays fast

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
        return finding(cid, "fail", "The note is empty.", f"Open with {how}.")
    if g is None:
        # a vocative near the start: "Great to meet you, Dana!"
        if recipient:
            firsts, _, _ = _name_parts(recipient)
            for m in re.finditer(r",\s*([^\W\d_][\w'-]*)\s*[,.!?]", note.text[:100]):
                if fold(m.group(1)) in firsts:
                    return finding(cid, "pass", f"Addresses {who} by name: {quote(note, m.start(1), m.end(1))}",
                                   span=(m.start(1), m.end(1)))
        return finding(cid, "fail", "No greeting with the recipient's name at the start.",
                       f"Open with {how}.")
    span = (g.start, g.end)
    said = quote(note, g.start, g.end)
    if not g.name:
        return finding(cid, "fail", f"The greeting {said} has no name.", f"Add {who}'s name: {how}.", span)
    name_words = [fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", g.name)]
    raw_name = g.name.strip()
    if PLACEHOLDER_BRACKETS.search(raw_name) or (raw_name.isupper() and ctx.patterns.placeholder_words.search(raw_name)):
        return finding(cid, "fail", f"The greeting has an unfilled placeholder: {said}.",
                       f"Replace it with {who}'s name: {how}.", span)
    if not name_words or name_words[0] in generic_addressees() or "/" in raw_name:
        return finding(cid, "fail", f"The greeting {said} does not use a name.", f"Use {who}'s name: {how}.", span)
    if recipient is None:
        if g.greet or (g.name[:1].isupper() and name_words[0] not in english_words()):
            return finding(cid, "pass", f"Greets someone by name: {said}", span=span)
        return finding(cid, "fail", "No greeting with a name at the start.", f"Open with {how}.")
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
        return finding(cid, "pass", f"Greets {who} by name: {said}", span=span)
    if not g.greet and not title:
        # The note opens with some other word and a comma ("Quick question, ..."): not a greeting
        if not any(_similar(w, n) for w in name_words[:1] for n in firsts | lasts):
            return finding(cid, "fail", "No greeting with the recipient's name at the start.", f"Open with {how}.")
    if any(_similar(w, n) for w in name_words for n in firsts | lasts):
        return finding(cid, "fail", f"The name is misspelled: {said}; the profile says {recipient.name}.",
                       f"Spell it exactly as the profile does: {how}. A misspelled name is the first thing a reader notices.",
                       span)
    if name_words[0] in lasts and not title:
        return finding(cid, "fail", f"The greeting uses the last name without a title: {said}.",
                       f"Use {how}.", span)
    return finding(cid, "fail", f"Wrong name: {said}, but this note goes to {recipient.name}.",
                   f"Use the recipient's name: {how}. Check it before sending a note you adapted from another.",
                   span)


CRITERION = Criterion(
    "greeting", "Greets the recipient by name",
    "A correctly spelled name shows you looked at who you are writing to; a wrong or misspelled "
    "name, or “Dear Sir/Madam”, shows you did not.",
    check_greeting,
    passes=("Hi Dana, I enjoyed your post on career fairs.", "Dear Ms. Whitfield, thank you for your talk.",
            "Dana - your post on career fairs helped me."),
    fails=("Hi, I'd like to connect.", "Hi Dna, I enjoyed your post on career fairs.",
           "Dear Sir/Madam, I would like to connect.", "Hi [Name], I'd like to connect."),
)
