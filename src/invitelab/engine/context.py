"""The rubric's phrase lists, compiled once per rubric (the :class:`~.reading.Reading` holds them)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .note import Note, fold
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


def profile_name_words(r) -> frozenset[str]:
    """The folded words of the recipient's and sender's names (held by the Reading)."""
    return r.name_words


def memo(note: Note, key: str, compute: Callable[[], object]):
    cache = note.__dict__.setdefault("_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def __getattr__(name: str):
    if name == "Context":  # until self_intro and purpose are judges of the Reading (their old imports)
        from .reading import Reading

        return Reading
    raise AttributeError(name)
