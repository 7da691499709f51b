"""Time to build the workshop's slides and handouts (issue 10); prints figures against the target.

    .venv/bin/python benchmarks/bench_workshop.py          # deck, deck PDF, handouts (letter + A4)
    .venv/bin/python benchmarks/bench_workshop.py --no-pdf # skip the Chromium PDF export

Target (2-core machine): slides and handouts together under 30 s, each run as the user runs it
(`invitelab slides -o DIR --pdf`, `invitelab handouts -o DIR`), in a fresh process, so Python
start-up, WeasyPrint's import and Chromium's launch are counted. The class dashboard's timing is
in benchmarks/bench_dashboard.py.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 30.0


def timed(args: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "invitelab", *args], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"`invitelab {' '.join(args)}` failed: {proc.stderr.strip()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="build the deck without its PDF")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        deck = ["slides", "-o", str(out / "deck")] + ([] if args.no_pdf else ["--pdf"])
        slides_s = timed(deck)
        handouts_s = timed(["handouts", "-o", str(out / "handouts")])
        pdfs = sorted((out / "handouts").rglob("*.pdf"))
        size_kb = sum(p.stat().st_size for p in pdfs) / 1024
        deck_kb = sum(p.stat().st_size for p in (out / "deck").rglob("*") if p.is_file()) / 1024
    total = slides_s + handouts_s
    label = "slides (HTML deck" + ("" if args.no_pdf else " + PDF") + ")"
    print(f"{label:34s} {slides_s:6.2f} s   folder {deck_kb:,.0f} KB")
    print(f"{'handouts (' + str(len(pdfs)) + ' PDFs, letter + A4)':34s} {handouts_s:6.2f} s   {size_kb:,.0f} KB")
    print(f"{'together':34s} {total:6.2f} s   target < {TARGET_S:.0f} s: {'met' if total < TARGET_S else 'MISSED'}")
    return 0 if total < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
