"""Adversarial input families for the engine's timing (issue 8, item 1), shared by
`tests/test_linear_time.py`, the property tests and `benchmarks/bench_engine.py`.

Each family makes a note of about `n` characters (or a recipient profile of about `n` characters
of one field) from a repeated unit, the shapes a student's paste or a hostile user produces.
Everything is fictional; only `invitelab`'s public API is used.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass

from invitelab import profile_from_dict, score
from invitelab.engine.examples import ALEX, DANA


def _repeat(unit: str, n: int, prefix: str = "Hi Dana, ") -> str:
    body = unit * max(1, (n - len(prefix)) // len(unit))
    return prefix + body


def _big_recipient(field: str, n: int):
    """Dana with about `n` characters of one profile field (interests, schools, ...)."""
    data = DANA.to_dict()
    if field == "interests":
        data["interests"] = [f"survey research topic {i}" for i in range(max(1, n // 25))]
    elif field == "schools":
        data["education"] = [{"school": f"Ohio State Campus {i}", "degree": "BA", "field": "Psychology"}
                             for i in range(max(1, n // 20))]
    elif field == "activity":
        data["activity"] = [f"Posted: what I look for at career fairs, part {i}" for i in range(max(1, n // 50))]
    data["id"] = f"dana-big-{field}-{n}"
    return profile_from_dict(data)


NOTE_FOR_BIG_PROFILE = ("Hi Dana, I'm a junior at Ohio State studying psychology too. Your post on career fairs "
                        "helped me. Could I ask how you moved into campus recruiting? Thanks, Alex")


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[int], str]  # n characters -> note
    recipient: Callable[[int], object] | None = None  # n -> recipient profile (profile-size families)

    def run(self, n: int) -> float:
        """Processor seconds to score one input of size n: the best of up to five runs within 0.2 s.

        Processor time, not wall time, so other programs on a shared machine barely change it."""
        text = self.make(n)
        best = float("inf")
        spent = 0.0
        # what earlier, bigger runs left behind is collected now, not during a timed run (a full
        # collection there showed as rare 0.5 s spikes)
        gc.collect()
        for _ in range(5):
            # a fresh profile each run: the engine caches what it reads from a profile object
            recipient = self.recipient(n) if self.recipient else DANA
            gc.disable()  # as timeit does (collected once above): no collection billed to the run
            try:
                start = time.process_time()
                score(text, recipient=recipient, sender=ALEX)
                took = time.process_time() - start
            finally:
                gc.enable()
            best = min(best, took)
            spent += took
            if spent > 0.2 and (best < 0.5 * spent or spent > 0.5):  # at least two runs unless slow
                break
        return best


def warm_up() -> None:
    """Score a few ordinary notes, so patterns compiled on first use are compiled before timing
    (each timed run is a forked copy of this process)."""
    for text in ("Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. Could I ask how "
                 "you moved into campus recruiting? Thanks, Alex https://example.com 🙂 !!!",
                 "I'd like to add you to my professional network.", "", "\n\n \r"):
        score(text, recipient=DANA, sender=ALEX)
        score(text)


FAMILIES = (
    Family("newlines", lambda n: _repeat("\n", n)),
    Family("carriage returns", lambda n: _repeat("\r", n)),
    Family("blank lines with spaces", lambda n: _repeat("   \n", n)),
    Family("spaces after a full stop", lambda n: _repeat(" ", n, prefix="Hi Dana.")),
    Family("repeated name", lambda n: _repeat("Dana Whitfield ", n)),
    Family("repeated school", lambda n: _repeat("Ohio State ", n)),
    Family("repeated full school name", lambda n: _repeat("The Ohio State University ", n)),
    Family("repeated profile facts", lambda n: _repeat("Meridian Health campus recruiting first-generation students "
                                                        "career fairs Ohio Career Development Association ", n)),
    Family("punctuation runs", lambda n: _repeat("!?.,;:-", n)),
    Family("long token", lambda n: _repeat("a", n)),
    Family("URLs", lambda n: _repeat("https://example.com/career-fairs?q=dana&x=1 ", n)),
    Family("emoji", lambda n: _repeat("🙂", n)),
    Family("profile: interests", lambda n: NOTE_FOR_BIG_PROFILE, lambda n: _big_recipient("interests", n)),
    Family("profile: schools", lambda n: NOTE_FOR_BIG_PROFILE, lambda n: _big_recipient("schools", n)),
    Family("profile: activity", lambda n: NOTE_FOR_BIG_PROFILE, lambda n: _big_recipient("activity", n)),
)
FAMILY_BY_NAME = {f.name: f for f in FAMILIES}


def _child(measure, conn) -> None:
    conn.send(measure())
    conn.close()


def timed_call(measure: Callable[[], float], cap: float) -> float | None:
    """What `measure()` returns (seconds), or None when it runs over `cap` seconds of wall time: it
    runs in a forked child process, which is killed at the cap, so a slow input cannot hang a test."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(measure, child), daemon=True)
    process.start()
    child.close()
    try:
        if parent.poll(cap):
            try:
                return parent.recv()
            except EOFError:  # the child died (out of memory?): count it as too slow
                return None
        return None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()


def timed(family: Family, n: int, cap: float) -> float | None:
    """Processor seconds to score `family` at size n, or None beyond `cap` seconds."""
    return timed_call(lambda: family.run(n), cap)


def growth_series(family: Family, sizes, cap: float) -> list[tuple[int, float | None]]:
    """(size, seconds) for growing sizes; stops after the first size over `cap` (None)."""
    out = []
    for n in sizes:
        took = timed(family, n, cap)
        out.append((n, took))
        if took is None:
            break
    return out
