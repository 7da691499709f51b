"""The printable handouts: built into a temp dir, page counts and sizes checked, pages rendered to
images (pdftoppm), nothing outside the paper, and every handout generated from the kit's data.

Needs WeasyPrint (requirements.txt) and poppler-utils (pdfinfo, pdftoppm: .ci/run installs it);
without poppler the image checks skip locally and fail in CI.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from invitelab import CRITERIA, default_rubric, score
from invitelab.cli import main
from invitelab.workshop import handouts
from invitelab.workshop.handouts import HANDOUTS, HandoutsError, build_handouts, load_forms

# PDF page sizes in points (1/72 inch).
SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} not found (apt-get install -y poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(f"PDF checks must run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def pdf_info(path: Path) -> dict:
    """Pages and every page's size in points, from poppler's pdfinfo."""
    out = subprocess.run([need_tool("pdfinfo"), "-f", "1", "-l", "999", str(path)], capture_output=True,
                         text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)]
    return {"pages": pages, "sizes": sizes}


def render_pages(pdf: Path, out: Path, dpi: int = 40) -> list[Path]:
    prefix = out / pdf.stem
    subprocess.run([need_tool("pdftoppm"), "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    paths = build_handouts(out)
    assert len(paths) == 2 * len(HANDOUTS)
    return out


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_handout_has_its_page_count_and_paper_size(built, paper):
    for name, (_, _, pages) in HANDOUTS.items():
        info = pdf_info(built / paper / f"{name}.pdf")
        assert info["pages"] == pages, f"{paper}/{name}.pdf has {info['pages']} pages, expected {pages}"
        assert len(info["sizes"]) == pages
        for w, h in info["sizes"]:
            assert (w, h) == pytest.approx(SIZES[paper], abs=1), f"{paper}/{name}.pdf page is {w}x{h} pt"


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_layout_box_leaves_the_page(paper):
    for name in HANDOUTS:
        document = handouts.render(name, paper)
        assert handouts.overflowing_boxes(document) == [], f"{paper}/{name} overflows"


def test_overflow_check_catches_a_box_wider_than_the_page():
    from weasyprint import HTML
    document = HTML(string="<style>@page{size:A4;margin:10mm}</style><div style='width:400mm'>x</div>").render()
    problems = handouts.overflowing_boxes(document)
    assert problems and "page 1" in problems[0]


def test_a_handout_longer_than_intended_stops_the_build(tmp_path, monkeypatch):
    title, builder, _ = HANDOUTS["profile-first-checklist"]
    monkeypatch.setitem(HANDOUTS, "profile-first-checklist", (title, lambda: builder() * 4, 1))
    with pytest.raises(HandoutsError, match="lays out to [2-9] pages, not 1"):
        build_handouts(tmp_path, papers=("letter",))


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_rendered_pages_have_ink_and_clear_margins(built, paper, tmp_path):
    from PIL import Image
    for name in HANDOUTS:
        for png in render_pages(built / paper / f"{name}.pdf", tmp_path):
            image = Image.open(png).convert("L")
            w, h = image.size
            edge = max(2, round(w * 6 / 216))  # 6 mm of a letter-width page
            inner = image.crop((edge, edge, w - edge, h - edge))
            assert inner.getextrema()[0] < 128, f"{png.name} is blank"
            for box in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
                assert image.crop(box).getextrema()[0] > 200, f"{png.name}: ink within 6 mm of the paper's edge"


def test_rubric_card_comes_from_the_criteria_and_the_default_rubric():
    card = handouts.rubric_card()
    weights = dict(default_rubric().weights)
    for criterion in CRITERIA:
        assert html.escape(criterion.title) in card
        assert html.escape(criterion.why) in card
        assert f"<td class='num'>{weights[criterion.id]:g}</td>" in card
    assert f"Limit {default_rubric().limit} characters" in card


def test_forms_come_from_forms_toml():
    forms = load_forms()
    for section, page in (("self_assessment", handouts.form_page("self_assessment", ("Before", "After"))),
                          ("feedback", handouts.form_page("feedback", ()))):
        assert html.escape(forms[section]["title"]) in page
        for question in forms[section]["questions"]:
            assert html.escape(question["text"]) in page
            for option in question.get("options", []):
                assert f"☐ {html.escape(str(option))}" in page


def test_unknown_question_kind_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "forms.toml"
    bad.write_text('[feedback]\ntitle = "x"\n[[feedback.questions]]\nid = "q"\ntext = "Q?"\nkind = "slider"\n')
    monkeypatch.setattr(handouts, "load_forms", lambda: handouts.tomllib.loads(bad.read_text()))
    with pytest.raises(HandoutsError, match="unknown kind 'slider'"):
        handouts.form_page("feedback", ())


def test_examples_sheet_shows_the_engine_s_levels_now():
    sheet = handouts.examples_sheet()
    for ex in handouts.scored_examples().values():
        for text in (ex.before, ex.after):
            result = score(text, recipient=ex.recipient, sender=ex.sender)
            assert f"{result.level.capitalize()} · {result.score:.0f}/100 · {len(text)} characters" in sheet
    # the pairs teach something: every after note is better than its before note
    for ex in handouts.scored_examples().values():
        assert ex.after_result.score > ex.before_result.score


def test_worksheet_has_three_profile_cards_and_the_200_300_grid():
    sheet = handouts.worksheet()
    for pid in handouts.WORKSHEET_RECIPIENTS:
        from invitelab import kitdata
        person = kitdata.profiles()[pid]
        assert html.escape(person.name) in sheet and html.escape(person.headline) in sheet
    assert sheet.count("class='limit200'") == 3 and sheet.count("class='limit300'") == 3
    assert sheet.count("<td></td>") + 6 == 3 * 300  # 300 boxes a page, two of them marked


def test_cli_builds_one_paper_and_reports_bad_output_in_one_line(tmp_path, capsys):
    assert main(["handouts", "-o", str(tmp_path / "out"), "--paper", "a4"]) == 0
    assert sorted(p.name for p in (tmp_path / "out" / "a4").iterdir()) == sorted(f"{n}.pdf" for n in HANDOUTS)
    assert not (tmp_path / "out" / "letter").exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    capsys.readouterr()
    assert main(["handouts", "-o", str(blocker), "--paper", "letter"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("invitelab: error: cannot write into") and "\n" not in err


def test_rubric_card_shows_a_course_rubric_and_the_cli_takes_it(tmp_path, capsys):
    # Dr. Brennan weighs purpose more and uses 200 characters: the card students hold must say so.
    from invitelab import load_rubric

    course = tmp_path / "my-rubric.toml"
    course.write_text("version = 1\nlimit = 200\n[weights]\npurpose = 30\npolite_close = 2\n")
    card = handouts.rubric_card(load_rubric(course), str(course))
    assert "<td class='num'>30</td>" in card and "<td class='num'>2</td>" in card
    assert "this course's weights (from my-rubric.toml)" in card and "the default weights" not in card
    assert "Limit 200 characters." in card and "reported to allow only" not in card
    assert main(["handouts", "-o", str(tmp_path / "out"), "--paper", "letter", "--rubric", str(course)]) == 0
    assert (tmp_path / "out" / "letter" / "rubric-card.pdf").stat().st_size > 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[weights]\npurpose = "thirty"\n')
    capsys.readouterr()
    assert main(["handouts", "-o", str(tmp_path / "out2"), "--rubric", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("invitelab: error:") and "purpose" in err and "\n" not in err
    assert not (tmp_path / "out2").exists()
