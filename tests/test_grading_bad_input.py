"""The grader as an instructor meets it (issue 8's audit), beyond the matrix in tests/bad_inputs.py:
a folder with nothing to grade, the wrong exercise named, outputs that would overwrite a submission,
a file the grader may not read (also when run as root), a renamed file, Ctrl-C while grading.
Each ends in a one-line error with exit status 2 (nothing written, the old gradebook kept) or in a
row with its reason; never a traceback, never a lost student."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import grading_samples as samples
import pytest
from test_bad_input_matrix import one_line_error, run_cli

from invitelab.grading import grader

OLD = "the gradebook of the run before\n"
GOOD = (json.dumps(samples.notebook("write-three", "source")) + "\n").encode("utf-8")


def rows(path: Path) -> dict[str, dict]:
    return {r["file"]: r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}


def _class(tmp_path: Path, files: dict[str, bytes]) -> Path:
    return samples.write_folder(files, tmp_path / "submissions")


def _kept(tmp_path: Path, out: Path) -> None:
    assert out.read_text(encoding="utf-8") == OLD, "the old gradebook was replaced"
    assert not (tmp_path / "feedback").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "a temporary file was left"


@pytest.mark.parametrize("files, words", [
    ({}, "holds no submissions; nothing was written"),
    ({"__MACOSX/._a.ipynb": b"\x00", ".DS_Store": b"\x00"}, "holds no submissions (only 2 system files)"),
])
def test_a_folder_with_nothing_to_grade_keeps_the_old_gradebook(files, words, tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, files)
    folder.mkdir(exist_ok=True)
    out = tmp_path / "gradebook.csv"
    out.write_text(OLD, encoding="utf-8")
    code, _, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out),
                           "--feedback", str(tmp_path / "feedback"))
    one_line_error(code, err, words)
    _kept(tmp_path, out)


def test_the_wrong_exercise_named_stops_before_a_class_of_zeros(tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, {f"s{i}_{i}_{i}_exercise.ipynb": GOOD for i in range(3)})
    out = tmp_path / "gradebook.csv"
    out.write_text(OLD, encoding="utf-8")
    code, _, err = run_cli(capsys, monkeypatch, "grade", "spot-generic", str(folder), "-o", str(out),
                           "--feedback", str(tmp_path / "feedback"))
    one_line_error(code, err, "3 of 3 notebooks say they are exercise 'write-three', not 'spot-generic': "
                              "grade them with `invitelab grade write-three ...`")
    _kept(tmp_path, out)


def test_one_notebook_of_another_exercise_is_a_row_with_a_note(tmp_path, capsys, monkeypatch):
    other = (json.dumps(samples.notebook("spot-generic", "exercise")) + "\n").encode("utf-8")
    folder = _class(tmp_path, {"a.ipynb": GOOD, "b.ipynb": GOOD, "c.ipynb": other})
    out = tmp_path / "gradebook.csv"
    code, _, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out))
    assert code == 0, err
    got = rows(out)
    assert got["a.ipynb"]["total"] == "15" and "says it is exercise 'spot-generic'" in got["c.ipynb"]["message"]


@pytest.mark.parametrize("flag, target, words", [
    ("-o", "submissions", "is the submissions folder itself"),
    ("-o", "submissions/ana_1_1_exercise.ipynb", "would replace a student's file"),
    ("-o", "submissions/gradebook.csv", "is inside the submissions"),
    ("--feedback", "submissions", "is the submissions folder itself"),
    ("--feedback", "submissions/feedback", "is inside the submissions"),
])
def test_outputs_that_would_touch_the_submissions_are_refused(flag, target, words, tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, {"ana_1_1_exercise.ipynb": GOOD})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, out, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), flag, str(tmp_path / target))
    one_line_error(code, err, words)
    assert out == "" and {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_file_the_grader_may_not_read_is_a_row_even_as_root(tmp_path, capsys, monkeypatch):
    """chmod 0 does not stop root, so the refusal is simulated where the grader reads the file."""
    folder = _class(tmp_path, {"ana_1_1_exercise.ipynb": GOOD, "locked_2_2_exercise.ipynb": GOOD})
    real = Path.read_bytes

    def read_bytes(self):
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "gradebook.csv"
    code, _, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out),
                           "--feedback", str(tmp_path / "feedback"))
    assert code == 0 and "1 graded, 1 error" in err, err
    got = rows(out)
    assert got["locked_2_2_exercise.ipynb"]["status"] == "error"
    assert "cannot be read (Permission denied)" in got["locked_2_2_exercise.ipynb"]["message"]
    assert got["ana_1_1_exercise.ipynb"]["total"] == "15"
    assert "Not graded" in (tmp_path / "feedback" / "locked.html").read_text(encoding="utf-8")


def test_a_renamed_file_keeps_its_student_and_canvas_id(tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, {"smithtaylor_12345_67890_My Invitations FINAL (1).ipynb": GOOD,
                               "leeana_555_777_exercise.ipynb.json": GOOD})
    out = tmp_path / "gradebook.csv"
    code, _, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out), "--canvas")
    assert code == 0, err
    got = {r["student"]: r for r in rows(out).values()}
    assert got["smithtaylor"]["total"] == "15" and got["leeana"]["total"] == "15"
    assert "not named .ipynb" in got["leeana"]["message"]
    canvas = list(csv.reader(open(tmp_path / "gradebook-canvas.csv", encoding="utf-8")))
    assert sorted((r[0], r[1], r[-1]) for r in canvas[2:]) == [("leeana", "555", "15"), ("smithtaylor", "12345", "15")]


def test_ctrl_c_while_grading_writes_nothing(tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, {f"s{i}_{i}_{i}_exercise.ipynb": GOOD for i in range(5)})
    out = tmp_path / "gradebook.csv"
    out.write_text(OLD, encoding="utf-8")
    real, calls = grader.grade_submission, []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(grader, "grade_submission", interrupted)
    code, stdout, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out),
                                "--feedback", str(tmp_path / "feedback"), "--canvas")
    assert code == 130 and err.strip() == "invitelab: interrupted: nothing written", err
    assert stdout == ""
    _kept(tmp_path, out)
    assert not (tmp_path / "gradebook-canvas.csv").exists()
