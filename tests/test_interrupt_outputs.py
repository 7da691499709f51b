"""Ctrl-C while the grader writes its gradebook and feedback, or the dashboard its report (issue 8,
item 3). Every file is written through a temporary file in the same folder and renamed, so an
interrupted run leaves each file either whole and new or as it was (never half of one), no
temporary file behind, and one line saying what was written, with exit status 130. The gradebook
and the dashboard's summary.html are written last: when they are new, the rest is new too.

Two ways in: KeyboardInterrupt raised inside the writing, in process (at the rename of the Nth
file, and inside one file's write), and SIGINT sent to a real `invitelab` process whose writes are
slowed so the signal lands between them (tests/test_interrupt.py does the same for `score`).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from grading_samples import notebook, set_answer
from test_bad_input_matrix import run_cli

from invitelab.grading import files as grading_files
from invitelab.workshop import dashboard

POSIX = pytest.mark.skipif(not hasattr(os, "killpg") or sys.platform == "win32", reason="POSIX signals")
SRC = str(Path(__file__).resolve().parents[1] / "src")
NOTE = "Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how? Thanks, Alex"
OLD_GRADEBOOK = "old gradebook, from the run before\n"
OLD_SUMMARY = "<!doctype html><p>the summary from the run before</p>\n"


def _class(tmp_path: Path, n: int = 12) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir()
    nb = set_answer(notebook("write-three", "source"), "q1", "q1 = " + repr(NOTE))
    for i in range(n):
        (folder / f"student{i:02d}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return folder


def _answers(tmp_path: Path) -> Path:
    src = tmp_path / "answers.csv"
    rows = ["Student,Round,Your invitation note"] + [f"s{i},{'before' if i % 2 else 'after'},\"{NOTE}\""
                                                     for i in range(40)]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return src


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*") if p.suffix in (".tmp", ".partial"))


def _interrupt_at(monkeypatch, module, call: int):
    """os.replace raises KeyboardInterrupt at its `call`-th use (1-based) and works before it."""
    real, calls = os.replace, []

    def replace(a, b):
        calls.append(b)
        if len(calls) == call:
            raise KeyboardInterrupt
        return real(a, b)

    monkeypatch.setattr(module.os, "replace", replace)
    return calls


def _whole_pages(folder: Path) -> list[Path]:
    pages = sorted(folder.glob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.rstrip().endswith("</html>"), f"{page.name} is cut"
    return pages


# -- the grader, in process ----------------------------------------------------------------------


def test_grader_interrupted_between_files_keeps_the_old_gradebook(tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path)
    out, feedback = tmp_path / "gradebook.csv", tmp_path / "feedback"
    out.write_text(OLD_GRADEBOOK, encoding="utf-8")
    _interrupt_at(monkeypatch, grading_files, 5)  # after 4 of the 12 feedback pages
    code, stdout, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out),
                                "--feedback", str(feedback))
    assert code == 130, err
    assert err.strip().splitlines() == [
        f"invitelab: interrupted: 4 of 13 files written, each whole; {out} was not written "
        "(an older one is left as it was)"]
    assert out.read_text(encoding="utf-8") == OLD_GRADEBOOK
    assert len(_whole_pages(feedback)) == 4
    assert _leftovers(tmp_path) == []


def test_grader_interrupted_inside_a_file_leaves_no_half_file(tmp_path, capsys, monkeypatch):
    folder = _class(tmp_path, 2)
    out = tmp_path / "gradebook.csv"
    out.write_text(OLD_GRADEBOOK, encoding="utf-8")

    def fsync(fd):  # the data is in the temporary file, not yet renamed
        raise KeyboardInterrupt

    monkeypatch.setattr(grading_files.os, "fsync", fsync)
    code, _, err = run_cli(capsys, monkeypatch, "grade", "write-three", str(folder), "-o", str(out))
    assert code == 130 and "interrupted: 0 of 1 files written" in err, err
    assert out.read_text(encoding="utf-8") == OLD_GRADEBOOK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gradebook.csv", "submissions"]


# -- the dashboard, in process -----------------------------------------------------------------


@pytest.mark.parametrize("call, written", [(1, 0), (3, 2), (4, 3)])
def test_dashboard_interrupted_keeps_the_old_summary(call, written, tmp_path, capsys, monkeypatch):
    src, report = _answers(tmp_path), tmp_path / "report"
    report.mkdir()
    (report / "summary.html").write_text(OLD_SUMMARY, encoding="utf-8")
    calls = _interrupt_at(monkeypatch, dashboard, call)
    code, stdout, err = run_cli(capsys, monkeypatch, "dashboard", str(src), "-o", str(report), "--no-pdf")
    assert code == 130, err
    assert err.strip().splitlines() == [
        f"invitelab: interrupted: {written} of 4 report files written, each whole; summary.html was not written"]
    assert Path(calls[-1]).name == ("levels.png", "criteria-missed.png", "scored-notes.csv", "summary.html")[call - 1]
    assert (report / "summary.html").read_text(encoding="utf-8") == OLD_SUMMARY
    assert len([p for p in report.iterdir() if not p.name.startswith(".")]) == 1 + written
    assert _leftovers(tmp_path) == []


def test_dashboard_interrupted_inside_a_file_leaves_no_half_file(tmp_path, monkeypatch):
    src, report = _answers(tmp_path), tmp_path / "report"
    built = dashboard.build(src)
    monkeypatch.setattr(dashboard.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(dashboard.DashboardInterrupted, match="0 of 4 report files written"):
        built.save(report, pdf=False)
    assert sorted(p.name for p in report.iterdir()) == []


# -- SIGINT to a real process ------------------------------------------------------------------

SLOW_WRITES = """
import sys, time
sys.path.insert(0, {src!r})
from invitelab import cli
from invitelab.grading import grader
from invitelab.workshop import dashboard
def slow(write):
    def slowed(*args):
        result = write(*args)
        print("wrote", flush=True)
        time.sleep(0.25)
        return result
    return slowed
grader.write_atomic = slow(grader.write_atomic)
dashboard.write_whole = slow(dashboard.write_whole)
sys.exit(cli.main({args!r}))
"""


def _run_and_interrupt(tmp_path: Path, args: list[str], after: int) -> tuple[int, str]:
    """Start `invitelab ARGS` with slowed writes, send SIGINT (as Ctrl-C does, to the whole
    group) once it has written `after` files; return (exit status, stderr)."""
    code = SLOW_WRITES.format(src=SRC, args=args)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        for _ in range(after):
            line = process.stdout.readline()
            assert line, "the process ended before it was interrupted: " + process.stderr.read().decode()
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=30)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return process.returncode, err.decode()


@POSIX
def test_ctrl_c_while_the_grader_writes(tmp_path):
    folder = _class(tmp_path, 6)
    out, feedback = tmp_path / "gradebook.csv", tmp_path / "feedback"
    out.write_text(OLD_GRADEBOOK, encoding="utf-8")
    code, err = _run_and_interrupt(tmp_path, ["grade", "write-three", str(folder), "-o", str(out),
                                              "--feedback", str(feedback), "--canvas"], after=2)
    assert code == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("invitelab: interrupted: ") and "files written, each whole" in lines[0], err
    assert out.read_text(encoding="utf-8") == OLD_GRADEBOOK  # written last: the old one stays
    assert 2 <= len(_whole_pages(feedback)) < 6
    assert _leftovers(tmp_path) == []


@POSIX
def test_ctrl_c_while_the_dashboard_writes(tmp_path):
    src, report = _answers(tmp_path), tmp_path / "report"
    report.mkdir()
    (report / "summary.html").write_text(OLD_SUMMARY, encoding="utf-8")
    code, err = _run_and_interrupt(tmp_path, ["dashboard", str(src), "-o", str(report), "--no-pdf"], after=1)
    assert code == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "report files written, each whole; summary.html was not written" in lines[0], err
    assert (report / "summary.html").read_text(encoding="utf-8") == OLD_SUMMARY
    assert _leftovers(tmp_path) == []
