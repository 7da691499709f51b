"""The measures used on the real-note sets (data/real/): AUC, kappa, the hand labels' score."""
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


def test_development_files_print_their_disagreements_and_held_out_files_only_the_summary(tmp_path, capsys):
    """holdout.csv and real2 were folded into development on 2026-12-07; any other real-note file
    (data/real3/, the blind set) is held out: the command prints its summary and no row."""
    from invitelab.evaluate import is_real_development, main

    data = data_dir()
    assert is_real_development(data / "real" / "dev.csv")
    assert is_real_development(data / "real" / "holdout.csv")
    assert is_real_development(data / "real2" / "notes.csv")
    assert not is_real_development(data / "real3" / "notes.csv")
    assert not is_real_development(tmp_path / "notes.csv")

    rows = read_real(data / "real2" / "notes.csv")
    held = tmp_path / "real3" / "notes.csv"
    held.parent.mkdir()
    held.write_bytes((data / "real2" / "notes.csv").read_bytes())
    assert main(["--real", str(held)]) == 0
    out = capsys.readouterr().out
    assert "held-out set" in out and "exact level agreement" in out
    assert "--- " not in out and not any(r["id"] in out for r in rows)

    assert main(["--real", str(data / "real2" / "notes.csv")]) == 0
    out = capsys.readouterr().out
    assert "--- rn2-" in out and "held-out set" not in out


def test_a_file_that_is_not_a_real_note_set_gets_one_line(tmp_path, capsys):
    from invitelab.evaluate import main

    bad = tmp_path / "notes.csv"
    bad.write_text("id,text\n1,Hi\n", encoding="utf-8")
    assert main(["--real", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err and "source_verdict" in err
    assert main(["--real", str(tmp_path / "absent.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def _without(src, tmp_path, drop, n=25):
    """The first n rows of a labelled file, without the columns in `drop`."""
    import csv

    rows = read_real(src)[:n]
    keep = [k for k in rows[0] if k not in drop]
    out = tmp_path / src.name
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, keep, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return out, rows


def test_a_criterion_without_a_column_is_skipped_and_said_so(tmp_path, capsys):
    from invitelab import kitdata
    from invitelab.evaluate import evaluate, main

    data = data_dir()
    path, rows = _without(data / "invitations.csv", tmp_path, {"tone", "polite_close"})
    report = evaluate(read_real(path), kitdata.profiles())
    assert report.skipped == ("polite_close", "tone")
    acc = report.criterion_accuracy()
    assert "tone" not in acc and "polite_close" not in acc and len(acc) == 8
    assert not any("tone" in d["criteria"] for d in report.disagreements)
    full = evaluate(rows, kitdata.profiles())  # the same rows with every column
    assert full.skipped == () and {c: a for c, a in full.criterion_accuracy().items() if c in acc} == acc
    assert main([str(path), "--profiles", str(data / "profiles.json"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "skipped (no column in the labels): polite_close, tone" in out and "  tone " not in out

    # a real-note file without a criterion's column is scored on the others, not refused
    real_path, _ = _without(data / "real" / "dev.csv", tmp_path, {"tone"})
    (tmp_path / "real").mkdir()
    moved = tmp_path / "real" / "dev.csv"
    real_path.rename(moved)
    assert main(["--real", str(moved), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "skipped (no column in the labels): tone" in out and "exact level agreement" in out
    assert "kappa" in out and "  tone " not in out
