"""Issue 7, first half: the rubric's general terms on notes with no profile (and how you know
them with one). Each case is the spec's own example or a general pass/fail pair; none is a note
of a labelled set."""
import pytest

from invitelab import load_rubric, score
from invitelab.engine.examples import DANA


def status(text, criterion, recipient=None, rubric=None):
    return score(text, recipient=recipient, rubric=rubric).finding(criterion).status


# --- specific_detail: how you know them (with or without a profile) -------------------------------

HOW_YOU_KNOW = [
    "Hi Dana, Priya Raman suggested I reach out.",
    "Hi Dana, our mutual friend Sam Lee said you'd be a good person to ask.",
    "Hi Dana, thanks for the chat at your booth on Tuesday.",
    "Hi Dana, great to meet you at the alumni breakfast yesterday.",
    "Hi Dana, thank you for visiting our class last week.",
    "Hi Dana, as promised on our call, here is my question.",
    "Hi Dana, following up on my email about the residency open house.",
    "Hi Dana, we met at the spring networking night.",
]


@pytest.mark.parametrize("text", HOW_YOU_KNOW)
def test_how_you_know_them_counts_without_a_profile(text):
    assert status(text, "specific_detail") == "pass"


@pytest.mark.parametrize("text", HOW_YOU_KNOW)
def test_how_you_know_them_counts_with_a_profile(text):
    assert status(text, "specific_detail", recipient=DANA) == "pass"


@pytest.mark.parametrize("text", [
    "Hi, someone suggested I reach out to recruiters.",
    "Hi, [Mutual Connection] suggested I reach out.",
    "Hi, great meeting you at [Event Name]!",
    "Hi, I hope to meet more recruiters this year.",
    "Hi, would you be open to a call?",
])
def test_not_how_you_know_them(text):
    assert status(text, "specific_detail") == "fail"


# --- specific_detail without a profile: concrete, checkable references -----------------------------

@pytest.mark.parametrize("text", [
    "Hi Sam, congrats on the Series B!",
    "Hi Sam, I saw your clinic just opened in Denver.",
    "Hi Sam, I admire your work on rural broadband maps.",
    "Hi Sam, your experience with small business owners caught my eye.",
    "Hi Sam, I read your article on hiring nurses straight out of school.",
])
def test_concrete_reference_without_a_profile(text):
    assert status(text, "specific_detail") == "pass"


@pytest.mark.parametrize("text", [
    "Hi Sam, I love your design work.",
    "Hi Sam, you have an impressive profile.",
    "Hi Sam, I'm reaching out to recruiters in Austin.",
    "Hi Sam, your experience is impressive.",
    "Hi [Name], your post about [specific topic] resonated with me.",
    "Hi [Name], I saw your post about the [Specific Role] you are hiring for at [Company].",
    "Hello XYZ, I see you work for XYZ.",
])
def test_no_concrete_reference_without_a_profile(text):
    assert status(text, "specific_detail") == "fail"


# --- purpose: proposals with an object ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hi Sam, I'd love to exchange notes on rural clinic staffing.",
    "Hi Sam, I put together a checklist for career fair prep and I'm happy to share it.",
    "Hi Sam, I see you're attending the Ohio nursing summit. I'll be there too; would be great to connect beforehand.",
    "Hi Sam, I'd like to discuss a collaboration on your open-source mapping project.",
])
def test_proposals_are_purposes(text):
    assert status(text, "purpose") == "pass"


@pytest.mark.parametrize("text", [
    "Hi Sam, please let me know if there is anything I can help with.",
    "Hi Sam, I'd love to exchange ideas.",
    "Hi Sam, I enjoyed our conversation. Let's stay connected.",
    "Hi Sam, I'd like to grow my network.",
])
def test_no_object_is_no_purpose(text):
    assert status(text, "purpose") == "fail"


# --- no_hard_ask: indirect asks and pitches; soft asks stay fine ------------------------------------

@pytest.mark.parametrize("text", [
    "Hi Sam, if your team has any spots this summer, please let me know.",
    "Hi Sam, I'd appreciate being kept in mind for the next cohort.",
    "Hi Sam, I'd love to be on your radar if a fit opens up.",
    "Hi Sam, would you take a look at my attached resume?",
    "Hi Sam, I'd love 20 minutes to present our platform to your team.",
    "Hi Sam, we're offering a free pilot to three clinics this spring.",
    "Hi Sam, I'd like to discuss potential synergies. Could we schedule a call?",
    "Hi Sam, could I give you a quick demo of our scheduling app?",
    "Hi Sam, here is the role I applied to: [PASTE JOB POST URL]",
])
def test_indirect_asks_and_pitches_are_hard_asks(text):
    assert status(text, "no_hard_ask") == "fail"


@pytest.mark.parametrize("text", [
    "Hi Sam, would you be open to a brief chat about your path into nursing?",
    "Hi Sam, could I ask you a question about residencies?",
    "Hi Sam, I'd appreciate any advice on preparing for the MCAT.",
    "Hi Sam, I'll keep your advice in mind.",
    "Hi Sam, I'd love to hear how you schedule a week of clinic visits.",
])
def test_soft_asks_stay_fine(text):
    assert status(text, "no_hard_ask") == "pass"


def test_an_emptied_hard_ask_list_turns_hard_asks_off(tmp_path):
    path = tmp_path / "rubric.toml"
    path.write_text("[phrases]\nhard_asks = []\n", encoding="utf-8")
    rubric = load_rubric(path)
    for text in ("Hi Sam, are you hiring?", "Hi Sam, could you refer me?", "Hi Sam, keep me in mind for the next cohort."):
        assert status(text, "no_hard_ask") == "fail"
        assert status(text, "no_hard_ask", rubric=rubric) == "pass"
    assert status("Hi Sam, see alexrivera.dev", "no_hard_ask", rubric=rubric) == "fail"  # links are not phrases


_FAMILIES = '[lexicon]\n"hard_asks.direct" = []\n"hard_asks.indirect" = []\n"hard_asks.pitch" = []\n"hard_asks.review_mine" = []\n'


def test_emptied_hard_ask_families_turn_off_only_their_own_asks(tmp_path):
    """The rubric's own [phrases] hard_asks list is the switch for hard asks as a whole; a lexicon
    family, emptied, turns off its own patterns and leaves the list's phrases on."""
    path = tmp_path / "rubric.toml"
    path.write_text(_FAMILIES, encoding="utf-8")
    rubric = load_rubric(path)
    assert status("Hi Sam, are you hiring?", "no_hard_ask", rubric=rubric) == "fail"  # in [phrases] hard_asks
    assert status("Hi Sam, could you refer me?", "no_hard_ask", rubric=rubric) == "fail"
    text = "Hi Sam, keep me in mind for the next cohort."  # only the families hold this one
    assert status(text, "no_hard_ask") == "fail"
    assert status(text, "no_hard_ask", rubric=rubric) == "pass"


def test_the_cli_follows_an_emptied_hard_ask_list(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")

    def check(toml):
        path = tmp_path / "r.toml"
        path.write_text(toml, encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "invitelab", "check", "Hi Dana, are you hiring?", "--to",
                              "dana-whitfield", "--rubric", str(path), "--json"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": src}, check=True).stdout
        return next(f["status"] for f in json.loads(out)["findings"] if f["criterion"] == "no_hard_ask")

    assert check("[phrases]\nhard_asks = []\n") == "pass"
    assert check(_FAMILIES) == "fail"


def test_the_rubric_hard_ask_list_is_extended(tmp_path):
    path = tmp_path / "rubric.toml"
    path.write_text('[extend]\nhard_asks = ["sponsor my visa"]\n', encoding="utf-8")
    assert status("Hi Sam, could you sponsor my visa?", "no_hard_ask", rubric=load_rubric(path)) == "fail"


# --- not_template and tone: placeholders in every form ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Hi [Name], I'm a student at Ohio State.",
    "Hi {company} team, I'm a student at Ohio State.",
    "Hi <First Name>, I'm a student at Ohio State.",
    "Hi {{ NAME }}, I'm a student at Ohio State.",
    "Hi NAME, I'm a student at Ohio State.",
    "Hi XYZ, I'm a student at Ohio State.",
    "Hi Sam, I'd love to learn how you came to join (company name).",
    "Hi Sam, it was great (meeting/talking) with you.",
    "Hi Sam, I'm a student at (your school).",
    "Hi Sam, I saw your post on _____ and loved it.",
    "Hi Sam, we have ## connections in common.",
    "So-and-so said you are a member of such-and-such group.",
])
def test_placeholders_fail_not_template(text):
    assert status(text, "not_template") == "fail"


@pytest.mark.parametrize("text", [
    "Hi Sam, I'm Alex (they/them), a junior at Ohio State studying nursing.",
    "Hi Sam, I loved your post on triage (and the comments) as a nursing student.",
])
def test_parentheses_are_not_placeholders(text):
    assert status(text, "not_template") == "pass"


@pytest.mark.parametrize("text", [
    "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn",
    "Hi Sam, hope you're well. Let's get to know some people!",
])
def test_network_requests_in_other_wordings_are_templates(text):
    assert status(text, "not_template") == "fail"


def test_capitalised_placeholders_are_not_shouting():
    text = "Hi [CONTACT NAME]! I'm applying for a role at [TARGET COMPANY]. Could I ask one question?"
    assert status(text, "tone") == "pass"
    assert status(text, "not_template") == "fail"
    assert status("Hi Sam, I LOVE your post, it is AMAZING", "tone") == "fail"


# --- self_intro -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Fellow sales leader - would love to hear how you coach new reps.", "pass"),
    ("Hi Sam, I see we share a strong background in financial planning.", "pass"),
    ("Hi Sam, I work in pediatric nursing.", "pass"),
    ("Hi Sam, I work in this space and think about similar problems.", "fail"),
    ("Hi [Name], I work in [related field] and would love to connect.", "fail"),
])
def test_self_introductions(text, expected):
    assert status(text, "self_intro") == expected


@pytest.mark.parametrize("text", [
    "Hi, I met with my advisor yesterday and I'm a nursing student.",
    "Hi, I talked to recruiters at the career fair last week.",
    "Hi, I'd love to meet you at the career fair next month.",
])
def test_meetings_with_someone_else_or_planned_do_not_count(text):
    assert status(text, "specific_detail") == "fail"


def test_a_meeting_placed_through_their_own_item_is_not_how_you_know_them():
    # "your <item> talk last year" is their public record (checked as a claim), not a meeting with you
    from invitelab.engine.examples import DANA as dana
    assert status("Hi Dana, I caught your SXSW talk last year. I'm a student.", "specific_detail", recipient=dana) == "fail"


def test_a_remark_in_parentheses_is_not_a_placeholder():
    assert status("Hi Sam, I'm an analyst at Acme (your old team, I think!). How do you run reviews?", "not_template") == "pass"
