"""The bad-input matrix (`tests/bad_inputs.py`) against the grader, the class dashboard and the
browser checker's Pyodide glue (issue 8): every case whose `entries` names one of them.

- "grade" / "grade-api": `invitelab grade` (in process, as `cli.main`) and `grade` +
  `write_outputs`: a note as a student's answer, a notebook file (NOTEBOOKS), a path (PATHS).
- "dashboard" / "dashboard-api": `invitelab dashboard` and `dashboard.build` + `Report`: a note as
  a form answer, a CSV export (CSVS), a path (PATHS).
- "glue": `invitelab.browser.glue`, the Python the live page runs in Pyodide, run here as Python
  (the page itself: tests/test_checker_browser.py).

A command is run in process, so an exception is a failed test exactly as it would be a traceback
for a user. Never a traceback, never a lost row: every file or CSV row read has its row written.
The dashboard's two PNG charts are replaced here by a stub (they hold counts and criterion titles,
no student text; tests/test_dashboard.py and tests/test_escaping.py draw the real ones).
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bad_inputs import CSVS, DASHBOARD_MAP, NOTEBOOKS, NOTES, PATHS
from grading_samples import notebook, set_answer
from test_bad_input_matrix import ROOT, one_line_error, run_cli

from invitelab import kitdata, score
from invitelab.browser import glue
from invitelab.grading.exercise import ExerciseError
from invitelab.grading.grader import grade, gradebook_text, write_outputs
from invitelab.grading.submissions import SubmissionsError
from invitelab.workshop import dashboard

EXERCISE = "write-three"  # three invitations, judged by the engine without a kernel
DASHBOARD_FLAGS = [arg for column, role in DASHBOARD_MAP.items() for arg in ("--map", f"{column}={role}")]
TINY_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
            b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def clean_text(text: str) -> str:
    """Lone surrogates as U+FFFD, as every file the package writes shows them."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _cases(cases, entries):
    return [pytest.param(c, e, id=f"{c.id}-{e}") for c in cases for e in entries if e in c.entries]


class Safe(HTMLParser):
    """Fails on markup that student text could have injected; collects the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "img") and not (
                tag == "img" and all(n in ("src", "alt", "style") for n, _ in attrs)):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value and "javascript:" in value.lower()):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    def handle_data(self, data):
        self.text.append(data)


def page_text(html: str) -> str:
    audit = Safe()
    audit.feed(html)
    audit.close()
    assert not audit.problems, audit.problems[:5]
    return "".join(audit.text)


@pytest.fixture
def stub_charts(monkeypatch):
    monkeypatch.setattr(dashboard.Report, "chart_png", lambda self, kind="levels": TINY_PNG)


# -- the grader ---------------------------------------------------------------------------------


def _submissions(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _grade(entry, folder, tmp_path, capsys, monkeypatch, *extra):
    """Grade ``folder`` through the command or the API; returns (gradebook rows by file, feedback dir)."""
    out, feedback = tmp_path / "gradebook.csv", tmp_path / "feedback"
    if entry == "grade":
        code, _, err = run_cli(capsys, monkeypatch, "grade", EXERCISE, str(folder), "-o", str(out),
                               "--feedback", str(feedback), *extra)
        assert code == 0, err
        assert "Traceback" not in err
    else:
        summary = grade(EXERCISE, folder)
        write_outputs(summary, out, feedback, None)
        assert out.read_bytes().decode("utf-8") == gradebook_text(summary)
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    return rows, feedback


@pytest.mark.parametrize("case,entry", _cases(NOTES, ("grade", "grade-api")))
def test_note_as_a_students_answer(case, entry, tmp_path, capsys, monkeypatch):
    nb = set_answer(notebook(EXERCISE, "source"), "q1", "q1 = " + repr(case.text))
    data = (json.dumps(nb) + "\n").encode("utf-8")  # JSON escapes a lone surrogate: the file is UTF-8
    folder = _submissions(tmp_path, {"student.ipynb": data})
    rows, feedback = _grade(entry, folder, tmp_path, capsys, monkeypatch)
    assert list(rows) == ["student.ipynb"]
    row = rows["student.ipynb"]
    assert row["status"] == "graded" and row["q1"] != "", row
    html = (feedback / "student.html").read_text(encoding="utf-8")
    shown = page_text(html)
    head = clean_text(case.text)[:60]
    if head.strip():
        assert " ".join(head.split()) in " ".join(shown.split()), "the note is not shown as text"
    assert len(html) < 200_000, "a huge answer must be cut in the feedback page"


@pytest.mark.parametrize("case,entry", [pytest.param(c, e, id=f"{c.id}-{e}") for c in NOTEBOOKS
                                        for e in ("grade", "grade-api")])
def test_notebook_file(case, entry, tmp_path, capsys, monkeypatch):
    source, blank = notebook(EXERCISE, "source"), notebook(EXERCISE, "exercise")
    good = (json.dumps(source) + "\n").encode("utf-8")
    # the hostile file among two good ones: the run goes on, every file keeps its row
    folder = _submissions(tmp_path, {"aaron.ipynb": good, f"mallory-{case.name}": case.make(source, blank),
                                     "zoe.ipynb": good})
    rows, feedback = _grade(entry, folder, tmp_path, capsys, monkeypatch)
    name = f"mallory-{case.name}"
    assert sorted(rows) == sorted(["aaron.ipynb", name, "zoe.ipynb"]), "a row was lost or added"
    for good_name in ("aaron.ipynb", "zoe.ipynb"):
        assert rows[good_name]["total"] == rows[good_name]["max"], rows[good_name]
    row = rows[name]
    kind, _, words = case.outcome.partition(":")
    pages = list(feedback.glob("mallory-*.html"))
    assert len(pages) == 1 and len(list(feedback.glob("*.html"))) == 3, "one feedback page per file"
    html = pages[0].read_text(encoding="utf-8")
    said = row["message"] + " " + page_text(html)
    assert "\n" not in row["message"]
    if kind == "error":
        assert row["status"] == "error" and row["total"] == "", row
    else:
        assert row["status"] == "graded" and row["total"] != "", row
    assert words in said, f"{words!r} not in {said[:400]!r}"


def test_a_folder_and_an_unreadable_file_among_the_submissions(tmp_path, capsys, monkeypatch):
    good = (json.dumps(notebook(EXERCISE, "source")) + "\n").encode("utf-8")
    folder = _submissions(tmp_path, {"ana.ipynb": good, "secret.ipynb": good})
    (folder / "bob.ipynb").mkdir()  # a folder named like a notebook (a student's folder, nbgrader-style)
    (folder / "bob.ipynb" / "exercise.ipynb").write_bytes(good)
    (folder / "empty-folder").mkdir()
    (folder / "secret.ipynb").chmod(0)
    rows, _ = _grade("grade", folder, tmp_path, capsys, monkeypatch)
    assert set(rows) == {"ana.ipynb", "secret.ipynb", "bob.ipynb/exercise.ipynb"}
    assert rows["bob.ipynb/exercise.ipynb"]["student"] == "bob.ipynb"
    if not ROOT:
        assert rows["secret.ipynb"]["status"] == "error" and "cannot be read" in rows["secret.ipynb"]["message"]


def test_duplicate_students_are_each_graded_and_named(tmp_path, capsys, monkeypatch):
    good = (json.dumps(notebook(EXERCISE, "source")) + "\n").encode("utf-8")
    blank = (json.dumps(notebook(EXERCISE, "exercise")) + "\n").encode("utf-8")
    folder = _submissions(tmp_path, {"smithtaylor_12345_1_exercise.ipynb": good,
                                     "smithtaylor_12345_2_exercise-1.ipynb": blank,
                                     "SmithTaylor_12345_3_exercise-2.ipynb": good})
    rows, feedback = _grade("grade", folder, tmp_path, capsys, monkeypatch, "--canvas")
    assert len(rows) == 3 and all("3 files" in r["message"] for r in rows.values())
    assert len(list(feedback.glob("*.html"))) == 3  # one page each, none overwritten
    canvas = list(csv.reader(open(tmp_path / "gradebook-canvas.csv", encoding="utf-8")))
    assert [r[-1] for r in canvas[2:]] == [""], "a student with several files is left blank, never merged"


def test_gradebook_to_standard_output_keeps_every_row(tmp_path, capsys, monkeypatch):
    source = notebook(EXERCISE, "source")
    folder = _submissions(tmp_path, {"ana.ipynb": (json.dumps(source)).encode(), "bad.ipynb": b"{",
                                     "empty.ipynb": b""})
    code, out, err = run_cli(capsys, monkeypatch, "grade", EXERCISE, str(folder))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["file"] for r in rows] == ["ana.ipynb", "bad.ipynb", "empty.ipynb"]
    assert "3 submissions of write-three: 1 graded, 2 error" in err


def test_hostile_names_in_a_zip_each_keep_their_row_and_feedback_page(tmp_path, capsys, monkeypatch):
    good = json.dumps(notebook(EXERCISE, "source"))
    names = ["../../escape.ipynb", "/abs/path.ipynb", "\u674e\u96f7.ipynb", "\u738b\u82b3.ipynb", "a<b.ipynb",
             "a>b.ipynb", "Ana.ipynb", "ana.ipynb", "=cmd|' /C calc'!A0.ipynb"]
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for name in names:
            handle.writestr(name, good)
        handle.writestr("__MACOSX/._Ana.ipynb", b"junk")
    rows, feedback = _grade("grade", archive, tmp_path, capsys, monkeypatch)
    assert sorted(rows) == sorted("'" + n if n.startswith("=") else n for n in names), "a row was lost"
    assert all(r["total"] == r["max"] for r in rows.values())
    assert len(list(feedback.glob("*.html"))) == len(names), "two students' feedback pages collided"
    assert not (tmp_path.parent / "escape.ipynb").exists() and not Path("/abs").exists()
    assert rows["../../escape.ipynb"]["student"] == "escape"
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[:300])
    code, _, err = run_cli(capsys, monkeypatch, "grade", EXERCISE, str(truncated))
    one_line_error(code, err, "the zip cannot be read")


@pytest.mark.parametrize("exercise, words", [
    ("no-such-exercise", "no such exercise notebook"),
    ("../../../etc/passwd", "no such exercise notebook"),
    ("<script>", "no such exercise notebook"),
    ("", "no such exercise notebook"),
    ("{tmp}/damaged.ipynb", "not a readable notebook"),
    ("{tmp}/no-metadata.ipynb", "no invitelab.exercise id"),
    ("{tmp}", "no such exercise notebook"),  # a folder with no source.ipynb
])
def test_unknown_exercise_ids(exercise, words, tmp_path, capsys, monkeypatch):
    folder = _submissions(tmp_path, {"a.ipynb": b"{}"})
    (tmp_path / "damaged.ipynb").write_bytes(b'{"cells": [')
    (tmp_path / "no-metadata.ipynb").write_text('{"cells": [], "metadata": {}}', encoding="utf-8")
    exercise = exercise.replace("{tmp}", str(tmp_path))
    code, out, err = run_cli(capsys, monkeypatch, "grade", exercise, str(folder), "-o", str(tmp_path / "gb.csv"))
    one_line_error(code, err, words)
    assert not (tmp_path / "gb.csv").exists()
    with pytest.raises(ExerciseError, match=words):
        grade(exercise, folder)


def _grader_path_case(case, tmp_path):
    if case.needs_root and not ROOT:
        pytest.skip("making a device file needs root")
    if case.not_as_root and ROOT:
        pytest.skip("root reads and writes through permissions")
    src = tmp_path / "submissions.zip"
    with zipfile.ZipFile(src, "w") as archive:
        archive.writestr("ana.ipynb", json.dumps(notebook(EXERCISE, "source")))
    return src, case.make(tmp_path, src)


def _snapshot(folder: Path) -> dict:
    return {p.name: (p.lstat().st_mode, p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in folder.iterdir()}


GRADER_PATHS = [c for c in PATHS if "grade" in c.expect]


@pytest.mark.parametrize("case", GRADER_PATHS, ids=[c.id for c in GRADER_PATHS])
def test_grader_paths(case, tmp_path, capsys, monkeypatch):
    src, path = _grader_path_case(case, tmp_path)
    before = _snapshot(tmp_path)
    args = ("grade", EXERCISE, str(path)) if case.role == "input" else \
        ("grade", EXERCISE, str(src), "-o", str(path), "--feedback", str(tmp_path / "feedback"))
    code, out, err = run_cli(capsys, monkeypatch, *args)
    one_line_error(code, err, case.expect["grade"])
    assert out == "" and _snapshot(tmp_path) == before  # nothing replaced, nothing left behind
    if case.role == "input":
        with pytest.raises(SubmissionsError, match=case.expect["grade"]):
            grade(EXERCISE, path)


@pytest.mark.parametrize("which", ["exercise", "rubric", "profiles"])
def test_grader_output_naming_an_input_is_refused(which, tmp_path, capsys, monkeypatch):
    exercise = tmp_path / "source.ipynb"
    shutil.copyfile(kitdata.exercises_dir() / EXERCISE / "source.ipynb", exercise)
    rubric, profiles = tmp_path / "rubric.toml", tmp_path / "profiles.json"
    rubric.write_text("[weights]\npurpose = 20\n", encoding="utf-8")
    shutil.copyfile(kitdata.profiles_path(), profiles)
    folder = _submissions(tmp_path, {"ana.ipynb": exercise.read_bytes()})
    target = {"exercise": exercise, "rubric": rubric, "profiles": profiles}[which]
    before = _snapshot(tmp_path)
    code, out, err = run_cli(capsys, monkeypatch, "grade", str(exercise), str(folder), "--rubric", str(rubric),
                             "--profiles", str(profiles), "-o", str(target))
    one_line_error(code, err, "is an input")
    assert _snapshot(tmp_path) == before


# -- the class dashboard ----------------------------------------------------------------------


def _dashboard_rows(report_dir: Path) -> dict[int, dict]:
    text = (report_dir / "scored-notes.csv").read_text(encoding="utf-8-sig")
    return {int(r["row"]): r for r in csv.DictReader(io.StringIO(text))}


def _run_dashboard(entry, src, out, capsys, monkeypatch, mapping=DASHBOARD_MAP):
    """(code, stderr, report or None)."""
    if entry == "dashboard":
        code, _, err = run_cli(capsys, monkeypatch, "dashboard", str(src), "-o", str(out), "--no-pdf",
                               *DASHBOARD_FLAGS)
        return code, err, None
    report = dashboard.build(src, mapping=mapping)
    report.save(out, pdf=False)
    return 0, "\n".join(report.warnings), report


@pytest.mark.parametrize("case,entry", _cases(NOTES, ("dashboard", "dashboard-api")))
def test_note_as_a_form_answer(case, entry, tmp_path, capsys, monkeypatch, stub_charts):
    src = tmp_path / "answers.csv"
    with open(src, "w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["ana", case.text]])
    code, err, _ = _run_dashboard(entry, src, tmp_path / "report", capsys, monkeypatch)
    assert code == 0, err
    kind, _, words = case.outcome(entry).partition(":")
    if kind == "warn":
        assert words in err, err
    rows = _dashboard_rows(tmp_path / "report")
    assert list(rows) == [2] and rows[2]["level"], rows  # row 2 of the spreadsheet: scored, kept
    page_text((tmp_path / "report" / "summary.html").read_text(encoding="utf-8"))


DASHBOARD_CSVS = [c for c in CSVS if "dashboard" in c.entries]


@pytest.mark.parametrize("case,entry", _cases(DASHBOARD_CSVS, ("dashboard", "dashboard-api")))
def test_csv_export(case, entry, tmp_path, capsys, monkeypatch, stub_charts):
    src = tmp_path / "answers.csv"
    src.write_bytes(case.content)
    out = tmp_path / "report"
    if isinstance(case.dashboard, str):  # the whole file is refused, with one line
        words = case.dashboard.partition(":")[2]
        if entry == "dashboard":
            code, err, _ = _run_dashboard(entry, src, out, capsys, monkeypatch)
            one_line_error(code, err, words)
        else:
            with pytest.raises(dashboard.DashboardError, match=words) as info:
                _run_dashboard(entry, src, out, capsys, monkeypatch)
            assert "\n" not in str(info.value)
        assert not out.exists()
        return
    code, err, report = _run_dashboard(entry, src, out, capsys, monkeypatch)
    assert code == 0, err
    if case.dashboard_warning:
        assert case.dashboard_warning in err, err
    rows = _dashboard_rows(out)
    header_row = 1
    expected_rows = list(range(header_row + 1, header_row + 1 + len(case.dashboard)))
    if case.id == "embedded newline in a quoted note":
        expected_rows = [2, 3]  # spreadsheet rows: the quoted newline stays inside row 2
    assert sorted(rows) == expected_rows, f"a row was lost or added: {sorted(rows)}"
    for number, want in zip(expected_rows, case.dashboard):
        row = rows[number]
        if want == "ok":
            assert row["level"] and row["problem"] == "", row
        else:
            assert want in row["problem"], row
    page_text((out / "summary.html").read_text(encoding="utf-8"))
    if case.formula_id:
        assert all(r["student"].startswith("'") for r in rows.values()), rows


DASHBOARD_PATHS = [c for c in PATHS if "dashboard" in c.expect]


@pytest.mark.parametrize("case", DASHBOARD_PATHS, ids=[c.id for c in DASHBOARD_PATHS])
def test_dashboard_paths(case, tmp_path, capsys, monkeypatch, stub_charts):
    if case.needs_root and not ROOT:
        pytest.skip("making a device file needs root")
    if case.not_as_root and ROOT:
        pytest.skip("root reads and writes through permissions")
    src = tmp_path / "in.csv"
    src.write_text("id,text\nana,Hi Dana, thanks for the talk\n", encoding="utf-8")
    path = case.make(tmp_path, src)
    if not src.exists():  # the case renamed the input
        src = next(p for p in tmp_path.iterdir() if p.is_file() and p.suffix == ".csv")
    before = _snapshot(tmp_path)
    args = ("dashboard", str(path), "-o", str(tmp_path / "report")) if case.role == "input" else \
        ("dashboard", str(src), "-o", str(path))
    code, out, err = run_cli(capsys, monkeypatch, *args, "--no-pdf", *DASHBOARD_FLAGS)
    one_line_error(code, err, case.expect["dashboard"])
    assert out == "" and _snapshot(tmp_path) == before
    with pytest.raises(dashboard.DashboardError, match=case.expect["dashboard"]):
        if case.role == "input":
            dashboard.build(path, mapping=DASHBOARD_MAP)
        else:
            dashboard.build(src, mapping=DASHBOARD_MAP).save(path, pdf=False)


# -- the browser checker's glue, as Python -----------------------------------------------------


@pytest.fixture(scope="module")
def glue_ready():
    assert glue.setup(str(kitdata.profiles_path())) >= 2
    return glue


@pytest.mark.parametrize("case", [c for c in NOTES if "glue" in c.entries], ids=lambda c: c.id)
def test_note_through_the_glue(case, glue_ready):
    got = json.loads(glue_ready.check(case.text, "dana-whitfield", "alex-rivera", case.limit or 300))
    assert "error" not in got, got
    people = kitdata.profiles()
    want = score(case.text, recipient=people["dana-whitfield"], sender=people["alex-rivera"],
                 limit=case.limit or 300)
    assert got["level"] == want.level and got["score"] == want.score
    statuses = {f["criterion"]: f["status"] for f in got["findings"]}
    if case.check:
        assert statuses[case.check[0]] == case.check[1]


@pytest.mark.parametrize("args, words", [
    (("Hi", "ghost", None, 300), "no recipient profile called 'ghost'"),
    (("Hi", None, "<script>", 300), "no sender profile called"),
    (("Hi", ["x"], None, 300), "a recipient profile id must be text"),
    (("Hi", None, 5, 300), "a sender profile id must be text"),
    ((42, None, None, 300), "must be text"),
    (("Hi", None, None, 0), "at least 1"),
    (("Hi", None, None, "abc"), "whole number"),
    (("Hi", None, None, float("inf")), "whole number"),
    (("Hi", None, None, float("nan")), "whole number"),
    (("Hi", None, None, None), "whole number"),
])
def test_glue_bad_arguments_give_one_line(args, words, glue_ready):
    got = json.loads(glue_ready.check(*args))
    assert set(got) == {"error"} and words in got["error"] and "\n" not in got["error"], got


@pytest.mark.parametrize("payload", ["not json", '{"a": 1}', "[1, null]", "[" * 100_000])
def test_glue_check_many_never_raises(payload, glue_ready):
    got = json.loads(glue_ready.check_many(payload))
    assert (isinstance(got, dict) and "error" in got) or all("error" in g for g in got)


class JsNull:
    """What Pyodide hands Python for JavaScript's null: falsy, but not None."""

    def __bool__(self):
        return False


def test_glue_takes_javascripts_null_as_no_profile(glue_ready):
    got = json.loads(glue_ready.check("Hi Dana, thanks", JsNull(), JsNull(), 300))
    want = score("Hi Dana, thanks")
    assert "error" not in got and got["level"] == want.level and got["score"] == want.score
