"""Unanswered questions and the rubric used, as the grader reports them (no kernels).

An answer left as the template's `...`, empty, only spaces, the question's example with its `...`
still in it, nbgrader's `raise NotImplementedError()`, or an emptied cell scores 0 and says "You did
not answer question N" on the feedback page and "did not answer question N (how)" in the gradebook.
Every exercise's every text question is tried. The rubric a run used is named in each feedback page,
in the gradebook's `rubric` column and in the command's summary.
"""
from __future__ import annotations

import copy
import csv
import io

import grading_samples as samples
import pytest

from invitelab import cli
from invitelab.grading.exercise import exercise_ids, load_exercise
from invitelab.grading.grader import grade, gradebook_text, write_outputs

TEXT_EXERCISES = [e for e in exercise_ids() if not load_exercise(e).needs_kernel]


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _blank_variants(q) -> dict[str, str]:
    """How a student can leave an answer cell unanswered -> the cell's source."""
    if q.cell_type == "markdown":
        return {"YOUR ANSWER HERE": "YOUR ANSWER HERE", "emptied cell": "", "only spaces": "  \n\t "}
    variants = {
        "template": f"{q.id} = ...",
        "empty text": f'{q.id} = ""',
        "only spaces": f'{q.id} = """  \n   """',
        "dots in quotes": f'{q.id} = "..."',
        "an editor's ellipsis": f'{q.id} = "\u2026"',
        "None": f"{q.id} = None",
        "empty list": f"{q.id} = []",
        "nbgrader stub": "# YOUR CODE HERE\nraise NotImplementedError()",
        "emptied cell": "",
        "only the comment": "# Example: something",
    }
    if q.example is not None and "..." in repr(q.example):
        variants["example unchanged"] = f"# Example: {q.id} = {q.example!r}\n{q.id} = {q.example!r}"
    return variants


CASES = [pytest.param(eid, q.id, name, source, id=f"{eid}-{q.id}-{name}")
         for eid in TEXT_EXERCISES for q in load_exercise(eid).questions
         for name, source in _blank_variants(q).items()]


@pytest.mark.parametrize("eid, qid, name, source", CASES)
def test_an_unanswered_question_scores_zero_and_says_so(eid, qid, name, source, tmp_path):
    ex = load_exercise(eid)
    q = ex.question(qid)
    nb = samples.set_answer(samples.notebook(eid, "source"), qid, source)  # every other answer is the model's
    folder = samples.write_folder({"stu_1_1_exercise.ipynb": samples.dumps(nb)}, tmp_path / "subs")
    summary = grade(eid, folder)
    write_outputs(summary, tmp_path / "gb.csv", tmp_path / "fb", None)
    (row,) = rows((tmp_path / "gb.csv").read_text(encoding="utf-8"))
    assert row["status"] == "graded" and row[qid] == "0", row
    assert f"did not answer {q.name} (" in row["message"], row["message"]
    others = [o for o in ex.questions if o.id != qid and not o.manual]
    assert float(row["total"]) == sum(o.points for o in others), "the other answers keep their points"
    page = (tmp_path / "fb" / "stu.html").read_text(encoding="utf-8")
    assert f"You did not answer {q.name}" in page


@pytest.mark.parametrize("eid", TEXT_EXERCISES)
def test_the_blank_student_notebook_says_no_question_was_answered(eid, tmp_path):
    folder = samples.write_folder({"b.ipynb": samples.dumps(samples.notebook(eid, "exercise"))}, tmp_path / "s")
    summary = grade(eid, folder)
    (row,) = rows(gradebook_text(summary))
    assert row["total"] == "0" and row["message"].startswith(
        "did not answer any question: every answer is as the blank student notebook has it"), row
    write_outputs(summary, None, tmp_path / "fb", None)
    page = (tmp_path / "fb" / "b.html").read_text(encoding="utf-8")
    ex = load_exercise(eid)
    assert all(f"You did not answer {q.name}" in page for q in ex.questions), page[-2000:]


def test_a_real_answer_with_dots_or_the_examples_form_is_graded():
    """Only the example *with its placeholder* is no answer; "..." inside a real note is text."""
    from invitelab import kitdata
    from invitelab.grading.answers import Answer, blank_reason
    from invitelab.grading.judge import Context, judge

    write, spot = load_exercise("write-three"), load_exercise("spot-generic")
    assert blank_reason("Hi Dana... I'm a junior at Ohio State. Thanks, Alex", write.question("q1")) == ""
    assert blank_reason(["greeting", "tone"], spot.question("q2")) == ""  # an example without `...`: an answer
    assert blank_reason({"A": "generic", "B": "developing", "C": "...", "D": "..."}, spot.question("q1")) == ""
    mark = judge(spot.question("q1"), Answer("q1", {"A": "generic", "B": "developing", "C": "...", "D": "..."},
                                              "tag", False), Context(kitdata.profiles()))
    assert mark.points == 2 and not mark.unanswered


def test_a_value_written_without_its_name_is_graded_with_a_note(tmp_path):
    """A student who typed over `q1 = ...` with the note alone still gets the note graded."""
    full = samples.notebook("write-three", "source")
    good = samples.cell(full, "q1")["source"].split("### BEGIN SOLUTION\nq1 = ", 1)[1].split("\n### END")[0]
    nb = samples.set_answer(full, "q1", good)
    summary = grade("write-three", samples.write_folder({"x.ipynb": samples.dumps(nb)}, tmp_path))
    (row,) = rows(gradebook_text(summary))
    assert row["q1"] == "5" and "not assigned to `q1`" in row["message"], row


# -- which rubric --------------------------------------------------------------------------------

@pytest.fixture
def small_class(tmp_path):
    full, blank = samples.notebook("write-three", "source"), samples.notebook("write-three", "exercise")
    weak = samples.set_answer(full, "q2", 'q2 = """Hi Tomas, I\'d love to learn how you moved into product. '
                                          'Thanks, Alex"""')
    files = {"ana_1_1_exercise.ipynb": samples.dumps(full), "bo_2_2_exercise.ipynb": samples.dumps(blank),
             "cy_3_3_exercise.ipynb": samples.dumps(weak)}
    return samples.write_folder(files, tmp_path / "submissions")


def _run(capsys, *args):
    code = cli.main(list(args))
    return code, capsys.readouterr().err


def test_default_rubric_is_named_everywhere(small_class, tmp_path, capsys):
    out, fb = tmp_path / "gb.csv", tmp_path / "fb"
    code, err = _run(capsys, "grade", "write-three", str(small_class), "-o", str(out), "--feedback", str(fb))
    assert code == 0 and "scored with the kit's default rubric" in err and "note:" not in err
    assert {r["rubric"] for r in rows(out.read_text(encoding="utf-8"))} == {"default"}
    for page in fb.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "rubric: InviteLab default" in text and "Scored with the InviteLab default rubric" in text


def test_an_instructors_rubric_is_named_with_its_file_and_its_effect(small_class, tmp_path, capsys):
    rubric = tmp_path / "course <2026>.toml"  # a name a page must escape
    rubric.write_text("[bands]\ndeveloping = [30, 40]\npersonalized = [60, 70]\n", encoding="utf-8")
    out, fb = tmp_path / "gb.csv", tmp_path / "fb"
    code, err = _run(capsys, "grade", "write-three", str(small_class), "-o", str(out), "--feedback", str(fb),
                     "--rubric", str(rubric))
    assert code == 0, err
    assert f"scored with your rubric {rubric}" in err
    assert "gives 1 of 3 graded submissions other points than the default rubric would" in err, err
    assert {r["rubric"] for r in rows(out.read_text(encoding="utf-8"))} == {"course <2026>.toml"}
    for page in fb.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "rubric: course &lt;2026&gt;.toml" in text and "<2026>" not in text
        assert "your instructor&#x27;s rubric (course &lt;2026&gt;.toml)" in text
        assert str(tmp_path) not in text, "a student's page shows the file's name, not the instructor's folders"


def test_a_rubric_that_changes_no_points_says_so(small_class, tmp_path, capsys):
    rubric = tmp_path / "my-rubric.toml"
    rubric.write_text("[weights]\npolite_close = 6\n", encoding="utf-8")
    code, err = _run(capsys, "grade", "write-three", str(small_class), "-o", str(tmp_path / "gb.csv"),
                     "--rubric", str(rubric))
    assert code == 0 and "gives every submission the same points as the default rubric would" in err, err
    assert "narrow a band" in err


def test_a_rubric_for_a_keyed_exercise_says_it_changes_nothing(tmp_path, capsys):
    nb = samples.notebook("sender-theories", "source")
    folder = samples.write_folder({"a.ipynb": samples.dumps(nb)}, tmp_path / "s")
    rubric = tmp_path / "my-rubric.toml"
    rubric.write_text("[weights]\npurpose = 30\n", encoding="utf-8")
    out, fb = tmp_path / "gb.csv", tmp_path / "fb"
    code, err = _run(capsys, "grade", "sender-theories", str(folder), "-o", str(out), "--feedback", str(fb),
                     "--rubric", str(rubric))
    assert code == 0 and "changes nothing in sender-theories" in err, err
    assert "Graded against your instructor&#x27;s answer key" in (fb / "a.html").read_text(encoding="utf-8")
    assert rows(out.read_text(encoding="utf-8"))[0]["rubric"] == "my-rubric.toml"
