"""The rubric's phrase lists, compiled once per rubric (the :class:`~.reading.Reading` holds them)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .patterns import phrase_pattern

if TYPE_CHECKING:
    from ..rubric import Rubric


# --- Context and compiled phrase lists --------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    sign_off: re.Pattern[str]
    thanks: re.Pattern[str]
    pleasantry: re.Pattern[str]
    default_text: re.Pattern[str]
    placeholder_words: re.Pattern[str]
    text_speak: frozenset[str]
    acronyms: frozenset[str]
    hard_ask: re.Pattern[str]
    vague_purpose: re.Pattern[str]
    non_purpose: re.Pattern[str]


@lru_cache(maxsize=32)
def patterns_for(rubric: Rubric) -> Patterns:
    p = rubric.phrase_list
    return Patterns(
        sign_off=phrase_pattern(p("sign_offs")),
        thanks=phrase_pattern(p("thanks")),
        pleasantry=phrase_pattern(p("pleasantries")),
        default_text=phrase_pattern(p("default_texts")),
        placeholder_words=phrase_pattern(p("placeholders"), case_sensitive=True),
        text_speak=frozenset(w.lower() for w in p("text_speak")),
        acronyms=frozenset(w.upper() for w in p("acronyms")),
        hard_ask=phrase_pattern(p("hard_asks")),
        vague_purpose=phrase_pattern(p("vague_purposes")),
        non_purpose=phrase_pattern(p("non_purposes")),
    )


@lru_cache(maxsize=1)
def patterns_for_default() -> Patterns:
    from ..rubric import default_rubric

    return patterns_for(default_rubric())
