"""InviteLab: score a LinkedIn connection invitation against the recipient's profile.

    from invitelab import score, load_profiles
    people = load_profiles("data/profiles.json")
    result = score(text, recipient=people["dana-whitfield"], sender=people["alex-rivera"])
    result.score, result.level, result.findings

The engine (this package's score and rules) uses only the Python standard library.

The public names below are loaded when first used (PEP 562), so that ``import invitelab``, and
commands that do not score (``invitelab profiles``, ``invitelab rubric --help``), do not pay for
loading the engine. ``from invitelab import score`` works as it always did.
"""
from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (several ms); type checkers read it alike

__version__ = "0.1.0"

# public name -> the module (relative to this package) that defines it
_LAZY = {
    "CRITERIA": ".engine",
    "Criterion": ".engine",
    "LEVEL_DESCRIPTIONS": ".engine",
    "decide_level": ".engine",
    "score": ".engine",
    "LEVELS": ".findings",
    "Finding": ".findings",
    "Result": ".findings",
    "Education": ".profiles",
    "Experience": ".profiles",
    "Profile": ".profiles",
    "ProfileError": ".profiles",
    "load_profiles": ".profiles",
    "profile_from_dict": ".profiles",
    "CRITERION_IDS": ".rubric",
    "Rubric": ".rubric",
    "RubricError": ".rubric",
    "default_rubric": ".rubric",
    "load_rubric": ".rubric",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    """A public name, or a sub-module (``invitelab.kitdata``), loaded on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # the next use is a plain attribute
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise  # the sub-module exists but something it imports is missing: say so
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


if TYPE_CHECKING:  # for type checkers and editors; not run
    from .engine import CRITERIA, LEVEL_DESCRIPTIONS, Criterion, decide_level, score
    from .findings import LEVELS, Finding, Result
    from .profiles import Education, Experience, Profile, ProfileError, load_profiles, profile_from_dict
    from .rubric import CRITERION_IDS, Rubric, RubricError, default_rubric, load_rubric
