"""The built book, opened from disk in headless Chromium, as a reader without network would.

Builds the book first if book/_build/html is missing or older than its sources
(``jupyter-book build book/ -W --keep-going``), then opens every HTML page from ``file://``
with Playwright driving Debian's ``chromium`` (no browser download), blocking and recording
every request that is not to a local file, and checks:

- no JavaScript errors and no console errors (except the documented stock-theme noise);
- zero requests to other hosts and no failed requests;
- quizzes answer when clicked; widgets and math render;
- every image and figure has meaningful alt text;
- axe-core finds no accessibility violation beyond the documented stock-theme ones.

Without chromium the tests are skipped locally, but fail when the CI environment variable is
set (CI must run them; .ci/run installs chromium).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
HTML = BOOK / "_build" / "html"
BUILD_INFO = HTML / ".buildinfo"  # rewritten by Sphinx at the end of every build
ENVIRONMENT = BOOK / "_build" / ".doctrees" / "environment.pickle"
WARNING = re.compile(r"WARNING|ERROR|Traceback|Exception")
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# Debian's chromium; INVITELAB_CHROMIUM may name another Chromium/Chrome binary.
CHROMIUM = Path(os.environ.get("INVITELAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

# No console error is allowed, not even the stock theme's: sphinx-thebe's duplicated
# THEBE_JS_URL script is removed by book/_ext/no_thebe.py.
ALLOWED_PAGE_ERRORS: tuple[str, ...] = ()

# Stock-theme axe-core violations (sphinx-book-theme 1.3 / pydata-sphinx-theme 0.17), allowed
# only on these theme elements, matched against the start of each node's HTML:
# - label-content-name-mismatch: the search buttons (aria-label "Search" vs the visible
#   "Search Ctrl+K") and the colour-mode button;
# - region: the site title in the left sidebar sits outside a landmark.
ALLOWED_AXE = {
    "label-content-name-mismatch": ("search-button", "theme-switch-button"),
    "region": ('<div class="sidebar-primary-item">',),
}

REFRESH = re.compile(r'<meta[^>]+http-equiv="refresh"', re.I)

# Where a built file name looks like a file name, it is not meaningful alt text.
FILENAME_ALT = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$", re.I)

SETTLE_JS = """
async () => {
  // Math: MathJax 3 has typeset the page.
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  // Widgets: every stored widget view has been rendered (or 10 s have passed).
  const views = document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]').length;
  const t0 = Date.now();
  while (document.querySelectorAll('.widget-subarea').length < views && Date.now() - t0 < 10000) {
    await new Promise(r => setTimeout(r, 50));
  }
  await new Promise(r => setTimeout(r, 250));
}
"""

PAGE_FACTS_JS = """
() => {
  const alt = (el) => (el.getAttribute('alt') || '').trim();
  const images = Array.from(document.querySelectorAll('img')).map(img => ({
    src: img.getAttribute('src') || '', alt: alt(img), hasAlt: img.hasAttribute('alt'),
  }));
  const figures = Array.from(document.querySelectorAll('figure, div.figure')).map(fig => {
    const imgs = Array.from(fig.querySelectorAll('img'));
    const named = fig.querySelector('[role="img"][aria-label], svg[aria-label], svg title');
    return { id: fig.id || '', ok: (imgs.length > 0 && imgs.every(i => alt(i))) || !!named };
  });
  return {
    title: document.title,
    images, figures,
    math: document.querySelectorAll('.math').length,
    mathRendered: document.querySelectorAll('mjx-container').length,
    mathErrors: document.querySelectorAll('mjx-merror').length,
    widgetViews: document.querySelectorAll(
      'script[type="application/vnd.jupyter.widget-view+json"]').length,
    widgetsRendered: document.querySelectorAll('.widget-subarea .jupyter-widgets').length,
    widgetAreas: document.querySelectorAll('.widget-subarea').length,
    widgetErrors: Array.from(document.querySelectorAll('.widget-subarea'))
      .filter(el => /Error|Model not found/.test(el.textContent)).length,
    quizzes: document.querySelectorAll('.Quiz').length,
  };
}
"""

AXE_JS_RUN = """
async () => {
  // preload: false, or axe fetches every stylesheet again, which file:// pages refuse.
  const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.trim().slice(0, 200) })),
  }));
}
"""


# --- build ----------------------------------------------------------------------------------

def _source_files():
    roots = [BOOK, REPO / "notebooks", REPO / "src" / "invitelab", REPO / "data"]
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            parts = set(path.relative_to(REPO).parts)
            if parts & {"_build", "__pycache__", ".ipynb_checkpoints", ".jupyter_cache"}:
                continue
            if path.is_file():
                yield path


def _book_is_fresh() -> bool:
    if not BUILD_INFO.is_file():
        return False
    built = BUILD_INFO.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in _source_files())


@pytest.fixture(scope="session")
def built_book() -> Path:
    """book/_build/html, built now if it is missing or older than any source."""
    if not _book_is_fresh():
        jupyter_book = Path(sys.executable).parent / "jupyter-book"
        cmd = [str(jupyter_book), "build", "book/", "-W", "--keep-going"]
        start = time.monotonic()
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            # A failed build must not count as fresh, and Sphinx forgets the warnings of pages
            # it does not re-read: drop its environment so the next build reads every page
            # again (executed notebooks stay cached in _build/.jupyter_cache).
            BUILD_INFO.unlink(missing_ok=True)
            ENVIRONMENT.unlink(missing_ok=True)
            log = proc.stdout + proc.stderr
            problems = [line for line in log.splitlines()
                        if WARNING.search(line) and "IPKernelApp" not in line]
            detail = "\n".join(problems[:40]) if problems else log[-6000:]
            pytest.fail(f"`{' '.join(cmd[1:])}` failed (exit {proc.returncode}) after "
                        f"{time.monotonic() - start:.0f} s:\n{detail}", pytrace=False)
    assert (HTML / "index.html").is_file(), "the build wrote no index.html"
    return HTML


def _pages(html: Path) -> list[Path]:
    # workshop/: the slides and handouts built into the book (tests/test_slides.py covers them)
    skip = {"_static", "_sources", "_images", "_sphinx_design_static", "workshop"}
    return sorted(p for p in html.rglob("*.html") if not skip & set(p.relative_to(html).parts))


# --- browser --------------------------------------------------------------------------------

# The `browser` fixture (one headless Chromium for every browser test module) is in conftest.py.


@dataclass
class PageReport:
    name: str
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    axe: list[dict] = field(default_factory=list)


def open_page(browser, path: Path):
    """Open a built page from disk with every non-local request blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    report = PageReport(name=path.relative_to(HTML).as_posix())

    def route(route):
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            report.external.append(url)
            route.abort()

    def on_failed(request):
        if request.url.startswith(LOCAL_SCHEMES):
            report.failed.append(f"{request.url} ({request.failure})")

    page.route("**/*", route)
    page.on("requestfailed", on_failed)
    page.on("pageerror", lambda err: report.page_errors.append(str(err)))
    page.on("console", lambda msg: report.console_errors.append(msg.text)
            if msg.type == "error" else None)
    page.goto(path.as_uri(), wait_until="load")
    if REFRESH.search(path.read_text(encoding="utf-8")):  # index.html redirects to the intro
        page.wait_for_url(lambda url: url != path.as_uri(), timeout=5000)
        page.wait_for_load_state("load")
    page.evaluate(SETTLE_JS)
    return context, page, report


@pytest.fixture(scope="session")
def reports(built_book, browser) -> dict[str, PageReport]:
    """Open every page once; record errors, requests, facts and the axe-core audit."""
    assert AXE_JS.is_file(), f"{AXE_JS} missing: run book/_vendor/update_vendor.sh"
    out = {}
    for path in _pages(built_book):
        context, page, report = open_page(browser, path)
        try:
            report.facts = page.evaluate(PAGE_FACTS_JS)
            page.add_script_tag(path=str(AXE_JS))
            report.axe = page.evaluate(AXE_JS_RUN)
        finally:
            context.close()
        out[report.name] = report
    return out


def _failures(lines: list[str]) -> str:
    return "\n  " + "\n  ".join(lines)


# --- tests ----------------------------------------------------------------------------------

def test_book_has_the_expected_pages(reports):
    names = set(reports)
    for expected in ("index.html", "intro.html", "chapters/other-side.html",
                     "chapters/why-impersonal.html", "chapters/common-ground.html",
                     "chapters/no-note.html", "chapters/anatomy.html", "glossary.html",
                     "references.html", "license.html"):
        assert expected in names, f"{expected} was not built"


def test_no_requests_to_other_hosts(reports):
    bad = [f"{name}: {url}" for name, r in reports.items() for url in r.external]
    assert not bad, "pages opened from disk asked the network for:" + _failures(bad)


def test_no_failed_requests(reports):
    bad = [f"{name}: {item}" for name, r in reports.items() for item in r.failed]
    assert not bad, "missing local files:" + _failures(bad)


def test_no_page_errors(reports):
    bad = [f"{name}: {err}" for name, r in reports.items() for err in r.page_errors
           if not any(allowed in err for allowed in ALLOWED_PAGE_ERRORS)]
    assert not bad, "JavaScript errors:" + _failures(bad)


def test_no_console_errors(reports):
    bad = [f"{name}: {msg}" for name, r in reports.items() for msg in r.console_errors
           if not any(allowed in msg for allowed in ALLOWED_PAGE_ERRORS)]
    assert not bad, "console errors:" + _failures(bad)


def test_no_thebe_on_any_page(built_book):
    bad = [path.relative_to(built_book).as_posix() for path in _pages(built_book)
           if re.search(r"THEBE_JS_URL|sphinx-thebe|x-thebe-config", path.read_text(encoding="utf-8"))]
    assert not bad, "pages still load thebe (book/_ext/no_thebe.py):" + _failures(bad)


def test_images_and_figures_have_alt_text(reports):
    bad = []
    for name, r in reports.items():
        for img in r.facts["images"]:
            if not img["alt"]:
                bad.append(f"{name}: <img src={img['src']!r}> has no alt text")
            elif FILENAME_ALT.search(img["alt"]) or img["alt"] == img["src"]:
                bad.append(f"{name}: <img src={img['src']!r}> has a file name as alt text "
                           f"({img['alt']!r}); describe the image")
        for fig in r.facts["figures"]:
            if not fig["ok"]:
                bad.append(f"{name}: figure {fig['id'] or '(no id)'} has no alt text")
    assert not bad, "images without meaningful alt text:" + _failures(bad)


def test_math_renders(reports):
    with_math = {n: r.facts for n, r in reports.items() if r.facts["math"]}
    if not with_math:
        pytest.skip("no page has math")
    bad = [f"{n}: {f['math']} math elements, {f['mathRendered']} rendered, "
           f"{f['mathErrors']} MathJax errors" for n, f in with_math.items()
           if f["mathRendered"] < f["math"] or f["mathErrors"]]
    assert not bad, "math not rendered (raw TeX on the page):" + _failures(bad)


def test_widgets_render(reports):
    with_widgets = {n: r.facts for n, r in reports.items() if r.facts["widgetViews"]}
    if not with_widgets:
        pytest.skip("no page has widgets yet")
    bad = [f"{n}: {f['widgetViews']} stored widget views, {f['widgetAreas']} rendered, "
           f"{f['widgetErrors']} with errors" for n, f in with_widgets.items()
           if f["widgetAreas"] < f["widgetViews"] or not f["widgetsRendered"]
           or f["widgetErrors"]]
    assert not bad, "widgets missing from executed notebook pages:" + _failures(bad)


def test_widget_scripts_only_on_widget_pages(built_book):
    # Guards the _vendor/_static split: if a book/_static folder appears, Jupyter Book 1
    # injects every .js of every static folder (including _vendor/) into every page.
    assert not (BOOK / "_static").exists(), (
        "book/_static must not exist: Jupyter Book would inject every script of _vendor/ into "
        "every page; put CSS in book/_vendor/ and list it in html_css_files")
    bad = []
    for path in _pages(built_book):
        text = path.read_text(encoding="utf-8")
        has_widgets = "application/vnd.jupyter.widget-view+json" in text
        if "vendor/requirejs/require.js" in text and not has_widgets:
            bad.append(path.relative_to(built_book).as_posix())
    assert not bad, "pages without widgets load the widget scripts:" + _failures(bad)


def test_pages_that_ask_for_a_quiz_show_one(reports):
    bad = []
    for source in sorted(BOOK.rglob("*.md")) + sorted(BOOK.rglob("*.ipynb")):
        rel = source.relative_to(BOOK)
        if "_build" in rel.parts or "show_quiz(" not in source.read_text(encoding="utf-8"):
            continue
        name = rel.with_suffix(".html").as_posix()
        if name in reports and not reports[name].facts["quizzes"]:
            bad.append(name)
    assert not bad, "pages call show_quiz() but show no quiz:" + _failures(bad)


def test_quizzes_answer_when_clicked(reports, browser):
    quiz_pages = sorted(n for n, r in reports.items() if r.facts["quizzes"])
    if not quiz_pages:
        pytest.skip("no page has a quiz yet")
    bad = []
    for name in quiz_pages:
        context, page, report = open_page(browser, HTML / name)
        try:
            quiz = page.locator(".Quiz").first
            quiz.scroll_into_view_if_needed()
            label = quiz.locator("label.MCButton").first
            if label.count():
                label.click()
                feedback = quiz.locator(".Feedback")
                page.wait_for_function(
                    "el => el.textContent.trim().length > 0", arg=feedback.element_handle(),
                    timeout=5000)
                classes = label.get_attribute("class") or ""
                if "correctButton" not in classes and "incorrectButton" not in classes:
                    bad.append(f"{name}: the clicked answer was not marked right or wrong")
            else:
                bad.append(f"{name}: first quiz question has no clickable answers")
            errors = [e for e in report.page_errors
                      if not any(a in e for a in ALLOWED_PAGE_ERRORS)]
            bad += [f"{name}: error after click: {e}" for e in errors]
            bad += [f"{name}: request after click: {u}" for u in report.external]
        except Exception as err:  # noqa: BLE001 - report every page, not just the first
            bad.append(f"{name}: {type(err).__name__}: {str(err).splitlines()[0]}")
        finally:
            context.close()
    assert not bad, "quizzes that do not answer:" + _failures(bad)


def _allowed_axe(violation: dict) -> bool:
    markers = ALLOWED_AXE.get(violation["id"])
    if not markers:
        return False
    return all(any(m in node["html"] for m in markers) for node in violation["nodes"])


def test_accessibility_axe_core(reports):
    bad = []
    for name, r in reports.items():
        for v in r.axe:
            if _allowed_axe(v):
                continue
            nodes = "; ".join(f"{n['target']}: {n['html'][:100]}" for n in v["nodes"][:3])
            bad.append(f"{name}: {v['id']} ({v['impact']}): {v['help']} -> {nodes}")
    assert not bad, "axe-core violations:" + _failures(bad)


def test_launch_buttons_on_notebook_pages(built_book):
    notebook_pages = sorted((built_book / "notebooks").glob("*.html"))
    if not notebook_pages:
        pytest.skip("no notebook pages yet")
    bad = []
    for path in notebook_pages:
        text = path.read_text(encoding="utf-8").replace("&amp;", "&")
        stem = path.stem
        for provider, needle in (("Binder", "https://mybinder.org/v2/gh/invitelab/invitelab/"),
                                 ("JupyterHub", "/hub/user-redirect/git-pull?"),
                                 ("Colab", "https://colab.research.google.com/github/")):
            links = re.findall(r'href="([^"]*' + re.escape(needle) + r'[^"]*)"', text)
            if not links:
                bad.append(f"notebooks/{path.name}: no {provider} launch link")
            for link in links:
                if f"notebooks/{stem}.ipynb" not in link or "book/notebooks/" in link:
                    bad.append(f"notebooks/{path.name}: {provider} link {link} is not "
                               f"the repository's notebooks/{stem}.ipynb")
    for path in sorted((built_book / "chapters").glob("*.html")):
        if "mybinder.org" in path.read_text(encoding="utf-8"):
            bad.append(f"chapters/{path.name}: a reading page has launch buttons")
    assert not bad, "launch buttons:" + _failures(bad)


# --- figures on a phone, labels, widget charts, notebook pages -----------------------------------

FIGURES = sorted((BOOK / "figures").glob("*.svg"))
FONT_SIZE = re.compile(r"font-size\s*[:=]\s*\"?([0-9.]+)(?:px)?")
MIN_FIGURE_TEXT_PX = 12

OVERLAP_JS = """() => {
  // every label's box, and points along every line or arrow (and the corners of every filled
  // shape, such as a mouse pointer), in the same screen coordinates
  const texts = Array.from(document.querySelectorAll('text')).map(t => {
    const b = t.getBoundingClientRect(); return {s: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height}; });
  const out = [];
  for (const p of document.querySelectorAll('path')) {
    const pts = [];
    if ((p.getAttribute('fill') || '') !== 'none') {
      const b = p.getBoundingClientRect();
      pts.push([b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height],
               [b.x + b.width / 2, b.y + b.height / 2]);
    } else {
      for (let d = 0; d <= p.getTotalLength(); d += 2) {
        const q = p.getPointAtLength(d).matrixTransform(p.getScreenCTM()); pts.push([q.x, q.y]); }
    }
    for (const t of texts) {
      if (pts.some(([x, y]) => x > t.x + 1 && x < t.x + t.w - 1 && y > t.y + 1 && y < t.y + t.h - 1)) {
        out.push(`a line or shape (${(p.getAttribute('d') || '').slice(0, 30)}...) crosses "${t.s}"`); }
    }
  }
  return out;
}"""


# A label that runs into a box, a button or a rule drawn over it or beside it (issue 12 audit: the
# phone mock-up's "Recruiting Manager" ran under its Connect button). Text boxes are taken at
# their true width and 60 % of their height (Chromium's box includes the line's leading); a shape
# that a label sits wholly inside is its background, and shapes painted under that background
# are hidden there, so they do not count.
TEXT_HITS_SHAPE_JS = r"""() => {
  const out = [];
  const all = Array.from(document.querySelectorAll('rect, circle, ellipse, line, text'));
  const box = e => e.getBoundingClientRect();
  const shrink = b => { const d = b.height * 0.2;
    return {left: b.left, right: b.right, top: b.top + d, bottom: b.bottom - d}; };
  const contains = (r, t) => t.left >= r.left - 0.5 && t.right <= r.right + 0.5 &&
                             t.top >= r.top - 0.5 && t.bottom <= r.bottom + 0.5;
  all.forEach((el, i) => {
    if (el.tagName !== 'text' || !el.textContent.trim()) return;
    const t = shrink(box(el));
    let bg = -1;
    all.forEach((s, j) => { if (j < i && s.tagName !== 'text' && s.tagName !== 'line' &&
                                contains(box(s), t)) bg = j; });
    all.forEach((s, j) => {
      if (s.tagName === 'text' || j <= bg) return;
      const r = box(s);
      const ix = Math.min(t.right, r.right) - Math.max(t.left, r.left);
      const iy = Math.min(t.bottom, r.bottom) - Math.max(t.top, r.top);
      if (ix <= 0.5 || iy <= 0.5 || contains(r, t)) return;
      out.push(`"${el.textContent.trim()}" runs into a ${s.tagName} at ` +
               `${Math.round(r.left)},${Math.round(r.top)}`);
    });
  });
  return out;
}"""


@pytest.mark.parametrize("path", FIGURES, ids=[p.name for p in FIGURES])
def test_figure_text_is_at_least_12px(path):
    sizes = [float(s) for s in FONT_SIZE.findall(path.read_text(encoding="utf-8"))]
    small = [s for s in sizes if s < MIN_FIGURE_TEXT_PX]
    assert not small, f"{path.name}: text of {small} px; draw text at {MIN_FIGURE_TEXT_PX} px or more"


def test_nothing_overlaps_a_label_in_figures(browser):
    bad = []
    context = browser.new_context(viewport={"width": 800, "height": 800})
    page = context.new_page()
    try:
        for path in FIGURES:
            page.goto(path.as_uri())
            bad += [f"{path.name}: {problem}" for problem in page.evaluate(OVERLAP_JS)]
            bad += [f"{path.name}: {problem}" for problem in page.evaluate(TEXT_HITS_SHAPE_JS)]
    finally:
        context.close()
    assert not bad, "figures where an arrow, pointer, box or button covers a label:" + _failures(bad)


def test_figures_stay_legible_on_a_phone(built_book, browser):
    """At 390 px the mock-ups keep their drawn size (text >= 12 px) in a frame that scrolls
    sideways; the page itself never scrolls sideways."""
    bad = []
    for page_path in _pages(built_book):
        if 'src="../_images/' not in page_path.read_text(encoding="utf-8"):
            continue
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL_SCHEMES)
                   else r.abort())
        try:
            page.goto(page_path.as_uri(), wait_until="load")
            name = page_path.relative_to(built_book).as_posix()
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            if overflow > 1:
                bad.append(f"{name}: the page scrolls sideways by {overflow} px")
            for fig in page.evaluate("""() => Array.from(document.querySelectorAll(
                    'figure img[src$=".svg"]')).map(i => ({src: i.getAttribute('src'),
                    shown: i.getBoundingClientRect().width, natural: i.naturalWidth,
                    focusable: i.closest('figure').tabIndex >= 0}))"""):
                scale = fig["shown"] / fig["natural"] if fig["natural"] else 0
                if scale * MIN_FIGURE_TEXT_PX < MIN_FIGURE_TEXT_PX - 0.5:
                    bad.append(f"{name}: {fig['src']} is shrunk to {scale:.0%}: its text is "
                               f"{scale * MIN_FIGURE_TEXT_PX:.0f} px")
                if not fig["focusable"]:
                    bad.append(f"{name}: {fig['src']} scrolls but cannot be reached by keyboard")
        finally:
            context.close()
    assert not bad, "figures on a 390 px phone:" + _failures(bad)


def test_charts_drawn_in_widgets_have_alt_text(reports, built_book, browser):
    expected = {"notebooks/invitation-studio.html": "Points per criterion",
                "notebooks/sender-theories.html": "SIMULATED: "}
    bad = []
    for name, title in expected.items():
        context, page, _ = open_page(browser, built_book / name)
        try:
            alts = page.evaluate("""() => Array.from(document.querySelectorAll(
                '.widget-subarea img, .cell_output img')).map(i => (i.getAttribute('alt') || '').trim())""")
        finally:
            context.close()
        if not alts:
            bad.append(f"{name}: no chart drawn in its outputs")
        for alt in alts:
            if not alt.startswith(title) or "chart" not in alt.lower() or len(alt) < 60:
                bad.append(f"{name}: chart alt text {alt[:80]!r} does not describe the chart")
    assert not bad, "charts in widget outputs:" + _failures(bad)


def test_notebook_setup_cells_are_collapsed_in_the_book(built_book):
    bad = []
    for path in sorted((built_book / "notebooks").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        cells = re.findall(r'<div class="cell (tag_[^"]*)"[^>]*>(.*?)</details>', text, re.S)
        setup = [tags for tags, body in cells if "google.colab" in body]
        if "google.colab" in text and not any("tag_hide-input" in t for t in setup):
            bad.append(f"{path.name}: the setup code is shown, not behind a toggle")
    assert not bad, "setup cells:" + _failures(bad)


def test_how_to_run_the_notebooks_matches_requirements():
    requirements = (REPO / "requirements.txt").read_text(encoding="utf-8")
    intro = (BOOK / "intro.md").read_text(encoding="utf-8")
    section = intro.split("## How to run the notebooks", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"^jupyterlab==", requirements, re.M)
    assert "pip install jupyterlab" not in section  # it is already installed
    assert ".venv/bin/jupyter lab notebooks/" in section
    assert "--allow-root" in section
    assert "instructor" in section and "book/_config.yml" in section  # who sets launch buttons


WIDGET_FIT_JS = """() => {
  const out = [];
  for (const e of document.querySelectorAll('.widget-subarea .jupyter-widgets')) {
    const r = e.getBoundingClientRect(), cell = e.closest('.cell_output') || document.body;
    if (r.width && r.right > Math.min(innerWidth, cell.getBoundingClientRect().right) + 1) {
      out.push(`${e.className.split(' ').filter(c => c.startsWith('widget-')).join('.')}` +
               ` ends ${Math.round(r.right - cell.getBoundingClientRect().right)} px past its cell`);
    }
  }
  for (const b of document.querySelectorAll('.widget-subarea button')) {
    if (b.offsetParent && b.scrollWidth > b.clientWidth + 1) out.push(`button "${b.textContent.trim()}" is cut`);
  }
  return out;
}"""


def test_widget_controls_fit_a_phone(built_book, browser):
    """Issue 12, tried at 390 px: the profile-first buttons' labels were cut ("Path A: Connect
    (one…") and its fact boxes ran past the screen's edge."""
    bad = []
    for path in sorted((built_book / "notebooks").glob("*.html")):
        if "application/vnd.jupyter.widget-view+json" not in path.read_text(encoding="utf-8"):
            continue
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL_SCHEMES)
                   else r.abort())
        try:
            page.goto(path.as_uri(), wait_until="load")
            page.evaluate(SETTLE_JS)
            bad += [f"notebooks/{path.name}: {problem}" for problem in page.evaluate(WIDGET_FIT_JS)]
        finally:
            context.close()
    assert not bad, "widgets on a 390 px phone:" + _failures(bad)


def test_printed_messages_are_never_cut_off(built_book, browser):
    """A notebook's printed messages ("Exercise ready: ...", "Not answered yet: ...") wrap at the
    column's edge, at 1280 and at 390 px, instead of hiding their end behind a sideways scroll."""
    bad = []
    pages = [p for p in _pages(built_book) if 'class="output stream' in p.read_text(encoding="utf-8")]
    assert pages, "no page prints anything: the test has nothing to look at"
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL_SCHEMES)
                   else r.abort())
        try:
            for path in pages:
                page.goto(path.as_uri(), wait_until="load")
                cut = page.evaluate("""() => Array.from(document.querySelectorAll(
                    'div.cell_output div.output.stream pre')).filter(
                    pre => pre.scrollWidth > pre.clientWidth + 1).map(
                    pre => pre.textContent.trim().slice(0, 60))""")
                name = path.relative_to(built_book).as_posix()
                bad += [f"{name} at {width} px: {text!r}..." for text in cut]
        finally:
            context.close()
    assert not bad, "printed messages cut off at the right edge:" + _failures(bad)



def test_facilitator_guide_links_the_slides_and_every_handout_built_with_the_book(built_book, browser):
    """Issue 12, walked through as Elena (no command line): the slides and the handouts are in the
    built book, linked from the facilitator guide, and the deck opens from disk offline."""
    from invitelab.workshop.handouts import HANDOUTS

    guide = built_book / "instructors" / "index.html"
    hrefs = set(re.findall(r'href="(\.\./workshop/[^"]+)"', guide.read_text(encoding="utf-8")))
    want = {"../workshop/slides/index.html"} | {f"../workshop/handouts/{paper}/{name}.pdf"
                                                 for name in HANDOUTS for paper in ("letter", "a4")}
    assert want <= hrefs, f"not linked from the facilitator guide: {sorted(want - hrefs)}"
    missing = [h for h in hrefs if not (guide.parent / h).resolve().is_file()]
    assert not missing, f"links to files the build did not write: {missing}"
    for h in hrefs:
        if h.endswith(".pdf"):
            assert (guide.parent / h).resolve().read_bytes()[:5] == b"%PDF-", h
    context, page, report = open_page(browser, (guide.parent / "../workshop/slides/index.html").resolve())
    try:
        assert page.locator(".reveal .slides section").count() >= 10
    finally:
        context.close()
    assert not report.external and not report.failed and not report.page_errors, (
        report.external, report.failed, report.page_errors)
