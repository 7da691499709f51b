"""The workshop's forms (``forms.toml``): the self-assessment, the feedback form and the notes
form, shown in the facilitator guide and exported for form tools.

- :func:`form_html`: a form's questions as HTML for the book (escaped).
- :func:`apps_script`: a Google Apps Script that creates the forms in Google Forms (paste it at
  script.google.com, press Run; the log prints each form's link).
- :func:`qualtrics_txt`: a Qualtrics "Advanced format" TXT file (Survey, Tools, Import/Export,
  Import survey).
- :func:`write_imports`: both files for every form into a folder (``invitelab forms -o DIR``).

All three come from the same data, so the printed handout (``invitelab handouts``), the guide
and the online form ask the same questions with the same ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from . import read_toml

DEFAULT_PATH = Path(__file__).with_name("forms.toml")
KINDS = ("scale", "yes_no", "choice", "text", "short_text")
#: the forms, in the order a workshop uses them
FORM_NAMES = ("self_assessment", "notes", "feedback")

__all__ = ["Form", "FormError", "Question", "apps_script", "form_html", "load", "qualtrics_txt", "write_imports"]


class FormError(ValueError):
    """forms.toml is missing, malformed, or names an unknown form or question kind."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    name: str
    title: str
    instructions: str
    scale_low: str
    scale_high: str
    questions: tuple[Question, ...]

    def choices(self, q: Question) -> tuple[str, ...]:
        """The answers a respondent picks from (empty for free text)."""
        if q.kind == "scale":
            return tuple(str(i) for i in range(1, 6))
        if q.kind == "yes_no":
            return ("Yes", "No")
        return q.options


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: int) -> dict[str, Form]:
    data = read_toml(path, FormError)
    forms = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            continue
        where = f"{Path(path).name}: [{name}]"
        questions = []
        ids = set()
        for i, q in enumerate(table.get("questions") or [], start=1):
            qid, text, kind = q.get("id"), q.get("text"), q.get("kind")
            if not isinstance(qid, str) or not qid or not isinstance(text, str) or not text.strip():
                raise FormError(f"{where} question {i}: needs an id and a text")
            if kind not in KINDS:
                raise FormError(f"{where} question {qid!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
            if qid in ids:
                raise FormError(f"{where}: question id {qid!r} appears twice")
            ids.add(qid)
            options = tuple(str(o) for o in q.get("options") or ())
            if kind == "choice" and len(options) < 2:
                raise FormError(f"{where} question {qid!r}: a choice needs at least two options")
            questions.append(Question(qid, text.strip(), kind, options))
        if not questions:
            raise FormError(f"{where}: no questions")
        forms[name] = Form(
            name=name,
            title=str(table.get("title") or name),
            instructions=str(table.get("instructions") or ""),
            scale_low=str(table.get("scale_low") or "1"),
            scale_high=str(table.get("scale_high") or "5"),
            questions=tuple(questions),
        )
    return forms


def _load(path: str):
    """Cached by the file's modification time, so an edited file is read again."""
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(path, mtime)


def load(path: str | Path | None = None) -> dict[str, Form]:
    """Every form in forms.toml, name -> :class:`Form`."""
    return dict(_load(str(path or DEFAULT_PATH)))


def get(name: str, path: str | Path | None = None) -> Form:
    forms = load(path)
    if name not in forms:
        raise FormError(f"unknown form {name!r} (forms: {', '.join(forms)})")
    return forms[name]


# ---------------------------------------------------------------------------------------------
# HTML for the guide

STYLE = """<style>
.wk-form{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;line-height:1.45;
 max-width:820px;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;background:#fff}
.wk-form .wk-form-title{margin:2px 0 6px;font-weight:700;font-size:1.05em}.wk-form ol{padding-left:1.4em}.wk-form li{margin:8px 0}
.wk-form .wk-answer{color:#4b5563;font-size:.92em;margin-top:2px}
.wk-form code{font-size:.85em}
</style>"""


def _answer_text(form: Form, q: Question) -> str:
    if q.kind == "scale":
        return f"Scale 1 ({form.scale_low}) to 5 ({form.scale_high})"
    if q.kind == "yes_no":
        return "Yes / No"
    if q.kind == "choice":
        return "One of: " + " / ".join(q.options)
    if q.kind == "short_text":
        return "A short answer"
    return "Free text"


def form_html(name: str, path: str | Path | None = None, *, show_ids: bool = True) -> str:
    """A form's title, instructions and questions, each with how it is answered (and its id,
    which is the column name the dashboard and the handouts use)."""
    form = get(name, path)
    items = "".join(
        f"<li>{escape(q.text)}"
        f'<div class="wk-answer">{escape(_answer_text(form, q))}'
        + (f" &middot; id <code>{escape(q.id)}</code>" if show_ids else "")
        + "</div></li>"
        for q in form.questions
    )
    return (
        STYLE
        + f'<div class="wk-form" role="group" aria-label="{escape(form.title)}">'
        + f'<p class="wk-form-title">{escape(form.title)}</p>'
        + (f"<p>{escape(form.instructions)}</p>" if form.instructions else "")
        + f"<ol>{items}</ol></div>"
    )


# ---------------------------------------------------------------------------------------------
# Google Apps Script


def _js(value: str) -> str:
    # JSON is valid JavaScript; "</" is broken so the text is safe even pasted into HTML.
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _apps_script_function(form: Form) -> str:
    fn = "create_" + form.name
    lines = [
        f"function {fn}() {{",
        f"  var form = FormApp.create({_js(form.title)});",
        f"  form.setDescription({_js(form.instructions)});",
        "  form.setCollectEmail(false);",
        "  form.setAllowResponseEdits(false);",
    ]
    for q in form.questions:
        title = _js(q.text)
        if q.kind == "scale":
            lines.append(
                f"  form.addScaleItem().setTitle({title}).setBounds(1, 5)"
                f".setLabels({_js(form.scale_low)}, {_js(form.scale_high)});"
            )
        elif q.kind in ("choice", "yes_no"):
            values = ", ".join(_js(c) for c in form.choices(q))
            lines.append(f"  form.addMultipleChoiceItem().setTitle({title}).setChoiceValues([{values}]);")
        elif q.kind == "short_text":
            lines.append(f"  form.addTextItem().setTitle({title});")
        else:
            lines.append(f"  form.addParagraphTextItem().setTitle({title});")
    lines += [
        f"  Logger.log({_js(form.title + ': link for students: ')} + form.getPublishedUrl());",
        f"  Logger.log({_js(form.title + ': edit it here: ')} + form.getEditUrl());",
        "  return form;",
        "}",
    ]
    return "\n".join(lines)


def apps_script(names=FORM_NAMES, path: str | Path | None = None) -> str:
    """A Google Apps Script that creates the named forms in the user's Google Drive."""
    forms = [get(n, path) for n in names]
    header = (
        "// InviteLab workshop forms for Google Forms, generated from forms.toml by\n"
        "// `invitelab forms -o DIR`. Do not edit by hand: edit forms.toml and generate again.\n"
        "//\n"
        "// How to use it (about 3 minutes, no programming):\n"
        "//  1. Open https://script.google.com and click New project.\n"
        "//  2. Delete what is in the editor, paste this whole file, and click Save.\n"
        "//  3. Choose createAllForms in the list next to Run, then click Run.\n"
        "//  4. The first time, Google asks you to allow the script to manage your forms: allow it.\n"
        "//  5. Open the Execution log: it lists each form's link for students and its edit link.\n"
        "//     The forms are in your Google Drive too. Responses, Link to Sheets, then\n"
        "//     File, Download, CSV gives the file the class dashboard reads.\n"
    )
    body = "\n\n".join(_apps_script_function(f) for f in forms)
    calls = "\n".join(f"  create_{f.name}();" for f in forms)
    return f"{header}\nfunction createAllForms() {{\n{calls}\n}}\n\n{body}\n"


# ---------------------------------------------------------------------------------------------
# Qualtrics "Advanced format" TXT


def _one_line(text: str) -> str:
    return " ".join(text.split())


def qualtrics_txt(names=FORM_NAMES, path: str | Path | None = None) -> str:
    """A Qualtrics Advanced-format survey with one block per form (Import survey, choose the
    .txt file)."""
    out = ["[[AdvancedFormat]]", ""]
    for name in names:
        form = get(name, path)
        out += [f"[[Block:{form.name.replace('_', ' ').capitalize()}]]", ""]
        if form.instructions:
            out += ["[[Question:DB]]", f"[[ID:{form.name}_intro]]", _one_line(form.instructions), ""]
        for q in form.questions:
            qid = f"{form.name}_{q.id}"
            if q.kind in ("scale", "choice", "yes_no"):
                layout = "Horizontal" if q.kind == "scale" else "Vertical"
                out += [f"[[Question:MC:SingleAnswer:{layout}]]", f"[[ID:{qid}]]", _one_line(q.text), "[[Choices]]"]
                choices = list(form.choices(q))
                if q.kind == "scale":
                    choices[0] = f"1 {form.scale_low}"
                    choices[-1] = f"5 {form.scale_high}"
                out += [_one_line(c) for c in choices]
            elif q.kind == "short_text":
                out += ["[[Question:TE:SingleLine]]", f"[[ID:{qid}]]", _one_line(q.text)]
            else:
                out += ["[[Question:TE:Essay]]", f"[[ID:{qid}]]", _one_line(q.text)]
            out.append("")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_imports(directory: str | Path, path: str | Path | None = None) -> list[Path]:
    """Write ``invitelab-forms.gs`` (Google Forms) and ``invitelab-forms-qualtrics.txt`` into
    ``directory`` (created if needed); return the paths written."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for filename, text in (
            ("invitelab-forms.gs", apps_script(path=path)),
            ("invitelab-forms-qualtrics.txt", qualtrics_txt(path=path)),
        ):
            target = out / filename
            target.write_text(text, encoding="utf-8")
            written.append(target)
    except OSError as error:
        raise FormError(f"{out}: cannot write the form files ({error.strerror or error})") from None
    return written
