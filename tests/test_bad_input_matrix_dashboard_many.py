"""The bad-input matrix (`tests/bad_inputs.py`) against the class dashboard's folder and
several-files inputs (issue 8): `invitelab dashboard FOLDER`, `invitelab dashboard A.csv B.csv C.csv`
and `dashboard.build(folder)`, the way students' drafts files arrive (collected by email into one
folder). Each hostile file sits between two good files with its columns; each hostile note is one
draft in a student's drafts file among two other students' files.

Outcomes, as for one file (`tests/test_bad_input_matrix_more.py`), but a file the dashboard refuses
on its own is, in a folder, listed as "not read: <why>" (a whole-file row of scored-notes.csv) while
the other files are scored: never a traceback, never a lost row, never a lost file.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from bad_inputs import CSVS, DASHBOARD_MAP, NOTES
from test_bad_input_matrix import one_line_error, run_cli
from test_bad_input_matrix_more import DASHBOARD_FLAGS, TINY_PNG, clean_text, page_text

from invitelab import score
from invitelab.widgets.drafts import Draft, drafts_to_csv
from invitelab.workshop import dashboard

HOW = ("folder", "files", "api")


@pytest.fixture(autouse=True)
def stub_charts(monkeypatch):
    monkeypatch.setattr(dashboard.Report, "chart_png", lambda self, kind="levels": TINY_PNG)


def _report(how, folder: Path, out: Path, capsys, monkeypatch, flags=DASHBOARD_FLAGS, mapping=DASHBOARD_MAP):
    """Run the dashboard on every file of ``folder``; (exit code, stderr and warnings)."""
    if how == "api":
        report = dashboard.build(folder, mapping=mapping)
        report.save(out, pdf=False)
        return 0, "\n".join(report.warnings)
    inputs = [folder] if how == "folder" else sorted(folder.iterdir())
    code, _, err = run_cli(capsys, monkeypatch, "dashboard", *map(str, inputs), "-o", str(out), "--no-pdf", *flags)
    assert "Traceback" not in err
    return code, err


def _rows(out: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "scored-notes.csv").read_text(encoding="utf-8-sig"))))


def _header(content: bytes) -> list[str]:
    """The hostile file's column names, as its good neighbours must have them."""
    try:
        headers = dashboard.read_export(content).headers
    except dashboard.DashboardError:
        return ["id", "text"]
    headers = [re.sub(r" \(\d+\)$", "", h) for h in headers]
    return headers if "text" in headers else ["id", "text"]  # a file without the notes' column: good ones have it


def _header_raw(content: bytes) -> list[str]:
    try:
        return list(dashboard.read_export(content).headers)
    except dashboard.DashboardError:
        return ["text"]


def _good(path: Path, header: list[str], student: str) -> None:
    cells = {"id": student, "text": "Hi Dana, thanks for your post on career fairs. Could I ask one question?"}
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, [cells.get(h, "") for h in header]])
    path.write_text(buffer.getvalue(), encoding="utf-8")


DASHBOARD_CSVS = [c for c in CSVS if "dashboard" in c.entries]


@pytest.mark.parametrize("case,how", [pytest.param(c, h, id=f"{c.id}-{h}") for c in DASHBOARD_CSVS for h in HOW])
def test_a_hostile_file_among_good_ones(case, how, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    header = _header(case.content)
    _good(folder / "a-good.csv", header, "ana")
    (folder / "b-case.csv").write_bytes(case.content)
    _good(folder / "c-good.csv", header, "zed")
    out = tmp_path / "report"
    code, err = _report(how, folder, out, capsys, monkeypatch)
    assert code == 0, err
    rows = _rows(out)
    for good in ("a-good.csv", "c-good.csv"):  # the run goes on: the good files are scored
        assert [(r["row"], r["problem"]) for r in rows if r["file"] == good] == [("2", "")], rows
        assert all(r["level"] for r in rows if r["file"] == good)
    mine = {int(r["row"]): r for r in rows if r["file"] == "b-case.csv"}
    if isinstance(case.dashboard, str):  # refused alone: listed as not read, with why
        words = case.dashboard.partition(":")[2]
        if "text" not in _header_raw(case.content):  # its columns are not those of the other files
            words = "its columns differ from those of a-good.csv"
        assert list(mine) == [0] and mine[0]["problem"].startswith("not read: ") and words in mine[0]["problem"], mine
        if how != "api":
            assert "1 file(s) could not be read" in err, err
    else:
        if case.dashboard_warning:
            assert case.dashboard_warning in err, err
        expected = list(range(2, 2 + len(case.dashboard)))
        if case.id == "embedded newline in a quoted note":
            expected = [2, 3]
        assert sorted(mine) == expected, f"a row was lost or added: {sorted(mine)}"
        for number, want in zip(expected, case.dashboard):
            if want == "ok":
                assert mine[number]["level"] and mine[number]["problem"] == "", mine[number]
            else:
                assert want in mine[number]["problem"], mine[number]
        if case.formula_id:
            assert all(r["student"].startswith("'") for r in mine.values()), mine
    page_text((out / "summary.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case,how", [pytest.param(c, h, id=f"{c.id}-{h}") for c in NOTES
                                      if "dashboard" in c.entries for h in HOW])
def test_a_hostile_draft_in_a_students_drafts_file(case, how, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()

    def drafts_file(name, student, texts):
        items = [Draft.from_result(k + 1, t, score(t), recipient_id="dana-whitfield", sender_id="", limit=300,
                                   saved_at=f"2026-12-07T10:0{k}:00-05:00", student=student)
                 for k, t in enumerate(texts)]
        data = ("\ufeff" + drafts_to_csv(items)).encode("utf-8")
        if case.as_bytes == "not UTF-8":  # the export writes U+FFFD; a hand-made file may hold the raw bytes
            data = data.replace("\ufffd".encode(), "\ud83d".encode("utf-8", "surrogatepass"))
        (folder / name).write_bytes(data)

    good = "Hi Dana, thanks for your post on career fairs. Could I ask one question?"
    drafts_file("invitelab-drafts-ana.csv", "Ana", ["Hi", good])
    drafts_file("invitelab-drafts-mallory.csv", "Mallory", ["Hi Dana", case.text])
    drafts_file("invitelab-drafts-zed.csv", "Zed", ["Hi", good])
    out = tmp_path / "report"
    code, err = _report(how, folder, out, capsys, monkeypatch, flags=[], mapping=None)  # no mapping: drafts files
    assert code == 0, err
    if case.as_bytes == "not UTF-8":  # a broken character in a file whose byte-order mark says UTF-8
        assert "is marked UTF-8 but holds bytes that are not" in err, err
    rows = _rows(out)
    assert [(r["file"], r["row"]) for r in rows] == [(f"invitelab-drafts-{s}.csv", n) for s in ("ana", "mallory", "zed")
                                                     for n in ("2", "3")], "a draft was lost or added"
    assert all(r["level"] for r in rows), rows
    latest = next(r for r in rows if r["file"] == "invitelab-drafts-mallory.csv" and r["row"] == "3")
    assert latest["round"] == "after" and (latest["problem"] == "" or "empty" in latest["problem"]), latest
    html = (out / "summary.html").read_text(encoding="utf-8")
    page_text(html)
    assert "mallory" not in html.lower(), "the summary names no student, not even by file name"
    if how == "api":
        report = dashboard.build(folder)
        shown = report.section_html("history") + report.section_html("problems")
        page_text(shown)
        assert clean_text(case.text)[:40] not in shown or not case.text.strip()  # the history shows levels


# -- folders, and paths within them ----------------------------------------------------------------


def _drafts_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    _good(folder / "a.csv", ["id", "text"], "ana")
    _good(folder / "b.csv", ["id", "text"], "bo")
    return folder


@pytest.mark.parametrize("make, words", [
    (lambda f: (f / "sub").mkdir(), "holds no files"),  # only a sub-folder
    (lambda f: (f / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1"), "holds no files"),  # only hidden files
    (lambda f: [(f / n).write_bytes(b) for n, b in (("x.png", TINY_PNG), ("y.xlsx", b"PK\x03\x04x"),
                                                    ("z.pdf", b"%PDF-1.4"))], "none of the 3 files could be read"),
])
def test_folders_with_nothing_to_read(make, words, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    make(folder)
    code, _, err = run_cli(capsys, monkeypatch, "dashboard", str(folder), "-o", str(tmp_path / "r"), "--no-pdf")
    one_line_error(code, err, words)
    assert not (tmp_path / "r").exists()
    with pytest.raises(dashboard.DashboardError, match=words):
        dashboard.build(folder)


def test_non_csv_files_and_sub_folders_in_the_folder_are_listed_or_skipped(tmp_path, capsys, monkeypatch):
    folder = _drafts_folder(tmp_path)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 a Word file")
    (folder / "photo.png").write_bytes(TINY_PNG)
    (folder / "empty.csv").write_bytes(b"")
    (folder / "old-report").mkdir()
    (folder / "old-report" / "scored-notes.csv").write_text("row,student\n2,x\n", encoding="utf-8")
    out = tmp_path / "report"
    code, err = _report("folder", folder, out, capsys, monkeypatch)
    assert code == 0, err
    problems = {r["file"]: r["problem"] for r in _rows(out) if not r["level"]}
    assert problems == {"empty.csv": "not read: the file is empty",
                        "notes.docx": problems["notes.docx"], "photo.png": problems["photo.png"]}, problems
    assert "Excel workbook" in problems["notes.docx"] and "not a CSV" in problems["photo.png"]
    assert "3 file(s) could not be read" in err


@pytest.mark.parametrize("target, words", [
    (lambda tmp, folder: folder, "is the folder of the files read"),
    (lambda tmp, folder: folder / "a.csv", "is the input file"),
    (lambda tmp, folder: Path("/proc/invitelab-report"), "cannot write"),
])
def test_folder_input_and_unsafe_output(target, words, tmp_path, capsys, monkeypatch):
    if not Path("/proc/self").is_dir():
        pytest.skip("needs Linux's /proc")
    folder = _drafts_folder(tmp_path)
    before = {p: p.read_bytes() for p in folder.iterdir()}
    path = target(tmp_path, folder)
    for inputs in ([folder], sorted(folder.iterdir())):
        code, out, err = run_cli(capsys, monkeypatch, "dashboard", *map(str, inputs), "-o", str(path), "--no-pdf",
                                 *DASHBOARD_FLAGS)
        one_line_error(code, err, words)
        assert out == "" and {p: p.read_bytes() for p in folder.iterdir()} == before
    with pytest.raises(dashboard.DashboardError, match=words):
        dashboard.build(folder, mapping=DASHBOARD_MAP).save(path, pdf=False)


def test_blank_lines_before_the_header_keep_the_spreadsheet_row_numbers(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a.csv").write_bytes(b"\n,,\nid,text\n1,Hi Dana\n2,Hi\n")
    _good(folder / "b.csv", ["id", "text"], "bo")
    code, err = _report("folder", folder, tmp_path / "r", capsys, monkeypatch)
    assert code == 0, err
    assert [(r["file"], r["row"]) for r in _rows(tmp_path / "r")] == [("a.csv", "4"), ("a.csv", "5"), ("b.csv", "2")]


def test_an_unreadable_file_in_the_folder_is_listed(tmp_path, capsys, monkeypatch):
    """chmod 0 does not stop root (the CI runs as root): the read itself is made to fail."""
    folder = _drafts_folder(tmp_path)
    (folder / "secret.csv").write_text("id,text\nx,Hi\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    for how in HOW:
        out = tmp_path / f"r-{how}"
        code, err = _report(how, folder, out, capsys, monkeypatch)
        assert code == 0, err
        rows = _rows(out)
        assert [r["problem"] for r in rows if r["file"] == "secret.csv"] == ["not read: cannot be read (Permission denied)"]
        assert len([r for r in rows if r["level"]]) == 2
    code, _, err = run_cli(capsys, monkeypatch, "dashboard", str(folder / "secret.csv"), "-o", str(tmp_path / "r"))
    one_line_error(code, err, "secret.csv: cannot be read (Permission denied)")
