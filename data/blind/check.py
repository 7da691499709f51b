"""Validate the blind evaluation set (standard library only).

Run from anywhere:  python data/blind/check.py
Checks: exact columns, allowed values, unique ids, ids that resolve to profiles of the
right kind, common_ground n/a exactly when there is no sender, the level derived from the
criterion labels by RUBRIC.md section 3, and the length label against len(text) <= 300.
Prints the distribution and exits 1 on any problem.
"""
import collections
import csv
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]
LEVELS = ["generic", "developing", "personalized", "exemplary"]
LIMIT = 300


def derive_level(row):
    ok = lambda c: row[c] == "pass"
    if row["not_template"] == "fail" or (row["specific_detail"] == "fail" and row["purpose"] == "fail"):
        return "generic"
    if all(ok(c) for c in ["greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone"]):
        if ok("self_intro") and ok("polite_close") and row["common_ground"] in ("pass", "n/a"):
            return "exemplary"
        return "personalized"
    return "developing"


def main():
    errors = []
    profiles = json.loads((HERE / "profiles.json").read_text(encoding="utf-8"))
    kinds = {}
    for p in profiles:
        pid = p.get("id", "")
        if not pid.startswith("bl-"):
            errors.append(f"profiles.json: id {pid!r} lacks the 'bl-' prefix")
        if pid in kinds:
            errors.append(f"profiles.json: duplicate id {pid}")
        if p.get("kind") not in ("recipient", "sender"):
            errors.append(f"profiles.json: {pid} has kind {p.get('kind')!r}")
        kinds[pid] = p.get("kind")

    with open(HERE / "invitations.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"invitations.csv: columns {reader.fieldnames} != {COLUMNS}")
        rows = list(reader)

    seen = set()
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        rid = row["id"]
        where = f"invitations.csv row {n} ({rid})"
        if rid in seen or not rid.startswith("bl-"):
            errors.append(f"{where}: duplicate or unprefixed id")
        seen.add(rid)
        for col, kind in (("recipient_id", "recipient"), ("sender_id", "sender")):
            if row[col] and kinds.get(row[col]) != kind:
                errors.append(f"{where}: {col} {row[col]!r} is not a {kind} profile")
        for c in CRITERIA:
            if row[c] not in ("pass", "fail", "n/a"):
                errors.append(f"{where}: {c} = {row[c]!r}")
        if (row["common_ground"] == "n/a") != (not row["sender_id"]):
            errors.append(f"{where}: common_ground must be n/a exactly when sender_id is empty")
        if any(row[c] == "n/a" for c in CRITERIA if c != "common_ground"):
            errors.append(f"{where}: only common_ground may be n/a")
        want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
        if row["length"] != want_len:
            errors.append(f"{where}: length {row['length']} but len(text) = {len(row['text'])}")
        if row["level"] != derive_level(row):
            errors.append(f"{where}: level {row['level']} but the rules give {derive_level(row)}")

    # summary
    levels = collections.Counter(r["level"] for r in rows)
    print(f"profiles: {sum(k == 'recipient' for k in kinds.values())} recipients, "
          f"{sum(k == 'sender' for k in kinds.values())} senders")
    print(f"notes: {len(rows)}; with sender: {sum(bool(r['sender_id']) for r in rows)}; "
          f"without recipient: {sum(not r['recipient_id'] for r in rows)}")
    print("level        " + " ".join(f"{lv:>12}" for lv in LEVELS))
    print("count        " + " ".join(f"{levels[lv]:>12}" for lv in LEVELS))
    print(f"{'criterion':<16}{'pass':>6}{'fail':>6}{'n/a':>6}")
    for c in CRITERIA:
        cnt = collections.Counter(r[c] for r in rows)
        print(f"{c:<16}{cnt['pass']:>6}{cnt['fail']:>6}{cnt['n/a']:>6}")
    lens = [len(r["text"]) for r in rows]
    print(f"lengths 190-210: {sum(190 <= x <= 210 for x in lens)}; 290-310: {sum(290 <= x <= 310 for x in lens)}; "
          f"over {LIMIT}: {sum(x > LIMIT for x in lens)}")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
