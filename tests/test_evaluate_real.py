"""The measures used on the real-note sets (data/real/): AUC, kappa, the hand labels' score."""
import importlib.util
import math

import pytest

from invitelab.evaluate import auc, cohen_kappa, evaluate_real, label_score, read_real, source_agreement
from invitelab.kitdata import data_dir


def test_auc_counts_wins_and_half_ties():
    assert auc([3, 4], [1, 2]) == 1.0
    assert auc([1, 2], [3, 4]) == 0.0
    assert auc([2], [2]) == 0.5
    assert auc([1, 3], [2]) == 0.5
    assert math.isnan(auc([], [1.0]))


def test_cohen_kappa_is_one_for_agreement_and_zero_for_chance():
    assert cohen_kappa(["pass", "fail", "pass"], ["pass", "fail", "pass"]) == 1.0
    assert cohen_kappa(["pass", "pass", "fail", "fail"], ["pass", "fail", "pass", "fail"]) == pytest.approx(0.0)
    assert cohen_kappa(["pass"] * 3, ["pass"] * 3) == 1.0


def _row(level, **labels):
    base = {c: "fail" for c in ("greeting", "self_intro", "specific_detail", "purpose", "no_hard_ask",
                                "length", "not_template", "polite_close", "tone")}
    base.update(labels, common_ground="n/a", level=level)
    return base


def test_label_score_keeps_levels_in_their_bands_and_orders_within_them():
    low = label_score(_row("generic"))
    high = label_score(_row("generic", tone="pass", length="pass", no_hard_ask="pass"))
    assert 0 <= low < high <= 29
    assert 30 <= label_score(_row("developing", greeting="pass")) <= 59
    assert label_score(_row("personalized")) >= 60


def test_source_agreement_counts_generic_endorsed_and_praised_condemned():
    sa = source_agreement(["endorsed", "endorsed", "condemned", "neutral"], [80, 10, 70, 50],
                          ["personalized", "generic", "personalized", "generic"])
    assert (sa.endorsed, sa.condemned) == (2, 1)
    assert sa.endorsed_generic == 1 and sa.condemned_personalized == 1
    assert sa.auc == 0.5


def test_the_real_dev_set_is_scored_without_profiles():
    rows = read_real(data_dir() / "real" / "dev.csv")
    report = evaluate_real(rows)
    assert report.labels.rows == len(rows) >= 70
    assert report.engine.endorsed + report.engine.condemned == sum(r["source_verdict"] != "neutral" for r in rows)
    assert 0.0 <= report.ideal.auc <= 1.0 and 0.0 <= report.engine.auc <= 1.0


def test_a_held_out_real_file_prints_only_its_summary(tmp_path, capsys):
    """`python -m invitelab.evaluate --real FILE` lists disagreements (with the note's text) for a
    dev.csv only; any other real-note file (holdout.csv, real2/ and real3/notes.csv) is held out and
    gets its summary alone. Checked on a made-up note, so no held-out note is scored here."""
    import csv

    from invitelab.evaluate import main
    from invitelab.kitdata import data_dir

    spec = importlib.util.spec_from_file_location("check_data", data_dir() / "check_data.py")
    check_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_data)
    marker = "Zorblat quux marker note"  # labelled exemplary so that the engine surely disagrees
    row = {c: "pass" for c in check_data.CRITERIA}
    row.update(id="x-1", text=marker, source_title="made up", source_url="https://example.org",
               source_kind="blog", source_verdict="endorsed", names_changed="no", has_placeholder="no",
               common_ground="n/a", level="exemplary", notes="")
    for name, shown in (("dev.csv", True), ("notes.csv", False), ("holdout.csv", False)):
        path = tmp_path / name
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=check_data.REAL_COLUMNS)
            w.writeheader()
            w.writerow(row)
        assert main(["--real", str(path)]) == 0
        out = capsys.readouterr().out
        assert (marker in out) is shown, name
        assert ("is a held-out set" in out) is not shown, name
