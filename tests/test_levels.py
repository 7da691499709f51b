"""The level rules of the spec (section 3), applied in order, and the score."""
import itertools

import pytest

from invitelab import decide_level, score
from invitelab.engine.examples import ALEX, DANA
from invitelab.rubric import CRITERION_IDS

ALL_PASS = {c: "pass" for c in CRITERION_IDS}


def with_(**changes):
    status = dict(ALL_PASS)
    status.update(changes)
    return status


def test_all_pass_is_exemplary():
    assert decide_level(ALL_PASS) == "exemplary"
    assert decide_level(with_(common_ground="n/a")) == "exemplary"


def test_template_is_generic_whatever_else_passes():
    assert decide_level(with_(not_template="fail")) == "generic"


def test_no_detail_and_no_purpose_is_generic():
    assert decide_level(with_(specific_detail="fail", purpose="fail")) == "generic"


@pytest.mark.parametrize("core", ["greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone"])
def test_a_missing_core_criterion_is_developing(core):
    assert decide_level(with_(**{core: "fail"})) == "developing"


@pytest.mark.parametrize("extra", ["self_intro", "polite_close", "common_ground"])
def test_personalized_without_the_extras(extra):
    assert decide_level(with_(**{extra: "fail"})) == "personalized"


def test_every_combination_follows_the_rules_in_order():
    core = ["greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone"]
    for bits in itertools.product(["pass", "fail"], repeat=len(CRITERION_IDS)):
        status = dict(zip(CRITERION_IDS, bits))
        level = decide_level(status)
        if status["not_template"] == "fail" or (status["specific_detail"] == "fail" and status["purpose"] == "fail"):
            assert level == "generic"
        elif all(status[c] == "pass" for c in core):
            extras = all(status[c] == "pass" for c in ("self_intro", "polite_close", "common_ground"))
            assert level == ("exemplary" if extras else "personalized")
        else:
            assert level == "developing"


def test_a_name_alone_does_not_lift_a_note_out_of_generic():
    assert score("Hi Dana, I'd like to connect.", recipient=DANA).level == "generic"
    assert score("Hi Dana! Hope you're well. I'd like to join your network. Best, Alex", recipient=DANA).level == "generic"


def test_score_is_a_weighted_share_and_na_weight_is_spread():
    good = "Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how you moved into campus recruiting? Thanks, Alex"
    with_sender = score(good, recipient=DANA, sender=ALEX)
    without = score(good, recipient=DANA)
    assert with_sender.score == 100.0
    assert without.finding("common_ground").status == "n/a"
    assert without.score == 100.0
    assert sum(f.weight for f in without.findings) == pytest.approx(100.0, abs=0.1)
    assert without.finding("common_ground").weight == 0


def test_better_notes_score_higher():
    notes = [
        "",
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi Dana, I'd like to connect. Thanks!",
        "Hi Dana, I saw your post on career fairs. Can you refer me for an internship?",
        "Hi Dana, your post on what you look for at career fairs helped me. Could I ask how you got into campus recruiting?",
        "Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how you moved into campus recruiting? Thanks, Alex",
    ]
    scores = [score(n, recipient=DANA, sender=ALEX).score for n in notes]
    assert scores[0] <= scores[1], scores  # empty and the default text are equally generic
    assert scores[1:] == sorted(scores[1:]) and len(set(scores[1:])) == len(scores) - 1, scores


def test_score_bands_follow_the_level():
    from invitelab import default_rubric
    from invitelab.rubric import RubricError, rubric_from_mapping

    hard_ask = "Hi Dana, I'm a psychology junior at Ohio State. Your post on career fairs helped me. Could you refer me for an internship at Meridian Health? Thanks, Alex"
    personalized = "Hi Dana, your post on career fairs helped me. Could I ask how you moved into recruiting?"
    r_ask, r_pers = score(hard_ask, recipient=DANA, sender=ALEX), score(personalized, recipient=DANA, sender=ALEX)
    assert r_ask.level == "developing" and r_pers.level == "personalized"
    assert r_ask.score < r_pers.score
    for r in (r_ask, r_pers, score("", recipient=DANA)):
        low, high = default_rubric().band(r.level)
        assert low <= r.score <= high
    # an instructor's bands are used, and bad bands are refused with one line
    wide = rubric_from_mapping({"bands": {"developing": [30, 50]}})
    assert score(hard_ask, recipient=DANA, sender=ALEX, rubric=wide).score <= 50
    for bad in ({"developing": [20, 40]}, {"generic": [0, 120]}, {"exemplary": [90, 80]}, {"nope": [0, 1]},
                {"developing": ["a", 40]}, {"developing": [float("nan"), 40]}):
        with pytest.raises(RubricError):
            rubric_from_mapping({"bands": bad})
