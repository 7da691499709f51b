"""HTML for the notebooks: profile cards, feedback, highlights, counters.

Pure functions of their arguments (no widgets, no engine import), so they are easy to test and
the book can show their output statically. Everything that comes from a student or a profile is
passed through :func:`html.escape`; markup is only ever added around escaped text.
"""

from __future__ import annotations

import re
from html import escape

from .people import first_name, get, profile_sections

#: shown where the whole note would be too long to display (a 1 MB paste, say)
MAX_SHOWN_CHARS = 2000

STYLE = """<style>
.il-card{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#fff;color:#1f2328;
 border:1px solid #d0d7de;border-radius:10px;padding:12px 14px;max-width:640px;line-height:1.4}
.il-card h3{margin:0;font-size:1.1em}.il-card .il-sub{color:#4b5563;margin:2px 0 6px}
.il-card dl{margin:6px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}
.il-card dt{font-weight:600;color:#374151}.il-card dd{margin:0}
.il-avatar{display:inline-flex;align-items:center;justify-content:center;width:44px;height:44px;
 border-radius:50%;background:#5b6b7f;color:#fff;font-weight:700;margin-right:10px;flex:none}
.il-head{display:flex;align-items:center}
.il-box{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#fff;color:#1f2328;
 border-radius:8px;padding:10px 12px;max-width:760px;line-height:1.45}
.il-note{white-space:pre-wrap;word-break:break-word;border:1px solid #d0d7de;border-radius:6px;
 padding:8px 10px;background:#f6f8fa;color:#1f2328}
.il-note mark{background:#fff1a8;color:#1f2328;padding:0 1px;border-radius:2px}
.il-note mark.il-fail,.il-snip mark.il-fail{background:#ffd7d5;text-decoration:underline wavy #b42318}
.il-snip mark{background:#fff1a8;color:#1f2328}
.il-tag{font-size:.7em;color:#4b5563;margin-left:1px}
.il-level{font-size:1.05em;padding:6px 10px;border-radius:6px;display:inline-block;margin:4px 0}
.il-level-generic{background:#fde2e1;color:#7a1d16}.il-level-developing{background:#fff0c2;color:#5c4300}
.il-level-personalized{background:#dcf2e3;color:#0f5132}.il-level-exemplary{background:#cfe8ff;color:#0a3a6b}
.il-crit{list-style:none;padding:0;margin:6px 0}.il-crit li{margin:6px 0;padding:4px 8px;border-left:4px solid #d0d7de}
.il-crit li.il-pass{border-color:#2da44e}.il-crit li.il-fail{border-color:#cf222e}.il-crit li.il-na{border-color:#8c959f}
.il-st{font-weight:700;margin-right:4px}.il-pass .il-st{color:#1a7f37}.il-fail .il-st{color:#b42318}.il-na .il-st{color:#57606a}
.il-sugg{color:#374151}.il-warn{color:#7a4b00;background:#fff4d6;border-radius:6px;padding:4px 8px;margin:4px 0}
.il-count{font-family:ui-monospace,monospace}.il-count.il-over{color:#b42318;font-weight:700}
.il-table{border-collapse:collapse;font-size:.95em}.il-table th,.il-table td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
.il-simulated{display:inline-block;background:#3b3b3b;color:#fff;font-weight:700;border-radius:4px;padding:1px 6px;font-size:.85em;letter-spacing:.04em}
</style>"""

STATUS_WORDS = {"pass": "Pass", "fail": "Not yet", "n/a": "Not applicable"}
STATUS_ICON = {"pass": "\u2713", "fail": "\u2717", "n/a": "\u2013"}
LEVEL_WORDS = {
    "generic": "Generic",
    "developing": "Developing",
    "personalized": "Personalized",
    "exemplary": "Exemplary",
}


def initials(name: str) -> str:
    parts = [p for p in str(name or "?").split() if p[:1].isalpha()]
    return ("".join(p[0] for p in parts[:2]) or "?").upper()


def profile_card_html(profile, *, heading: str | None = None) -> str:
    """A recipient's (or sender's) profile card from their data, escaped."""
    if profile is None:
        return STYLE + '<div class="il-card"><em>No profile selected.</em></div>'
    name = str(get(profile, "name", "") or "")
    rows = "".join(
        f"<dt>{escape(label)}</dt><dd>{'<br>'.join(escape(v) for v in values)}</dd>"
        for label, values in profile_sections(profile)
        if values
    )
    head = f'<div class="il-sub"><strong>{escape(heading)}</strong></div>' if heading else ""
    headline = escape(str(get(profile, "headline", "") or ""))
    location = escape(str(get(profile, "location", "") or ""))
    return (
        STYLE
        + f'<div class="il-card" role="group" aria-label="Profile of {escape(name)}">{head}'
        + '<div class="il-head"><span class="il-avatar" aria-hidden="true">'
        + f"{escape(initials(name))}</span><div><h3>{escape(name)}</h3>"
        + f'<div class="il-sub">{headline}'
        + (f" &middot; {location}" if location else "")
        + f"</div></div></div><dl>{rows}</dl></div>"
    )


def counter_html(n_chars: int, limit: int) -> str:
    """The live character counter, e.g. '212 / 300 characters (88 left)'."""
    over = n_chars > limit
    rest = f"{n_chars - limit:,} over the limit" if over else f"{limit - n_chars:,} left"
    extra = ""
    if limit > 200 and n_chars > 200 and not over:
        extra = " &middot; over 200: a free account may not fit this"
    cls = "il-count il-over" if over else "il-count"
    return (
        f'<span class="{cls}" role="status" aria-live="polite">'
        f"{n_chars:,} / {limit} characters ({rest}){extra}</span>"
    )


def _valid_span(finding, length: int):
    span = getattr(finding, "span", None)
    if not span:
        return None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return None
    if 0 <= start < end <= length:
        return start, end
    return None


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts a word in two to the whole word, for display."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _short_title(finding) -> str:
    return str(getattr(finding, "title", "") or getattr(finding, "criterion", ""))


# one or two words per criterion, for the small tags after highlighted words
TAGS = {
    "greeting": "name",
    "self_intro": "about you",
    "specific_detail": "detail",
    "common_ground": "shared",
    "purpose": "purpose",
    "no_hard_ask": "ask",
    "length": "length",
    "not_template": "own words",
    "polite_close": "close",
    "tone": "tone",
}


def _tag(finding) -> str:
    criterion = str(getattr(finding, "criterion", ""))
    return TAGS.get(criterion) or _short_title(finding)


def highlight_html(text: str, findings, max_chars: int = MAX_SHOWN_CHARS) -> str:
    """The student's note, escaped, with each finding's evidence span in a <mark>.

    Evidence that passes is marked yellow, evidence of a problem red with a wavy underline; a
    small tag after each mark names the criterion, so colour is not the only cue.
    """
    if not text:
        return '<div class="il-note"><em>(empty note)</em></div>'
    shown = text[:max_chars]
    spans = []
    for f in findings:
        span = _valid_span(f, len(text))
        if span and span[0] < len(shown):
            start, end = _snap(shown, span[0], min(span[1], len(shown)))
            spans.append((start, end, f))
    cuts = sorted({0, len(shown)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [f for s, e, f in spans if s <= a and b <= e]
        seg = escape(shown[a:b])
        if cover:
            fail = any(getattr(f, "status", "") == "fail" for f in cover)
            names = ", ".join(_short_title(f) for f in cover)
            out.append(
                f'<mark class="{"il-fail" if fail else "il-pass"}" title="{escape(names)}">'
                f"{seg}</mark>"
            )
        else:
            out.append(seg)
        ending = [f for s, e, f in spans if e == b]
        if ending:
            tags = ", ".join(_tag(f) for f in ending)
            out.append(f'<sup class="il-tag">[{escape(tags)}]</sup>')
    more = ""
    if len(text) > len(shown):
        more = f"<br><em>&hellip; {len(text) - len(shown):,} more characters not shown</em>"
    return f'<div class="il-note">{"".join(out)}{more}</div>'


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around text[start:end]: from after the previous . ! ? or newline
    to the next one, inclusive."""
    a = start
    while a > 0 and not (text[a - 1] == "\n" or (text[a - 1] in ".!?" and (a >= len(text) or text[a].isspace()))):
        a -= 1
    b = end
    while b < len(text) and text[b] != "\n" and not (text[b] in ".!?" and (b + 1 >= len(text) or text[b + 1].isspace())):
        b += 1
    if b < len(text) and text[b] in ".!?":
        b += 1
    while a < start and text[a].isspace():
        a += 1
    return a, b


def _word_start(text: str, i: int, limit: int) -> int:
    """Move i right to the start of a whole word (never cutting one), at most to limit."""
    while i < limit and i > 0 and text[i - 1].isalnum() and text[i].isalnum():
        i += 1
    while i < limit and text[i].isspace():
        i += 1
    return i


def _word_end(text: str, i: int, limit: int) -> int:
    """Move i left to the end of a whole word (never cutting one), at least to limit."""
    while i > limit and i < len(text) and text[i - 1].isalnum() and text[i].isalnum():
        i -= 1
    while i > limit and text[i - 1].isspace():
        i -= 1
    return i


def snippet_html(text: str, finding, context: int = 40) -> str:
    """The words of the note around a finding's span, with the span in a <mark>.

    The snippet stays inside the sentence where the span starts and shows whole words only;
    an ellipsis marks where it was shortened.
    """
    span = _valid_span(finding, len(text))
    if not span:
        return ""
    s, e = _snap(text, *span)
    if any(c.isalnum() for c in text[s:e]):  # a span that starts with ". " starts at its words
        while s < e and not text[s].isalnum():
            s += 1
    sent_a, sent_b = _sentence_bounds(text, s, s + 1)
    mark_end = min(e, sent_b, s + 200)
    if mark_end < e:
        mark_end = max(_word_end(text, mark_end, s + 1), s + 1)
    a = s
    if s - sent_a > context:
        a = _word_start(text, s - context, s)
    else:
        a = sent_a
    b = mark_end
    if mark_end == e:
        b = sent_b if sent_b - e <= context else max(_word_end(text, e + context, e), e)
    cls = "il-fail" if getattr(finding, "status", "") == "fail" else "il-pass"
    return (
        '<span class="il-snip">'
        + ("&hellip;" if a > sent_a else "")
        + escape(text[a:s])
        + f'<mark class="{cls}">{escape(text[s:mark_end])}</mark>'
        + escape(text[mark_end:b])
        + ("&hellip;" if b < sent_b or mark_end < e else "")
        + "</span>"
    )


def level_html(result) -> str:
    level = str(result.level)
    words = LEVEL_WORDS.get(level, level.title())
    return (
        f'<div class="il-level il-level-{escape(level)}" role="status">'
        f"Level: <strong>{escape(words)}</strong> &middot; score {float(result.score):.0f}/100"
        f"</div>"
    )


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c\"])")
_QUOTED = re.compile(r"\u201c([^\u201d]+)\u201d")


def without_repeats(advice: str) -> str:
    """Advice with no sentence said twice and no example repeated.

    The engine's "next steps" joins the suggestions of several checks, which often give the
    same example ("For example: Dana posted ..."). A sentence is dropped when it repeats an
    earlier one, or when every quoted example in it is already shown by a fuller sentence.
    """
    sentences = [x.strip() for x in _SENTENCE_SPLIT.split(str(advice or "")) if x.strip()]
    quotes = [set(_QUOTED.findall(x)) if x.lower().startswith("for example") else set()
              for x in sentences]  # fmt: skip
    keep = []
    for i, sentence in enumerate(sentences):
        if any(sentence.lower() == sentences[j].lower() for j in keep):
            continue
        q = quotes[i]
        if q and any(j != i and q <= quotes[j] and (q < quotes[j] or j < i)
                     for j in range(len(sentences))):  # fmt: skip
            continue
        keep.append(i)
    return " ".join(sentences[i] for i in keep)


def next_steps_html(result) -> str:
    steps = without_repeats(str(getattr(result, "next_steps", "") or ""))
    return f'<p class="il-next"><strong>Next:</strong> {escape(steps)}</p>' if steps else ""


def warnings_html(result) -> str:
    return "".join(
        f'<div class="il-warn" role="note">{escape(str(w))}</div>'
        for w in getattr(result, "warnings", ()) or ()
    )


def finding_html(text: str, f, *, suggestions: bool = True) -> str:
    status = str(getattr(f, "status", ""))
    cls = {"pass": "il-pass", "fail": "il-fail"}.get(status, "il-na")
    snip = snippet_html(text, f)
    evidence = str(getattr(f, "evidence", "") or "")
    parts = [
        f'<li class="{cls}"><span class="il-st" aria-hidden="true">{STATUS_ICON.get(status, "?")}</span>',
        f"<strong>{escape(_short_title(f))}</strong>: {escape(STATUS_WORDS.get(status, status))}",
    ]
    if snip:
        parts.append(f"<br>In your note: {snip}")
    if evidence:
        parts.append(f"<br><span class=\"il-ev\">{escape(evidence)}</span>")
    sugg = str(getattr(f, "suggestion", "") or "")
    if suggestions and sugg and status == "fail":
        parts.append(f'<br><span class="il-sugg"><strong>Try:</strong> {escape(sugg)}</span>')
    parts.append("</li>")
    return "".join(parts)


def feedback_html(text: str, result, *, suggestions: bool = True) -> str:
    """Everything the student needs after an edit: level, next step, highlighted note, criteria."""
    findings = tuple(result.findings)
    empty = ""
    if not text.strip():
        empty = (
            '<p><em>Your note is empty. Sending an invitation with no note is what the quick '
            "Connect button does: the recipient sees only your name and headline. Write a few "
            "words below the profile to start.</em></p>"
        )
    items = "".join(finding_html(text, f, suggestions=suggestions) for f in findings)
    return (
        STYLE
        + '<div class="il-box">'
        + level_html(result)
        + next_steps_html(result)
        + warnings_html(result)
        + empty
        + "<div><strong>Your note, with the words that decided each check marked:</strong></div>"
        + highlight_html(text, findings)
        + f'<ul class="il-crit" aria-label="Checks">{items}</ul></div>'
    )


def table_html(header, rows, *, caption: str | None = None) -> str:
    """A small HTML table; every cell escaped."""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    head = "".join(f"<th scope=\"col\">{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f'<table class="il-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def received_invitation_html(sender, note: str | None) -> str:
    """What the recipient sees: the sender's name and headline, and the note if there is one."""
    name = str(get(sender, "name", "") or "A student")
    headline = str(get(sender, "headline", "") or "")
    if note:
        body = f'<div class="il-note">{escape(note)}</div>'
    else:
        body = (
            '<div class="il-note" style="color:#57606a"><em>(no message)</em></div>'
            f"<p>{escape(first_name(name))} sent no note. The recipient sees only a name, a "
            "headline and two buttons, and has to guess why you want to connect.</p>"
        )
    return (
        STYLE
        + '<div class="il-card" role="group" aria-label="Invitation as received">'
        + '<div class="il-sub"><strong>Invitations (1)</strong></div>'
        + f'<div class="il-head"><span class="il-avatar" aria-hidden="true">{escape(initials(name))}'
        + f"</span><div><h3>{escape(name)}</h3><div class=\"il-sub\">{escape(headline)}</div></div></div>"
        + body
        + '<div style="margin-top:8px"><span class="il-fake-btn" style="border:1px solid #8c959f;'
        + 'border-radius:14px;padding:2px 12px;margin-right:6px">Ignore</span>'
        + '<span class="il-fake-btn" style="border:1px solid #0a3a6b;border-radius:14px;'
        + 'padding:2px 12px;background:#0a3a6b;color:#fff">Accept</span></div></div>'
    )
