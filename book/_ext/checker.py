"""Sphinx extension for the InviteLab book: the live invitation checker, and honest snapshots.

The checker runs the real ``invitelab`` engine in the reader's browser with Pyodide (vendored in
``book/_vendor/pyodide/``, see ``book/_vendor/update_pyodide.py``). This extension:

- adds the ``invitation-checker`` directive (MyST: ``:::{invitation-checker}``), with options
  ``:mode:`` (``full``, ``studio`` or ``gym``), ``:recipient:`` and ``:sender:`` (profile ids);
- at every build, writes ``_static/checker/engine.js`` (the engine's source, collected from
  ``src/invitelab`` by ``invitelab.browser.bundle``, so the browser can never run an old copy) and
  ``_static/checker/profiles.js`` (``data/profiles.json``, for the pickers and profile cards);
- on notebook pages (keyed by docname, without editing the notebooks): puts a visible admonition
  at the top saying which controls are live and which are a snapshot, and how to open the real
  notebook; replaces the interactive cell of the pages in ``LIVE_PAGES`` with the live checker;
  and marks every other frozen widget as a snapshot, right above it;
- adds the checker's script and stylesheet only to pages that show a checker.
"""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MARKER = 'class="ilc-checker"'
STUDIO_PAGE = "notebooks/invitation-studio"
CHECKER_PAGE = "checker"
# Notebook pages whose interactive cell the live checker replaces: docname -> (the call in the
# cell's source that marks it, the checker's mode). Other notebook pages keep snapshots.
LIVE_PAGES = {
    "notebooks/invitation-studio": ("widgets.studio(", "studio"),
    "notebooks/rewrite-gym": ("widgets.rewrite_gym(", "gym"),
}
MODES = ("full", "studio", "gym")
DEFAULT_RECIPIENT = "dana-whitfield"
DEFAULT_SENDER = "alex-rivera"


# --- data from the package (build time) ----------------------------------------------------

def _kit_profiles() -> list[dict]:
    from invitelab import kitdata

    return json.loads(Path(kitdata.profiles_path()).read_text(encoding="utf-8"))


def _gym_exercises(recipient_ids: list[str]) -> tuple[list[dict], dict]:
    """The rewrite gym's generic notes (from the gym itself, so they stay the same) and the order
    in which its hints address failing checks."""
    from invitelab import CRITERION_IDS
    from invitelab.widgets import gym

    # the notebook gym's own hint order (gym.hint_order), as data: for a generic note, then for
    # any other, the groups of checks most important first; within a group, the template first
    # and then the heavier check (checker.js follows the same rule on the engine's findings)
    order = {"generic": [list(gym.LIFT_FROM_GENERIC), list(gym.HARD_RULES), list(gym.CORE),
                         list(gym.EXTRAS)],
             "other": [list(gym.HARD_RULES), list(gym.CORE), list(gym.LIFT_FROM_GENERIC),
                       list(gym.EXTRAS)],
             "ids": list(CRITERION_IDS)}
    out = []
    for i, exercise in enumerate(gym.EXERCISES):
        recipient = getattr(exercise, "recipient_id", None) or \
            recipient_ids[i % len(recipient_ids)]
        out.append({"number": getattr(exercise, "number", i + 1),
                    "text": exercise.generic_text,
                    "why": getattr(exercise, "why_generic", ""),
                    "recipient": recipient})
    return out, order


def _criterion_why() -> dict:
    """Why each check matters (the criteria's own words), for the gym's first hint."""
    from invitelab import CRITERIA

    return {c.id: str(getattr(c, "why", "") or "") for c in CRITERIA}


def _level_bands() -> list[list]:
    """[level, low, high, fill, ink] for each level, low to high: the rubric's score bands (the
    notebook studio's drafts chart draws the same ones), so the live drafts chart shows that a
    note's level decides its band and a hard ask cannot outscore a personalized note."""
    from invitelab import LEVELS
    from invitelab.widgets.charts import BAND_COLORS, LEVEL_COLORS, score_bands

    bands = score_bands()
    return [[lv, bands[lv][0], bands[lv][1], BAND_COLORS[lv], LEVEL_COLORS[lv]] for lv in LEVELS]


def _drafts_columns() -> list[str]:
    """The drafts file's columns: the notebook studio's (one list, in invitelab.widgets.drafts),
    so the live checker and the notebook write the same file."""
    from invitelab.widgets.drafts import CSV_COLUMNS

    return list(CSV_COLUMNS)


# --- the checker's HTML ----------------------------------------------------------------------

def _options(people: list[dict], selected: str, extra: tuple[str, str] | None) -> str:
    html = []
    for p in people:
        pid, name = str(p.get("id", "")), str(p.get("name", ""))
        label = name + (f": {p['headline']}" if p.get("headline") else "")
        sel = " selected" if pid == selected else ""
        html.append(f'<option value="{escape(pid)}"{sel}>{escape(label)}</option>')
    if extra:
        sel = " selected" if selected == extra[0] else ""
        html.append(f'<option value="{escape(extra[0])}"{sel}>{escape(extra[1])}</option>')
    return "".join(html)


def checker_html(uid: str, mode: str, recipient: str, sender: str, people: list[dict],
                 fallback_href: str, fallback_text: str, exercises: list[dict] | None = None,
                 hint_order: dict | None = None) -> str:
    """The checker's markup: plain, labelled form controls; checker.js brings them to life."""
    recipients = [p for p in people if p.get("kind") == "recipient"] or \
        [p for p in people if p.get("kind") != "sender"]
    senders = [p for p in people if p.get("kind") == "sender"]
    data = {"mode": mode, "fallbackHref": fallback_href, "fallbackText": fallback_text}
    if exercises:
        data["exercises"] = exercises
        data["hintOrder"] = hint_order or {}
        data["why"] = _criterion_why()
    data["csvColumns"] = _drafts_columns()
    data["bands"] = _level_bands()
    gym = ""
    if mode == "gym" and exercises:
        opts = "".join(
            f'<option value="{i}">{escape(str(e["number"]))}. {escape(e["text"][:60])}'
            f'{"..." if len(e["text"]) > 60 else ""}</option>' for i, e in enumerate(exercises))
        gym = (f'<div class="ilc-field"><label for="{uid}-exercise">Exercise</label>'
               f'<select id="{uid}-exercise" class="ilc-exercise">{opts}</select></div>'
               f'<div class="ilc-before" aria-live="polite"></div>')
    to_options = _options(recipients, recipient, ("", "Someone not in the kit (no profile)"))
    from_options = _options(senders, sender,
                            ("", "Describe yourself (no persona: shared facts are not checked)"))
    gym_buttons = ('<button type="button" class="ilc-hint">Show hint</button>'
                   '<button type="button" class="ilc-reset">Start this exercise again</button>'
                   if mode == "gym" else "")
    heading = {"full": "Check your invitation", "studio": "Your turn: write and check a note",
               "gym": "Rewrite it: the live gym"}[mode]
    return f"""
<section class="ilc-checker" id="{uid}" aria-labelledby="{uid}-h"
 data-config="{escape(json.dumps(data, ensure_ascii=False))}">
<h2 class="ilc-h" id="{uid}-h">{escape(heading)}</h2>
<p class="ilc-privacy">Runs in your browser, also offline: nothing you type leaves this page.</p>
<p class="ilc-status" id="{uid}-status" role="status">The checker needs JavaScript; without it,
use the notebook: <a href="{escape(fallback_href)}">{escape(fallback_text)}</a>.</p>
{gym}
<div class="ilc-pickers">
<div class="ilc-field"><label for="{uid}-to">Writing to</label>
<select id="{uid}-to" class="ilc-to">{to_options}</select></div>
<div class="ilc-field"><label for="{uid}-from">You are</label>
<select id="{uid}-from" class="ilc-from">{from_options}</select></div>
</div>
<div class="ilc-field ilc-describe-field" hidden><label for="{uid}-describe">Describe yourself in a
sentence (optional; it stays in this page)</label>
<input type="text" id="{uid}-describe" class="ilc-describe" maxlength="200"
 placeholder="e.g. a second-year biology student at Ohio State"></div>
<div class="ilc-card" id="{uid}-card"></div>
<div class="ilc-field"><label for="{uid}-text">Your invitation</label>
<textarea id="{uid}-text" class="ilc-text" rows="6" spellcheck="true"
 aria-describedby="{uid}-count"></textarea></div>
<div class="ilc-row">
<p class="ilc-count" id="{uid}-count">0 / 300 characters (300 left)</p>
<label class="ilc-free"><input type="checkbox" class="ilc-limit200"> Free account: 200-character
limit</label>
</div>
<div class="ilc-buttons">
<button type="button" class="ilc-save">Save draft</button>
{gym_buttons}
</div>
<div class="ilc-hints" aria-live="polite"></div>
<p class="ilc-announce ilc-visually-hidden" role="status" aria-live="polite" aria-atomic="true"></p>
<div class="ilc-feedback" id="{uid}-feedback" role="region" aria-label="Feedback on your invitation"></div>
<div class="ilc-history">
<h3 class="ilc-h3">Your drafts <span class="ilc-small">(kept in this browser only)</span></h3>
<div class="ilc-chart"></div>
<ol class="ilc-drafts"></ol>
<div class="ilc-field ilc-student-field"><label for="{uid}-student">Your name or student id
(asked once, for the file you hand in; it stays in this browser)</label>
<input type="text" id="{uid}-student" class="ilc-student" maxlength="80" autocomplete="name"
 placeholder="e.g. Alex Rivera"></div>
<div class="ilc-buttons"><button type="button" class="ilc-download">Download my drafts (CSV)</button>
<button type="button" class="ilc-clear">Clear my saved drafts</button></div>
<p class="ilc-download-note ilc-small" role="status" aria-live="polite"></p>
</div>
</section>
"""


class InvitationChecker(SphinxDirective):
    """``:::{invitation-checker}`` with optional ``:mode:``, ``:recipient:``, ``:sender:``."""

    has_content = False
    option_spec = {"mode": lambda a: directives.choice(a, MODES),
                   "recipient": directives.unchanged, "sender": directives.unchanged}

    def run(self):
        node = make_checker_node(self.env.app, self.env.docname, self.options.get("mode", "full"),
                                 self.options.get("recipient", DEFAULT_RECIPIENT),
                                 self.options.get("sender", DEFAULT_SENDER),
                                 location=self.get_location())
        return [node]


def make_checker_node(app, docname: str, mode: str, recipient: str, sender: str,
                      location=None) -> nodes.raw:
    people = _kit_profiles()
    ids = {str(p.get("id")) for p in people}
    for pid in (recipient, sender):
        if pid and pid not in ids:
            logger.warning(f"invitation-checker: no profile {pid!r} in data/profiles.json",
                           location=location)
    exercises = order = None
    if mode == "gym":
        recipient_ids = [str(p["id"]) for p in people if p.get("kind") == "recipient"]
        try:
            exercises, order = _gym_exercises(recipient_ids)
        except (ImportError, AttributeError) as err:
            logger.warning(f"invitation-checker: cannot read the rewrite gym's exercises "
                           f"from invitelab.widgets.gym ({err})", location=location)
            exercises = []
    if docname == STUDIO_PAGE:
        fallback_href, fallback_text = "#", "the launch button at the top of this page"
    else:
        fallback_href = app.builder.get_relative_uri(docname, STUDIO_PAGE)
        fallback_text = "the Invitation studio notebook"
    uid = f"ilc-checker-{app.env.new_serialno('ilc-checker')}"
    html = checker_html(uid, mode, recipient, sender, people, fallback_href, fallback_text,
                        exercises, order)
    return nodes.raw("", html, format="html")


# --- notebook pages ---------------------------------------------------------------------------

def _widget_cells(doctree) -> list[nodes.container]:
    cells = []
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") != "cell_code":
            continue
        if any(WIDGET_VIEW in raw.astext() for raw in cell.findall(nodes.raw)):
            cells.append(cell)
    return cells


def _cell_source(cell) -> str:
    return "".join(b.astext() for b in cell.findall(nodes.literal_block)
                   if b.parent is not None and b.parent.get("nb_element") == "cell_code_source")


def _paragraph(*parts) -> nodes.paragraph:
    para = nodes.paragraph()
    for part in parts:
        para += part if isinstance(part, nodes.Node) else nodes.Text(part)
    return para


def _top_admonition(notebook: str, live: bool, checker_uri: str,
                    frozen_left: bool = False, has_controls: bool = True) -> nodes.admonition:
    box = nodes.admonition(classes=["ilc-snapshot-note", "important"])
    if live:
        box += nodes.title("", "Live in the book: the checker on this page")
        box += _paragraph(
            "The checker under ", nodes.emphasis("", "Your turn"),
            " runs the real InviteLab engine in your browser, offline, and updates as you type; "
            "nothing you type leaves the page. It is the notebook's main exercise; the notebook "
            "itself has a few more controls.")
        if frozen_left:
            box += _paragraph("Other controls on this page are a ", nodes.strong("", "snapshot"),
                              " of the notebook: they do not respond here.")
    elif not has_controls:  # an exercise or the dashboard: code and outputs, no controls
        box += nodes.title("", "Snapshot: this page shows the notebook as it was last run")
        box += _paragraph(
            "Its code does not run here: to run it with your own answers or files, open the "
            "live notebook. To practise writing a note right here, use the ",
            nodes.reference("", "Invitation checker", refuri=checker_uri),
            ", which runs live in the book.")
    else:
        box += nodes.title("", "Snapshot: the controls on this page do not respond")
        box += _paragraph(
            "This page shows the notebook as it was last run. Its buttons, menus and charts are a ",
            nodes.strong("", "snapshot"),
            ": clicking them changes nothing here, whatever the text around them says. "
            "To use them, open the live notebook. To practise writing a note right here, use the ",
            nodes.reference("", "Invitation checker", refuri=checker_uri),
            ", which runs live in the book.")
    box += _paragraph(
        "To open the live notebook: use the launch button (the rocket icon at the top of this "
        "page; your instructor sets up the JupyterHub one), or on your own computer run ",
        nodes.literal("", f".venv/bin/jupyter lab {notebook}"),
        " in the kit's folder (see the README), then ", nodes.emphasis("", "Run All"), ".")
    return box


def _snapshot_caption() -> nodes.paragraph:
    para = _paragraph(nodes.strong("", "Snapshot:"),
                      " the control below does not respond in the book; open the live notebook "
                      "(see the box at the top of the page) to use it.")
    para["classes"].append("ilc-snapshot-caption")
    return para


def _drop_widget_scripts(app, docname: str) -> None:
    """No frozen widget is left on the page: myst-nb need not load the widget manager there.
    (myst-nb keeps a page's scripts in env.nb_metadata[docname]["js_files"], keys ipywidgets_*;
    the environment is saved before pages are written, so this changes this build's page only.)"""
    js_files = getattr(app.env, "nb_metadata", {}).get(docname, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets_")]:
        del js_files[key]


def on_doctree_resolved(app, doctree, docname: str) -> None:
    if Path(app.env.doc2path(docname)).suffix != ".ipynb":
        return
    # the notebook's path in the kit's folder: book/notebooks and book/exercises are links to
    # the repository's notebooks/ and exercises/, so the page's name is that path
    notebook = docname + ".ipynb"
    live = LIVE_PAGES.get(docname)
    cells = _widget_cells(doctree)
    replaced = None
    if live:
        call, mode = live
        matches = [c for c in cells if call in _cell_source(c)]
        if not matches:
            logger.warning(f"{docname}: no widget cell calls {call!r}, so the live checker has "
                           f"nothing to replace (update LIVE_PAGES in book/_ext/checker.py)")
        else:
            replaced = matches[-1]
            replaced.replace_self(make_checker_node(app, docname, mode, DEFAULT_RECIPIENT,
                                                    DEFAULT_SENDER))
    for cell in cells:
        if cell is not replaced:
            cell.parent.insert(cell.parent.index(cell), _snapshot_caption())
    if replaced is not None and len(cells) == 1:
        _drop_widget_scripts(app, docname)
    section = doctree.next_node(nodes.section)
    if section is not None:
        title_at = 1 if section.children and isinstance(section[0], nodes.title) else 0
        section.insert(title_at, _top_admonition(
            notebook, replaced is not None, app.builder.get_relative_uri(docname, CHECKER_PAGE),
            frozen_left=len(cells) > (1 if replaced is not None else 0),
            has_controls=bool(cells)))


# --- assets -----------------------------------------------------------------------------------

def on_page_context(app, pagename, templatename, context, doctree) -> None:
    if MARKER in context.get("body", ""):
        app.add_css_file("checker/checker.css")
        app.add_js_file("checker/profiles.js")
        app.add_js_file("checker/checker.js")


def on_build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from invitelab import kitdata
    from invitelab.browser import bundle

    out = Path(app.outdir) / "_static" / "checker"
    out.mkdir(parents=True, exist_ok=True)
    # Sphinx copies static files only when some page is rewritten; copy the checker's own
    # script and stylesheet every time, so that editing them alone shows on the next build.
    for asset in (Path(app.srcdir) / "_vendor" / "checker").glob("*.*"):
        shutil.copyfile(asset, out / asset.name)
    try:
        script, summary = bundle.engine_script()
        (out / "engine.js").write_text(script, encoding="utf-8")
        (out / "profiles.js").write_text(bundle.profiles_script(kitdata.profiles_path()),
                                         encoding="utf-8")
    except bundle.BundleError as err:
        logger.warning(f"invitation checker: {err}")
        return
    logger.info(f"invitation checker: engine bundle of {summary['files']} files "
                f"({summary['bytes'] / 1000:.0f} kB, digest {summary['digest']})")


def _env_version() -> int:
    """A number that changes whenever this extension or the package it embeds changes.

    The pages carry configuration computed from ``invitelab`` at build time (the level bands, the
    gym's notes and hint order); Sphinx re-reads every page when an extension's ``env_version``
    changes, so an incremental build never keeps a page built with an older engine.
    """
    import zlib

    import invitelab

    package = Path(invitelab.__file__).parent
    crc = zlib.crc32(Path(__file__).read_bytes())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
            crc = zlib.crc32(path.read_bytes(), crc)
    return crc


def setup(app):
    app.add_directive("invitation-checker", InvitationChecker)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": _env_version()}
