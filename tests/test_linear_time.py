"""The engine's time is linear in the note's length on adversarial inputs (issue 8, item 1),
measured through the public `score()` in processor seconds (other programs on a shared machine
barely change it). Each family is timed at doubling sizes from 250 characters to 1 MB:
- no input up to 1 MB may take over a second;
- doubling the input must not much more than double the time (at most 2.6 times, once a run
  takes over 5 ms, below which timer noise dominates).
A series stops at its first failure, and each run is killed at a cap, so a superlinear family
costs a few seconds, not minutes. Families that are superlinear today are marked
xfail(strict=True): the test fails as soon as the engine is fixed, and the marker must go.
"""
from __future__ import annotations

import pytest
from adversarial import FAMILIES, Family, timed, timed_call, warm_up
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from invitelab import score
from invitelab.engine.examples import ALEX, DANA

SIZES = [500 * 2**k for k in range(12)]  # 500 .. 1,024,000 characters
LIMIT_S = 1.0
GROWTH = 2.6
NOISE_S = 0.005
CAP_S = 10.0  # wall seconds: a run over this is stopped as a hang (the one-second rule is on processor time,
#               so a busy shared machine does not fail a linear input)
SLOW = "superlinear today: engine work in progress"

# Measured on 2026-12-07 (processor seconds; see benchmarks/bench_engine.py --adversarial).
SUPERLINEAR_TODAY: set[str] = set()  # every family is linear now (the engine reads a bounded, shortened text)


# The property test's notes (runs of at most 10,000 characters among ordinary words) that take over a
# second today; the other superlinear families stay under a second at that size.
PROPERTY_SLOW_TODAY: set[str] = set()


def _param(family: Family, slow=SUPERLINEAR_TODAY):
    marks = [pytest.mark.xfail(strict=True, reason=SLOW)] if family.name in slow else []
    return pytest.param(family, id=family.name, marks=marks)


def _best_of(family: Family, n: int, first: float | None) -> float | None:
    """A second opinion when a run looks too slow: on a busy shared machine one run can be inflated."""
    if first is None:
        return None
    again = timed(family, n, CAP_S)
    return first if again is None else min(first, again)


def check_growth(family: Family) -> list[tuple[int, float]]:
    warm_up()
    seen: list[tuple[int, float]] = []
    for n in SIZES:
        took = timed(family, n, CAP_S)
        if took is not None and (took > LIMIT_S or (seen and seen[-1][1] >= NOISE_S
                                                   and took > GROWTH * seen[-1][1])):
            took = _best_of(family, n, took)
        shown = ", ".join(f"{size:,}: {t * 1000:.1f} ms" for size, t in seen)
        assert took is not None, f"{family.name}: {n:,} characters took over {CAP_S} s (before: {shown})"
        assert took <= LIMIT_S, f"{family.name}: {n:,} characters took {took:.2f} s (before: {shown})"
        if seen and seen[-1][1] >= NOISE_S:
            ratio = took / seen[-1][1]
            assert ratio <= GROWTH, (f"{family.name}: doubling to {n:,} characters multiplied the time by "
                                     f"{ratio:.1f} ({seen[-1][1] * 1000:.1f} -> {took * 1000:.1f} ms; {shown})")
        seen.append((n, took))
    return seen


@pytest.mark.parametrize("family", [_param(f) for f in FAMILIES])
def test_time_grows_linearly(family):
    check_growth(family)


# -- property tests: such inputs mixed with ordinary words, each under a deadline --------------

WORDS = st.sampled_from("Hi Dana Whitfield , . ! Ohio State Meridian Health career fairs thanks Alex".split())


def note_with_runs(family: Family):
    """Ordinary words with a long run of the family's input (from 1,000 to 10,000 characters)."""
    return st.tuples(st.lists(WORDS, max_size=20), st.integers(1_000, 10_000),
                     st.lists(WORDS, max_size=20)).map(
        lambda parts: " ".join(parts[0]) + " " + family.make(parts[1]) + " " + " ".join(parts[2]))


NOTE_FAMILIES = [f for f in FAMILIES if f.recipient is None]


@pytest.mark.parametrize("family", [_param(f, PROPERTY_SLOW_TODAY) for f in NOTE_FAMILIES])
def test_property_any_such_note_is_scored_within_a_second(family):
    warm_up()

    @settings(max_examples=6, deadline=None, derandomize=True, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(note_with_runs(family))
    def scored_in_time(text):  # noqa: B023
        def measure():
            import time

            start = time.process_time()
            result = score(text, recipient=DANA, sender=ALEX)
            assert result.level
            return time.process_time() - start

        took = timed_call(measure, CAP_S)
        assert took is not None and took <= LIMIT_S, f"{len(text):,} characters: {took}"

    scored_in_time()
