"""Consistency checks for the diagnostic5 labelled set (standard library only).

Run from anywhere:  python data/diagnostic5/check.py
Exit status 0 when every check passes, 1 otherwise (each problem is printed on one line).

Checks: the CSV has exactly the expected columns; note ids are unique; recipient_id and
sender_id resolve to profiles of the right "kind"; profile ids are unique and start with "d5-";
every profile field is filled; labels use only pass/fail/n/a; common_ground is n/a exactly when
there is no sender; the length label agrees with len(text) against the 300 limit; and the level
follows the rules of RUBRIC.md section 3.
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT = 300
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level", "greeting", "self_intro",
           "specific_detail", "common_ground", "purpose", "no_hard_ask", "length",
           "not_template", "polite_close", "tone", "notes"]
CRITERIA = COLUMNS[5:15]
PROFILE_FIELDS = ["id", "kind", "name", "first_name", "headline", "location", "experience",
                  "education", "skills", "interests", "groups", "activity"]


def expected_level(row):
    if row["not_template"] == "fail" or (row["specific_detail"] == "fail" and row["purpose"] == "fail"):
        return "generic"
    core = ["greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone"]
    if all(row[c] == "pass" for c in core):
        if (row["self_intro"] == "pass" and row["polite_close"] == "pass"
                and row["common_ground"] in ("pass", "n/a")):
            return "exemplary"
        return "personalized"
    return "developing"


def main():
    problems = []
    profiles = json.loads((HERE / "profiles.json").read_text(encoding="utf-8"))
    kinds = {}
    for p in profiles:
        pid = p.get("id", "")
        if pid in kinds:
            problems.append(f"profiles.json: duplicate id {pid}")
        if not pid.startswith("d5-"):
            problems.append(f"profiles.json: id {pid!r} lacks the d5- prefix")
        kinds[pid] = p.get("kind")
        if p.get("kind") not in ("recipient", "sender"):
            problems.append(f"profiles.json: {pid}: kind must be recipient or sender")
        for field in PROFILE_FIELDS:
            if not p.get(field):
                problems.append(f"profiles.json: {pid}: field {field} is empty or missing")

    with open(HERE / "invitations.csv", newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            problems.append(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, row in enumerate(rows, start=2):
        where = f"invitations.csv row {n} ({row['id']})"
        if row["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(row["id"])
        if not row["id"].startswith("d5-"):
            problems.append(f"{where}: id lacks the d5- prefix")
        rid, sid = row["recipient_id"], row["sender_id"]
        if rid and kinds.get(rid) != "recipient":
            problems.append(f"{where}: recipient_id {rid!r} is not a recipient profile")
        if sid and kinds.get(sid) != "sender":
            problems.append(f"{where}: sender_id {sid!r} is not a sender profile")
        if sid and not rid:
            problems.append(f"{where}: a sender without a recipient")
        for c in CRITERIA:
            if row[c] not in ("pass", "fail", "n/a"):
                problems.append(f"{where}: {c} has value {row[c]!r}")
        for c in CRITERIA:
            if c != "common_ground" and row[c] == "n/a":
                problems.append(f"{where}: {c} is n/a (only common_ground may be)")
        if (row["common_ground"] == "n/a") != (not sid):
            problems.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
        if row["length"] != want_len:
            problems.append(f"{where}: length is {row['length']} but len(text) = {len(row['text'])}")
        if row["level"] != expected_level(row):
            problems.append(f"{where}: level {row['level']} but the rules give {expected_level(row)}")
        if not row["notes"].strip():
            problems.append(f"{where}: notes are empty")

    for line in problems:
        print(line)
    with_sender = sum(1 for r in rows if r["sender_id"])
    no_recipient = sum(1 for r in rows if not r["recipient_id"])
    print(f"{len(rows)} notes: {with_sender} with a sender, "
          f"{len(rows) - with_sender - no_recipient} recipient only, {no_recipient} without a recipient")
    print("levels:", dict(sorted(Counter(r["level"] for r in rows).items())))
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
