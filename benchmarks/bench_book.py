"""Benchmark the book build: a cold build with notebook execution, then a no-change rebuild.

    .venv/bin/python benchmarks/bench_book.py            # print the timings
    .venv/bin/python benchmarks/bench_book.py --check    # also exit 1 if a target is missed

The working tree is not touched: the repository (without .git, .venv and build outputs) is
copied to a temporary folder, and the builds run there. "Cold" means that copy has no
book/_build at all, so no Sphinx environment and no jupyter-cache (execute_notebooks: cache
keeps it in book/_build/.jupyter_cache): every page is read and every notebook executed.
The copy's src/ is put first on PYTHONPATH so notebooks import the copied package.

Targets (issue 3), on 2 cores: cold build under 3 minutes, no-change rebuild under 10 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
COMMAND = ["build", "book/", "-W", "--keep-going"]
TARGETS = {"cold build with execution": 180.0, "no-change rebuild": 10.0}
SKIP = {".git", ".venv", "_build", ".jupyter_cache", ".pytest_cache", ".hypothesis",
        "__pycache__", ".ipynb_checkpoints", "node_modules"}
SKIP_AT_TOP = {"build", "dist"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == REPO
    return {n for n in names
            if n in SKIP or n.endswith(".egg-info") or (top and n in SKIP_AT_TOP)}


def copy_repo(dest: Path) -> Path:
    target = dest / "repo"
    shutil.copytree(REPO, target, symlinks=True, ignore=_ignore)
    return target


def timed_build(repo: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run([str(JUPYTER_BOOK), *COMMAND], cwd=repo, env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        sys.exit(f"jupyter-book {' '.join(COMMAND)} failed (exit {proc.returncode}):\n{tail}")
    return elapsed


def count_pages(repo: Path) -> tuple[int, int]:
    html = repo / "book" / "_build" / "html"
    pages = [p for p in html.rglob("*.html") if "_static" not in p.parts]
    executed = len(list((repo / "book" / "_build" / ".jupyter_cache").rglob("*.ipynb")))
    return len(pages), executed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="invitelab-bench-"))
    try:
        repo = copy_repo(tmp)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(repo / "src"), *filter(None, [env.get("PYTHONPATH")])])
        print(f"Benchmarking `jupyter-book {' '.join(COMMAND)}` in a copy of the repository "
              f"({repo}); {os.cpu_count()} CPU cores.")
        results = {
            "cold build with execution": timed_build(repo, env),
            "no-change rebuild": timed_build(repo, env),
        }
        pages, notebooks = count_pages(repo)
        print(f"{pages} HTML pages; {notebooks} executed notebooks in the jupyter-cache.")
        missed = 0
        for name, seconds in results.items():
            target = TARGETS[name]
            ok = seconds < target
            missed += not ok
            print(f"  {name:<28} {seconds:7.1f} s   target < {target:5.0f} s   "
                  f"{'OK' if ok else 'MISSED'}")
        if args.keep:
            print(f"Kept the copy: {repo}")
        return 1 if (args.check and missed) else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
