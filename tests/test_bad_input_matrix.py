"""Every case of the bad-input matrix (`tests/bad_inputs.py`) against every current entry point:
`invitelab check`, `invitelab score`, the Python API and the widgets. A command is run in process
(`cli.main`), so an exception is a failed test, exactly as it would be a traceback for a user;
`tests/test_cli.py` runs the same commands as subprocesses."""
from __future__ import annotations

import csv
import io
import os
import sys

import pytest
from bad_inputs import CSVS, ENGINE_TODO, NOTES, PATHS, PROFILE_FILES, RUBRIC_FILES

from invitelab import ProfileError, RubricError, cli, load_profiles, load_rubric, score
from invitelab.batch import OUTPUT_COLUMNS, BatchError, score_csv
from invitelab.engine.examples import ALEX, DANA

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
SCORE_CSVS = [c for c in CSVS if "score" in c.entries]
API_CSVS = [c for c in CSVS if "api" in c.entries]
SCORE_PATHS = [c for c in PATHS if c.message]  # the cases `invitelab score` has an outcome for


class Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def run_cli(capsys, monkeypatch, *args, stdin: bytes = b""):
    monkeypatch.setattr(sys, "stdin", Stdin(stdin))
    try:
        code = cli.main(list(args))
    except SystemExit as exit_:  # argparse
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code, err, message):
    assert code == 2, err
    assert err.startswith("invitelab: error: ") and len(err.strip().splitlines()) == 1, err
    assert message in err, err


def note_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")



def _params(cases, entries):
    out = []
    for case in cases:
        for entry in entries:
            marks = []
            if entry in getattr(case, "engine_todo", ()):
                marks.append(pytest.mark.xfail(strict=True, reason=ENGINE_TODO))
            out.append(pytest.param(case, entry, id=f"{case.id}-{entry}", marks=marks))
    return out


# -- notes ------------------------------------------------------------------------------------


def _statuses_api(case):
    result = score(case.text, recipient=DANA, sender=ALEX, limit=case.limit)
    assert result.level in ("generic", "developing", "personalized", "exemplary")
    return {f.criterion: f.status for f in result.findings}


def _statuses_widget(case):
    pytest.importorskip("ipywidgets")
    from invitelab.widgets import InvitationStudio

    if case.limit is not None:
        pytest.skip("the studio offers only the 300 and 200 limits")
    studio = InvitationStudio("dana-whitfield", "alex-rivera")
    studio.text.value = case.text
    studio.update()
    assert studio.result is not None and studio.feedback.value
    assert "<script>" not in studio.feedback.value
    return {f.criterion: f.status for f in studio.result.findings}


def _statuses_check(case, capsys, monkeypatch):
    extra = ["--limit", str(case.limit)] if case.limit else []
    code, out, err = run_cli(capsys, monkeypatch, "check", "-", "--to", "dana-whitfield", "--from", "alex-rivera",
                             "--json", *extra, stdin=note_bytes(case.text))
    if case.as_bytes != "scored":
        one_line_error(code, err, case.as_bytes)
        return None
    assert code == 0, err
    import json

    return {f["criterion"]: f["status"] for f in json.loads(out)["findings"]}


def _statuses_score(case, capsys, monkeypatch, tmp_path):
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        csv.writer(handle).writerows([["id", "recipient_id", "sender_id", "text"],
                                      ["1", "dana-whitfield", "alex-rivera", case.text]])
    extra = ["--limit", str(case.limit)] if case.limit else []
    code, out, err = run_cli(capsys, monkeypatch, "score", str(src), "-o", str(tmp_path / "out.csv"), *extra)
    assert code == 0, err
    rows = list(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8", newline="")))
    assert len(rows) == 1
    if case.as_bytes != "scored":
        assert case.as_bytes in rows[0]["error"]
        return None
    assert rows[0]["error"] == "" and rows[0]["level"], rows[0]
    return rows[0]


@pytest.mark.parametrize("case,entry", _params(NOTES, ("api", "widget", "check", "score")))  # the others: _more.py
def test_note(case, entry, capsys, monkeypatch, tmp_path):
    if entry == "api":
        statuses = _statuses_api(case)
    elif entry == "widget":
        statuses = _statuses_widget(case)
    elif entry == "check":
        statuses = _statuses_check(case, capsys, monkeypatch)
    else:
        statuses = _statuses_score(case, capsys, monkeypatch, tmp_path)
    if statuses is not None and case.check:
        criterion, status = case.check
        assert statuses[criterion] == status


# -- CSV files --------------------------------------------------------------------------------


def _expect_rows(case, rows):
    assert len(rows) == len(case.rows), "a row was lost or added"
    for row, expected in zip(rows, case.rows):
        if expected == "ok":
            assert row["error"] == "" and row["level"], row
        else:
            assert expected in row["error"] and row["level"] == "", row


@pytest.mark.parametrize("case", SCORE_CSVS, ids=[c.id for c in SCORE_CSVS])
def test_csv_through_the_command(case, capsys, monkeypatch, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(case.content)
    out_path = tmp_path / "out.csv"
    code, out, err = run_cli(capsys, monkeypatch, "score", str(src), "-o", str(out_path))
    if case.refused:
        one_line_error(code, err, case.message)
        assert not out_path.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
        return
    assert code == 0, err
    raw = out_path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert list(rows[0]) == list(OUTPUT_COLUMNS) if rows else True
    _expect_rows(case, rows)
    # the summary reconciles: every row read is written, every problem counted
    problems = sum(1 for r in case.rows if r != "ok")
    assert f"scored {len(case.rows) - problems} of {len(case.rows)} rows" in err, err
    if problems:
        assert f"{problems} {'row has' if problems == 1 else 'rows have'} a problem" in err, err
    if case.formula_id:
        assert all(r["id"].startswith("'") for r in rows), rows


@pytest.mark.parametrize("case", API_CSVS, ids=[c.id for c in API_CSVS])
def test_csv_through_the_python_api(case, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(case.content)
    out = io.StringIO()
    people = {"dana-whitfield": DANA, "alex-rivera": ALEX}
    if case.refused:
        with pytest.raises(BatchError, match=case.message) as info:
            score_csv(src, None, people, stdout=out)
        assert "\n" not in str(info.value) and out.getvalue() == ""
        return
    summary = score_csv(src, None, people, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    _expect_rows(case, rows)
    assert summary.rows == len(case.rows) == summary.scored + summary.errors


# -- input and output paths -------------------------------------------------------------------


def _path_case(case, tmp_path):
    if case.needs_root and not ROOT:
        pytest.skip("making a device file needs root")
    if case.not_as_root and ROOT:
        pytest.skip("root reads and writes through permissions")
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Hi Dana\n", encoding="utf-8")
    path = case.make(tmp_path, src)
    before = {p.name: (p.lstat().st_mode, p.read_bytes() if p.is_file() and not p.is_symlink() else None)
              for p in tmp_path.iterdir() if case.role == "output"}
    return src, path, before


@pytest.mark.parametrize("case", SCORE_PATHS, ids=[c.id for c in SCORE_PATHS])
def test_paths_through_the_command(case, capsys, monkeypatch, tmp_path):
    src, path, before = _path_case(case, tmp_path)
    args = ("score", str(path)) if case.role == "input" else ("score", str(src), "-o", str(path))
    code, out, err = run_cli(capsys, monkeypatch, *args)
    one_line_error(code, err, case.message)
    assert out == ""
    if case.role == "output":  # nothing replaced, nothing left behind
        after = {p.name: (p.lstat().st_mode, p.read_bytes() if p.is_file() and not p.is_symlink() else None)
                 for p in tmp_path.iterdir()}
        assert after == before


@pytest.mark.parametrize("case", SCORE_PATHS, ids=[c.id for c in SCORE_PATHS])
def test_paths_through_the_python_api(case, tmp_path):
    src, path, _ = _path_case(case, tmp_path)
    with pytest.raises(BatchError, match=case.message):
        if case.role == "input":
            score_csv(path, None, {}, stdout=io.StringIO())
        else:
            score_csv(src, path, {})


# -- profile and rubric files -----------------------------------------------------------------


@pytest.mark.parametrize("case,entry", _params(PROFILE_FILES, ("api", "check", "score")))
def test_profile_file(case, entry, capsys, monkeypatch, tmp_path):
    path = tmp_path / f"profiles{case.suffix}"
    path.write_bytes(case.content)
    if entry == "api":
        if case.message:
            with pytest.raises(ProfileError, match=case.message) as info:
                load_profiles(path)
            assert "\n" not in str(info.value)
        else:
            assert "dana-whitfield" in load_profiles(path)
        return
    if entry == "check":
        args = ("check", "Hi Dana, thanks", "--to", "dana-whitfield", "--profiles", str(path))
    else:
        src = tmp_path / "in.csv"
        src.write_text("recipient_id,text\ndana-whitfield,Hi Dana\n", encoding="utf-8")
        args = ("score", str(src), "--profiles", str(path))
    code, out, err = run_cli(capsys, monkeypatch, *args)
    if case.message:
        one_line_error(code, err, case.message)
    else:
        assert code == 0, err


@pytest.mark.parametrize("case,entry", _params(RUBRIC_FILES, ("api", "check", "score")))
def test_rubric_file(case, entry, capsys, monkeypatch, tmp_path):
    path = tmp_path / f"rubric{case.suffix}"
    path.write_bytes(case.content)
    if entry == "api":
        with pytest.raises(RubricError, match=case.message) as info:
            load_rubric(path)
        assert "\n" not in str(info.value)
        return
    if entry == "check":
        args = ("check", "Hi Dana, thanks", "--to", "dana-whitfield", "--rubric", str(path))
    else:
        src = tmp_path / "in.csv"
        src.write_text("text\nHi Dana\n", encoding="utf-8")
        args = ("score", str(src), "--rubric", str(path))
    code, out, err = run_cli(capsys, monkeypatch, *args)
    one_line_error(code, err, case.message)
    assert out == ""


def test_ten_thousand_profiles_load_fast_and_unknown_ids_stay_short(capsys, monkeypatch, tmp_path):
    import time

    case = next(c for c in PROFILE_FILES if c.id == "10,000 profiles")
    path = tmp_path / "many.json"
    path.write_bytes(case.content)
    start = time.process_time()
    assert len(load_profiles(path)) == 10_000
    assert time.process_time() - start < 2.0
    code, out, err = run_cli(capsys, monkeypatch, "check", "Hi", "--to", "ghost", "--profiles", str(path))
    one_line_error(code, err, "unknown recipient id 'ghost'")
    assert len(err) < 400
