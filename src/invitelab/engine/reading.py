"""One reading of a note: everything the criteria judge, for one (note, recipient, sender, rubric).

:func:`~.scoring.score` builds one :class:`Reading` per check and hands it to every criterion;
a criterion is a function of the Reading alone. Each field is computed on first use, once, by
the module whose job it is, and then held (``functools.cached_property``: a typed attribute per
fact, not a cache dictionary):

- ``structure``: :attr:`greeting`, :attr:`closing`, :attr:`body` (and the signature);
- ``placeholders``: :attr:`placeholders`, :attr:`blanked`;
- ``facts`` (the fact matcher): :attr:`claims` checked against the profile, :attr:`recipient_mentions`
  and :attr:`sender_mentions` (facts of either profile the note names), :attr:`shared_facts`;
- ``asks``: :attr:`first_ask`, :attr:`link`, :attr:`hard_ask`;
- ``references``: :attr:`how_you_know`, :attr:`concrete_reference` (references without a profile);
- ``names``, ``details``, ``commonalities``, ``introductions``, ``purposes``, ``templates``,
  ``voice``: what each criterion's judgement needs (see their docstrings).

Knowledge (word lists, phrase patterns) is read through :meth:`Reading.lex`, so that a rubric's
``[lexicon]`` section can replace or extend any family.

The Reading is frozen: nothing may set an attribute on it after it is built.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from . import lexicon
from .context import Patterns, patterns_for
from .note import Note, fold

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..rubric import Rubric
    from . import facts as F
    from .structure import Closing, Greeting
    from .commonalities import Common
    from .details import Detail
    from .templates import Template
    from .voice import Voice


class Reading:
    """The note as every criterion reads it, for one recipient, sender and rubric (frozen)."""

    def __init__(self, note: Note, recipient: Profile | None, sender: Profile | None, rubric: Rubric):
        set_ = object.__setattr__
        set_(self, "note", note)
        set_(self, "text", note.text)
        set_(self, "recipient", recipient)
        set_(self, "sender", sender)
        set_(self, "rubric", rubric)
        set_(self, "patterns", patterns_for(rubric))

    note: Note
    text: str  # the note as read (normalised; offsets of every span)
    recipient: Profile | None
    sender: Profile | None
    rubric: Rubric
    patterns: Patterns  # the rubric's phrase lists, compiled

    def __setattr__(self, name, value):
        raise AttributeError(f"a Reading is frozen (cannot set {name!r})")

    def __delattr__(self, name):
        raise AttributeError(f"a Reading is frozen (cannot delete {name!r})")

    # --- knowledge ----------------------------------------------------------------------------

    def lex(self, fid: str) -> lexicon.Family:
        """The lexicon family ``fid`` as this rubric has it (its ``[lexicon]`` section may replace
        or extend any family; an emptied family finds nothing)."""
        return lexicon_family(fid, self.rubric)

    # --- structure ----------------------------------------------------------------------------

    @cached_property
    def greeting(self) -> Greeting | None:
        from .structure import read_greeting

        return read_greeting(self.note)

    @cached_property
    def closing(self) -> Closing | None:
        from .structure import read_closing

        return read_closing(self.note, self.patterns.sign_off)

    @cached_property
    def thanks(self) -> tuple[int, int] | None:
        """Where the note thanks the recipient, if it does."""
        from .structure import find_thanks

        return find_thanks(self)

    @cached_property
    def body(self) -> tuple[int, int]:
        """(start, end) of the part between the greeting and the sign-off."""
        from .structure import body_span

        return body_span(self.greeting, self.closing, self.note)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The folded words of the recipient's and sender's names."""
        names = set()
        for prof in (self.recipient, self.sender):
            if prof:
                names.update(fold(w) for w in re.findall(r"[^\W\d_]+", prof.name + " " + prof.first_name))
        return frozenset(names)

    @cached_property
    def template(self) -> Template:
        """Whether the note has words of its own or is a default, a pleasantry or a template."""
        from .templates import own_words

        return own_words(self)

    @cached_property
    def voice(self) -> Voice:
        """The first thing that reads as unprofessional (capitals, "!!", emoji, text-speak), if any."""
        from .voice import read_voice

        return read_voice(self)

    # --- placeholders -------------------------------------------------------------------------

    @cached_property
    def placeholders(self) -> tuple[tuple[int, int], ...]:
        """Every unfilled placeholder's (start, end), in order."""
        from .placeholders import placeholder_spans

        return placeholder_spans(self)

    @cached_property
    def blanked(self) -> str:
        """The text with every placeholder replaced by spaces (same offsets)."""
        from .placeholders import blank

        return blank(self.text, self.placeholders)

    def inside_placeholder(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.placeholders)

    # --- facts of the profiles (the fact matcher, called once per note) -------------------------

    @cached_property
    def claims(self) -> list[F.Claim]:
        """References to the recipient's record, each checked against the profile (if any)."""
        from . import facts as F

        return F.find_claims(self.note, self.recipient)

    @cached_property
    def recipient_mentions(self) -> list[F.Mention]:
        """Facts of the recipient's profile the note names (and whose they are said to be)."""
        from . import facts as F

        return F.find_mentions(self.note, self.recipient) if self.recipient is not None else []

    @cached_property
    def sender_mentions(self) -> list[F.Mention]:
        """Facts of the sender's profile the note names."""
        from . import facts as F

        return F.find_mentions(self.note, self.sender) if self.sender is not None else []

    @cached_property
    def shared_facts(self) -> list[tuple[F.Fact, F.Fact]]:
        """Facts both profiles support (empty without both profiles)."""
        from . import facts as F

        if self.recipient is None or self.sender is None:
            return []
        return F.shared_facts(self.recipient, self.sender)

    @cached_property
    def in_common(self) -> Common:
        """What the note claims the two share, supported by the sender's profile or not."""
        from .commonalities import claimed_in_common

        return claimed_in_common(self)

    @cached_property
    def nearly_shared(self) -> str:
        """What the two profiles nearly share (a skill, a close interest), in words ("" if nothing)."""
        from .commonalities import close_but_not_shared

        if self.recipient is None or self.sender is None:
            return ""
        return close_but_not_shared(self.recipient, self.sender)

    @cached_property
    def detail(self) -> Detail:
        """What the note cites that is true of the recipient, or why nothing counts."""
        from .details import cited_detail

        return cited_detail(self)

    # --- asks and links -----------------------------------------------------------------------

    @cached_property
    def first_ask(self) -> tuple[int, int] | None:
        """Where the note first asks too much of a stranger (a job, a referral, a pitch ...)."""
        from .asks import first_ask

        return first_ask(self)

    @cached_property
    def link(self) -> tuple[int, int] | None:
        """A link, or a placeholder standing for one."""
        from .asks import find_link

        return find_link(self)

    @cached_property
    def hard_ask(self) -> tuple[str, tuple[int, int]] | None:
        """("link" | "ask", span): the first hard ask or link."""
        found = []
        if self.link:
            found.append(("link", self.link))
        if self.first_ask:
            found.append(("ask", self.first_ask))
        return min(found, key=lambda h: h[1][0]) if found else None

    # --- references without a profile ---------------------------------------------------------

    @cached_property
    def how_you_know(self) -> tuple[str, tuple[int, int]] | None:
        """("contact" | "meeting" | "prior", span): how the sender knows the recipient."""
        from .references import how_you_know

        return how_you_know(self)

    @cached_property
    def concrete_reference(self) -> tuple[str, tuple[int, int]] | None:
        """("news" | "area", span): news about the recipient or a named area of their work."""
        from .references import concrete_reference

        return concrete_reference(self)


def lexicon_family(fid: str, rubric: Rubric | None = None) -> lexicon.Family:
    """A lexicon family as `rubric` has it (the rubric's ``[lexicon]`` overrides, when it has any)."""
    return lexicon.family(fid)


# --- Until self_intro and purpose are judges of the Reading (their old imports) -------------------
from .structure import GREET_WORDS, PLACEHOLDER_BRACKETS, read_greeting  # noqa: E402,F401


def read_closing(note: Note, r: Reading):
    return r.closing
