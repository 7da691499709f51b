"""Property tests: for any text the engine does not raise, is deterministic, and is consistent."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invitelab import decide_level, default_rubric, score
from invitelab.engine.examples import ALEX, DANA

WORDS = st.sampled_from(
    "Hi Hello Dear Dana Whitfield Ms. , . ! ? I'm a junior at Ohio State OSU Meridian Health post career fairs "
    "learn how you thanks Best Alex refer me resume https://x.io connect network LOVE 😀 u lol [Name] {company} "
    "\n - — ’ “ ” too fellow like your my".split(" ")
)
NOTES = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NOTES, st.sampled_from([(DANA, ALEX), (DANA, None), (None, None), (None, ALEX)]))
def test_any_text_scores_consistently(text, people):
    recipient, sender = people
    first = score(text, recipient=recipient, sender=sender)
    again = score(text, recipient=recipient, sender=sender)
    assert first == again
    assert 0.0 <= first.score <= 100.0
    assert first.level == decide_level({f.criterion: f.status for f in first.findings})
    assert len(first.findings) == 10
    for f in first.findings:
        assert f.status in ("pass", "fail", "n/a")
        assert f.evidence
        if f.status == "fail":
            assert f.suggestion
        if f.span is not None:
            start, end = f.span
            assert 0 <= start <= end <= len(text)
    assert (first.finding("common_ground").status == "n/a") == (sender is None)


@settings(max_examples=100, deadline=None)
@given(NOTES)
def test_score_is_the_sum_of_points(text):
    r = score(text, recipient=DANA, sender=ALEX)
    earned = sum(f.points for f in r.findings)
    low, high = default_rubric().band(r.level)
    assert low <= r.score <= high
    assert abs(low + (high - low) * earned / 100 - r.score) < 0.2
