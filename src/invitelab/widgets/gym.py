"""The rewrite gym: turn a weak invitation into a personal one, with a hint ladder.

Everything the gym says about a note comes from the rubric engine, not from hand-written text:
the badge and the "what the checker finds" list are the engine's level and findings, and the
hint ladder targets the note's failing checks in the order that matters most for its level
(see :func:`hint_order`). Each target has three rungs:

1. what the engine found (its evidence) and why that check matters (the criterion's ``why``);
2. the engine's own suggestion, which names something from the profile;
3. a model sentence built from the profile, shown only once the engine confirms that putting it
   into the draft makes that check pass (:func:`model_fix`).

When the student fixes that check and asks again, the ladder starts over for the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import ipywidgets as w

from . import render
from .people import FULL_WIDTH, as_list, button, first_name, get, kit_recipients, kit_senders, wrap_row
from .phrasing import best_fact, purpose_sentence, self_intro_sentence, topic_of
from .studio import FULL_LIMIT, score_note

# The level rules (RUBRIC.md section 3), as groups of checks, most important first.
# A generic note first needs something of its own, then a detail or a purpose; any other note
# first stops breaking a hard rule, then fills in the core checks, then the exemplary extras.
LIFT_FROM_GENERIC = ("not_template", "specific_detail", "purpose")
HARD_RULES = ("no_hard_ask", "tone", "length")
CORE = ("greeting", "specific_detail", "purpose")
EXTRAS = ("self_intro", "polite_close", "common_ground")


@dataclass(frozen=True)
class Exercise:
    number: int
    generic_text: str


EXERCISES = (
    Exercise(1, "I'd like to add you to my professional network on LinkedIn."),
    Exercise(2, "Hi, I'm a student looking for an internship. Please accept my invitation."),
    Exercise(3, "Hello, I came across your impressive profile and would like to connect."),
    Exercise(4, "Hi [Name], I'd love to connect and grow my network. Thanks!"),
    Exercise(5, "HEY!! can u refer me to a job at ur company?? pls"),
)  # fmt: skip


def _criteria() -> dict:
    from invitelab import CRITERIA

    return {c.id: c for c in CRITERIA}


def hint_order(result) -> list[str]:
    """The failing checks of a scored note, the one that matters most for its level first.

    Within a group of the level rules, heavier checks (the rubric's weights) come first.
    """
    failing = {f.criterion: f for f in result.findings if f.status == "fail"}
    groups = (LIFT_FROM_GENERIC, HARD_RULES, CORE, EXTRAS) if result.level == "generic" else (
        HARD_RULES, CORE, LIFT_FROM_GENERIC, EXTRAS)  # fmt: skip
    order: list[str] = []
    for group in groups:
        # the template comes first (nothing else counts until the note is its own), then weight
        ranked = sorted((c for c in group if c in failing and c not in order),
                        key=lambda c: (c != "not_template",
                                       -float(getattr(failing[c], "weight", 0) or 0)))  # fmt: skip
        order += ranked
    order += [c for c in failing if c not in order]  # a criterion an instructor added
    return order


def target_criterion(result) -> str | None:
    """The check the hint ladder works on now (None when nothing fails)."""
    order = hint_order(result)
    return order[0] if order else None


def shared_sentence(recipient, sender) -> str | None:
    """A sentence naming something both profiles list (school, employer, group, interest)."""
    if sender is None or recipient is None:
        return None

    def names(p, key, sub=None):
        return {str(get(x, sub) if sub else x).strip(): None for x in as_list(get(p, key))
                if (get(x, sub) if sub else x)}  # fmt: skip

    for key, sub, template in (("education", "school", "I'm also at {x}."),
                               ("experience", "company", "I have worked at {x} too."),
                               ("groups", None, "I'm a member of {x} too."),
                               ("interests", None, "I care about {x} too.")):  # fmt: skip
        theirs, mine = names(recipient, key, sub), {y.lower() for y in names(sender, key, sub)}
        common = [x for x in theirs if x.lower() in mine]
        if common:
            return template.format(x=common[0])
    return None


# a greeting word with what usually follows it when no name does: "Hi,", "HEY!!", "Hi [Name],"
GREETING_WORDS = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings)\b(?:\s+(?:\[[^\]\n]*\]|\{[^}\n]*\}|sir/madam|sir or madam"
    r"|sir|madam|there|all|[\w.'-]+(?=\s*,)))?[!,.:;-]*\s*", re.I)

_TEXT_SPEAK = {"u": "you", "ur": "your", "pls": "please", "plz": "please", "wanna": "want to",
               "gonna": "going to", "lol": "", "thx": "thanks"}  # fmt: skip


def calm_tone(text: str) -> str:
    """The note in sentence case, with single punctuation and text-speak spelled out."""
    out = re.sub(r"([!?])[!?]+", r"\1", text)
    out = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).capitalize(), out)
    out = re.sub(r"\b(\w+)\b", lambda m: _TEXT_SPEAK.get(m.group(1).lower(), m.group(1))
                 if m.group(1).lower() in _TEXT_SPEAK else m.group(1), out)  # fmt: skip
    out = re.sub(r"\s+([.,!?])", r"\1", re.sub(r"[ \t]{2,}", " ", out)).strip()
    out = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
    return out


def _candidates(criterion, finding, text, recipient, sender, limit):
    """(sentence to show, the draft with it put in) pairs, best first, for one failing check."""
    name = first_name(recipient) or ""
    sender_name = first_name(sender) if sender else ""
    _, fact_sentence = best_fact(recipient)
    span = render._valid_span(finding, len(text)) if finding is not None else None
    body = text.strip()

    def replace_sentence(new):
        """The draft with the sentence that holds the finding's words replaced by ``new``."""
        if not span:
            return None
        s, e = render._snap(text, *span)
        while s > 0 and text[s - 1] not in ".!?\n":
            s -= 1
        while e < len(text) and text[e - 1] not in ".!?\n":
            e += 1
        while e < len(text) and text[e] in ".!?":
            e += 1
        return (text[:s].rstrip() + " " + new + " " + text[e:].lstrip()).strip()

    def after_greeting(sentence):
        m = GREETING_WORDS.match(body)
        if m:
            return body[: m.end()] + sentence + " " + body[m.end():]
        return f"{sentence} {body}".strip()

    def append(sentence):
        return f"{body} {sentence}".strip()

    short_model = f"Hi {name}, {fact_sentence} {purpose_sentence(recipient)}"
    if sender_name:
        short_model += f" Thank you, {sender_name}"
    if criterion == "greeting":
        hello = f"Hi {name},"
        swapped = GREETING_WORDS.sub("", body, count=1)
        yield hello, f"{hello} {swapped}".strip()
    elif criterion in ("specific_detail", "not_template"):
        yield fact_sentence, after_greeting(fact_sentence)
        yield short_model, short_model
    elif criterion == "purpose":
        yield purpose_sentence(recipient), append(purpose_sentence(recipient))
    elif criterion == "no_hard_ask":
        ask = f"Could I ask you one question about {topic_of(recipient)}?"
        replaced = replace_sentence(ask)
        if replaced:
            yield ask, replaced
        yield ask, append(ask)
        yield short_model, short_model
    elif criterion == "tone":
        calm = calm_tone(body)
        yield calm, calm
        yield short_model, short_model
    elif criterion == "length":
        yield short_model, short_model
    elif criterion == "self_intro":
        me = self_intro_sentence(sender)
        yield me, after_greeting(me)
    elif criterion == "polite_close":
        close = f"Thank you, {sender_name}" if sender_name else "Thank you!"
        yield close, append(close)
    elif criterion == "common_ground":
        shared = shared_sentence(recipient, sender)
        if shared:
            yield shared, after_greeting(shared)


def model_fix(criterion, result, text, recipient, sender, limit=FULL_LIMIT):
    """A model sentence for one failing check and the draft with it, confirmed by the engine.

    Returns ``(sentence, fixed_draft)`` where scoring ``fixed_draft`` makes ``criterion`` pass,
    or ``None`` when no candidate passes (then the ladder ends with the engine's suggestion).
    """
    finding = next((f for f in result.findings if f.criterion == criterion), None)
    for sentence, draft in _candidates(criterion, finding, text or "", recipient, sender, limit):
        if not draft:
            continue
        checked = score_note(draft, recipient, sender, limit)
        if any(f.criterion == criterion and f.status == "pass" for f in checked.findings):
            return sentence, draft
    return None


def hints_for(result, criterion, recipient, sender, limit: int = FULL_LIMIT) -> tuple[str, ...]:
    """The hint ladder for one failing check of a scored draft, from the engine's findings."""
    finding = next((f for f in result.findings if f.criterion == criterion), None)
    meta = _criteria().get(criterion)
    title = str(getattr(finding, "title", "") or (meta.title if meta else criterion))
    evidence = str(getattr(finding, "evidence", "") or "").strip()
    why = str(getattr(meta, "why", "") or "").strip()
    nudge = f"{title}: not yet. {evidence}".strip()
    if why:
        nudge += f" Why it matters: {why}"
    ladder = [nudge]
    suggestion = str(getattr(finding, "suggestion", "") or "").strip()
    if suggestion:
        ladder.append(suggestion)
    fix = model_fix(criterion, result, getattr(result, "text", "") or "", recipient, sender, limit)
    if fix:
        ladder.append(f"For example: \u201c{fix[0]}\u201d")
    return tuple(ladder)


def findings_summary_html(result, most: int = 4) -> str:
    """What the checker finds wrong with a note, most important first (the engine's words)."""
    by_id = {f.criterion: f for f in result.findings}
    items = [by_id[c] for c in hint_order(result)][:most]
    if not items:
        return "<p>The checker finds nothing to fix.</p>"
    lis = "".join(f"<li><strong>{escape(str(f.title))}</strong>: {escape(str(f.evidence))}</li>"
                  for f in items)  # fmt: skip
    return f'<p><em>What the checker finds, most important first:</em></p><ul>{lis}</ul>'


def comparison_html(before_text, before, after_text, after) -> str:
    """Before/after: level, score and each check side by side."""
    rows = []
    after_by_id = {f.criterion: f for f in after.findings}
    for f in before.findings:
        a = after_by_id.get(f.criterion)
        b_status, a_status = f.status, (a.status if a else "")
        change = ""
        if b_status == "fail" and a_status == "pass":
            change = "fixed"
        elif b_status == "pass" and a_status == "fail":
            change = "broken"
        rows.append((getattr(f, "title", f.criterion), render.STATUS_WORDS.get(b_status, b_status),
                     render.STATUS_WORDS.get(a_status, a_status), change))  # fmt: skip
    delta = float(after.score) - float(before.score)
    words = render.LEVEL_WORDS
    change = (f"Level: {words.get(before.level, before.level)} \u2192 "
              f"{words.get(after.level, after.level)} &middot; score {float(before.score):.0f} "
              f"\u2192 {float(after.score):.0f} ({delta:+.0f})")  # fmt: skip
    return (
        render.STYLE
        + '<div class="il-box"><div style="display:flex;gap:16px;flex-wrap:wrap">'
        + f'<div style="flex:1 1 260px"><strong>Before</strong> {render.level_html(before)}'
        + render.highlight_html(before_text, before.findings)
        + "</div>"
        + f'<div style="flex:1 1 260px"><strong>After</strong> {render.level_html(after)}'
        + render.highlight_html(after_text, after.findings)
        + "</div></div>"
        + f"<p><strong>{change}</strong></p>"
        + render.table_html(("Check", "Before", "After", "Change"), rows, caption="Check by check")
        + "</div>"
    )


class RewriteGym:
    """Pick a weak invitation, rewrite it for a profile, compare, ask for hints."""

    def __init__(self, exercise: int = 1, recipient_id=None, sender_id=None, *,
                 recipients=None, senders=None):  # fmt: skip
        self.recipients = dict(recipients) if recipients is not None else kit_recipients()
        self.senders = dict(senders) if senders is not None else kit_senders()
        self._fixed_recipient = recipient_id if recipient_id in self.recipients else None
        sid = sender_id if sender_id in self.senders else next(iter(self.senders), None)
        self.sender_profile = self.senders.get(sid) if sid else None
        style = {"description_width": "initial"}
        self.exercise = w.Dropdown(
            options=[(f"{e.number}. {e.generic_text[:55]}{'...' if len(e.generic_text) > 55 else ''}",
                      e.number) for e in EXERCISES],
            value=exercise if 1 <= exercise <= len(EXERCISES) else 1,
            description="Exercise:", style=style, layout=w.Layout(width=FULL_WIDTH, max_width="760px"),
        )  # fmt: skip
        self.card = w.HTML()
        self.before = w.HTML()
        self.text = w.Textarea(description="Your rewrite:", rows=5, continuous_update=True,
                               style=style, layout=w.Layout(width=FULL_WIDTH, max_width="760px"))  # fmt: skip
        self.counter = w.HTML()
        self.feedback = w.HTML()
        self.comparison = w.HTML()
        self.hint_button = button(description="Show hint 1 of 3", icon="lightbulb-o")
        self.hints = w.HTML()
        self.reset = button(description="Start this exercise again", icon="undo")
        self.hint_target: str | None = None
        self.hint_level = 0

        self.exercise.observe(lambda _: self.load(), names="value")
        self.text.observe(lambda _: self.update(), names="value")
        self.hint_button.on_click(lambda _: self.next_hint())
        self.reset.on_click(lambda _: self.load())
        self.ui = w.VBox([
            w.HTML("<p>Each exercise is a weak invitation. Rewrite it for the person below: the "
                   "feedback and the before/after comparison update as you type. Stuck? Ask for a "
                   "hint; each hint says a little more.</p>"),
            self.exercise, self.card, self.before, self.text, self.counter,
            w.HBox([self.hint_button, self.reset], layout=wrap_row()), self.hints, self.feedback, self.comparison,
        ])  # fmt: skip
        self.load()

    @property
    def current(self) -> Exercise:
        return EXERCISES[self.exercise.value - 1]

    @property
    def recipient_profile(self):
        if self._fixed_recipient:
            return self.recipients[self._fixed_recipient]
        ids = list(self.recipients)
        return self.recipients[ids[(self.exercise.value - 1) % len(ids)]]

    def load(self):
        ex, r = self.current, self.recipient_profile
        self.before_result = score_note(ex.generic_text, r, self.sender_profile, FULL_LIMIT)
        self.card.value = render.profile_card_html(r, heading="Rewrite the invitation for")
        self.before.value = (
            render.STYLE
            + '<div class="il-box"><strong>The invitation to rewrite</strong>'
            + render.level_html(self.before_result)
            + render.highlight_html(ex.generic_text, ())
            + findings_summary_html(self.before_result)
            + "</div>"
        )
        self.hint_target, self.hint_level = None, 0
        self.hints.value = ""
        if self.text.value == ex.generic_text:
            self.update()
        else:
            self.text.value = ex.generic_text  # triggers update()

    def update(self):
        text = self.text.value or ""
        r = self.recipient_profile
        self.result = score_note(text, r, self.sender_profile, FULL_LIMIT)
        self.counter.value = render.counter_html(len(text), FULL_LIMIT)
        self.feedback.value = render.feedback_html(text, self.result, suggestions=False)
        self.comparison.value = comparison_html(self.current.generic_text, self.before_result,
                                                text, self.result)  # fmt: skip
        self._refresh_hint_button()

    def ladder(self) -> tuple[str, ...]:
        """The hint ladder for the check the current draft most needs (empty if none)."""
        target = target_criterion(self.result)
        if target is None:
            return ()
        return hints_for(self.result, target, self.recipient_profile, self.sender_profile)

    def _refresh_hint_button(self):
        target = target_criterion(self.result)
        level = self.hint_level if target == self.hint_target else 0
        if target is None:
            self.hint_button.description = "No hints needed"
            self.hint_button.disabled = True
        else:
            n = len(self.ladder())
            self.hint_button.disabled = level >= n
            self.hint_button.description = (
                f"All {n} hints shown" if level >= n else f"Show hint {level + 1} of {n}"
            )

    def next_hint(self) -> list[str]:
        """Reveal the next rung for the check the draft most needs; returns the hints shown."""
        target = target_criterion(self.result)
        if target is None:
            self.hints.value = "<p><strong>Nothing left to fix: every check passes.</strong></p>"
            self.hint_target, self.hint_level = None, 0
            self._refresh_hint_button()
            return []
        if target != self.hint_target:
            self.hint_target, self.hint_level = target, 0
        ladder = self.ladder()
        self.hint_level = min(len(ladder), self.hint_level + 1)
        shown = list(ladder[: self.hint_level])
        title = next((getattr(f, "title", target) for f in self.result.findings if f.criterion == target), target)
        items = "".join(f"<li><strong>Hint {i}:</strong> {escape(h)}</li>" for i, h in enumerate(shown, 1))
        self.hints.value = (
            render.STYLE + f'<div class="il-box" role="status"><strong>Working on: {escape(str(title))}</strong>'
            f"<ol style=\"list-style:none;padding-left:0\">{items}</ol></div>"
        )
        self._refresh_hint_button()
        return shown

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def example_html(exercise: int = 1, rewrite: str | None = None) -> str:
    """Static worked example: a weak note, its hint ladder, a rewrite and the comparison."""
    gym = RewriteGym(exercise)
    ex, r = gym.current, gym.recipient_profile
    ladder = gym.ladder()
    order = hint_order(gym.before_result)
    titles = {f.criterion: str(f.title) for f in gym.before_result.findings}
    if rewrite is None:
        fact, sentence = best_fact(r)
        me = self_intro_sentence(gym.sender_profile)
        rewrite = (f"Hi {first_name(r)}, {me} {sentence} {purpose_sentence(r)} "
                   f"Thank you, {first_name(gym.sender_profile) or 'Sam'}")  # fmt: skip
    after = score_note(rewrite, r, gym.sender_profile, FULL_LIMIT)
    hints = "".join(f"<li><strong>Hint {i}:</strong> {escape(h)}</li>" for i, h in enumerate(ladder, 1))
    return (
        f"<h3>Worked example: exercise {ex.number}</h3>"
        + render.profile_card_html(r, heading="Rewrite the invitation for")
        + render.STYLE + '<div class="il-box">' + render.level_html(gym.before_result)
        + render.highlight_html(ex.generic_text, ()) + findings_summary_html(gym.before_result)
        + "</div>"
        + (f"<p>The first hint ladder works on <strong>{escape(titles[order[0]])}</strong>, the "
           "check that matters most for this note:</p>" if order else "")
        + f"<ol style=\"list-style:none\">{hints}</ol>"
        + comparison_html(ex.generic_text, gym.before_result, rewrite, after)
    )


def rewrite_gym(exercise: int = 1) -> RewriteGym:
    return RewriteGym(exercise)
