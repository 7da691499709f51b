"""Every criterion: registered once, documented, and its own pass/fail examples hold."""
import pytest

from invitelab import CRITERIA, CRITERION_IDS, default_rubric, score
from invitelab.engine import CRITERIA_BY_ID
from invitelab.engine.examples import ALEX, DANA


def test_registry_matches_the_rubric_ids_in_order():
    assert tuple(c.id for c in CRITERIA) == CRITERION_IDS
    assert len(set(CRITERION_IDS)) == len(CRITERION_IDS) == 10


def test_every_criterion_is_documented_and_weighted():
    rubric = default_rubric()
    for c in CRITERIA:
        assert c.title and len(c.why) > 40, c.id
        assert callable(c.judge)
        assert rubric.weight(c.id) > 0


def test_every_criterion_has_pass_and_fail_examples():
    for c in CRITERIA:
        assert c.passes, f"{c.id} has no passing example"
        assert c.fails, f"{c.id} has no failing example"


EXAMPLES = [(c.id, text, "pass") for c in CRITERIA for text in c.passes] + [
    (c.id, text, "fail") for c in CRITERIA for text in c.fails
]


@pytest.mark.parametrize("criterion,text,expected", EXAMPLES)
def test_criterion_examples(criterion, text, expected):
    result = score(text, recipient=DANA, sender=ALEX)
    finding = result.finding(criterion)
    assert finding.status == expected, f"{criterion} on {text!r}: {finding.evidence}"
    if expected == "fail":
        assert finding.suggestion, f"{criterion} fails without a suggestion"
    assert CRITERIA_BY_ID[criterion].title == finding.title
