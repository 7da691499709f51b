"""Ctrl-C during a parallel `invitelab score` (issues 8 item 3, and 13): the workers ignore it, the
main process stops them at once, removes its temporary file and says "interrupted: nothing written"
with exit status 130; in standard-output mode the output ends with a row saying it is cut."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg") or sys.platform == "win32", reason="POSIX signals")

NOTE = "Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how? Thanks, Alex"


def start(tmp_path, to_file: bool):
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "recipient_id", "text"])
        writer.writerows([i, "dana-whitfield", NOTE] for i in range(20_000))
    args = ["score", str(src)] + (["-o", str(tmp_path / "out.csv")] if to_file else [])
    code = ("import sys; from invitelab import batch, cli; batch.PARALLEL_CHUNK = 50; "
            f"sys.exit(cli.main({args!r}))")
    stdout = open(tmp_path / "stdout.txt", "wb")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=stdout, stderr=subprocess.PIPE,
                               start_new_session=True,  # its own group, as a terminal's foreground job
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait for the worker processes
        group = subprocess.run(["ps", "-o", "pid=", "-g", str(process.pid)], capture_output=True, text=True)
        if len(group.stdout.split()) >= 3 and (tmp_path / "stdout.txt").stat().st_size > 0 or (
                to_file and len(group.stdout.split()) >= 3):
            break
        time.sleep(0.2)
    time.sleep(0.5)
    return process, stdout


def interrupt(process):
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    start_time = time.monotonic()
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the run hung after Ctrl-C")
    time.sleep(0.3)
    left = subprocess.run(["ps", "-o", "pid=", "-g", str(process.pid)], capture_output=True, text=True).stdout
    return err.decode(), time.monotonic() - start_time, left.split()


def test_ctrl_c_to_a_file_writes_nothing(tmp_path):
    process, stdout = start(tmp_path, to_file=True)
    err, took, left = interrupt(process)
    stdout.close()
    assert process.returncode == 130, err
    assert err.strip() == "invitelab: interrupted: nothing written"
    assert took < 5 and left == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "stdout.txt"]  # no out.csv, no partial file


def test_ctrl_c_to_standard_output_says_the_output_is_cut(tmp_path):
    process, stdout = start(tmp_path, to_file=False)
    err, took, left = interrupt(process)
    stdout.close()
    assert process.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "interrupted: the output above is cut after" in err
    rows = list(csv.DictReader(open(tmp_path / "stdout.txt", encoding="utf-8", newline="")))
    assert rows[-1]["id"] == "INTERRUPTED" and "incomplete" in rows[-1]["error"]
    assert all(r["level"] for r in rows[:-1])
    assert took < 5 and left == []
