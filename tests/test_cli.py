"""The command line through a subprocess, as a person or a script would run it."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from invitelab import kitdata
from invitelab.batch import OUTPUT_COLUMNS

GOOD = ("Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. "
        "Could I ask how you moved into campus recruiting? Thanks, Alex")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "invitelab", *args], capture_output=True, text=True,
                          input=stdin, timeout=60)


def test_check_prints_level_score_and_every_criterion():
    out = run("check", GOOD, "--to", "dana-whitfield", "--from", "alex-rivera")
    assert out.returncode == 0, out.stderr
    assert "Level:" in out.stdout and "Score:" in out.stdout
    for cid in ("greeting", "self_intro", "specific_detail", "common_ground", "purpose", "no_hard_ask",
                "length", "not_template", "polite_close", "tone"):
        assert f"[{cid}]" in out.stdout
    assert "\033[" not in out.stdout  # no colour when not on a terminal


def test_check_json_is_versioned_and_complete():
    out = run("check", GOOD, "--to", "dana-whitfield", "--json")
    data = json.loads(out.stdout)
    assert data["version"] == 1 and data["level"] in ("personalized", "exemplary")
    assert len(data["findings"]) == 10
    assert {"criterion", "status", "evidence", "suggestion", "span"} <= set(data["findings"][0])


def test_check_reads_standard_input_and_honours_limit():
    text = "Hi Dana, " + "I enjoyed your post on career fairs. " * 6
    out = run("check", "-", "--to", "dana-whitfield", "--limit", "200", "--json", stdin=text)
    data = json.loads(out.stdout)
    assert data["limit"] == 200
    assert [f for f in data["findings"] if f["criterion"] == "length"][0]["status"] == "fail"


@pytest.mark.parametrize("args,message", [
    (("check", "Hi", "--to", "nobody"), "unknown recipient id 'nobody'"),
    (("check", "Hi", "--to", "dana-whitfield", "--from", "ghost"), "unknown sender id 'ghost'"),
    (("check", "Hi", "--to", "dana-whitfield", "--profiles", "missing.json"), "cannot read"),
    (("check", "Hi", "--to", "dana-whitfield", "--rubric", "missing.toml"), "cannot read"),
    (("score", "missing.csv"), "cannot read"),
])
def test_errors_are_one_line_with_status_2(args, message):
    out = run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_bad_limit_is_refused_by_argparse():
    out = run("check", "Hi", "--to", "dana-whitfield", "--limit", "zero")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_help_has_examples():
    for args in (("--help",), ("check", "--help"), ("score", "--help")):
        out = run(*args)
        assert out.returncode == 0 and "example" in out.stdout.lower()


def write(path: Path, text: str, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def score_file(path, *extra):
    out = run("score", str(path), *extra)
    return out, list(csv.DictReader(io.StringIO(out.stdout))) if out.stdout else []


def test_score_writes_one_row_per_input_with_all_columns(tmp_path):
    src = write(tmp_path / "in.csv", 'id,recipient_id,sender_id,text\n'
                f'a,dana-whitfield,alex-rivera,"{GOOD}"\n'
                'b,dana-whitfield,,"I\'d like to add you to my professional network on LinkedIn."\n'
                'c,,,"Hi Dana, thanks!"\n', bom=True)
    out, rows = score_file(src)
    assert out.returncode == 0, out.stderr
    assert list(rows[0].keys()) == list(OUTPUT_COLUMNS)
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["level"] == "generic" and rows[1]["not_template"] == "fail"
    assert rows[2]["common_ground"] == "n/a"
    assert all(r["error"] == "" for r in rows)


def test_score_to_a_file(tmp_path):
    src = write(tmp_path / "in.csv", "text\n\"Hi Dana, thanks\"\n")
    out = run("score", str(src), "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 0 and "scored 1 of 1" in out.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("id,score,level")
    assert not list(tmp_path.glob("*.partial"))


def test_unknown_ids_and_bad_rows_are_reported_not_dropped(tmp_path):
    src = write(tmp_path / "in.csv", "id,recipient_id,text\n1,ghost,Hi\n2,dana-whitfield,Hi Dana\n3,dana-whitfield\n")
    out, rows = score_file(src)
    assert out.returncode == 0
    assert len(rows) == 3
    assert "unknown recipient id 'ghost'" in rows[0]["error"] and rows[0]["level"] == ""
    assert rows[1]["error"] == "" and rows[1]["level"]
    assert rows[2]["error"] == "" or "row" in rows[2]["error"]


def test_cp1252_rows_get_an_error_and_other_rows_are_scored(tmp_path):
    raw = "id,text\n1,\"Hi Dana, thanks\"\n2,\"Caf\xe9 chat, Dana?\"\n".encode("latin-1")
    src = tmp_path / "in.csv"
    src.write_bytes(raw)
    out, rows = score_file(src)
    assert out.returncode == 0
    assert rows[0]["error"] == "" and rows[0]["level"]
    assert "not UTF-8" in rows[1]["error"] and rows[1]["level"] == ""


def test_extra_cells_are_reported(tmp_path):
    out, rows = score_file(write(tmp_path / "in.csv", "id,text\n1,Hi Dana, thanks\n"))
    assert "more cells than columns" in rows[0]["error"]


def test_missing_text_column_and_empty_file_stop_with_status_2(tmp_path):
    out = run("score", str(write(tmp_path / "a.csv", "id,note\n1,hello\n")))
    assert out.returncode == 2 and "no 'text' column" in out.stderr and out.stdout == ""
    out = run("score", str(write(tmp_path / "b.csv", "")))
    assert out.returncode == 2 and "empty" in out.stderr


def test_huge_note_in_a_csv_is_scored(tmp_path):
    src = write(tmp_path / "in.csv", "text\n" + "a" * 1_000_000 + "\n")
    out, rows = score_file(src)
    assert out.returncode == 0 and rows[0]["length"] == "fail"


def test_profiles_and_rubric_commands():
    out = run("profiles")
    assert "dana-whitfield" in out.stdout
    out = run("rubric")
    assert "[weights]" in out.stdout and out.returncode == 0


def test_kit_profiles_are_found():
    assert "dana-whitfield" in kitdata.profiles()
    assert kitdata.senders() and kitdata.recipients()


def test_parallel_batch_gives_the_same_rows_in_order(tmp_path, monkeypatch):
    from invitelab import batch

    src = tmp_path / "in.csv"
    lines = ["id,recipient_id,text"]
    notes = ['"Hi Dana, thanks!"', "I'd like to connect.", '"Hi Dana, could you refer me?"', "Hi Dna"]
    for i in range(250):
        lines.append(f"{i},{'dana-whitfield' if i % 3 else 'ghost'},{notes[i % 4]}")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    people = kitdata.profiles()
    monkeypatch.setattr(batch, "PARALLEL_CHUNK", 40)
    parallel = list(batch.score_rows(src, people, workers=2))
    sequential = list(batch.score_rows(src, people, workers=1))
    assert parallel == sequential
    assert [r["id"] for r in parallel] == [str(i) for i in range(250)]
    assert sum(1 for r in parallel if "unknown recipient" in r["error"]) == 84


def test_a_binary_file_is_named_as_unreadable_not_as_a_missing_column(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0 binary\n\x00\x01\n")
    out = run("score", str(path))
    assert out.returncode == 2 and "not readable text" in out.stderr and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1


def test_issue_13_cases_as_a_careless_user_types_them(tmp_path):
    quote = write(tmp_path / "q.csv", 'id,text\n1,"Hi Dana, thanks\n2,Hi Dana\n3,Hi Dana\n4,Hi Dana\n')
    out = run("score", str(quote))
    assert out.returncode == 2 and "never closed" in out.stderr and out.stdout == ""
    blank = write(tmp_path / "b.csv", "id,text\n1,Hi\n,\n , \n\n2,Hi Dana\n")
    out, rows = score_file(blank)
    assert len(rows) == 5 and "scored 2 of 5 rows" in out.stderr and "3 blank" in out.stderr
    src = write(tmp_path / "in.csv", "text\nHi Dana\n")
    out = run("score", str(src), "-o", str(src))
    assert out.returncode == 2 and "is the input file" in out.stderr
    assert src.read_text(encoding="utf-8") == "text\nHi Dana\n"
    out = run("check", "-", "--to", "dana-whitfield", stdin="Hi D\u200bana, thanks")
    assert "Greets Dana by name" in out.stdout and "zero-width space" in out.stdout
