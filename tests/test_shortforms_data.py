"""The short-form tables as data (lexicon/shortforms.toml): every table carries examples the fact
matcher must accept and reject, they behave, and a rubric can change a table without Python."""
import pytest

from invitelab import profile_from_dict, score
from invitelab.engine import find_facts, lexicon
from invitelab.engine.shortforms import known_short_forms
from invitelab.rubric import rubric_from_mapping

SCHOOL_WORDS = ("university", "college", "institute", "school", "academy")


def _profile(fid: str, name: str):
    """An otherwise empty profile with `name` as its school or employer (institutions) or field."""
    person = {"id": "x", "name": "Sam Okafor", "kind": "recipient"}
    if fid == "shortforms.fields":
        person["education"] = [{"school": "Riverside Community College", "field": name}]
    elif any(w in name.lower().split() for w in SCHOOL_WORDS):
        person["education"] = [{"school": name}]
    else:
        person["experience"] = [{"title": "Analyst", "company": name}]
    return profile_from_dict(person)


def _names(note: str, profile, fid: str, name: str, rubric=None) -> bool:
    kinds = ("field",) if fid == "shortforms.fields" else ("school", "employer")
    return any(f.kind in kinds and f.name == name for f in find_facts(note, profile, rubric=rubric))


EXAMPLE_TABLES = ("shortforms.institutions", "shortforms.fields")
EXAMPLES = [(fid, name, note, True) for fid in EXAMPLE_TABLES for name, acc, _ in lexicon.family(fid).examples
            for note in acc]
EXAMPLES += [(fid, name, note, False) for fid in EXAMPLE_TABLES for name, _, rej in lexicon.family(fid).examples
             for note in rej]


def test_every_table_has_examples_to_accept_and_reject():
    tables = [f for f in lexicon.families() if f.kind == "table"]
    assert {f.id for f in tables} >= set(EXAMPLE_TABLES)
    for fid in EXAMPLE_TABLES:
        fam = lexicon.family(fid)
        assert len(fam.examples) >= 5, f"{fid} needs examples"
        assert all(acc and rej for _name, acc, rej in fam.examples), f"{fid}: each example needs accepts and rejects"
        assert len(fam.entries) >= 30


@pytest.mark.parametrize("fid, name, note, accepted", EXAMPLES, ids=[f"{n}: {t}" for _f, n, t, _a in EXAMPLES])
def test_the_examples_behave_through_the_fact_matcher(fid, name, note, accepted):
    assert _names(note, _profile(fid, name), fid, name) is accepted


def test_the_engine_reads_the_table_from_the_file():
    table = lexicon.family("shortforms.institutions").table()
    assert "Buckeye" in table["ohio state university"]
    assert "Buckeye" in known_short_forms("ohio state university")
    assert known_short_forms("boston consulting group")  # "The Boston Consulting Group" finds its row too


def test_a_rubric_adds_a_short_form_and_an_institution():
    rcc = _profile("shortforms.institutions", "Riverside Community College")
    note = "Hi Sam, I'm a Riverhawk too! Could I ask how you chose your nursing program?"
    more = rubric_from_mapping({"extend": {"lexicon": {"shortforms.institutions": {
        "riverside community college": ["Riverhawk"], "ohio state university": ["Bucks"]}}}}, "course rubric")
    assert not _names(note, rcc, "shortforms.institutions", "Riverside Community College")
    assert _names(note, rcc, "shortforms.institutions", "Riverside Community College", rubric=more)
    assert score(note, rcc).finding("specific_detail").status == "fail"
    assert score(note, rcc, rubric=more).finding("specific_detail").status == "pass"
    table = lexicon.family("shortforms.institutions", more).table()
    assert table["ohio state university"][-1] == "Bucks" and "Buckeye" in table["ohio state university"]
    assert score(note, rcc).finding("specific_detail").status == "fail"  # the files again afterwards


def test_a_rubric_that_empties_a_table_turns_its_nicknames_off():
    osu = _profile("shortforms.institutions", "The Ohio State University")
    off = rubric_from_mapping({"lexicon": {"shortforms.institutions": {}}}, "no nicknames")
    note = "Hi Sam, I'm a Buckeye too! Could I ask how you chose your major?"
    assert _names(note, osu, "shortforms.institutions", "The Ohio State University")
    assert not _names(note, osu, "shortforms.institutions", "The Ohio State University", rubric=off)
    assert _names("Hi Sam, I'm at Ohio State too.", osu, "shortforms.institutions", "The Ohio State University",
                  rubric=off)  # the rules still derive "Ohio State"
    econ = _profile("shortforms.fields", "Economics")
    nofields = rubric_from_mapping({"lexicon": {"shortforms.fields": {}}}, "no field short forms")
    assert _names("I'm an econ major.", econ, "shortforms.fields", "Economics")
    assert not _names("I'm an econ major.", econ, "shortforms.fields", "Economics", rubric=nofields)


def test_a_rubric_changes_the_word_lists_of_the_rules():
    kip = _profile("shortforms.institutions", "Kip Logistics")  # "Kip" only by dropping "Logistics"
    note = "Hi Sam, I admire Kip's drivers. Could I ask how you started?"
    assert _names(note, kip, "shortforms.institutions", "Kip Logistics")
    plain = rubric_from_mapping({"lexicon": {"shortforms.descriptors": []}}, "r")
    assert not _names(note, kip, "shortforms.institutions", "Kip Logistics", rubric=plain)
    utd = "University of Texas at Dallas"
    nosys = rubric_from_mapping({"lexicon": {"shortforms.systems": {}}}, "r")
    assert _names("UT Dallas is great!", _profile("shortforms.institutions", utd), "shortforms.institutions", utd)
    assert not _names("UT Dallas is great!", _profile("shortforms.institutions", utd), "shortforms.institutions",
                      utd, rubric=nosys)


def test_a_table_change_that_is_not_a_table_is_one_line(tmp_path):
    from invitelab import RubricError, load_rubric

    path = tmp_path / "r.toml"
    path.write_text('[lexicon]\n"shortforms.institutions" = ["RCC"]\n', encoding="utf-8")
    with pytest.raises(RubricError) as err:
        load_rubric(path)
    assert str(err.value).startswith(str(path)) and "must be a table of names and their short forms" in str(err.value)
    path.write_text('[extend.lexicon."shortforms.institutions"]\n"riverside community college" = "RCC"\n',
                    encoding="utf-8")
    with pytest.raises(RubricError, match="must be a table of names"):
        load_rubric(path)
