"""Issue 7, the real-note round of 2026-12-07 (data/real/ANALYSIS.md, "Round 2"): the kinds of
self-introduction and purpose that real notes with no profile use. Each case is written here as a
general example of its kind; none is a note of a labelled set."""
import pytest

from invitelab import score
from invitelab.engine.examples import DANA


def status(text, criterion, recipient=None):
    return score(text, recipient=recipient).finding(criterion).status


# --- self_intro --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hi Dana, I'm building Lumenfold, a scheduling app for small clinics.",        # a named venture
    "Hi Dana - building Tidewise: tools for harbour pilots.",
    "Hi Dana, we're working on the same questions at Harbor Labs.",                  # work at a named org
    "Hi Dana, building data tools at Ferro Health these days.",
    "Hi Dana, I'm currently attending a coding bootcamp in Austin.",                 # enrolment
    "Hi Dana, I have joined Northfield College's nursing programme.",
    "Hi Dana, I'm moving my career toward nursing informatics.",                     # a career change
    "Hi Dana, I recently decided to leave retail and pursue UX research.",
    "Hi Dana, I've started my cybersecurity journey this year.",
    "Hi Dana, I'm Sam, transitioning from restaurant management to logistics.",
    "Hi Dana, I'm a parent returning to work after six years at home.",
    "Hi Dana, I'm hoping to connect with fellow data engineers in Denver.",          # peers named with "fellow"
    "Hi [Name], proud [College] alumna here!",                                       # the role is stated; only the school is blank
])
def test_self_introductions_real_notes_use(text):
    assert status(text, "self_intro") == "pass"


@pytest.mark.parametrize("text", [
    "Hi Dana, I'm working on [project name].",                        # the field is only a placeholder
    "Hi Dana, I have worked in [field] since 2019.",
    "Hi Dana, I work with {{client_type}} every day.",
    "Hi [Name], fellow [job title] here!",
    "Hi Dana, as a recruiter, could you tell me how you screen résumés?",  # the recipient's role
    "Hi Dana, Sam Lee and I studied together.",                       # how they know someone
    "Hi Dana, we're both linked to Sam Lee.",
    "Hi Dana, I'm building the data pipeline for our lab.",          # a product in common words is no name
    "Hi Dana, I'm attending the career fair next week.",             # an event is no affiliation
    "Hi Dana, I'm hoping to connect with fellow professionals in Denver.",
    "Hi Dana, I'm an aspiring product manager.",
])
def test_not_self_introductions(text):
    assert status(text, "self_intro") == "fail"


# --- purpose -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hi Dana, there may be ways to collaborate on rural clinic staffing.",           # collaboration with a topic
    "Hi Dana, I'd love to swap notes on onboarding new graduates.",
    "Hi Dana, happy to share my notes from the summit on rural clinics.",            # a named resource
    "Hi Dana, I wrote a one-pager on clinic staffing models. Happy to share it.",
    "Hi Dana, I'd love to invite you to speak at our chapter's spring panel.",       # an invitation to something named
    "Hi Dana, I'm researching rural broadband for my thesis and would love 15 minutes of your time.",
    "Hi Dana, I like Brightline's onboarding and would love to talk sometime.",      # a topic named by a possessive
    "Hi Dana, would you be open to a quick call about your move into UX?",           # a chat with its topic
    "Hi Dana, would you be open to a quick call next week about nurse residencies?",
    "Hello Dr. Lee, I read your paper on soil sampling and have a question about your method.",
    "Hi Dana, great to meet you at the Denver data meetup last night. Let's stay in touch!",
])
def test_purposes_real_notes_use(text):
    assert status(text, "purpose") == "pass"


@pytest.mark.parametrize("text", [
    "Hi Dana, I saw your name while exploring nonprofit careers. I'd like to connect.",  # own activity
    "Hi Dana, I'm currently exploring jobs in logistics. Would love to connect.",
    "Hi Dana, always learning from great nurse managers. Would love to connect.",
    "Hi Dana, we spent an hour talking about hiring pipelines. Glad to link up.",  # a past conversation
    "Hi Dana, I have long followed your writing on clinic design. Would love to connect.",
    "Hi Dana, your view on remote onboarding really resonated. Would be great to connect.",
    "Hi Dana, would you be open to a short informal 20-minute chat to exchange views?",
    "Hi Dana, I'd totally understand if you're too busy. I'd like to be in your network.",
    "Hi Dana, I'd love to invite you to join my network.",
    "Hi Dana, would you be open to a quick call next week?",               # a chat with only a time
])
def test_not_purposes(text):
    assert status(text, "purpose") == "fail"


def test_a_pitch_with_a_demo_link_is_a_hard_ask_and_still_a_purpose():
    result = score("Hi Dana - building Tidewise: tools for harbour pilots. You might like the demo at example.org/demo")
    assert result.finding("no_hard_ask").status == "fail"
    assert result.finding("purpose").status == "pass"


def test_an_indirect_ask_to_be_considered_is_a_hard_ask():
    text = "Hi Dana, if you are currently searching for someone to join your lab, I'd be glad to apply."
    assert status(text, "no_hard_ask") == "fail"
    assert status(text, "purpose") == "pass"


def test_the_same_kinds_hold_with_a_profile():
    assert status("Hi Dana, I'm currently attending a coding bootcamp in Austin.", "self_intro", DANA) == "pass"
    assert status("Hi Dana, I'm now working on [current focus].", "self_intro", DANA) == "fail"
    assert status("Hi Dana, I'd love to swap notes on campus recruiting events.", "purpose", DANA) == "pass"
