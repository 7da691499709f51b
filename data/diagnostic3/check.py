"""Consistency check for the diagnostic3 labelled set (standard library only).

Run:  python data/diagnostic3/check.py
Checks that ids are unique and resolve to profiles of the right kind, that every
label is a legal value, that the `length` labels agree with Python's len() against
the default 300-character limit, and that every `level` follows the rubric's level
rules (spec section 3) applied to the row's own criterion labels.
Exit status 0 when everything holds, 1 otherwise.
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]
PROFILE_FIELDS = ["id", "kind", "name", "first_name", "headline", "location", "experience",
                  "education", "skills", "interests", "groups", "activity"]
LIMIT = 300


def level_from(labels):
    """The spec's level rules, in order."""
    if labels["not_template"] == "fail" or (
            labels["specific_detail"] == "fail" and labels["purpose"] == "fail"):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
    if all(labels[c] == "pass" for c in core):
        if (labels["self_intro"] == "pass" and labels["polite_close"] == "pass"
                and labels["common_ground"] in ("pass", "n/a")):
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
        kinds[pid] = p.get("kind")
        if not str(pid).startswith("d3-"):
            problems.append(f"profiles.json: id {pid} lacks the d3- prefix")
        for field in PROFILE_FIELDS:
            if not p.get(field):
                problems.append(f"profiles.json: {pid} has an empty or missing {field!r}")
        if p.get("kind") not in ("recipient", "sender"):
            problems.append(f"profiles.json: {pid} has kind {p.get('kind')!r}")
    kind_counts = Counter(kinds.values())

    with open(HERE / "invitations.csv", newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            problems.append(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    groups = Counter()
    for n, row in enumerate(rows, start=2):
        where = f"invitations.csv row {n} ({row.get('id')})"
        if row["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(row["id"])
        if not row["id"].startswith("d3-"):
            problems.append(f"{where}: id lacks the d3- prefix")
        rid, sid = row["recipient_id"], row["sender_id"]
        if rid and kinds.get(rid) != "recipient":
            problems.append(f"{where}: recipient_id {rid!r} is not a recipient profile")
        if sid and kinds.get(sid) != "sender":
            problems.append(f"{where}: sender_id {sid!r} is not a sender profile")
        groups["no recipient" if not rid else ("with sender" if sid else "without sender")] += 1
        for c in CRITERIA:
            allowed = ("pass", "fail", "n/a") if c == "common_ground" else ("pass", "fail")
            if row[c] not in allowed:
                problems.append(f"{where}: {c} is {row[c]!r}")
        if (row["common_ground"] == "n/a") != (not sid):
            problems.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
        if row["length"] != want_len:
            problems.append(f"{where}: length is {row['length']} but len(text) = {len(row['text'])}")
        if all(row[c] in ("pass", "fail", "n/a") for c in CRITERIA):
            want = level_from(row)
            if row["level"] != want:
                problems.append(f"{where}: level is {row['level']} but the rules give {want}")
        if not row["notes"].strip():
            problems.append(f"{where}: empty notes")

    print(f"profiles: {len(profiles)} ({kind_counts['recipient']} recipients, {kind_counts['sender']} senders)")
    print(f"notes: {len(rows)} ({groups['with sender']} with a sender, {groups['without sender']} without, "
          f"{groups['no recipient']} without a recipient)")
    print("levels:", dict(sorted(Counter(r["level"] for r in rows).items())))
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
