#!/usr/bin/env python3
"""Validate the second diagnostic set (data/diagnostic2). Standard library only.

Run:  python data/diagnostic2/check.py
Checks that ids are unique and resolve, that every label is a legal value, that `length`
agrees with Python's len() against the 300-character limit, that common_ground is n/a exactly
when there is no sender, and that each `level` follows the rubric's level rules (spec section 3).
Prints the distribution and exits with status 1 on any problem.
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT = 300
CRITERIA = ("greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone")
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level", *CRITERIA, "notes"]
LEVELS = ("generic", "developing", "personalized", "exemplary")
PROFILE_KEYS = ("id", "name", "first_name", "headline", "location", "experience", "education",
                "skills", "interests", "groups", "activity", "kind")


def expected_level(row):
    """The spec's level rules, applied in order."""
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
        pid = p.get("id", "?")
        if pid in kinds:
            problems.append(f"profiles.json: duplicate id {pid}")
        if not str(pid).startswith("d2-"):
            problems.append(f"profiles.json: id {pid} lacks the d2- prefix")
        for key in PROFILE_KEYS:
            if not p.get(key):
                problems.append(f"profiles.json: {pid}: missing or empty {key}")
        if p.get("kind") not in ("recipient", "sender"):
            problems.append(f"profiles.json: {pid}: kind must be recipient or sender")
        kinds[pid] = p.get("kind")
    kind_counts = Counter(kinds.values())

    with open(HERE / "invitations.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            problems.append(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, r in enumerate(rows, start=2):
        where = f"invitations.csv row {n} ({r.get('id')})"
        if r["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(r["id"])
        if not r["id"].startswith("d2-"):
            problems.append(f"{where}: id lacks the d2- prefix")
        if kinds.get(r["recipient_id"]) != "recipient":
            problems.append(f"{where}: recipient_id {r['recipient_id']!r} is not a recipient profile")
        if r["sender_id"] and kinds.get(r["sender_id"]) != "sender":
            problems.append(f"{where}: sender_id {r['sender_id']!r} is not a sender profile")
        for c in CRITERIA:
            allowed = ("pass", "fail", "n/a") if c == "common_ground" else ("pass", "fail")
            if r[c] not in allowed:
                problems.append(f"{where}: {c} = {r[c]!r}, expected one of {allowed}")
        if (r["common_ground"] == "n/a") != (not r["sender_id"]):
            problems.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(r["text"]) <= LIMIT else "fail"
        if r["length"] != want_len:
            problems.append(f"{where}: length is {r['length']} but len(text) = {len(r['text'])}")
        if r["level"] not in LEVELS or r["level"] != expected_level(r):
            problems.append(f"{where}: level {r['level']!r}, rules give {expected_level(r)!r}")
        if not r["notes"].strip():
            problems.append(f"{where}: notes are empty")
        if "SI " not in r["notes"]:
            problems.append(f"{where}: notes do not explain the self_intro decision (SI ...)")
        if r["sender_id"] and "CG " not in r["notes"]:
            problems.append(f"{where}: notes do not explain the common_ground decision (CG ...)")

    with_sender = [r for r in rows if r["sender_id"]]
    print(f"profiles: {len(profiles)} ({kind_counts['recipient']} recipients, {kind_counts['sender']} senders)")
    print(f"notes: {len(rows)} ({len(with_sender)} with a sender, {len(rows) - len(with_sender)} without)")
    print("\nlevel          with sender  without  total")
    for lv in LEVELS:
        a = sum(1 for r in with_sender if r["level"] == lv)
        b = sum(1 for r in rows if r["level"] == lv) - a
        print(f"{lv:14} {a:11}  {b:7}  {a + b:5}")
    print("\ncriterion        pass  fail   n/a")
    for c in CRITERIA:
        k = Counter(r[c] for r in rows)
        print(f"{c:16} {k['pass']:4}  {k['fail']:4}  {k['n/a']:4}")

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
