"""The graded exercises and the grader, without kernels (see test_grading_kernels.py for code answers).

Golden files live in tests/golden/grading/; after a deliberate change, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_grading*.py`` and read the diff before committing it.
"""
from __future__ import annotations

import ast
import csv
import io
import json
import os
from pathlib import Path

import grading_samples as samples
import pytest

import invitelab
from invitelab import cli, load_rubric
from invitelab.grading import check, start
from invitelab.grading import files as grading_files
from invitelab.grading.answers import SubmissionError, find_answers, read_notebook
from invitelab.grading.exercise import build_all, cell_source, exercise_ids, load_exercise
from invitelab.grading.grader import canvas_text, grade, gradebook_text, write_outputs
from invitelab.grading.submissions import student_of

GOLDEN = Path(__file__).parent / "golden" / "grading"
TEXT_EXERCISES = ["spot-generic", "write-three", "sender-theories", "profile-first"]


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from its golden file"


def rows(text: str) -> dict[str, dict]:
    return {r["file"]: r for r in csv.DictReader(io.StringIO(text))}


# --- the exercises ----------------------------------------------------------------------------

def test_five_exercises_each_tied_to_a_chapter():
    assert set(exercise_ids()) >= set(TEXT_EXERCISES) | {"data-acceptance"}
    for eid in exercise_ids():
        ex = load_exercise(eid)
        assert (Path("book") / (ex.chapter + ".md")).exists() or (samples.ROOT / "book" / (ex.chapter + ".md")).exists()


def test_student_notebooks_are_built_from_the_sources():
    stale = [(eid, what) for eid, what in build_all(check_only=True) if what != "up to date"]
    assert not stale, f"run `invitelab exercises build`: {stale}"


@pytest.mark.parametrize("eid", ["spot-generic", "write-three", "sender-theories", "data-acceptance", "profile-first"])
def test_student_notebook_hides_keys_and_model_answers(eid):
    source, student = samples.notebook(eid, "source"), samples.notebook(eid, "exercise")
    text = json.dumps(student)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    for c in student["cells"]:
        assert "key" not in c["metadata"].get("invitelab", {})
    for c in source["cells"]:
        if c["metadata"].get("nbgrader", {}).get("solution") and c["cell_type"] == "code":
            solution = cell_source(c).split("### BEGIN SOLUTION\n")[1].split("### END SOLUTION")[0]
            for node in ast.parse(solution).body:
                value = ast.get_source_segment(solution, node.value)
                if len(value) > 25:  # short answers ("no", ["A", "C"]) are options the prompt shows anyway
                    assert value not in text, f"{eid}: model answer {value[:40]!r} is in the student notebook"
            assert cell_source(samples.cell(student, c["id"])).rstrip().endswith(f"{c['id']} = ...")


@pytest.mark.parametrize("eid", ["spot-generic", "write-three", "sender-theories", "data-acceptance", "profile-first"])
def test_cells_carry_nbgrader_schema_3(eid):
    nb = samples.notebook(eid, "source")
    ids = [c["metadata"]["nbgrader"]["grade_id"] for c in nb["cells"]]
    assert len(ids) == len(set(ids))
    for c in nb["cells"]:
        meta = c["metadata"]["nbgrader"]
        assert meta["schema_version"] == 3 and {"grade", "solution", "locked", "grade_id"} <= set(meta)
        if meta["grade"]:
            assert meta["points"] > 0
        assert meta["locked"] == (not meta["solution"])


@pytest.mark.parametrize("eid", TEXT_EXERCISES)
def test_source_scores_full_marks_and_blank_zero(eid, tmp_path):
    files = {"full.ipynb": samples.dumps(samples.notebook(eid, "source")),
             "blank.ipynb": samples.dumps(samples.notebook(eid, "exercise"))}
    summary = grade(eid, samples.write_folder(files, tmp_path))
    got = rows(gradebook_text(summary))
    ex = load_exercise(eid)
    assert float(got["full.ipynb"]["total"]) == ex.max_points
    assert float(got["blank.ipynb"]["total"]) == 0
    assert {r["status"] for r in got.values()} == {"graded"}


# --- a class, as Canvas hands it out ---------------------------------------------------------

@pytest.fixture(scope="module")
def text_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    zip_path = samples.write_zip(samples.text_class(), folder / "submissions.zip")
    summary = grade("write-three", zip_path)
    return zip_path, summary


def test_class_gradebook_golden(text_class):
    _, summary = text_class
    text = gradebook_text(summary)
    golden("write-three-gradebook.csv", text)
    got = rows(text)
    assert len(got) == 16  # every file but the __MACOSX entry has its row
    assert got["smithtaylor_12345_67890_exercise.ipynb"]["total"] == "15"
    assert got["blankbob_20001_30001_exercise.ipynb"]["total"] == "0"
    for name in ("brokenbea_20003_30003_exercise.ipynb", "emptyed_20004_30004_exercise.ipynb",
                 "docdan_20006_30006_essay.docx"):
        assert got[name]["status"] == "error" and got[name]["message"] and got[name]["total"] == ""
    assert "deleted" in got["deletedduc_20007_30007_exercise.ipynb"]["message"]
    assert got["deletedduc_20007_30007_exercise.ipynb"]["q2"] == "0"
    assert got["metadatameg_20010_30010_exercise.ipynb"]["total"] == "15"  # points come from the source
    assert "my_note" in got["retypedrex_20011_30011_exercise.ipynb"]["message"]
    assert "not a plain value" in got["hostileh_20012_30012_exercise.ipynb"]["message"]
    assert "2 files" in got["smithtaylor_LATE_12345_67891_exercise-1.ipynb"]["message"]
    assert "LATE" in got["smithtaylor_LATE_12345_67891_exercise-1.ipynb"]["message"]
    assert got["Lee, Ana_555_assignsubmission_file_/exercise.ipynb"]["student"] == "Lee, Ana"
    assert not Path("/tmp/invitelab-pwned").exists()
    assert invitelab.score.__module__ == "invitelab.engine.scoring"


def test_canvas_csv_golden(text_class):
    _, summary = text_class
    text, warnings = canvas_text(summary, "4242")
    golden("write-three-canvas.csv", text)
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Write three invitations (4242)"]
    assert lines[1][0] == "Points Possible" and lines[1][-1] == "15"
    by_id = {line[1]: line for line in lines[2:]}
    assert by_id["12345"][-1] == "" and any("smithtaylor" in w for w in warnings)  # two files: not merged
    assert by_id["555"][0] == "Lee, Ana"


def test_feedback_golden_and_escaped(text_class, tmp_path):
    _, summary = text_class
    write_outputs(summary, None, tmp_path / "fb", None)
    partly = (tmp_path / "fb" / "partlypat.html").read_text(encoding="utf-8")
    golden("write-three-feedback-partlypat.html", partly)
    assert "Level <strong>generic</strong>" in partly and "Next:" in partly
    hostile = (tmp_path / "fb" / "hostileh.html").read_text(encoding="utf-8")
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile and "<b>hire" not in hostile
    assert len(list((tmp_path / "fb").glob("*.html"))) == 16


def test_regrading_gives_the_same_gradebook(text_class, tmp_path):
    zip_path, summary = text_class
    assert gradebook_text(grade("write-three", zip_path)) == gradebook_text(summary)
    folder = samples.write_folder(samples.text_class(), tmp_path / "unzipped")
    assert gradebook_text(grade("write-three", folder)) == gradebook_text(summary)


def test_rubric_regrade_changes_points(text_class, tmp_path):
    zip_path, summary = text_class
    rubric = tmp_path / "purpose-matters.toml"
    rubric.write_text("[weights]\npurpose = 60\nspecific_detail = 5\n", encoding="utf-8")
    out = tmp_path / "regraded.csv"
    assert cli.main(["grade", "write-three", str(zip_path), "-o", str(out), "--rubric", str(rubric)]) == 0
    before, after = rows(gradebook_text(summary)), rows(out.read_text(encoding="utf-8"))
    assert before.keys() == after.keys()
    assert any(before[f]["q2"] != after[f]["q2"] for f in before if before[f]["status"] == "graded")
    assert after["smithtaylor_12345_67890_exercise.ipynb"]["total"] == "15"  # exemplary stays full marks


def test_interrupted_write_leaves_the_old_gradebook(text_class, tmp_path, monkeypatch):
    _, summary = text_class
    out = tmp_path / "gradebook.csv"
    out.write_text("old gradebook\n", encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(grading_files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(summary, out, None, None)
    assert out.read_text(encoding="utf-8") == "old gradebook\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gradebook.csv"]


def test_cli_one_command(text_class, tmp_path, capsys):
    zip_path, _ = text_class
    out = tmp_path / "gb.csv"
    code = cli.main(["grade", "write-three", str(zip_path), "-o", str(out), "--feedback", str(tmp_path / "fb"), "--canvas"])
    assert code == 0 and out.exists() and (tmp_path / "gb-canvas.csv").exists()
    err = capsys.readouterr().err
    assert "16 submissions of write-three: 13 graded, 3 error" in err and "1 system files skipped" in err
    assert "scored with the kit's default rubric" in err


@pytest.mark.parametrize("argv, words", [
    (["grade", "no-such-exercise", "."], "no such exercise notebook"),
    (["grade", "write-three", "/no/such/folder"], "no such folder or zip"),
    (["grade", "write-three", "README.md"], "not a folder, a zip or a notebook"),
    (["grade", "write-three", ".", "--jobs", "0"], "--jobs must be at least 1"),
])
def test_cli_errors_are_one_line(argv, words, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_exercises_check_command(capsys):
    assert cli.main(["exercises", "check"]) == 0
    assert "up to date" in capsys.readouterr().out


# --- pieces ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("smithtaylor_12345_67890_exercise.ipynb", ("smithtaylor", "12345", False)),
    ("smithtaylor_LATE_12345_67890_exercise-1.ipynb", ("smithtaylor", "12345", True)),
    ("Taylor Smith_12345_assignsubmission_file_/exercise.ipynb", ("Taylor Smith", "12345", False)),
    ("submitted/tsmith/write-three/exercise.ipynb", ("tsmith", "", False)),
    ("tsmith.ipynb", ("tsmith", "", False)),
])
def test_student_read_from_the_file_name(path, expected):
    assert student_of(path) == expected


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"\xff\xfe\x00", "not UTF-8"), (b"{\"cells\": [", "not valid JSON"),
    (b"[1, 2]", "no list of cells"), (b"{\"cells\": [], \"nbformat\": 3}", "old notebook format"),
    (b"[" * 100_000, "JSON"),
])
def test_unreadable_notebooks_say_why(data, words):
    with pytest.raises(SubmissionError, match=words):
        read_notebook(data)


def test_answers_are_read_without_running_anything():
    ex = load_exercise("profile-first")
    nb = samples.set_answer(samples.notebook("profile-first", "exercise"), "q1", "import os\nq1 = os.listdir('/')")
    answers, _ = find_answers(nb, ex)
    assert answers["q1"].problem and "not run" in answers["q1"].problem


def test_self_check_is_friendly_and_never_raises(capsys):
    start("write-three")
    check("q1")
    assert "Not answered yet" in capsys.readouterr().out
    check("q1", "Hi Dana, I'd like to add you to my professional network on LinkedIn.")
    out = capsys.readouterr().out
    assert "Level generic" in out and "Next:" in out
    check("q1", 42)
    check("q9")
    assert "no question 'q9'" in capsys.readouterr().out
    start("sender-theories")
    check("q1", {"A": "T1", "B": "T9"})
    out = capsys.readouterr().out
    assert "Answer item(s) C, D" in out and "Not an option: T9" in out


def test_rubric_file_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[weights]\npurpose = 'lots'\n", encoding="utf-8")
    assert cli.main(["grade", "write-three", str(tmp_path), "--rubric", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    with pytest.raises(Exception):
        load_rubric(bad)


def test_canvas_uses_the_only_gradable_file_of_a_student(tmp_path):
    files = {"brownsam_31008_71008_notes.pdf": b"%PDF-1.4",
             "brownsam_LATE_31008_71009_exercise.ipynb": samples.dumps(samples.notebook("write-three", "source"))}
    summary = grade("write-three", samples.write_folder(files, tmp_path))
    text, warnings = canvas_text(summary)
    assert list(csv.reader(io.StringIO(text)))[2] == ["brownsam", "31008", "", "", "", "15"]
    assert "only gradable one" in warnings[0]
    assert all("2 files" in r["message"] for r in rows(gradebook_text(summary)).values())


def test_nbgrader_release_layout_blank_is_not_answered(tmp_path):
    """nbgrader's release replaces a solution with `raise NotImplementedError()`: that is unanswered."""
    nb = samples.notebook("write-three", "exercise")
    for qid in ("q1", "q2", "q3"):
        nb = samples.set_answer(nb, qid, f'# Example: {qid} = """Hi ..."""\n# YOUR CODE HERE\nraise NotImplementedError()')
    files = {"submitted/tsmith/write-three/exercise.ipynb": samples.dumps(nb)}
    row = rows(gradebook_text(grade("write-three", samples.write_folder(files, tmp_path))))[
        "submitted/tsmith/write-three/exercise.ipynb"]
    assert (row["student"], row["total"], row["status"]) == ("tsmith", "0", "graded")
    assert row["message"].startswith("did not answer any question: every answer is as the blank student notebook")


def test_too_large_and_damaged_files(tmp_path, monkeypatch):
    from invitelab.grading import submissions

    nb = samples.notebook("write-three", "source")
    nb["cells"] = [*nb["cells"], "not a cell", 42]
    files = {"big_1_1_exercise.ipynb": b" " * 200_000, "damaged_2_2_exercise.ipynb": json.dumps(nb).encode()}
    folder = samples.write_folder(files, tmp_path)
    monkeypatch.setattr(submissions, "MAX_BYTES", 100_000)
    got = {r["student"]: r for r in rows(gradebook_text(grade("write-three", folder))).values()}
    assert got["big"]["status"] == "error" and "too large" in got["big"]["message"]
    assert got["damaged"]["total"] == "15" and "2 damaged cells were skipped" in got["damaged"]["message"]


def test_code_answers_are_judged_from_exported_data():
    from invitelab import kitdata
    from invitelab.grading.answers import Answer
    from invitelab.grading.judge import Context, acceptance_key, judge

    ex, ctx = load_exercise("data-acceptance"), Context(kitdata.profiles())
    key = acceptance_key(str(kitdata.simulated_invitations_path()))
    q1, q2 = ex.question("q1"), ex.question("q2")
    as_percent = {"type": "Series", "data": {k: v * 100 for k, v in key.items()}}
    assert judge(q1, Answer("q1"), ctx, as_percent).points == 4
    counts = {"type": "Series", "data": {k: v * 1000 for k, v in key.items()}}
    assert judge(q1, Answer("q1"), ctx, counts).points == 0
    assert judge(q1, Answer("q1"), ctx, {"missing": True}).points == 0
    unlabelled = {"type": "Axes", "title": "Acceptance by level", "bars": 4}
    mark = judge(q2, Answer("q2"), ctx, unlabelled)
    assert mark.points == 1 and any("SIMULATED" in line for line in mark.lines)


@pytest.mark.parametrize("eid", TEXT_EXERCISES)
def test_self_checks_pass_on_the_model_answers(eid, capsys):
    """The student's check() agrees with the grader: every model answer gets a tick, none a cross."""
    ex = load_exercise(eid)
    answers, _ = find_answers(samples.notebook(eid, "source"), ex)
    start(eid)
    capsys.readouterr()
    for q in ex.questions:
        if not q.manual:
            check(q.id, answers[q.id].value)
    out = capsys.readouterr().out
    assert "✗" not in out and "Not answered" not in out and out.count("✓") >= len(ex.questions) - 1


def test_outputs_never_land_in_the_submissions(text_class, tmp_path, capsys):
    zip_path, _ = text_class
    before = zip_path.read_bytes()
    assert cli.main(["grade", "write-three", str(zip_path), "-o", str(zip_path)]) == 2
    assert zip_path.read_bytes() == before
    folder = samples.write_folder({"a.ipynb": samples.dumps(samples.notebook("write-three", "source"))}, tmp_path / "s")
    assert cli.main(["grade", "write-three", str(folder), "--feedback", str(folder / "fb")]) == 2
    assert "inside the submissions" in capsys.readouterr().err


def test_written_answer_found_below_its_prompt_and_left_for_the_instructor(tmp_path):
    nb = samples.notebook("sender-theories", "source")
    samples.cell(nb, "q3")["metadata"] = {}
    summary = grade("sender-theories", samples.write_folder({"x_1_1_e.ipynb": samples.dumps(nb)}, tmp_path))
    row = next(iter(rows(gradebook_text(summary)).values()))
    assert row["q3"] == "" and row["total"] == "8" and row["max"] == "8"
    assert "q3: found below its prompt" in row["message"] and "left for the instructor" in row["message"]
    assert "happy employee" in summary.rows[0].answers["q3"].value
