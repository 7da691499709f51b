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
    if not person_id:  # None, "", and Pyodide's jsnull (JavaScript's null, which is not None)
        return None
    if not isinstance(person_id, str):
        raise ValueError(f"a {role} profile id must be text")
    try:
        return _PEOPLE[person_id]
    except KeyError:
        raise ProfileError(f"no {role} profile called {person_id!r}") from None


def _limit(limit) -> int:
    """The character limit the page sends (300 or 200); anything else is a one-line error."""
    if isinstance(limit, bool) or not isinstance(limit, (int, float, str)):
        raise ValueError(f"the character limit must be a whole number, not {type(limit).__name__}")
    try:
        number = float(limit) if isinstance(limit, str) else limit
        whole = int(number)
    except (ValueError, OverflowError):
        raise ValueError(f"the character limit must be a whole number, not {str(limit)[:20]!r}") from None
    if whole != number or whole < 1:
        raise ValueError(f"the character limit must be a whole number of at least 1, not {str(limit)[:20]}")
    return whole


def result_dict(text: str, recipient_id: str | None = None, sender_id: str | None = None,
                limit: int = 300) -> dict:
    result = score(text, recipient=_person(recipient_id, "recipient"),
                   sender=_person(sender_id, "sender"), limit=_limit(limit))
    data = result.to_dict()
    data["level_description"] = LEVEL_DESCRIPTIONS.get(result.level, "")
    data["level_number"] = LEVELS.index(result.level) + 1
    return data


def check(text: str, recipient_id: str | None = None, sender_id: str | None = None,
          limit: int = 300) -> str:
    """The verdict on one note, as JSON; a bad input becomes {"error": "one line"}: never an
    exception, which the page could only show as a stale verdict and a console error."""
    try:
        return json.dumps(result_dict(text, recipient_id, sender_id, limit))
    except (ProfileError, ValueError, TypeError) as err:
        return json.dumps({"error": " ".join(str(err).split())})
    except Exception as err:  # noqa: BLE001 - a bug must still give the page one line
        return json.dumps({"error": f"the checker failed on this note ({type(err).__name__}); "
                                    "please report it"})


def check_many(items_json: str) -> str:
    """Score a JSON list of {text, recipient_id, sender_id, limit}; used by the tests. An item
    that is not an object gets {"error": ...} in its place; input that is not a JSON list, one
    {"error": ...}."""
    try:
        items = json.loads(items_json)
    except (ValueError, TypeError, RecursionError) as err:
        return json.dumps({"error": f"not a JSON list of notes ({str(err)[:80]})"})
    if not isinstance(items, list):
        return json.dumps({"error": "not a JSON list of notes"})
    out = []
    for item in items:
        if not isinstance(item, dict):
            out.append({"error": "each note must be an object with a text"})
            continue
        out.append(json.loads(check(item.get("text", ""), item.get("recipient_id"),
                                    item.get("sender_id"), item.get("limit", 300))))
    return json.dumps(out)
