"""The kit's own data folder (``data/`` at the top of the repository): one place for its paths.

Notebooks, the book and the command line find the fictional profiles and labelled invitations
through here, so no relative path is copied around. Set ``INVITELAB_DATA`` to use another folder.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .profiles import Profile, ProfileError, load_profiles


def repo_root() -> Path:
    """The repository checkout this package runs from (editable install)."""
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    env = os.environ.get("INVITELAB_DATA")
    return Path(env) if env else repo_root() / "data"


def profiles_path() -> Path:
    return data_dir() / "profiles.json"


@lru_cache(maxsize=4)
def _profiles(path: str) -> dict[str, Profile]:
    if not Path(path).exists():
        raise ProfileError(
            f"{path}: the kit's profiles are not there; run from a checkout of InviteLab "
            "(pip install -e .) or set INVITELAB_DATA to the folder holding profiles.json"
        )
    return load_profiles(path)


def profiles() -> dict[str, Profile]:
    """Every fictional profile in data/profiles.json, id -> Profile."""
    return dict(_profiles(str(profiles_path())))


def recipients() -> dict[str, Profile]:
    """Profiles marked "kind": "recipient" (all profiles not marked "sender", if none is marked)."""
    people = profiles()
    marked = {k: p for k, p in people.items() if p.kind == "recipient"}
    return marked or {k: p for k, p in people.items() if p.kind != "sender"}


def senders() -> dict[str, Profile]:
    """Profiles marked "kind": "sender" (the student personas)."""
    return {k: p for k, p in profiles().items() if p.kind == "sender"}


def exercises_dir() -> Path:
    """The graded exercises (``exercises/<id>/source.ipynb`` and the derived ``exercise.ipynb``)."""
    return repo_root() / "exercises"


def simulated_invitations_path() -> Path:
    """The SIMULATED year of invitations to a fictional recruiter (see data/simulated/README.md)."""
    return data_dir() / "simulated" / "invitations_simulated.csv"


def simulated_invitations():
    """The SIMULATED invitations as a pandas DataFrame (pandas is imported only here)."""
    from .simulation import load_simulated

    return load_simulated(simulated_invitations_path())
