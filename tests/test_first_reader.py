"""What a first reader meets on the book's pages (issue 12, walked through as Nia and Elena).

Source-level checks of the pages' words; the browser tests (test_book_browser.py,
test_checker_browser.py) check what the built pages do.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"


def _practice_pages() -> list[str]:
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    (part,) = [p for p in toc["parts"] if p["caption"] == "Practice"]
    return [c["file"] for c in part["chapters"]]


def test_start_here_lists_every_practice_page_and_the_checker_first():
    intro = (BOOK / "intro.md").read_text(encoding="utf-8")
    practice = intro.split("**Practice.**", 1)[1].split("**Reference.**", 1)[0]
    links = re.findall(r"\{doc\}`([^`]+)`", practice)
    missing = [page for page in _practice_pages() if page not in links]
    assert not missing, f"the map of the book leaves out {missing}"
    assert "checker" in _practice_pages()[0]


def test_start_here_tells_a_student_alone_she_can_practise_without_installing():
    intro = (BOOK / "intro.md").read_text(encoding="utf-8")
    alone = intro.split("**On your own.**", 1)[1].split("\n\n", 1)[0]
    assert "{doc}`checker`" in alone and "without" in alone and "installing" in alone


def test_no_page_says_feedback_on_your_writing_needs_a_running_notebook():
    """The live checker gives that feedback in the book; pages must not send readers away."""
    stale = re.compile(r"to get feedback on your own writing, use a running notebook|"
                       r"widgets shown inside the book's pages are snapshots", re.I)
    bad = [str(p.relative_to(REPO)) for p in BOOK.rglob("*.md")
           if "_build" not in p.parts and stale.search(" ".join(p.read_text(encoding="utf-8").split()))]
    assert not bad, f"pages that still say only a running notebook gives feedback: {bad}"


def test_room_checklist_says_the_checker_works_offline_from_the_stick():
    materials = " ".join((BOOK / "instructors" / "materials.md").read_text(encoding="utf-8").split())
    assert "{doc}`../checker` runs from the USB stick with no network and no Python" in materials


EXERCISES = sorted((REPO / "exercises").glob("*/exercise.ipynb"))


def test_exercise_notebooks_hide_their_setup_cell():
    """Issue 12, tried in the book and in JupyterLab: the exercises' setup code was shown in full
    above the first question, its long lines cut off at the page's edge."""
    import json

    assert EXERCISES
    bad = []
    for path in EXERCISES + [p.with_name("source.ipynb") for p in EXERCISES]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        setup = [c for c in cells if c["cell_type"] == "code" and "google.colab" in "".join(c["source"])]
        if len(setup) != 1:
            bad.append(f"{path.relative_to(REPO)}: {len(setup)} setup cells")
            continue
        meta = setup[0]["metadata"]
        if meta.get("jupyter", {}).get("source_hidden") is not True:
            bad.append(f"{path.relative_to(REPO)}: setup cell not collapsed in Jupyter")
        if "hide-input" not in meta.get("tags", []):
            bad.append(f"{path.relative_to(REPO)}: setup cell not behind a toggle in the book")
    assert not bad, "\n".join(bad)
