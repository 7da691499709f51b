"""The notebooks' widgets, driven without a browser: set a control's value, read what it shows."""

from __future__ import annotations

import csv
import io
import re
import time
import urllib.parse
from datetime import datetime

import pytest

pytest.importorskip("ipywidgets")

from invitelab import kitdata  # noqa: E402
from invitelab.widgets import render  # noqa: E402
from invitelab.widgets.drafts import CSV_COLUMNS, drafts_to_csv  # noqa: E402
from invitelab.widgets.facts import check_fact, check_facts  # noqa: E402
from invitelab import score  # noqa: E402
from invitelab.widgets.gym import (  # noqa: E402
    EXERCISES,
    RewriteGym,
    hint_order,
    hints_for,
    model_fix,
    target_criterion,
)
from invitelab.widgets.people import DESCRIBE  # noqa: E402
from invitelab.widgets.profile_first import ProfileFirst  # noqa: E402
from invitelab.widgets.studio import InvitationStudio  # noqa: E402

GOOD = (
    "Hi Dana, I'm a psychology junior at Ohio State. I read your post on what you look for at "
    "career fairs. Could I ask how you got into campus recruiting? Thank you, Alex"
)
SCRIPT = '<script>alert("hi")</script><img src=x onerror=alert(1)> & "quotes"'


def all_html(widget_owner) -> str:
    """Every HTML string a widget object shows."""
    import ipywidgets as w

    out = []
    for value in vars(widget_owner).values():
        if isinstance(value, w.HTML):
            out.append(value.value)
    return "\n".join(out)


def visible_text(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def studio(tmp_path):
    return InvitationStudio("dana-whitfield", "alex-rivera", export_dir=tmp_path)


# -- invitation studio -------------------------------------------------------------------------


def test_studio_starts_with_profile_card_and_empty_note_feedback(studio):
    assert "Dana Whitfield" in studio.card.value
    assert "Meridian Health" in studio.card.value
    assert "Alex Rivera" in studio.sender_card.value
    assert "0 / 300 characters" in studio.counter.value
    assert "Your note is empty" in studio.feedback.value
    assert studio.result.level == "generic"


def test_typing_updates_counter_level_feedback_and_chart(studio):
    studio.text.value = GOOD
    assert f"{len(GOOD)} / 300 characters" in studio.counter.value
    assert studio.result.level in ("personalized", "exemplary")
    fb = studio.feedback.value
    assert "Level:" in fb and studio.result.level.title() in fb
    assert "<mark" in fb  # evidence highlighted in the student's own words
    assert studio.result.next_steps in visible_text(fb).replace("&#x27;", "'") or "Next:" in fb
    assert 'alt="Points per criterion.' in studio.chart.value
    for f in studio.result.findings:
        assert render.escape(f.title) in fb


def test_each_finding_span_is_marked_in_the_text(studio):
    studio.text.value = GOOD
    for f in studio.result.findings:
        if f.span:
            start, end = render._snap(GOOD, *f.span)  # widened to whole words for display
            # the snippet marks it up to the end of its first sentence
            end = min(end, render._sentence_bounds(GOOD, start, start + 1)[1])
            assert f"{render.escape(GOOD[start:end])}</mark>" in studio.feedback.value


def test_failing_checks_show_suggestions(studio):
    studio.text.value = "I'd like to add you to my professional network on LinkedIn."
    assert studio.result.level == "generic"
    failing = [f for f in studio.result.findings if f.status == "fail" and f.suggestion]
    assert failing
    for f in failing:
        assert render.escape(f.suggestion) in studio.feedback.value


def test_switching_recipient_changes_card_and_feedback(studio):
    studio.text.value = GOOD
    before = studio.result
    other = next(pid for pid in studio.recipients if pid != "dana-whitfield")
    studio.recipient.value = other
    name = studio.recipients[other].name
    assert render.escape(name) in studio.card.value
    assert "Dana Whitfield" not in studio.card.value
    assert studio.result.finding("greeting").status == "fail"  # "Hi Dana" is the wrong name now
    assert before.finding("greeting").status == "pass"


def test_switching_sender_and_describe_yourself(studio):
    other = next(pid for pid in studio.senders if pid != "alex-rivera")
    studio.sender.value = other
    assert render.escape(studio.senders[other].name) in studio.sender_card.value
    assert studio.describe.layout.display == "none"
    studio.sender.value = DESCRIBE
    assert studio.describe.layout.display != "none"
    assert studio.sender_profile is None
    studio.describe.value = "A biology sophomore at Ohio State <i>"
    assert "A biology sophomore at Ohio State &lt;i&gt;" in studio.sender_card.value
    studio.text.value = GOOD
    assert studio.result.finding("common_ground").status == "n/a"
    assert "not applicable" in studio.sender_card.value
    studio.save_draft()
    row = next(csv.DictReader(io.StringIO(studio.drafts_csv())))
    assert row["sender_id"] == "" and row["sender_description"].startswith("A biology sophomore")


def test_free_account_toggle_switches_limit(studio):
    note = GOOD + " " + "I also enjoyed your thoughts on first-generation students." * 1
    assert 200 < len(note) <= 300
    studio.text.value = note
    assert "/ 300 characters" in studio.counter.value
    assert studio.result.finding("length").status == "pass"
    studio.free_account.value = True
    assert "/ 200 characters" in studio.counter.value
    assert "over the limit" in studio.counter.value
    assert studio.result.finding("length").status == "fail"
    studio.free_account.value = False
    assert studio.result.finding("length").status == "pass"


def test_empty_and_whitespace_text(studio):
    for text in ("", "   \n\t "):
        studio.text.value = text
        assert "Your note is empty" in studio.feedback.value
        assert studio.result.level == "generic"
    assert studio.save_draft() is None
    assert "Nothing to save" in studio.save_status.value


def test_one_megabyte_note_is_fast_fails_length_and_display_is_bounded(studio):
    big = ("Hi Dana, I read your post. " * 40000)[:1_000_000]
    start = time.perf_counter()
    studio.text.value = big
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"1 MB note took {elapsed:.2f} s"
    assert "1,000,000 / 300" in studio.counter.value
    assert "over the limit" in studio.counter.value
    assert studio.result.finding("length").status == "fail"
    assert len(studio.feedback.value) < 200_000  # the note is shown truncated, not 1 MB of HTML
    assert "more characters not shown" in studio.feedback.value
    studio.text.value = "Hi Dana"  # and the UI keeps working
    assert "7 / 300" in studio.counter.value


def test_html_and_script_are_shown_as_text(studio):
    studio.text.value = SCRIPT
    studio.save_draft()
    shown = all_html(studio)
    assert "<script>" not in shown and "<img src=x" not in shown
    assert "&lt;script&gt;" in visible_text(studio.feedback.value)
    assert "&lt;script&gt;" in visible_text(studio.history.value)


def test_draft_history_chart_and_csv_round_trip(studio, tmp_path):
    drafts = ["Hi Dana, I'd like to connect.", "Hi Dana, I read your post on career fairs.", GOOD]
    for text in drafts:
        studio.text.value = text
        studio.save_button.click()
    assert [d.number for d in studio.drafts] == [1, 2, 3]
    assert "Saved draft 3: level" in studio.save_status.value
    assert "<table" in studio.history.value and studio.history.value.count("<tr>") == 4
    header = visible_text(studio.history.value)
    assert header.index("Level") < header.index("Score")  # level first, score second
    assert 'alt="Level and score over your drafts.' in studio.history_chart.value
    assert "Shaded bands show each level" in studio.history_chart.value
    assert studio.drafts[-1].score >= studio.drafts[0].score

    # the file asks for the student's name once, and refuses to save without it
    studio.write_button.click()
    assert "name or student id" in studio.write_status.value
    assert not list(tmp_path.iterdir())
    studio.student.value = "Nia Okafor"

    rows = list(csv.DictReader(io.StringIO(studio.drafts_csv())))
    assert [r["text"] for r in rows] == drafts
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    for column in ("id", "student", "recipient_id", "sender_id", "text", "timestamp", "draft"):
        assert column in CSV_COLUMNS
    assert len({r["id"] for r in rows}) == 3  # unique ids
    assert {r["student"] for r in rows} == {"Nia Okafor"}  # asked once, on every row
    assert [r["draft"] for r in rows] == ["1", "2", "3"]
    assert all(datetime.fromisoformat(r["timestamp"]).tzinfo for r in rows)
    assert rows[2]["level"] == studio.drafts[2].level
    assert rows[2]["recipient_id"] == "dana-whitfield" and rows[2]["sender_id"] == "alex-rivera"
    assert {r["greeting"] for r in rows} <= {"pass", "fail", "n/a"}

    # the download link carries the same CSV (after a byte-order mark for spreadsheets)
    href = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', studio.download.value).group(1)
    assert urllib.parse.unquote(href) == "\ufeff" + studio.drafts_csv()
    assert 'download="invitelab-drafts-nia-okafor-' in studio.download.value

    studio.write_button.click()
    (written_path,) = tmp_path.glob("invitelab-drafts-nia-okafor-*.csv")
    written = written_path.read_text(encoding="utf-8-sig")
    assert list(csv.DictReader(io.StringIO(written))) == rows
    assert "Saved 3 drafts to" in studio.write_status.value
    studio.write_button.click()  # a second save never overwrites the first
    assert len(list(tmp_path.glob("invitelab-drafts-nia-okafor-*.csv"))) == 2


def test_drafts_go_where_the_student_finds_them_not_into_notebooks(tmp_path, monkeypatch):
    from invitelab.widgets import drafts as drafts_module

    monkeypatch.delenv("INVITELAB_DRAFTS_DIR", raising=False)
    monkeypatch.delenv("COLAB_RELEASE_TAG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert drafts_module.default_export_dir() == tmp_path
    (tmp_path / "Downloads").mkdir()
    assert drafts_module.default_export_dir() == tmp_path / "Downloads"
    monkeypatch.chdir(kitdata.repo_root() / "notebooks")  # where Jupyter runs the notebook
    studio = InvitationStudio("dana-whitfield", "alex-rivera")
    studio.student.value = "Émile Zoë, 2nd year"
    studio.text.value = GOOD
    studio.save_draft()
    studio.write_button.click()
    (path,) = (tmp_path / "Downloads").glob("*.csv")
    assert path.name.startswith("invitelab-drafts-emile-zoe-2nd-year-")
    assert "notebooks" not in path.parts


def test_csv_round_trips_awkward_text(studio):
    awkward = 'Line one, with "quotes"\nline two; =SUM(A1) \u00e9\u00e8 \U0001f600'
    studio.text.value = awkward
    studio.save_draft()
    rows = list(csv.DictReader(io.StringIO(drafts_to_csv(studio.drafts))))
    assert rows[0]["text"] == awkward


def test_write_without_drafts_says_so(studio):
    studio.write_button.click()
    assert "Save a draft first" in studio.write_status.value


# -- rewrite gym -------------------------------------------------------------------------------


def test_gym_loads_exercise_with_before_score():
    gym = RewriteGym(1)
    assert gym.text.value == EXERCISES[0].generic_text
    assert gym.before_result.level == "generic"
    assert "The invitation to rewrite" in gym.before.value
    assert "Before" in gym.comparison.value and "After" in gym.comparison.value
    gym.exercise.value = 3
    assert gym.text.value == EXERCISES[2].generic_text


@pytest.mark.parametrize("number", [e.number for e in EXERCISES])
def test_gym_label_is_the_engines_level_and_never_claims_another(number):
    gym = RewriteGym(number, sender_id="alex-rivera")
    shown = visible_text(gym.before.value + gym.ui.children[0].value)
    level = gym.before_result.level
    assert f"Level: {render.LEVEL_WORDS[level]}" in shown
    for other in set(render.LEVEL_WORDS) - {level}:
        assert other not in shown.lower(), f"exercise {number} says {other!r} but is {level}"
    # the "what the checker finds" list is the engine's evidence for its failing checks
    for criterion in hint_order(gym.before_result)[:3]:
        f = gym.before_result.finding(criterion)
        assert render.escape(f.evidence) in gym.before.value


def test_hint_order_follows_the_level_rules():
    people = kitdata.profiles()
    karen, alex = people["karen-oyelaran"], people["alex-rivera"]
    hard = score("HEY!! can u refer me to a job at ur company?? pls", recipient=karen, sender=alex)
    assert hard.level == "developing"
    assert hint_order(hard)[:2] == ["no_hard_ask", "tone"]  # the broken hard rules first
    stock = score("I'd like to add you to my professional network on LinkedIn.",
                  recipient=people["dana-whitfield"], sender=alex)
    assert hint_order(stock)[0] == "not_template"
    assert set(hint_order(stock)[1:3]) == {"specific_detail", "purpose"}


@pytest.mark.parametrize("number", [e.number for e in EXERCISES])
def test_every_rung_comes_from_the_engine_and_the_model_fixes_the_check(number):
    gym = RewriteGym(number, sender_id="alex-rivera")
    r, s = gym.recipient_profile, gym.sender_profile
    for criterion in hint_order(gym.result):
        f = gym.result.finding(criterion)
        ladder = hints_for(gym.result, criterion, r, s)
        assert f.evidence in ladder[0]  # rung 1: what the engine found
        assert f.suggestion and ladder[1] == f.suggestion  # rung 2: the engine's suggestion
        fix = model_fix(criterion, gym.result, gym.text.value, r, s)
        if fix is None:
            assert len(ladder) == 2
            continue
        sentence, draft = fix
        assert ladder[2] == f"For example: \u201c{sentence}\u201d"
        assert score(draft, recipient=r, sender=s).finding(criterion).status == "pass"


def test_gym_hint_ladder_climbs_then_restarts_for_next_check():
    gym = RewriteGym(5, recipient_id="karen-oyelaran", sender_id="alex-rivera")
    target = target_criterion(gym.result)
    assert target == "no_hard_ask"
    ladder = gym.ladder()
    assert len(ladder) == 3 and len(set(ladder)) == 3
    assert gym.hint_button.description == "Show hint 1 of 3"
    assert gym.next_hint() == list(ladder[:1])
    assert gym.next_hint() == list(ladder[:2])
    assert gym.hint_button.description == "Show hint 3 of 3"
    assert gym.next_hint() == list(ladder)
    assert gym.hint_button.disabled
    for i, hint in enumerate(ladder, 1):
        assert f"Hint {i}:" in gym.hints.value and render.escape(hint) in gym.hints.value
    # fix the targeted check with the model sentence: the ladder starts again for the next one
    gym.text.value = model_fix(target, gym.result, gym.text.value, gym.recipient_profile,
                               gym.sender_profile)[1]
    new_target = target_criterion(gym.result)
    assert new_target not in (None, target)
    assert not gym.hint_button.disabled
    assert gym.next_hint() == [gym.ladder()[0]]


def test_hint_two_names_a_profile_fact_and_three_is_a_sentence():
    gym = RewriteGym(1, recipient_id="dana-whitfield", sender_id="alex-rivera")
    nudge, fact, model = hints_for(gym.result, "specific_detail", gym.recipient_profile,
                                   gym.sender_profile)
    assert "career fairs" in fact
    assert "career fairs" in model and model.endswith(".\u201d")
    assert "Dana" in hints_for(gym.result, "greeting", gym.recipient_profile,
                               gym.sender_profile)[1]


def test_gym_comparison_and_reset():
    gym = RewriteGym(2, recipient_id="dana-whitfield", sender_id="alex-rivera")
    gym.text.value = GOOD
    assert gym.result.score > gym.before_result.score
    assert "fixed" in gym.comparison.value
    assert "Level: Generic \u2192" in gym.comparison.value  # level first, then the score
    shown = visible_text(gym.comparison.value)
    assert shown.index("Level:") < shown.index("score")
    gym.reset.click()
    assert gym.text.value == EXERCISES[1].generic_text
    assert gym.hints.value == ""


def test_gym_html_input_escaped():
    gym = RewriteGym(1)
    gym.text.value = SCRIPT
    shown = all_html(gym)
    assert "<script>" not in shown and "&lt;script&gt;" in visible_text(shown)


def test_gym_no_hints_when_everything_passes():
    gym = RewriteGym(1, recipient_id="dana-whitfield", sender_id="alex-rivera")
    gym.text.value = GOOD
    if target_criterion(gym.result) is None:
        assert gym.hint_button.disabled
        assert gym.next_hint() == []
        assert "Nothing left to fix" in gym.hints.value


# -- profile first -----------------------------------------------------------------------------


def test_quick_connect_sends_no_note():
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    assert "People you may know" in pf.card.value and "Connect" in pf.card.value
    pf.device.value = "Phone app"
    assert "phone app" in pf.card.value.lower()
    pf.quick_connect.click()
    assert pf.stage == "sent_without_note"
    assert "(no message)" in pf.received.value
    assert pf.quick_connect.disabled and pf.open_profile.disabled
    pf.reset.click()
    assert pf.stage == "start" and pf.received.value == ""


def test_profile_first_path_sends_the_note_escaped():
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    pf.open_profile.click()
    assert "Meridian Health" in pf.profile.value and pf.connect.layout.display != "none"
    pf.connect.click()
    assert "Add a note" in pf.profile.value and pf.add_note.layout.display != "none"
    pf.add_note.click()
    assert pf.note.layout.display != "none"
    assert "0 / 300 characters" in pf.note_counter.value
    pf.note.value = "Hi Dana"
    assert "7 / 300 characters" in pf.note_counter.value
    pf.note.value = ""
    pf.send.click()  # empty note: not sent
    assert "empty" in pf.received.value and pf.stage == "writing"
    pf.note.value = GOOD + SCRIPT
    pf.send.click()
    assert pf.stage == "sent_with_note"
    assert "&lt;script&gt;" in pf.received.value and "<script>" not in pf.received.value
    assert "(no message)" not in pf.received.value
    assert "The rubric rates it" in pf.received.value


def test_three_facts_checker():
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    pf.fact_boxes[0].value = "She works at Meridian Health"
    pf.fact_boxes[1].value = "studied psychology at Ohio State"
    pf.fact_boxes[2].value = "She plays the cello"
    pf.check_button.click()
    assert [c.status for c in pf.checks] == ["confirmed", "confirmed", "not_found"]
    assert "2 of 3 facts confirmed" in pf.facts_result.value
    assert "Not found in this profile" in pf.facts_result.value
    pf.fact_boxes[2].value = "posted about what she looks for at career fairs"
    pf.check_button.click()
    assert "All three found" in pf.facts_result.value


def test_facts_checker_flags_repeats_empty_names_and_escapes():
    dana = kitdata.profiles()["dana-whitfield"]
    checks = check_facts(["Meridian Health", "her employer is Meridian Health", ""], dana)
    assert [c.status for c in checks] == ["confirmed", "repeat", "empty"]
    assert check_fact("Dana Whitfield", dana).status == "name_only"
    assert check_fact("OSU", dana).status == "confirmed"
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    pf.fact_boxes[0].value = SCRIPT
    pf.check_button.click()
    assert "<script>" not in pf.facts_result.value and "&lt;script&gt;" in pf.facts_result.value


def test_switching_person_starts_over():
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    pf.quick_connect.click()
    other = next(pid for pid in pf.recipients if pid != "dana-whitfield")
    pf.recipient.value = other
    assert pf.stage == "start"
    assert render.escape(pf.recipients[other].name) in pf.card.value


# -- sender theories ---------------------------------------------------------------------------


def test_sender_theories_filters_and_simulated_labels():
    pytest.importorskip("pandas")
    from invitelab.widgets.theories import SenderTheories

    st = SenderTheories()
    total = len(st.df)
    assert f"{total:,}</strong> simulated invitations" in st.summary.value
    for chart in (st.by_circumstance, st.by_theory, st.acceptance):
        assert 'alt="SIMULATED: ' in chart.value  # the alt text starts with the chart's title
    st.circumstance.value = "sales professional"
    n_sales = int((st.df["circumstance"] == "sales professional").sum())
    assert f"{n_sales:,}</strong> simulated invitations" in st.summary.value
    assert "sales professionals" in st.by_theory.value
    st.theory.value = st.theory.options[1]
    assert len(st.filtered()) < n_sales
    assert "SIMULATED" in st.ui.children[0].value


def test_every_simulated_chart_title_says_simulated_at_full_contrast(monkeypatch):
    pytest.importorskip("pandas")
    from invitelab.widgets import charts, theories

    titles = []
    real = charts.bar_chart_html

    def spy(labels, values, *, title, **kwargs):
        titles.append(title)
        return real(labels, values, title=title, **kwargs)

    monkeypatch.setattr(charts, "bar_chart_html", spy)
    theories.overview_html()
    theories.SenderTheories().circumstance.value = "networker"
    assert len(titles) >= 6
    assert all(t.startswith("SIMULATED: ") for t in titles), titles
    # and the title is drawn in black, not in a pale colour
    from matplotlib.figure import Figure

    drawn = []
    monkeypatch.setattr(charts, "figure_html",
                        lambda fig, alt, caption=None, **k: drawn.append(fig) or "")
    real(["a"], [0.5], title="SIMULATED: x", xlabel="x", alt_intro="x")
    (fig,) = drawn
    assert isinstance(fig, Figure)
    title = fig.axes[0].title if fig.axes[0].title.get_text() else fig.axes[0]._left_title
    assert title.get_text().startswith("SIMULATED") and title.get_color() == "#000000"


def test_assumptions_are_plain_sentences_and_say_the_rates_are_invented():
    pytest.importorskip("pandas")
    from invitelab import simulation
    from invitelab.widgets.theories import assumption_sentence, assumptions_table_html

    html = assumptions_table_html()
    shown = visible_text(html)
    assert "8 a working day" in shown
    assert "invented so that you can practise pandas" in shown and "not evidence" in shown
    for a in simulation.ASSUMPTIONS.values():
        sentence = assumption_sentence(a.name, a.value)
        for part in re.split(r"(?<=\.) (?=[A-Z])", sentence):
            assert render.escape(part) in html
        assert a.name not in shown  # no parameter names ...
        assert "{" not in sentence and "_" not in sentence  # ... and no dict dumps
        assert sentence.endswith(".")
    assert "No study measured these rates" in shown


# -- static examples for the book --------------------------------------------------------------


def test_static_examples_render():
    from invitelab import widgets

    studio_html = widgets.studio_example("dana-whitfield", "alex-rivera").data
    assert "Worked example" in studio_html and "<mark" in studio_html and "alt=" in studio_html
    pf_html = widgets.profile_first_example("dana-whitfield", "alex-rivera").data
    assert "(no message)" in pf_html and "Path B" in pf_html and "Confirmed" in pf_html
    gym_html = widgets.rewrite_gym_example(1).data
    assert "Hint 3:" in gym_html and "Level: Generic \u2192" in gym_html
    assert "SIMULATED" in widgets.simulation_assumptions().data


def test_render_counter_and_overlapping_highlights():
    class F:
        def __init__(self, criterion, status, span):
            self.criterion, self.title, self.status, self.span = criterion, criterion, status, span

    text = "Hi Dana <b>"
    html = render.highlight_html(text, [F("greeting", "pass", (0, 7)), F("tone", "fail", (3, 11)),
                                        F("bad", "pass", (5, 99))])  # fmt: skip
    assert html.count("<mark") == 3  # "Hi ", "Dana" (both), " <b>"
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "[name]" in html and "[tone]" in html
    assert "il-over" in render.counter_html(301, 300)
    assert "free account" in render.counter_html(250, 300)


# -- the notebooks as files: what a student sees first -------------------------------------------

NOTEBOOKS = sorted((kitdata.repo_root() / "notebooks").glob("*.ipynb"))
OURS = NOTEBOOKS  # every notebook, the class dashboard too


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_notebook_starts_with_what_to_do_and_hides_a_short_setup_cell(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    body = first.source.split("\n", 1)[1].strip()  # after the title
    assert body.startswith("**What to do:**") or body.startswith("> **Everything"), path.name
    assert "**What to do:**" in first.source[:900]
    setup = [c for c in nb.cells if c.cell_type == "code" and "google.colab" in c.source]
    assert len(setup) == 1, "one setup cell"
    cell = setup[0]
    assert nb.cells.index(cell) == 1
    assert cell.metadata.get("jupyter", {}).get("source_hidden") is True  # collapsed in Jupyter
    assert "hide-input" in cell.metadata.get("tags", [])  # collapsed in the book
    lines = cell.source.splitlines()
    assert len(lines) <= 15, "keep the setup cell short"
    for c in nb.cells:  # never cut off: no code line wider than a narrow notebook
        if c.cell_type == "code":
            for line in c.source.splitlines():
                assert len(line) <= 100, f"{path.name}: {line!r} is {len(line)} characters"
    for line in lines:
        assert len(line) <= 79, f"{path.name} setup: {line!r}"


# -- misleading messages -----------------------------------------------------------------------


def _labelled_notes(n=200):
    with open(kitdata.data_dir() / "invitations.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:n]


def test_evidence_snippets_are_whole_words_within_one_sentence():
    import html as html_module

    people = kitdata.profiles()
    checked = 0
    for row in _labelled_notes():
        text = row["text"]
        result = score(text, recipient=people.get(row.get("recipient_id") or ""),
                       sender=people.get(row.get("sender_id") or ""))
        for f in result.findings:
            snip = render.snippet_html(text, f)
            if not snip:
                continue
            checked += 1
            shown = html_module.unescape(re.sub(r"<[^>]+>", "", snip))
            pieces = [p for p in shown.split("\u2026") if p]
            for piece in pieces:
                at = text.find(piece)
                assert at >= 0, (piece, text)
                end = at + len(piece)
                assert at == 0 or not (text[at - 1].isalnum() and text[at].isalnum()), (piece, text)
                assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum()), (
                    piece, text)
                inner = piece.rstrip(".!?")
                assert not re.search(r"[.!?]\s+\S", inner), f"crosses a sentence: {piece!r}"
    assert checked > 200


def test_next_steps_never_repeat_a_sentence_or_an_example():
    people = kitdata.profiles()
    for row in _labelled_notes():
        result = score(row["text"], recipient=people.get(row.get("recipient_id") or ""),
                       sender=people.get(row.get("sender_id") or ""))
        shown = visible_text(render.next_steps_html(result))
        shown = render.without_repeats(result.next_steps)
        sentences = [s.lower() for s in re.split(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c])", shown)]
        assert len(sentences) == len(set(sentences)), shown
        examples = [set(re.findall(r"\u201c([^\u201d]+)\u201d", s))
                    for s in sentences if s.startswith("for example")]
        seen = set()
        for ex in examples:
            assert not ex or not ex <= seen, f"an example is repeated in: {shown}"
            seen |= ex
    stock = score("I'd like to add you to my professional network on LinkedIn.",
                  recipient=people["dana-whitfield"], sender=people["alex-rivera"])
    assert stock.next_steps.count("what I look for at career fairs") == 1  # the engine gives each example once
    assert render.without_repeats(stock.next_steps).count("what I look for at career fairs") == 1


def test_a_hard_ask_never_outscores_a_personalized_note_on_the_drafts_chart(studio):
    from invitelab.widgets import charts

    notes = [
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi Dana, could you refer me for an internship at Meridian Health? I read your post on "
        "career fairs.",
        "Hi Dana, I read your post on what you look for at career fairs. Could I ask how you got "
        "into campus recruiting?",
    ]
    for text in notes:
        studio.text.value = text
        studio.save_draft()
    levels = [d.level for d in studio.drafts]
    assert levels == ["generic", "developing", "personalized"]
    bands = charts.score_bands()
    from invitelab import default_rubric

    assert bands["developing"] == tuple(default_rubric().band("developing"))  # the engine's bands
    for d in studio.drafts:
        low, high = bands[d.level]
        assert low <= d.score <= high, f"{d.level} note scored {d.score}, outside {low}-{high}"
    assert studio.drafts[1].score < studio.drafts[2].score


@pytest.mark.parametrize("title", ["Points per criterion",
                                   "Points per criterion (worked example)"])
def test_points_chart_draws_every_label_and_its_title_inside_the_picture(title):
    """Issue 12 (tried in the book): the worked example's title was cut off at its right end."""
    from invitelab.widgets.charts import points_chart_html, points_figure

    result = score(GOOD, recipient=kitdata.profiles()["dana-whitfield"])
    points_chart_html(result, title=title)  # the HTML the pages show is built from this figure
    rows = tuple((f.title, float(f.points), float(f.weight), str(f.status), f.title[:18])
                 for f in result.findings)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = points_figure(rows, title)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.bbox
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]  # drawn ones
    texts = [t for t in [fig._suptitle, ax.title, ax.xaxis.label, *ax.get_yticklabels(), *ticks]
             if t is not None and t.get_visible() and t.get_text().strip()]
    assert any(t.get_text() == title for t in texts)
    outside = [t.get_text() for t in texts if not (
        (e := t.get_window_extent(renderer)).x0 >= box.x0 - 0.5 and e.x1 <= box.x1 + 0.5
        and e.y0 >= box.y0 - 0.5 and e.y1 <= box.y1 + 0.5)]
    assert not outside, f"text drawn outside the picture (cut off): {outside}"



def test_the_class_dashboard_reads_the_drafts_file(studio, tmp_path):
    from invitelab.workshop import dashboard

    for text in ("Hi Dana, could I ask how you moved into campus recruiting?", GOOD):
        studio.text.value = text
        studio.save_button.click()
    studio.student.value = "Nia Okafor"
    studio.write_button.click()
    (path,) = tmp_path.glob("invitelab-drafts-nia-okafor-*.csv")
    mapping = dashboard.detect_mapping(dashboard.read_export(path))
    assert mapping["student"] == "student" and mapping["text"] == "note", mapping
    assert mapping["draft"] == "ignore" and mapping["recipient_id"] == "recipient", mapping
    report = dashboard.build(path)
    assert [n.text for n in report.notes] == [studio.drafts[0].text, GOOD]
    assert [n.round for n in report.notes] == ["before", "after"]  # the first draft, then the latest
    assert report.notes[1].recipient == "dana-whitfield" and report.notes[1].draft == 2
    assert report.drafts and "first draft counts as 'before'" in report.text_summary()


def test_the_score_command_reads_the_drafts_file(studio, tmp_path, capsys):
    """Issue 12 (Drafts export): an instructor scores a student's drafts file with the kit's own
    command (`invitelab score FILE`), and gets the levels the studio showed, row for row."""
    from invitelab import cli

    drafts = ["I'd like to add you to my professional network on LinkedIn.",
              "Hi Dana, could you refer me for an internship at Meridian Health?", GOOD]
    for text in drafts:
        studio.text.value = text
        studio.save_button.click()
    studio.student.value = "Nia Okafor"
    studio.write_button.click()
    (path,) = tmp_path.glob("invitelab-drafts-nia-okafor-*.csv")
    out = tmp_path / "scored.csv"
    assert cli.main(["score", str(path), "-o", str(out)]) in (0, None)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [d.id for d in studio.drafts]
    assert [r["level"] for r in rows] == [d.level for d in studio.drafts]
    assert [r["error"] for r in rows] == ["", "", ""]


@pytest.mark.parametrize("entry", ["her post on career fairs", "recruiter at Meridian", "psych major",
                                   "first-gen students"])
def test_profile_first_confirms_the_issue_examples_for_the_notebooks_own_dana(entry):
    """Issue 12: "Check my facts" in the notebook (the kit's Dana, not a test double) accepts true
    facts said in other words, as the rubric does."""
    pf = ProfileFirst("dana-whitfield", "alex-rivera")
    pf.fact_boxes[0].value = entry
    pf.check_button.click()
    assert pf.checks[0].status == "confirmed", (entry, pf.facts_result.value)
    assert "Confirmed" in pf.facts_result.value
    note = f"Hi Dana, I'm a psychology junior. I noticed your {entry}. Could I ask how you started?"
    assert score(note, recipient=kitdata.profiles()["dana-whitfield"]).finding(
        "specific_detail").status == "pass"
