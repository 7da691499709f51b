"""The profile-first simulator: quick Connect (no note) versus reading the profile first.

Unbranded mock-ups drawn in HTML/CSS (no logos, no screenshots): a "people you may know" card,
a phone app's search result with a one-tap button, a profile page with "Connect" and "Add a
note", and what the recipient receives in each case. Then three boxes where the student writes
three facts from the profile worth mentioning, each checked against the profile.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from . import render
from .facts import check_facts, model_facts
from .people import (FULL_WIDTH, button, first_name, get, kit_recipients, kit_senders, options,
                     profile_sections, wrap_row)
from .studio import FULL_LIMIT, score_note

MOCK_STYLE = """<style>
.il-mock{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f3f2ef;
 border:1px dashed #8c959f;border-radius:12px;padding:12px;max-width:560px}
.il-mock .il-mock-label{font-size:.8em;color:#57606a;text-transform:uppercase;letter-spacing:.05em;margin-bottom:6px}
.il-pymk{background:#fff;border:1px solid #d0d7de;border-radius:10px;width:200px;text-align:center;padding:14px 10px}
.il-pymk .il-avatar{margin:0 auto 6px;width:56px;height:56px}
.il-name-link{color:#0a3a6b;font-weight:700;text-decoration:underline}
.il-btn{display:inline-block;border:1.5px solid #0a3a6b;color:#0a3a6b;border-radius:16px;padding:3px 14px;font-weight:600;margin:6px 3px 0}
.il-btn.il-solid{background:#0a3a6b;color:#fff}
.il-phone{background:#fff;border:8px solid #2d333b;border-radius:26px;width:250px;padding:10px;min-height:170px}
.il-phone .il-row{display:flex;align-items:center;border-bottom:1px solid #eaeef2;padding:6px 0}
.il-phone .il-plus{margin-left:auto;border:1.5px solid #0a3a6b;border-radius:50%;width:26px;height:26px;
 display:inline-flex;align-items:center;justify-content:center;color:#0a3a6b;font-weight:700}
.il-profile-page{background:#fff;border:1px solid #d0d7de;border-radius:10px;overflow:hidden}
.il-banner{height:48px;background:linear-gradient(90deg,#c9d6e3,#e8eef4)}
.il-profile-page .il-inner{padding:0 14px 12px}
.il-profile-page .il-avatar{width:64px;height:64px;margin-top:-30px;border:3px solid #fff}
.il-dialog{background:#fff;border:1px solid #8c959f;border-radius:10px;padding:10px 12px;margin-top:8px;box-shadow:0 2px 6px rgba(0,0,0,.15)}
.il-arrow{font-size:1.4em;margin:6px 0;color:#57606a}
</style>"""

INSTRUCTIONS = (
    "<p>Two ways to invite the same person. Try <strong>Path A</strong> (the quick "
    "<em>Connect</em> button) and see what arrives. Then try <strong>Path B</strong>: click the "
    "name, read the profile, press <em>Connect</em>, then <em>Add a note</em>. Finally, write "
    "three facts from the profile that you could mention, and check them.</p>"
)


def _avatar(name: str, size_class: str = "") -> str:
    return f'<span class="il-avatar {size_class}" aria-hidden="true">{escape(render.initials(name))}</span>'


def pymk_card_html(recipient) -> str:
    """A desktop 'People you may know' card with its one-click Connect button."""
    name = str(get(recipient, "name", ""))
    return (
        MOCK_STYLE
        + render.STYLE
        + '<div class="il-mock" role="img" aria-label="Mock-up of a People you may know card: '
        + f'{escape(name)}, {escape(str(get(recipient, "headline", "")))}, with a Connect button">'
        + '<div class="il-mock-label">Mock-up &middot; desktop &middot; People you may know</div>'
        + f'<div class="il-pymk">{_avatar(name)}<div class="il-name-link">{escape(name)}</div>'
        + f'<div style="font-size:.85em;color:#4b5563">{escape(str(get(recipient, "headline", "")))}</div>'
        + '<span class="il-btn">+ Connect</span></div></div>'
    )


def phone_card_html(recipient) -> str:
    """A phone app's search result with the one-tap connect button."""
    name = str(get(recipient, "name", ""))
    return (
        MOCK_STYLE
        + render.STYLE
        + '<div class="il-mock" role="img" aria-label="Mock-up of a phone app search result for '
        + f'{escape(name)} with a one-tap connect button">'
        + '<div class="il-mock-label">Mock-up &middot; phone app &middot; search results</div>'
        + f'<div class="il-phone"><div class="il-row">{_avatar(name)}<div>'
        + f'<div class="il-name-link">{escape(name)}</div><div style="font-size:.8em;color:#4b5563">'
        + f'{escape(str(get(recipient, "headline", "")))}</div></div>'
        + '<span class="il-plus" title="Connect">+</span></div>'
        + '<div style="font-size:.8em;color:#57606a;margin-top:6px">One tap on + sends the '
        + "invitation at once, with no note.</div></div></div>"
    )


def profile_page_html(recipient, *, show_dialog: bool = False) -> str:
    """The recipient's profile page, with Connect, and (after Connect) the 'Add a note' dialog."""
    name = str(get(recipient, "name", ""))
    rows = "".join(
        f"<dt>{escape(label)}</dt><dd>{'<br>'.join(escape(v) for v in values)}</dd>"
        for label, values in profile_sections(recipient)
        if values
    )
    dialog = ""
    if show_dialog:
        dialog = (
            '<div class="il-dialog"><strong>Add a note to your invitation?</strong>'
            f"<div style=\"font-size:.9em\">Personalize your invitation to {escape(first_name(recipient))} "
            "by adding a note.</div>"
            '<span class="il-btn il-solid">Add a note</span><span class="il-btn">Send without a note</span></div>'
        )
    return (
        MOCK_STYLE
        + render.STYLE
        + f'<div class="il-mock" role="group" aria-label="Mock-up of the profile page of {escape(name)}">'
        + '<div class="il-mock-label">Mock-up &middot; profile page</div>'
        + '<div class="il-profile-page"><div class="il-banner"></div><div class="il-inner">'
        + _avatar(name)
        + f"<h3 style=\"margin:4px 0 0\">{escape(name)}</h3>"
        + f'<div style="color:#4b5563">{escape(str(get(recipient, "headline", "")))}</div>'
        + f'<div style="color:#57606a;font-size:.9em">{escape(str(get(recipient, "location", "")))}</div>'
        + '<span class="il-btn il-solid">Connect</span><span class="il-btn">Message</span>'
        + f'<div class="il-card" style="border:none;padding:8px 0 0"><dl>{rows}</dl></div>'
        + f"</div></div>{dialog}</div>"
    )


def two_paths_html(recipient, sender, note: str) -> str:
    """Both paths side by side, with what the recipient receives: for the static book page."""
    level = score_note(note, recipient, sender, FULL_LIMIT)
    return (
        render.STYLE
        + MOCK_STYLE
        + '<div style="display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start">'
        + '<div style="flex:1 1 300px"><h3>Path A: quick Connect</h3>'
        + pymk_card_html(recipient)
        + '<div class="il-arrow" aria-hidden="true">&darr;</div>'
        + f"<p>What {escape(first_name(recipient))} receives:</p>"
        + render.received_invitation_html(sender, None)
        + "</div>"
        + '<div style="flex:1 1 300px"><h3>Path B: profile first</h3>'
        + profile_page_html(recipient, show_dialog=True)
        + '<div class="il-arrow" aria-hidden="true">&darr;</div>'
        + f"<p>What {escape(first_name(recipient))} receives:</p>"
        + render.received_invitation_html(sender, note)
        + f"<p>The engine rates this note <strong>{escape(level.level)}</strong> "
        + f"({level.score:.0f}/100).</p></div></div>"
    )


def facts_html(checks) -> str:
    icons = {"confirmed": ("\u2713", "il-pass", "Confirmed")}
    items = []
    for i, c in enumerate(checks, 1):
        icon, cls, word = icons.get(c.status, ("\u2717", "il-fail", "Check again"))
        items.append(
            f'<li class="{cls}"><span class="il-st" aria-hidden="true">{icon}</span>'
            f"<strong>Fact {i}: {escape(word)}.</strong> "
            f"&ldquo;{escape(c.entry)}&rdquo;<br>{escape(c.message)}</li>"
        )
    found = sum(c.status == "confirmed" for c in checks)
    summary = (
        "<p><strong>All three found. Use one of them in your note.</strong></p>"
        if found == 3
        else f"<p>{found} of 3 facts confirmed.</p>"
    )
    return render.STYLE + f'<div class="il-box">{summary}<ul class="il-crit">{"".join(items)}</ul></div>'


class ProfileFirst:
    """Path A (quick Connect) and Path B (profile first, with a note), plus the facts check."""

    def __init__(self, recipient_id=None, sender_id=None, *, recipients=None, senders=None):
        self.recipients = dict(recipients) if recipients is not None else kit_recipients()
        self.senders = dict(senders) if senders is not None else kit_senders()
        opts = options(self.recipients)
        ids = [v for _, v in opts]
        sid = sender_id if sender_id in self.senders else next(iter(self.senders), None)
        self.sender_profile = self.senders.get(sid) if sid else None
        style = {"description_width": "initial"}
        self.recipient = w.Dropdown(options=opts, value=recipient_id if recipient_id in ids else ids[0],
                                    description="Person:", style=style)  # fmt: skip
        self.device = w.ToggleButtons(options=["Desktop", "Phone app"], value="Desktop",
                                      description="Where you see them:", style=style)  # fmt: skip
        self.card = w.HTML()
        self.quick_connect = button(description="Path A: Connect (one click)", icon="user-plus")
        self.open_profile = button(description="Path B: click the name", icon="user")
        self.profile = w.HTML()
        self.connect = button(description="Connect", hidden=True)
        self.add_note = button(description="Add a note", button_style="primary",
                                 hidden=True)  # fmt: skip
        self.note = w.Textarea(placeholder="Write your note (up to 300 characters)", description="Note:",
                               rows=4, style=style,
                               layout=w.Layout(width=FULL_WIDTH, max_width="560px", display="none"))  # fmt: skip
        self.note_counter = w.HTML()
        self.send = button(description="Send invitation", button_style="success",
                             hidden=True)  # fmt: skip
        self.received = w.HTML()
        self.reset = button(description="Start again", icon="undo")
        self.fact_boxes = [
            w.Text(placeholder=f"Fact {i} from the profile", description=f"Fact {i}:", style=style,
                   layout=w.Layout(width=FULL_WIDTH, max_width="560px"))  # fmt: skip
            for i in (1, 2, 3)
        ]
        self.check_button = button(description="Check my facts", icon="check", button_style="info")
        self.facts_result = w.HTML()
        self.stage = "start"

        self.recipient.observe(lambda _: self.start_over(), names="value")
        self.device.observe(lambda _: self._render_card(), names="value")
        self.quick_connect.on_click(self._on_quick)
        self.open_profile.on_click(self._on_open)
        self.connect.on_click(self._on_connect)
        self.add_note.on_click(self._on_add_note)
        self.send.on_click(self._on_send)
        self.reset.on_click(lambda _: self.start_over())
        self.check_button.on_click(self._on_check)
        self.note.observe(lambda _: self._count(), names="value")

        self.ui = w.VBox([
            w.HTML(INSTRUCTIONS), self.recipient, self.device, self.card,
            w.HBox([self.quick_connect, self.open_profile], layout=wrap_row()),
            self.profile, w.HBox([self.connect, self.add_note], layout=wrap_row()), self.note, self.note_counter,
            self.send, self.received, self.reset,
            w.HTML("<h3>Find three facts worth mentioning</h3><p>Read the profile (click the "
                   "name first) and write three things you could mention in a note.</p>"),
            *self.fact_boxes, self.check_button, self.facts_result,
        ])  # fmt: skip
        self.start_over()

    @property
    def recipient_profile(self):
        return self.recipients[self.recipient.value]

    def _show(self, widget, visible: bool):
        widget.layout.display = "" if visible else "none"

    def _render_card(self):
        r = self.recipient_profile
        self.card.value = phone_card_html(r) if self.device.value == "Phone app" else pymk_card_html(r)

    def start_over(self):
        self.stage = "start"
        self._render_card()
        self.profile.value = ""
        self.received.value = ""
        self.note.value = ""
        for wid in (self.connect, self.add_note, self.note, self.send):
            self._show(wid, False)
        self._count()
        self.quick_connect.disabled = False
        self.open_profile.disabled = False
        self.facts_result.value = ""

    def _on_quick(self, _=None):
        self.stage = "sent_without_note"
        r = self.recipient_profile
        where = "the phone app's + button" if self.device.value == "Phone app" else "the Connect button on the card"
        self.received.value = (
            f"<p><strong>Sent, with no note.</strong> {escape(where).capitalize()} does not offer "
            f"a note. Here is what {escape(first_name(r))} receives:</p>"
            + render.received_invitation_html(self.sender_profile, None)
            + "<p>Try Path B: press <em>Start again</em>, then click the name.</p>"
        )
        self.quick_connect.disabled = self.open_profile.disabled = True

    def _on_open(self, _=None):
        self.stage = "profile"
        self.profile.value = profile_page_html(self.recipient_profile)
        self._show(self.connect, True)
        self.quick_connect.disabled = self.open_profile.disabled = True

    def _on_connect(self, _=None):
        self.stage = "dialog"
        self.profile.value = profile_page_html(self.recipient_profile, show_dialog=True)
        self._show(self.connect, False)
        self._show(self.add_note, True)

    def _on_add_note(self, _=None):
        self.stage = "writing"
        self._show(self.add_note, False)
        self._show(self.note, True)
        self._show(self.send, True)
        self._count()

    def _count(self):
        if self.note.layout.display == "none":
            self.note_counter.value = ""
        else:
            self.note_counter.value = render.counter_html(len(self.note.value or ""), FULL_LIMIT)

    def _on_send(self, _=None):
        text = self.note.value or ""
        if not text.strip():
            self.received.value = "<p><em>Your note is empty. Write a line before sending.</em></p>"
            return
        self.stage = "sent_with_note"
        r = self.recipient_profile
        result = score_note(text, r, self.sender_profile, FULL_LIMIT)
        self.received.value = (
            f"<p><strong>Sent, with your note.</strong> Here is what {escape(first_name(r))} receives:</p>"
            + render.received_invitation_html(self.sender_profile, text)
            + f"<p>The rubric rates it <strong>{escape(result.level)}</strong> "
            + f"({result.score:.0f}/100). {escape(result.next_steps or '')}</p>"
        )
        self._show(self.send, False)
        self._show(self.note, False)
        self._count()

    def _on_check(self, _=None):
        self.checks = check_facts([b.value for b in self.fact_boxes], self.recipient_profile)
        self.facts_result.value = facts_html(self.checks)

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def example_html(recipient_id=None, sender_id=None, note: str | None = None) -> str:
    """Static worked example: both paths, and three facts checked (for the book page)."""
    from .studio import example_note

    recipients, senders = kit_recipients(), kit_senders()
    rid = recipient_id if recipient_id in recipients else next(iter(recipients))
    sid = sender_id if sender_id in senders else next(iter(senders), None)
    r, s = recipients[rid], senders.get(sid) if sid else None
    note = note if note is not None else example_note(r)
    facts = [f.split(": ", 1)[1] for f in model_facts(r, 2)] + ["Loves hiking"]
    return (
        two_paths_html(r, s, note)
        + "<h3>Worked example: three facts checked</h3>"
        + facts_html(check_facts(facts, r))
    )


def profile_first(recipient_id=None, sender_id=None) -> ProfileFirst:
    return ProfileFirst(recipient_id, sender_id)
