"""Make data/workshop/sample-class.csv: a SIMULATED class of 32 fictional students.

Run from the repository root:  python data/workshop/make_sample_class.py
The output is the same every time (seeded). It imitates a Google Forms export of the kit's
notes form (src/invitelab/workshop/forms.toml, [notes]): one row per submission, a timestamp,
the student's name, "Before" or "After", the note, and the consent answer. Nobody in it is
real and nothing in it was written by a student: the notes are assembled from the phrases
below, so the class's "improvement" is whatever these phrases and the seed make it.
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20261210
OUT = Path(__file__).with_name("sample-class.csv")
HEADER = [
    "Timestamp",
    "Your name or student ID (used only to match your before and after notes)",
    "Is this your note from before or after the workshop?",
    "Your invitation note (up to 300 characters)",
    "May we show your note, without your name, as an example to future workshops?",
]

# Fictional first and last names, combined at random (no real student). None is the first or
# last name of someone in the kit's cast (data/personas.json), nor one letter from one
# (tests/test_personas.py checks): a student "Priya ..." would read as Priya Raman, a sourcer.
FIRST = ["Amara", "Bruno", "Carmen", "Deshawn", "Elif", "Fiona", "Gabe", "Hamid", "Ivan", "Jade",
         "Kofi", "Lorenzo", "Marco", "Nadia", "Otis", "Pilar", "Quentin", "Rhea", "Sione", "Talia",
         "Uriel", "Vera", "Wes", "Ximena", "Yael", "Zoe", "Arjun", "Beatriz", "Cole", "Delphine",
         "Eitan", "Fumiko"]
LAST = ["Abernathy", "Lindqvist", "Moreau", "Halvorsen", "Kowalczyk", "Nakamura", "Dunmore", "Brandt",
        "Achebe", "Petrov", "Salgado", "Whitcombe", "Fonseca", "Igwe", "Mensah", "Rautio"]

# The three recipients of the kit's worksheet (fictional, data/profiles.json) and facts a note
# can cite about each, as a student would say them without the profile at hand.
RECIPIENTS = [
    ("Dana", ["your post on what you look for at career fairs",
              "your work as a campus recruiter at Meridian Health"],
     ["how you moved from psychology into campus recruiting",
      "what makes a student stand out to you at a career fair"]),
    ("Grace", ["your post on moving from Michigan statistics to data science",
               "your data science work at Target"],
     ["what mattered most in your first year at Target",
      "which statistics courses helped you most in data science"]),
    ("Tomas", ["the Deloitte booth at the MSU career fair on Tuesday",
               "your panel on first-generation students in accounting"],
     ["how I can prepare for Meet the Firms",
      "what you wish you had known as a first-year accountant"]),
]
INTROS = ["I'm a sophomore studying biology", "I'm a junior in finance", "I'm a first-year student",
          "I'm a senior studying statistics", "I'm a psychology major", "I'm an MS student in engineering"]
GENERIC = [
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {r}, I'd like to connect with you.",
    "Hello, I am a student looking for opportunities. Please accept my invitation.",
    "Hi {r}, I'm reaching out to expand my professional network.",
    "",  # a blank invitation: the student sent no note at all
]
DEVELOPING = [
    "Hi {r}, {intro}. Do you have any internships open? I'd love to be considered. Thanks",
    "Hi {r}, {intro}. I saw {fact} and would like to connect.",
    "Hi {r}, I loved {fact}! Could you refer me for a role on your team?",
]
STRONG = [
    "Hi {r}, {intro}. I saw {fact}. Could I ask {ask}? Thanks, {me}",
    "Hi {r}, {fact} helped me a lot. {intro} and would love to ask {ask}. Best, {me}",
    "Hi {r}, {intro}. Thank you for {fact}. Could I ask {ask}? Best regards, {me}",
]


def note(kind: str, rng: random.Random, me: str) -> str:
    r, facts, asks = rng.choice(RECIPIENTS)
    template = rng.choice({"generic": GENERIC, "developing": DEVELOPING, "strong": STRONG}[kind])
    return template.format(r=r, intro=rng.choice(INTROS), fact=rng.choice(facts), ask=rng.choice(asks), me=me)


def main() -> None:
    rng = random.Random(SEED)
    names = [f"{first} {rng.choice(LAST)}" for first in FIRST]
    start = datetime(2026, 12, 10, 14, 0, 0)
    rows = []
    for i, name in enumerate(names):
        first = name.split()[0]
        before_kind = rng.choices(["generic", "developing", "strong"], weights=[6, 3, 1])[0]
        after_kind = rng.choices(["generic", "developing", "strong"], weights=[1, 3, 6])[0]
        consent = rng.choice(["Yes", "Yes", "No", ""])
        t_before = start + timedelta(minutes=2, seconds=rng.randint(0, 240))
        rows.append([t_before, name, "Before", note(before_kind, rng, first), consent])
        if i == 11:
            continue  # this student left before the end: a "before" note only
        t_after = start + timedelta(minutes=50, seconds=rng.randint(0, 400))
        if i == 6:  # this student submitted a first draft, then the rewrite: both are kept
            rows.append([t_after - timedelta(minutes=4), name, "After", note("developing", rng, first), consent])
        rows.append([t_after, name, "After", note(after_kind, rng, first), consent])
    # Two rows a real export can hold: a blank line left by editing in a spreadsheet, and an
    # answer to the round question the dashboard cannot place (it is listed, not dropped).
    rows.append(["", "", "", "", ""])
    rows.append([start + timedelta(minutes=58), "Rhea " + rng.choice(LAST), "Not sure",
                 "Hi Grace, your post on moving from Michigan statistics to data science helped me. "
                 "Could I ask which courses helped you most? Thanks, Rhea", "Yes"])
    rows.sort(key=lambda r: (r[0] == "", r[0] or start))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for t, *rest in rows:
            writer.writerow([t.strftime("%m/%d/%Y %H:%M:%S") if t else "", *rest])
    print(f"wrote {OUT} ({len(rows)} rows, SIMULATED)")


if __name__ == "__main__":
    main()
