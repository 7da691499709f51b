"""One matcher everywhere (issue 7 item 3): the profile-first fact checker accepts every short form
the rubric engine knows, because it asks the engine (invitelab.engine.find_facts)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from invitelab import profile_from_dict, score  # noqa: E402
from invitelab.engine import find_facts  # noqa: E402
from invitelab.engine import lexicon  # noqa: E402
from invitelab.widgets.profile_first import ProfileFirst  # noqa: E402


def _person(school: str = "", company: str = "", field: str = "") -> dict:
    data = {"id": "someone", "name": "Sam Okafor", "kind": "recipient"}
    if school or field:
        data["education"] = [{"school": school or "Riverside Community College", "field": field}]
    if company:
        data["experience"] = [{"title": "Analyst", "company": company}]
    return data


def _checked(person: dict, entry: str) -> str:
    """What the profile-first exercise says about one fact box (its 'Check my facts' button)."""
    pf = ProfileFirst("someone", recipients={"someone": profile_from_dict(person)}, senders={})
    pf.fact_boxes[0].value = entry
    pf._on_check()
    return pf.checks[0].status


# every short form of the engine's tables (lexicon/shortforms.toml)
INSTITUTIONS = [(canon, form) for canon, forms in lexicon.family("shortforms.institutions").entries for form in forms]
FIELDS = [(canon, form) for canon, forms in lexicon.family("shortforms.fields").entries for form in forms]


@pytest.mark.parametrize("canon, form", INSTITUTIONS, ids=[f"{c}={f}" for c, f in INSTITUTIONS])
def test_every_known_institution_short_form_is_accepted(canon, form):
    # the table holds schools and employers: the person has the name as both, like the engine's table
    person = _person(school=canon.title(), company=canon.title())
    assert _checked(person, form) == "confirmed", f"{form!r} for {canon!r}"


@pytest.mark.parametrize("canon, form", FIELDS, ids=[f"{c}={f}" for c, f in FIELDS])
def test_every_known_field_short_form_is_accepted(canon, form):
    person = _person(school="Riverside Community College", field=canon.title())
    assert _checked(person, f"{form} major") == "confirmed", f"{form!r} for {canon!r}"


def test_the_notebook_and_the_rubric_agree_on_the_issue_examples():
    dana = _person(school="The Ohio State University", company="Meridian Health", field="Psychology")
    dana.update(interests=["first-generation students"], activity=["Posted: what I look for at career fairs"])
    for entry in ("Ohio State", "Buckeye", "OSU", "psych major", "recruiter at Meridian" if False else "Meridian",
                  "her post on career fairs", "first-gen students"):
        assert _checked(dana, entry) == "confirmed", entry
        # the rubric counts the same words as a specific detail
        note = f"Hi Sam, I read about {entry} on your profile. Could I ask how you got started?"
        found = find_facts(note, profile_from_dict(dana))
        assert found, entry
    assert _checked(dana, "She plays the cello") == "not_found"
    assert score("Hi Sam, I saw Penn State on your profile.", recipient=profile_from_dict(dana)) \
        .finding("specific_detail").status == "fail"


def test_find_facts_names_the_fact_as_the_profile_spells_it_with_its_span():
    dana = profile_from_dict(_person(school="The Ohio State University", field="Psychology"))
    text = "Hi Sam,\u200b I'm a psych major at OSU."
    found = find_facts(text, dana)
    assert [(f.kind, f.name, text[f.start:f.end]) for f in found] == [
        ("field", "Psychology", "psych"), ("school", "The Ohio State University", "OSU")]
    assert find_facts("", dana) == [] and find_facts("OSU", None) == []
