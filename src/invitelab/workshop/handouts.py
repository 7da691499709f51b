"""Printable workshop handouts: `invitelab handouts -o DIR [--paper letter|a4|both]`.

Each handout is generated from the kit's own data, so it cannot drift from the engine:
- the rubric card from ``invitelab.CRITERIA``, the default rubric's weights and limit (or a course's,
  ``--rubric FILE``), and the levels;
- the invitation worksheet from three recipients in ``data/profiles.json`` (via ``kitdata``);
- the before/after examples from ``slides.toml``'s pairs, scored by the engine at build time;
- the self-assessment and the feedback form from ``forms.toml`` (the single source of questions).
PDFs are rendered with WeasyPrint. Every handout has an intended page count; the build fails
loudly if a handout lays out to more pages or any box sticks out of its page.
"""
from __future__ import annotations

import html
import tomllib
from pathlib import Path

from .. import CRITERIA, LEVEL_DESCRIPTIONS, LEVELS, default_rubric, kitdata
from .slides import SlidesError, inline, scored_examples

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms.toml"
PAPERS = {"letter": "letter", "a4": "A4"}
WORKSHEET_RECIPIENTS = ("dana-whitfield", "marcus-chen", "rosa-delgado")
CREDIT = ("InviteLab workshop kit · everyone named is fictional · ideas from an article by Andres "
          "Traslavina (Whole Foods Market) · CC BY 4.0")

# How each level is decided (the rubric's level rules, RUBRIC.md section 3), by criterion id.
LEVEL_RULES = {
    "generic": "not_template fails, or both specific_detail and purpose fail",
    "developing": "anything in between: something core is missing or a hard rule is broken",
    "personalized": "greeting, specific_detail, purpose, no_hard_ask, length and tone all pass",
    "exemplary": "personalized, and self_intro and polite_close pass, and common_ground passes (or has no sender profile)",
}


class HandoutsError(Exception):
    """A problem building the handouts, as one line for the user."""


CSS = """
@page { size: %(size)s; margin: 13mm 14mm 14mm 14mm;
  @bottom-center { content: "%(credit)s"; font-size: 7.5pt; color: #444; } }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
body { margin: 0; }
h1 { font-size: 18pt; color: #0b3d91; margin: 0 0 2mm 0; }
h2 { font-size: 12pt; color: #0b3d91; margin: 4mm 0 1.5mm 0; }
p { margin: 0 0 2mm 0; line-height: 1.35; }
.sub { color: #333; margin-bottom: 3mm; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 0.6pt solid #555; padding: 1.4mm 2mm; vertical-align: top; text-align: left; }
th { background: #e8eef8; }
td.num { text-align: right; white-space: nowrap; }
.card th, .card td { font-size: 8.6pt; padding: 1mm 1.6mm; line-height: 1.25; }
.box { border: 0.8pt solid #333; border-radius: 2mm; padding: 2.5mm 3mm; margin-bottom: 3mm; }
.lines div { border-bottom: 0.6pt solid #777; height: 10mm; }
.grid { border-collapse: collapse; width: auto; margin-top: 1mm; }
.grid td { width: 5.8mm; height: 9.5mm; padding: 0; border: 0.4pt solid #999; }
.grid td.limit200 { border-right: 2.2pt solid #8a1c1c; }
.grid td.limit300 { border-right: 2.2pt solid #0b3d91; }
.grid td.rowno { border: 0; font-size: 6.5pt; color: #555; width: 7mm; text-align: right; padding-right: 1mm; }
.key { font-size: 8.5pt; }
.key .r { color: #8a1c1c; font-weight: bold; } .key .b { color: #0b3d91; font-weight: bold; }
ol.check li, ul.check li { margin-bottom: 2.2mm; line-height: 1.35; }
ul.check { list-style: none; padding-left: 0; }
ul.check li::before { content: "☐  "; font-size: 12pt; }
.pair { display: flex; gap: 4mm; margin-bottom: 1mm; }
.pair .box { flex: 1; margin-bottom: 0; }
.tag { font-weight: bold; text-transform: uppercase; font-size: 8.5pt; margin-bottom: 1mm; }
.verdict { font-weight: bold; margin: 1mm 0 0 0; }
.lv-generic, .lv-developing { color: #8a1c1c; } .lv-personalized, .lv-exemplary { color: #0a5c2b; }
.scale { white-space: nowrap; text-align: center; }
.q { width: 58%%; }
.write { height: 38mm; }
.small { font-size: 8.5pt; color: #333; }
.profile dt { font-weight: bold; float: left; width: 24mm; clear: left; }
.profile dd { margin: 0 0 0.8mm 25mm; }
.page { page-break-after: always; } .page:last-child { page-break-after: auto; }
"""


def _page(title: str, body: str, paper: str) -> str:
    css = CSS % {"size": PAPERS[paper], "credit": CREDIT}
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")


def rubric_card(rubric=None, source: str | None = None) -> str:
    """The rubric card; ``rubric`` (a course's rubric, read from ``source``) replaces the default's
    weights and limit, so the card students hold matches what the checker and the grader use."""
    rubric = rubric or default_rubric()
    weights = dict(rubric.weights)
    rows = "".join(
        f"<tr><td><b>{html.escape(c.title)}</b><br><span class='small'>{html.escape(c.id)}</span></td>"
        f"<td>{html.escape(c.why)}</td><td class='num'>{weights.get(c.id, 0):g}</td>"
        f"<td class='scale'>☐ yes ☐ no</td></tr>" for c in CRITERIA)
    levels = "".join(f"<tr><td><b>{lv.capitalize()}</b></td><td>{html.escape(LEVEL_DESCRIPTIONS[lv])}</td>"
                     f"<td class='small'>{html.escape(LEVEL_RULES[lv])}</td></tr>" for lv in LEVELS)
    whose = (f"this course's weights (from {html.escape(Path(source).name)})" if source
             else "the default weights")
    limit = f"Limit {rubric.limit:g} characters"
    if rubric.warn_above < rubric.limit:
        limit += f"; free accounts are reported to allow only {rubric.warn_above:g}"
    return (f"<h1>Rubric card: a good invitation note</h1>"
            f"<p class='sub'>The ten things the InviteLab engine checks, with {whose}. {limit}.</p>"
            f"<table class='card'><tr><th>Criterion</th><th>Why it matters</th><th>Weight</th><th>Passes?</th></tr>{rows}</table>"
            f"<h2>Levels (decided by rules, in order; the score orders notes inside a level)</h2>"
            f"<table class='card'><tr><th>Level</th><th>Means</th><th>Rule</th></tr>{levels}</table>")


def _profile_card(p) -> str:
    def row(label, values):
        values = [v for v in values if v]
        return f"<dt>{label}</dt><dd>{html.escape('; '.join(values))}</dd>" if values else ""
    return ("<div class='box profile'>"
            f"<p><b style='font-size:13pt'>{html.escape(p.name)}</b> (fictional)<br>{html.escape(p.headline)}"
            f"{' · ' + html.escape(p.location) if p.location else ''}</p><dl>"
            + row("Experience", [f"{e.title}, {e.company}" for e in p.experience])
            + row("Education", [f"{e.degree} {e.field}, {e.school}".strip() for e in p.education])
            + row("Skills", p.skills) + row("Interests", p.interests) + row("Groups", p.groups)
            + row("Activity", p.activity) + "</dl></div>")


def _grid() -> str:
    rows = []
    for r in range(10):
        cells = []
        for c in range(30):
            n = r * 30 + c + 1
            cls = " class='limit200'" if n == 200 else (" class='limit300'" if n == 300 else "")
            cells.append(f"<td{cls}></td>")
        rows.append(f"<tr><td class='rowno'>{r * 30 + 1}</td>{''.join(cells)}</tr>")
    return f"<table class='grid'>{''.join(rows)}</table>"


def worksheet() -> str:
    people = kitdata.profiles()
    pages = []
    for pid in WORKSHEET_RECIPIENTS:
        if pid not in people:
            raise HandoutsError(f"worksheet recipient {pid!r} is not in {kitdata.profiles_path()}")
        p = people[pid]
        pages.append(
            f"<div class='page'><h1>Invitation worksheet: {html.escape(p.first_name)}</h1>"
            f"<p class='sub'>Read the profile first. Then write a note {html.escape(p.first_name)} would want to accept.</p>"
            f"{_profile_card(p)}"
            "<h2>1. Two things you share, or want to ask about</h2><div class='lines'><div></div><div></div></div>"
            "<h2>2. Your note: one character a box (spaces count)</h2>"
            f"{_grid()}"
            "<p class='key'>Stop at the <span class='r'>red line (200 characters, reported limit on free "
            "accounts)</span>; the <span class='b'>blue line is 300 (Premium)</span>.</p>"
            "<h2>3. Score it with the rubric card, then rewrite one thing</h2><div class='lines'><div></div></div></div>")
    return "".join(pages)


def checklist() -> str:
    steps = [
        "<b>Click the person's name</b>, not the Connect button in a list, a search result or “People you may know”.",
        "<b>Read the profile</b>: headline, experience, education, a recent post or article, groups, interests.",
        "<b>Find one thing you share</b> (school, field, group, interest) or <b>one thing you want to ask about</b>.",
        "<b>Connect from the profile</b>. Desktop: Connect, then <i>Add a note</i>. Phone app: the profile's "
        "“...” menu, then <i>Personalize invite</i>.",
        "<b>Write the note</b>: their name, who you are, the specific thing, why you are writing, thanks.",
        "<b>Check the length</b>: about 200 characters on a free account, 300 on Premium (as reported in 2025-2026).",
        "<b>No hard ask</b>: no job, referral, interview or resume review in a first note; a question or a brief chat is fine.",
        "<b>Read it aloud once</b>, fix the spelling of their name, then send.",
    ]
    never = ["One-tap Connect on suggestions right after you accept an invitation",
             "The phone app's quick Connect button in search results",
             "Importing your address book"]
    items = "".join(f"<li>{s}</li>" for s in steps)
    nev = "".join(f"<li>{html.escape(s)}</li>" for s in never)
    return ("<h1>The profile-first checklist</h1>"
            "<p class='sub'>About a minute per invitation. More connections is not the same as solid ones.</p>"
            f"<ul class='check' style='font-size:11.5pt'>{items}</ul>"
            f"<h2>These send an invitation with no note (as of 2026)</h2><ul>{nev}</ul>"
            "<h2>Free accounts</h2><p>About five personalized notes a month are reported on free accounts; "
            "after that only invitations without a note go out. Spend them on the people who matter most.</p>")


def examples_sheet() -> str:
    try:
        examples = scored_examples()
    except SlidesError as error:
        raise HandoutsError(str(error)) from None
    parts = ["<h1>Before and after</h1><p class='sub'>Scored by the InviteLab engine when this sheet was "
             "built. All people are fictional.</p>"]
    for ex in examples.values():
        boxes = ""
        for label, text, res in (("Before", ex.before, ex.before_result), ("After", ex.after, ex.after_result)):
            missed = [f.title for f in res.findings if f.status == "fail"]
            miss = f"<p class='small'>Missing: {html.escape('; '.join(missed))}</p>" if missed else ""
            boxes += (f"<div class='box'><p class='tag'>{label}</p><p>{html.escape(text)}</p>"
                      f"<p class='verdict lv-{res.level}'>{res.level.capitalize()} · {res.score:.0f}/100 · "
                      f"{len(text)} characters</p>{miss}</div>")
        parts.append(f"<h2>To {html.escape(ex.recipient.name)}, {html.escape(ex.recipient.headline)} "
                     f"(from {html.escape(ex.sender.name)})</h2><div class='pair'>{boxes}</div>"
                     f"<p><b>{inline(ex.lesson)}</b></p>")
    return "".join(parts)


def load_forms(path: Path = FORMS) -> dict:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise HandoutsError(f"cannot read the forms file {path}: {error}") from None


def _question(q: dict, low: str, high: str, columns: int) -> str:
    kind = q.get("kind")
    if kind == "scale":
        answer = (f"<span class='small'>{html.escape(low)}</span> ① ② ③ ④ ⑤ "
                  f"<span class='small'>{html.escape(high)}</span>")
    elif kind == "yes_no":
        answer = "☐ Yes &nbsp; ☐ No"
    elif kind == "choice":
        answer = " &nbsp; ".join(f"☐ {html.escape(str(o))}" for o in q.get("options", []))
    elif kind == "text":
        answer = "<div class='write'></div>"
    else:
        raise HandoutsError(f"forms.toml: question {q.get('id')!r} has unknown kind {kind!r}")
    cells = "".join(f"<td class='scale'>{answer}</td>" for _ in range(columns))
    return f"<tr><td class='q'>{html.escape(q['text'])}</td>{cells}</tr>"


def form_page(section: str, columns: tuple[str, ...]) -> str:
    form = load_forms().get(section)
    if not form or not form.get("questions"):
        raise HandoutsError(f"forms.toml has no [{section}] questions")
    low, high = form.get("scale_low", "1"), form.get("scale_high", "5")
    head = "".join(f"<th class='scale'>{html.escape(c)}</th>" for c in columns)
    rows = "".join(_question(q, low, high, max(1, len(columns))) for q in form["questions"])
    header = f"<tr><th>Question</th>{head}</tr>" if columns else ""
    return (f"<h1>{html.escape(form['title'])}</h1><p class='sub'>{html.escape(form.get('instructions', ''))}</p>"
            f"<p>Name or code (optional): ______________________ &nbsp; Date: ____________</p>"
            f"<table>{header}{rows}</table>")


# name -> (title, body builder, intended page count)
HANDOUTS = {
    "rubric-card": ("Rubric card", rubric_card, 1),
    "worksheet": ("Invitation worksheet", worksheet, len(WORKSHEET_RECIPIENTS)),
    "profile-first-checklist": ("Profile-first checklist", checklist, 1),
    "before-after-examples": ("Before and after examples", examples_sheet, 1),
    "self-assessment": ("Self-assessment", lambda: form_page("self_assessment", ("Before", "After")), 1),
    "feedback-form": ("Workshop feedback", lambda: form_page("feedback", ()), 1),
}


def render(name: str, paper: str, rubric=None, rubric_source: str | None = None):
    """The WeasyPrint document of one handout (for writing, page counts and layout checks)."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise HandoutsError("handouts need WeasyPrint (pip install -r requirements.txt)") from None
    title, builder, _ = HANDOUTS[name]
    body = builder(rubric, rubric_source) if rubric is not None and name == "rubric-card" else builder()
    return HTML(string=_page(title, body, paper), base_url=str(HERE)).render()


def overflowing_boxes(document) -> list[str]:
    """Boxes that stick out of their page (beyond the paper's edge), described for an error."""
    bad = []
    for number, page in enumerate(document.pages, 1):
        box = page._page_box  # WeasyPrint's laid-out page; public pages carry only size and links
        stack = [box]
        while stack:
            b = stack.pop()
            stack.extend(getattr(b, "children", []) or [])
            if not hasattr(b, "margin_width") or b is box:
                continue
            right = b.position_x + b.margin_width()
            bottom = b.position_y + b.margin_height()
            if right > page.width + 0.5 or bottom > page.height + 0.5 or b.position_x < -0.5:
                bad.append(f"page {number}: {type(b).__name__} <{getattr(b, 'element_tag', '?')}> ends at "
                           f"({right:.0f}, {bottom:.0f}) px, page is {page.width:.0f}x{page.height:.0f}")
    return bad


def build_handouts(out_dir, papers=("letter", "a4"), rubric=None, rubric_source: str | None = None) -> list[Path]:
    """Write every handout as DIR/<paper>/<name>.pdf; check page counts and overflow. Returns the paths.
    ``rubric`` (a course's, read from ``rubric_source``) sets the rubric card's weights and limit."""
    out = Path(out_dir)
    written = []
    for paper in papers:
        if paper not in PAPERS:
            raise HandoutsError(f"unknown paper {paper!r}; use letter or a4")
        folder = out / paper
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HandoutsError(f"cannot write into {folder}: {error.strerror or error}") from None
        for name, (_, _, pages) in HANDOUTS.items():
            document = render(name, paper, rubric, rubric_source)
            if len(document.pages) != pages:
                raise HandoutsError(f"{name} ({paper}) lays out to {len(document.pages)} pages, not {pages}: "
                                    "shorten its text")
            problems = overflowing_boxes(document)
            if problems:
                raise HandoutsError(f"{name} ({paper}) overflows its page: {problems[0]}")
            path = folder / f"{name}.pdf"
            try:
                document.write_pdf(path)
            except OSError as error:
                raise HandoutsError(f"cannot write {path}: {error.strerror or error}") from None
            written.append(path)
    return written
