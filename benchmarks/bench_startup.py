"""Where the start-up time of one `invitelab check` goes: imports, then the first check's one-time work.

    .venv/bin/python benchmarks/bench_startup.py            # 10 fresh processes per figure
    .venv/bin/python benchmarks/bench_startup.py --runs 30

Prints (minimum over fresh processes, so that other processes on the machine count less):
1. the modules imported by `from invitelab import score`, by their own import time
   (`python -X importtime`), with the package's modules and the standard library's apart;
2. the first check's one-time costs beside a second check of the same note: regular expressions
   compiled on first use (by the line of the package that first needed them), TOML files parsed,
   and the rest.
It reads only the standard library's hooks (re, tomllib) and, when it is there, engine/regexcache's
(patterns whose compiled code it keeps in __pycache__ are not compiled: it says how many), so it
keeps working while the engine's modules move. bench_engine.py --speed gives the end-to-end figures beside a baseline.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTE = "Hi Dana, I'm a junior at Ohio State. Could I ask how you started in recruiting? Thanks"

FIRST_CHECK = r'''
import json, re, sys, time, tomllib, traceback
from invitelab import kitdata, score, default_rubric
people = kitdata.profiles()
rubric = default_rubric()
compiles, tomls = {}, [0.0]
real_compile, real_loads = re._compile, tomllib.loads
seen = set()

HELPERS = ("/patterns.py", "/lexicon/__init__.py", "/regexcache.py")  # lazy-compiling helpers: name their caller instead

def where():
    frames = [f for f in traceback.extract_stack()[:-2] if "/invitelab/" in f.filename]
    for frame in reversed(frames):
        if not frame.filename.endswith(HELPERS):
            return frame.filename.split("/invitelab/", 1)[1] + ":" + str(frame.lineno)
    return frames[-1].filename.split("/invitelab/", 1)[1] + ":" + str(frames[-1].lineno) if frames else "(outside)"

def timed_compile(pattern, flags):
    key = (pattern, flags)
    if isinstance(pattern, re.Pattern) or key in seen:
        return real_compile(pattern, flags)
    seen.add(key)
    start = time.perf_counter()
    compiled = real_compile(pattern, flags)
    took = time.perf_counter() - start
    spot = where()
    compiles[spot] = compiles.get(spot, 0.0) + took
    return compiled

def timed_loads(*args, **kwargs):
    start = time.perf_counter()
    try:
        return real_loads(*args, **kwargs)
    finally:
        tomls[0] += time.perf_counter() - start

re._compile, tomllib.loads = timed_compile, timed_loads
cached = [0, 0]  # patterns that engine/regexcache gave from their kept code, and all it was asked for
try:
    from invitelab.engine import regexcache
except ImportError:  # the module moved or is gone: nothing to count
    regexcache = None
if regexcache is not None:
    real_arguments, real_cache_compile = regexcache._arguments, regexcache.compile

    def timed_arguments(source, flags):  # a pattern the cache did not have: compiled here, timed as above
        start = time.perf_counter()
        try:
            return real_arguments(source, flags)
        finally:
            spot = where()
            compiles[spot] = compiles.get(spot, 0.0) + time.perf_counter() - start
            cached[0] -= 1

    def counted(source, flags=0):
        cached[0] += 1
        cached[1] += 1
        return real_cache_compile(source, flags)

    regexcache._arguments, regexcache.compile = timed_arguments, counted
recipient = people["dana-whitfield"]
start = time.perf_counter()
score(sys.argv[1], recipient=recipient, rubric=rubric)
first = time.perf_counter() - start
re._compile, tomllib.loads = real_compile, real_loads
if regexcache is not None:
    regexcache._arguments, regexcache.compile = real_arguments, real_cache_compile
start = time.perf_counter()
score(sys.argv[1], recipient=recipient, rubric=rubric)
second = time.perf_counter() - start
print(json.dumps({"first": first, "second": second, "compiles": compiles, "toml": tomls[0], "cached": cached}))
'''

PROFILED = r'''
import cProfile, pstats, sys
from invitelab import kitdata, score, default_rubric
people = kitdata.profiles()
rubric = default_rubric()
profile = cProfile.Profile()
profile.enable()
score(sys.argv[1], recipient=people["dana-whitfield"], rubric=rubric)
profile.disable()
stats = pstats.Stats(profile).stats
rows = sorted(((tt, f"{f.split('/invitelab/')[-1] if '/invitelab/' in f else f.rsplit('/', 1)[-1]}:{line} {name}")
               for (f, line, name), (_, _, tt, _, _) in stats.items()), reverse=True)
for tt, where in rows[:int(sys.argv[2])]:
    print(f"   {tt * 1000:6.2f} ms  {where}")
'''


def env() -> dict[str, str]:
    out = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user runs it: with the bytecode cache
    return out


def import_times(runs: int) -> dict[str, tuple[float, float]]:
    """module -> (min self ms, min cumulative ms) over `runs` processes of `from invitelab import score`."""
    seen: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", "from invitelab import score"],
                             env=env(), capture_output=True, text=True, check=True).stderr
        for line in err.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, total, name = line.split(":", 1)[1].split("|")
            seen[name.strip()].append((int(own), int(total)))
    return {name: (min(o for o, _ in v) / 1000, min(t for _, t in v) / 1000) for name, v in seen.items()}


def first_check(runs: int) -> list[dict]:
    return [json.loads(subprocess.run([sys.executable, "-c", FIRST_CHECK, NOTE], env=env(), capture_output=True,
                                      text=True, check=True).stdout.strip().splitlines()[-1]) for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per figure (default 10)")
    parser.add_argument("--top", type=int, default=15, help="rows per table (default 15)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"minimum of {args.runs} fresh processes\n")
    subprocess.run([sys.executable, "-c", "from invitelab import score"], env=env(), check=True)  # bytecode cache
    times = import_times(args.runs)
    ours = {n: t for n, t in times.items() if n.startswith("invitelab")}
    stdlib = {n: t for n, t in times.items() if not n.startswith("invitelab")}
    print("1. `from invitelab import score`: modules by their own import time (self / with what they import)")
    print(f"   the package's modules: {sum(o for o, _ in ours.values()):.1f} ms in {len(ours)} modules; "
          f"the standard library's they bring: {sum(o for o, _ in stdlib.values()):.1f} ms "
          "(interpreter start-up's own modules included)")
    for name, (own, total) in sorted(times.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"   {own:6.2f} ms  {total:7.2f} ms  {name}")
    print()
    runs = first_check(args.runs)
    first = min(r["first"] for r in runs) * 1000
    second = min(r["second"] for r in runs) * 1000
    toml = min(r["toml"] for r in runs) * 1000
    spots: dict[str, list[float]] = collections.defaultdict(list)
    for r in runs:
        for spot, took in r["compiles"].items():
            spots[spot].append(took)
    compiled = {spot: min(v) * 1000 for spot, v in spots.items()}
    print(f"2. The first check of a note to dana-whitfield: {first:.1f} ms; the same note again: {second:.2f} ms")
    print(f"   regular expressions compiled on first use: {sum(compiled.values()):.1f} ms in {len(compiled)} places;"
          f" TOML parsed: {toml:.1f} ms; the rest (indexes, word lists, caches): "
          f"{max(0.0, first - second - sum(compiled.values()) - toml):.1f} ms")
    hits, asked = runs[-1].get("cached", [0, 0])
    print(f"   engine/regexcache gave {hits} of the {asked} patterns it was asked for from their compiled code kept in "
          "__pycache__ (not compiled, so not counted above)")
    for spot, took in sorted(compiled.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"   {took:6.2f} ms  {spot}")
    print()
    print("3. The first check's functions by their own time (cProfile, one process: the profiler inflates every"
          " figure; regular-expression compiling shows as re/_parser.py and re/_compiler.py)")
    print(subprocess.run([sys.executable, "-c", PROFILED, NOTE, str(args.top)], env=env(), capture_output=True,
                         text=True, check=True).stdout.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
