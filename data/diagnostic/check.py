"""Validate the diagnostic set (standard library only).

Checks: exact columns; unique ids; every recipient/sender id resolves to a profile of the
right kind; profile ids unique, prefixed "dg-", every field filled; label values valid;
common_ground is n/a exactly when there is no sender; `length` agrees with len(text) vs 300;
`level` follows spec section 3 from the criterion labels; notes present.
Prints the distribution. Exit status 1 on any problem.
Run: python data/diagnostic/check.py
"""
import collections
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIMIT = 300
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]
LEVELS = ("generic", "developing", "personalized", "exemplary")
PROFILE_KEYS = ["id", "name", "first_name", "kind", "headline", "location", "experience",
                "education", "skills", "interests", "groups", "activity"]


def expected_level(r):
    if r["not_template"] == "fail" or (r["specific_detail"] == "fail" and r["purpose"] == "fail"):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
    if all(r[c] == "pass" for c in core):
        if (r["self_intro"] == "pass" and r["polite_close"] == "pass"
                and r["common_ground"] in ("pass", "n/a")):
            return "exemplary"
        return "personalized"
    return "developing"


def main():
    errors = []
    with open(os.path.join(HERE, "profiles.json"), encoding="utf-8") as fh:
        profiles = json.load(fh)
    kinds = {}
    for p in profiles:
        pid = p.get("id", "?")
        if pid in kinds:
            errors.append(f"profile {pid}: duplicate id")
        kinds[pid] = p.get("kind")
        if not pid.startswith("dg-"):
            errors.append(f"profile {pid}: id not prefixed dg-")
        for k in PROFILE_KEYS:
            if not p.get(k):
                errors.append(f"profile {pid}: empty or missing {k}")
        for e in p.get("experience", []):
            if not (e.get("title") and e.get("company")):
                errors.append(f"profile {pid}: incomplete experience {e}")
        for e in p.get("education", []):
            if not (e.get("school") and e.get("degree") and e.get("field")):
                errors.append(f"profile {pid}: incomplete education {e}")
        if p.get("kind") not in ("recipient", "sender"):
            errors.append(f"profile {pid}: bad kind")

    with open(os.path.join(HERE, "invitations.csv"), encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            errors.append(f"columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, r in enumerate(rows, 2):
        where = f"invitations.csv line-record {n} ({r.get('id')})"
        if r["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(r["id"])
        if kinds.get(r["recipient_id"]) != "recipient":
            errors.append(f"{where}: recipient_id does not resolve to a recipient")
        if r["sender_id"] and kinds.get(r["sender_id"]) != "sender":
            errors.append(f"{where}: sender_id does not resolve to a sender")
        for c in CRITERIA:
            if r[c] not in ("pass", "fail", "n/a"):
                errors.append(f"{where}: {c} = {r[c]!r}")
            if c != "common_ground" and r[c] == "n/a":
                errors.append(f"{where}: {c} may not be n/a")
        if (r["common_ground"] == "n/a") != (not r["sender_id"]):
            errors.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(r["text"]) <= LIMIT else "fail"
        if r["length"] != want_len:
            errors.append(f"{where}: length {r['length']} but len(text) = {len(r['text'])}")
        if r["level"] not in LEVELS or r["level"] != expected_level(r):
            errors.append(f"{where}: level {r['level']} but rules give {expected_level(r)}")
        if not r["notes"].strip():
            errors.append(f"{where}: empty notes")

    with_sender = sum(1 for r in rows if r["sender_id"])
    print(f"{len(profiles)} profiles ({sum(v == 'recipient' for v in kinds.values())} recipients, "
          f"{sum(v == 'sender' for v in kinds.values())} senders); {len(rows)} notes "
          f"({with_sender} with a sender, {len(rows) - with_sender} without)")
    lv = collections.Counter(r["level"] for r in rows)
    lv_s = collections.Counter(r["level"] for r in rows if r["sender_id"])
    print("level         all  with-sender  no-sender")
    for name in LEVELS:
        print(f"{name:<13} {lv[name]:>3}  {lv_s[name]:>11}  {lv[name] - lv_s[name]:>9}")
    print("criterion        pass  fail  n/a")
    for c in CRITERIA:
        cc = collections.Counter(r[c] for r in rows)
        print(f"{c:<16} {cc['pass']:>4}  {cc['fail']:>4}  {cc['n/a']:>3}")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
