"""Engine behaviours reported on real use (hard asks, unsupported claims, abbreviations, hints,
greetings and closes): each test failed before its fix. Notes are written for Dana and Alex."""
from __future__ import annotations

import pytest

from invitelab import score
from invitelab.engine.examples import ALEX, DANA


def status(text, criterion, recipient=DANA, sender=ALEX):
    return score(text, recipient=recipient, sender=sender).finding(criterion).status


@pytest.mark.parametrize("recipient", [DANA, None])
@pytest.mark.parametrize("text", [
    "Hi Dana, can you send me a job link?",
    "Hi Dana, could you send me the application link? Thanks, Alex",
    "Hi Dana, would you share the link to the job posting for the analyst role?",
])
def test_asking_for_a_job_or_application_link_is_a_hard_ask(text, recipient):
    assert status(text, "no_hard_ask", recipient, None) == "fail"


@pytest.mark.parametrize("text", [
    "Hi Dana, we're raising a $1.5M seed round for our hiring app. Would love to connect!",
    "Hi Dana, building a scheduling tool for clinics. Raising pre-seed. Happy to connect.",
    "Hi Dana, I help companies like yours cut recruiting costs. Would love to connect.",
])
def test_a_pitch_said_as_a_statement_is_a_hard_ask_but_not_a_purpose(text):
    r = score(text, recipient=DANA)
    assert r.finding("no_hard_ask").status == "fail"
    assert r.finding("purpose").status == "fail"  # it requests nothing


@pytest.mark.parametrize("text", [
    "Hi Dana, could you send me the link to your post on career fairs? Thanks, Alex",
    "Hi Dana, congrats on raising Meridian's new scholarship fund! How did you start it?",
    "Hi Dana, I help first-year students at Ohio State find their way to career fairs. Thanks!",
])
def test_not_hard_asks(text):
    assert status(text, "no_hard_ask") == "pass"
