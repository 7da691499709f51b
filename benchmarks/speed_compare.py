"""Speed of today's tree beside a baseline's, measured in one run (used by bench_engine.py).

Both trees are copied to a temporary directory (today's: the working tree's `src/` as it is, with
uncommitted changes; the baseline's: `git archive REF src`), and every measurement runs in a fresh
Python process with PYTHONPATH pointing at one copy. The runs alternate between the two trees
(A B B A A B ...), so that other processes on the machine slow both alike. Both trees read the same
data (this checkout's `data/`, through INVITELAB_DATA).

Figures:
- per check: `score()` on every labelled note, in-process after a warm-up pass; a note's time is its
  best run over all rounds (like timeit), and the median and p95/p99 are taken over notes;
- import: `import invitelab` in a fresh process (time of the import statement alone), and the same
  with the engine loaded (`from invitelab import score`), minimum and median of N processes;
- `invitelab check "..." --to dana-whitfield`: wall time of the whole process, minimum and median
  of N; "cold" is the same before any bytecode cache exists (the first run after installing, or
  any run with PYTHONDONTWRITEBYTECODE set and no `__pycache__`).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BASELINE = "f07537d"  # the last commit before issue 7's engine rebuild: "today" for its speed targets
TOLERANCE = 0.05  # "no slower": today's median per check within 5% of the baseline's
CHECK_TARGET_MS = 150.0
IMPORT_TARGET_MS = 60.0
NOTE = "Hi Dana, I'm a junior at Ohio State. Could I ask how you started in recruiting? Thanks"

WORKER = r'''
import csv, json, sys, time
if sys.argv[1] == "import":
    start = time.perf_counter()
    import invitelab
    plain = time.perf_counter() - start
    from invitelab import score  # loads the engine if `import invitelab` did not
    with_engine = time.perf_counter() - start
    print(json.dumps({"import": plain, "engine": with_engine, "file": invitelab.__file__}))
else:
    notes, profiles, repeats = sys.argv[2], sys.argv[3], int(sys.argv[4])
    from invitelab import load_profiles, score
    people = load_profiles(profiles)
    with open(notes, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    cases = [(r["text"], people.get(r["recipient_id"]), people.get(r["sender_id"])) for r in rows]
    for text, rec, snd in cases:  # warm: profiles indexed, patterns compiled, as in a notebook or a batch
        score(text, recipient=rec, sender=snd)
    best = [float("inf")] * len(cases)
    every = []
    for _ in range(repeats):
        for i, (text, rec, snd) in enumerate(cases):
            start = time.perf_counter()
            score(text, recipient=rec, sender=snd)
            took = time.perf_counter() - start
            every.append(took)
            best[i] = min(best[i], took)
    print(json.dumps({"best": best, "every": every}))
'''


@dataclass
class Tree:
    name: str
    src: Path
    best: list[float] = field(default_factory=list)  # per note, over all rounds
    every: list[float] = field(default_factory=list)
    round_medians: list[float] = field(default_factory=list)
    imports: list[float] = field(default_factory=list)
    engine_imports: list[float] = field(default_factory=list)
    checks: list[float] = field(default_factory=list)
    cold_checks: list[float] = field(default_factory=list)

    def env(self, data: Path, bytecode: bool = True) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(self.src), INVITELAB_DATA=str(data))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env


def export(ref: str, root: Path, into: Path) -> Path:
    """`git archive REF src` unpacked into `into`; returns its src folder (raises RuntimeError)."""
    try:
        out = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", ref, "src"],
                             capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        raise RuntimeError(f"cannot export {ref!r}: {detail.decode(errors='replace').strip() or error}") from None
    with tarfile.open(fileobj=io.BytesIO(out.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:
            tar.extractall(into)
    return into / "src"


def copy_worktree(root: Path, into: Path) -> Path:
    shutil.copytree(root / "src", into / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    return into / "src"


def check_command() -> list[str]:
    exe = Path(sys.executable).with_name("invitelab")  # the console script, as a user runs it
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "invitelab"]
    return cmd + ["check", NOTE, "--to", "dana-whitfield"]


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def worker(tree: Tree, data: Path, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKER, *args], env=tree.env(data), check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def alternate(trees: list[Tree], rounds: int):
    """A B, B A, A B, ...: each tree equally often first, so a drift in load falls on both."""
    for i in range(rounds):
        yield i, (trees if i % 2 == 0 else trees[::-1])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def measure(trees: list[Tree], data: Path, rounds: int, repeats: int, processes: int, cold: int) -> float:
    cmd = check_command()
    for _, order in alternate(trees, cold):  # before any bytecode cache is written
        for tree in order:
            tree.cold_checks.append(wall(cmd, tree.env(data, bytecode=False)))
    for tree in trees:  # write the bytecode caches, check that each copy is the one imported
        found = worker(tree, data, "import")["file"]
        if not Path(found).resolve().is_relative_to(tree.src.resolve()):
            raise RuntimeError(f"{tree.name}: imported {found}, not the copy in {tree.src}")
        wall(cmd, tree.env(data))
    bare = []
    for _, order in alternate(trees, processes):
        bare.append(wall([sys.executable, "-c", "pass"], trees[0].env(data)))
        for tree in order:
            got = worker(tree, data, "import")
            tree.imports.append(got["import"])
            tree.engine_imports.append(got["engine"])
            tree.checks.append(wall(cmd, tree.env(data)))
    notes, profiles = str(data / "invitations.csv"), str(data / "profiles.json")
    for _, order in alternate(trees, rounds):
        for tree in order:
            got = worker(tree, data, "checks", notes, profiles, str(repeats))
            tree.best = [min(a, b) for a, b in zip(tree.best, got["best"])] if tree.best else got["best"]
            tree.every += got["every"]
            tree.round_medians.append(statistics.median(got["best"]))
    return statistics.median(bare)


def report(trees: list[Tree], bare: float, rounds: int, repeats: int, processes: int, cold: int,
           line, failed: str = "") -> None:
    ms = 1000.0
    heads = "".join(f"{t.name:>22s}" for t in trees)
    print(f"Speed, {'today beside ' + trees[1].name if len(trees) > 1 else 'today only'} "
          f"(alternating runs: {rounds} rounds of {repeats} timed passes over "
          f"{len(trees[0].best)} labelled notes; {processes} fresh processes each)")
    if failed:
        print(f"  baseline not measured: {failed}")
    print(f"  {'':44s}{heads}")

    def row(name: str, values: list[str], target: str = "", ok: bool | None = None) -> None:
        mark = "" if ok is None else ("  OK" if ok else "  MISSED")
        print(f"  {name:44s}" + "".join(f"{v:>22s}" for v in values) + f"   {target}{mark}")

    med = [statistics.median(t.best) * ms for t in trees]
    row("median per check (best run of each note)", [f"{m:.3f} ms" for m in med], "target <= 0.5 ms", med[0] <= 0.5)
    row("p95 per check", [f"{pct(t.best, 0.95) * ms:.3f} ms" for t in trees])
    p99 = pct(trees[0].best, 0.99) * ms
    row("p99 per check", [f"{pct(t.best, 0.99) * ms:.3f} ms" for t in trees], "target <= 2 ms", p99 <= 2.0)
    row("median of every timed run (noisy)", [f"{statistics.median(t.every) * ms:.3f} ms" for t in trees])
    row("import invitelab, min / median", [f"{min(t.imports) * ms:.1f} / {statistics.median(t.imports) * ms:.1f} ms"
                                           for t in trees], f"target < {IMPORT_TARGET_MS:.0f} ms")
    row("  ... with the engine (import score)", [f"{min(t.engine_imports) * ms:.1f} / "
                                                 f"{statistics.median(t.engine_imports) * ms:.1f} ms" for t in trees])
    row("`invitelab check` process, min / median", [f"{min(t.checks) * ms:.0f} / {statistics.median(t.checks) * ms:.0f} ms"
                                                    for t in trees], f"target < {CHECK_TARGET_MS:.0f} ms")
    if cold:
        row("  ... cold, no bytecode cache (min / median)",
            [f"{min(t.cold_checks) * ms:.0f} / {statistics.median(t.cold_checks) * ms:.0f} ms" for t in trees],
            f"{cold} runs each")
    row("bare Python (python -c pass), median", [f"{bare * ms:.0f} ms"] + [""] * (len(trees) - 1))

    print("  Verdict (issue 7, deliverable 6):")
    today = trees[0]
    if len(trees) > 1:
        base = trees[1]
        ratio = med[0] / med[1]
        ratios = [a / b for a, b in zip(today.round_medians, base.round_medians)]
        line("    median per check, today / baseline", f"{ratio:.3f}",
             f"no slower (<= {1 + TOLERANCE:.2f}); rounds {min(ratios):.2f}..{max(ratios):.2f}",
             ratio <= 1 + TOLERANCE)
    else:
        line("    median per check, today / baseline", "not measured", "run with --baseline REF", False)
    check_med = statistics.median(today.checks) * ms
    line("    `invitelab check` whole process, median", f"{check_med:.0f} ms", f"target < {CHECK_TARGET_MS:.0f} ms",
         check_med < CHECK_TARGET_MS)
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1):
        print(f"    (the machine was busy: load average {load:.1f} on {os.cpu_count()} cores, bare Python "
              f"{bare * ms:.0f} ms; whole-process medians are inflated, the minimums less so: run it again "
              "when the machine is quiet)")
    import_med = statistics.median(today.imports) * ms
    line("    import invitelab, median", f"{import_med:.1f} ms", f"target < {IMPORT_TARGET_MS:.0f} ms",
         import_med < IMPORT_TARGET_MS)
    engine_med = statistics.median(today.engine_imports) * ms
    line("    import invitelab with the engine, median", f"{engine_med:.1f} ms",
         f"(what any check pays; target < {IMPORT_TARGET_MS:.0f} ms)", engine_med < IMPORT_TARGET_MS)


def run(root: Path, line, baseline: str | None, quick: bool) -> None:
    rounds, repeats, processes, cold = (4, 1, 6, 3) if quick else (10, 2, 20, 6)
    data = root / "data"
    failed = ""
    with tempfile.TemporaryDirectory(prefix="invitelab-speed-") as tmp:
        trees = [Tree("today (working tree)", copy_worktree(root, Path(tmp) / "today"))]
        if baseline:
            try:
                trees.append(Tree(f"baseline {baseline}", export(baseline, root, Path(tmp) / "baseline")))
            except RuntimeError as error:
                failed = str(error)
        bare = measure(trees, data, rounds, repeats, processes, cold)
        report(trees, bare, rounds, repeats, processes, cold, line, failed)
