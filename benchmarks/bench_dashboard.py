"""Class dashboard speed: a 300-student room (600 notes, before and after). Target: under 5 s
from reading the CSV to the saved summary (HTML, PDF, two charts, scored CSV).

Run: python benchmarks/bench_dashboard.py   (prints figures; not a test)

The room is SIMULATED: notes assembled from the sample class's phrases, so most texts differ.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from invitelab.workshop import dashboard  # noqa: E402

STUDENTS = 300
TARGET_S = 5.0


def simulated_room(n: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    sample = dashboard.read_export(dashboard.sample_class_path())
    notes = [rec[3] for _, rec in sample.rows if len(rec) > 3 and rec[3]]
    buffer = io.StringIO()
    w = csv.writer(buffer)
    w.writerow([h for h in sample.headers])
    for i in range(n):
        for round_ in ("Before", "After"):
            text = rng.choice(notes) + f" ({rng.randint(1, 10**6)})"  # distinct texts: no cache help
            w.writerow(["12/10/2026 14:00:00", f"Student {i}", round_, text, rng.choice(["Yes", "No", ""])])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    data = simulated_room(STUDENTS)
    timings = {}
    t0 = time.perf_counter()
    export = dashboard.read_export(data, name="room-300.csv")
    timings["read CSV"] = time.perf_counter() - t0
    t = time.perf_counter()
    report = dashboard.build(export)
    timings["score 600 notes"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        report.save(tmp, pdf=False)
        timings["charts, HTML, CSV"] = time.perf_counter() - t
        t = time.perf_counter()
        report.pdf_bytes()
        timings["PDF (WeasyPrint)"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    print(f"Class dashboard, SIMULATED room of {STUDENTS} students ({len(report.notes)} notes)")
    for name, seconds in timings.items():
        print(f"  {name:20s} {seconds:6.2f} s")
    print(f"  {'total':20s} {total:6.2f} s   (target < {TARGET_S:.0f} s: {'met' if total < TARGET_S else 'NOT met'})")
    print(f"  rows with a problem: {len(report.problems)}")


if __name__ == "__main__":
    main()
