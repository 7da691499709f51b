"""Consistency check for the blind2 evaluation set (standard library only).

Run:  python data/blind2/check.py

It checks the *structure* of the set, never the engine: ids are unique and
resolve, every profile field is filled, labels use the allowed values,
`common_ground` is n/a exactly when there is no sender, `length` agrees with
Python's len() against the default limit of 300, and `level` follows the rules
of RUBRIC.md section 3. It prints only summary figures, never note text, so
running it does not expose the notes. Exit status 0 when everything holds, 1
otherwise.
"""

import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT = 300
COLUMNS = [
    "id", "recipient_id", "sender_id", "text", "level",
    "greeting", "self_intro", "specific_detail", "common_ground", "purpose",
    "no_hard_ask", "length", "not_template", "polite_close", "tone", "notes",
]
CRITERIA = COLUMNS[5:15]
LEVELS = ("generic", "developing", "personalized", "exemplary")
PROFILE_KEYS = ("id", "kind", "name", "first_name", "headline", "location",
                "experience", "education", "skills", "interests", "groups", "activity")


def expected_level(row):
    """The level implied by the labels, per RUBRIC.md section 3."""
    def ok(key):
        return row[key] == "pass"

    if row["not_template"] == "fail" or (not ok("specific_detail") and not ok("purpose")):
        return "generic"
    if all(ok(k) for k in ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")):
        if ok("self_intro") and ok("polite_close") and row["common_ground"] in ("pass", "n/a"):
            return "exemplary"
        return "personalized"
    return "developing"


def filled(value):
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value) and all(filled(v) for v in value)
    if isinstance(value, dict):
        return bool(value) and all(filled(v) for v in value.values())
    return value is not None


def main():
    errors = []
    profiles = json.loads((HERE / "profiles.json").read_text(encoding="utf-8"))
    kinds = {}
    for p in profiles:
        pid = p.get("id", "?")
        if pid in kinds:
            errors.append(f"profiles.json: duplicate id {pid}")
        if not str(pid).startswith("b2-"):
            errors.append(f"profiles.json: id {pid} lacks the b2- prefix")
        for key in PROFILE_KEYS:
            if not filled(p.get(key)):
                errors.append(f"profiles.json: {pid}: field {key!r} missing or empty")
        if p.get("kind") not in ("recipient", "sender"):
            errors.append(f"profiles.json: {pid}: kind must be recipient or sender")
        kinds[pid] = p.get("kind")

    with open(HERE / "invitations.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
            rows = []
        else:
            rows = list(reader)

    seen = set()
    for n, row in enumerate(rows, start=2):
        where = f"invitations.csv line {n} ({row['id']})"
        if row["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(row["id"])
        rid, sid = row["recipient_id"], row["sender_id"]
        if rid and kinds.get(rid) != "recipient":
            errors.append(f"{where}: recipient_id {rid!r} is not a recipient profile")
        if sid and kinds.get(sid) != "sender":
            errors.append(f"{where}: sender_id {sid!r} is not a sender profile")
        if sid and not rid:
            errors.append(f"{where}: a sender without a recipient")
        for c in CRITERIA:
            allowed = ("pass", "fail", "n/a") if c == "common_ground" else ("pass", "fail")
            if row[c] not in allowed:
                errors.append(f"{where}: {c}={row[c]!r} not in {allowed}")
        if (row["common_ground"] == "n/a") != (not sid):
            errors.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
        if row["length"] != want_len:
            errors.append(f"{where}: length={row['length']} but len(text)={len(row['text'])}")
        if row["level"] not in LEVELS:
            errors.append(f"{where}: unknown level {row['level']!r}")
        elif row["level"] != expected_level(row):
            errors.append(f"{where}: level={row['level']} but the rules give {expected_level(row)}")

    # Summary figures only (no note text).
    print(f"profiles: {len(profiles)} ({Counter(kinds.values())['recipient']} recipients, "
          f"{Counter(kinds.values())['sender']} senders)")
    with_sender = sum(1 for r in rows if r["sender_id"])
    no_recipient = sum(1 for r in rows if not r["recipient_id"])
    print(f"notes: {len(rows)} (with sender {with_sender}, recipient only "
          f"{len(rows) - with_sender - no_recipient}, no recipient {no_recipient})")
    levels = Counter(r["level"] for r in rows)
    print("levels: " + ", ".join(f"{lv} {levels[lv]}" for lv in LEVELS))
    for c in CRITERIA:
        counts = Counter(r[c] for r in rows)
        print(f"  {c:16} " + "  ".join(f"{k} {counts[k]:3d}" for k in ("pass", "fail", "n/a") if counts[k]))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: ids unique and resolve, lengths agree with len() vs 300, levels follow the rules.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
