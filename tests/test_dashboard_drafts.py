"""The class dashboard on students' drafts files, as an advisor meets it: the files the studio
notebook and the book's checker download (`invitelab.widgets.drafts`), one, several at once or a
folder of them, through `invitelab dashboard ...` and through the functions the class-dashboard
notebook calls (`read_export`, `mapping_html`, `build`, `default_report_dir`, `Report.save`).

- which column is the note: a drafts file's `text` always; a column of numbers never (a draft
  number, a score, an id), unless a mapping names it;
- a file given twice, downloaded twice, or a second download holding the first's drafts: every
  draft counts once, every student once;
- first and latest draft: by the timestamp column (its UTC offset read), then the draft number;
  when a student's timestamp cannot be read, by the order of the files (by name) and rows;
- several files on the command line, unreadable and stray files listed, not fatal;
- the report goes beside the input (`default_report_dir`), and `-o` naming an input file, a file
  in the input folder or the input folder itself is refused, with nothing written.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from invitelab import cli, score
from invitelab.widgets.drafts import Draft, drafts_to_csv
from invitelab.workshop import dashboard as d

REPO = Path(__file__).resolve().parents[1]
GENERIC = "I'd like to add you to my professional network on LinkedIn."
MIDDLE = "Hi Dana, thanks for the talk."
GOOD = ("Hi Dana, I'm a psychology junior. Your post on what you look for at career fairs helped me. "
        "Could I ask how you moved into campus recruiting? Thanks")
TINY_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
            b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture(autouse=True)
def quick_charts(monkeypatch):
    """The charts hold counts only (tests/test_dashboard.py draws the real ones)."""
    monkeypatch.setattr(d.Report, "chart_png", lambda self, kind="levels": TINY_PNG)


def drafts(texts, student, stamps=None):
    """Drafts as the studio saves them (numbered from 1 in a session), with their timestamps."""
    stamps = stamps or [f"2026-12-07T10:{k:02d}:00-05:00" for k in range(len(texts))]
    return [dataclasses.replace(Draft.from_result(k + 1, text, score(text), recipient_id="dana-whitfield",
                                                  sender_id="", limit=300, student=student), saved_at=stamp)
            for k, (text, stamp) in enumerate(zip(texts, stamps))]


def write(path: Path, items, student=None) -> Path:
    """The file the studio's download writes: UTF-8 with a byte-order mark."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\ufeff" + drafts_to_csv(items, student), encoding="utf-8", newline="")
    return path


def rows_of(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def by_order(report):
    return [(n.student, n.text, n.round) for n in sorted(report.notes, key=lambda n: n.order)]


def run(capsys, *args):
    try:
        code = cli.main(["dashboard", *map(str, args)])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def one_line_error(code, err, words):
    assert code == 2, err
    assert err.startswith("invitelab: error: ") and len(err.strip().splitlines()) == 1, err
    assert words in err, err


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


# -- which column is the note ---------------------------------------------------------------------


def test_a_drafts_files_text_is_the_note_and_its_draft_number_is_not(tmp_path):
    path = write(tmp_path / "invitelab-drafts-nia.csv", drafts([GENERIC, GOOD], "Nia"))
    roles = d.detect_mapping(d.read_export(path))
    assert roles["text"] == "note" and roles["draft"] == "ignore" and roles["student"] == "student"
    assert [r for r in roles.values() if r in ("note", "note_before", "note_after")] == ["note"]
    # a student whose every draft is a number ("1", "2": a test, a slip) still has their drafts read
    path = write(tmp_path / "invitelab-drafts-ola.csv", drafts(["1", "300"], "Ola"))
    report = d.build(path)
    assert [n.text for n in report.notes] == ["1", "300"] and [n.draft for n in report.notes] == [1, 2]


@pytest.mark.parametrize("header, numbers", [
    ("Draft number", ["1", "2", "3"]),                    # a small integer
    ("Note score", ["72.5", "100", "6,8"]),              # a score (decimal point or comma)
    ("Invitation ID", ["20261207001", "20261207002", "20261207003"]),  # a long id
    ("Note (%)", ["40%", "80%", "100%"]),
])
def test_a_column_of_numbers_is_never_the_note(header, numbers):
    rows = [["Ann", "Before", n, GENERIC if k == 0 else GOOD] for k, n in enumerate(numbers)]
    data = _csv(["Name", "Before or after?", header, "Note (after the workshop)"], rows)
    roles = d.detect_mapping(d.read_export(data))
    assert roles[header] == "ignore", roles
    report = d.build(data)
    assert {n.text for n in report.notes} <= {GENERIC, GOOD}, "a number was scored as a note"
    # a number column is not the note by its answers' length either
    data = _csv(["Who", "Q7", "Q8"], [["Ann", "1" * 40, GOOD], ["Bo", "2" * 40, GOOD]])
    assert d.detect_mapping(d.read_export(data))["Q8"] == "note"


def test_only_numbers_under_a_note_title_is_one_line_and_a_mapping_still_reads_them():
    data = _csv(["Name", "Note number"], [["Ann", "1"], ["Bo", "2"]])
    with pytest.raises(d.DashboardError, match="no column holds the notes") as info:
        d.build(data)
    assert "\n" not in str(info.value)
    report = d.build(data, mapping={"Note number": "note"})
    assert [n.text for n in report.notes] == ["1", "2"]


def _csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


# -- a file twice, a download twice -----------------------------------------------------------------


def _class(folder: Path) -> Path:
    nia = drafts([GENERIC, MIDDLE, GOOD], "Nia Okafor")
    write(folder / "invitelab-drafts-nia-okafor-20261207-1001.csv", nia[:2])  # her first download
    write(folder / "invitelab-drafts-nia-okafor-20261207-1002.csv", nia)      # then all three drafts
    write(folder / "invitelab-drafts-bo-pym-20261207-1001.csv", drafts([GENERIC, GOOD], "Bo Pym"))
    return folder


def _figures(report):
    f = report.figures()
    return {k: f[k] for k in ("students", "notes", "before", "after", "pairs", "moved_up")}


ONCE = {"students": 2, "notes": 5, "before": 2, "after": 2, "pairs": 2, "moved_up": 2}


def test_a_second_download_holding_the_first_counts_each_draft_once(tmp_path):
    report = d.build(_class(tmp_path / "class"))
    assert _figures(report) == ONCE
    assert [t for s, t, _ in by_order(report) if s == "Nia Okafor"] == [GENERIC, MIDDLE, GOOD]
    assert report.latest()["Nia Okafor"]["after"].text == GOOD
    assert any("2 drafts appeared in more than one file" in w for w in report.warnings), report.warnings


@pytest.mark.parametrize("how", ["browser copy", "same path twice", "folder and its file", "all three"])
def test_the_same_file_twice_counts_once(how, tmp_path):
    folder = _class(tmp_path / "class")
    bo = folder / "invitelab-drafts-bo-pym-20261207-1001.csv"
    if how == "browser copy":
        shutil.copyfile(bo, folder / "invitelab-drafts-bo-pym-20261207-1001 (1).csv")
        source = folder
    elif how == "same path twice":
        source = [*sorted(folder.iterdir()), bo]
    elif how == "folder and its file":
        source = [folder, bo]
    else:
        shutil.copyfile(bo, folder / "invitelab-drafts-bo-pym-20261207-1001 (1).csv")
        source = [folder, bo, folder]
    report = d.build(source)
    assert _figures(report) == ONCE
    assert any("read once" in w for w in report.warnings), report.warnings
    assert not report.problems


def test_a_form_export_given_twice_is_not_counted_twice(tmp_path, capsys):
    form = tmp_path / "Workshop notes (Responses).csv"
    form.write_bytes(_csv(["Name", "Before or after?", "Your note"],
                          [["Ann", "Before", GENERIC], ["Ann", "After", GOOD], ["", "After", GOOD]]))
    once = d.build(form)
    copy = tmp_path / "Workshop notes (Responses) (1).csv"
    shutil.copyfile(form, copy)
    for source in ([form, form], [form, copy], tmp_path):
        twice = d.build(source)
        assert _figures(twice) == _figures(once) and len(twice.problems) == len(once.problems) == 1
    code, out, err = run(capsys, form, copy, "-o", tmp_path / "report", "--no-pdf")
    assert code == 0 and "holds the same rows as Workshop notes (Responses).csv" in err, err
    assert len(rows_of(tmp_path / "report" / "scored-notes.csv")) == 3  # each row once, the problem kept


def test_a_student_who_changed_their_name_between_downloads_counts_once(tmp_path):
    nia = drafts([GENERIC, MIDDLE, GOOD], "Nia")
    write(tmp_path / "c" / "invitelab-drafts-nia-20261207-1001.csv", nia[:2], student="Nia")
    write(tmp_path / "c" / "invitelab-drafts-nia-okafor-20261207-1002.csv", nia, student="Nia Okafor")
    report = d.build(tmp_path / "c")
    assert report.figures()["students"] == 1 and len(report.notes) == 3
    assert [(t, r) for _, t, r in by_order(report)] == [(GENERIC, "before"), (MIDDLE, "after"), (GOOD, "after")]
    assert report.latest()["Nia"]["after"].text == GOOD
    assert any("under another student name" in w for w in report.warnings)


# -- first and latest -----------------------------------------------------------------------------


def _first_latest(report, student="Nia"):
    latest = report.latest()[student]
    return latest["before"].text, latest["after"].text


def test_timestamps_order_the_drafts_not_the_rows(tmp_path):
    # a spreadsheet sorted the rows (latest first) but kept the timestamps
    items = drafts([GENERIC, MIDDLE, GOOD], "Nia")
    path = write(tmp_path / "invitelab-drafts-nia.csv", items[::-1])
    report = d.build(path)
    assert _first_latest(report) == (GENERIC, GOOD)
    assert [n.text for n in report.history()["Nia"]] == [GENERIC, MIDDLE, GOOD]
    assert [r["round"] for r in csv.DictReader(io.StringIO(report.scored_csv()))] == ["before", "history", "after"]


def test_two_sessions_draft_numbers_restart_the_timestamps_decide(tmp_path):
    # the second session's file sorts first by name; its draft 1 is still later than draft 2 of the first
    write(tmp_path / "c" / "b-monday.csv", drafts([GENERIC, MIDDLE], "Nia",
                                                  ["2026-12-07T10:00:00-05:00", "2026-12-07T10:05:00-05:00"]))
    write(tmp_path / "c" / "a-tuesday.csv", drafts([GOOD], "Nia", ["2026-12-08T09:00:00-05:00"]))
    assert _first_latest(d.build(tmp_path / "c")) == (GENERIC, GOOD)


def test_utc_offsets_are_read(tmp_path):
    # 10:00 in Tokyo is 01:00 UTC; 08:00 in New York is 13:00 UTC: Tokyo's is the first draft
    write(tmp_path / "c" / "1.csv", drafts([GOOD], "Nia", ["2026-12-07T08:00:00-05:00"]))
    write(tmp_path / "c" / "2.csv", drafts([GENERIC], "Nia", ["2026-12-07T10:00:00+09:00"]))
    write(tmp_path / "c" / "3.csv", drafts([MIDDLE], "Bo", ["2026-12-07T12:00:00Z"]))
    write(tmp_path / "c" / "4.csv", drafts([GOOD], "Bo", ["2026-12-07T12:30:00+00:00"]))
    report = d.build(tmp_path / "c")
    assert _first_latest(report) == (GENERIC, GOOD) and _first_latest(report, "Bo") == (MIDDLE, GOOD)


def test_the_same_second_falls_back_to_the_draft_number(tmp_path):
    items = drafts([GENERIC, GOOD], "Nia", ["2026-12-07T10:00:00-05:00"] * 2)
    assert _first_latest(d.build(write(tmp_path / "n.csv", items[::-1]))) == (GENERIC, GOOD)


@pytest.mark.parametrize("first_stamps, second_stamps", [
    (["7/12/2026 10:00", "7/12/2026 10:05"], ["8/12/2026 09:00"]),        # a spreadsheet rewrote both
    (["7/12/2026 10:00", "7/12/2026 10:05"], ["2026-12-08T09:00:00-05:00"]),  # only the first file
    (["", ""], [""]),                                                       # emptied
])
def test_unreadable_timestamps_order_by_file_and_row(first_stamps, second_stamps, tmp_path):
    # draft numbers restart in each session (1, 2 then 1): they cannot order drafts across files
    write(tmp_path / "c" / "invitelab-drafts-nia-20261207-1000.csv", drafts([GENERIC, MIDDLE], "Nia", first_stamps))
    write(tmp_path / "c" / "invitelab-drafts-nia-20261208-0900.csv", drafts([GOOD], "Nia", second_stamps))
    write(tmp_path / "c" / "invitelab-drafts-bo.csv", drafts([GENERIC, GOOD], "Bo"))  # readable: unaffected
    report = d.build(tmp_path / "c")
    assert _first_latest(report) == (GENERIC, GOOD)
    assert [n.text for n in report.history()["Nia"]] == [GENERIC, MIDDLE, GOOD]
    assert _first_latest(report, "Bo") == (GENERIC, GOOD)
    assert any("1 student has a draft whose timestamp cannot be read" in w for w in report.warnings), report.warnings


# -- several files on the command line ----------------------------------------------------------


def test_several_files_on_the_command_line(tmp_path, capsys):
    folder = _class(tmp_path / "class")
    (folder / "notes.txt").write_text("Remember to collect the consent forms.\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(TINY_PNG)
    stray = folder / "gradebook.csv"
    stray.write_text("student,total\nNia,10\n", encoding="utf-8")
    files = sorted(folder.iterdir()) + [tmp_path / "missing.csv"]
    out = tmp_path / "report"
    code, text, err = run(capsys, *files, "-o", out, "--no-pdf")
    assert code == 0, err
    assert "2 students handed in 5 invitation notes" in text
    rows = rows_of(out / "scored-notes.csv")
    notes = [r for r in rows if r["level"]]
    assert len(notes) == 5 and {r["file"] for r in notes} == {p.name for p in files if p.name.startswith("invitelab")}
    whole = {r["file"]: r["problem"] for r in rows if not r["level"]}
    assert set(whole) == {"notes.txt", "photo.png", "gradebook.csv", "missing.csv"}, whole  # each listed, none lost
    assert "not a CSV" in whole["photo.png"] and "file not found" in whole["missing.csv"]
    assert "columns differ" in whole["gradebook.csv"]
    assert "4 file(s) could not be read" in err
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "Nia" not in html and "nia-okafor" not in html and "bo-pym" not in html  # no names, not even in file names


def test_several_files_as_a_user_types_them(tmp_path):
    """The real command, in a shell-like run: python -m invitelab dashboard FILE FILE (no -o)."""
    folder = _class(tmp_path / "class")
    files = sorted(str(p) for p in folder.glob("invitelab-drafts-*.csv"))
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    done = subprocess.run([sys.executable, "-m", "invitelab", "dashboard", *files, "--no-pdf"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = folder / d.REPORT_FOLDER  # beside the first file
    assert f"The report is in {report.resolve()}" in done.stdout
    assert len([r for r in rows_of(report / "scored-notes.csv") if r["level"]]) == 5
    # and the folder read again: the report folder inside it is not read as a student's file
    again = d.build(folder)
    assert _figures(again) == ONCE and not again.problems


def test_none_of_the_files_readable_is_one_line(tmp_path, capsys):
    (tmp_path / "a.csv").write_bytes(b"")
    (tmp_path / "b.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    code, _, err = run(capsys, tmp_path / "a.csv", tmp_path / "b.xlsx", tmp_path / "c.csv", "-o", tmp_path / "r")
    one_line_error(code, err, "none of the 3 files could be read")
    assert not (tmp_path / "r").exists()


# -- where the report goes, and what it never replaces ---------------------------------------------


def test_the_report_goes_beside_the_input(tmp_path, monkeypatch):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    monkeypatch.setenv("INVITELAB_DRAFTS_DIR", str(downloads))
    folder = _class(tmp_path / "class")
    one = folder / "invitelab-drafts-bo-pym-20261207-1001.csv"
    assert d.default_report_dir(one) == folder.resolve() / d.REPORT_FOLDER
    assert d.default_report_dir(str(one)) == folder.resolve() / d.REPORT_FOLDER
    assert d.default_report_dir(folder) == tmp_path.resolve() / d.REPORT_FOLDER  # beside the folder
    assert d.default_report_dir([one, tmp_path]) == folder.resolve() / d.REPORT_FOLDER  # beside the first
    # inside the kit (the sample class, a file next to the notebook), missing, nothing: the downloads
    assert d.default_report_dir(d.sample_class_path()) == downloads / d.REPORT_FOLDER
    assert d.default_report_dir(REPO / "notebooks" / "my-class.csv") == downloads / d.REPORT_FOLDER
    assert d.default_report_dir(tmp_path / "missing.csv") == downloads / d.REPORT_FOLDER
    assert d.default_report_dir() == downloads / d.REPORT_FOLDER
    # a folder that cannot be written (a shared drive, a CD): the downloads
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder.resolve() else real(p, mode))
    assert d.default_report_dir(one) == downloads / d.REPORT_FOLDER
    assert not (folder / d.REPORT_FOLDER).exists() and not (downloads / d.REPORT_FOLDER).exists()  # only named


def test_without_o_the_command_writes_beside_the_input_and_says_where(tmp_path, capsys):
    folder = _class(tmp_path / "class")
    code, out, err = run(capsys, folder, "--no-pdf")
    assert code == 0, err
    report = tmp_path / d.REPORT_FOLDER
    assert f"The report is in {report.resolve()}:" in out
    assert sorted(p.name for p in report.iterdir()) == ["criteria-missed.png", "levels.png", "scored-notes.csv",
                                                        "summary.html"]
    code, out, err = run(capsys, folder, "--no-pdf")  # again: replaced whole, the inputs untouched
    assert code == 0 and sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in _class(tmp_path / "again").iterdir())


def _refused(capsys, tmp_path, source_args, target, words):
    before = snapshot(tmp_path)
    code, out, err = run(capsys, *source_args, "-o", target, "--no-pdf")
    one_line_error(code, err, words)
    assert out == "" and snapshot(tmp_path) == before, "a file was written or replaced"


def test_o_naming_the_input_file_is_refused(tmp_path, capsys):
    one = write(tmp_path / "invitelab-drafts-nia.csv", drafts([GENERIC, GOOD], "Nia"))
    _refused(capsys, tmp_path, [one], one, "is the input file")
    _refused(capsys, tmp_path, [one], tmp_path / "." / one.name, "is the input file")
    with pytest.raises(d.DashboardError, match="is the input file"):
        d.build(one).save(one, pdf=False)


def test_o_naming_a_file_in_the_input_folder_is_refused(tmp_path, capsys):
    folder = _class(tmp_path / "class")
    inside = folder / "invitelab-drafts-bo-pym-20261207-1001.csv"
    _refused(capsys, tmp_path, [folder], inside, "is the input file")
    (folder / "notes.txt").write_text("not a CSV\n", encoding="utf-8")  # a file that is not read is kept too
    _refused(capsys, tmp_path, [folder], folder / "notes.txt", "not a folder")
    _refused(capsys, tmp_path, sorted(folder.glob("*.csv")), inside, "is the input file")


def test_o_naming_the_input_folder_is_refused(tmp_path, capsys):
    folder = _class(tmp_path / "class")
    _refused(capsys, tmp_path, [folder], folder, "is the folder of the files read")
    _refused(capsys, tmp_path, [folder], Path(str(folder) + "/"), "is the folder of the files read")
    with pytest.raises(d.DashboardError, match="is the folder of the files read"):
        d.build(folder).save(folder, pdf=False)
    # the folder holding several of the files given: refused the same way
    _refused(capsys, tmp_path, sorted(folder.glob("*.csv")), folder, "is the folder of the files read")
    # one file: its folder may take the report, but a report file never replaces it
    shutil.copyfile(folder / "invitelab-drafts-bo-pym-20261207-1001.csv", tmp_path / "scored-notes.csv")
    _refused(capsys, tmp_path, [tmp_path / "scored-notes.csv"], tmp_path, "is the input file")


# -- the notebook's functions ---------------------------------------------------------------------


def test_the_notebooks_steps_take_a_folder_of_drafts_files(tmp_path, monkeypatch):
    """Step 1 to Step 5 of notebooks/class-dashboard.ipynb, with ANSWERS a folder, then a list."""
    monkeypatch.setenv("INVITELAB_DRAFTS_DIR", str(tmp_path / "downloads"))
    folder = _class(tmp_path / "class")
    (folder / "notes.txt").write_text("not a CSV\n", encoding="utf-8")
    for answers in (folder, str(folder), sorted(folder.glob("*.csv"))):
        is_list = isinstance(answers, list)
        export = d.read_export(answers)
        table = d.mapping_html(export)
        assert "<code>note</code>" in table and "text" in table
        report = d.build(export, mapping={})
        assert _figures(report) == ONCE
        assert report.drafts and "first draft counts as 'before'" in report.text_summary()
        assert ("notes.txt" in report.section_html("problems")) is not is_list  # the folder's stray file, listed
        saved = report.save(d.default_report_dir(answers), pdf=False)
        where = (folder if is_list else tmp_path).resolve() / d.REPORT_FOLDER
        assert {p.parent.resolve() for p in saved} == {where} and len(saved) == 4


def test_a_draft_with_half_an_emoji_is_saved_downloaded_and_read(tmp_path):
    """A lone surrogate (half an emoji, pasted) reaches the studio as text; saving the draft and its
    download link used to raise UnicodeEncodeError. It is written as U+FFFD, and the dashboard reads it."""
    pytest.importorskip("ipywidgets")
    from invitelab.widgets import InvitationStudio

    studio = InvitationStudio("dana-whitfield", "alex-rivera")
    studio.export_dir = tmp_path
    studio.student.value = "Nia"
    for text in (GENERIC, "Hi Dana \ud83d thanks for your post"):
        studio.text.value = text
        studio.update()
        studio.save_draft()
    assert "Download 2 drafts" in studio.download.value
    studio._on_write()  # the studio's "save to a file" button
    (path,) = tmp_path.glob("invitelab-drafts-nia-*.csv")
    report = d.build(path)
    assert [n.text for n in report.notes] == [GENERIC, "Hi Dana \ufffd thanks for your post"]
    assert [n.round for n in report.notes] == ["before", "after"]


def test_drafts_reports_escape_student_text_names_and_file_names(tmp_path):
    """The folder's own parts of the HTML: draft history, whole-file problems (file names), warnings
    naming files, the columns table; hostile text in drafts, names and file names (tests/test_escaping.py
    covers one form export)."""
    pytest.importorskip("ipywidgets")
    from test_escaping import HOSTILE, SCRIPT, assert_safe

    folder = tmp_path / "class"
    evil = f"Nia {SCRIPT}"
    name = "invitelab-drafts-" + HOSTILE.replace("/", "_") + ".csv"
    write(folder / name, drafts([GENERIC + HOSTILE, GOOD + HOSTILE], evil))
    write(folder / "invitelab-drafts-bo.csv", drafts([GENERIC, GOOD], "Bo"))
    (folder / ("broken " + SCRIPT.replace("/", "_") + ".csv")).write_bytes(b"PK\x03\x04 workbook")
    (folder / ("copy " + HOSTILE.replace("/", "_") + ".csv")).write_bytes((folder / name).read_bytes())
    for names in (False, True):
        report = d.build(folder, show_names=names)
        assert len(report.notes) == 4 and len(report.problems) == 1
        for section in ("problems", "history", "paragraph", "levels", "examples"):
            assert_safe(report.section_html(section))
        assert_safe(report.section_html("problems"), "broken <script>")  # the advisor sees which file
        assert_safe(report.history_html(), "Generic")
        assert_safe(d.mapping_html(d.read_export(folder)))
        html = report.summary_html()
        assert_safe(html)
        if names:
            assert_safe(report.history_html(), evil)
        else:
            assert "broken" not in html and "Nia" not in html and "copy " not in html  # no file names, no names
            assert "file 2" in html  # the broken file, by its place in the list
