"""How fast is `invitelab grade`? Seconds per submission and peak memory, beside nbgrader's autograde.

    .venv/bin/python benchmarks/bench_grader.py [--submissions 200] [--code 40] [--jobs 2] [--nbgrader PATH]

1. Written answers only (write-three): SUBMISSIONS notebooks, graded with no kernel.
2. Code answers (data-acceptance): CODE notebooks, each in its own kernel, JOBS at a time.
3. A class's mix: SUBMISSIONS notebooks over the five exercises (one in five runs code).
4. nbgrader 0.9's `autograde` on the same notebooks, if PATH (default /tmp/nbg-venv/bin/nbgrader) is
   an nbgrader install; install it into a throwaway venv, never into the kit's:
   `python3 -m venv /tmp/nbg-venv && /tmp/nbg-venv/bin/pip install nbgrader==0.9.6`.
Target (issue 9): at most 0.3 s per submission overall for 200 submissions on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import grading_samples as samples  # noqa: E402

from invitelab.grading.grader import grade  # noqa: E402

EXERCISES = ["spot-generic", "write-three", "sender-theories", "data-acceptance", "profile-first"]


def variants(exercise: str, n: int, seed: int = 7) -> dict[str, bytes]:
    """n submissions: full, blank and half-answered notebooks, in a fixed random mix."""
    rng = random.Random(seed)
    full, blank = samples.notebook(exercise, "source"), samples.notebook(exercise, "exercise")
    qids = [c["id"] for c in blank["cells"] if c["metadata"].get("invitelab", {}).get("question")]
    files = {}
    for i in range(n):
        nb = blank
        for qid in qids:
            if rng.random() < 0.6:
                nb = samples.set_answer(nb, qid, samples.cell(full, qid)["source"])
        files[f"student{i:03d}_{1000 + i}_{5000 + i}_{exercise}.ipynb"] = samples.dumps(nb)
    return files


def peak_mb(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def timed(exercise: str, folder: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    summary = grade(exercise, folder, jobs=jobs, timeout=60)
    return time.perf_counter() - start, len(summary.rows)


def bench_nbgrader(nbgrader: Path, exercise: str, files: dict[str, bytes], work: Path) -> str:
    course = work / "course"
    kernels = work / "jupyter" / "kernels" / "invitelab-bench"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "InviteLab bench", "language": "python"}))
    env = dict(os.environ, JUPYTER_PATH=str(work / "jupyter"), PYTHONPATH=str(ROOT / "src"),
               PATH=str(nbgrader.parent) + os.pathsep + os.environ.get("PATH", ""))  # nbgrader calls `alembic`
    (course / "source" / exercise).mkdir(parents=True)
    source = samples.notebook(exercise, "source")
    source["metadata"]["kernelspec"]["name"] = "invitelab-bench"
    (course / "source" / exercise / "exercise.ipynb").write_bytes(samples.dumps(source))
    (course / "nbgrader_config.py").write_text(f'c = get_config()\nc.CourseDirectory.root = r"{course}"\n')
    run = lambda *args: subprocess.run([str(nbgrader), *args], cwd=course, env=env, capture_output=True, text=True)
    made = run("generate_assignment", exercise, "--force", "--create")
    if made.returncode:
        errors = [ln for ln in made.stderr.splitlines() if "rror" in ln and "traceback" not in ln.lower()]
        return f"not measured: generate_assignment failed ({(errors or ['?'])[0][:200]})"
    for name, data in files.items():
        nb = json.loads(data)
        nb["metadata"]["kernelspec"]["name"] = "invitelab-bench"
        student = name.split("_")[0]
        target = course / "submitted" / student / exercise
        target.mkdir(parents=True, exist_ok=True)
        (target / "exercise.ipynb").write_bytes(samples.dumps(nb))
    start = time.perf_counter()
    graded = run("autograde", exercise, "--create", "--force")
    seconds = time.perf_counter() - start
    ok = len(list((course / "autograded").glob(f"*/{exercise}/exercise.ipynb")))
    if graded.returncode and not ok:
        return f"not measured: autograde failed ({graded.stderr.strip().splitlines()[-1][:160]})"
    return f"{seconds / len(files):.2f} s per notebook ({ok} of {len(files)} autograded in {seconds:.1f} s)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--code", type=int, default=40, help="submissions of the code exercise (each starts a kernel)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--nbgrader", type=Path, default=Path("/tmp/nbg-venv/bin/nbgrader"))
    parser.add_argument("--nbgrader-count", type=int, default=20, help="notebooks for nbgrader's autograde")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-grader-"))
    try:
        print(f"invitelab grade on {os.cpu_count()} cores, --jobs {args.jobs}")
        folder = samples.write_folder(variants("write-three", args.submissions), work / "text")
        seconds, n = timed("write-three", folder, args.jobs)
        print(f"1. written answers (write-three), {n} submissions: {seconds:.2f} s, {seconds / n * 1000:.1f} ms each")
        folder = samples.write_folder(variants("data-acceptance", args.code), work / "code")
        seconds, n = timed("data-acceptance", folder, args.jobs)
        print(f"2. code answers (data-acceptance), {n} submissions: {seconds:.1f} s, {seconds / n:.2f} s each "
              f"(kernel start, pandas import and the student's code)")
        total, count = 0.0, 0
        share = args.submissions // len(EXERCISES)
        for eid in EXERCISES:
            folder = samples.write_folder(variants(eid, share, seed=11), work / "mix" / eid)
            seconds, n = timed(eid, folder, args.jobs)
            total, count = total + seconds, count + n
        verdict = "meets" if total / count <= 0.3 else "misses"
        print(f"3. a class's mix, {count} submissions over {len(EXERCISES)} exercises: {total:.1f} s, "
              f"{total / count:.3f} s each ({verdict} the 0.3 s target)")
        print(f"   peak memory: grader {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
              f"largest kernel {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
        if args.nbgrader.exists():
            files = variants("data-acceptance", args.nbgrader_count, seed=3)
            print(f"4. nbgrader autograde (data-acceptance, {len(files)} notebooks): "
                  + bench_nbgrader(args.nbgrader, "data-acceptance", files, work / "nbg"))
            files = variants("write-three", args.nbgrader_count, seed=3)
            print(f"   nbgrader autograde (write-three, {len(files)} notebooks): "
                  + bench_nbgrader(args.nbgrader, "write-three", files, work / "nbg2"))
        else:
            print(f"4. nbgrader: not measured ({args.nbgrader} not found; see this script's docstring to install it "
                  "into a throwaway venv)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
