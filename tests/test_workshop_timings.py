"""Workshop timings add up: one source (activities.toml) for the run sheets, the activity cards
and every chapter's instructor note (issue 12, "Workshop timings add up")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from invitelab.workshop import activities

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
NOTE_BLOCK = re.compile(r"```\{admonition\} Instructor note\n(.*?)\n```", re.S)
# A typed duration: "5 minutes", "about 20 min", "10-15 minutes", "8 for the worked example".
TYPED_MINUTES = re.compile(r"\b\d+\s*(?:[-\u2013]\s*\d+\s*)?(?:minutes?|mins?)\b|\b\d+\s+for\s+(?:the|exercise)", re.I)


def instructor_notes(path: Path) -> list[str]:
    return NOTE_BLOCK.findall(path.read_text(encoding="utf-8"))


def test_each_plan_adds_up_to_its_length():
    lengths = activities.plans()
    assert lengths == (60, 90)
    for length in lengths:
        assert sum(a.minutes[length] for a in activities.load()) == length
    activities.check()


def test_check_fails_on_a_plan_that_does_not_add_up(tmp_path):
    text = activities.DEFAULT_PATH.read_text(encoding="utf-8").replace("minutes = { 60 = 5, 90 = 7 }",
                                                                       "minutes = { 60 = 4, 90 = 7 }", 1)
    bad = tmp_path / "activities.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(activities.ActivitiesError, match="60-minute plan adds up to 59"):
        activities.check(bad)


@pytest.mark.parametrize("broken, message", [
    ("plans = [60, 90]", "plans = []"),
    ('id = "welcome"', 'id = "wel come"'),
    ("minutes = { 60 = 5, 90 = 7 }", "minutes = { 60 = 5 }"),
])
def test_malformed_files_get_a_clear_error(tmp_path, broken, message):
    text = activities.DEFAULT_PATH.read_text(encoding="utf-8").replace(broken, message, 1)
    bad = tmp_path / "activities.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(activities.ActivitiesError):
        activities.load(bad)


def test_every_activity_fills_in_every_card_field():
    for a in activities.load():
        for field in activities.CARD_FIELDS + ("in_person", "online", "materials", "name"):
            assert getattr(a, field), (a.id, field)


def test_run_sheets_use_the_same_minutes_and_are_contiguous():
    for length in activities.plans():
        rows = activities.plan(length)
        assert rows[0][0] == 0 and rows[-1][1] == length
        for (s1, e1, a1), (s2, _, _) in zip(rows, rows[1:]):
            assert e1 == s2 and e1 - s1 == a1.minutes[length]
        for mode in activities.MODES:
            html = activities.run_sheet_html(length, mode)
            shown = [int(m) for m in re.findall(r"\((\d+) min\)", html)]
            assert shown == [a.minutes[length] for _, _, a in rows]


def test_chapter_notes_type_no_minutes_and_use_the_generated_timing():
    subs = activities.substitutions()
    files = sorted((BOOK / "chapters").glob("*.md")) + [BOOK / "intro.md"]
    used = set()
    for path in files:
        for block in instructor_notes(path):
            typed = TYPED_MINUTES.findall(block)
            assert not typed, f"{path.name}: instructor note types minutes {typed}; use {{{{ timing_... }}}}"
            for key in re.findall(r"\{\{\s*(\w+)\s*\}\}", block):
                assert key in subs, f"{path.name}: unknown substitution {key}"
                used.add(key)
    chapters = {a.chapter for a in activities.load() if a.chapter}
    for chapter in chapters:
        key = "timing_" + chapter.replace("-", "_")
        assert key in used, f"chapters/{chapter}.md's instructor note does not show {{{{ {key} }}}}"
    assert "timing_plans" in used


def test_chapter_timing_sentences_carry_the_data_minutes():
    for a in activities.load():
        if not a.chapter:
            continue
        text = activities.chapter_timing(a.chapter)
        for length in activities.plans():
            assert f"*{a.name}*" in text
            assert f"{a.minutes[length]} minutes in the {length}-minute plan" in text


def test_the_activities_page_has_a_card_for_every_activity():
    page = (BOOK / "instructors" / "activities.md").read_text(encoding="utf-8")
    for a in activities.load():
        assert f"(activity-{a.id.replace('_', '-')})=" in page
        assert f'activity_card_html("{a.id}")' in page


def test_built_chapters_show_the_data_minutes_when_the_book_is_built():
    built = BOOK / "_build" / "html" / "chapters" / "other-side.html"
    if not built.exists():
        pytest.skip("book not built")
    a = activities.get("spot_generic")
    html = built.read_text(encoding="utf-8")
    assert f"{a.minutes[60]} minutes in the 60-minute plan" in html


def test_materials_list_names_each_handout_once():
    # The checklist once listed "Invitation worksheet" and "Invitation worksheet (fictional profile
    # cards)" as two things to print.
    from invitelab.workshop import activities

    items = activities.materials()
    for item in items:
        others = [o for o in items if o != item and o.lower().startswith(item.lower() + " (")]
        assert not others, f"{item!r} and {others} name the same material twice"
