"""The Python that runs inside the book's page (in Pyodide): the public API, nothing else.

The page writes the bundled package and the kit's profiles into Pyodide's file system, puts it
on ``sys.path`` and calls ``setup`` once, then ``check`` on every keystroke. Results go back to
JavaScript as the engine's own JSON shape (``Result.to_dict()``), plus the level description.
"""
from __future__ import annotations

import json

from invitelab import LEVEL_DESCRIPTIONS, LEVELS, ProfileError, load_profiles, score

_PEOPLE: dict = {}


def setup(profiles_path: str) -> int:
    """Load the kit's profiles; returns how many there are."""
    _PEOPLE.clear()
    _PEOPLE.update(load_profiles(profiles_path))
    return len(_PEOPLE)


def _person(person_id: str | None, role: str):
    if not person_id:
        return None
    try:
        return _PEOPLE[person_id]
    except KeyError:
        raise ProfileError(f"no {role} profile called {person_id!r}") from None


def result_dict(text: str, recipient_id: str | None = None, sender_id: str | None = None,
                limit: int = 300) -> dict:
    result = score(text, recipient=_person(recipient_id, "recipient"),
                   sender=_person(sender_id, "sender"), limit=int(limit))
    data = result.to_dict()
    data["level_description"] = LEVEL_DESCRIPTIONS.get(result.level, "")
    data["level_number"] = LEVELS.index(result.level) + 1
    return data


def check(text: str, recipient_id: str | None = None, sender_id: str | None = None,
          limit: int = 300) -> str:
    """The verdict on one note, as JSON; a bad input becomes {"error": "one line"}."""
    try:
        return json.dumps(result_dict(text, recipient_id, sender_id, limit))
    except (ProfileError, ValueError, TypeError) as err:
        return json.dumps({"error": str(err)})


def check_many(items_json: str) -> str:
    """Score a JSON list of {text, recipient_id, sender_id, limit}; used by the tests."""
    out = []
    for item in json.loads(items_json):
        out.append(json.loads(check(item.get("text", ""), item.get("recipient_id"),
                                    item.get("sender_id"), item.get("limit", 300))))
    return json.dumps(out)
