"""Unfilled placeholders, in every form the rubric names: brackets and braces (``[Name]``,
``{company}``, ``<First Name>``, ``{{ NAME }}``, a blank ``_____``), the rubric's capitalised
stand-in words (``NAME``, ``COMPANY``, ``XYZ``: rubric.toml's ``placeholders`` list) and the
lexicon family ``placeholders.forms`` (``(company name)``, ``(meeting/talking)``, ``(your
school)``, ``So-and-so``, ``##``). Shared by not_template, tone, specific_detail and self_intro."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .structure import BRACKET_NEEDLES

if TYPE_CHECKING:
    from .reading import Reading


def _may_have_form(text: str) -> bool:
    """Whether placeholders.forms can match: "(" before a lower-case letter, "##", "XX", "YY",
    "so-and-so" / "such-and-such" (a cheap test first: speed)."""
    i = text.find("(")
    while i >= 0:
        if text[i + 1: i + 2].islower():
            return True
        i = text.find("(", i + 1)
    if "##" in text or "XX" in text or "YY" in text:
        return True
    if "and" in text or "AND" in text:
        low = text.lower()
        return "-and-" in low or " and so" in low or " and such" in low
    return False


def find_placeholders(r: Reading) -> tuple[tuple[int, int], ...]:
    """Every placeholder's (start, end) in the note, in order."""
    text = r.text
    spans = [m.span() for m in r.lex_re("placeholders.brackets", BRACKET_NEEDLES).finditer(text)]
    spans += [m.span() for m in r.patterns.placeholder_words.finditer(text)]
    forms = r.lex("placeholders.forms")
    if forms.changed or _may_have_form(text):
        spans += [m.span() for m in forms.finditer(text)]
    return tuple(sorted(set(spans))) if spans else ()


def blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The text with every span replaced by spaces (offsets unchanged): a reference made only
    through a placeholder names nothing."""
    if not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        if a < last:
            a = last
        out.append(text[last:a])
        out.append(" " * max(0, b - a))
        last = max(last, b)
    out.append(text[last:])
    return "".join(out)
