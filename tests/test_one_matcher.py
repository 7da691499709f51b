"""One matcher everywhere (issue 7 item 3): the profile-first fact checker accepts every short form
the rubric engine knows (institutions, fields, university systems, the descriptors and legal
suffixes an employer's short name drops), because it asks the engine (invitelab.engine.find_facts)."""
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


# the university systems (UC Davis, UT Dallas) and the words an employer's short name drops
SYSTEMS = [(state, form) for state, forms in lexicon.family("shortforms.systems").entries for form in forms]
DESCRIPTORS = list(lexicon.family("shortforms.descriptors").words)
LEGAL = list(lexicon.family("shortforms.legal_suffixes").words)


@pytest.mark.parametrize("state, form", SYSTEMS, ids=[f"{s}={f}" for s, f in SYSTEMS])
def test_every_university_system_prefix_is_accepted_and_only_for_its_state(state, form):
    # "Fairhaven" is a campus no table knows, written without a comma so that only the system's
    # prefix ("UC Fairhaven") can name it, not the campus alone
    entry = f"{form} Fairhaven"
    assert _checked(_person(school=f"University of {state.title()} Fairhaven"), entry) == "confirmed", entry
    elsewhere = "Oregon" if state != "oregon" else "Iowa"
    assert _checked(_person(school=f"University of {elsewhere} Fairhaven"), entry) == "not_found", entry
    # the rubric reads the note the same way
    note = f"Hi Sam, I'm a junior at {entry}. Could I ask how you got started?"
    assert find_facts(note, profile_from_dict(_person(school=f"University of {state.title()} Fairhaven"))), note


# every descriptor, one word or more ("health system") or hyphenated ("co-op"), is dropped whole
@pytest.mark.parametrize("word", DESCRIPTORS)
def test_an_employer_is_named_without_its_trailing_descriptor(word):
    # "Zed" is too short to stand for the employer alone, so only the descriptor rule can help
    company = f"Zed Quill {word.title()}"
    assert _checked(_person(company=company), "Zed Quill") == "confirmed", company


@pytest.mark.parametrize("word", LEGAL)
def test_an_employer_is_named_without_its_legal_suffix(word):
    company = f"Zed Quill {word.title()}"
    assert _checked(_person(company=company), "Zed Quill") == "confirmed", company


def test_without_a_descriptor_or_suffix_the_short_name_is_not_the_employer():
    assert _checked(_person(company="Zed Quill Orchard"), "Zed Quill") == "not_found"


def test_u_of_i_is_not_the_university_of_florida():
    # an acronym ("UOF") is matched by initials ("UOF", "U.O.F."), not by words with "of" spelt out
    florida = _person(school="University of Florida")
    assert _checked(florida, "U of I") == "not_found"
    assert _checked(florida, "U.O.F.") == "confirmed" and _checked(florida, "UF") == "confirmed"
    assert _checked(florida, "U of Florida") == "confirmed"
    assert not find_facts("Hi Sam, I'm a junior at U of I.", profile_from_dict(florida))


def test_the_notebook_and_the_rubric_agree_on_the_issue_examples():
    dana = _person(school="The Ohio State University", company="Meridian Health", field="Psychology")
    dana.update(interests=["first-generation students"], activity=["Posted: what I look for at career fairs"])
    dana["experience"] = [{"title": "Campus Recruiter", "company": "Meridian Health"}]
    for entry in ("Ohio State", "Buckeye", "OSU", "psych major", "recruiter at Meridian", "Meridian",
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


def test_every_fact_of_every_kit_profile_copied_word_for_word_is_confirmed():
    """Issue 12: a true fact is never "Not found in this profile" (the post's own title, "Barista",
    "St. Edward's University", the skill "R"), even where the rubric wants words around it."""
    from invitelab.widgets.facts import check_fact, profile_facts
    from invitelab.widgets.people import kit_recipients, kit_senders

    people = {**kit_recipients(), **kit_senders()}
    bad = [f"{pid}: {fact.label()!r} -> {check_fact(fact.text, p).status}"
           for pid, p in people.items() for fact in profile_facts(p)
           if check_fact(fact.text, p).status != "confirmed"]
    assert len(people) > 20 and not bad, "\n".join(bad)


def test_copied_facts_are_whole_words_and_a_school_is_not_also_its_state():
    from invitelab.widgets.facts import check_fact

    person = _person(school="The Ohio State University")
    person.update(skills=["C#", "R"], location="Columbus, Ohio")
    assert check_fact("C", person).status == "not_found"  # not the C# skill
    assert check_fact("Rust", person).status == "not_found"
    assert check_fact("I use R daily", person).status == "confirmed"
    assert check_fact("St. Edward\u2019s University",
                      _person(school="St. Edward's University")).status == "confirmed"
    ohio_state = check_fact("Ohio State", person)
    assert [f.section for f in ohio_state.facts] == ["School"], ohio_state.facts  # not "Location: Ohio"
    assert [f.section for f in check_fact("Columbus", person).facts] == ["Location"]


def test_the_profile_first_worked_example_confirms_two_facts_of_three_as_its_page_says():
    import re

    from invitelab.widgets.people import kit_recipients
    from invitelab.widgets.profile_first import example_html

    page = (Path(__file__).resolve().parents[1] / "notebooks" / "profile-first.ipynb").read_text()
    assert "two are in it, one is not" in page
    for rid in kit_recipients():
        html = example_html(rid)
        assert re.search(r"<p>2 of 3 facts confirmed.</p>", html), rid
