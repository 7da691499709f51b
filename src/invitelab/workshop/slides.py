"""Build the workshop's slide deck: `invitelab slides -o DIR [--pdf]`.

The words live in ``slides.toml`` (one idea a slide, with speaker notes); the drawn mock-ups in
``book/figures/``; reveal.js 6 is vendored in ``vendor/reveal.js`` (no npm, no CDN). The output
folder is self-contained: copy it to a USB stick and open ``index.html`` from disk, offline.
Before/after examples are scored by the engine when the deck is built. ``--pdf`` prints the deck
with headless Chromium (reveal.js's ``?print-pdf`` view) for a room that only has PowerPoint.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .. import kitdata, score

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "slides.toml"
VENDOR = HERE / "vendor" / "reveal.js"
CSS = HERE / "slides.css"
CHROMIUM = os.environ.get("INVITELAB_CHROMIUM", "/usr/bin/chromium")
# Where else a Chromium-family browser usually is, for --pdf on a laptop without Debian's chromium
# (an advisor's Mac or Windows machine with Chrome or Edge): names on PATH, then the usual folders.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
                 "microsoft-edge", "msedge")
BROWSER_PATHS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                 "/Applications/Chromium.app/Contents/MacOS/Chromium",
                 "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                 r"C:\Program Files\Google\Chrome\Application\chrome.exe",
                 r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe")
NO_BROWSER = ("--pdf needs Chrome, Chromium or Edge, and none was found (install one, or set "
              "INVITELAB_CHROMIUM to its program); the HTML deck was written: to make the PDF by hand, "
              "open index.html?print-pdf in Chrome and print it to PDF")


def find_browser() -> str | None:
    """The Chromium-family browser --pdf prints with: INVITELAB_CHROMIUM (or Debian's
    /usr/bin/chromium) when it exists, else the first of BROWSER_NAMES on PATH, else BROWSER_PATHS."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("INVITELAB_CHROMIUM"):
        return None  # the user named one that is not there: say so rather than pick another
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in BROWSER_PATHS if Path(path).exists()), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTH, HEIGHT = 1280, 720
NO_FORM_LINK = "the link your facilitator shares"


def activity_note(activity_id: str) -> str:
    """The speaker-note line of the slide where a run-sheet activity starts: its name and, for each
    plan, its minutes and clock times, from activities.toml (the one source of the workshop's minutes)."""
    from . import activities

    try:
        activity = activities.get(activity_id)
    except (KeyError, activities.ActivitiesError) as error:
        raise SlidesError(f"slide activity: {error.args[0] if error.args else error}") from None
    order = [a.id for a in activities.load()]
    parts = []
    for length in activities.plans():
        for start, end, a in activities.plan(length):
            if a.id == activity_id:
                parts.append(f"{end - start} min in the {length}-minute plan "
                             f"({start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d})")
    when = "; ".join(parts) if parts else "not in any plan"
    return (f"Activity {order.index(activity_id) + 1} of {len(order)}: {activity.name}. {when}. "
            "Steps, debrief and pitfalls: its card in the facilitator guide.")


class SlidesError(Exception):
    """A problem building the deck, as one line for the user."""


@dataclass(frozen=True)
class ScoredExample:
    id: str
    recipient: object
    sender: object
    before: str
    after: str
    lesson: str
    before_result: object
    after_result: object


def figures_dir() -> Path:
    return kitdata.repo_root() / "book" / "figures"


def load_source(path: Path = SOURCE) -> dict:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SlidesError(f"cannot read the slide source {path}: {error}") from None
    if not data.get("slides"):
        raise SlidesError(f"{path} has no [[slides]]")
    return data


def scored_examples(data: dict | None = None) -> dict[str, ScoredExample]:
    """The deck's before/after pairs, each scored now by the engine (id -> ScoredExample)."""
    data = data or load_source()
    people = kitdata.profiles()
    out = {}
    for item in data.get("examples", []):
        for key in ("to", "from"):
            if item.get(key) not in people:
                raise SlidesError(f"example {item.get('id')!r}: unknown profile id {item.get(key)!r}")
        recipient, sender = people[item["to"]], people[item["from"]]
        out[item["id"]] = ScoredExample(
            item["id"], recipient, sender, item["before"], item["after"], item.get("lesson", ""),
            score(item["before"], recipient=recipient, sender=sender),
            score(item["after"], recipient=recipient, sender=sender))
    return out


def inline(text: str) -> str:
    """Escape, then turn *word* into emphasis and `code` into code."""
    escaped = html.escape(text)
    escaped = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def _note_box(label: str, text: str, result, recipient) -> str:
    return (f'<div class="note-box {label.lower()}"><p class="tag">{label}</p>'
            f'<p class="note-text">{html.escape(text)}</p>'
            f'<p class="verdict level-{result.level}">{result.level.capitalize()} · '
            f'{result.score:.0f}/100 · {len(text)} characters</p></div>')


def _example_html(ex: ScoredExample) -> str:
    return (f'<p class="to">To {html.escape(ex.recipient.name)}, {html.escape(ex.recipient.headline)}</p>'
            f'<div class="pair">{_note_box("Before", ex.before, ex.before_result, ex.recipient)}'
            f'{_note_box("After", ex.after, ex.after_result, ex.recipient)}</div>'
            f'<p class="lesson">{inline(ex.lesson)}</p>')


def slide_html(slide: dict, examples: dict[str, ScoredExample], form_link: str | None = None) -> str:
    kind = slide.get("kind", "plain")
    parts = []
    tag = "h1" if kind == "title" else "h2"
    parts.append(f"<{tag}>{inline(slide['title'])}</{tag}>")
    if slide.get("lead"):
        parts.append(f'<p class="lead">{inline(slide["lead"])}</p>')
    body = []
    if slide.get("points"):
        items = "".join(f"<li>{inline(p.replace('{form_link}', form_link or NO_FORM_LINK))}</li>"
                        for p in slide["points"])
        body.append(f"<ul>{items}</ul>")
    if slide.get("figure"):
        name = slide["figure"]
        if not (figures_dir() / name).is_file():
            raise SlidesError(f"slide {slide['title']!r}: figure {name} not found in {figures_dir()}")
        if not slide.get("alt"):
            raise SlidesError(f"slide {slide['title']!r}: figure {name} has no alt text")
        body.append(f'<img class="figure" src="figures/{html.escape(name)}" alt="{html.escape(slide["alt"])}">')
    if body:
        cls = "body with-figure" if slide.get("figure") and slide.get("points") else "body"
        parts.append(f'<div class="{cls}">{"".join(body)}</div>')
    if slide.get("example"):
        if slide["example"] not in examples:
            raise SlidesError(f"slide {slide['title']!r}: unknown example {slide['example']!r}")
        parts.append(_example_html(examples[slide["example"]]))
    notes = slide.get("notes", "").strip()
    if slide.get("activity"):
        notes = activity_note(slide["activity"]) + ("\n" + notes if notes else "")
    if notes:
        paragraphs = "".join(f"<p>{inline(p)}</p>" for p in notes.split("\n") if p.strip())
        parts.append(f'<aside class="notes">{paragraphs}</aside>')
    classes = kind + (" has-lead" if slide.get("lead") else "")
    return f'<section class="{html.escape(classes)}">{"".join(parts)}</section>'


def deck_html(data: dict, examples: dict[str, ScoredExample], form_link: str | None = None) -> str:
    sections = "\n".join(slide_html(s, examples, form_link) for s in data["slides"])
    title = html.escape(data.get("title", "InviteLab workshop"))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="reveal/reset.css">
<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="slides.css">
</head>
<body>
<div class="reveal"><div class="slides">
{sections}
</div></div>
<script src="reveal/reveal.js"></script>
<script src="reveal/plugin/notes.js"></script>
<script>
Reveal.initialize({{ width: {WIDTH}, height: {HEIGHT}, margin: /print-pdf/.test(location.search) ? 0 : 0.03, hash: true, center: false,
  transition: 'none', slideNumber: 'c/t', plugins: [ RevealNotes ] }});
</script>
</body>
</html>
"""


README = """InviteLab workshop slides ({count} slides), built by `invitelab slides`.

Open index.html in any browser (double-click it). It works with no network: copy this whole
folder to a USB stick. Keys: arrows or space to move, S for the speaker view with notes,
F for full screen, Esc for an overview.
{pdf}
Everyone in the slides is fictional. Ideas from an article by Andres Traslavina (Director of
Global Recruiting, Whole Foods Market). Content CC BY 4.0; reveal.js is MIT (reveal/LICENSE.md).
"""


def build_slides(out_dir, pdf: bool = False, form_link: str | None = None) -> dict:
    """Write the deck into out_dir (index.html, reveal/, figures/, slides.css; slides.pdf with pdf).
    ``form_link`` (the notes form's address) is shown where a slide says ``{form_link}``.

    Returns {"html": path, "pdf": path or None, "slides": count}."""
    out = Path(out_dir)
    data = load_source()
    examples = scored_examples(data)
    page = deck_html(data, examples, (form_link or "").strip() or None)
    try:
        out.mkdir(parents=True, exist_ok=True)
        shutil.copytree(VENDOR, out / "reveal", dirs_exist_ok=True)
        (out / "figures").mkdir(exist_ok=True)
        for name in sorted({s["figure"] for s in data["slides"] if s.get("figure")}):
            shutil.copy2(figures_dir() / name, out / "figures" / name)
        shutil.copy2(CSS, out / "slides.css")
        index = out / "index.html"
        index.write_text(page, encoding="utf-8")
    except OSError as error:
        raise SlidesError(f"cannot write the deck into {out}: {error.strerror or error}") from None
    pdf_path = export_pdf(index, out / "slides.pdf") if pdf else None
    note = "slides.pdf is the same deck as a PDF (one slide a page), for PowerPoint-only rooms.\n" if pdf_path else ""
    (out / "README.txt").write_text(README.format(count=len(data["slides"]), pdf=note), encoding="utf-8")
    return {"html": index, "pdf": pdf_path, "slides": len(data["slides"])}


def export_pdf(index: Path, pdf_path: Path) -> Path:
    """Print the deck to PDF with headless Chromium (reveal.js ?print-pdf), offline."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SlidesError("--pdf needs playwright (pip install -r requirements.txt)") from None
    browser_path = find_browser()
    if browser_path is None:
        if os.environ.get("INVITELAB_CHROMIUM"):
            raise SlidesError(f"--pdf: INVITELAB_CHROMIUM names {CHROMIUM}, which does not exist; "
                              "the HTML deck was written")
        raise SlidesError(NO_BROWSER)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                           else r.abort())
                page.goto(index.resolve().as_uri() + "?print-pdf", wait_until="load")
                page.wait_for_selector(".reveal.ready, html.reveal-print .pdf-page", timeout=15000)
                page.wait_for_timeout(300)
                page.pdf(path=str(pdf_path), width=f"{WIDTH}px", height=f"{HEIGHT}px",
                         print_background=True, prefer_css_page_size=True)
            finally:
                browser.close()
    except PlaywrightError as error:
        raise SlidesError(f"printing the deck to PDF failed: {str(error).splitlines()[0]}") from None
    return pdf_path
