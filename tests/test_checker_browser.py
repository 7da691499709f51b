"""The book's live invitation checker, in headless Chromium, from disk and from a static server.

The checker runs the real engine (bundled from src/invitelab at book-build time) in Pyodide.
These tests open the built book's pages with every request to another host blocked and
recorded, once from ``file://`` and once from a local ``http.server`` on 127.0.0.1, and check:

- every note of the labelled set (data/invitations.csv) gets in the page exactly the level,
  score and findings that the Python API gives (one page session, one JavaScript call);
- typing into the box updates the counter at once (before Python) and the feedback after;
- a note to someone not in the kit is judged as the Python API judges ``recipient=None``;
- student text is shown as text, never as markup; drafts persist and clear;
- if Pyodide cannot load, one sentence says so and points to the notebook;
- no external request, no JavaScript error, and axe-core finds nothing beyond the stock theme's
  known findings once the feedback is on the page;
- the notebook pages say which controls are live and which are a snapshot.

Browser helpers (build, axe-core, allow-lists) come from tests/test_book_browser.py, the shared
Chromium from tests/conftest.py.
Without chromium the tests are skipped locally; with the CI environment variable set they fail.
"""

from __future__ import annotations

import csv
import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bad_inputs import NOTES
from test_book_browser import (  # noqa: F401 - built_book is a fixture, used by name
    ALLOWED_PAGE_ERRORS,
    AXE_JS,
    AXE_JS_RUN,
    LOCAL_SCHEMES,
    REPO,
    _allowed_axe,
    _failures,
    built_book,
)

from invitelab import kitdata, score

PYODIDE_VERSION = "314.0.7"  # the checker uses Pyodide's experimental createPyodideModule option
READY_TIMEOUT_MS = 60_000
DANA_GOOD = ("Hi Dana, I'm a psychology junior at Ohio State. Your post on what you look for at "
             "career fairs helped me prepare. Could I ask how you moved into campus recruiting? "
             "Thank you, Alex")


# --- fixtures ---------------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Visit:
    """A page opened with external requests blocked; errors and requests recorded."""

    def __init__(self, browser, url: str, local_prefix: str, width: int = 1280, block=()):
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()

        def route(route):
            u = route.request.url
            if any(name in u for name in block):
                route.abort()
            elif u.startswith(LOCAL_SCHEMES) or u.startswith(local_prefix):
                route.continue_()
            else:
                self.external.append(u)
                route.abort()

        self.page.route("**/*", route)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("console", lambda msg: self.errors.append(msg.text)
                     if msg.type == "error" else None)
        self.page.goto(url, wait_until="load")

    def wait_ready(self):
        self.page.wait_for_selector("section.ilc-checker.ilc-ready", timeout=READY_TIMEOUT_MS)

    def start_empty(self):
        """Wait for the checker, forget what earlier tests saved (drafts, name) and load it afresh."""
        self.wait_ready()
        self.page.evaluate("() => localStorage.clear()")
        self.page.reload(wait_until="load")
        self.wait_ready()

    def real_errors(self) -> list[str]:
        return [e for e in self.errors if not any(a in e for a in ALLOWED_PAGE_ERRORS)]

    def close(self):
        self.context.close()


@pytest.fixture(scope="module", params=["file", "http"])
def where(request, built_book, server):
    """(how, base URL, prefix of allowed local URLs) for the book from disk or from a server."""
    if request.param == "file":
        return "file", built_book.as_uri() + "/", "file:"
    return "http", server, server


@pytest.fixture(scope="module")
def checker_page(browser, where):
    """The full-page checker, loaded and ready (one session per way of opening the book)."""
    how, base, prefix = where
    visit = Visit(browser, base + "checker.html", prefix)
    visit.wait_ready()
    yield visit
    visit.close()


def _labelled_notes() -> list[dict]:
    path = kitdata.data_dir() / "invitations.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 200, f"{path}: expected the labelled set, found {len(rows)} rows"
    return [{"id": r["id"], "text": r["text"], "recipient_id": r["recipient_id"] or None,
             "sender_id": r.get("sender_id") or None, "limit": 300} for r in rows]


def _python(item: dict) -> dict:
    people = kitdata.profiles()
    rid, sid = item.get("recipient_id"), item.get("sender_id")
    result = score(item["text"], recipient=people[rid] if rid else None,
                   sender=people[sid] if sid else None, limit=item.get("limit", 300))
    return json.loads(json.dumps(result.to_dict()))  # the same JSON round trip as the page


def _same(python: dict, browser: dict) -> list[str]:
    if "error" in browser:
        return [f"page said: {browser['error']}"]
    out = []
    for key in ("level", "score", "next_steps", "warnings", "characters", "limit"):
        if python[key] != browser.get(key):
            out.append(f"{key}: python {python[key]!r}, page {browser.get(key)!r}")
    for pf, bf in zip(python["findings"], browser.get("findings", []), strict=False):
        if pf != bf:
            diff = {k: (pf[k], bf.get(k)) for k in pf if pf[k] != bf.get(k)}
            out.append(f"{pf['criterion']}: {diff}")
    if len(python["findings"]) != len(browser.get("findings", [])):
        out.append("a different number of findings")
    return out


def fill(page, text: str) -> None:
    """Put a note in the box and wait until the checker has judged it (a check may wait for a
    pause in typing when the one before was slow)."""
    before = page.get_attribute("section.ilc-checker", "data-checked") or "0"
    page.fill(".ilc-text", text)
    page.wait_for_function(
        "n => +(document.querySelector('section.ilc-checker').getAttribute('data-checked') || 0) > n",
        arg=int(before), timeout=10_000)
    settle(page)


def settle(page) -> None:
    """Wait until no check is waiting for a pause in typing."""
    page.wait_for_function("() => invitelabChecker.checkers.every(c => !c.pending)",
                           timeout=10_000)


# --- tests --------------------------------------------------------------------------------------

def test_pyodide_is_the_pinned_version():
    vendored = REPO / "book" / "_vendor" / "pyodide"
    meta = json.loads((vendored / "package.json").read_text(encoding="utf-8"))
    assert meta["version"] == PYODIDE_VERSION, (
        "book/_vendor/pyodide is not the pinned version: the checker relies on Pyodide's "
        "experimental createPyodideModule option; re-test before changing")
    assert "createPyodideModule" in (vendored / "pyodide.js").read_text(encoding="utf-8")
    for name in ("pyodide-asm.js", "pyodide-wasm.js", "pyodide-stdlib.js", "pyodide-lock.js"):
        assert (vendored / name).is_file(), f"{name} missing: run book/_vendor/update_pyodide.py"


def test_every_labelled_note_matches_the_python_api(checker_page, where):
    notes = _labelled_notes()
    results = checker_page.page.evaluate("items => invitelabChecker.checkMany(items)", notes)
    assert len(results) == len(notes)
    bad = []
    for item, got in zip(notes, results, strict=True):
        problems = _same(_python(item), got)
        if problems:
            bad.append(f"{item['id']}: " + "; ".join(problems)[:400])
    assert not bad, (f"from {where[0]}: {len(bad)} of {len(notes)} notes differ from the "
                     "Python API:" + _failures(bad[:15]))
    assert not checker_page.external, f"external requests: {checker_page.external}"
    assert not checker_page.real_errors(), _failures(checker_page.real_errors())


def test_typing_updates_the_feedback_like_the_python_api(checker_page):
    page = checker_page.page
    drafts = [
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi Dana, I'm a student at Ohio State. Can you refer me for an internship?",
        DANA_GOOD,
    ]
    levels = []
    for text in drafts:
        page.fill(".ilc-text", "")
        page.locator(".ilc-text").press_sequentially(text[:-12])  # real keystrokes
        page.locator(".ilc-text").press_sequentially(text[-12:])
        settle(page)
        expected = _python({"text": text, "recipient_id": "dana-whitfield",
                            "sender_id": "alex-rivera"})
        shown = page.text_content(".ilc-feedback .ilc-level-name")
        assert f"Level: {expected['level'].capitalize()}" in shown, shown
        assert f"score {round(expected['score'])}/100" in shown, shown
        words = page.locator(".ilc-finding .ilc-status-word").all_text_contents()
        want = {"pass": "Pass", "fail": "Not yet", "n/a": "Not applicable"}
        assert words == [want[f["status"]] for f in expected["findings"]]
        count = page.text_content(".ilc-count")
        assert count.startswith(f"{len(text)} / 300 characters"), count
        levels.append(expected["level"])
    assert levels == ["generic", "developing", "exemplary"], levels
    marks = page.locator(".ilc-marked mark").all_text_contents()
    assert "Hi Dana" in marks and "career fairs" in " ".join(marks), marks
    assert page.text_content(".ilc-marked") == DANA_GOOD


def test_someone_not_in_the_kit_is_judged_without_a_profile(checker_page):
    page = checker_page.page
    note = ("Hi Priyanka, congrats on the Series B at Loomwork! I'm a data science junior at "
            "Purdue; could I ask what you look for in analytics interns? Thank you, Sam")
    page.select_option(".ilc-to", "")
    page.select_option(".ilc-from", "")
    fill(page, note)
    expected = _python({"text": note})
    got = page.evaluate("t => invitelabChecker.check(t, null, null, 300)", note)
    assert not _same(expected, got), _same(expected, got)
    assert expected["findings"][3]["status"] == "n/a"  # common ground without profiles
    shown = page.text_content(".ilc-feedback .ilc-level-name")
    assert expected["level"].capitalize() in shown
    assert "Someone not in the kit" in page.text_content(".ilc-card")
    page.select_option(".ilc-to", "dana-whitfield")
    page.select_option(".ilc-from", "alex-rivera")


def test_student_text_is_never_markup(checker_page):
    page = checker_page.page
    hostile = 'Hi Dana <img src=x onerror="window.__pwned=1"><b>bold</b> & <script>1</script>'
    fill(page, hostile)
    page.wait_for_function("() => document.querySelector('.ilc-feedback .ilc-finding')")
    assert page.locator(".ilc-checker img, .ilc-checker b, .ilc-feedback script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert "<b>bold</b>" in page.text_content(".ilc-feedback")


def test_counter_works_before_python_and_failure_is_one_sentence(browser, where):
    how, base, prefix = where
    visit = Visit(browser, base + "checker.html", prefix, block=("pyodide-wasm.js",))
    try:
        page = visit.page
        page.fill(".ilc-text", "x" * 250)
        assert page.text_content(".ilc-count").startswith("250 / 300 characters (50 left)")
        page.check(".ilc-limit200")
        assert "50 over the limit" in page.text_content(".ilc-count")
        page.wait_for_selector("section.ilc-checker.ilc-failed", timeout=READY_TIMEOUT_MS)
        status = page.text_content(".ilc-status").strip()
        assert status.startswith("The live checker could not start in this browser"), status
        assert status.count(". ") == 0 and status.endswith("."), f"not one sentence: {status}"
        assert page.locator(".ilc-status a").get_attribute("href").endswith(
            "notebooks/invitation-studio.html")
        assert not visit.external
    finally:
        visit.close()


def test_without_webassembly_the_page_says_so(browser, built_book):
    context = browser.new_context()
    context.add_init_script("delete globalThis.WebAssembly;")
    page = context.new_page()
    try:
        page.goto((built_book / "checker.html").as_uri(), wait_until="load")
        page.wait_for_selector("section.ilc-checker.ilc-failed", timeout=READY_TIMEOUT_MS)
        status = page.text_content(".ilc-status")
        assert "could not start in this browser (this browser cannot run WebAssembly)" in status
        page.fill(".ilc-text", "Hi Dana")
        assert page.text_content(".ilc-count").startswith("7 / 300")
    finally:
        context.close()


def test_drafts_are_kept_in_the_browser_and_can_be_cleared(browser, built_book):
    visit = Visit(browser, (built_book / "checker.html").as_uri(), "file:")
    try:
        page = visit.page
        visit.wait_ready()
        fill(page, "Hi Dana, could I ask how you moved into campus recruiting?")
        page.click(".ilc-save")
        fill(page, DANA_GOOD)
        page.click(".ilc-save")
        page.reload(wait_until="load")
        items = page.locator(".ilc-drafts .ilc-draft")
        assert items.count() == 2, page.text_content(".ilc-drafts")
        assert "Exemplary" in items.nth(1).text_content()
        chart = page.locator(".ilc-chart svg[role='img']")
        assert chart.count() == 1 and "(exemplary)" in chart.get_attribute("aria-label")
        page.fill(".ilc-student", "Nia Okafor")
        with page.expect_download() as info:
            page.click(".ilc-download")
        rows = list(csv.DictReader(
            Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()))
        assert [r["text"] for r in rows] == ["Hi Dana, could I ask how you moved into campus "
                                             "recruiting?", DANA_GOOD]
        assert rows[1]["level"] == "exemplary" and rows[1]["recipient_id"] == "dana-whitfield"
        items.nth(0).locator("button").click()
        assert page.input_value(".ilc-text").startswith("Hi Dana, could I ask")
        page.select_option(".ilc-from", "")
        assert page.locator(".ilc-describe").is_visible()
        page.select_option(".ilc-from", "alex-rivera")
        assert not page.locator(".ilc-describe").is_visible()
        page.click(".ilc-clear")
        assert page.locator(".ilc-drafts .ilc-draft").count() == 0
        page.reload(wait_until="load")
        assert page.locator(".ilc-drafts .ilc-draft").count() == 0
    finally:
        visit.close()


def test_accessibility_with_feedback_on_the_page(checker_page):
    page = checker_page.page
    fill(page, DANA_GOOD)
    page.add_script_tag(path=str(AXE_JS))
    violations = [v for v in page.evaluate(AXE_JS_RUN) if not _allowed_axe(v)]
    bad = [f"{v['id']} ({v['impact']}): {v['help']} -> "
           + "; ".join(n["target"] for n in v["nodes"][:3]) for v in violations]
    assert not bad, "axe-core violations on the checker:" + _failures(bad)
    # every control has a label, and feedback is announced
    for sel in (".ilc-text", ".ilc-to", ".ilc-from"):
        uid = page.get_attribute(sel, "id")
        assert page.locator(f"label[for='{uid}']").count() == 1, sel
    # a short summary is announced once typing pauses (not the whole list on every key)
    page.wait_for_function("() => document.querySelector('.ilc-announce').textContent"
                           ".startsWith('Level: Exemplary, score 100 of 100')", timeout=5000)
    assert page.text_content(".ilc-announce").endswith("Every check passes.")
    assert page.get_attribute(".ilc-announce", "aria-live") == "polite"
    assert page.get_attribute(".ilc-feedback", "aria-live") is None


def test_keyboard_only(checker_page):
    page = checker_page.page
    page.fill(".ilc-text", "")
    page.focus(".ilc-to")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('ilc-from')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('ilc-text')")
    page.keyboard.type("Hi Dana")
    assert page.text_content(".ilc-count").startswith("7 / 300")


def test_readable_at_390_px(browser, built_book):
    visit = Visit(browser, (built_book / "checker.html").as_uri(), "file:", width=390)
    try:
        page = visit.page
        visit.wait_ready()
        fill(page, DANA_GOOD)
        wide = page.evaluate("""() => Array.from(document.querySelectorAll('.ilc-checker *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.className || e.tagName).slice(0, 5)""")
        assert not wide, f"checker content wider than a 390 px screen: {wide}"
    finally:
        visit.close()


def test_live_gym_and_studio_pages(browser, built_book):
    visit = Visit(browser, (built_book / "notebooks" / "rewrite-gym.html").as_uri(), "file:")
    try:
        page = visit.page
        visit.wait_ready()
        first = page.input_value(".ilc-text")
        assert first, "the gym should start from its first generic note"
        assert "Before:" in page.text_content(".ilc-feedback")
        page.click(".ilc-hint")
        assert page.text_content(".ilc-hints").startswith("Hint 1 of 2: ")
        page.select_option(".ilc-exercise", "1")
        assert page.input_value(".ilc-text") != first
        assert not visit.external and not visit.real_errors(), visit.real_errors()
    finally:
        visit.close()


def test_notebook_pages_say_what_is_live_and_what_is_a_snapshot(built_book):
    bad = []
    pages = sorted((built_book / "notebooks").glob("*.html")) + \
        sorted((built_book / "exercises").glob("*/exercise.html"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(built_book).with_suffix("").as_posix()  # notebooks/x, exercises/y/exercise
        name = path.stem if rel.startswith("notebooks/") else rel
        head = text.split('class="ilc-snapshot-note', 1)
        if len(head) < 2:
            bad.append(f"{name}: no admonition about snapshots at the top")
            continue
        box = re.sub(r"<[^>]+>", "", head[1][:3000])
        if f"jupyter lab {rel}.ipynb" not in box or not (REPO / f"{rel}.ipynb").is_file():
            bad.append(f"{name}: the admonition does not say how to open the notebook "
                       f"(the kit's {rel}.ipynb)")
        views = [m.start() for m in re.finditer(
            r'<script type="application/vnd.jupyter.widget-view\+json">', text)]
        if not views and "buttons, menus and charts" in box:
            bad.append(f"{name}: speaks of buttons and menus on a page that has none")
        # every frozen control has its own "does not respond" caption just before it, after the
        # control before it (so the text next to it never reads as if it updated)
        captions = [m.start() for m in re.finditer(r'class="ilc-snapshot-caption', text)]
        if len(captions) != len(views):
            bad.append(f"{name}: {len(views)} frozen widgets but {len(captions)} snapshot captions")
        for i, view in enumerate(views):
            before = [c for c in captions if (views[i - 1] if i else 0) < c < view]
            if not before:
                bad.append(f"{name}: frozen widget {i + 1} has no snapshot caption just before it")
        if not rel.startswith("notebooks/"):
            continue
        live = 'class="ilc-checker"' in text
        if name in ("invitation-studio", "rewrite-gym") and not live:
            bad.append(f"{name}: should carry the live checker")
        if name not in ("invitation-studio", "rewrite-gym") and live:
            bad.append(f"{name}: unexpected live checker")
    for path in sorted((built_book / "exercises").glob("*/exercise.html")):  # not notebooks/exercise.ipynb
        box = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8").split('class="ilc-snapshot-note', 1)[-1][:3000])
        if f"jupyter lab exercises/{path.parent.name}/exercise.ipynb" not in box:
            bad.append(f"exercises/{path.parent.name}: the admonition names the wrong notebook to open")
    assert not bad, _failures(bad)


def test_engine_bundle_is_built_from_src(built_book):
    engine = (built_book / "_static" / "checker" / "engine.js").read_text(encoding="utf-8")
    payload = json.loads(engine.split('["engine"] = ', 1)[1].rstrip().rstrip(";"))
    src = Path(REPO / "src")
    for rel, text in payload["files"].items():
        assert (src / rel).read_text(encoding="utf-8") == text, (
            f"{rel} in the built book differs from src/: rebuild the book")
    assert "invitelab/browser/glue.py" in payload["files"]
    assert not any(k.startswith("invitelab/widgets/") for k in payload["files"])


def test_checker_is_on_its_page_in_the_anatomy_chapter_and_in_the_toc(built_book):
    for page in ("checker.html", "chapters/anatomy.html"):
        text = (built_book / page).read_text(encoding="utf-8")
        assert text.count('class="ilc-checker"') == 1, f"{page}: expected one live checker"
        assert "_static/checker/checker.js" in text, f"{page}: the checker's script is missing"
    intro = (built_book / "intro.html").read_text(encoding="utf-8")
    assert 'href="checker.html"' in intro, "the Invitation checker page is not in the sidebar"
    assert "_static/checker/checker.js" not in intro, "pages without a checker load its script"


def test_highlights_follow_python_offsets_past_emoji(checker_page):
    # Python's spans count code points, JavaScript's strings count UTF-16 units: an emoji
    # before the words must not shift the highlights.
    page = checker_page.page
    note = ("\U0001F642\U0001F642 Hi Dana, I'm a psychology junior at Ohio State. Could you "
            "refer me for an internship at Meridian Health? Thanks, Alex")
    fill(page, note)
    assert page.text_content(".ilc-marked") == note
    fails = page.locator(".ilc-marked mark.ilc-mark-fail").all_text_contents()
    assert "refer me" in fails, fails


# --- the bad-input matrix's text cases (tests/bad_inputs.py, entry point "page") --------------

PAGE_NOTES = [c for c in NOTES if "page" in c.entries]


@pytest.mark.parametrize("case", PAGE_NOTES, ids=lambda c: c.id)
def test_bad_input_matrix_text_cases_in_the_page(checker_page, case):
    """Pasted as a student would (1 MB, NUL and control characters, zero-width and right-to-left
    override characters, a lone surrogate, HTML and script): the page gives the Python API's
    verdict, shows the text as text, and raises no error."""
    page = checker_page.page
    before = int(page.get_attribute("section.ilc-checker", "data-checked") or 0)
    # the text goes in as JavaScript source (JSON's \\u escapes), so a lone surrogate arrives as one
    page.evaluate("() => { const box = document.querySelector('.ilc-text'); box.value = "
                  + json.dumps(case.text) + "; box.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_function(
        "n => +(document.querySelector('section.ilc-checker').getAttribute('data-checked') || 0) > n",
        arg=before, timeout=20_000)
    settle(page)
    assert page.locator(".ilc-feedback .ilc-error").count() == 0, page.text_content(".ilc-feedback")
    expected = _python({"text": case.text, "recipient_id": "dana-whitfield", "sender_id": "alex-rivera"})
    shown = page.text_content(".ilc-feedback .ilc-level-name")
    assert f"Level: {expected['level'].capitalize()}" in shown, shown
    assert f"score {round(expected['score'])}/100" in shown, shown
    words = page.locator(".ilc-finding .ilc-status-word").all_text_contents()
    want = {"pass": "Pass", "fail": "Not yet", "n/a": "Not applicable"}
    assert words == [want[f["status"]] for f in expected["findings"]]
    count = page.text_content(".ilc-count").replace(",", "")  # the page writes 1,012,000
    assert count.startswith(f"{len(case.text)} / 300 characters"), count
    assert page.locator(".ilc-checker img, .ilc-checker script, .ilc-feedback a").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert not checker_page.real_errors(), _failures(checker_page.real_errors())


def test_hostile_profiles_and_note_are_shown_as_text(browser, server, tmp_path):
    """The page's profiles replaced by hostile ones (script tags, attribute-breaking quotes,
    javascript: links in every field): the card, the feedback and the highlights show them as
    text, and the engine in the page still judges the note."""
    from invitelab.browser import bundle

    script, quotes = "<script>window.__pwned=1</script>", "\" onmouseover=\"window.__pwned=2\" x='"
    link = '<a href="javascript:window.__pwned=3">x</a> javascript:window.__pwned=4'
    hostile = f"{script} {quotes} {link}"
    people = json.loads(kitdata.profiles_path().read_text(encoding="utf-8"))
    for p in people:
        p.update(name=f"Dana {script}" if p["id"] == "dana-whitfield" else p["name"] + quotes,
                 headline=f"Recruiter {hostile}", location=link,
                 skills=[*p.get("skills", []), hostile], activity=[*p.get("activity", []), f"Posted: {hostile}"])
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps(people), encoding="utf-8")
    replaced = bundle.profiles_script(path)
    visit = Visit.__new__(Visit)
    visit.external, visit.errors = [], []
    visit.context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit.page = page = visit.context.new_page()
    page.route("**/*", lambda route: route.fulfill(body=replaced, content_type="text/javascript")
               if urlsplit(route.request.url).path.endswith("/checker/profiles.js") else
               route.continue_() if route.request.url.startswith(server) else route.abort())
    page.on("pageerror", lambda err: visit.errors.append(str(err)))
    page.on("console", lambda msg: visit.errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(server + "checker.html", wait_until="load")
        visit.wait_ready()
        fill(page, f"Hi Dana, {hostile} I'm a psychology junior at Ohio State. Thanks, Alex")
        assert "Dana " + script in page.text_content(".ilc-card")
        assert "Recruiter " + hostile in page.text_content(".ilc-card")
        assert page.locator(".ilc-feedback .ilc-finding").count() == 10
        assert page.locator(".ilc-checker script, .ilc-checker img, .ilc-card a, .ilc-feedback a").count() == 0
        assert page.locator(".ilc-checker [onmouseover]").count() == 0
        page.hover(".ilc-card")
        assert page.evaluate("() => window.__pwned") is None
        assert script in page.text_content(".ilc-marked")
        assert not visit.real_errors(), _failures(visit.real_errors())
    finally:
        visit.close()


# --- issue 12, tried in the book: the live gym and the live drafts file -------------------------

def _gym_python(number: int):
    """What the notebook's gym says about exercise `number`: its level, target and ladder."""
    pytest.importorskip("ipywidgets")
    from invitelab.widgets.gym import RewriteGym, hints_for, target_criterion

    gym = RewriteGym(number, sender_id="alex-rivera")
    result = gym.before_result
    target = target_criterion(result)
    ladder = hints_for(result, target, gym.recipient_profile, gym.sender_profile)
    return result, target, ladder


def test_live_gym_hints_work_on_what_the_notebook_gym_works_on(browser, built_book):
    """Every exercise's hints target the note's own most important failing check (the notebook's
    rule, from the engine's findings), never a greeting first for a hard ask; the label names no
    level, the badge is the engine's."""
    from invitelab.widgets.gym import EXERCISES

    visit = Visit(browser, (built_book / "notebooks" / "rewrite-gym.html").as_uri(), "file:")
    bad = []
    try:
        page = visit.page
        visit.wait_ready()
        for i, exercise in enumerate(EXERCISES):
            result, target, ladder = _gym_python(exercise.number)
            page.select_option(".ilc-exercise", str(i))
            page.wait_for_function(
                "t => document.querySelector('.ilc-text').value === t", arg=exercise.generic_text)
            settle(page)
            label = page.text_content(".ilc-before")
            if any(level in label.lower() for level in ("generic", "developing", "personalized",
                                                         "exemplary")):  # fmt: skip
                bad.append(f"exercise {exercise.number}: its label names a level: {label!r}")
            badge = page.text_content(".ilc-feedback")
            if f"Level: {result.level.capitalize()}" not in badge:
                bad.append(f"exercise {exercise.number}: badge {badge[:40]!r}, engine {result.level}")
            page.click(".ilc-hint")
            first = page.locator(".ilc-hints .ilc-hint-text").all_text_contents()
            page.click(".ilc-hint")
            both = page.locator(".ilc-hints .ilc-hint-text").all_text_contents()
            page.click(".ilc-hint")  # a third press stays on the last rung
            again = page.locator(".ilc-hints .ilc-hint-text").all_text_contents()
            want = [f"Hint {k} of 2: {rung}" for k, rung in enumerate(ladder[:2], 1)]
            if first != want[:1] or both != want or again != want:
                bad.append(f"exercise {exercise.number} (target {target}): hints {both!r}, "
                           f"the notebook's first two rungs are {want!r}")
        assert not visit.real_errors(), visit.real_errors()
    finally:
        visit.close()
    assert not bad, "live gym:" + _failures(bad)


def test_live_gym_hint_moves_on_once_the_check_passes(browser, built_book):
    visit = Visit(browser, (built_book / "notebooks" / "rewrite-gym.html").as_uri(), "file:")
    try:
        page = visit.page
        visit.wait_ready()
        page.select_option(".ilc-exercise", "4")  # the hard ask: its hints start on no_hard_ask
        settle(page)
        page.click(".ilc-hint")
        assert "Makes no hard ask of a stranger: not yet." in page.text_content(".ilc-hints")
        fill(page, "Hey Karen, could I ask how you got started at your company? Thanks, Alex")
        page.click(".ilc-hint")
        hints = page.locator(".ilc-hints .ilc-hint-text").all_text_contents()
        assert len(hints) == 1 and "no hard ask" not in hints[0].lower(), hints
    finally:
        visit.close()


def test_live_drafts_file_is_the_notebook_studios_file(browser, built_book):
    """The book's 'Download my drafts (CSV)' asks the student's name once and writes the studio's
    columns, unique ids, a timestamp with its offset and a file name with the student's name:
    the notebook's file (test_widgets.py checks that the class dashboard reads it)."""
    pytest.importorskip("ipywidgets")
    from datetime import datetime

    from invitelab.widgets.drafts import CSV_COLUMNS

    visit = Visit(browser, (built_book / "notebooks" / "invitation-studio.html").as_uri(), "file:")
    try:
        page = visit.page
        visit.start_empty()
        fill(page, "Hi Dana, could I ask how you moved into campus recruiting?")
        page.click(".ilc-save")
        fill(page, DANA_GOOD)
        page.click(".ilc-save")
        page.click(".ilc-download")  # no name yet: asked for, nothing downloaded
        assert "name or student id" in page.text_content(".ilc-download-note")
        page.fill(".ilc-student", "  Émile   Zoë ")
        with page.expect_download() as info:
            page.click(".ilc-download")
        name = info.value.suggested_filename
        assert re.fullmatch(r"invitelab-drafts-emile-zoe-\d{8}-\d{4}\.csv", name), name
        path = Path(info.value.path())
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(text.splitlines()))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert {r["student"] for r in rows} == {"Émile Zoë"}
        assert len({r["id"] for r in rows}) == 2 and all(re.fullmatch(r"d-[0-9a-f]{12}", r["id"])
                                                         for r in rows)
        assert [r["draft"] for r in rows] == ["1", "2"]
        assert all(datetime.fromisoformat(r["timestamp"]).tzinfo for r in rows)
        python = score(DANA_GOOD, recipient=kitdata.profiles()["dana-whitfield"],
                       sender=kitdata.profiles()["alex-rivera"])
        assert rows[1]["level"] == python.level and float(rows[1]["score"]) == round(python.score, 1)
        assert {c: rows[1][c] for c in CSV_COLUMNS[12:]} == {
            f.criterion: f.status for f in python.findings}
        assert rows[1]["characters"] == str(len(DANA_GOOD))
        # the name is asked once: it is still there after a reload
        page.reload(wait_until="load")
        assert page.input_value(".ilc-student") == "Émile Zoë"
        assert not visit.real_errors(), visit.real_errors()
    finally:
        visit.close()


def test_a_student_alone_writes_three_drafts_on_a_phone_and_watches_the_level_rise(browser, built_book):
    """USERS.md, Nia: on a 390 px phone, with nothing installed, three drafts to one person; each
    time the checks not yet passed say what to try, the detail hint names something from that
    person's profile, and the level (shown before the score) rises draft by draft."""
    from invitelab.widgets.facts import profile_facts

    rosa = kitdata.profiles()["rosa-delgado"]
    facts = [f.text for f in profile_facts(rosa) if f.section in ("Activity", "Group", "Interest")]
    drafts = ["Hi Rosa, I'd like to connect.",
              "Hi Rosa, I'm a biology sophomore. Could I ask how you started?",
              "Hi Rosa, I'm a second-year biology student. Your post on moving your pantry hours to "
              "evenings made me think. Could I ask how you got into food-security work? Thank you, Nia"]
    visit = Visit(browser, (built_book / "checker.html").as_uri(), "file:", width=390)
    try:
        page = visit.page
        visit.wait_ready()
        page.evaluate("() => localStorage.clear()")
        page.select_option(".ilc-to", "rosa-delgado")
        page.select_option(".ilc-from", "")
        page.fill(".ilc-describe", "a second-year biology student")
        levels = []
        for text in drafts:
            fill(page, text)
            head = page.text_content(".ilc-feedback .ilc-level, .ilc-feedback")
            level = re.search(r"Level: (\w+) \(\d of 4\) · score \d+/100", head)
            assert level, head[:120]  # the level first, then the score
            levels.append(level.group(1).lower())
            python = score(text, recipient=rosa, limit=300)
            assert levels[-1] == python.level
            tries = page.locator(".ilc-finding.ilc-fail .ilc-suggestion").all_text_contents()
            assert len(tries) == sum(f.status == "fail" for f in python.findings)
            detail = page.locator(".ilc-finding.ilc-fail", has_text="Cites something true")
            if detail.count():
                hint = detail.locator(".ilc-suggestion").text_content()
                assert any(fact in hint for fact in facts), hint
            page.click(".ilc-save")
        order = ["generic", "developing", "personalized", "exemplary"]
        assert [order.index(lv) for lv in levels] == sorted(order.index(lv) for lv in levels)
        assert order.index(levels[-1]) > order.index(levels[0]), levels
        chart = page.get_attribute(".ilc-chart svg[role='img']", "aria-label")
        assert all(f"({lv})" in chart for lv in levels), chart
        wide = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert wide <= 1, f"the page scrolls sideways by {wide} px on a phone"
        assert not visit.external and not visit.real_errors(), (visit.external, visit.real_errors())
    finally:
        visit.close()


def test_live_drafts_chart_shows_the_level_bands_so_a_hard_ask_never_outscores_a_personalized_note(
        browser, built_book):
    """Issue 12 (Scores): the book's drafts chart draws the rubric's level bands behind the bars, as
    the notebook studio's does; a hard ask's bar ends in the developing band, below the
    personalized note's."""
    from invitelab import default_rubric

    notes = ["I'd like to add you to my professional network on LinkedIn.",
             "Hi Dana, could you refer me for an internship at Meridian Health? I read your post on "
             "career fairs.",
             "Hi Dana, I read your post on what you look for at career fairs. Could I ask how you got "
             "into campus recruiting?"]
    visit = Visit(browser, (built_book / "notebooks" / "invitation-studio.html").as_uri(), "file:",
                  width=390)
    try:
        page = visit.page
        visit.start_empty()
        for text in notes:
            fill(page, text)
            page.click(".ilc-save")
        chart = page.evaluate("""() => {
          const svg = document.querySelector('.ilc-chart svg[role="img"]');
          const texts = Array.from(svg.querySelectorAll('text')).map(t => t.textContent);
          const rects = Array.from(svg.querySelectorAll('rect')).map(r => ({
            y: +r.getAttribute('y'), h: +r.getAttribute('height'), x: +r.getAttribute('x'),
            w: +r.getAttribute('width')}));
          return {texts, rects, label: svg.getAttribute('aria-label'),
                  right: svg.getBoundingClientRect().right, width: innerWidth};
        }""")
        rubric = default_rubric()
        levels = ("generic", "developing", "personalized", "exemplary")
        for lv in levels:
            assert lv.capitalize() in chart["texts"], chart["texts"]
            low, high = rubric.band(lv)
            assert f"{lv} {low:g}-{high:g}" in chart["label"], chart["label"]
        bands, bars = chart["rects"][:4], chart["rects"][4:]
        assert len(bars) == 3
        scale = (bands[0]["y"] + bands[0]["h"] - bands[-1]["y"]) / 100  # px per point
        zero = bands[0]["y"] + bands[0]["h"]
        python = [score(t, recipient=kitdata.profiles()["dana-whitfield"],
                        sender=kitdata.profiles()["alex-rivera"]) for t in notes]
        assert [r.level for r in python] == ["generic", "developing", "personalized"]
        for bar, result, band in zip(bars, python, bands):
            top = (zero - bar["y"]) / scale
            low, high = rubric.band(result.level)
            assert low - 1 <= top <= high + 1, (result.level, top, low, high)
            assert f"{round(result.score)} ({result.level})" in chart["label"]
        assert bars[1]["y"] > bars[2]["y"]  # the hard ask's bar is lower
        assert chart["right"] <= chart["width"], "the chart runs past a 390 px screen"
        assert not visit.real_errors(), visit.real_errors()
    finally:
        visit.close()
