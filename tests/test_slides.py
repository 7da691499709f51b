"""The workshop deck: built into a temp dir, opened from disk in headless Chromium with every
non-file request blocked (none may be attempted), speaker notes on every slide, every slide
inside 1280x720, projector-sized type, and the PDF export one page a slide.

Browser tests reuse tests/test_book_browser.py's `browser` fixture: skipped locally without
Chromium, required when CI is set.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest
from test_book_browser import LOCAL_SCHEMES  # the `browser` fixture comes from conftest.py (shared, not copied)
from test_handouts import pdf_info, render_pages

from invitelab.cli import main
from invitelab.workshop import slides as deck

SOURCE = deck.load_source()
COUNT = len(SOURCE["slides"])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("deck")
    result = deck.build_slides(out)
    assert result["slides"] == COUNT
    return out


def test_deck_is_self_contained(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert refs, "the deck references no files"
    for ref in refs:
        assert not re.match(r"^[a-z]+:", ref), f"index.html refers outside the folder: {ref}"
        assert (built / ref).is_file(), f"index.html refers to a missing file: {ref}"
    assert (built / "reveal" / "LICENSE.md").is_file(), "reveal.js's licence must travel with the deck"
    assert "//" not in (built / "slides.css").read_text(encoding="utf-8").replace("/*", "").replace("*/", "")


def test_every_figure_has_alt_text_and_every_slide_notes(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == sum(1 for s in SOURCE["slides"] if s.get("figure"))
    for img in images:
        alt = re.search(r'alt="([^"]*)"', img)
        assert alt and len(alt.group(1)) > 20, f"figure without a real description: {img}"
    assert page.count('<aside class="notes">') == COUNT


def test_examples_are_scored_by_the_engine(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    for ex in deck.scored_examples().values():
        for text, result in ((ex.before, ex.before_result), (ex.after, ex.after_result)):
            assert html.escape(text) in page
            assert f"{result.level.capitalize()} · {result.score:.0f}/100 · {len(text)} characters" in page
        assert ex.after_result.score > ex.before_result.score


def test_source_errors_are_one_clear_line(tmp_path, monkeypatch, capsys):
    bad = dict(SOURCE, slides=[{"title": "X", "figure": "nope.svg", "alt": "a drawing"}])
    monkeypatch.setattr(deck, "load_source", lambda: bad)
    assert main(["slides", "-o", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err.strip()
    assert "figure nope.svg not found" in err and "\n" not in err


def test_student_text_in_slides_is_escaped():
    out = deck.slide_html({"title": "<script>x</script>", "points": ["a <b>"], "notes": "<i>"}, {})
    assert "<script>" not in out and "&lt;script&gt;" in out and "a &lt;b&gt;" in out


SLIDE_FACTS_JS = """
() => {
  const out = [];
  const slides = Reveal.getSlides();
  for (let i = 0; i < slides.length; i++) {
    Reveal.slide(i);
    const s = Reveal.getCurrentSlide();
    const box = s.getBoundingClientRect();
    const scale = Reveal.getScale();
    const outside = [];
    for (const el of s.querySelectorAll('*')) {
      if (el.closest('aside.notes')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.top < box.top - 1)
        outside.push(el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40));
    }
    const sizes = Array.from(s.querySelectorAll('p, li'))
      .filter(el => !el.closest('aside.notes'))
      .map(el => parseFloat(getComputedStyle(el).fontSize));
    out.push({ i, title: (s.querySelector('h1, h2') || {}).textContent || '',
      width: box.width / scale, height: box.height / scale, outside,
      scrollOver: s.scrollHeight - s.clientHeight,
      notes: (Reveal.getSlideNotes(s) || '').trim().length,
      minFont: sizes.length ? Math.min(...sizes) : null });
  }
  return out;
}
"""


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.fixture(scope="module")
def opened(built, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    attempted, errors = [], []

    def route(r):
        if r.request.url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            attempted.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((built / "index.html").as_uri(), wait_until="load")
    page.wait_for_selector(".reveal.ready", timeout=15000)
    facts = page.evaluate(SLIDE_FACTS_JS)
    colours = page.evaluate("""() => { const i = Reveal.getSlides().findIndex(x => x.querySelector('h2') && x.querySelector('li'));
        Reveal.slide(i); const s = Reveal.getCurrentSlide();  // the first slide with a heading and bullets
        const c = el => getComputedStyle(el).color;
        return { bg: getComputedStyle(document.querySelector('.reveal-viewport') || document.body).backgroundColor,
                 h2: c(s.querySelector('h2')), li: c(s.querySelector('li')) }; }""")
    yield {"facts": facts, "attempted": attempted, "errors": errors, "colours": colours}
    context.close()


def test_deck_opens_offline_with_no_request_attempted(opened):
    assert opened["attempted"] == [], f"the deck asked the network for {opened['attempted']}"
    assert opened["errors"] == [], f"JavaScript errors: {opened['errors']}"
    assert len(opened["facts"]) == COUNT


def test_every_slide_has_speaker_notes(opened):
    missing = [f["title"] for f in opened["facts"] if f["notes"] < 40]
    assert not missing, f"slides without speaker notes: {missing}"


def test_every_slide_fits_1280x720(opened):
    bad = []
    for f in opened["facts"]:
        if round(f["width"]) != 1280 or round(f["height"]) != 720:
            bad.append(f"{f['title']}: slide is {f['width']:.0f}x{f['height']:.0f}")
        if f["outside"] or f["scrollOver"] > 1:
            bad.append(f"{f['title']}: overflows ({f['outside'][:3]}, {f['scrollOver']} px too tall)")
    assert not bad, "\n".join(bad)


def test_type_is_projector_sized_and_high_contrast(opened):
    small = [(f["title"], f["minFont"]) for f in opened["facts"] if f["minFont"] is not None and f["minFont"] < 28]
    assert not small, f"text under 28 px on a 1280x720 slide: {small}"
    bg = _luminance(opened["colours"]["bg"])
    for part in ("h2", "li"):
        fg = _luminance(opened["colours"][part])
        ratio = (max(bg, fg) + 0.05) / (min(bg, fg) + 0.05)
        assert ratio >= 7, f"{part} contrast {ratio:.1f}:1 is below 7:1 (WCAG AAA)"


def test_pdf_export_is_one_page_a_slide(tmp_path, browser):  # noqa: F811
    # The CLI, in its own process (Playwright's sync API cannot nest inside the browser fixture's).
    proc = subprocess.run([sys.executable, "-m", "invitelab", "slides", "-o", str(tmp_path / "deck"), "--pdf"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = {"pdf": tmp_path / "deck" / "slides.pdf"}
    info = pdf_info(result["pdf"])
    assert info["pages"] == COUNT
    for w, h in info["sizes"]:
        assert (w, h) == pytest.approx((960, 540), abs=2), f"PDF page is {w}x{h} pt, not 1280x720 px"
    from PIL import Image
    pages = render_pages(result["pdf"], tmp_path, dpi=20)
    assert len(pages) == COUNT
    assert all(Image.open(p).convert("L").getextrema()[0] < 100 for p in pages), "a PDF page is blank"


def test_speaker_view_opens_offline_with_the_notes(built, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    attempted = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL_SCHEMES)
                  else (attempted.append(r.request.url), r.abort()))
    try:
        page = context.new_page()
        page.goto((built / "index.html").as_uri(), wait_until="load")
        page.wait_for_selector(".reveal.ready", timeout=15000)
        with context.expect_page(timeout=10000) as popup:
            page.keyboard.press("s")
        speaker = popup.value
        speaker.wait_for_selector(".speaker-controls-notes", timeout=10000)
        first_note = SOURCE["slides"][0]["notes"].split(".")[0]
        speaker.wait_for_function("t => document.querySelector('.speaker-controls-notes').innerText.includes(t)",
                                  arg=first_note, timeout=10000)
    finally:
        context.close()
    assert attempted == []


def test_pdf_finds_chrome_where_an_advisor_has_it_or_says_how_to_do_without(tmp_path, monkeypatch, capsys):
    # Elena's laptop has Google Chrome, not Debian's /usr/bin/chromium: --pdf must look for it.
    monkeypatch.delenv("INVITELAB_CHROMIUM", raising=False)
    monkeypatch.setattr(deck, "CHROMIUM", str(tmp_path / "no-chromium-here"))
    chrome = tmp_path / "bin" / "google-chrome"
    chrome.parent.mkdir()
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    monkeypatch.setenv("PATH", str(chrome.parent))
    monkeypatch.setattr(deck, "BROWSER_PATHS", ())
    assert deck.find_browser() == str(chrome)
    # No browser at all: one line that says the HTML deck is there and how to print it by hand.
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert deck.find_browser() is None
    assert main(["slides", "-o", str(tmp_path / "d"), "--pdf"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "apt-get" not in err
    assert "the HTML deck was written" in err and "print-pdf" in err
    assert (tmp_path / "d" / "index.html").exists()
    # A browser the user named but that is not there is reported as such, not replaced.
    monkeypatch.setenv("INVITELAB_CHROMIUM", str(tmp_path / "typo"))
    monkeypatch.setattr(deck, "CHROMIUM", str(tmp_path / "typo"))
    monkeypatch.setenv("PATH", str(chrome.parent))
    assert deck.find_browser() is None
    assert main(["slides", "-o", str(tmp_path / "d2"), "--pdf"]) == 2
    assert "INVITELAB_CHROMIUM names" in capsys.readouterr().err


def test_no_slide_points_to_a_chapter_it_is_not_in(built):
    # The deck reuses the book's drawings: words like "in this chapter" mean nothing on a projector.
    texts = {"index.html": (built / "index.html").read_text(encoding="utf-8")}
    texts.update({f"figures/{p.name}": p.read_text(encoding="utf-8") for p in (built / "figures").glob("*.svg")})
    for name, text in texts.items():
        found = re.search(r"\b(?:in|see) this (?:chapter|page|section)\b", text, re.I)
        assert not found, f"{name}: {found.group(0)!r} on a slide"


def test_the_deck_follows_the_run_sheet_and_its_minutes_come_from_activities_toml(tmp_path):
    # Elena reads the run sheet and the speaker notes side by side: same activities, same order,
    # same minutes (the notes once said "Activity 4 (8 minutes)" where the 60-minute plan has 10).
    from invitelab.workshop import activities

    marked = [s["activity"] for s in SOURCE["slides"] if s.get("activity")]
    assert marked == [a.id for a in activities.load()], "one slide starts each activity, in run-sheet order"
    for slide in SOURCE["slides"]:
        assert not re.search(r"\b\d+\s*(?:minutes?|min)\b", slide.get("notes", "")), \
            f"slide {slide['title']!r}: minutes written by hand in slides.toml; they come from activities.toml"
    deck.build_slides(tmp_path / "d")
    page = html.unescape((tmp_path / "d" / "index.html").read_text(encoding="utf-8"))
    for length in activities.plans():
        for start, end, a in activities.plan(length):
            clock = f"({start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d})"
            assert f"{a.name}. " in page and f"{end - start} min in the {length}-minute plan {clock}" in page


def test_form_link_is_shown_escaped_where_the_notes_are_collected(tmp_path, capsys):
    link = "https://forms.example.edu/notes?a=1&b=<2>"
    assert main(["slides", "-o", str(tmp_path / "d"), "--form-link", link]) == 0
    page = (tmp_path / "d" / "index.html").read_text(encoding="utf-8")
    asking = [s for s in SOURCE["slides"] if any("{form_link}" in p for p in s.get("points", []))]
    assert len(asking) >= 2  # the 'before' note and the 'after' note
    assert page.count(html.escape(link)) == len(asking) and "<2>" not in page
    deck.build_slides(tmp_path / "plain")
    plain = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert "{form_link}" not in plain and plain.count(deck.NO_FORM_LINK) == len(asking)


def test_unknown_activity_on_a_slide_is_one_clear_line(tmp_path, monkeypatch, capsys):
    bad = dict(SOURCE, slides=[{"title": "X", "activity": "no_such_activity"}])
    monkeypatch.setattr(deck, "load_source", lambda: bad)
    assert main(["slides", "-o", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err.strip()
    assert "no_such_activity" in err and "\n" not in err
