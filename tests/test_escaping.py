"""Every HTML the package builds escapes student text, profile fields and file or student names
(issue 8, item 4): script tags, quotes that would break out of an attribute, event handlers and
`javascript:` links, fed through the widgets (studio, profile-first simulator, rewrite gym, their
static examples, the shared renderers, the drafts' download link, figures), the book's generated
pages, the grader's feedback pages (student text, profiles, file and student names; the gradebook
is CSV, where a name cannot start a formula), the class dashboard's HTML (summary, sections, column
table; notes, student names, column titles, rounds, the file's name, the title), the slides, the
handouts' HTML and the browser checker's markup (book/_ext/checker.py; the live page, fed hostile
profiles, is tests/test_checker_browser.py). The check parses each HTML and fails on any script
element, any on* attribute and any javascript: URL, and checks the hostile text is still shown
(escaped, not dropped)."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from invitelab import CRITERIA, profile_from_dict, score
from invitelab.book import anatomy as bookpages
from invitelab.engine.examples import ALEX, DANA

pytest.importorskip("ipywidgets")

from invitelab.widgets import render  # noqa: E402
from invitelab.widgets.drafts import Draft, download_link_html  # noqa: E402

SCRIPT = "<script>alert('x')</script>"
QUOTES = "\" onmouseover=\"alert(1)\" x=' onfocus='alert(2)"
LINK = '<a href="javascript:alert(3)">click</a> javascript:alert(4)'
HOSTILE = f"{SCRIPT} {QUOTES} {LINK}"
NOTE = ("Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how you moved "
        f"into campus recruiting? Thanks, Alex {HOSTILE}")


def hostile_profile(pid: str, kind: str):
    return profile_from_dict({
        "id": pid, "name": f"Dana {QUOTES} Whitfield", "headline": f"Recruiter {HOSTILE}", "location": LINK,
        "experience": [{"title": SCRIPT, "company": f"Meridian {QUOTES}"}],
        "education": [{"school": f"Ohio State {LINK}", "degree": QUOTES, "field": SCRIPT}],
        "skills": [HOSTILE], "interests": [QUOTES], "groups": [LINK], "activity": [f"Posted: {HOSTILE}"],
        "kind": kind})


RECIPIENT = hostile_profile("evil-recipient", "recipient")
SENDER = hostile_profile("evil-sender", "sender")


class Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event attribute {name}={value!r} on <{tag}>")
            if value and "javascript:" in value.replace(" ", "").lower() and name in ("href", "src", "action",
                                                                                      "formaction", "xlink:href"):
                self.problems.append(f"javascript: URL in {name} on <{tag}>")
            if name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"unexpected attribute {name!r} on <{tag}> (text broke out of an attribute?)")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


ALLOWED_ATTRIBUTES = {"class", "style", "role", "aria-label", "aria-hidden", "aria-live", "aria-describedby",
                      "aria-labelledby", "title", "id", "href", "src", "alt", "download", "scope", "colspan",
                      "rowspan", "open", "lang", "dir", "width", "height", "tabindex", "data-level", "data-status",
                      "datetime", "for", "type", "name", "value", "target", "rel", "aria-valuenow", "aria-valuemin",
                      "aria-valuemax", "aria-current", "headers", "start", "charset", "content", "hidden",
                      "aria-atomic", "rows", "spellcheck", "autocomplete", "maxlength", "placeholder", "selected",
                      "data-config", "data-state", "data-background-color", "data-transition"}


def assert_safe(html: str, *must_show: str) -> None:
    audit = Audit()
    audit.feed(html)
    audit.close()
    assert not audit.problems, audit.problems[:5]
    shown = "".join(audit.text)
    for text in must_show:
        assert text in shown, f"{text[:40]!r} is not shown as text"


# -- widgets -----------------------------------------------------------------------------------


def test_studio_escapes_note_and_both_profiles(tmp_path):
    from invitelab.widgets import InvitationStudio

    studio = InvitationStudio("evil-recipient", "evil-sender", recipients={"evil-recipient": RECIPIENT},
                              senders={"evil-sender": SENDER}, export_dir=tmp_path)
    studio.text.value = NOTE
    studio.update()
    studio.save_draft()
    for part in (studio.card, studio.sender_card, studio.feedback, studio.history, studio.download,
                 studio.counter, studio.save_status):
        assert_safe(part.value)
    assert_safe(studio.feedback.value, SCRIPT)
    assert_safe(studio.card.value, "Recruiter " + SCRIPT)


def test_studio_static_example_escapes():
    from invitelab.widgets.studio import example_html

    html = example_html("evil-recipient", "evil-sender", NOTE, recipients={"evil-recipient": RECIPIENT},
                        senders={"evil-sender": SENDER})
    assert_safe(html, SCRIPT)


def test_profile_first_escapes_profile_note_and_facts():
    from invitelab.widgets import ProfileFirst

    pf = ProfileFirst("evil-recipient", "evil-sender", recipients={"evil-recipient": RECIPIENT},
                      senders={"evil-sender": SENDER})
    assert_safe(pf.card.value)
    pf.open_profile.click()
    assert_safe(pf.profile.value, "Recruiter " + SCRIPT)
    pf.connect.click()
    pf.add_note.click()
    pf.note.value = NOTE
    pf.send.click()
    assert_safe(pf.received.value, SCRIPT)
    for box, entry in zip(pf.fact_boxes, (HOSTILE, QUOTES, LINK)):
        box.value = entry
    pf.check_facts.click() if hasattr(pf, "check_facts") else pf._on_check()
    assert_safe(pf.facts_result.value)
    pf.start_over()
    pf.device.value = pf.device.options[-1] if pf.device.options else pf.device.value
    assert_safe(pf.card.value)


def test_profile_first_static_example_escapes_the_note():
    from invitelab.widgets.profile_first import example_html

    assert_safe(example_html("dana-whitfield", "alex-rivera", NOTE), SCRIPT)


def test_rewrite_gym_escapes():
    from invitelab.widgets import RewriteGym
    from invitelab.widgets.gym import example_html

    gym = RewriteGym(1, "evil-recipient", "evil-sender", recipients={"evil-recipient": RECIPIENT},
                     senders={"evil-sender": SENDER})
    gym.text.value = NOTE
    gym.update()
    gym.next_hint()
    for part in (gym.card, gym.before, gym.feedback, gym.comparison, gym.hints, gym.counter):
        assert_safe(part.value)
    assert_safe(gym.feedback.value, SCRIPT)
    assert_safe(example_html(1, NOTE), SCRIPT)


def test_shared_renderers_escape():
    result = score(NOTE, recipient=RECIPIENT, sender=SENDER)
    assert_safe(render.profile_card_html(RECIPIENT, heading=HOSTILE), SCRIPT)
    assert_safe(render.feedback_html(NOTE, result), SCRIPT)
    assert_safe(render.highlight_html(NOTE, result.findings), "javascript:alert(4)")
    assert_safe(render.received_invitation_html(SENDER, NOTE), SCRIPT)
    assert_safe(render.table_html((HOSTILE, QUOTES), [(HOSTILE, LINK)], caption=HOSTILE), SCRIPT)


def test_download_link_and_figures_escape():
    from invitelab.widgets import charts

    result = score(NOTE, recipient=DANA, sender=ALEX)
    draft = Draft.from_result(1, NOTE, result, recipient_id=QUOTES, sender_id=SCRIPT, limit=300)
    assert_safe(download_link_html([draft], filename=f"{QUOTES}.csv"))
    assert_safe(charts.points_chart_html(result))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(1, 1))
    assert_safe(charts.figure_html(fig, alt=HOSTILE, caption=HOSTILE), SCRIPT)


# -- the book's generated pages ----------------------------------------------------------------


def test_book_pages_escape_notes_and_profiles():
    assert_safe(bookpages.scored_note_html(NOTE, RECIPIENT, SENDER), SCRIPT)
    assert_safe(bookpages.before_after_html(HOSTILE, NOTE, RECIPIENT, SENDER), SCRIPT)
    results = [score(t, recipient=RECIPIENT, sender=SENDER) for t in (HOSTILE, NOTE)]
    assert_safe(bookpages.marks_table_html(results, (HOSTILE, QUOTES), caption=HOSTILE), SCRIPT)
    for criterion in CRITERIA:
        assert_safe(bookpages.criterion_reference_html(criterion, RECIPIENT, SENDER))
    scenario = bookpages.SCENARIOS[0]
    people = {scenario.recipient_id: RECIPIENT, scenario.sender_id: SENDER}
    assert_safe(bookpages.scenario_html(scenario.key, people), "Recruiter " + SCRIPT)
    key = next(iter(bookpages.EXERCISE_NOTES))
    rid, sid, _ = bookpages.EXERCISE_NOTES[key]
    assert_safe(bookpages.exercise_html(key, {rid: RECIPIENT, sid: SENDER}, rewrite="ex1-rewrite"))


# -- the grader's feedback pages and gradebook ---------------------------------------------------


def _hostile_people():
    from invitelab import kitdata

    return {pid: hostile_profile(pid, getattr(p, "kind", "recipient") or "recipient")
            for pid, p in kitdata.profiles().items()}


def test_grader_feedback_escapes_answers_profiles_and_names(tmp_path):
    import csv
    import io
    import json

    from grading_samples import notebook, set_answer

    from invitelab.grading.grader import canvas_text, grade, gradebook_text, write_outputs

    nb = set_answer(notebook("write-three", "source"), "q1", "q1 = " + repr(NOTE))
    nb = set_answer(nb, "q2", "q2 = " + repr(HOSTILE))
    folder = tmp_path / "submissions"
    name = f"=HYPERLINK(1){SCRIPT}{QUOTES}"[:200].replace("/", "_")  # a student folder, as Moodle keeps them
    (folder / name).mkdir(parents=True)
    (folder / name / f"{LINK.replace('/', '_')}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (folder / f"{SCRIPT.replace('/', '_')}.ipynb").write_text("not a notebook <script>", encoding="utf-8")
    summary = grade("write-three", folder, profiles=_hostile_people())
    write_outputs(summary, tmp_path / "gradebook.csv", tmp_path / "feedback", None)
    pages = sorted((tmp_path / "feedback").glob("*.html"))
    assert len(pages) == 2
    for page in pages:
        assert_safe(page.read_text(encoding="utf-8"))
    graded = next(r for r in summary.rows if r.status == "graded")
    from invitelab.grading.feedback import feedback_html

    assert_safe(feedback_html(graded, summary.exercise), SCRIPT, name[:20])
    rows = list(csv.reader(io.StringIO(gradebook_text(summary))))
    canvas = list(csv.reader(io.StringIO(canvas_text(summary)[0])))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows[1:] + canvas[2:] for cell in row[:2])


# -- the class dashboard --------------------------------------------------------------------------


def test_dashboard_html_escapes_notes_names_columns_and_titles(tmp_path, monkeypatch):
    import csv

    from invitelab.workshop import dashboard

    drawn, real = {}, dashboard.Report.chart_png  # each chart drawn once per report (they show counts)

    def chart_png(self, kind="levels"):
        if (id(self), kind) not in drawn:
            drawn[id(self), kind] = real(self, kind)
        return drawn[id(self), kind]

    monkeypatch.setattr(dashboard.Report, "chart_png", chart_png)

    student = f"{SCRIPT} {QUOTES}"
    src = tmp_path / f"{SCRIPT.replace('/', '_')}{QUOTES}.csv"
    with open(src, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([f"Student {SCRIPT}", f"Round {QUOTES}", f"Your invitation note {LINK}", "Consent to show"])
        writer.writerow([student, "before", f"connect {HOSTILE}", "yes"])
        writer.writerow([student, "after", NOTE, "yes"])
        writer.writerow(["Ana", f"later {SCRIPT}", NOTE, "no"])
        writer.writerow(["Ana", HOSTILE, NOTE, "no"])
    for names in (False, True):
        report = dashboard.build(src, title=f"Workshop {HOSTILE}", show_names=names)
        assert report.most_improved(), "the hostile student's pair must be shown as an example"
        html = report.summary_html()
        assert_safe(html, "Workshop " + SCRIPT)
        if names:
            assert_safe(report.examples_html(), SCRIPT)
        for section in ("problems", "levels", "missed", "examples", "paragraph"):
            assert_safe(report.section_html(section))
        assert_safe(dashboard.mapping_html(report.export), "Student " + SCRIPT)
    written = report.save(tmp_path / "report", pdf=False)
    assert_safe((tmp_path / "report" / "summary.html").read_text(encoding="utf-8"), SCRIPT)
    assert len(written) == 4


# -- slides and handouts --------------------------------------------------------------------------


def _hostile_deck(monkeypatch):
    from invitelab import kitdata
    from invitelab.workshop import slides

    people = _hostile_people()
    monkeypatch.setattr(kitdata, "profiles", lambda *a, **k: people)
    data = slides.load_source()
    data = dict(data, title=f"Deck {HOSTILE}")
    data["examples"] = [dict(e, before=f"{e['before']} {HOSTILE}", after=f"{e['after']} {HOSTILE}",
                             lesson=f"*{SCRIPT}* `{QUOTES}` {LINK}") for e in data["examples"]]
    data["slides"] = [dict(s, title=f"{s['title']} {SCRIPT}", lead=HOSTILE, notes=f"{LINK}\n{QUOTES}",
                           points=[*s.get("points", []), HOSTILE]) for s in data["slides"]]
    monkeypatch.setattr(slides, "load_source", lambda *a, **k: data)
    return slides, data


def test_slides_escape_notes_profiles_and_their_own_text(monkeypatch):
    slides, data = _hostile_deck(monkeypatch)
    html = slides.deck_html(data, slides.scored_examples(data))
    head, _, body = html.partition("<body")
    assert_safe(body.split('<script src="reveal/')[0], SCRIPT, "Recruiter " + SCRIPT)  # the deck's own scripts follow
    assert SCRIPT not in head


def test_handouts_escape_profiles_and_examples(monkeypatch):
    from invitelab.workshop import handouts

    _hostile_deck(monkeypatch)
    assert_safe(handouts.worksheet(), "Recruiter " + SCRIPT)
    assert_safe(handouts.examples_sheet(), SCRIPT)
    assert_safe(handouts.rubric_card())


# -- the browser checker's markup (book/_ext/checker.py) -----------------------------------------


def test_checker_markup_escapes_profiles_and_exercises():
    import json
    import sys
    from pathlib import Path

    pytest.importorskip("sphinx")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book" / "_ext"))
    try:
        import checker
    finally:
        sys.path.pop(0)
    people = [{"id": f"{QUOTES}", "name": f"Dana {SCRIPT}", "headline": LINK, "kind": "recipient"},
              {"id": "alex", "name": HOSTILE, "kind": "sender"}]
    exercises = [{"number": SCRIPT, "text": f"{HOSTILE} {NOTE}", "why": QUOTES, "recipient": QUOTES}]
    for mode in checker.MODES:
        html = checker.checker_html("ilc-1", mode, QUOTES, "alex", people, "#", f"the notebook {SCRIPT}",
                                    exercises, [QUOTES])
        assert_safe(html, "Dana " + SCRIPT)
        config = html.split('data-config="', 1)[1].split('"', 1)[0]
        import html as html_module

        assert json.loads(html_module.unescape(config))["fallbackText"] == f"the notebook {SCRIPT}"
