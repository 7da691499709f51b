"""Every hand-labelled set is internally consistent, checked by the kit's one data checker."""
import importlib.util
import shutil
from pathlib import Path

import pytest

from invitelab.kitdata import data_dir

_SPEC = importlib.util.spec_from_file_location("check_data", data_dir() / "check_data.py")
check_data = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_data)
SETS = check_data.labelled_sets()


def _read_rows(path: Path) -> list[dict]:
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _write_real_rows(path: Path, rows) -> None:
    import csv

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=check_data.REAL_COLUMNS)
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_labelled_set_is_consistent(folder: Path):
    assert check_data.check(folder, quiet=True) == 0


def test_the_checker_catches_a_wrong_level_and_a_byte_order_mark(tmp_path):
    src = data_dir() / "blind5"
    for name in ("profiles.json", "invitations.csv"):
        shutil.copy(src / name, tmp_path / name)
    csv_path = tmp_path / "invitations.csv"
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text.replace(",exemplary,", ",generic,", 1), encoding="utf-8")
    assert check_data.check(tmp_path, quiet=True) == 1
    csv_path.write_text("\ufeff" + text, encoding="utf-8")
    assert check_data.check(tmp_path, quiet=True) == 1
    csv_path.write_text(text, encoding="utf-8")
    assert check_data.check(tmp_path, quiet=True) == 0


def test_the_checker_holds_the_real_notes_to_their_seeded_split_and_level_rules(tmp_path):
    import csv

    src = data_dir() / "real"
    for name in ("dev.csv", "holdout.csv"):
        shutil.copy(src / name, tmp_path / name)
    assert check_data.check(tmp_path, quiet=True) == 0

    def read(name):
        return _read_rows(tmp_path / name)

    def write(name, rows):
        _write_real_rows(tmp_path / name, rows)

    dev, held = read("dev.csv"), read("holdout.csv")
    write("holdout.csv", held[:-1])  # a held-out row moved to dev: the split breaks the seed
    write("dev.csv", dev + held[-1:])
    assert check_data.check(tmp_path, quiet=True) == 1
    write("holdout.csv", held)
    wrong = [dict(dev[0], level="exemplary")] + dev[1:]  # a level the rules do not give
    write("dev.csv", wrong)
    assert check_data.check(tmp_path, quiet=True) == 1
    write("dev.csv", dev)
    assert check_data.check(tmp_path, quiet=True) == 0


def test_the_wholly_held_out_real_set_is_checked_and_may_not_repeat_the_first_set(tmp_path):
    import csv

    assert data_dir() / "real2" in SETS  # picked up by test_labelled_set_is_consistent above
    (tmp_path / "real").mkdir()
    (tmp_path / "real2").mkdir()
    for name in ("dev.csv", "holdout.csv"):
        shutil.copy(data_dir() / "real" / name, tmp_path / "real" / name)
    shutil.copy(data_dir() / "real2" / "notes.csv", tmp_path / "real2" / "notes.csv")
    folder = tmp_path / "real2"
    assert check_data.check(folder, quiet=True) == 0

    with open(folder / "notes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(tmp_path / "real" / "dev.csv", newline="", encoding="utf-8") as f:
        first = next(csv.DictReader(f))

    def write(extra):
        with open(folder / "notes.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=check_data.REAL_COLUMNS)
            w.writeheader()
            w.writerows(rows + extra)

    near = dict(first, id="rn2-999", text=first["text"].rstrip(".") + "!")  # one character changed
    write([near])
    assert check_data.check(folder, quiet=True) == 1
    write([dict(rows[0], id=first["id"], text="A note of its own about the Denver clinic opening.")])
    assert check_data.check(folder, quiet=True) == 1  # an id of the first set
    write([dict(rows[0], id="rn2-998", level="exemplary")])  # a level the rules do not give
    assert check_data.check(folder, quiet=True) == 1
    write([])
    assert check_data.check(folder, quiet=True) == 0


def test_the_blind_third_real_set_is_checked_and_may_not_repeat_the_earlier_sets(tmp_path):
    import csv

    assert data_dir() / "real3" in SETS  # picked up by test_labelled_set_is_consistent above
    for name in ("real", "real2", "real3"):
        shutil.copytree(data_dir() / name, tmp_path / name)
    folder = tmp_path / "real3"
    assert check_data.check(folder, quiet=True) == 0

    with open(folder / "notes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(tmp_path / "real2" / "notes.csv", newline="", encoding="utf-8") as f:
        second = next(csv.DictReader(f))

    def write(extra):
        with open(folder / "notes.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=check_data.REAL_COLUMNS)
            w.writeheader()
            w.writerows(rows + extra)

    write([dict(second, id="rn3-999")])  # a note of data/real2 copied in: rejected as a repeat
    assert check_data.check(folder, quiet=True) == 1
    write([dict(rows[0], text="A note of its own about the Denver clinic opening.")])  # a repeated id
    assert check_data.check(folder, quiet=True) == 1
    write([dict(rows[0], id="rn3-998", text="Another note of its own.", level="exemplary")])  # wrong level
    assert check_data.check(folder, quiet=True) == 1
    write([])
    assert check_data.check(folder, quiet=True) == 0


def test_the_fourth_real_set_is_split_by_source_and_may_not_repeat_the_earlier_sets(tmp_path):
    import csv

    assert data_dir() / "real4" in SETS  # picked up by test_labelled_set_is_consistent above
    assert "real4" in check_data.REAL_SOURCE_SPLIT_FOLDERS
    for name in ("real", "real2", "real3", "real4"):
        shutil.copytree(data_dir() / name, tmp_path / name)
    folder = tmp_path / "real4"
    assert check_data.check(folder, quiet=True) == 0

    def read(name):
        return _read_rows(folder / name)

    def write(name, rows):
        _write_real_rows(folder / name, rows)

    dev, held = read("dev.csv"), read("holdout.csv")
    with open(tmp_path / "real2" / "notes.csv", newline="", encoding="utf-8") as f:
        second = next(csv.DictReader(f))
    write("holdout.csv", held + dev[:1])  # one dev note moved: its source is now in both files
    write("dev.csv", dev[1:])
    assert check_data.check(folder, quiet=True) == 1
    write("holdout.csv", held)
    write("dev.csv", dev + [dict(dev[0], id="rn4-999", text=second["text"])])  # a note of data/real2
    assert check_data.check(folder, quiet=True) == 1
    other = dict(dev[0], id="rn4-998", source_url="https://example.org/a-page-of-its-own",
                 text="A note of its own about the Denver clinic opening.")
    held_out = check_data.real_source_held_out(other["source_url"])
    write("dev.csv", dev + ([] if held_out else [other]))  # a new source, in the file its seed gives
    write("holdout.csv", held + ([other] if held_out else []))
    assert check_data.check(folder, quiet=True) == 0
    write("dev.csv", dev + ([other] if held_out else []))  # the same source in the other file
    write("holdout.csv", held + ([] if held_out else [other]))
    assert check_data.check(folder, quiet=True) == 1
    assert check_data.source_key("https://github.com/Owner/Repo/blob/HEAD/a/b.md") == "github:owner/repo"
