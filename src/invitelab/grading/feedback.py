"""One readable HTML feedback page per submission. Every piece of student text is escaped."""
from __future__ import annotations

from html import escape

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem;margin-bottom:.2rem}.sub{color:#555;margin-top:0}
.total{font-size:1.25rem;font-weight:600;padding:.6rem .9rem;background:#eef4fb;border-radius:6px}
section{border-top:1px solid #ddd;padding:.4rem 0 .8rem}
h2{font-size:1.1rem;display:flex;justify-content:space-between;gap:1rem}
.pts{font-variant-numeric:tabular-nums;white-space:nowrap}
blockquote{margin:.5rem 0;padding:.5rem .8rem;background:#f6f6f6;border-left:4px solid #999;white-space:pre-wrap}
ul{padding-left:1.2rem;margin:.3rem 0}.pass{color:#1a6b2f}.fail{color:#a3161a}.na{color:#666}
.next{background:#fff8e1;padding:.4rem .7rem;border-radius:4px}
.notes{background:#fbeaea;padding:.5rem .8rem;border-radius:4px}
.missing{color:#a3161a}
"""


SHOWN_CHARACTERS = 5000  # a longer answer is cut in the feedback page (it is graded whole)


def _shown(text: str) -> str:
    """The text as the page shows it, escaped; a very long one is cut and says so."""
    if len(text) <= SHOWN_CHARACTERS:
        return escape(text)
    return (escape(text[:SHOWN_CHARACTERS]) + f" … ({len(text) - SHOWN_CHARACTERS:,} more characters "
            "not shown here)")


def _pts(x) -> str:
    return "" if x is None else f"{x:g}"


def _invitation(label: str, text: str, result) -> str:
    marks = {"pass": ("pass", "✓"), "fail": ("fail", "✗"), "n/a": ("na", "–")}
    items = []
    for f in result.findings:
        cls, sign = marks.get(f.status, ("na", "?"))
        line = f'<li class="{cls}">{sign} <strong>{escape(f.title)}</strong>: {escape(f.evidence or "")}'
        if f.status == "fail" and f.suggestion:
            line += f"<br>→ {escape(f.suggestion)}"
        items.append(line + "</li>")
    warnings = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
    return (f"<p>Your note ({escape(label)}), {len(text)} characters:</p><blockquote>{_shown(text)}</blockquote>"
            f"<p>Level <strong>{escape(result.level)}</strong>, score {result.score:.0f}/100.</p>"
            f"<ul>{''.join(items)}</ul>" + (f"<ul>{warnings}</ul>" if warnings else "")
            + f'<p class="next"><strong>Next:</strong> {escape(result.next_steps)}</p>')


def _value(answer) -> str:
    if answer is None or answer.blank:
        return ""
    value = answer.value
    text = value if isinstance(value, str) else repr(value)
    return f"<p>Your answer:</p><blockquote>{_shown(text)}</blockquote>"


ENGINE_KINDS = ("levels", "criteria", "invitation", "criterion")  # the answers the rubric engine judges


def rubric_sentence(rubric_file: str = "", exercise=None) -> str:
    """Which rubric judged the answers, as the student reads it."""
    if exercise is not None and not any(q.kind in ENGINE_KINDS for q in exercise.questions):
        return "Graded against your instructor's answer key (the rubric does not change these points)."
    if rubric_file:
        return (f"Scored with your instructor's rubric ({rubric_file}), not the kit's default one: its weights "
                "and character limit may differ from the book's.")
    return "Scored with the InviteLab default rubric, the one the book describes."


def feedback_html(row, exercise, rubric_file: str = "") -> str:
    sub = row.sub
    title = f"{exercise.title}: feedback for {sub.student}"
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{STYLE}</style></head><body>",
             f"<h1>{escape(exercise.title)}</h1><p class=\"sub\">Feedback for {escape(sub.student)} "
             f"· file {escape(sub.file)} · rubric: {escape(rubric_file or 'InviteLab default')}</p>"]
    if row.total is None:
        parts.append(f'<p class="total">Not graded: {escape("; ".join(row.messages))}</p>')
        parts.append("<p>Please submit your notebook again (the .ipynb file, saved from Jupyter), "
                     "or ask your instructor.</p></body></html>")
        return "".join(parts) + "\n"
    manual = f" (plus up to {exercise.manual_points:g} points graded by your instructor)" if exercise.manual_points else ""
    parts.append(f'<p class="total">{_pts(row.total)} of {_pts(exercise.max_points)} points{escape(manual)}</p>')
    notes = [m for m in row.messages if not m.startswith("did not answer")]  # each question's section says it
    if notes:
        parts.append('<div class="notes"><strong>Notes from the grader</strong><ul>'
                     + "".join(f"<li>{escape(m)}</li>" for m in notes) + "</ul></div>")
    for mark in row.marks:
        q = exercise.question(mark.question)
        head = f"{_pts(mark.points)} / {_pts(mark.max)}" if mark.points is not None else f"graded by hand / {_pts(mark.max)}"
        parts.append(f'<section><h2><span>{escape(q.prompt or q.id)} <small>({escape(q.id)})</small></span><span class="pts">{head}</span></h2>')
        answer = row.answers.get(q.id)
        if mark.unanswered:
            parts.append(f'<p class="missing"><strong>{escape(mark.lines[0] if mark.lines else "Not answered.")}'
                         "</strong></p>")
            parts.append("</section>")
            continue
        if mark.results:
            parts += [_invitation(label, text, result) for label, text, result in mark.results]
        else:
            parts.append(_value(answer))
        if mark.lines and not mark.results:
            parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in mark.lines) + "</ul>")
        parts.append("</section>")
    parts.append(f"<p class=\"sub\">{escape(rubric_sentence(rubric_file, exercise))} The checker is a helper, not a judge: "
                 "talk to your instructor about any mark you think is wrong.</p></body></html>")
    return "".join(parts) + "\n"
