"""The one cast of fictional people in the book, notebooks and exercises (data/personas.json).

Each person has one name, one role and one story. The "Who's who" page of the book shows
:func:`cast_html`; ``tests/test_personas.py`` checks the pages against this file and that no two
first or last names are the same or one letter apart (:func:`name_clashes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from . import kitdata

TITLES = ("Dr.", "Mr.", "Ms.", "Mrs.", "Prof.")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    story: str
    profile: str = ""
    appears_in: tuple[str, ...] = field(default_factory=tuple)

    @property
    def first(self) -> str:
        parts = self.name.split()
        return "" if parts[0] in TITLES else parts[0]

    @property
    def last(self) -> str:
        parts = [p for p in self.name.split() if p not in TITLES]
        return parts[-1] if len(parts) > 1 or self.name.split()[0] in TITLES else ""


def cast_path() -> Path:
    return kitdata.data_dir() / "personas.json"


def load_cast(path: Path | str | None = None) -> list[Person]:
    """Every person in data/personas.json, in file order."""
    path = Path(path) if path else cast_path()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        people = doc["people"]
        return [Person(id=str(p["id"]), name=str(p["name"]), role=str(p["role"]),
                       story=str(p["story"]), profile=str(p.get("profile", "")),
                       appears_in=tuple(p.get("appears_in", ())))
                for p in people]  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"{path}: not a valid cast file ({err})") from None


def one_letter_apart(a: str, b: str) -> bool:
    """True when a and b are equal or one insertion, deletion or substitution apart."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def name_clashes(people) -> list[str]:
    """Pairs of people whose first or last names are equal or one letter apart."""
    problems = []
    people = list(people)
    for i, p in enumerate(people):
        for q in people[i + 1:]:
            for part in ("first", "last"):
                x, y = getattr(p, part), getattr(q, part)
                if x and y and one_letter_apart(x, y):
                    problems.append(f"{p.name} and {q.name}: {part} names {x!r} and {y!r}")
    return problems


CAST_STYLE = ("<style>.il-cast{border-collapse:collapse;font-size:.95em}.il-cast th,.il-cast td"
              "{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}</style>")


def cast_html(people=None) -> str:
    """The cast as an HTML table (name, role, story), every cell escaped."""
    people = load_cast() if people is None else people
    rows = "".join(f"<tr><td>{escape(p.name)}</td><td>{escape(p.role)}</td>"
                   f"<td>{escape(p.story)}</td></tr>" for p in people)  # fmt: skip
    return (CAST_STYLE + '<table class="il-cast"><caption>Everyone in this book is fictional</caption>'
            '<thead><tr><th scope="col">Name</th><th scope="col">Role</th>'
            f'<th scope="col">Story</th></tr></thead><tbody>{rows}</tbody></table>')


def show_cast():
    """Display the cast in a notebook or a book page."""
    from IPython.display import HTML

    return HTML(cast_html())
