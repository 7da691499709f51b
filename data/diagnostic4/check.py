"""Consistency check for this labelled set (standard library only): ids unique and resolve,
labels legal, length labels agree with len(text), levels follow RUBRIC.md section 3.

It runs the kit's one checker, data/check_data.py, on this folder. It never scores a note.
Usage: python data/diagnostic4/check.py   (exit status 0 = consistent, 1 = problems)
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from check_data import check  # noqa: E402

if __name__ == "__main__":
    sys.exit(check(HERE, quiet="--quiet" in sys.argv[1:]))
