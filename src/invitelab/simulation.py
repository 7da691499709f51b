"""A SIMULATED year of LinkedIn invitations received by a fictional recruiter (Renee Castillo).

Nothing here is measured. Every number that shapes the data is an *assumption*, listed once in
:data:`ASSUMPTIONS` with the reasoning behind it; ``data/simulated/README.md`` prints the same
table (``data/simulated/make_simulated.py`` writes it, so the two cannot drift apart).

How one invitation is made (all draws from one seeded :class:`random.Random`):

1. the week's number of invitations is Poisson-distributed around ``invitations_per_week``
   times the month's ``seasonal_multiplier``;
2. the sender's circumstance (active candidate, networker, ...) and the *theory* that best
   explains how they write invitations (the four theories of Andres Traslavina's article);
3. whether the invite is impersonal (no note, or a stock note) from ``impersonal_share`` and the
   theory's multiplier, and if so whether it carries no note at all;
4. otherwise an intended level for a written note (developing, personalized or exemplary);
5. a note text built from templates for that level and circumstance, then **scored with the
   rubric engine** (``invitelab.score``) against the recruiter's fictional profile: the ``level``
   and ``score`` columns are the engine's verdict on the text, ``intended_level`` is the template's;
6. whether the recruiter accepted, from ``acceptance_by_level`` applied to the engine's level.

The generator uses only the standard library, so the same seed gives the same rows on any
platform and Python version that keeps :mod:`random`'s documented stability.
"""

from __future__ import annotations

import csv
import json
import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SIMULATED_LABEL = "SIMULATED"
DEFAULT_SEED = 4
YEAR_START = date(2025, 1, 6)  # a Monday; the calendar year is only for months and weekdays
WEEKS = 52

CIRCUMSTANCES = (
    "active candidate",
    "networker",
    "passive candidate",
    "happy employee",
    "sales professional",
)

THEORIES = {
    "T1": "T1 Nobody told them; the generic path is easy",
    "T2": "T2 Many connections fast, little effort",
    "T3": "T3 Success counted in connections",
    "T4": "T4 Their circumstances",
}

LEVELS = ("generic", "developing", "personalized", "exemplary")
WRITTEN_LEVELS = ("developing", "personalized", "exemplary")

COLUMNS = (
    "invitation_id",
    "date",
    "week",
    "month",
    "sender_id",
    "circumstance",
    "theory",
    "has_note",
    "intended_level",
    "text",
    "level",
    "score",
    "accepted",
    "data_source",
)


@dataclass(frozen=True)
class Assumption:
    """One number (or table) the simulation rests on, with why it was chosen."""

    name: str
    value: object
    meaning: str
    reasoning: str


def _assumptions() -> dict[str, Assumption]:
    items = [
        Assumption(
            "invitations_per_week",
            40,
            "Mean number of invitations the recruiter receives in a week (Poisson).",
            "The source article says recruiters get many invitations a day from strangers. "
            "40 a week is 8 a working day. Not measured; LinkedIn publishes no figure.",
        ),
        Assumption(
            "seasonal_multiplier",
            {1: 1.3, 2: 1.2, 9: 1.3, 10: 1.2, 12: 0.7},
            "Multiplier on the weekly mean by month (months not listed: 1.0).",
            "Assumed: job searches pick up in the new year and in the autumn campus-recruiting "
            "season, and slow down over the December holidays.",
        ),
        Assumption(
            "circumstance_share",
            {
                "active candidate": 0.35,
                "networker": 0.20,
                "passive candidate": 0.15,
                "happy employee": 0.10,
                "sales professional": 0.20,
            },
            "Share of invitations by the sender's circumstance (theory 4's five groups).",
            "Assumed: a recruiter's inbox is dominated by job seekers, then by people building "
            "a network and by vendors selling recruiting services.",
        ),
        Assumption(
            "theory_share",
            {
                "active candidate": {"T1": 0.45, "T2": 0.20, "T3": 0.05, "T4": 0.30},
                "networker": {"T1": 0.20, "T2": 0.45, "T3": 0.15, "T4": 0.20},
                "passive candidate": {"T1": 0.30, "T2": 0.10, "T3": 0.05, "T4": 0.55},
                "happy employee": {"T1": 0.35, "T2": 0.10, "T3": 0.05, "T4": 0.50},
                "sales professional": {"T1": 0.10, "T2": 0.30, "T3": 0.50, "T4": 0.10},
            },
            "Within each circumstance, the share of senders whose habits are best explained by "
            "each theory: T1 nobody told them and the platform makes the generic path easy; "
            "T2 they want many connections fast; T3 their success is counted in connections; "
            "T4 their circumstances (for example no pressing need).",
            "Assumed, following the article's reasoning: students and first-time job seekers "
            "were never told (T1); networkers chase numbers (T2); sales targets count "
            "connections (T3); passive candidates and happy employees have no urgent reason to "
            "write (T4).",
        ),
        Assumption(
            "impersonal_share",
            {
                "active candidate": 0.55,
                "networker": 0.70,
                "passive candidate": 0.60,
                "happy employee": 0.75,
                "sales professional": 0.55,
            },
            "Base probability that an invitation is impersonal (no note, or a stock note), by "
            "circumstance, before the theory multiplier.",
            "Assumed: the article's premise is that most invitations are impersonal; active "
            "candidates have the most reason to write, happy employees the least.",
        ),
        Assumption(
            "theory_multiplier",
            {"T1": 1.15, "T2": 1.3, "T3": 1.2, "T4": 0.75},
            "Multiplier on impersonal_share by theory (the result is capped at 0.95).",
            "Assumed: volume (T2) and connection counts (T3) push hardest towards the quick "
            "path; T1 senders follow the platform's default; T4 senders who do write are not "
            "rushed.",
        ),
        Assumption(
            "no_note_share",
            {"T1": 0.60, "T2": 0.75, "T3": 0.60, "T4": 0.50},
            "Among impersonal invitations, the share sent with no note at all (one-tap "
            "Connect), by theory; the rest carry a stock note.",
            "Assumed: the one-tap Connect in 'People you may know' and the mobile app sends no "
            "note (see the profile-first notebook), and it is the fastest path (T2).",
        ),
        Assumption(
            "written_level_share",
            {
                "active candidate": {"developing": 0.45, "personalized": 0.35, "exemplary": 0.20},
                "networker": {"developing": 0.35, "personalized": 0.40, "exemplary": 0.25},
                "passive candidate": {"developing": 0.30, "personalized": 0.40, "exemplary": 0.30},
                "happy employee": {"developing": 0.30, "personalized": 0.40, "exemplary": 0.30},
                "sales professional": {"developing": 0.80, "personalized": 0.15, "exemplary": 0.05},
            },
            "For invitations that are not impersonal, the share of each intended level of the "
            "note template, by circumstance.",
            "Assumed: active candidates often ask for a job or referral in the first note "
            "(developing); most sales notes are pitches, which break the no-hard-ask rule.",
        ),
        Assumption(
            "acceptance_by_level",
            {"generic": 0.30, "developing": 0.50, "personalized": 0.75, "exemplary": 0.85},
            "Probability that the recruiter accepts, by the engine's level of the note (a "
            "missing note is level generic).",
            "Assumed to illustrate the article's point that an impersonal invitation is easily "
            "ignored. No independent study of acceptance with and without a note was found, and "
            "vendor figures contradict each other, so these are NOT real rates.",
        ),
        Assumption(
            "sales_acceptance_multiplier",
            0.6,
            "Multiplier on the acceptance probability for sales professionals.",
            "Assumed: recruiters are wary of invitations that lead to a pitch.",
        ),
        Assumption(
            "levels_from_engine",
            True,
            "The level and score columns come from scoring each generated text with "
            "invitelab.score against the recruiter's fictional profile (no sender profile, so "
            "common ground is n/a).",
            "Levels are not assumed: only the template's intended level is. Where the engine "
            "disagrees with the template, the engine's verdict is kept and used for acceptance.",
        ),
    ]
    return {a.name: a for a in items}


ASSUMPTIONS: dict[str, Assumption] = _assumptions()


def assumption(name: str):
    """The value of one assumption, by name."""
    return ASSUMPTIONS[name].value


def expected_impersonal_share(circumstance: str) -> float:
    """The share of impersonal invitations the assumptions imply for one circumstance."""
    base = assumption("impersonal_share")[circumstance]
    mult = assumption("theory_multiplier")
    return sum(
        p * min(0.95, base * mult[t]) for t, p in assumption("theory_share")[circumstance].items()
    )


def expected_invitations(weeks: int = WEEKS) -> float:
    """The expected number of invitations in ``weeks`` weeks from the assumptions."""
    return sum(_weekly_mean(YEAR_START + timedelta(weeks=w)) for w in range(weeks))


# --------------------------------------------------------------------------------------------
# Note templates. The recruiter's facts below are those of data/simulated/recruiter.json.

# The recruiter is Renee Castillo of the kit's cast (data/personas.json, "renee-castillo"); her
# profile is data/simulated/recruiter.json. tests/test_personas.py checks the three agree.
RECRUITER_FIRST = "Renee"

_INTROS = {
    "active candidate": [
        "a senior studying supply chain management",
        "a recent graduate in business analytics",
        "an operations analyst hoping to move into retail",
        "a junior studying nutrition",
    ],
    "networker": [
        "an organizer of a supply-chain meetup in Austin",
        "a career coach who works with career changers",
        "a graduate student in human resources",
    ],
    "passive candidate": [
        "a store operations manager at a regional grocer",
        "a logistics supervisor at a distribution company",
        "an HR generalist at a hospital",
    ],
    "happy employee": [
        "a pharmacist at a hospital in Austin",
        "a data analyst at a bank in Dallas",
        "a high school teacher in San Marcos",
    ],
    "sales professional": [
        "an account executive at TalentLoop, a recruiting software company",
        "a partnerships lead at a background-check firm",
        "a consultant who sells employer-branding videos",
    ],
}

# (detail sentence, matching purpose sentence): each detail is a fact from the recruiter's profile.
_DETAIL_PURPOSE = [
    (
        "Your post on why you read every profile before accepting an invitation changed how I "
        "write mine.",
        "I'd love to hear what makes a profile stand out to you.",
    ),
    (
        "I saw that you spoke at the Austin Retail Careers Summit.",
        "Could I ask how you plan campus recruiting for your stores?",
    ),
    (
        "I noticed you moved from Bluebonnet Health to Harvest Lane Markets.",
        "I'd like to learn how you made the switch from healthcare to retail recruiting.",
    ),
    (
        "I see you care about veterans in the workforce.",
        "I'd like to ask how Harvest Lane Markets helps veterans move into retail careers.",
    ),
]

_GENERIC_NOTES = [
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {first}, I'd like to join your LinkedIn network.",
    "Hello, I would like to connect with you.",
    "Hi, I'm reaching out to expand my professional network. Please accept my invitation.",
    "Hi {first}, hope you're well. I'd like to connect with you on LinkedIn.",
    "Hi [Name], I'd like to add you to my professional network.",
]

_HARD_ASKS = [
    "Are there any openings at Harvest Lane Markets? I'd be grateful for a referral.",
    "Could you pass my resume to the hiring manager for your analyst opening?",
]

_PITCHES = [
    "We help teams like Harvest Lane Markets cut time-to-hire by a third. Could we book a "
    "15-minute demo next week?",
    "Our platform could save your team hours a week. Can I send you a quick product demo?",
]

_CLOSES = ["Thank you, {sender}", "Best, {sender}", "Thanks for reading! {sender}"]

# The simulated senders sign with first names that nobody in the cast (data/personas.json) has,
# as a first or a last name, nor one a letter away (tests/test_personas.py checks): a note signed
# "Tomas" would read as Tomas Alvarez, the cast's university recruiter. Nor are they the students
# of the sample class (data/workshop/make_sample_class.py). Sixteen names, so the seed draws the
# same rows as before the names changed.
_SENDER_FIRST_NAMES = [
    "Wren", "Ines", "Aurelio", "Zara", "Felix", "Anouk", "Hiro", "Xiomara", "Tariq", "Oskar",
    "Leilani", "Dmitri", "Soren", "Nkechi", "Esme", "Rafael",
]  # fmt: skip


def _after_comma(sentence: str) -> str:
    """'Your post...' -> 'your post...' after 'Hi Renee,' ('I saw...' stays)."""
    return sentence if sentence.startswith(("I ", "I'")) else sentence[:1].lower() + sentence[1:]


def note_text(rng: random.Random, circumstance: str, intended: str, has_note: bool) -> str:
    """Build one note for the recruiter from templates for an intended level."""
    if not has_note:
        return ""
    first = RECRUITER_FIRST
    sender = rng.choice(_SENDER_FIRST_NAMES)
    intro = rng.choice(_INTROS[circumstance])
    detail, purpose = rng.choice(_DETAIL_PURPOSE)
    close = rng.choice(_CLOSES).format(sender=sender)
    if intended == "generic":
        return rng.choice(_GENERIC_NOTES).format(first=first)
    if intended == "developing":
        if circumstance == "sales professional":
            return f"Hi {first}, I'm {intro}. {rng.choice(_PITCHES)} Best, {sender}"
        variant = rng.randrange(3)
        if variant == 0:  # a hard ask breaks a core rule
            return f"Hi {first}, I'm {intro}. {rng.choice(_HARD_ASKS)} Thanks, {sender}"
        if variant == 1:  # no greeting by name
            return f"Hi, I'm {intro}. {detail} {purpose} {close}"
        return f"Hi {first}, I'm {intro}. {detail} {close}"  # no purpose
    if intended == "personalized":
        return f"Hi {first}, {_after_comma(detail)} {purpose}"
    return f"Hi {first}, I'm {intro}. {detail} {purpose} {close}"


# --------------------------------------------------------------------------------------------


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: exact, stdlib-only, stable for a given seed."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _pick(rng: random.Random, shares: dict) -> str:
    x, total = rng.random(), 0.0
    for key, share in shares.items():
        total += share
        if x < total:
            return key
    return key  # rounding: the last one


def _weekly_mean(week_start: date) -> float:
    return assumption("invitations_per_week") * assumption("seasonal_multiplier").get(
        week_start.month, 1.0
    )


Scorer = Callable[[str], tuple[str, float]]


def recruiter_profile_path() -> Path:
    return simulated_dir() / "recruiter.json"


def engine_scorer(recruiter=None) -> Scorer:
    """A scorer that rates a text with the rubric engine against the recruiter's profile."""
    from invitelab import load_profiles, score

    if recruiter is None:
        recruiter = next(iter(load_profiles(recruiter_profile_path()).values()))
    cache: dict[str, tuple[str, float]] = {}

    def scorer(text: str) -> tuple[str, float]:
        if text not in cache:
            r = score(text, recipient=recruiter, sender=None, limit=300)
            cache[text] = (r.level, round(float(r.score), 1))
        return cache[text]

    return scorer


def simulate_year(seed: int = DEFAULT_SEED, scorer: Scorer | None = None) -> list[dict]:
    """Generate the simulated year as a list of rows (dicts with :data:`COLUMNS`)."""
    rng = random.Random(seed)
    scorer = scorer or engine_scorer()
    rows: list[dict] = []
    for week in range(WEEKS):
        week_start = YEAR_START + timedelta(weeks=week)
        for _ in range(_poisson(rng, _weekly_mean(week_start))):
            day = week_start + timedelta(days=rng.randrange(7))
            circumstance = _pick(rng, assumption("circumstance_share"))
            theory = _pick(rng, assumption("theory_share")[circumstance])
            p_impersonal = min(
                0.95,
                assumption("impersonal_share")[circumstance]
                * assumption("theory_multiplier")[theory],
            )
            if rng.random() < p_impersonal:
                intended = "generic"
                has_note = rng.random() >= assumption("no_note_share")[theory]
            else:
                intended = _pick(rng, assumption("written_level_share")[circumstance])
                has_note = True
            text = note_text(rng, circumstance, intended, has_note)
            level, points = scorer(text)
            p_accept = assumption("acceptance_by_level")[level]
            if circumstance == "sales professional":
                p_accept *= assumption("sales_acceptance_multiplier")
            accepted = rng.random() < p_accept
            n = len(rows) + 1
            rows.append(
                {
                    "invitation_id": f"SIM-{n:05d}",
                    "date": day.isoformat(),
                    "week": week + 1,
                    "month": day.month,
                    "sender_id": f"SIM-SENDER-{rng.randrange(10**6):06d}",
                    "circumstance": circumstance,
                    "theory": THEORIES[theory],
                    "has_note": has_note,
                    "intended_level": intended,
                    "text": text,
                    "level": level,
                    "score": points,
                    "accepted": accepted,
                    "data_source": SIMULATED_LABEL,
                }
            )
    return rows


# --------------------------------------------------------------------------------------------
# Files


def data_dir() -> Path:
    """The kit's data/ folder (from :mod:`invitelab.kitdata`)."""
    from invitelab import kitdata

    return Path(kitdata.data_dir())


def simulated_dir() -> Path:
    return data_dir() / "simulated"


def default_csv_path() -> Path:
    return simulated_dir() / "invitations_simulated.csv"


def write_csv(rows: Iterable[dict], path: Path | str) -> Path:
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def load_simulated(path: Path | str | None = None):
    """The simulated year as a pandas DataFrame (pandas is imported only here)."""
    import pandas as pd

    df = pd.read_csv(path or default_csv_path(), keep_default_na=False, parse_dates=["date"])
    for col in ("has_note", "accepted"):
        df[col] = df[col].astype(str).str.lower().eq("true")
    if set(df["data_source"]) != {SIMULATED_LABEL}:
        raise ValueError("this file is not the kit's simulated data (data_source column)")
    df.attrs["data_source"] = SIMULATED_LABEL
    return df


def _fmt(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fmt(v)}" for k, v in value.items())
    return json.dumps(value) if isinstance(value, bool) else str(value)


def assumptions_markdown() -> str:
    """The assumptions as a Markdown table (written into data/simulated/README.md)."""
    lines = ["| assumption | value | what it means | why this value |", "|---|---|---|---|"]
    for a in ASSUMPTIONS.values():
        cells = [f"`{a.name}`", _fmt(a.value), a.meaning, a.reasoning]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)
