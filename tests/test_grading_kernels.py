"""The pandas exercise: code answers run in their own kernels, in parallel, with a time limit.

One class of eight submissions (full, blank, raising, endless loop, flood of output, hostile,
a kernel that exits, wrong numbers) graded once: about 15 seconds on two cores.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import grading_samples as samples
import pytest
from test_grading import golden

import invitelab
from invitelab.grading.grader import grade, gradebook_text

pytest.importorskip("nbclient")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("code-class")
    folder = samples.write_folder(samples.code_class(), root / "submissions")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    summary = grade("data-acceptance", folder, jobs=2, timeout=15)
    return root, folder, before, summary


def test_code_class_golden(graded):
    _, _, _, summary = graded
    text = gradebook_text(summary)
    golden("data-acceptance-gradebook.csv", text)
    rows = {r["student"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["fullfay"]["total"] == "8" and rows["fullfay"]["status"] == "graded"
    assert rows["blankbo"]["total"] == "0" and rows["blankbo"]["message"].startswith("did not answer any question")
    assert rows["loopylou"]["status"] == "timeout" and rows["loopylou"]["q3"] == "1"  # written answers still count
    assert rows["raisingrai"]["q1"] == "4" and "ZeroDivisionError" in rows["raisingrai"]["message"]
    assert rows["floodflo"]["total"] == "8"
    assert rows["exitedex"]["status"] == "error" and rows["exitedex"]["q4"] == "1"
    assert rows["wrongwes"]["q1"] == "0" and rows["wrongwes"]["q3"] == "0"


def test_hostile_code_gains_nothing_and_harms_no_one(graded):
    root, folder, before, summary = graded
    text = gradebook_text(summary)
    rows = {r["student"]: r for r in csv.DictReader(io.StringIO(text))}
    hostile = rows["hostilehal"]
    assert hostile["q1"] == "0"  # made-up rates
    assert hostile["q3"] == "1"  # the written answer is read from the file, not from the kernel's `q3`
    assert invitelab.score.__module__ == "invitelab.engine.scoring"  # the grader's engine is untouched
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no submission changed
    assert not any(Path(r.sub.file).name.startswith("stolen") for r in summary.rows)


def test_source_runs_to_full_marks_in_its_kernel(graded):
    _, _, _, summary = graded
    full = next(r for r in summary.rows if r.sub.student == "fullfay")
    assert [m.points for m in full.marks] == [4, 2, 1, 1]


def test_ctrl_c_while_kernels_run_writes_nothing_and_leaves_no_kernel(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    full = samples.notebook("data-acceptance", "source")
    loop = samples.dumps(samples.set_answer(full, "q2", "while True:\n    pass"))
    folder = samples.write_folder({f"loop{i}_{i}_{i}_exercise.ipynb": loop for i in range(3)}, tmp_path / "subs")
    out = tmp_path / "gradebook.csv"
    out.write_text("the previous gradebook\n", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, PYTHONPATH=str(samples.ROOT / "src"), TMPDIR=str(tmp_path / "tmp"))
    proc = subprocess.Popen([sys.executable, "-m", "invitelab", "grade", "data-acceptance", str(folder), "-o", str(out),
                             "--timeout", "60"], env=env, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "the previous gradebook\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gradebook.csv", "subs", "tmp"]
    assert not any((tmp_path / "tmp").iterdir())  # the kernels' work folders are gone
