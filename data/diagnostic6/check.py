"""Consistency check for the diagnostic6 set (standard library only).

Run from anywhere:  python data/diagnostic6/check.py
Exit status 0 when every check passes, 1 otherwise (each problem is printed on one line).

It checks the data against itself and the level rules of spec/RUBRIC.md section 3; it does
not run or import the rubric engine.
"""
import collections
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]
LEVELS = ["generic", "developing", "personalized", "exemplary"]
PROFILE_FIELDS = ["id", "kind", "name", "first_name", "headline", "location", "experience",
                  "education", "skills", "interests", "groups", "activity"]
LIMIT = 300
EXPECTED = {"with sender": 60, "recipient, no sender": 94, "no recipient": 6}

problems = []


def problem(msg):
    problems.append(msg)


def derive_level(f):
    """Spec section 3, rules applied in order."""
    if f["not_template"] == "fail" or (f["specific_detail"] == "fail" and f["purpose"] == "fail"):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
    if all(f[c] == "pass" for c in core):
        if (f["self_intro"] == "pass" and f["polite_close"] == "pass"
                and f["common_ground"] in ("pass", "n/a")):
            return "exemplary"
        return "personalized"
    return "developing"


def load_profiles():
    path = HERE / "profiles.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    kinds = {}
    for i, p in enumerate(data):
        pid = p.get("id", f"<entry {i}>")
        if not str(pid).startswith("d6-"):
            problem(f"profiles.json: id {pid!r} lacks the d6- prefix")
        if pid in kinds:
            problem(f"profiles.json: duplicate id {pid}")
        for field in PROFILE_FIELDS:
            if not p.get(field):
                problem(f"profiles.json: {pid}: field {field!r} missing or empty")
        for e in p.get("experience", []):
            if not (e.get("title") and e.get("company")):
                problem(f"profiles.json: {pid}: experience entry without title/company")
        for e in p.get("education", []):
            if not (e.get("school") and e.get("degree") and e.get("field")):
                problem(f"profiles.json: {pid}: education entry without school/degree/field")
        if p.get("kind") not in ("recipient", "sender"):
            problem(f"profiles.json: {pid}: kind must be recipient or sender")
        kinds[pid] = p.get("kind")
    counts = collections.Counter(kinds.values())
    if counts != {"recipient": 8, "sender": 6}:
        problem(f"profiles.json: expected 8 recipients and 6 senders, found {dict(counts)}")
    return kinds


def main():
    kinds = load_profiles()
    path = HERE / "invitations.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            problem(f"invitations.csv: columns are {reader.fieldnames}, expected {COLUMNS}")
            return
        rows = list(reader)

    seen = set()
    context = collections.Counter()
    for n, r in enumerate(rows, start=2):  # line 1 is the header
        where = f"invitations.csv row {n} ({r['id']})"
        if not re.fullmatch(r"d6-\d{3}", r["id"]):
            problem(f"{where}: id should look like d6-001")
        if r["id"] in seen:
            problem(f"{where}: duplicate id")
        seen.add(r["id"])
        rid, sid = r["recipient_id"], r["sender_id"]
        if rid and kinds.get(rid) != "recipient":
            problem(f"{where}: recipient_id {rid!r} is not a recipient in profiles.json")
        if sid and kinds.get(sid) != "sender":
            problem(f"{where}: sender_id {sid!r} is not a sender in profiles.json")
        if sid and not rid:
            problem(f"{where}: a sender without a recipient is not used in this set")
        context["with sender" if sid else ("recipient, no sender" if rid else "no recipient")] += 1

        for c in CRITERIA:
            allowed = ("pass", "fail", "n/a") if c == "common_ground" else ("pass", "fail")
            if r[c] not in allowed:
                problem(f"{where}: {c} = {r[c]!r}, expected one of {allowed}")
        if (r["common_ground"] == "n/a") != (not sid):
            problem(f"{where}: common_ground must be n/a exactly when there is no sender")
        want_len = "pass" if len(r["text"]) <= LIMIT else "fail"
        if r["length"] != want_len:
            problem(f"{where}: length label {r['length']} but len(text) = {len(r['text'])}")
        if not r["text"].strip():
            for c in ("no_hard_ask", "length", "tone"):
                if r[c] != "pass":
                    problem(f"{where}: empty note must pass {c}")
            if r["not_template"] != "fail":
                problem(f"{where}: empty note must fail not_template")
        if r["level"] not in LEVELS:
            problem(f"{where}: unknown level {r['level']!r}")
        elif all(r[c] in ("pass", "fail", "n/a") for c in CRITERIA):
            want = derive_level(r)
            if r["level"] != want:
                problem(f"{where}: level {r['level']} but the rules give {want}")

    if dict(context) != EXPECTED:
        problem(f"invitations.csv: expected {EXPECTED}, found {dict(context)}")

    levels = collections.Counter(r["level"] for r in rows)
    print(f"{len(rows)} invitations, {len(kinds)} profiles")
    print("levels: " + ", ".join(f"{lv} {levels[lv]}" for lv in LEVELS))
    print("context: " + ", ".join(f"{k} {v}" for k, v in context.items()))


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError, KeyError) as exc:  # unreadable or malformed file
        problem(f"cannot check: {exc}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
