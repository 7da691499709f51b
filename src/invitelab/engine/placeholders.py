"""Unfilled placeholders, in every form the rubric names: brackets and braces (``[Name]``,
``{company}``, ``<First Name>``, ``{{ NAME }}``, a blank ``_____``), the rubric's capitalised
stand-in words (``NAME``, ``COMPANY``, ``XYZ``: rubric.toml's ``placeholders`` list) and the
lexicon family ``placeholders.forms`` (``(company name)``, ``(meeting/talking)``, ``(your
school)``, ``So-and-so``, ``##``). Shared by not_template, tone, specific_detail and self_intro."""
from __future__ import annotations

from . import lexicon
from .context import Context, memo
from .note import Note
from .reading import PLACEHOLDER_BRACKETS


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


def placeholder_spans(note: Note, ctx: Context) -> tuple[tuple[int, int], ...]:
    """Every placeholder's (start, end) in the note, in order."""

    def compute():
        text = note.text
        spans = [m.span() for m in PLACEHOLDER_BRACKETS.finditer(text)]
        spans += [m.span() for m in ctx.patterns.placeholder_words.finditer(text)]
        forms = lexicon.family("placeholders.forms")
        if forms.changed or _may_have_form(text):
            spans += [m.span() for m in forms.finditer(text)]
        return tuple(sorted(set(spans))) if spans else ()

    return memo(note, "placeholder_spans", compute)


def first_placeholder(note: Note, ctx: Context) -> tuple[int, int] | None:
    spans = placeholder_spans(note, ctx)
    return spans[0] if spans else None


def inside_placeholder(note: Note, ctx: Context, pos: int) -> bool:
    return any(a <= pos < b for a, b in placeholder_spans(note, ctx))


def blanked(note: Note, ctx: Context) -> str:
    """The note's text with every placeholder replaced by spaces (offsets unchanged): a reference
    made only through a placeholder names nothing."""

    def compute():
        text = note.text
        spans = placeholder_spans(note, ctx)
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

    return memo(note, "blanked", compute)
