"""The rubric engine: reads a note once, lets every criterion judge that reading, decides the level and the score.

Where things live (one step to any behaviour):

- ``scoring``: :func:`score` (the entry point: builds one :class:`~.reading.Reading`, runs every
  criterion's judge on it), :func:`decide_level`, :func:`next_steps`, the level rules (``CORE``,
  ``LEVEL_DESCRIPTIONS``);
- ``reading``: :class:`~.reading.Reading`, the one frozen reading of a note for a (recipient,
  sender, rubric): every field is computed once, on first use, by the reading module whose job
  it is, and :meth:`~.reading.Reading.lex` reads lexicon families as the rubric has them;
- ``criteria/``: one small module per criterion (its judge, a function of the Reading alone that
  words the verdict, its metadata and examples), registered in order in ``criteria/__init__.py``
  (the single source of criterion ids); ``criterion``: the record and ``finding``/``quote``;
- reading modules, by job: ``note`` (normalised text, tokens, sentences, offsets mapped back),
  ``structure`` (greeting, closing, signature, body, thanks), ``names`` (whom the greeting
  addresses), ``introductions`` (who the sender says they are), ``details`` (what the note cites
  about the recipient), ``references`` (how you know them; references without a profile),
  ``commonalities`` (what the two share), ``purposes`` (what the sender wants), ``asks`` (hard
  asks and links), ``placeholders``, ``templates`` (defaults and empty templates), ``voice``
  (capitals, "!!", emoji, text-speak), ``facts`` and ``shortforms`` (the fact matcher: which
  profile facts a note names, and the short forms people write for them; :func:`find_facts` is its
  public face, used by the widgets' fact checker too), ``hints`` (suggestions naming profile
  facts);
- ``lexicon/``: knowledge as data: every word list and phrase pattern, one TOML family each with
  pass and fail examples (``lexicon/__init__.py`` says how; a rubric's ``[lexicon]`` overrides any);
- helpers: ``words`` (stemmer, stop words: lexicon ``words.toml``; SCOWL look-up), ``patterns``
  (lazily compiled regexes, phrase lists as one regex), ``regexcache`` (their compiled code kept
  between processes, as bytecode is), ``context`` (the rubric's phrase lists compiled once per rubric),
  ``examples`` (the two fictional profiles every criterion's examples are written for).

Standard library only.
"""
from __future__ import annotations

from ..findings import LEVELS
from .criteria import CRITERIA, CRITERIA_BY_ID, CRITERION_IDS, Criterion
from .facts import FoundFact, find_facts
from .scoring import CORE, LEVEL_DESCRIPTIONS, decide_level, next_steps, score

__all__ = ["CORE", "CRITERIA", "CRITERIA_BY_ID", "CRITERION_IDS", "Criterion", "LEVELS", "LEVEL_DESCRIPTIONS",
           "FoundFact", "decide_level", "find_facts", "next_steps", "score"]
