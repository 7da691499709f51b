"""HTML for the book's generated chapter, "Anatomy of a personalized invitation".

The chapter (``book/chapters/anatomy.md``) is built from the engine itself, so the book and the
engine cannot disagree: every criterion's title, why it matters and its examples come from
:data:`invitelab.CRITERIA`, and every verdict on the page is computed by :func:`invitelab.score`
when the book is built. The page's hidden code cells only call the functions below and display
the HTML they return.

Every function returns an HTML string. Everything that comes from a note, a profile or the
engine's feedback is passed through :func:`html.escape`; markup is only ever added around
escaped text. The look (notes, level badges, pass/fail colours) is shared with the notebooks
through :mod:`invitelab.widgets.render`.

All people here are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..engine import CORE, CRITERIA, CRITERIA_BY_ID, LEVEL_DESCRIPTIONS, Criterion
from ..engine.examples import ALEX, DANA
from ..findings import LEVELS, Result
from ..rubric import default_rubric
from ..widgets import render

__all__ = [
    "LEVEL_EXAMPLES",
    "SCENARIOS",
    "Scenario",
    "before_after_html",
    "criteria_overview_html",
    "criterion_reference_html",
    "EXERCISE_NOTES",
    "exercise_html",
    "exercise_note",
    "level_rules",
    "levels_html",
    "marks_table_html",
    "points",
    "scenario_html",
    "scenario_results",
    "score_note",
    "scored_note_html",
]

# Styles for the chapter's own blocks, added to the notebooks' shared style sheet.
# Colours keep WCAG AA contrast on white; a word or an icon always says pass or fail, so the
# colour is never the only cue.
STYLE = render.STYLE + """<style>
.il-ref{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;line-height:1.45;
 max-width:820px}
.il-ref p{margin:4px 0 8px}
.il-pair{display:flex;gap:14px;flex-wrap:wrap;margin:8px 0}
.il-ex{flex:1 1 300px;border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;background:#fff;
 border-top-width:5px}
.il-ex.il-weak{border-top-color:#cf222e}.il-ex.il-strong{border-top-color:#2da44e}
.il-ex-head{font-weight:700;margin-bottom:4px}
.il-ex .il-verdict{margin:6px 0 0}
.il-verdict .il-st{font-weight:700}
.il-verdict.il-pass .il-st{color:#1a7f37}.il-verdict.il-fail .il-st{color:#b42318}
.il-verdict.il-na .il-st{color:#57606a}
.il-more{margin:6px 0 4px}.il-more summary{cursor:pointer;font-weight:600;color:#0d5bc6}
.il-marks td.il-pass{color:#1a7f37;font-weight:600}
.il-marks td.il-fail{color:#b42318;font-weight:600}
.il-marks td.il-na{color:#57606a}
.il-marks th[scope=row]{font-weight:400}
.il-marks td.il-fixed{background:#e6f4ea}.il-marks td.il-fixed.il-pass{color:#116329}
.il-chars{font-size:.85em;color:#4b5563;margin:2px 0 0}
.il-who{margin:2px 0 8px;color:#374151}
.il-cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:6px}
.il-cards > div{flex:1 1 300px}
.il-levelcard{border:1px solid #d0d7de;border-radius:8px;padding:8px 12px;margin:0 0 10px;
 background:#fff}
.il-levelcard p{margin:6px 0 4px}
</style>"""

#: short words shown for a status, with an icon so that colour is not the only cue
MARKS = {"pass": "\u2713 Pass", "fail": "\u2717 Not yet", "n/a": "\u2013 Not applicable"}
_STATUS_CLASS = {"pass": "il-pass", "fail": "il-fail", "n/a": "il-na"}


def score_note(text: str, recipient=DANA, sender=ALEX, *, limit: int | None = None) -> Result:
    """The engine's verdict on ``text``, with the rubric's default limit unless one is given."""
    from .. import score  # the package's public entry point

    if limit is None:
        return score(text, recipient=recipient, sender=sender)
    return score(text, recipient=recipient, sender=sender, limit=limit)


def _criterion(criterion: Criterion | str) -> Criterion:
    if isinstance(criterion, Criterion):
        return criterion
    try:
        return CRITERIA_BY_ID[criterion]
    except KeyError:
        known = ", ".join(CRITERIA_BY_ID)
        raise KeyError(f"unknown criterion {criterion!r} (known: {known})") from None


def _note_html(text: str, findings=()) -> str:
    """The note, escaped, in the notebooks' note box, with its length underneath."""
    n = len(text)
    return (
        render.highlight_html(text, tuple(findings))
        + f'<p class="il-chars">{n:,} character{"" if n == 1 else "s"}</p>'
    )


def _verdict_html(finding, *, show_suggestion: bool = True) -> str:
    status = str(finding.status)
    cls = _STATUS_CLASS.get(status, "il-na")
    parts = [
        f'<p class="il-verdict {cls}">'
        f'<span class="il-st">{escape(MARKS.get(status, status))}</span>'
        f" &middot; {escape(str(finding.evidence or ''))}</p>"
    ]
    if show_suggestion and status == "fail" and finding.suggestion:
        parts.append(
            f'<p class="il-sugg"><strong>Suggestion:</strong> {escape(str(finding.suggestion))}</p>'
        )
    if finding.warning:
        parts.append(f'<p class="il-warn" role="note">{escape(str(finding.warning))}</p>')
    return "".join(parts)


def _example_card(text: str, criterion_id: str, *, strong: bool, recipient, sender) -> str:
    result = score_note(text, recipient, sender)
    finding = result.finding(criterion_id)
    label = "Strong example" if strong else "Weak example"
    return (
        f'<div class="il-ex {"il-strong" if strong else "il-weak"}">'
        f'<div class="il-ex-head">{label}</div>'
        + _note_html(text, (finding,))
        + _verdict_html(finding)
        + "</div>"
    )


def _short(text: str, n: int = 90) -> str:
    one_line = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    if not one_line:
        return "(empty note)"
    return one_line if len(one_line) <= n else one_line[: n - 1].rstrip() + "\u2026"


def criterion_reference_html(criterion: Criterion | str, recipient=DANA, sender=ALEX) -> str:
    """One criterion's reference: what it checks, why, its weight, a weak and a strong example.

    The examples are the criterion's own (``Criterion.fails[0]`` and ``Criterion.passes[0]``,
    written to Dana Whitfield from Alex Rivera); each is scored by the engine, and the card shows
    this criterion's status, evidence and suggestion. The other examples the engine is tested on
    are listed in a fold-out table.
    """
    c = _criterion(criterion)
    rubric = default_rubric()
    weight = rubric.weight(c.id)
    total = sum(rubric.weight(x.id) for x in CRITERIA)
    cards = ""
    if c.fails:
        cards += _example_card(c.fails[0], c.id, strong=False, recipient=recipient, sender=sender)
    if c.passes:
        cards += _example_card(c.passes[0], c.id, strong=True, recipient=recipient, sender=sender)
    others = [(t, "weak") for t in c.fails[1:]] + [(t, "strong") for t in c.passes[1:]]
    more = ""
    if others:
        rows = []
        for text, kind in others:
            f = score_note(text, recipient, sender).finding(c.id)
            cls = _STATUS_CLASS.get(f.status, "il-na")
            rows.append(
                f"<tr><td>{escape(_short(text))}</td><td>{kind}</td>"
                f'<td class="{cls}">{escape(MARKS.get(f.status, f.status))}</td>'
                f"<td>{escape(str(f.evidence or ''))}</td></tr>"
            )
        more = (
            '<details class="il-more"><summary>More examples the engine is tested on '
            f"({len(others)})</summary>"
            '<table class="il-table il-marks"><thead><tr><th scope="col">Note</th>'
            '<th scope="col">Kind</th><th scope="col">Engine says</th>'
            '<th scope="col">Evidence</th></tr></thead><tbody>'
            + "".join(rows)
            + "</tbody></table></details>"
        )
    weight_text = f"{weight:g} of {total:g} points" if total else f"{weight:g} points"
    return (
        STYLE
        + f'<div class="il-ref" id="ref-{escape(c.id)}">'
        + f"<p><strong>What it checks:</strong> {escape(c.title)}. "
        + f"<strong>Rubric id:</strong> <code>{escape(c.id)}</code>. "
        + f"<strong>Weight in the score:</strong> {escape(weight_text)}.</p>"
        + f"<p><strong>Why it matters:</strong> {escape(c.why)}</p>"
        + f'<div class="il-pair">{cards}</div>'
        + more
        + "</div>"
    )


def criteria_overview_html(anchor_prefix: str = "criterion-") -> str:
    """All criteria in one table: number, title (linked to its section), rubric id and weight.

    Each title links to ``#<anchor_prefix><id>``, the label the chapter puts on its heading.
    """
    rubric = default_rubric()
    total = sum(rubric.weight(c.id) for c in CRITERIA)
    rows = "".join(
        f'<tr><td>{i}</td><td><a href="#{escape(anchor_prefix + c.id)}">{escape(c.title)}</a>'
        f"</td><td><code>{escape(c.id)}</code></td><td>{rubric.weight(c.id):g}</td></tr>"
        for i, c in enumerate(CRITERIA, start=1)
    )
    return (
        STYLE
        + '<table class="il-table"><caption>The checks and their weights in the default '
        + "rubric</caption><thead><tr>"
        + '<th scope="col">#</th><th scope="col">Check</th><th scope="col">Rubric id</th>'
        + '<th scope="col">Points</th></tr></thead><tbody>'
        + rows
        + f'<tr><td></td><th scope="row">Total</th><td></td><td>{total:g}</td></tr>'
        + "</tbody></table>"
    )


def scored_note_html(text: str, recipient=DANA, sender=ALEX, *, limit: int | None = None) -> str:
    """One note with the engine's verdict: level, score, warnings, then what is not there yet
    (evidence and suggestion for each check that fails) and a one-line list of what passes."""
    result = score_note(text, recipient, sender, limit=limit)
    failing = [f for f in result.findings if f.status == "fail"]
    passing = [f for f in result.findings if f.status == "pass"]
    not_applicable = [f for f in result.findings if f.status == "n/a"]
    parts = [STYLE, '<div class="il-box">', render.level_html(result), _note_html(text, failing),
             render.warnings_html(result)]
    if failing:
        items = "".join(
            f'<li class="il-fail"><span class="il-st" aria-hidden="true">\u2717</span>'
            f"<strong>{escape(f.title or f.criterion)}</strong>: {escape(str(f.evidence or ''))}"
            + (f'<br><span class="il-sugg"><strong>Suggestion:</strong> '
               f"{escape(str(f.suggestion))}</span>" if f.suggestion else "")
            + "</li>"
            for f in failing
        )
        parts.append(f'<p><strong>Not yet ({len(failing)}):</strong></p>'
                     f'<ul class="il-crit" aria-label="Checks not passed yet">{items}</ul>')
    if passing:
        names = "; ".join(escape(f.title or f.criterion) for f in passing)
        parts.append(f'<p class="il-verdict il-pass"><span class="il-st">\u2713 Passes '
                     f"({len(passing)}):</span> {names}.</p>")
    if not_applicable:
        names = "; ".join(escape(f.title or f.criterion) for f in not_applicable)
        parts.append(f'<p class="il-verdict il-na"><span class="il-st">\u2013 Not applicable:'
                     f"</span> {names}.</p>")
    parts.append("</div>")
    return "".join(parts)


def marks_table_html(results, headers, *, caption: str | None = None) -> str:
    """A compact table: one row per criterion, one column per result (level and score on top).

    A cell that changes from "Not yet" in one column to "Pass" in the next is tinted.
    """
    results = list(results)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    head = '<th scope="col">Check</th>' + "".join(
        f'<th scope="col">{escape(str(h))}</th>' for h in headers
    )
    level_row = '<tr><th scope="row"><strong>Level</strong></th>' + "".join(
        f"<td><strong>{escape(render.LEVEL_WORDS.get(r.level, r.level))}</strong></td>"
        for r in results
    ) + "</tr>"
    score_row = '<tr><th scope="row"><strong>Score</strong></th>' + "".join(
        f"<td><strong>{float(r.score):.0f}</strong> / 100</td>" for r in results
    ) + "</tr>"
    rows = []
    for c in CRITERIA:
        cells = []
        previous = None
        for r in results:
            status = r.finding(c.id).status
            classes = [_STATUS_CLASS.get(status, "il-na")]
            if previous == "fail" and status == "pass":
                classes.append("il-fixed")
            cells.append(
                f'<td class="{" ".join(classes)}">{escape(MARKS.get(status, status))}</td>'
            )
            previous = status
        rows.append(f'<tr><th scope="row">{escape(c.title)}</th>{"".join(cells)}</tr>')
    return (
        f'<table class="il-table il-marks">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{level_row}{score_row}{''.join(rows)}</tbody></table>"
    )


def before_after_html(before: str, after: str, recipient=DANA, sender=ALEX, *,
                      limit: int | None = None) -> str:
    """A note and its rewrite side by side, each scored, then a check-by-check table."""
    results = [score_note(t, recipient, sender, limit=limit) for t in (before, after)]
    columns = ""
    for label, text, result in zip(("Before", "After"), (before, after), results):
        columns += (
            f'<div style="flex:1 1 300px"><strong>{label}</strong>'
            + render.level_html(result)
            + _note_html(text)
            + render.warnings_html(result)
            + "</div>"
        )
    return (
        STYLE
        + '<div class="il-box" style="max-width:820px">'
        + f'<div class="il-pair">{columns}</div>'
        + marks_table_html(results, ("Before", "After"), caption="Check by check")
        + "</div>"
    )


# ---------------------------------------------------------------------------------------------
# Levels


def _titles(ids) -> str:
    names = [f"\u201c{CRITERIA_BY_ID[i].title}\u201d" for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def level_rules() -> dict[str, str]:
    """The spec's level rules in plain words, built from the engine's criterion titles."""
    t = lambda cid: f"\u201c{CRITERIA_BY_ID[cid].title}\u201d"  # noqa: E731
    return {
        "generic": (
            f"{t('not_template')} does not pass, or both {t('specific_detail')} and "
            f"{t('purpose')} do not pass. A name alone does not lift a note out of generic."
        ),
        "developing": (
            "Everything in between: the note is not generic, but at least one check that "
            "personalized needs does not pass (something core is missing, or a hard rule such "
            f"as {t('no_hard_ask')} is broken)."
        ),
        "personalized": f"All of these pass: {_titles(CORE)}.",
        "exemplary": (
            f"Personalized, and {t('self_intro')} and {t('polite_close')} pass, and "
            f"{t('common_ground')} passes (or does not apply because there is no sender "
            "profile)."
        ),
    }


#: One note to Dana Whitfield from Alex Rivera at each level (tests check the engine agrees).
LEVEL_EXAMPLES: dict[str, str] = {
    "generic": "Hi Dana, I'd like to connect with you on LinkedIn.",
    "developing": (
        "Hi Dana, I'm a psychology junior at Ohio State. Could you refer me for an internship "
        "at Meridian Health? Thanks, Alex"
    ),
    "personalized": (
        "Hi Dana, your post on career fairs helped me. Could I ask how you moved from "
        "psychology into recruiting?"
    ),
    "exemplary": (
        "Hi Dana, I'm a psychology junior at Ohio State, your alma mater. Your post on career "
        "fairs helped me prepare. Could I ask how you moved from psychology into recruiting? "
        "Thanks, Alex"
    ),
}


def levels_html(recipient=DANA, sender=ALEX) -> str:
    """The four levels, lowest first: what each means, the rule that decides it, and one note to
    Dana scored by the engine when the page is built."""
    rules = level_rules()
    blocks = []
    for level in LEVELS:
        meaning = LEVEL_DESCRIPTIONS.get(level, "")
        meaning = meaning[:1].upper() + meaning[1:]
        example = LEVEL_EXAMPLES.get(level, "")
        verdict = ""
        if example:
            result = score_note(example, recipient, sender)
            verdict = (
                '<p class="il-chars">An example to Dana:</p>'
                f'<div class="il-note">{escape(example)}</div>'
                f'<p class="il-chars">The checker says: <strong>'
                f"{escape(render.LEVEL_WORDS.get(result.level, result.level))}</strong>, "
                f"score {float(result.score):.0f}/100.</p>"
            )
        blocks.append(
            f'<div class="il-levelcard" role="group" aria-label="Level: '
            f'{escape(render.LEVEL_WORDS.get(level, level))}">'
            f'<span class="il-level il-level-{escape(level)}"><strong>'
            f"{escape(render.LEVEL_WORDS.get(level, level))}</strong></span> "
            f"<em>{escape(meaning)}.</em>"
            f'<p><strong>Rule:</strong> {escape(rules.get(level, ""))}</p>'
            f"{verdict}</div>"
        )
    return STYLE + '<div class="il-ref">' + "".join(blocks) + "</div>"


# ---------------------------------------------------------------------------------------------
# Scenarios


@dataclass(frozen=True)
class Scenario:
    """A before/after rewrite between two of the kit's fictional profiles (data/profiles.json)."""

    key: str
    recipient_id: str
    sender_id: str
    before: str
    after: str


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "alum", "grace-liu", "noah-patel",
        before="Hi Grace, I'd like to add you to my professional network on LinkedIn.",
        after=(
            "Hi Grace, I'm a statistics senior at Michigan. Your post on your path from Michigan "
            "stats to data science helped me a lot. Could I ask what mattered most in your first "
            "year at Target? Thank you, Noah"
        ),
    ),
    Scenario(
        "career-fair", "tomas-alvarez", "jasmine-carter",
        before="Hi Tomas, nice to meet you today! I'd like to connect.",
        after=(
            "Hi Tomas, we met at the Deloitte booth at the MSU career fair. I'm a finance "
            "sophomore and, like you, care about first-generation students. How can I prepare "
            "for Meet the Firms? Thanks, Jasmine"
        ),
    ),
    Scenario(
        "speaker", "helen-park", "daniel-osei",
        before="Great talk! Let's connect.",
        after=(
            "Hi Dr. Park, I'm a robotics PhD student at CMU working on human-robot interaction. "
            "Your CHI talk on robots that ask for help stuck with me. How do you test when a "
            "robot should ask? Thanks, Daniel"
        ),
    ),
    Scenario(
        "career-changer", "maya-goldberg", "sam-oconnor",
        before="Hi Maya, I'm reaching out to expand my professional network.",
        after=(
            "Hi Maya, I'm a teacher moving into UX research, and a fellow Ed-to-UX Collective "
            "member. Your post on leaving teaching spoke to me. Which classroom skills helped "
            "you most in UX? Thanks, Sam"
        ),
    ),
    Scenario(
        "international-student", "jonas-weber", "lukas-brenner",
        before="Dear Sir/Madam, I am an international student. I would like to connect with you.",
        after=(
            "Hi Jonas, I'm a mechanical engineering MS student at Georgia Tech, also from TUM. "
            "Your post on moving from TUM to Georgia Tech helped me. Could I ask how you got "
            "into wind energy? Best, Lukas"
        ),
    ),
)

SCENARIOS_BY_KEY = {s.key: s for s in SCENARIOS}


def _scenario(key: Scenario | str) -> Scenario:
    if isinstance(key, Scenario):
        return key
    try:
        return SCENARIOS_BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown scenario {key!r} (known: {', '.join(SCENARIOS_BY_KEY)})") from None


def _people(scenario: Scenario, people=None):
    if people is None:
        from ..kitdata import profiles

        people = profiles()
    return people[scenario.recipient_id], people[scenario.sender_id]


def scenario_results(key: Scenario | str, people=None) -> tuple[Result, Result]:
    """The engine's verdicts on a scenario's before and after notes."""
    s = _scenario(key)
    recipient, sender = _people(s, people)
    return score_note(s.before, recipient, sender), score_note(s.after, recipient, sender)


def scenario_html(key: Scenario | str, people=None) -> str:
    """Who writes to whom, both notes scored by the engine, and both profiles in a fold-out."""
    s = _scenario(key)
    recipient, sender = _people(s, people)
    who = (
        f'<p class="il-who"><strong>To:</strong> {escape(recipient.name)}, '
        f"{escape(recipient.headline)}<br><strong>From:</strong> {escape(sender.name)}, "
        f"{escape(sender.headline)}</p>"
    )
    cards = (
        f'<details class="il-more"><summary>See both profiles (fictional)</summary>'
        f'<div class="il-cards"><div>{render.profile_card_html(recipient, heading="Recipient")}'
        f"</div><div>{render.profile_card_html(sender, heading='Sender')}</div></div></details>"
    )
    return STYLE + who + cards + before_after_html(s.before, s.after, recipient, sender)


# ---------------------------------------------------------------------------------------------
# Exercises: the notes the chapter's exercises quote, scored for their solutions.

#: key -> (recipient id, sender id, note), all from data/profiles.json. The chapter quotes each
#: note word for word (a test checks it) and its solutions show the engine's verdicts.
EXERCISE_NOTES: dict[str, tuple[str, str, str]] = {
    "ex1-note": (
        "james-whitaker", "tyler-brooks",
        "Hi James!! Can u refer me for the JPMorgan analyst program? Tyler",
    ),
    "ex1-rewrite": (
        "james-whitaker", "tyler-brooks",
        "Hi James, I'm a finance junior at Penn State. Your post on passing CFA Level I while "
        "working full time was inspiring. Could I ask how you prepared for JPMorgan interviews? "
        "Thanks, Tyler",
    ),
    "ex2-note": (
        "dana-whitfield", "alex-rivera",
        "Hi Dana, I loved your talk at SXSW. As a fellow Michigan alum, could I ask how you got "
        "into recruiting? Thanks, Alex",
    ),
    "ex3-model": (
        "camila-ortiz", "emily-sato",
        "Hi Camila, I'm a recent UCLA English grad and wrote for the Daily Bruin like you. Your "
        "article on writing headlines people click was great. How did you move into content "
        "strategy? Thanks, Emily",
    ),
}


def exercise_note(key: str, people=None):
    """``(text, recipient, sender)`` for one of :data:`EXERCISE_NOTES`."""
    try:
        recipient_id, sender_id, text = EXERCISE_NOTES[key]
    except KeyError:
        known = ", ".join(EXERCISE_NOTES)
        raise KeyError(f"unknown exercise note {key!r} (known: {known})") from None
    if people is None:
        from ..kitdata import profiles

        people = profiles()
    return text, people[recipient_id], people[sender_id]


def exercise_html(key: str, people=None, *, rewrite: str | None = None) -> str:
    """An exercise note's full verdict; with ``rewrite`` (another key), a before/after instead."""
    text, recipient, sender = exercise_note(key, people)
    if rewrite is None:
        return scored_note_html(text, recipient, sender)
    after, _, _ = exercise_note(rewrite, people)
    return before_after_html(text, after, recipient, sender)


def points(*criterion_ids: str) -> int | float:
    """The default rubric's points for these criteria together (e.g. for a sentence in prose)."""
    total = sum(default_rubric().weight(_criterion(c).id) for c in criterion_ids)
    return int(total) if float(total).is_integer() else total
