"""The rewrite gym: turn a generic invitation into a personal one, with a hint ladder.

Hints target the most important check the current draft still fails. Each target has three
rungs: hint 1 is a nudge, hint 2 names a fact from the profile, hint 3 gives a model sentence.
When the student fixes that check and asks again, the ladder starts over for the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as w

from . import render
from .people import as_list, button, first_name, get, kit_recipients, kit_senders
from .phrasing import best_fact, purpose_sentence, self_intro_sentence, topic_of
from .studio import FULL_LIMIT, score_note

# order in which hints address failing checks (the level rules' core checks first)
HINT_ORDER = (
    "not_template",
    "greeting",
    "specific_detail",
    "purpose",
    "no_hard_ask",
    "tone",
    "length",
    "self_intro",
    "polite_close",
    "common_ground",
)


@dataclass(frozen=True)
class Exercise:
    number: int
    generic_text: str
    why_generic: str


EXERCISES = (
    Exercise(1, "I'd like to add you to my professional network on LinkedIn.",
             "The platform's default text: it fits anyone, so it says nothing."),
    Exercise(2, "Hi, I'm a student looking for an internship. Please accept my invitation.",
             "No name, no reason to connect with this person, and it asks for a job."),
    Exercise(3, "Hello, I came across your impressive profile and would like to connect.",
             "Flattery that fits anyone: which part of the profile was impressive?"),
    Exercise(4, "Hi [Name], I'd love to connect and grow my network. Thanks!",
             "An unfilled placeholder and a purpose that is only about the sender."),
    Exercise(5, "HEY!! can u refer me to a job at ur company?? pls",
             "Shouting, text-speak and a hard ask in a first note."),
)  # fmt: skip


def shared_fact(recipient, sender) -> str | None:
    """Something both profiles list (school, employer, group or interest), if any."""
    if sender is None:
        return None

    def names(p, key, sub=None):
        return {str(get(x, sub) if sub else x).strip(): None for x in as_list(get(p, key))
                if (get(x, sub) if sub else x)}  # fmt: skip

    for key, sub, label in (("education", "school", "you both studied at"),
                            ("experience", "company", "you both worked at"),
                            ("groups", None, "you are both in"),
                            ("interests", None, "you both list an interest in")):  # fmt: skip
        a, b = names(recipient, key, sub), names(sender, key, sub)
        common = [x for x in a if x.lower() in {y.lower() for y in b}]
        if common:
            return f"{label} {common[0]}"
    return None


def hints_for(criterion: str, recipient, sender, limit: int = FULL_LIMIT) -> tuple[str, str, str]:
    """The three rungs of the hint ladder for one failing check."""
    name = first_name(recipient) or "them"
    fact, fact_sentence = best_fact(recipient)
    sender_name = first_name(sender) if sender else "Your name"
    model_note = f"Hi {name}, {fact_sentence} {purpose_sentence(recipient)} Thank you, {sender_name}"
    if criterion == "greeting":
        return ("Look at the first words: would the reader know this note was written for them?",
                f"Their name is {get(recipient, 'name', name)}. Most people start with their first name.",
                f"Hi {name},")  # fmt: skip
    if criterion in ("specific_detail", "not_template"):
        nudge = ("Your note could be sent to anyone. Add one sentence that only this person could receive."
                 if criterion == "not_template" else
                 "Show that you read their profile: mention one thing that is true of them only.")  # fmt: skip
        return (nudge, f"Their profile lists {fact}.", fact_sentence)
    if criterion == "purpose":
        return ("Say why you want to connect: what would you like to learn from them?",
                f"You could ask about {fact} or about {topic_of(recipient)}.",
                purpose_sentence(recipient))  # fmt: skip
    if criterion == "no_hard_ask":
        return ("A first note is not the place to ask for a job, a referral or a favour.",
                f"Ask for something small instead: their advice, or one question about {topic_of(recipient)}.",
                f"Could I ask you one question about {topic_of(recipient)}?")  # fmt: skip
    if criterion == "tone":
        return ("Read it aloud: does it sound like a message to a professional you respect?",
                "Avoid capitals, '!!' or '??', emoji and text-speak such as 'u', 'ur' or 'pls'.",
                f"Hi {name}, could I ask you a question about {topic_of(recipient)}?")  # fmt: skip
    if criterion == "length":
        return (f"Your note is longer than {limit} characters, so it will not fit.",
                "Keep three things: the greeting, one detail from the profile, one question.",
                model_note)  # fmt: skip
    if criterion == "self_intro":
        return ("Say who you are in a few words.",
                "Your year and subject, or your role and where, are enough.",
                self_intro_sentence(sender))  # fmt: skip
    if criterion == "polite_close":
        return ("How does your note end?",
                "A thank-you or a sign-off such as 'Best' with your name is enough.",
                f"Thank you, {sender_name}")  # fmt: skip
    if criterion == "common_ground":
        shared = shared_fact(recipient, sender)
        if shared:
            return ("Is there something you and they genuinely share?",
                    f"Compare the two profiles: {shared}.",
                    f"Like you, I have a connection to {shared.split(' ', 3)[-1]}.")  # fmt: skip
        return ("Only claim things the two profiles show you share.",
                "Remove any claim of something in common that your profile does not show.",
                "Keep the detail about them, and say what you would like to learn.")  # fmt: skip
    return ("Look at the checks marked 'Not yet'.", "Read the suggestion under that check.", model_note)


def target_criterion(result) -> str | None:
    failing = {f.criterion for f in result.findings if f.status == "fail"}
    return next((c for c in HINT_ORDER if c in failing), None)


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
    return (
        render.STYLE
        + '<div class="il-box"><div style="display:flex;gap:16px;flex-wrap:wrap">'
        + f'<div style="flex:1 1 260px"><strong>Before</strong> {render.level_html(before)}'
        + render.highlight_html(before_text, before.findings)
        + "</div>"
        + f'<div style="flex:1 1 260px"><strong>After</strong> {render.level_html(after)}'
        + render.highlight_html(after_text, after.findings)
        + "</div></div>"
        + f"<p><strong>Score change: {delta:+.0f} points.</strong></p>"
        + render.table_html(("Check", "Before", "After", "Change"), rows, caption="Check by check")
        + "</div>"
    )


class RewriteGym:
    """Pick a generic invitation, rewrite it for a profile, compare, ask for hints."""

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
            description="Exercise:", style=style, layout=w.Layout(width="100%", max_width="760px"),
        )  # fmt: skip
        self.card = w.HTML()
        self.before = w.HTML()
        self.text = w.Textarea(description="Your rewrite:", rows=5, continuous_update=True,
                               style=style, layout=w.Layout(width="100%", max_width="760px"))  # fmt: skip
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
            w.HTML("<p>Each exercise is a generic invitation. Rewrite it for the person below: the "
                   "feedback and the before/after comparison update as you type. Stuck? Ask for a "
                   "hint; each hint says a little more.</p>"),
            self.exercise, self.card, self.before, self.text, self.counter,
            w.HBox([self.hint_button, self.reset]), self.hints, self.feedback, self.comparison,
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
            + '<div class="il-box"><strong>The generic invitation:</strong>'
            + render.highlight_html(ex.generic_text, ())
            + f"<p><em>Why it is generic:</em> {escape(ex.why_generic)}</p>"
            + render.level_html(self.before_result)
            + "</div>"
        )
        self.hint_target, self.hint_level = None, 0
        self.hints.value = ""
        self.hint_button.description = "Show hint 1 of 3"
        self.hint_button.disabled = False
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

    def _refresh_hint_button(self):
        target = target_criterion(self.result)
        level = self.hint_level if target == self.hint_target else 0
        if target is None:
            self.hint_button.description = "No hints needed"
            self.hint_button.disabled = True
        else:
            self.hint_button.disabled = level >= 3
            self.hint_button.description = (
                "All 3 hints shown" if level >= 3 else f"Show hint {level + 1} of 3"
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
        self.hint_level = min(3, self.hint_level + 1)
        ladder = hints_for(target, self.recipient_profile, self.sender_profile)
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
    """Static worked example: a generic note, the three hints, a rewrite and the comparison."""
    gym = RewriteGym(exercise)
    ex, r = gym.current, gym.recipient_profile
    target = target_criterion(gym.before_result)
    ladder = hints_for(target, r, gym.sender_profile) if target else ()
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
        + f"<p>The hint ladder for this note:</p><ol style=\"list-style:none\">{hints}</ol>"
        + comparison_html(ex.generic_text, gym.before_result, rewrite, after)
    )


def rewrite_gym(exercise: int = 1) -> RewriteGym:
    return RewriteGym(exercise)
