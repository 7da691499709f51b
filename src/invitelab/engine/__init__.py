"""The rubric engine: reads a note, runs every criterion, decides the level and the score.

Where things live:

- ``scoring``: :func:`score` (the entry point), :func:`decide_level`, :func:`next_steps`, the
  level rules (``CORE``, ``LEVEL_DESCRIPTIONS``);
- ``criteria/``: one module per criterion (its check, metadata and examples), registered in
  order in ``criteria/__init__.py`` (the single source of criterion ids);
- shared reading of a note: ``note`` (normalised text, tokens, sentences), ``words`` (word
  lists, stemmer), ``patterns`` (lazily compiled regexes, phrase lists), ``context`` (profiles,
  rubric, per-note memo), ``reading`` (greeting, closing, signature, body), ``asks`` (hard asks
  and links), ``hints`` (suggestions naming profile facts), ``facts`` and ``shortforms`` (the fact
  matcher: which profile facts a note names, and the short forms people write for them;
  :func:`find_facts` is its public face, used by the widgets' fact checker too);
- ``lexicon/``: knowledge as data (TOML word lists and patterns, each with examples);
- ``examples``: the two fictional profiles every criterion's examples are written for.

Standard library only.
"""
from __future__ import annotations

from ..findings import LEVELS
from .criteria import CRITERIA, CRITERIA_BY_ID, CRITERION_IDS, Criterion
from .facts import FoundFact, find_facts
from .scoring import CORE, LEVEL_DESCRIPTIONS, decide_level, next_steps, score

__all__ = ["CORE", "CRITERIA", "CRITERIA_BY_ID", "CRITERION_IDS", "Criterion", "LEVELS", "LEVEL_DESCRIPTIONS",
           "FoundFact", "decide_level", "find_facts", "next_steps", "score"]
