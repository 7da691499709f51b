"""A rubric changes any lexicon family without Python: [lexicon] replaces, [extend.lexicon] adds, [] turns off.

Each change is checked through score(), on the family's own example notes: emptying a family must
move the verdict the way the family's job says (a hard-ask family emptied: the ask is no longer
found), and a word a rubric adds must count."""
import pytest

from invitelab import RubricError, load_rubric, profile_from_dict, score
from invitelab.engine import find_facts, lexicon
from invitelab.engine.examples import ALEX, DANA
from invitelab.rubric import rubric_from_mapping

NURSE_R = profile_from_dict({"id": "r", "name": "Rosa Diaz", "headline": "Nurse at Mercy General",
                             "experience": [{"title": "Nurse", "company": "Mercy General"}], "kind": "recipient"})
NURSE_S = profile_from_dict({"id": "s", "name": "Sam Lee", "headline": "Nurse at St. Luke's",
                             "experience": [{"title": "Nurse", "company": "St. Luke's"}], "kind": "sender"})
WELDER_R = profile_from_dict({"id": "wr", "name": "Rosa Diaz", "headline": "Welder at Lincoln Works",
                              "experience": [{"title": "Welder", "company": "Lincoln Works"}], "kind": "recipient"})
WELDER_S = profile_from_dict({"id": "ws", "name": "Sam Lee", "headline": "Welder at Ace Fab",
                              "experience": [{"title": "Welder", "company": "Ace Fab"}], "kind": "sender"})
DUO_R = profile_from_dict({"id": "dr", "name": "Rosa Diaz", "headline": "Product Manager at Duolingo",
                           "experience": [{"title": "Product Manager", "company": "Duolingo"}], "kind": "recipient"})
DUO_S = profile_from_dict({"id": "ds", "name": "Sam Lee", "headline": "Student",
                           "experience": [{"title": "Intern", "company": "Duolingo"}], "kind": "sender"})
HIRING = profile_from_dict({"id": "h", "name": "Dana Whitfield", "skills": ["Hiring"], "kind": "recipient"})


def _example(fid: str, contains: str) -> str:
    """The family's own `matches` example that contains `contains` (so the test follows the file)."""
    found = [t for t in lexicon.file_family(fid).matches if contains in t]
    assert found, f"{fid} has no `matches` example with {contains!r}"
    return found[0]


# family, its example (or a note built around it), profiles, the criterion and how it moves when emptied
EMPTIED = [
    ("addressees.generic", lambda: _example("addressees.generic", "Hiring Manager"), None, None, "greeting", "fail", "pass"),
    ("closings.not_thanks", lambda: _example("closings.not_thanks", "applied"), None, None, "polite_close", "fail", "pass"),
    ("hard_asks.indirect", lambda: _example("hard_asks.indirect", "spots"), None, None, "no_hard_ask", "fail", "pass"),
    ("hard_asks.pitch", lambda: _example("hard_asks.pitch", "synergy"), None, None, "no_hard_ask", "fail", "pass"),
    ("introductions.fellow_role", lambda: _example("introductions.fellow_role", "sales leader"), None, None,
     "self_intro", "pass", "fail"),
    ("placeholders.forms", lambda: _example("placeholders.forms", "(your university)"), None, None, "not_template", "fail", "pass"),
    ("placeholders.link", lambda: _example("placeholders.link", "REPO LINK"), None, None, "no_hard_ask", "fail", "pass"),
    ("purposes.not_purpose", lambda: _example("purposes.not_purpose", "help with"), None, None, "purpose", "fail", "pass"),
    ("purposes.meet_there", lambda: "Hi Dana, I see we're both attending the Ohio Career Development Association "
     "conference next week. Would love to meet there. Thanks, Alex", DANA, ALEX, "purpose", "pass", "fail"),
    ("references.mutual_contact", lambda: _example("references.mutual_contact", "Priya"), None, None,
     "specific_detail", "pass", "fail"),
    ("references.news", lambda: _example("references.news", "dean"), None, None, "specific_detail", "pass", "fail"),
    ("references.prior_contact", lambda: _example("references.prior_contact", "our call"), None, None,
     "specific_detail", "pass", "fail"),
    ("requests.network", lambda: _example("requests.network", "GET TO KNOW"), None, None, "not_template", "fail", "pass"),
    ("facts.occupations", lambda: "Hi Rosa, " + _example("facts.occupations", "nurse") +
     " I'd love to hear how you moved into charge nursing. Thanks, Sam", NURSE_R, NURSE_S, "common_ground", "pass", "fail"),
    ("facts.skill_as_verb", lambda: "Hi Dana, " + _example("facts.skill_as_verb", "hiring") +
     "! I'd love to ask how you plan fairs. Thanks, Alex", HIRING, ALEX, "specific_detail", "fail", "pass"),
]


@pytest.mark.parametrize("fid, text, recipient, sender, criterion, before, after", EMPTIED, ids=[c[0] for c in EMPTIED])
def test_an_emptied_family_is_turned_off(fid, text, recipient, sender, criterion, before, after):
    text = text()
    off = rubric_from_mapping({"lexicon": {fid: []}}, "test rubric")
    assert lexicon.family(fid, off).search(text) is None and lexicon.family(fid, off).changed
    assert score(text, recipient, sender).finding(criterion).status == before
    assert score(text, recipient, sender, rubric=off).finding(criterion).status == after
    assert score(text, recipient, sender).finding(criterion).status == before  # the files again, no leak


EXTENDED = [
    # a word the file does not have (not "squad", the book's own example of a word to add)
    ("addressees.generic", ["Wombats"], "Hi Wombats, I loved your talk on weld inspection. I would love to hear how you "
     "moved into it. Thanks, Sam", None, None, "greeting", "pass", "fail"),
    ("facts.occupations", ["welder"], "Hi Rosa, I'm a welder too. I'd love to hear how you moved into inspection work. "
     "Thanks, Sam", WELDER_R, WELDER_S, "common_ground", "fail", "pass"),
    # no trigger word of the built-in quick pre-tests: a rubric's own pattern must still be tried
    ("hard_asks.pitch", [r"\bmy\s+consultancy\b"], "Hi Rosa, I loved your post on weld inspection. I'd love to ask how "
     "my consultancy could help. Thanks, Sam", WELDER_R, WELDER_S, "no_hard_ask", "pass", "fail"),
    ("references.mutual_contact", [r"\bmy\s+cousin\s+[A-Z]\w+\s+says\s+hi\b"], "Hi Rosa, my cousin Pia says hi. I'd love "
     "to hear how you moved into inspection work. Thanks, Sam", None, None, "specific_detail", "fail", "pass"),
    # the fact matcher's own word lists (facts.vocab()) follow the rubric too
    ("facts.not_affiliation", ["subscriber"], "Hi Rosa, I'm a Duolingo subscriber! I'd love to hear how you moved into "
     "product. Thanks, Sam", DUO_R, DUO_S, "common_ground", "pass", "fail"),
    ("facts.category_nouns", ["team"], "Hi Rosa, I admire the product team at Duolingo. I'd love to hear how you moved "
     "into product. Thanks, Sam", DUO_R, None, "specific_detail", "pass", "fail"),
]


@pytest.mark.parametrize("fid, items, text, recipient, sender, criterion, before, after", EXTENDED,
                         ids=[c[0] for c in EXTENDED])
def test_an_extended_family_counts_the_new_words(fid, items, text, recipient, sender, criterion, before, after):
    known = [i for i in items if i.lower() in {w.lower() for w in lexicon.file_family(fid).items}]
    assert not known, f"{fid} already has {known}: pick a word for this test that the lexicon file lacks"
    more = rubric_from_mapping({"extend": {"lexicon": {fid: items}}}, "test rubric")
    fam = lexicon.family(fid, more)
    assert fam.items[: len(lexicon.file_family(fid).items)] == lexicon.file_family(fid).items  # added, not replaced
    assert score(text, recipient, sender).finding(criterion).status == before
    assert score(text, recipient, sender, rubric=more).finding(criterion).status == after


def test_replacing_a_word_list(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text('[lexicon]\n"facts.occupations" = ["welder"]\n', encoding="utf-8")
    rubric = load_rubric(path)
    assert lexicon.family("facts.occupations", rubric).words == ("welder",)
    assert lexicon.family("facts.occupations", rubric) is lexicon.family("facts.occupations", rubric)  # cached
    assert lexicon.family("facts.occupations").words == lexicon.file_family("facts.occupations").words
    note = "Hi Rosa, I'm a welder too. I'd love to hear how you moved into inspection work. Thanks, Sam"
    assert score(note, WELDER_R, WELDER_S, rubric=rubric).finding("common_ground").status == "pass"
    nurse = "Hi Rosa, I'm a nurse too. I'd love to hear how you moved into charge nursing. Thanks, Sam"
    assert score(nurse, NURSE_R, NURSE_S, rubric=rubric).finding("common_ground").status == "fail"
    assert rubric.with_limit(200).lexicon == rubric.lexicon  # --limit keeps the changes


def test_dotted_keys_a_json_rubric_and_a_partial_file_work(tmp_path):
    dotted = tmp_path / "d.toml"
    dotted.write_text("[extend.lexicon]\naddressees.generic = [\"Squad\"]\n", encoding="utf-8")
    assert "squad" in lexicon.family("addressees.generic", load_rubric(dotted)).word_set
    js = tmp_path / "j.json"
    js.write_text('{"lexicon": {"hard_asks.indirect": []}}', encoding="utf-8")
    rubric = load_rubric(js)
    assert rubric.weight("purpose") == 18 and rubric.limit == 300  # everything else keeps the default
    assert score("If your team has any spots this summer, please let me know.", rubric=rubric) \
        .finding("no_hard_ask").status == "pass"


def test_replace_then_extend_in_one_file():
    rubric = rubric_from_mapping({"lexicon": {"facts.occupations": ["nurse"]},
                                  "extend": {"lexicon": {"facts.occupations": ["welder", "nurse"]}}}, "r")
    assert lexicon.family("facts.occupations", rubric).words == ("nurse", "welder")


def test_find_facts_honours_a_rubric():
    note = "I'm a welder too."
    assert not [f for f in find_facts(note, WELDER_R) if f.kind == "occupation"]
    rubric = rubric_from_mapping({"extend": {"lexicon": {"facts.occupations": ["welder"]}}}, "r")
    assert [f.kind for f in find_facts(note, WELDER_R, rubric=rubric) if f.kind == "occupation"] == ["occupation"]


@pytest.mark.parametrize("body, message", [
    ('[lexicon]\n"facts.nothing" = []\n', "[lexicon] \"facts.nothing\": no lexicon family 'facts.nothing'; "
     "did you mean 'facts.not_names'"),
    ('[lexicon]\n"facts.nothing" = []\n', "(`invitelab rubric --lexicon` lists them all)"),
    ('[lexicon]\n"nothing" = []\n', "no lexicon family 'nothing'"),
    ('[extend.lexicon]\n"facts.occupations" = "nurse"\n', '[extend.lexicon] "facts.occupations" must be a list of words'),
    ('[lexicon]\n"facts.occupations" = [1, 2]\n', '[lexicon] "facts.occupations" must be a list of words'),
    ('[lexicon]\n"facts.occupations" = [" "]\n', "must be a list of words"),
    ('[lexicon]\n"hard_asks.indirect" = ["(unclosed"]\n', "'(unclosed' is not a valid regular expression"),
    ('[lexicon]\n"hard_asks.indirect" = ["fine"]\n"hard_asks.pitch" = 3\n', "must be a list of regular expressions"),
    ("lexicon = 3\n", "[lexicon] must be a table"),
    ("[extend]\nlexicon = 3\n", "[extend.lexicon] must be a table"),
])
def test_bad_lexicon_changes_are_one_line_naming_file_and_key(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RubricError) as err:
        load_rubric(path)
    text = str(err.value)
    assert message in text and text.startswith(str(path)) and "\n" not in text


def test_the_default_rubric_changes_no_family():
    from invitelab import default_rubric

    assert default_rubric().lexicon == ()
    fam = lexicon.family("hard_asks.indirect", default_rubric())
    assert fam is lexicon.file_family("hard_asks.indirect") and not fam.changed


def test_the_listing_is_a_lexicon_table_that_changes_nothing(tmp_path, capsys):
    from invitelab.cli import main

    assert main(["rubric", "--lexicon"]) == 0
    listing = capsys.readouterr().out
    path = tmp_path / "all.toml"
    path.write_text("[lexicon]\n" + listing, encoding="utf-8")
    rubric = load_rubric(path)
    assert {fid for fid, _ in rubric.lexicon} == {f.id for f in lexicon.families()}
    assert all(items == lexicon.file_family(fid).items for fid, items in rubric.lexicon)


ROBUST_NOTES = [
    ("Hi Dana, I'm a psych junior at OSU too! I loved your post on career fairs. Could I ask how you plan one? "
     "Thanks, Alex", DANA, ALEX),
    ("Dear Hiring Manager, are you hiring? Please review my resume: https://x.example [Name]", DANA, None),
    ("Priya suggested I reach out. Congrats on the launch! I'd be glad to share my notes. Best, Sam", None, None),
    ("hi rosa, im a nurse too lol. Also, Kent State is great. (company name) - Sam Lee, Temple '26", NURSE_R, NURSE_S),
    ("", None, None),
]


@pytest.mark.parametrize("fam", lexicon.families(), ids=lambda f: f.id)
def test_every_family_can_be_emptied_without_error(fam):
    off = rubric_from_mapping({"lexicon": {fam.id: {} if fam.kind == "table" else []}}, "test rubric")
    assert lexicon.family(fam.id, off).search("Hi there, Buckeye OSU") is None
    for text, recipient, sender in ROBUST_NOTES:
        result = score(text, recipient, sender, rubric=off)
        assert result.level in ("generic", "developing", "personalized", "exemplary")
        find_facts(text, recipient, rubric=off)


@pytest.mark.parametrize("fid, claim", [("facts.claim_activity", "I loved your talk at SXSW."),
                                        ("facts.claim_school", "you studied at Temple, right?")])
def test_claim_patterns_are_data_a_rubric_can_turn_off(fid, claim):
    note = f"Hi Dana, {claim} Could I ask how you plan a career fair? Thanks, Alex"
    assert lexicon.family(fid).search(note)
    assert "Unsupported" in score(note, DANA, ALEX).finding("specific_detail").evidence
    off = rubric_from_mapping({"lexicon": {fid: []}}, "test rubric")
    assert "Unsupported" not in score(note, DANA, ALEX, rubric=off).finding("specific_detail").evidence


def test_the_examples_in_rubric_toml_work_when_uncommented(tmp_path):
    from invitelab.rubric import DEFAULT_RUBRIC_PATH

    text = DEFAULT_RUBRIC_PATH.read_text(encoding="utf-8")
    example = text[text.index("remove the # to use it"):]
    lines = [line[2:] for line in example.splitlines() if line.startswith(('# [', '# "'))]
    path = tmp_path / "uncommented.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rubric = load_rubric(path)
    changed = dict(rubric.lexicon)
    assert changed["hard_asks.indirect"] == () and "welder" in changed["facts.occupations"]
    assert "Riverhawks" in dict(changed["shortforms.institutions"])["Riverside Community College"]
