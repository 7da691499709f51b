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
