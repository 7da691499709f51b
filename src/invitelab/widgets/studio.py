"""The invitation studio: write a note to a recipient and see live, specific feedback.

Every control is a public attribute, so tests (and curious students) can drive it without a
browser: set ``studio.text.value`` and read ``studio.feedback.value``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from . import charts, render
from .drafts import (
    Draft,
    download_link_html,
    drafts_to_csv,
    export_filename,
    history_rows,
    write_drafts_csv,
)
from .people import (
    DESCRIBE,
    FULL_WIDTH,
    button,
    described_sender,
    first_name,
    get,
    kit_recipients,
    kit_senders,
    options,
    sender_options,
    wrap_row,
)

FULL_LIMIT = 300
FREE_LIMIT = 200

INSTRUCTIONS = (
    "<p><strong>1.</strong> Pick who you are writing to and who you are. "
    "<strong>2.</strong> Read their profile card. <strong>3.</strong> Write your note in the box: "
    "the feedback below updates as you type. <strong>4.</strong> Press <em>Save draft</em> "
    "each time you are happy with a version, and watch your score rise.</p>"
)


def score_note(text: str, recipient, sender, limit: int):
    """Score with the rubric engine (imported late so this module loads fast)."""
    from invitelab import score

    return score(text, recipient=recipient, sender=sender, limit=limit)


def _default(options_list, wanted):
    ids = [v for _, v in options_list]
    if wanted in ids:
        return wanted
    return ids[0] if ids else None


class InvitationStudio:
    """Pick a recipient and a sender, write, get feedback, save drafts, export them."""

    def __init__(self, recipient_id=None, sender_id=None, text: str = "", *,
                 recipients=None, senders=None, export_dir: Path | str | None = None):  # fmt: skip
        self.recipients = dict(recipients) if recipients is not None else kit_recipients()
        self.senders = dict(senders) if senders is not None else kit_senders()
        self.export_dir = export_dir
        self.drafts: list[Draft] = []
        self.result = None
        self._recipient_options = options(self.recipients)
        self._sender_options = sender_options(self.senders)

        wide = w.Layout(width=FULL_WIDTH, max_width="760px")
        style = {"description_width": "initial"}
        self.recipient = w.Dropdown(
            options=self._recipient_options,
            value=_default(self._recipient_options, recipient_id),
            description="Writing to:",
            style=style,
            layout=wide,
        )
        self.sender = w.Dropdown(
            options=self._sender_options,
            value=_default(self._sender_options, sender_id),
            description="You are:",
            style=style,
            layout=wide,
        )
        self.describe = w.Textarea(
            placeholder="Describe yourself in a sentence, e.g. a second-year biology student at "
            "Ohio State who wants to work in public health",
            description="About you:",
            style=style,
            rows=2,
            layout=w.Layout(width=FULL_WIDTH, max_width="760px", display="none"),
        )
        self.free_account = w.Checkbox(
            value=False,
            description="Free account: 200 characters (otherwise 300)",
            indent=False,
            style=style,
            layout=w.Layout(width="auto"),
        )
        self.text = w.Textarea(
            value=text,
            placeholder="Hi ..., (write your invitation here)",
            description="Your note:",
            continuous_update=True,
            rows=6,
            style=style,
            layout=wide,
        )
        self.student = w.Text(
            placeholder="e.g. Nia, or your student id",
            description="Your name or student id (for your saved drafts):",
            style=style,
            layout=wide,
        )
        self.instructions = w.HTML(INSTRUCTIONS)
        self.card = w.HTML()
        self.sender_card = w.HTML()
        self.counter = w.HTML()
        self.feedback = w.HTML()
        self.chart = w.HTML()
        self.save_button = button(description="Save draft", icon="save", button_style="primary",
                                    tooltip="Keep this version in your draft history")  # fmt: skip
        self.save_status = w.HTML()
        self.history = w.HTML()
        self.history_chart = w.HTML()
        self.download = w.HTML()
        self.write_button = button(description="Save drafts to a CSV file", icon="download",
                                     tooltip="Writes your drafts to a CSV file named after you, "
                                     "in your Downloads (or home) folder")  # fmt: skip
        self.write_status = w.HTML()

        self.recipient.observe(self._on_recipient, names="value")
        self.sender.observe(self._on_sender, names="value")
        self.describe.observe(self._on_describe, names="value")
        self.free_account.observe(self._on_change, names="value")
        self.student.observe(lambda _: self._render_history(), names="value")
        self.text.observe(self._on_change, names="value")
        self.save_button.on_click(self._on_save)
        self.write_button.on_click(self._on_write)

        self.ui = w.VBox(
            [
                self.instructions,
                self.recipient,
                self.card,
                self.sender,
                self.describe,
                self.sender_card,
                self.free_account,
                self.text,
                self.counter,
                self.feedback,
                w.HTML("<strong>Points per criterion</strong>"),
                self.chart,
                w.HBox([self.save_button, self.save_status], layout=wrap_row()),
                self.student,
                self.history,
                self.history_chart,
                self.download,
                w.HBox([self.write_button, self.write_status], layout=wrap_row()),
            ]
        )
        self._render_cards()
        self.update()
        self._render_history()

    # -- state -----------------------------------------------------------------------------
    @property
    def limit(self) -> int:
        return FREE_LIMIT if self.free_account.value else FULL_LIMIT

    @property
    def recipient_profile(self):
        return self.recipients.get(self.recipient.value)

    @property
    def describing(self) -> bool:
        return self.sender.value == DESCRIBE

    @property
    def sender_profile(self):
        """The sender profile the engine scores against (None for a free-text description)."""
        return None if self.describing else self.senders.get(self.sender.value)

    # -- events ----------------------------------------------------------------------------
    def _on_recipient(self, change=None):
        self._render_cards()
        self.update()

    def _on_sender(self, change=None):
        self.describe.layout.display = "" if self.describing else "none"
        self._render_cards()
        self.update()

    def _on_change(self, change=None):
        self.update()

    def _on_describe(self, change=None):
        self._render_cards()
        self.update()

    def _render_cards(self):
        self.card.value = render.profile_card_html(self.recipient_profile, heading="Recipient")
        if self.describing:
            card = ""
            if (self.describe.value or "").strip():
                card = render.profile_card_html(described_sender(self.describe.value), heading="You")
            self.sender_card.value = card + (
                '<p style="max-width:760px"><em>Common ground is checked against a profile, and '
                "a description is not one, so that check shows as not applicable. Pick a persona "
                "to see it.</em></p>"
            )
        else:
            self.sender_card.value = render.profile_card_html(self.sender_profile, heading="You")

    def update(self):
        """Re-score the note and refresh the counter, the feedback and the chart."""
        text = self.text.value or ""
        limit = self.limit
        self.result = score_note(text, self.recipient_profile, self.sender_profile, limit)
        self.counter.value = render.counter_html(len(text), limit)
        self.feedback.value = render.feedback_html(text, self.result)
        self.chart.value = charts.points_chart_html(self.result)

    def _on_save(self, button=None):
        text = self.text.value or ""
        if not text.strip():
            self.save_status.value = "<em>Nothing to save yet: write a note first.</em>"
            return
        draft = Draft.from_result(
            len(self.drafts) + 1,
            text,
            self.result,
            recipient_id=self.recipient.value,
            sender_id="" if self.describing else self.sender.value,
            limit=self.limit,
            sender_description=self.describe.value if self.describing else "",
            student=self.student.value,
        )
        self.drafts.append(draft)
        self.save_status.value = (
            f"Saved draft {draft.number}: level {escape(render.LEVEL_WORDS.get(draft.level, draft.level))}, "
            f"score {draft.score:.0f}."
        )
        self._render_history()

    def save_draft(self):
        """Same as pressing *Save draft*; returns the saved draft (or None if the note is empty)."""
        before = len(self.drafts)
        self._on_save()
        return self.drafts[-1] if len(self.drafts) > before else None

    def _render_history(self):
        if not self.drafts:
            self.history.value = "<p><em>No drafts saved yet.</em></p>"
            self.history_chart.value = ""
        else:
            self.history.value = render.STYLE + render.table_html(
                ("Draft", "Level", "Score", "Characters", "Beginning"),
                history_rows(self.drafts),
                caption="Your saved drafts",
            )
            self.history_chart.value = charts.drafts_chart_html(self.drafts)
        name = export_filename(self.student.value)
        self.download.value = download_link_html(self.drafts, name, self.student.value)

    def drafts_csv(self) -> str:
        """The saved drafts as CSV text."""
        return drafts_to_csv(self.drafts, self.student.value)

    def _on_write(self, button=None):
        if not self.drafts:
            self.write_status.value = "<em>Save a draft first.</em>"
            return
        if not (self.student.value or "").strip():
            self.write_status.value = ("<em>Type your name or student id in the box above first: "
                                       "the file and your instructor need it.</em>")  # fmt: skip
            return
        try:
            path = write_drafts_csv(self.drafts, self.export_dir, student=self.student.value)
        except OSError as err:
            self.write_status.value = (f"<em>Could not save the file ({escape(err.strerror or str(err))}). "
                                       "Use the download link above instead.</em>")  # fmt: skip
            return
        n = len(self.drafts)
        self.write_status.value = (f"Saved {n} draft{'s' if n != 1 else ''} to "
                                   f"<code>{escape(str(path))}</code>")  # fmt: skip

    # -- display ---------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def example_html(recipient_id=None, sender_id=None, text: str | None = None, *,
                 recipients=None, senders=None) -> str:  # fmt: skip
    """A worked example for the static book: a pre-filled draft's card, feedback and chart."""
    recipients = dict(recipients) if recipients is not None else kit_recipients()
    senders = dict(senders) if senders is not None else kit_senders()
    rid = recipient_id if recipient_id in recipients else next(iter(recipients))
    sid = sender_id if sender_id in senders else next(iter(senders), None)
    recipient, sender = recipients[rid], senders.get(sid) if sid else None
    if text is None:
        text = example_note(recipient)
    result = score_note(text, recipient, sender, FULL_LIMIT)
    who = (
        f"Worked example: {escape(str(get(sender, 'name', 'a student')))} writes to "
        f"{escape(str(get(recipient, 'name', '')))}."
    )
    return (
        f"<h3>{who}</h3>"
        + render.profile_card_html(recipient, heading="Recipient")
        + render.counter_html(len(text), FULL_LIMIT)
        + render.feedback_html(text, result)
        + charts.points_chart_html(result, title="Points per criterion (worked example)")
    )


def example_note(recipient) -> str:
    """A decent but improvable first draft: a fact and a question, no introduction or close."""
    from .phrasing import best_fact, purpose_sentence

    return f"Hi {first_name(recipient)}, {best_fact(recipient)[1]} {purpose_sentence(recipient)}"


def studio(recipient_id=None, sender_id=None, text: str = "") -> InvitationStudio:
    """Build the studio for a notebook (display the returned object)."""
    return InvitationStudio(recipient_id, sender_id, text)
