"""One cast of fictional people (data/personas.json), checked against every page that names them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from invitelab import cast, kitdata

REPO = kitdata.repo_root()
BOOK = REPO / "book"


def _page_texts() -> dict[str, str]:
    """Every place a student meets a person: chapters, pages, quizzes, figures, notebooks."""
    out = {}
    for path in [*sorted(BOOK.glob("*.md")), *sorted((BOOK / "chapters").glob("*.md")),
                 *sorted((BOOK / "quizzes").glob("*.json")), *sorted((BOOK / "figures").glob("*.svg"))]:
        out[path.relative_to(BOOK).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        out["notebooks/" + path.name] = "\n".join("".join(c["source"]) for c in nb["cells"])
    return out


PEOPLE = cast.load_cast()
PAGES = _page_texts()


def test_cast_file_is_valid_and_every_name_is_distinct():
    ids = [p.id for p in PEOPLE]
    assert len(ids) == len(set(ids)), "ids repeat"
    names = [p.name for p in PEOPLE]
    assert len(names) == len(set(names)), "names repeat"
    for p in PEOPLE:
        assert p.name.strip() and p.role.strip() and p.story.strip(), p.id
    assert cast.name_clashes(PEOPLE) == []


def test_one_letter_apart():
    assert cast.one_letter_apart("Dana", "Ana") and cast.one_letter_apart("Bell", "Bello")
    assert cast.one_letter_apart("Tyler", "Tyler") and cast.one_letter_apart("Grace", "Grade")
    assert not cast.one_letter_apart("Taylor", "Tyler")  # two letters apart
    assert not cast.one_letter_apart("Dana", "Daniel")
    clashes = cast.name_clashes([cast.Person("a", "Marcus Chen", "r", "s"),
                                 cast.Person("b", "Marcus Bell", "r", "s")])
    assert clashes and "first names" in clashes[0]


def test_every_profile_is_in_the_cast_with_the_same_name_and_role():
    by_profile = {p.profile: p for p in PEOPLE if p.profile}
    for pid, profile in kitdata.profiles().items():
        assert pid in by_profile, f"{pid} is in profiles.json but not in personas.json"
        person = by_profile[pid]
        assert person.name == profile.name
        assert person.role == (profile.headline or "").split(" | ")[0]


@pytest.mark.parametrize("person", [p for p in PEOPLE if p.appears_in], ids=lambda p: p.id)
def test_people_appear_where_the_cast_says(person):
    for where in person.appears_in:
        assert where in PAGES, f"{person.id}: no page {where}"
        text = PAGES[where]
        named = person.name in text or (person.first and re.search(rf"\b{person.first}\b", text))
        assert named, f"{person.name} is not named in {where}"


def test_pages_name_only_the_cast():
    """A cast first name followed by a surname must be that person; a cast surname after a
    first name must be that person too (so no 'Marcus Bell' next to 'Marcus Chen')."""
    by_first = {p.first: p for p in PEOPLE if p.first}
    by_last = {p.last: p for p in PEOPLE if p.last}
    full = re.compile(r"\b([A-Z][a-z]+) ((?:O')?[A-Z][a-z]+)\b")
    bad = []
    for where, text in PAGES.items():
        for m in full.finditer(text):
            first, last = m.groups()
            if first in by_first and by_first[first].last and last in by_last \
                    and by_first[first] is not by_last[last]:
                bad.append(f"{where}: {m.group(0)!r} mixes {by_first[first].name} and "
                           f"{by_last[last].name}")
            elif last in by_last and first not in by_first and first[0].isupper() \
                    and by_last[last].first and cast.one_letter_apart(first, by_last[last].first):
                bad.append(f"{where}: {m.group(0)!r} is one letter from {by_last[last].name}")
    assert not bad, "\n".join(bad)


def test_retired_names_are_gone():
    """Names the cast replaced because they clashed with another person's name."""
    retired = ["Marcus Bell", "Grace Tan", "Taylor Brooks", "Sam Patel", "Kwame Osei",
               "Omar Bakr", "Kenji Park", "Ana Ruiz", "Chris Bello"]
    bad = [f"{where}: {name}" for where, text in PAGES.items() for name in retired if name in text]
    assert not bad, "\n".join(bad)


def test_whos_who_page_reads_the_cast_file():
    page = (BOOK / "people.md").read_text(encoding="utf-8")
    assert "show_cast()" in page
    html = cast.cast_html()
    for p in PEOPLE:
        assert cast.escape(p.name) in html and cast.escape(p.role) in html


def test_bad_cast_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "personas.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid cast file"):
        cast.load_cast(bad)
    bad.write_text(json.dumps({"people": [{"id": "x"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid cast file"):
        cast.load_cast(Path(bad))


def test_the_simulated_people_are_not_other_cast_members():
    """Issue 12 (Personas), seen on the sender-theories page: "Hi Morgan, ... Best, Tomas" read as
    two people of the cast, in roles the cast does not give them. The simulated recruiter is one
    cast member (same name and role as her profile); no simulated note is signed with a name that
    is a cast member's first or last name, or one letter from one."""
    import csv

    from invitelab import simulation

    recruiter = json.loads((REPO / "data" / "simulated" / "recruiter.json").read_text(encoding="utf-8"))[0]
    in_cast = [p for p in PEOPLE if p.name == recruiter["name"]]
    assert in_cast, f"the simulated recruiter {recruiter['name']} is not in data/personas.json"
    assert in_cast[0].role == recruiter["headline"], "the cast gives the simulated recruiter another role"
    assert "notebooks/sender-theories.ipynb" in in_cast[0].appears_in
    assert recruiter["first_name"] == in_cast[0].first == simulation.RECRUITER_FIRST
    others = [p for p in PEOPLE if p is not in_cast[0]]
    bad = [f"the simulated recruiter {recruiter['name']} is one letter from {p.name} ({p.role})"
           for p in others for mine, theirs in ((in_cast[0].first, p.first), (in_cast[0].last, p.last))
           if mine and theirs and cast.one_letter_apart(mine, theirs)]

    sign_off = re.compile(r"(?:Thank you|Thanks|Best|Thanks for reading!),? ([A-Z][a-z]+)\s*$")
    with open(REPO / "data" / "simulated" / "invitations_simulated.csv", encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    greeted = {m.group(1) for t in texts if (m := re.match(r"(?:Hi|Hello) ([A-Z][a-z]+),", t))}
    assert greeted == {recruiter["first_name"]}, f"simulated notes greet {sorted(greeted)}"
    signers = {m.group(1) for t in texts if (m := sign_off.search(t))}
    assert signers and signers <= set(simulation._SENDER_FIRST_NAMES), sorted(signers)
    names = {part: p for p in PEOPLE for part in (p.first, p.last) if part}
    bad += [f"simulated notes are signed {signer!r}, one letter from (or equal to) {part!r} of "
            f"{person.name} ({person.role})"
            for signer in sorted(set(simulation._SENDER_FIRST_NAMES))
            for part, person in names.items() if cast.one_letter_apart(signer, part)]
    assert not bad, "\n".join(bad)


def test_the_sample_class_students_are_not_cast_members():
    """The class dashboard's SIMULATED students (data/workshop/sample-class.csv) are nobody in the
    cast: no first or last name of theirs is a cast member's, or one letter from one, and none
    signs a simulated note to the recruiter of the sender-theories notebook."""
    import csv

    from invitelab import simulation
    from invitelab.workshop import dashboard

    with open(dashboard.sample_class_path(), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    students = {row[1] for row in rows if len(row) > 1 and row[1].strip()}
    assert len(students) > 30
    names = {part: p for p in PEOPLE for part in (p.first, p.last) if part}
    bad = [f"sample-class student {student!r}: {mine!r} is one letter from (or equal to) {part!r} of "
           f"{person.name} ({person.role})"
           for student in sorted(students) for mine in student.split()
           for part, person in names.items() if cast.one_letter_apart(mine, part)]
    bad += [f"sample-class student {student!r} shares a first name with a simulated sender"
            for student in sorted(students) if student.split()[0] in simulation._SENDER_FIRST_NAMES]
    assert not bad, "\n".join(bad)
