"""Validate data/diagnostic4 (standard library only).

Run:  python data/diagnostic4/check.py
Checks that ids are unique and resolve, that every label is a known value, that
`common_ground` is n/a exactly when there is no sender, that each `length` label agrees
with Python's len(text) against the default limit of 300, and that each `level` follows
the rules of spec/RUBRIC.md section 3. Prints the distribution; exits 1 on any problem.
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT = 300
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]
LEVELS = ("generic", "developing", "personalized", "exemplary")


def expected_level(row):
    if row["not_template"] == "fail" or (row["specific_detail"] == "fail" and row["purpose"] == "fail"):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
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
        if not pid.startswith("d4-"):
            problems.append(f"profiles.json: id {pid!r} lacks the d4- prefix")
        if pid in kinds:
            problems.append(f"profiles.json: duplicate id {pid}")
        if not p.get("name"):
            problems.append(f"profiles.json: {pid} has no name")
        if p.get("kind") not in ("recipient", "sender"):
            problems.append(f"profiles.json: {pid} has kind {p.get('kind')!r}")
        kinds[pid] = p.get("kind")

    with open(HERE / "invitations.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            problems.append(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, row in enumerate(rows, start=2):
        where = f"invitations.csv row {n} ({row.get('id')})"
        if row["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(row["id"])
        for col, kind in (("recipient_id", "recipient"), ("sender_id", "sender")):
            if row[col] and kinds.get(row[col]) != kind:
                problems.append(f"{where}: {col} {row[col]!r} is not a {kind} in profiles.json")
        for c in CRITERIA:
            if row[c] not in ("pass", "fail", "n/a"):
                problems.append(f"{where}: {c} = {row[c]!r}")
            elif row[c] == "n/a" and c != "common_ground":
                problems.append(f"{where}: only common_ground may be n/a")
        if (row["common_ground"] == "n/a") != (row["sender_id"] == ""):
            problems.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
        if row["length"] != want_len:
            problems.append(f"{where}: length is {row['length']} but len(text) = {len(row['text'])}")
        if row["level"] not in LEVELS:
            problems.append(f"{where}: unknown level {row['level']!r}")
        elif row["level"] != expected_level(row):
            problems.append(f"{where}: level {row['level']} but the rules give {expected_level(row)}")
        if not row["text"].strip() or not row["notes"].strip():
            problems.append(f"{where}: empty text or notes")

    with_sender = sum(1 for r in rows if r["sender_id"])
    no_sender = sum(1 for r in rows if r["recipient_id"] and not r["sender_id"])
    no_recipient = sum(1 for r in rows if not r["recipient_id"])
    print(f"{len(profiles)} profiles ({sum(1 for k in kinds.values() if k == 'recipient')} recipients, "
          f"{sum(1 for k in kinds.values() if k == 'sender')} senders); {len(rows)} notes: "
          f"{with_sender} with a sender, {no_sender} without, {no_recipient} without a recipient")
    print("levels:", dict(Counter(r["level"] for r in rows)))
    for c in CRITERIA:
        print(f"  {c:16}", dict(Counter(r[c] for r in rows)))
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
