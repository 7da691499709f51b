"""Consistency check for the held-out evaluation set (standard library only).

Run from anywhere:  python data/heldout/check.py
Checks: profile ids unique and prefixed "ho-", every profile field filled, ids in the CSV unique,
recipient_id/sender_id resolve to a profile of the right kind, labels are pass/fail/n/a,
common_ground is n/a exactly when there is no sender, the length label agrees with
len(text) <= 300, and each level follows the rules of RUBRIC.md section 3.
Prints the level distribution. Exits 1 on any problem.
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
FIELDS = ["id", "name", "first_name", "headline", "location", "experience", "education",
          "skills", "interests", "groups", "activity", "kind"]
LEVELS = ["generic", "developing", "personalized", "exemplary"]


def level_of(lab):
    """RUBRIC.md section 3, rules applied in order."""
    if lab["not_template"] == "fail" or (lab["specific_detail"] == "fail" and lab["purpose"] == "fail"):
        return "generic"
    core = ["greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone"]
    if all(lab[c] == "pass" for c in core):
        if (lab["self_intro"] == "pass" and lab["polite_close"] == "pass"
                and lab["common_ground"] in ("pass", "n/a")):
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
            problems.append(f"profile {pid}: duplicate id")
        if not pid.startswith("ho-"):
            problems.append(f"profile {pid}: id not prefixed ho-")
        for f in FIELDS:
            if not p.get(f):
                problems.append(f"profile {pid}: empty field {f}")
        for e in p.get("experience", []):
            if not (e.get("title") and e.get("company")):
                problems.append(f"profile {pid}: incomplete experience {e}")
        for e in p.get("education", []):
            if not (e.get("school") and e.get("degree") and e.get("field")):
                problems.append(f"profile {pid}: incomplete education {e}")
        kinds[pid] = p.get("kind")
    print("profiles:", dict(Counter(kinds.values())))

    with open(HERE / "invitations.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            problems.append(f"columns {reader.fieldnames} != {COLUMNS}")
        rows = list(reader)
    seen = set()
    for r in rows:
        where = f"invitations.csv row {r['id']}"
        if r["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(r["id"])
        if r["recipient_id"] and kinds.get(r["recipient_id"]) != "recipient":
            problems.append(f"{where}: recipient_id {r['recipient_id']!r} does not resolve to a recipient")
        if r["sender_id"] and kinds.get(r["sender_id"]) != "sender":
            problems.append(f"{where}: sender_id {r['sender_id']!r} does not resolve to a sender")
        for c in CRITERIA:
            if r[c] not in ("pass", "fail", "n/a"):
                problems.append(f"{where}: {c}={r[c]!r}")
            if c != "common_ground" and r[c] == "n/a":
                problems.append(f"{where}: {c} is n/a")
        if (r["common_ground"] == "n/a") != (r["sender_id"] == ""):
            problems.append(f"{where}: common_ground must be n/a exactly when sender_id is empty")
        want_len = "pass" if len(r["text"]) <= 300 else "fail"
        if r["length"] != want_len:
            problems.append(f"{where}: length={r['length']} but len(text)={len(r['text'])}")
        if r["text"].strip() == "" and not (r["no_hard_ask"] == r["length"] == r["tone"] == "pass"
                                            and r["not_template"] == "fail"):
            problems.append(f"{where}: empty note labels")
        if r["level"] != level_of(r):
            problems.append(f"{where}: level {r['level']} but rules give {level_of(r)}")

    dist = Counter(r["level"] for r in rows)
    print(f"invitations: {len(rows)}")
    for lv in LEVELS:
        print(f"  {lv:<13}{dist[lv]:>4}  {100 * dist[lv] / len(rows):5.1f}%")
    print("  no sender:", sum(not r["sender_id"] for r in rows),
          " no recipient:", sum(not r["recipient_id"] for r in rows))
    for c in CRITERIA:
        cnt = Counter(r[c] for r in rows)
        print(f"  {c:<16} pass {cnt['pass']:>3}  fail {cnt['fail']:>3}  n/a {cnt['n/a']:>3}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
