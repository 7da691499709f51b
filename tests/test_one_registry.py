"""One registry of criteria (issue 7 item 1): `engine/criteria/__init__.py` is the only place the
criterion ids are listed. Nothing else in the package, the book's extensions or the live
checker's JavaScript may spell out the list again; display tables keyed by id are allowed only
where a criterion they do not know still gets a label (its title)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from invitelab import CRITERION_IDS, Finding  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "src" / "invitelab" / "engine" / "criteria" / "__init__.py"
# display labels keyed by id, each with a fallback to the finding's title (tested below)
LABEL_TABLES = {
    ROOT / "src" / "invitelab" / "widgets" / "render.py": "TAGS",
    ROOT / "src" / "invitelab" / "widgets" / "charts.py": "CHART_LABELS",
}
ID = re.compile(r"""["'](%s)["']""" % "|".join(map(re.escape, CRITERION_IDS)))


def _files():
    yield from (ROOT / "src" / "invitelab").rglob("*.py")
    yield from (ROOT / "book" / "_ext").glob("*.py")
    yield from (ROOT / "book" / "_vendor" / "checker").glob("*.js")


# all but two: the level rules' groups (CORE in engine/scoring.py, the gym's hint groups) name a
# few ids each, by the spec; a table of (nearly) all of them is a copy of the registry
LEAST = max(3, len(CRITERION_IDS) - 2)


def _runs(text: str, least: int = LEAST, gap: int = 120):
    """Runs of at least `least` different quoted criterion ids inside one bracketed literal, each
    within `gap` characters of the one before: a written-out copy of the list (or most of it)."""
    run: list[re.Match] = []
    for m in ID.finditer(text):
        between = text[run[-1].end():m.start()] if run else ""
        if run and (len(between) > gap or re.search(r"[)\]}]", between)):
            if len({x.group(1) for x in run}) >= least:
                yield run
            run = []
        run.append(m)
    if len({x.group(1) for x in run}) >= least:
        yield run


def test_no_module_writes_out_the_criterion_ids_again():
    copies = []
    for path in _files():
        if path == REGISTRY or "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for run in _runs(text):
            line = text.count("\n", 0, run[0].start()) + 1
            if LABEL_TABLES.get(path) and re.search(rf"^{LABEL_TABLES[path]}\s*=", text[:run[0].start()].rsplit("\n\n", 1)[-1], re.M):
                continue
            copies.append(f"{path.relative_to(ROOT)}:{line}: {', '.join(m.group(1) for m in run)}")
    assert not copies, "criterion ids written out outside engine/criteria/__init__.py " \
        "(derive them from invitelab.CRITERION_IDS):\n" + "\n".join(copies)


def test_the_scan_finds_a_copy():
    ids = ", ".join(f'"{c}"' for c in CRITERION_IDS)
    assert list(_runs(f"IDS = ({ids})")) and list(_runs(f"IDS = [\n    {ids}\n]"))
    assert not list(_runs('GROUP = ("greeting", "purpose", "tone")\nMORE = ("length", "tone")'))


def test_the_label_tables_know_only_real_ids_and_a_new_criterion_still_gets_a_label():
    from invitelab.widgets import charts, render

    assert set(render.TAGS) <= set(CRITERION_IDS) and set(charts.CHART_LABELS) <= set(CRITERION_IDS)
    new = Finding("mutual_connection", "pass", "Names Priya", title="Names a mutual connection")
    assert render._tag(new) == "Names a mutual connection"
    html = render.highlight_html("Hi Dana, Priya suggested I write.", [Finding(
        "mutual_connection", "pass", "Names Priya", span=(9, 14), title="Names a mutual connection")])
    assert "Names a mutual connection" in html
