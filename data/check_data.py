"""Validate a hand-labelled InviteLab data set (standard library only).

Every labelled set (this folder and each sub-folder with an invitations.csv) is checked by this
one script; each set's own check.py calls it on its folder.

Usage (from the repository root or anywhere):

    python data/check_data.py                    # checks data/profiles.json and data/invitations.csv
    python data/check_data.py data/blind5        # checks one labelled set
    python data/check_data.py --all --quiet      # every set; only errors and the verdicts

Checks:
  * profiles.json: a list of objects, ids unique, every profile has "id" and "name",
    "kind" is "recipient" or "sender";
  * invitations.csv: the exact column list, ids unique, every recipient_id/sender_id
    names a profile (of the right kind), the file has no byte-order mark, every label is valid, every level follows the
    rubric's level rules (RUBRIC.md section 3) from the criterion labels, the length label
    agrees with len(text) vs 300, common_ground is n/a exactly when sender_id is empty (and
    passes only when specific_detail does),
    and an empty note passes no_hard_ask, length and tone and fails not_template.
A folder with dev.csv and holdout.csv (data/real/) is a set of real notes labelled with no profile:
  its own columns (source, verdict, names_changed, labels, level), common_ground always n/a, and
  the dev/holdout split must follow the fixed seed (see check_real). A folder named in
  REAL_SOURCE_SPLIT_FOLDERS (data/real4/) is split by source instead: every note of one source
  (a GitHub repository, or a page's address) is in the same file, by a seeded draw per source, and
  no note may repeat or nearly repeat a note of the other real sets.
A folder with only notes.csv in those columns (data/real2/, data/real3/) is a one-file real-note set:
  the same checks, no split, and no note may repeat or nearly repeat a note of the other real sets.
  It is held out unless REAL_DEVELOPMENT_FOLDERS names it (data/real2 was folded into development).
Prints a summary table (rows per level, per criterion status) and exits 1 on any error.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

LIMIT = 300
CRITERIA = (
    "greeting", "self_intro", "specific_detail", "common_ground", "purpose",
    "no_hard_ask", "length", "not_template", "polite_close", "tone",
)
COLUMNS = ["id", "recipient_id", "sender_id", "text", "level", *CRITERIA, "notes"]
STATUSES = ("pass", "fail", "n/a")
LEVELS = ("generic", "developing", "personalized", "exemplary")


def level_from_labels(lab: dict[str, str]) -> str:
    """The rubric's level rules, applied in order (RUBRIC.md section 3)."""
    if lab["not_template"] == "fail" or (
        lab["specific_detail"] == "fail" and lab["purpose"] == "fail"
    ):
        return "generic"
    core = ("greeting", "specific_detail", "purpose", "no_hard_ask", "length", "tone")
    if all(lab[c] == "pass" for c in core):
        if (
            lab["self_intro"] == "pass"
            and lab["polite_close"] == "pass"
            and lab["common_ground"] in ("pass", "n/a")
        ):
            return "exemplary"
        return "personalized"
    return "developing"


def labelled_sets() -> list[Path]:
    """This folder and every sub-folder that holds a labelled invitations.csv or a real-note set."""
    return [HERE] + sorted(
        p for p in HERE.iterdir()
        if (p / "invitations.csv").is_file() or is_real_set(p) or is_real_heldout_set(p)
    )


def _read_labelled_csv(path: Path, columns: list[str], errors: list[str]) -> list[dict[str, str]] | None:
    """A labelled CSV's rows; a byte-order mark or wrong columns is added to `errors` (wrong columns
    give no rows); None, after printing why, when the file cannot be read at all."""
    try:
        if path.read_bytes().startswith(b"\xef\xbb\xbf"):
            errors.append(f"{path.name}: starts with a byte-order mark")
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        print(f"{path.name}: cannot read: {exc}")
        return None
    if header != columns:
        errors.append(f"{path.name}: columns are {header}, expected {columns}")
        return []
    return rows


def check(folder: Path = HERE, quiet: bool = False) -> int:
    """Check one labelled set; print its summary (unless quiet) and return 0 if consistent."""
    if is_real_set(folder) and not (folder / "invitations.csv").exists():
        return check_real(folder, quiet)
    if is_real_heldout_set(folder) and not (folder / "invitations.csv").exists():
        return check_real(folder, quiet, files=REAL_HELDOUT_FILES)
    PROFILES = folder / "profiles.json"  # noqa: N806 (names kept from the single-set version)
    INVITATIONS = folder / "invitations.csv"  # noqa: N806
    errors: list[str] = []

    # ---- profiles ----
    try:
        profiles = json.loads(PROFILES.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{PROFILES.name}: cannot read: {exc}")
        return 1
    if not isinstance(profiles, list):
        print(f"{PROFILES.name}: expected a JSON list of profile objects")
        return 1
    kinds: dict[str, str] = {}
    for i, p in enumerate(profiles):
        where = f"{PROFILES.name}[{i}]"
        if not isinstance(p, dict) or "id" not in p or "name" not in p:
            errors.append(f"{where}: a profile needs at least 'id' and 'name'")
            continue
        if p["id"] in kinds:
            errors.append(f"{where}: duplicate id {p['id']!r}")
        if p.get("kind") not in ("recipient", "sender"):
            errors.append(f"{where}: kind must be 'recipient' or 'sender', not {p.get('kind')!r}")
        kinds[p["id"]] = p.get("kind", "")

    # ---- invitations ----
    rows = _read_labelled_csv(INVITATIONS, COLUMNS, errors)
    if rows is None:
        return 1

    seen: set[str] = set()
    for n, row in enumerate(rows, start=2):  # record 1 is the header
        where = f"{INVITATIONS.name} record {n} ({row.get('id')})"
        rid = row["id"]
        if not rid:
            errors.append(f"{where}: empty id")
        elif rid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rid)

        for col, kind in (("recipient_id", "recipient"), ("sender_id", "sender")):
            ref = row[col]
            if ref and ref not in kinds:
                errors.append(f"{where}: {col} {ref!r} is not in {PROFILES.name}")
            elif ref and kinds[ref] != kind:
                errors.append(f"{where}: {col} {ref!r} is a {kinds[ref]!r} profile, not a {kind!r}")

        lab = {c: row[c] for c in CRITERIA}
        bad = {c: v for c, v in lab.items() if v not in STATUSES}
        if bad:
            errors.append(f"{where}: invalid labels {bad}")
            continue
        other_na = [c for c, v in lab.items() if v == "n/a" and c != "common_ground"]
        if other_na:
            errors.append(f"{where}: only common_ground may be n/a in this data set, not {other_na}")
        if row["level"] not in LEVELS:
            errors.append(f"{where}: invalid level {row['level']!r}")
        elif row["level"] != level_from_labels(lab):
            errors.append(
                f"{where}: level {row['level']!r} but the level rules give "
                f"{level_from_labels(lab)!r}"
            )

        text = row["text"]
        want_len = "pass" if len(text) <= LIMIT else "fail"
        if lab["length"] != want_len:
            errors.append(f"{where}: length is {lab['length']!r} but len(text) = {len(text)}")

        if lab["common_ground"] == "pass" and lab["specific_detail"] != "pass":
            errors.append(f"{where}: a shared fact is true of the recipient, so specific_detail passes too")

        sender = row["sender_id"]
        if (sender == "") != (lab["common_ground"] == "n/a"):
            errors.append(
                f"{where}: common_ground must be n/a exactly when sender_id is empty "
                f"(sender_id={sender!r}, common_ground={lab['common_ground']!r})"
            )

        if not text.strip():
            for c in ("no_hard_ask", "length", "tone"):
                if lab[c] != "pass":
                    errors.append(f"{where}: an empty note passes {c}")
            if lab["not_template"] != "fail":
                errors.append(f"{where}: an empty note fails not_template")

    # ---- report ----
    for e in errors:
        print("ERROR", e)
    if not quiet and rows:
        total = len(rows)
        levels = Counter(r["level"] for r in rows)
        print(f"{total} invitations, {len(profiles)} profiles "
              f"({sum(k == 'recipient' for k in kinds.values())} recipients, "
              f"{sum(k == 'sender' for k in kinds.values())} senders)\n")
        print(f"{'level':<14}{'rows':>6}{'share':>8}")
        for lv in LEVELS:
            print(f"{lv:<14}{levels[lv]:>6}{levels[lv] / total:>8.1%}")
        print()
        print(f"{'criterion':<17}{'pass':>6}{'fail':>6}{'n/a':>6}")
        for c in CRITERIA:
            cnt = Counter(r[c] for r in rows)
            print(f"{c:<17}{cnt['pass']:>6}{cnt['fail']:>6}{cnt['n/a']:>6}")
        lengths = Counter(
            "<150" if len(r["text"]) < 150 else "150-200" if len(r["text"]) <= 200
            else "201-300" if len(r["text"]) <= 300 else ">300"
            for r in rows
        )
        print("\nnote length (characters):",
              ", ".join(f"{k}: {lengths[k]}" for k in ("<150", "150-200", "201-300", ">300")))
        print("rows without recipient_id:", sum(not r["recipient_id"] for r in rows),
              "| without sender_id:", sum(not r["sender_id"] for r in rows))
    name = folder.name if folder != HERE else "data"
    print(f"\n{name}: OK" if not errors else f"\n{name}: FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


# ---------------------------------------------------------------------------------------------
# Real notes without profiles (data/real/): dev.csv + holdout.csv, labelled with no profile.
# ---------------------------------------------------------------------------------------------

REAL_FILES = ("dev.csv", "holdout.csv")
REAL_COLUMNS = [
    "id", "text", "source_title", "source_url", "source_kind", "source_verdict", "names_changed",
    "has_placeholder", *CRITERIA, "level", "notes",
]
SOURCE_KINDS = ("career center", "recruiter post", "blog", "curriculum", "Q&A", "template collection")
SOURCE_VERDICTS = ("endorsed", "condemned", "neutral")
REAL_SPLIT_SEED = 20261207
REAL_HOLDOUT_SHARE = 1 / 3


REAL_HELDOUT_FILES = ("notes.csv",)
# Real-note folders in that one-file form that are development data now: data/real2 was held out,
# but its disagreements were seen once, so it was folded into development on 2026-12-07 (the
# evaluation command's REAL_DEVELOPMENT_FILES says the same). Any other such folder is held out.
REAL_DEVELOPMENT_FOLDERS = ("real2",)
# Real-note folders with dev.csv + holdout.csv split by source rather than by row: a source is held
# out when sha256(f"{REAL_SOURCE_SPLIT_SEED}:{source_key(url)}") is below REAL_SOURCE_HOLDOUT_SHARE,
# so no source (repository or page) is in both files and adding a note never moves another.
REAL_SOURCE_SPLIT_FOLDERS = ("real4",)
REAL_SOURCE_SPLIT_SEED = 20261208
REAL_SOURCE_HOLDOUT_SHARE = 0.4
NEAR_DUPLICATE_RATIO = 0.85  # difflib ratio of normalised texts at or above which two notes are one


def is_real_heldout_set(folder: Path) -> bool:
    """A wholly held-out real-note set (data/real2/, data/real3/): notes.csv alone, no dev/holdout split."""
    return (folder / "notes.csv").is_file() and not is_real_set(folder)


def other_real_notes(folder: Path) -> dict[str, str]:
    """id -> text of every note in the other real-note sets next to this folder."""
    found: dict[str, str] = {}
    for other in sorted(folder.parent.iterdir()) if folder.parent.is_dir() else []:
        if other.resolve() == folder.resolve() or not other.is_dir():
            continue
        names = REAL_FILES if is_real_set(other) else REAL_HELDOUT_FILES if is_real_heldout_set(other) else ()
        for name in names:
            try:
                with (other / name).open(encoding="utf-8-sig", newline="") as f:
                    for row in csv.DictReader(f):
                        if row.get("id") and row.get("text") is not None:
                            found[row["id"]] = row["text"]
            except (OSError, UnicodeDecodeError, csv.Error):
                continue  # that set's own check reports it
    return found


def is_real_set(folder: Path) -> bool:
    """A folder of real notes labelled without profiles: it holds dev.csv and holdout.csv."""
    return all((folder / name).is_file() for name in REAL_FILES)


def real_holdout_ids(rows: list[dict[str, str]]) -> set[str]:
    """The held-out ids, drawn at random with a fixed seed and stable when rows are appended:
    a row is held out when sha256(f"{REAL_SPLIT_SEED}:{id}"), read as a fraction of 2**256, is
    below REAL_HOLDOUT_SHARE. (So adding a note never moves an existing note between the files.)"""
    import hashlib

    def fraction(rid: str) -> float:
        digest = hashlib.sha256(f"{REAL_SPLIT_SEED}:{rid}".encode("utf-8")).hexdigest()
        return int(digest, 16) / 2 ** 256

    return {r["id"] for r in rows if fraction(r["id"]) < REAL_HOLDOUT_SHARE}


def source_key(url: str) -> str:
    """The source a note comes from: owner/name for a GitHub address (every file of a repository
    is one source), otherwise the host without www. and the path, lower-cased."""
    from urllib.parse import urlparse

    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.")
    if host in ("github.com", "raw.githubusercontent.com"):
        return "github:" + "/".join(parsed.path.strip("/").split("/")[:2]).lower()
    return host + parsed.path.rstrip("/").lower()


def real_source_held_out(url: str) -> bool:
    """True when the note's source falls in the held-out file of a source-split folder."""
    import hashlib

    digest = hashlib.sha256(f"{REAL_SOURCE_SPLIT_SEED}:{source_key(url)}".encode("utf-8")).hexdigest()
    return int(digest, 16) / 2 ** 256 < REAL_SOURCE_HOLDOUT_SHARE


def _normalised(text: str) -> str:
    return " ".join("".join(ch.lower() for ch in text if ch.isalnum() or ch.isspace()).split())


def _repeats_of_other_sets(folder: Path, rows: list[dict[str, str]]) -> list[str]:
    """Errors for ids or (near-)identical texts shared with the other real-note sets."""
    import difflib

    others = other_real_notes(folder)
    keyed = [(oid, _normalised(t)) for oid, t in others.items()]
    errors = []
    for row in rows:
        rid, key = row.get("id", ""), _normalised(row.get("text", ""))
        if rid in others:
            errors.append(f"{rid}: id also used in another real-note set")
        for oid, okey in keyed:
            matcher = difflib.SequenceMatcher(None, key, okey, autojunk=False)
            if (matcher.real_quick_ratio() >= NEAR_DUPLICATE_RATIO
                    and matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO
                    and matcher.ratio() >= NEAR_DUPLICATE_RATIO):
                errors.append(f"{rid}: repeats {oid} of another real-note set "
                              f"(similarity {matcher.ratio():.2f})")
    return errors


def check_real(folder: Path, quiet: bool = False, files: tuple[str, ...] = REAL_FILES) -> int:
    """Check a real-note set (no profiles): columns, labels, levels, lengths, the seeded split
    (dev.csv + holdout.csv) or, for a wholly held-out set (notes.csv), no note repeated from the
    other real sets."""
    errors: list[str] = []
    rows_by_file: dict[str, list[dict[str, str]]] = {}
    for name in files:
        rows = _read_labelled_csv(folder / name, REAL_COLUMNS, errors)
        if rows is None:
            return 1
        rows_by_file[name] = rows

    seen: dict[str, str] = {}
    texts: dict[str, str] = {}
    for name, rows in rows_by_file.items():
        for n, row in enumerate(rows, start=2):
            rid = row["id"]
            where = f"{name} record {n} ({rid})"
            if not rid:
                errors.append(f"{where}: empty id")
            elif rid in seen:
                errors.append(f"{where}: id also in {seen[rid]}")
            seen[rid] = name
            key = _normalised(row["text"])
            if key in texts:
                errors.append(f"{where}: near-duplicate of {texts[key]}")
            texts[key] = rid
            if row["source_kind"] not in SOURCE_KINDS:
                errors.append(f"{where}: source_kind {row['source_kind']!r} not in {SOURCE_KINDS}")
            if row["source_verdict"] not in SOURCE_VERDICTS:
                errors.append(f"{where}: source_verdict {row['source_verdict']!r} not in {SOURCE_VERDICTS}")
            for col in ("names_changed", "has_placeholder"):
                if row[col] not in ("yes", "no"):
                    errors.append(f"{where}: {col} must be yes or no")
            if row["has_placeholder"] == "yes" and row["not_template"] != "fail":
                errors.append(f"{where}: a note with an unfilled placeholder fails not_template")
            if not row["source_url"].startswith(("http://", "https://")):
                errors.append(f"{where}: source_url must be an http(s) address")
            if not row["source_title"].strip():
                errors.append(f"{where}: empty source_title")
            lab = {c: row[c] for c in CRITERIA}
            bad = {c: v for c, v in lab.items() if v not in STATUSES}
            if bad:
                errors.append(f"{where}: invalid labels {bad}")
                continue
            if lab["common_ground"] != "n/a":
                errors.append(f"{where}: common_ground is n/a without a sender profile")
            other_na = [c for c, v in lab.items() if v == "n/a" and c != "common_ground"]
            if other_na:
                errors.append(f"{where}: only common_ground may be n/a, not {other_na}")
            if row["level"] != level_from_labels(lab):
                errors.append(f"{where}: level {row['level']!r} but the level rules give "
                              f"{level_from_labels(lab)!r}")
            want_len = "pass" if len(row["text"]) <= LIMIT else "fail"
            if lab["length"] != want_len:
                errors.append(f"{where}: length is {lab['length']!r} but len(text) = {len(row['text'])}")
            if not row["text"].strip():
                for c in ("no_hard_ask", "length", "tone"):
                    if lab[c] != "pass":
                        errors.append(f"{where}: an empty note passes {c}")
                if lab["not_template"] != "fail":
                    errors.append(f"{where}: an empty note fails not_template")

    everything = [r for rows in rows_by_file.values() for r in rows]
    by_source = files == REAL_FILES and folder.name in REAL_SOURCE_SPLIT_FOLDERS
    if files != REAL_FILES or by_source:
        errors.extend(_repeats_of_other_sets(folder, everything))
    if by_source:
        sources = {name: {source_key(r["source_url"]) for r in rows} for name, rows in rows_by_file.items()}
        for key in sorted(sources["dev.csv"] & sources["holdout.csv"]):
            errors.append(f"source {key} has notes in both dev.csv and holdout.csv")
        for name, rows in rows_by_file.items():
            for r in rows:
                if real_source_held_out(r["source_url"]) != (name == "holdout.csv"):
                    errors.append(f"{name} ({r['id']}): its source {source_key(r['source_url'])} belongs in "
                                  f"{'holdout.csv' if name == 'dev.csv' else 'dev.csv'} by the seed "
                                  f"{REAL_SOURCE_SPLIT_SEED}")
    elif everything and not errors and files == REAL_FILES:
        held = real_holdout_ids(everything)
        in_holdout = {r["id"] for r in rows_by_file["holdout.csv"]}
        if held != in_holdout:
            errors.append(
                f"the split does not follow the seed {REAL_SPLIT_SEED}: "
                f"{len(in_holdout - held)} row(s) in holdout.csv should be in dev.csv, "
                f"{len(held - in_holdout)} row(s) in dev.csv should be in holdout.csv"
            )

    for e in errors:
        print("ERROR", e)
    if not quiet and everything and by_source:
        print(f"{folder.name}: split by source ({len(sources['dev.csv'])} sources in dev.csv, "
              f"{len(sources['holdout.csv'])} in holdout.csv); holdout.csv is held out: score it once")
    if not quiet and everything and files != REAL_FILES:
        if folder.name in REAL_DEVELOPMENT_FOLDERS:
            print(f"{folder.name}: development data (held out at first, folded into development on 2026-12-07)")
        else:
            print(f"{folder.name}: a wholly held-out set: score it once, at the end of a piece of work")
    if not quiet and everything:
        for name, rows in rows_by_file.items():
            total = len(rows)
            print(f"{name}: {total} real notes (no profiles)")
            for field, values in (("source_verdict", SOURCE_VERDICTS), ("source_kind", SOURCE_KINDS),
                                  ("level", LEVELS)):
                cnt = Counter(r[field] for r in rows)
                print(f"  {field:<15}" + ", ".join(f"{v}: {cnt[v]}" for v in values if cnt[v]))
            print(f"  {'criterion':<17}{'pass':>6}{'fail':>6}{'n/a':>6}")
            for c in CRITERIA:
                cnt = Counter(r[c] for r in rows)
                print(f"  {c:<17}{cnt['pass']:>6}{cnt['fail']:>6}{cnt['n/a']:>6}")
            print()
    name = folder.name
    print(f"{name}: OK" if not errors else f"{name}: FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")]
    if "--all" in argv:
        folders = labelled_sets()
    return max((check(f.resolve(), quiet) for f in folders or [HERE]), default=0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
