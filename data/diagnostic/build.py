"""Regenerate profiles.json and invitations.csv from profiles_src.py and notes_src.py.

The criterion labels are written by hand in notes_src.py. This script only:
  * fills `length` from Python's len() against the default limit of 300, and
  * derives `level` from the labels with the rules of spec section 3.
Run: python data/diagnostic/build.py   (standard library only)
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from profiles_src import PROFILES  # noqa: E402
from notes_src import ROWS  # noqa: E402

LIMIT = 300
CRITERIA = ["greeting", "self_intro", "specific_detail", "common_ground", "purpose",
            "no_hard_ask", "length", "not_template", "polite_close", "tone"]
HAND = [c for c in CRITERIA if c != "length"]
CODE = {"P": "pass", "F": "fail", "N": "n/a"}
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level"] + CRITERIA + ["notes"]


def level(lab):
    """Spec section 3, rules applied in order."""
    if lab["not_template"] == "fail" or (
            lab["specific_detail"] == "fail" and lab["purpose"] == "fail"):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
    if all(lab[c] == "pass" for c in core):
        if (lab["self_intro"] == "pass" and lab["polite_close"] == "pass"
                and lab["common_ground"] in ("pass", "n/a")):
            return "exemplary"
        return "personalized"
    return "developing"


def main():
    with open(os.path.join(HERE, "profiles.json"), "w", encoding="utf-8") as fh:
        json.dump(PROFILES, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    rows = []
    for n, (rid, sid, text, codes, notes) in enumerate(ROWS, 1):
        assert len(codes) == len(HAND), (n, codes)
        lab = {c: CODE[x] for c, x in zip(HAND, codes)}
        lab["length"] = "pass" if len(text) <= LIMIT else "fail"
        row = {"id": f"dg-{n:03d}", "recipient_id": rid, "sender_id": sid or "",
               "text": text, "level": level(lab), "notes": notes}
        row.update(lab)
        rows.append(row)
    with open(os.path.join(HERE, "invitations.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(PROFILES)} profiles and {len(rows)} notes")


if __name__ == "__main__":
    main()
