"""invitelab.book.anatomy and the chapter it generates (book/chapters/anatomy.md).

The chapter is built from the engine so that the book and the engine cannot disagree; these
tests check the generated HTML is safe (every note escaped), complete (every criterion, in
order, under its own heading) and true (each example, level example, scenario and exercise
gets the verdict the chapter's prose relies on).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from invitelab import CRITERIA, LEVEL_DESCRIPTIONS, LEVELS
from invitelab.book import anatomy as bookpages
from invitelab.engine import CORE
from invitelab.engine.examples import ALEX, DANA
from invitelab.kitdata import profiles
from invitelab.profiles import profile_from_dict

REPO = Path(__file__).resolve().parents[1]
CHAPTER = REPO / "book" / "chapters" / "anatomy.md"

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'single\''
# Markup that must never appear unescaped in generated HTML.
RAW_MARKUP = re.compile(r"<script|<img", re.I)


def rank(level: str) -> int:
    return LEVELS.index(level)


@pytest.fixture(scope="module")
def people():
    return profiles()


@pytest.fixture(scope="module")
def chapter() -> str:
    return CHAPTER.read_text(encoding="utf-8")


def _assert_escaped(html: str) -> None:
    assert not RAW_MARKUP.search(html), RAW_MARKUP.search(html)
    assert "&lt;script&gt;" in html


# --- escaping -------------------------------------------------------------------------------


def test_scored_note_escapes_hostile_text():
    _assert_escaped(bookpages.scored_note_html("Hi Dana, " + HOSTILE, DANA, ALEX))


def test_before_after_escapes_both_notes():
    html = bookpages.before_after_html(HOSTILE, "Hi Dana, " + HOSTILE + " Thanks, Alex", DANA, ALEX)
    _assert_escaped(html)
    assert html.count("&lt;script&gt;") >= 2


def test_criterion_reference_escapes_examples_title_and_why():
    hostile = dataclasses.replace(
        CRITERIA[0],
        title="Title " + HOSTILE,
        why="Why " + HOSTILE,
        passes=("Hi Dana, " + HOSTILE, "Hi Dana, second " + HOSTILE),
        fails=(HOSTILE, "Hi, " + HOSTILE),
    )
    html = bookpages.criterion_reference_html(hostile, DANA, ALEX)
    _assert_escaped(html)
    # title, why, two cards and the two extra examples in the fold-out table
    assert html.count("&lt;script&gt;") >= 6


def test_scenario_escapes_profile_text():
    def person(pid, **extra):
        return profile_from_dict({"id": pid, "name": "Eve " + HOSTILE, "headline": HOSTILE,
                                  "interests": [HOSTILE], **extra})

    hostile_people = {"grace-liu": person("grace-liu"), "noah-patel": person("noah-patel")}
    _assert_escaped(bookpages.scenario_html("alum", hostile_people))


def test_exercise_html_escapes_profile_text(people):
    hostile_people = dict(people)
    hostile_people["camila-ortiz"] = profile_from_dict(
        {"id": "camila-ortiz", "name": "Camila " + HOSTILE, "headline": HOSTILE})
    html = bookpages.exercise_html("ex3-model", hostile_people)
    assert not RAW_MARKUP.search(html)


# --- every criterion ------------------------------------------------------------------------


def test_every_criterion_has_a_reference_block():
    for c in CRITERIA:
        html = bookpages.criterion_reference_html(c)
        assert f"<strong>What it checks:</strong> {c.title}." in html
        assert f"<code>{c.id}</code>" in html
        assert "Weak example" in html and "Strong example" in html


def test_overview_lists_every_criterion_in_order():
    html = bookpages.criteria_overview_html()
    positions = [html.index(f'href="#criterion-{c.id}"') for c in CRITERIA]
    assert positions == sorted(positions)
    assert ">100<" in html  # the default weights add up to 100


@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda c: c.id)
def test_weak_example_fails_and_strong_example_passes(criterion):
    weak = bookpages.score_note(criterion.fails[0], DANA, ALEX).finding(criterion.id)
    strong = bookpages.score_note(criterion.passes[0], DANA, ALEX).finding(criterion.id)
    assert weak.status == "fail", weak
    assert strong.status == "pass", strong


def test_chapter_has_a_section_per_criterion_in_engine_order(chapter):
    """Each criterion: a label, its own heading, and a hidden cell that renders it by id.

    The heading is a short name for the table of contents; the generated block under it states
    the engine's title ("What it checks"), so the page cannot drift from the engine.
    """
    found = re.findall(
        r"^\(criterion-([a-z_]+)\)=\n### .+\n(?:\n[^`\n].*)*\n```\{code-cell\} ipython3\n"
        r":tags: \[remove-input\]\n"
        r'display\(HTML\(anatomy\.criterion_reference_html\("([a-z_]+)"\)\)\)',
        chapter, flags=re.M)
    assert found == [(c.id, c.id) for c in CRITERIA]
    # The prose counts the checks in words ("checks ten things").
    words = {9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
    assert f"checks {words.get(len(CRITERIA), len(CRITERIA))} things" in " ".join(chapter.split())


def test_chapter_headings_are_unique(chapter):
    body = re.sub(r"^(`{3,}).*?^\1\s*$", "", chapter, flags=re.M | re.S)  # drop fenced blocks
    headings = re.findall(r"^#{1,6} (.+)$", body, flags=re.M)
    assert len(headings) == len(set(headings)), headings
    labels = re.findall(r"^\(([^)]+)\)=$", chapter, flags=re.M)
    assert len(labels) == len(set(labels)), labels


# --- levels ---------------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_level_examples_reach_their_level(level):
    assert bookpages.score_note(bookpages.LEVEL_EXAMPLES[level], DANA, ALEX).level == level


def test_level_examples_score_in_level_order():
    """The chapter's point: the developing example passes most checks but asks for a referral;
    the score follows the level (spec section 3), so it scores below the personalized one."""
    results = [bookpages.score_note(bookpages.LEVEL_EXAMPLES[level], DANA, ALEX) for level in LEVELS]
    assert [r.score for r in results] == sorted(r.score for r in results)
    developing = results[LEVELS.index("developing")]
    assert developing.finding("no_hard_ask").status == "fail"
    assert sum(f.status == "pass" for f in developing.findings) >= 6


def test_levels_table_shows_every_level_description_and_the_core_checks():
    html = bookpages.levels_html()
    for level in LEVELS:
        assert f"il-level-{level}" in html
        assert LEVEL_DESCRIPTIONS[level][1:] in html
    rules = bookpages.level_rules()
    for cid in CORE:
        title = next(c.title for c in CRITERIA if c.id == cid)
        assert title in rules["personalized"]


# --- scenarios ------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", bookpages.SCENARIOS, ids=lambda s: s.key)
def test_scenario_after_outranks_before(scenario, people):
    before, after = bookpages.scenario_results(scenario, people)
    assert before.level == "generic", before.level
    assert after.level in ("personalized", "exemplary"), [
        (f.criterion, f.status, f.evidence) for f in after.findings if f.status != "pass"]
    assert rank(after.level) > rank(before.level)
    assert after.score > before.score


@pytest.mark.parametrize("scenario", bookpages.SCENARIOS, ids=lambda s: s.key)
def test_scenario_after_fits_a_free_account(scenario, people):
    assert len(scenario.after) <= 200
    _, after = bookpages.scenario_results(scenario, people)
    assert not after.warnings


def test_every_scenario_uses_kit_profiles_and_appears_in_the_chapter(people, chapter):
    for s in bookpages.SCENARIOS:
        assert s.recipient_id in people and s.sender_id in people
        assert people[s.recipient_id].kind == "recipient"
        assert people[s.sender_id].kind == "sender"
        assert f'(scenario-{s.key})=' in chapter
        assert f'anatomy.scenario_html("{s.key}", people)' in chapter


def test_career_fair_after_is_exemplary_as_the_spec_says(people):
    _, after = bookpages.scenario_results("career-fair", people)
    assert after.finding("common_ground").status == "pass"
    assert after.level == "exemplary"


# --- exercises ------------------------------------------------------------------------------


def _squash(text: str) -> str:
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    return " ".join(text.split())


@pytest.mark.parametrize("key", ["ex1-note", "ex2-note"])
def test_exercise_notes_are_quoted_word_for_word(key, chapter):
    text, _, _ = bookpages.exercise_note(key)
    assert _squash(text) in _squash(chapter)


def test_exercise_verdicts_match_the_solutions_prose(people):
    text, r, s = bookpages.exercise_note("ex1-note", people)
    ex1 = bookpages.score_note(text, r, s)
    assert ex1.level == "developing"
    assert {f.criterion for f in ex1.findings if f.status == "fail"} >= {
        "no_hard_ask", "tone", "self_intro", "polite_close"}
    assert ex1.finding("specific_detail").status == "pass"

    text, r, s = bookpages.exercise_note("ex1-rewrite", people)
    assert bookpages.score_note(text, r, s).level == "exemplary"
    assert len(text) <= 200

    text, r, s = bookpages.exercise_note("ex2-note", people)
    ex2 = bookpages.score_note(text, r, s)
    assert ex2.finding("specific_detail").status == "fail"
    assert "SXSW" in ex2.finding("specific_detail").evidence
    assert ex2.finding("common_ground").status == "fail"
    assert "Michigan" in ex2.finding("common_ground").evidence

    text, r, s = bookpages.exercise_note("ex3-model", people)
    assert bookpages.score_note(text, r, s).level == "exemplary"
    assert len(text) <= 200


def test_points_sentence_uses_the_rubric():
    assert bookpages.points("specific_detail", "purpose") == 38


def test_unknown_names_give_clear_errors():
    with pytest.raises(KeyError, match="unknown criterion"):
        bookpages.criterion_reference_html("nope")
    with pytest.raises(KeyError, match="unknown scenario"):
        bookpages.scenario_html("nope")
    with pytest.raises(KeyError, match="unknown exercise note"):
        bookpages.exercise_note("nope")
