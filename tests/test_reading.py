"""One reading of a note: built once per check, frozen, each thing computed once; the families the
reading modules use obey a rubric's [lexicon]; evidence is whole words within one sentence."""
import re

import pytest

from invitelab import score
from invitelab.engine import facts, lexicon
from invitelab.engine.examples import ALEX, DANA
from invitelab.engine.note import Note
from invitelab.engine.reading import Reading
from invitelab.rubric import default_rubric, rubric_from_mapping

NOTE = ("Hi Dana, I'm a sophomore at Ohio State in the psychology program. Your post about what you look for at "
        "career fairs helped me prepare. May I ask what first drew you to university relations? Thanks, Alex")


def test_a_reading_is_frozen_and_holds_what_it_computed():
    r = Reading(Note(NOTE), DANA, ALEX, default_rubric())
    with pytest.raises(AttributeError):
        r.recipient = None
    with pytest.raises(AttributeError):
        r.greeting = None
    assert r.greeting is r.greeting and r.claims is r.claims  # computed once, then held
    assert r.greeting.name == "Dana" and r.closing.sign_off.lower() == "thanks"
    assert r.text[slice(*r.body)].startswith(", I'm a sophomore")
    assert r.lex("greetings.words") is lexicon.family("greetings.words")


def test_score_builds_one_reading_and_calls_the_fact_matcher_once(monkeypatch):
    calls = {"claims": 0, "readings": 0}
    real_claims, real_init = facts.find_claims, Reading.__init__

    def counting_claims(*args):
        calls["claims"] += 1
        return real_claims(*args)

    def counting_init(self, *args):
        calls["readings"] += 1
        real_init(self, *args)

    monkeypatch.setattr(facts, "find_claims", counting_claims)
    monkeypatch.setattr(Reading, "__init__", counting_init)
    result = score(NOTE, DANA, ALEX)
    assert result.level == "exemplary"
    assert calls == {"claims": 1, "readings": 1}


def test_no_hidden_memo_on_the_note():
    note = Note(NOTE)
    r = Reading(note, DANA, ALEX, default_rubric())
    for name in ("greeting", "closing", "placeholders", "hard_ask", "how_you_know", "template", "voice", "addressing"):
        getattr(r, name)
    assert "_memo" not in note.__dict__


# family, a note, profiles, criterion, status with the files, status with the family emptied
EMPTIED = [
    ("greetings.titles", "Dear Ms. Whitfield, I loved your post on career fairs.", DANA, None, "greeting", "pass", "fail"),
    ("hard_asks.link", "Hi Dana, see my portfolio at alexrivera.dev", DANA, ALEX, "no_hard_ask", "fail", "pass"),
    ("hard_asks.review_mine", "Hi Dana, your resume tips were great. Could you look over mine?", DANA, ALEX,
     "no_hard_ask", "fail", "pass"),
    ("voice.r_language", "Hi Dana, I use r programming daily.", DANA, ALEX, "tone", "pass", "fail"),
    ("templates.non_content", "Hi Dana, awesome awesome.", DANA, ALEX, "not_template", "fail", "pass"),
    ("placeholders.brackets", "Hi Dana, I saw your work at [Company].", DANA, ALEX, "not_template", "fail", "pass"),
    ("references.plans", "Hi Dana, I will talk with you after the panel.", DANA, ALEX, "specific_detail", "fail", "pass"),
]


@pytest.mark.parametrize("fid, text, recipient, sender, criterion, before, after", EMPTIED, ids=[c[0] for c in EMPTIED])
def test_an_emptied_reading_family_is_turned_off(fid, text, recipient, sender, criterion, before, after):
    off = rubric_from_mapping({"lexicon": {fid: []}}, "test rubric")
    assert score(text, recipient, sender).finding(criterion).status == before
    assert score(text, recipient, sender, rubric=off).finding(criterion).status == after
    assert score(text, recipient, sender).finding(criterion).status == before  # no leak into the next check


def test_an_extended_greeting_word_counts():
    note = "Ahoy Dana, I loved your post on career fairs."
    more = rubric_from_mapping({"extend": {"lexicon": {"greetings.words": [r"\bahoy\b"]}}}, "test rubric")
    assert score(note, DANA, ALEX).finding("greeting").status == "fail"
    assert score(note, DANA, ALEX, rubric=more).finding("greeting").status == "pass"


def test_a_rubric_pattern_for_direct_hard_asks_needs_no_trigger_word():
    note = "Hi Dana, I loved your post on career fairs. Could you sponsor my visa?"
    more = rubric_from_mapping({"extend": {"lexicon": {"hard_asks.direct": [r"\bsponsor\s+my\s+visa\b"]}}}, "test rubric")
    assert score(note, DANA, ALEX).finding("no_hard_ask").status == "pass"
    assert score(note, DANA, ALEX, rubric=more).finding("no_hard_ask").status == "fail"


@pytest.mark.parametrize("text", [
    "Hi Dana, fellow Buckeye here! Your post about career fairs changed how I prepare.",
    "Hi Dana, I'm a U.S. Navy veteran now studying psychology at Ohio State. Thanks for your post!",
    "Hi Dana,\nI study psychology\nat Ohio State and loved your post on career fairs and what you look for.",
    "Hi Dana, I'd like to connect. I start at Ohio State in the fall.",
])
def test_not_template_evidence_is_whole_words_within_one_sentence(text):
    f = score(text, DANA, ALEX).finding("not_template")
    assert f.status == "pass"
    shown = text[f.span[0]:f.span[1]]
    assert f.evidence.endswith(f"“{' '.join(shown.split())}”")
    inner = shown.rstrip(".!?")
    assert not re.search(r"[.!?](?:\s|$)|\n", inner), shown  # no sentence end inside
    assert not text[f.span[0] - 1: f.span[0]].isalnum() and not text[f.span[1]: f.span[1] + 1].isalnum(), shown
