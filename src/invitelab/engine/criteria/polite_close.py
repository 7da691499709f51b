"""Criterion ``polite_close``: closes politely (thanks or a courteous sign-off)."""
from __future__ import annotations

from ...findings import Finding
from ..criterion import Criterion, finding, quote
from ..reading import Reading


def judge_polite_close(r: Reading) -> Finding:
    cid = "polite_close"
    hint = "End with a thank-you or a courteous sign-off (“Thank you, Alex” or “Best, Alex”)."
    if r.sender:
        hint = f"End with a thank-you or a courteous sign-off (“Thank you, {r.sender.first_name}” or “Best, {r.sender.first_name}”)."
    if r.thanks:
        return finding(cid, "pass", f"Thanks the recipient: {quote(r, *r.thanks)}", span=r.thanks)
    closing = r.closing
    if closing:
        return finding(cid, "pass", f"Ends with a courteous sign-off: {quote(r, closing.start, closing.end)}",
                       span=(closing.start, closing.end))
    return finding(cid, "fail", "No thank-you and no courteous sign-off.", hint)


CRITERION = Criterion(
    "polite_close", "Closes politely",
    "A thank-you or a courteous sign-off is the small courtesy that makes a stranger's note feel "
    "like one from a future colleague.",
    judge_polite_close,
    passes=("Hi Dana, I enjoyed your post. Thank you!", "Hi Dana, I enjoyed your post.\nBest,\nAlex",
            "Hola Dana, me encantó tu post. Saludos, Alex"),
    fails=("Hi Dana, I enjoyed your post.\nAlex", "Hi Dana, I enjoyed your post. Please accept my invitation.",
           "Hi Dana, I'd appreciate it if you could connect."),
)
