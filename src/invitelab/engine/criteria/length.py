"""Criterion ``length``: fits the character limit."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding
from ..reading import Reading


def judge_length(r: Reading) -> Finding:
    cid = "length"
    note = r.note
    n = len(note.raw)
    limit = r.rubric.limit
    warn = r.rubric.warn_above
    if n > limit and (note.is_empty and not note.truncated or not note.raw.strip()):
        # spec: an empty note passes length, there is nothing to fault (even "\r\r" with a limit of 1)
        return finding(cid, "pass", f"{n:,} characters of white space only: nothing to send yet.")
    if n <= limit:
        warning = ""
        if n > warn and limit > warn:
            warning = (f"{n} characters: free accounts are reported to allow only {warn}; "
                       f"trim {n - warn} characters if you do not have Premium.")
        return finding(cid, "pass", f"{n} characters, within the {limit}-character limit.", warning=warning)
    extra = f" (only the first {note.read_length:,} characters were read for the other criteria)" if note.truncated else ""
    return finding(cid, "fail", f"{n:,} characters: {n - limit:,} over the {limit}-character limit{extra}.",
                   f"Cut {n - limit:,} characters: keep the greeting, one specific detail, your purpose and a thank-you.",
                   span=(limit, n))


CRITERION = Criterion(
    "length", "Fits the character limit",
    "LinkedIn allows at most 300 characters in a note (reported as 200 on free accounts); a note "
    "that does not fit cannot be sent.",
    judge_length,
    passes=("Hi Dana, I enjoyed your post on career fairs. Thanks!",),
    fails=("Hi Dana, " + "I enjoyed your post on career fairs. " * 10,),
)
