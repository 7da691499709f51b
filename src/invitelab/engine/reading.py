"""One reading of a note: everything the criteria judge, for one (note, recipient, sender, rubric).

:func:`~.scoring.score` builds one :class:`Reading` per check and hands it to every criterion;
a criterion is a function of the Reading alone. Each field is computed on first use, once, by
the reading module whose job it is, and then held on the Reading (:class:`held`: a typed
attribute per thing read, no cache dictionary):

- ``structure``: :attr:`greeting`, :attr:`closing`, :attr:`thanks`, :attr:`body`;
  ``names``: :attr:`addressing` (whom the greeting names);
- ``placeholders``: :attr:`placeholders`, :attr:`blanked`; ``templates``: :attr:`template`;
- ``facts`` (the fact matcher, each function called once): :attr:`claims` (references to the
  recipient's record, checked against the profile), :attr:`recipient_mentions` and
  :attr:`sender_mentions` (the facts of either profile the note names), :attr:`shared_facts`;
- what the note says about the sender: :attr:`introduction` (``introductions``);
- ``details``: :attr:`detail` (what the note cites about the recipient); ``commonalities``:
  :attr:`in_common`, :attr:`nearly_shared`;
- ``references``: :attr:`how_you_know`, :attr:`concrete_reference` (references without a profile);
- ``purposes``: :attr:`purpose`; ``asks``: :attr:`first_ask`, :attr:`link`, :attr:`hard_ask`;
- ``voice``: :attr:`voice` (capitals, "!!", emoji, text-speak).

Knowledge (word lists, phrase patterns) is read through :meth:`Reading.lex` and
:meth:`Reading.lex_re`, so that a rubric's ``[lexicon]`` section can replace, extend or empty any
family. The Reading is frozen: nothing may set an attribute on it after it is built.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import (asks, commonalities, details, facts, introductions, lexicon, names, placeholders, purposes, references,
               structure, templates, voice)
from .context import Patterns, patterns_for
from .note import Note, fold
from .patterns import LazyPattern

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..rubric import Rubric
    from . import facts as F
    from .structure import Closing, Greeting
    from .commonalities import Common
    from .details import Detail
    from .introductions import Introduction
    from .names import Addressing
    from .purposes import Purpose
    from .templates import Template
    from .voice import Voice


class held:
    """A field of the Reading computed on first use and then held in the instance (a lighter
    ``functools.cached_property``: no lock, and the instance's own attribute after the first read)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class Reading:
    """The note as every criterion reads it, for one recipient, sender and rubric (frozen)."""

    def __init__(self, note: Note, recipient: Profile | None, sender: Profile | None, rubric: Rubric):
        if lexicon.family("sentences.abbreviations", rubric).changed:
            with lexicon.using(rubric):  # the note read again with the rubric's abbreviations (same offsets)
                note = Note(note.raw)
        vars(self).update(note=note, text=note.text, recipient=recipient, sender=sender, rubric=rubric,
                          patterns=patterns_for(rubric), _families=_families(rubric))

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
        fam = self._families.get(fid)
        if fam is None:
            fam = self._families[fid] = lexicon.family(fid, self.rubric)
        return fam

    def lex_re(self, fid: str, needles: tuple[str, ...] = ()):
        """The family's compiled pattern; with `needles` (lower-case strings one of which any match
        must contain), a pattern that skips a text without any of them (speed), unless the rubric
        changed the family (its new entries need not contain them)."""
        key = (fid, needles)
        found = self._families.get(key)
        if found is None:
            fam = self.lex(fid)
            found = self._families[key] = fam.pattern if not needles or fam.changed else _needled(fam, needles)
        return found

    # --- structure ----------------------------------------------------------------------------

    @held
    def greeting(self) -> Greeting | None:
        return structure.read_greeting(self)

    @held
    def closing(self) -> Closing | None:
        return structure.read_closing(self)

    @held
    def thanks(self) -> tuple[int, int] | None:
        """Where the note thanks the recipient, if it does."""
        return structure.find_thanks(self)

    @held
    def body(self) -> tuple[int, int]:
        """(start, end) of the part between the greeting and the sign-off."""
        return structure.body_span(self.greeting, self.closing, self.note)

    @held
    def name_words(self) -> frozenset[str]:
        """The folded words of the recipient's and sender's names."""
        recipient = _profile_name_words(self.recipient) if self.recipient else frozenset()
        return recipient | _profile_name_words(self.sender) if self.sender else recipient

    @held
    def addressing(self) -> Addressing:
        """Whom the greeting addresses: the recipient (correctly spelled), nobody, another ..."""
        return names.addressing(self)

    @held
    def introduction(self) -> Introduction:
        """Where the note says who the sender is (a role, an affiliation, a signature), or not."""
        return introductions.read_introduction(self)

    @held
    def purpose(self) -> Purpose:
        """What the sender says they want (to learn, ask, follow up, share, meet), or why it is none."""
        return purposes.read_purpose(self)

    @held
    def template(self) -> Template:
        """Whether the note has words of its own or is a default, a pleasantry or a template."""
        return templates.own_words(self)

    @held
    def voice(self) -> Voice:
        """The first thing that reads as unprofessional (capitals, "!!", emoji, text-speak), if any."""
        return voice.read_voice(self)

    # --- placeholders -------------------------------------------------------------------------

    @held
    def placeholders(self) -> tuple[tuple[int, int], ...]:
        """Every unfilled placeholder's (start, end), in order."""
        return placeholders.find_placeholders(self)

    @held
    def blanked(self) -> str:
        """The text with every placeholder replaced by spaces (same offsets)."""
        return placeholders.blank(self.text, self.placeholders)

    def inside_placeholder(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.placeholders)

    # --- facts of the profiles (the fact matcher, called once per note) -------------------------

    @held
    def claims(self) -> list[F.Claim]:
        """References to the recipient's record, each checked against the profile (if any)."""
        return facts.find_claims(self.note, self.recipient)

    @held
    def recipient_mentions(self) -> list[F.Mention]:
        """Facts of the recipient's profile the note names (and whose they are said to be)."""
        return facts.find_mentions(self.note, self.recipient) if self.recipient is not None else []

    @held
    def sender_mentions(self) -> list[F.Mention]:
        """Facts of the sender's profile the note names."""
        return facts.find_mentions(self.note, self.sender) if self.sender is not None else []

    @held
    def shared_facts(self) -> list[tuple[F.Fact, F.Fact]]:
        """Facts both profiles support (empty without both profiles)."""
        if self.recipient is None or self.sender is None:
            return []
        return facts.shared_facts(self.recipient, self.sender)

    @held
    def in_common(self) -> Common:
        """What the note claims the two share, supported by the sender's profile or not."""
        return commonalities.claimed_in_common(self)

    @held
    def nearly_shared(self) -> str:
        """What the two profiles nearly share (a skill, a skill one lists as an interest, a close
        interest) and why it does not count, in words ("" if nothing)."""
        if self.recipient is None or self.sender is None:
            return ""
        return commonalities.close_but_not_shared(self.recipient, self.sender)

    @held
    def detail(self) -> Detail:
        """What the note cites that is true of the recipient, or why nothing counts."""
        return details.cited_detail(self)

    # --- asks and links -----------------------------------------------------------------------

    @held
    def first_ask(self) -> tuple[int, int] | None:
        """Where the note first asks too much of a stranger (a job, a referral, a pitch ...)."""
        return asks.first_ask(self)

    @held
    def link(self) -> tuple[int, int] | None:
        """A link, or a placeholder standing for one."""
        return asks.find_link(self)

    @held
    def hard_ask(self) -> tuple[str, tuple[int, int]] | None:
        """("link" | "ask", span): the first hard ask or link."""
        found = []
        if self.link:
            found.append(("link", self.link))
        if self.first_ask:
            found.append(("ask", self.first_ask))
        return min(found, key=lambda h: h[1][0]) if found else None

    # --- references without a profile ---------------------------------------------------------

    @held
    def how_you_know(self) -> tuple[str, tuple[int, int]] | None:
        """("contact" | "meeting" | "prior", span): how the sender knows the recipient."""
        return references.find_how_you_know(self)

    @held
    def concrete_reference(self) -> tuple[str, tuple[int, int]] | None:
        """("news" | "area", span): news about the recipient or a named area of their work."""
        return references.find_concrete_reference(self)


@lru_cache(maxsize=256)
def _profile_name_words(profile: Profile) -> frozenset[str]:
    """The folded words of a profile's name (profiles are frozen: cached per profile object)."""
    return frozenset(fold(w) for w in re.findall(r"[^\W\d_]+", profile.name + " " + profile.first_name))


@lru_cache(maxsize=64)
def _families(rubric: Rubric) -> dict:
    """The lexicon families as one rubric has them (and their needled patterns), filled in by
    :meth:`Reading.lex` as they are first asked for: a family is looked up once per rubric, not
    once per use (speed)."""
    return {}


@lru_cache(maxsize=128)
def _needled(fam: lexicon.Family, needles: tuple[str, ...]) -> LazyPattern:
    return LazyPattern(fam.pattern.pattern, re.IGNORECASE, needles)
