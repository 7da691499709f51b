"""Criterion ``greeting``: greets the recipient by a correctly spelled name."""
from __future__ import annotations

import re

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..names import name_parts, similar
from ..note import fold
from ..reading import Reading
from ..structure import PLACEHOLDER_BRACKETS
from ..words import english_words


def judge_greeting(r: Reading) -> Finding:
    cid = "greeting"
    note, recipient = r.note, r.recipient
    who = recipient.first_name if recipient else "the recipient"
    how = (f"“Hi {recipient.first_name},”" + (f" or “Dear Ms./Mr./Dr. {recipient.last_name},”" if recipient.last_name else "")
           if recipient else "their name (“Hi Dana,”)")
    g = r.greeting
    if note.is_empty:
        return finding(cid, "fail", "The note is empty.", f"Open with {how}.")
    if g is None:
        # a vocative near the start: "Great to meet you, Dana!"
        if recipient:
            firsts, _, _ = name_parts(recipient)
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
    if PLACEHOLDER_BRACKETS.search(raw_name) or (raw_name.isupper() and r.patterns.placeholder_words.search(raw_name)):
        return finding(cid, "fail", f"The greeting has an unfilled placeholder: {said}.",
                       f"Replace it with {who}'s name: {how}.", span)
    if not name_words or name_words[0] in r.lex("addressees.generic").word_set or "/" in raw_name:
        return finding(cid, "fail", f"The greeting {said} does not use a name.", f"Use {who}'s name: {how}.", span)
    if recipient is None:
        if g.greet or (g.name[:1].isupper() and name_words[0] not in english_words()):
            return finding(cid, "pass", f"Greets someone by name: {said}", span=span)
        return finding(cid, "fail", "No greeting with a name at the start.", f"Open with {how}.")
    firsts, lasts, full = name_parts(recipient)
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
        if extra and not (extra == full[1:] or " ".join(extra) in lasts) and any(similar(w, last) for w in extra for last in lasts):
            ok = False
    if ok:
        return finding(cid, "pass", f"Greets {who} by name: {said}", span=span)
    if not g.greet and not title:
        # The note opens with some other word and a comma ("Quick question, ..."): not a greeting
        if not any(similar(w, n) for w in name_words[:1] for n in firsts | lasts):
            return finding(cid, "fail", "No greeting with the recipient's name at the start.", f"Open with {how}.")
    if any(similar(w, n) for w in name_words for n in firsts | lasts):
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
    judge_greeting,
    passes=("Hi Dana, I enjoyed your post on career fairs.", "Dear Ms. Whitfield, thank you for your talk.",
            "Dana - your post on career fairs helped me."),
    fails=("Hi, I'd like to connect.", "Hi Dna, I enjoyed your post on career fairs.",
           "Dear Sir/Madam, I would like to connect.", "Hi [Name], I'd like to connect."),
)
