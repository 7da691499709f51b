"""InviteLab: score a LinkedIn connection invitation against the recipient's profile.

    from invitelab import score, load_profiles
    people = load_profiles("data/profiles.json")
    result = score(text, recipient=people["dana-whitfield"], sender=people["alex-rivera"])
    result.score, result.level, result.findings

The engine (this package's score and rules) uses only the Python standard library.
"""
from .engine import CRITERIA, LEVEL_DESCRIPTIONS, Criterion, decide_level, score
from .findings import LEVELS, Finding, Result
from .profiles import Education, Experience, Profile, ProfileError, load_profiles, profile_from_dict
from .rubric import CRITERION_IDS, Rubric, RubricError, default_rubric, load_rubric

__version__ = "0.1.0"

__all__ = [
    "CRITERIA",
    "CRITERION_IDS",
    "Criterion",
    "Education",
    "Experience",
    "Finding",
    "LEVELS",
    "LEVEL_DESCRIPTIONS",
    "Profile",
    "ProfileError",
    "Result",
    "Rubric",
    "RubricError",
    "decide_level",
    "default_rubric",
    "load_profiles",
    "load_rubric",
    "profile_from_dict",
    "score",
]
