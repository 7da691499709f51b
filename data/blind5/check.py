#!/usr/bin/env python3
"""Consistency check for the blind5 evaluation set (standard library only).

Checks that profile and invitation ids are unique and resolve, that every label
is a legal value, that each length label agrees with len(text) vs 300, and that
each level follows the rules of RUBRIC.md section 3. It never scores a note and
never imports the engine. Prints summary figures only (no note text).

Usage:  python data/blind5/check.py        exit status 0 = consistent, 1 = problems
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
LEVELS = ["generic", "developing", "personalized", "exemplary"]
PROFILE_FIELDS = ["id", "kind", "name", "first_name", "headline", "location", "experience",
                  "education", "skills", "interests", "groups", "activity"]


def derive_level(row):
    """RUBRIC.md section 3, rules applied in order."""
    if row["not_template"] == "fail" or (
            row["specific_detail"] == "fail" and row["purpose"] == "fail"):
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
        if not pid.startswith("b5-"):
            problems.append(f"profile id {pid!r} lacks the b5- prefix")
        if pid in kinds:
            problems.append(f"profile id {pid} is duplicated")
        kinds[pid] = p.get("kind")
        if p.get("kind") not in ("recipient", "sender"):
            problems.append(f"profile {pid}: kind must be recipient or sender")
        for f in PROFILE_FIELDS:
            if not p.get(f):
                problems.append(f"profile {pid}: field {f} is empty or missing")
        for e in p.get("experience", []):
            if not (e.get("title") and e.get("company")):
                problems.append(f"profile {pid}: experience entry without title/company")
        for e in p.get("education", []):
            if not (e.get("school") and e.get("degree") and e.get("field")):
                problems.append(f"profile {pid}: education entry without school/degree/field")

    if (HERE / "invitations.csv").read_bytes().startswith(b"\xef\xbb\xbf"):
        problems.append("invitations.csv starts with a byte-order mark")
    with open(HERE / "invitations.csv", newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            problems.append(f"columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, r in enumerate(rows, start=2):
        where = f"row {n} ({r.get('id')})"
        if not r["id"].startswith("b5-"):
            problems.append(f"{where}: id lacks the b5- prefix")
        if r["id"] in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(r["id"])
        if r["recipient_id"] and kinds.get(r["recipient_id"]) != "recipient":
            problems.append(f"{where}: recipient_id does not resolve to a recipient profile")
        if r["sender_id"] and kinds.get(r["sender_id"]) != "sender":
            problems.append(f"{where}: sender_id does not resolve to a sender profile")
        for c in CRITERIA:
            allowed = ("pass", "fail", "n/a") if c == "common_ground" else ("pass", "fail")
            if r[c] not in allowed:
                problems.append(f"{where}: {c}={r[c]!r} is not one of {allowed}")
        if (r["common_ground"] == "n/a") != (not r["sender_id"]):
            problems.append(f"{where}: common_ground must be n/a exactly when there is no sender")
        if r["common_ground"] == "pass" and r["specific_detail"] != "pass":
            problems.append(f"{where}: a shared fact always also satisfies specific_detail")
        expected_len = "pass" if len(r["text"]) <= LIMIT else "fail"
        if r["length"] != expected_len:
            problems.append(f"{where}: length={r['length']} but len(text)={len(r['text'])}")
        if r["level"] not in LEVELS:
            problems.append(f"{where}: unknown level {r['level']!r}")
        elif r["level"] != derive_level(r):
            problems.append(f"{where}: level {r['level']} but the rules give {derive_level(r)}")

    # Summary figures only.
    print(f"profiles: {sum(v == 'recipient' for v in kinds.values())} recipients, "
          f"{sum(v == 'sender' for v in kinds.values())} senders")
    with_sender = [r for r in rows if r["sender_id"]]
    no_recipient = [r for r in rows if not r["recipient_id"]]
    print(f"invitations: {len(rows)} ({len(with_sender)} with a sender, "
          f"{len(rows) - len(with_sender) - len(no_recipient)} recipient only, "
          f"{len(no_recipient)} without a recipient)")
    lv = Counter(r["level"] for r in rows)
    print("levels: " + ", ".join(f"{k} {lv[k]}" for k in LEVELS))
    for c in CRITERIA:
        cc = Counter(r[c] for r in rows)
        print(f"  {c:16s} pass {cc['pass']:3d}  fail {cc['fail']:3d}  n/a {cc['n/a']:3d}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK: ids unique and resolve, labels legal, lengths and levels consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
