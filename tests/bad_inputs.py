"""The bad-input matrix (issues 8 and 13): one table of hostile or careless inputs and what must
come of each, for every entry point. Entry-point-agnostic: a case says what the input IS (a note,
a CSV file's bytes, a notebook file, a profile file, a rubric file, an output target), which entry
points it applies to (`entries`) and the expected outcome at each; each entry point's test feeds it
in its own way:

- `tests/test_bad_input_matrix.py`: "check", "score" (the commands), "api" (`score`, `score_csv`,
  `load_profiles`, `load_rubric`), "widget" (the studio);
- `tests/test_bad_input_matrix_more.py`: "grade" and "grade-api" (the grader: a note as a student's
  answer, a notebook file, an output path), "dashboard" and "dashboard-api" (the class dashboard: a
  note as a form answer, a CSV export, an input or output path), "glue" (the browser checker's
  Pyodide glue, `invitelab.browser.glue`, run as Python);
- `tests/test_bad_input_matrix_dashboard_many.py`: the dashboard's "dashboard" cases again, through a
  folder and through several files (each hostile file among good ones, each note as a draft);
- `tests/test_checker_browser.py`: "page" (the live checker in the built book, in Chromium).

Outcomes:
- a note is "scored" (a level, no error; `check` may hold an extra expectation), or, where
  `expect` says so for an entry point, "error:<words>" (refused with a one-line error, exit status
  2), "row:<words>" (the row is kept with its error) or "warn:<words>" (scored, with a warning);
- "error": a clear one-line error (exit status 2 for a command), containing `message`;
- a CSV case lists one expected outcome per data row: "ok" or a substring of that row's `error`
  (`rows` for `invitelab score`, `dashboard` for the dashboard, whose problems are listed by row).
Never a traceback, never a lost row.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ENGINE_TODO = "engine-side: needs the change described in the hardening report (lead wires it)"

#: every entry point a note reaches; "page" (the live checker) takes the text cases marked for it
NOTE_ENTRIES = ("api", "widget", "check", "score", "grade", "grade-api", "dashboard", "dashboard-api", "glue")
PAGE = NOTE_ENTRIES + ("page",)


@dataclass(frozen=True)
class NoteCase:
    id: str
    text: str
    limit: int | None = None
    check: tuple[str, str] | None = None  # (criterion, status) the result must have
    as_bytes: str = "scored"  # outcome when sent as UTF-8 bytes (stdin, a CSV cell): "scored" or "not UTF-8"
    engine_todo: tuple[str, ...] = ()  # entry points where `check` waits for the engine ("api", "widget", ...)
    entries: tuple[str, ...] = NOTE_ENTRIES
    expect: dict = field(default_factory=dict, compare=False)  # entry point -> outcome, when not "scored"

    def outcome(self, entry: str) -> str:
        return self.expect.get(entry, "scored")


# Where a lone surrogate arrives as bytes it is not UTF-8: `check` refuses it, `score` keeps the row
# with its error, the dashboard reads the whole export as Windows-1252 and says so. In a notebook
# (JSON's "\ud83d" escape) and in the page it is text, scored, and shown as U+FFFD when written.
_SURROGATE = {"dashboard": "warn:Windows-1252", "dashboard-api": "warn:Windows-1252"}

NOTES = [
    NoteCase("empty", "", check=("length", "pass")),
    NoteCase("whitespace", " \t \n  "),
    NoteCase("one megabyte", "Hi Dana, I enjoyed your post on career fairs. " * 22_000, check=("length", "fail"),
             entries=PAGE),
    NoteCase("ten megabytes", "Hi Dana, thanks. " * 620_000, check=("length", "fail")),
    NoteCase("NUL and control characters", "\x00\x01\x02 Hi Dana, thanks \x00\x1b[31m", entries=PAGE),
    NoteCase("zero-width space in the name", "Hi D\u200bana, thanks", check=("greeting", "pass"), entries=PAGE),
    NoteCase("right-to-left override", "\u202eHi Dana, thanks\u202c", check=("greeting", "pass"), entries=PAGE),
    NoteCase("lone surrogate", "Hi Dana \ud83d thanks", as_bytes="not UTF-8", entries=PAGE, expect=_SURROGATE),
    NoteCase("HTML and script", "<script>alert('x')</script> Hi Dana <img src=x onerror=alert(1)>", entries=PAGE),
    NoteCase("embedded newlines", "Hi Dana,\n\nI enjoyed your post.\n\nThanks,\nAlex"),
    NoteCase("Windows line ends", "Hi Dana,\r\nthanks\r\n"),
    NoteCase("only carriage returns with limit 1", "\r\r", limit=1, check=("length", "pass")),
    NoteCase("emoji and wide characters", "🙂" * 500 + " Ｈｉ　Ｄａｎａ"),
    NoteCase("template placeholders", "Hi [Name], {{ 7*7 }} ${x} ' OR 1=1 --"),
]


#: a CSV case reaches `invitelab score` and its Python API, and the class dashboard (told, as an
#: instructor would with --map, that the `text` column holds the notes and `id` the students)
CSV_ENTRIES = ("score", "api", "dashboard", "dashboard-api")
DASHBOARD_MAP = {"text": "note", "id": "student"}


@dataclass(frozen=True)
class CsvCase:
    id: str
    content: bytes
    rows: tuple[str, ...] = ()  # expected outcome of each data row, in order
    message: str = ""  # when the whole file is refused
    formula_id: bool = False
    entries: tuple[str, ...] = CSV_ENTRIES
    # the dashboard: each data row's outcome ("ok": a scored note with no problem listed, else words
    # of the problem listed for that row), or "error:<words>" when the whole file is refused
    dashboard: tuple[str, ...] | str = ()
    dashboard_warning: str = ""  # words of a warning the dashboard must give

    @property
    def refused(self) -> bool:
        return bool(self.message)


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


CSVS = [
    CsvCase("good with BOM", b"\xef\xbb\xbf" + _csv("id,text\n1,Hi Dana\n"), ("ok",), dashboard=("ok",)),
    CsvCase("UTF-16 with BOM", _csv("id,text\n1,Hi Dana\n2,Caf\u00e9 chat\n", "utf-16"), ("ok", "ok"),
            dashboard=("ok", "ok")),
    CsvCase("cp1252 row", _csv("id,text\n1,Hi Dana\n2,Caf\u00e9 chat\n", "cp1252"), ("ok", "not UTF-8"),
            dashboard=("ok", "ok"), dashboard_warning="Windows-1252"),
    CsvCase("invalid UTF-8 row", b"id,text\n1,Hi \xff\xfe Dana\n2,Hi Dana\n", ("not UTF-8", "ok"),
            dashboard=("ok", "ok"), dashboard_warning="Windows-1252"),
    CsvCase("missing text column", _csv("id,note\n1,hello\n"), message="no 'text' column",
            dashboard="error:names a column 'text' that is not in"),
    CsvCase("duplicated text column", _csv("id,text,text\n1,a,b\n"), message="appears 2 times",
            dashboard=("ok",), dashboard_warning="'text' appears more than once"),
    CsvCase("duplicated id column", _csv("id,id,text\n1,2,Hi\n"), message="appears 2 times",
            dashboard=("ok",), dashboard_warning="'id' appears more than once"),
    CsvCase("short rows", _csv("id,recipient_id,text\n1,dana-whitfield\n2\n3,,Hi Dana\n"),
            ("no text cell", "no text cell", "ok"), dashboard=("no note cell", "no note cell", "ok")),
    CsvCase("long row", _csv("id,text\n1,Hi Dana, thanks\n"), ("more cells than columns",),
            dashboard=("3 cells but the header has 2",)),
    CsvCase("embedded newline in a quoted note", _csv('id,text\n1,"Hi Dana,\nthanks"\n2,Hi\n'), ("ok", "ok"),
            dashboard=("ok", "ok")),
    CsvCase("unterminated quote", _csv('id,text\n1,"Hi Dana, thanks\n2,Hi Dana\n3,Hi Dana\n4,Hi Dana\n'),
            message="never closed", dashboard="error:never closed"),
    CsvCase("blank rows", _csv("id,text\n1,Hi\n,\n , \n\n2,Hi Dana\n"),
            ("ok", "blank row", "blank row", "blank row", "ok"),
            dashboard=("ok", "empty row", "empty row", "empty row", "ok")),
    CsvCase("unknown ids", _csv("id,recipient_id,sender_id,text\n1,ghost,,Hi\n2,dana-whitfield,nobody,Hi\n"
                                "3,dana-whitfield,alex-rivera,Hi Dana\n"),
            ("unknown recipient id 'ghost'", "unknown sender id 'nobody'", "ok"),
            dashboard=("ok", "ok", "ok")),  # the dashboard scores without profiles: no ids to know
    CsvCase("empty file", b"", message="empty", dashboard="error:empty"),
    CsvCase("binary file", b"\xff\xd8\xff\xe0 binary\n\x00\x01\n", message="not readable text",
            dashboard="error:binary"),
    CsvCase("stray quote after a quoted field", _csv('id,text\n1,"Hi" Dana\n2,Hi Dana\n'), ("malformed CSV", "ok"),
            dashboard=("malformed CSV", "ok")),
    CsvCase("formula in an id", _csv('id,text\n=HYPERLINK("http://x"),Hi Dana\n@SUM(1),Hi\n'), ("ok", "ok"),
            formula_id=True, dashboard=("ok", "ok")),
    CsvCase("NUL in a cell", _csv("id,text\n1,Hi \x00 Dana\n"), ("ok",), dashboard=("ok",)),
    CsvCase("ten-megabyte field", _csv("id,text\n1,Hi Dana " + "x" * 10_000_000 + "\n2,Hi Dana\n"), ("ok", "ok"),
            dashboard=("ok", "ok")),
    CsvCase("hostile text", _csv('id,text\n"<script>alert(1)</script>","Hi Dana <img src=x onerror=alert(1)> '
                                 '"" onmouseover=""x"" javascript:alert(2)"\n'), ("ok",), dashboard=("ok",)),
    CsvCase("only a header", _csv("id,text\n"), (), dashboard=()),
    CsvCase("semicolons (Excel in Europe)", _csv("id;text\n1;Hi Dana, thanks\n"), message="no 'text' column",
            entries=("dashboard", "dashboard-api"), dashboard=("ok",)),
    CsvCase("an Excel workbook", b"PK\x03\x04" + b"\x00" * 40, message="not readable text",
            dashboard="error:Excel workbook"),
    # the dashboard's own cases (a form tool's or a spreadsheet's odd files)
    CsvCase("only whitespace", b" \n\t\n  \r\n", entries=("dashboard", "dashboard-api"), dashboard="error:empty"),
    CsvCase("UTF-16 without a byte-order mark", _csv("id,text\n1,Hi Dana\n2,Caf\u00e9 chat\n", "utf-16-le"),
            entries=("dashboard", "dashboard-api"), dashboard=("ok", "ok"), dashboard_warning="without a byte-order mark"),
]


def _profiles(items) -> bytes:
    return json.dumps(items).encode()


DANA = {"id": "dana-whitfield", "name": "Dana Whitfield", "headline": "Campus Recruiter at Meridian Health"}


@dataclass(frozen=True)
class FileCase:
    id: str
    content: bytes
    message: str = ""  # "" = accepted
    suffix: str = ".json"


PROFILE_FILES = [
    FileCase("malformed JSON", b'[{"id": "a", "name": "A"', "not valid JSON"),
    FileCase("partial file", _profiles([DANA])[:-20], "not valid JSON"),
    FileCase("not a list", b'{"x": 1}', "JSON list"),
    FileCase("empty list", b"[]", "holds no profiles"),
    FileCase("empty file", b"", "empty"),
    FileCase("not UTF-8", '[{"id": "a", "name": "Jos\u00e9"}]'.encode("latin-1"), "not UTF-8"),
    FileCase("a name that is a number", b'[{"id": "dana-whitfield", "name": 42}]', "'name' must be text"),
    FileCase("experience as a string", _profiles([{**DANA, "experience": "Campus Recruiter at Meridian Health"}])),
    FileCase("nulls", _profiles([{**DANA, "experience": None, "skills": None, "headline": None}])),
    FileCase("null profile", b"[null]", "must be an object"),
    FileCase("wrong type list", _profiles([{**DANA, "skills": [1, {}]}]), "must be text"),
    FileCase("5,000-digit number", b'[{"id": "dana-whitfield", "name": "D", "zip": ' + b"9" * 5000 + b"}]",
             "4,300 digits"),
    FileCase("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    FileCase("10,000 profiles", _profiles([DANA] + [{"id": f"p{i}", "name": f"Person {i}", "interests": ["x"]}
                                                    for i in range(9_999)])),
]

RUBRIC_FILES = [
    FileCase("negative weight", b"[weights]\ngreeting = -1\n", "number >= 0", ".toml"),
    FileCase("zero limit", b"limit = 0\n", "at least 1", ".toml"),
    FileCase("weight as text", b"[weights]\ngreeting = 'high'\n", "number >= 0", ".toml"),
    FileCase("limit as text", b"limit = '300'\n", "whole number", ".toml"),
    FileCase("NaN weight", b"[weights]\ngreeting = nan\n", "finite", ".toml"),
    FileCase("infinite weight", b"[weights]\ngreeting = inf\n", "finite", ".toml"),
    FileCase("weights past float range", b"[weights]\ngreeting = 1e308\ntone = 1e308\n", "add up to more", ".toml"),
    FileCase("NaN weight in JSON", b'{"weights": {"greeting": NaN}}', "finite", ".json"),
    FileCase("nested 100,000 deep", b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply", ".toml"),
    FileCase("5,000-digit limit", b"limit = " + b"9" * 5000 + b"\n", "4,300 digits", ".toml"),
    FileCase("not TOML", b"limit = \n", "not valid TOML", ".toml"),
    FileCase("unknown key", b"colour = 'red'\n", "unknown key", ".toml"),
    FileCase("all weights zero", b"[weights]\n" + b"".join(
        f"{c} = 0\n".encode() for c in ("greeting", "self_intro", "specific_detail", "common_ground", "purpose",
                                        "no_hard_ask", "length", "not_template", "polite_close", "tone")),
             "at least one weight", ".toml"),
]


@dataclass(frozen=True)
class PathCase:
    """An input or output path that is not a plain file: `make(tmp_path, input_file)` returns the path.

    `message` is what `invitelab score` says; `expect` says what the grader ("grade": SUBMISSIONS or
    -o GRADEBOOK) and the dashboard ("dashboard": ANSWERS.csv or -o FOLDER) say, for the cases that
    apply to them (a folder is the grader's usual input and the dashboard's usual output)."""
    id: str
    role: str  # "input" or "output"
    make: object = field(compare=False)
    message: str = ""
    needs_root: bool = False
    not_as_root: bool = False
    expect: dict = field(default_factory=dict, compare=False)  # entry point -> words of its one-line error


def _symlink(tmp, src):
    link = tmp / "link.csv"
    link.symlink_to(tmp / "elsewhere.csv")
    (tmp / "elsewhere.csv").write_text("keep me\n")
    return link


def _fifo(tmp, src):
    import os

    os.mkfifo(tmp / "fifo")
    return tmp / "fifo"


def _device(tmp, src):
    import os
    import stat

    os.mknod(tmp / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return tmp / "null"


def _unreadable(tmp, src):
    path = tmp / "secret.csv"
    path.write_text("text\nHi\n")
    path.chmod(0)
    return path


def _empty_folder(tmp):
    folder = tmp / "empty"
    folder.mkdir()
    return folder


def _junk_folder(tmp):
    folder = tmp / "junk"
    folder.mkdir()
    (folder / "a.csv").write_bytes(b"")
    (folder / "b.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    return folder


def _read_only_folder(tmp, src):
    folder = tmp / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "out.csv"


PATHS = [
    PathCase("input is a folder", "input", lambda tmp, src: tmp, "is a folder"),
    # the dashboard reads a folder of drafts files; a folder with nothing in it is refused
    PathCase("input is an empty folder", "input", lambda tmp, src: _empty_folder(tmp), "is a folder",
             expect={"dashboard": "holds no files", "grade": "holds no submissions"}),
    PathCase("input is a folder of unreadable files", "input", lambda tmp, src: _junk_folder(tmp), "is a folder",
             expect={"dashboard": "none of the 2 files could be read"}),
    PathCase("input missing", "input", lambda tmp, src: tmp / "missing.csv", "cannot read",
             expect={"grade": "no such folder or zip", "dashboard": "file not found"}),
    PathCase("input is a pipe", "input", _fifo, "not a regular file",
             expect={"grade": "not a folder, a zip or a notebook", "dashboard": "not a regular file"}),
    PathCase("input is a device", "input", _device, "not a regular file", needs_root=True,
             expect={"grade": "not a folder, a zip or a notebook", "dashboard": "not a regular file"}),
    PathCase("input unreadable", "input", _unreadable, "cannot read", not_as_root=True,
             expect={"grade": "cannot be read", "dashboard": "cannot be read"}),
    PathCase("output is the input", "output", lambda tmp, src: src, "is the input file",
             expect={"grade": "is the submissions zip itself", "dashboard": "not a folder"}),
    PathCase("output is the input by another name", "output", lambda tmp, src: tmp / "." / src.name,
             "is the input file", expect={"grade": "is the submissions zip itself", "dashboard": "not a folder"}),
    PathCase("output is a symlink", "output", _symlink, "is a link",
             expect={"grade": "is a link", "dashboard": "is a link"}),
    PathCase("output is a pipe", "output", _fifo, "not a regular file",
             expect={"grade": "not a regular file", "dashboard": "not a folder"}),
    PathCase("output is a device", "output", _device, "not a regular file", needs_root=True,
             expect={"grade": "not a regular file", "dashboard": "not a folder"}),
    PathCase("output is a folder", "output", lambda tmp, src: tmp, "is a folder", expect={"grade": "is a folder"}),
    PathCase("output folder missing", "output", lambda tmp, src: tmp / "no" / "out.csv", "does not exist",
             expect={"grade": "does not exist"}),
    PathCase("output folder read-only", "output", _read_only_folder, "cannot write", not_as_root=True,
             expect={"grade": "read-only", "dashboard": "cannot write"}),
    PathCase("output on a file system that refuses writes", "output", lambda tmp, src: _refusing_fs(),
             "cannot write", expect={"grade": "cannot write", "dashboard": "cannot write"}),
    PathCase("report folder holds the input", "output", lambda tmp, src: _renamed(src, "scored-notes.csv").parent,
             expect={"dashboard": "is the input file"}),
]


def _refusing_fs():
    """A folder even root cannot create files in (Linux's /proc)."""
    if not Path("/proc/self").is_dir():
        import pytest

        pytest.skip("needs Linux's /proc")
    return Path("/proc/invitelab-out.csv")


def _renamed(src, name):
    """Rename the input in place (the case's input is then `src.parent / name`)."""
    target = src.with_name(name)
    src.rename(target)
    return target


# -- notebooks (the grader) ---------------------------------------------------------------------
#
# A notebook case is a submitted file's bytes, made from the exercise's own notebooks by
# `make(source, blank)` (dicts of the instructor's source.ipynb and the student's exercise.ipynb;
# None makes no notebook). Outcome: "error:<words>" (the file's row has status error, no total,
# and the words in its message) or "graded[:<words>]" (a total, and the words in its message).
# Every file keeps its row; the gradebook and the feedback file are written; the run goes on.


def _nb(nb) -> bytes:
    return (json.dumps(nb, indent=1) + "\n").encode("utf-8")


def _edit(nb, **changes):
    import copy

    nb = copy.deepcopy(nb)
    nb.update(changes)
    return nb


def _cells_edited(nb, edit):
    import copy

    nb = copy.deepcopy(nb)
    nb["cells"] = edit(nb["cells"])
    return nb


def _answer(nb, qid, source):
    return _cells_edited(nb, lambda cells: [dict(c, source=source) if c.get("id") == qid else c for c in cells])


@dataclass(frozen=True)
class NotebookCase:
    id: str
    make: object = field(compare=False)  # (source dict, blank dict) -> bytes
    outcome: str = "graded"
    name: str = "exercise.ipynb"


NOTEBOOKS = [
    NotebookCase("empty file", lambda src, blank: b"", "error:the file is empty"),
    NotebookCase("only whitespace", lambda src, blank: b" \n\t\n", "error:the file is empty"),
    NotebookCase("not JSON", lambda src, blank: b"print('hello')\n", "error:not valid JSON"),
    NotebookCase("truncated JSON", lambda src, blank: _nb(src)[:700], "error:not valid JSON"),
    NotebookCase("a JSON list", lambda src, blank: b"[1, 2, 3]", "error:no list of cells"),
    NotebookCase("cells is not a list", lambda src, blank: _nb(_edit(src, cells="abc")), "error:no list of cells"),
    NotebookCase("UTF-16", lambda src, blank: json.dumps(src).encode("utf-16"), "error:UTF-16"),
    NotebookCase("Windows-1252 bytes", lambda src, blank: _nb(src).replace(b"Hi", b"H\xe9", 1), "error:not UTF-8"),
    NotebookCase("an image named .ipynb", lambda src, blank: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "error:not UTF-8"),
    NotebookCase("UTF-8 with a byte-order mark", lambda src, blank: b"\xef\xbb\xbf" + _nb(src), "graded"),
    NotebookCase("old nbformat 3", lambda src, blank: _nb(_edit(src, nbformat=3)), "error:old notebook format"),
    NotebookCase("nbformat as text", lambda src, blank: _nb(_edit(src, nbformat="4")), "error:nbformat '4'"),
    NotebookCase("5,000-digit number", lambda src, blank: _nb(src)[:-3] + b', "n": ' + b"9" * 5000 + b"}\n",
                 "error:4300 digits"),
    NotebookCase("nested 100,000 deep", lambda src, blank: b"[" * 100_000 + b"]" * 100_000, "error:nested too deeply"),
    NotebookCase("larger than 20 MB", lambda src, blank: b'{"cells": [], "x": "' + b"x" * 21_000_000 + b'"}',
                 "error:too large"),
    NotebookCase("every cell deleted", lambda src, blank: _nb(_edit(src, cells=[])), "graded:no answer found"),
    NotebookCase("damaged cells", lambda src, blank: _nb(_cells_edited(src, lambda c: [None, 5, "x", *c])),
                 "graded:3 damaged cells were skipped"),
    NotebookCase("cell source not text", lambda src, blank: _nb(_cells_edited(
        src, lambda cells: [dict(c, source=[1, None, {"a": 1}]) if c.get("id") == "q1" else c for c in cells])),
        "graded:q1"),
    NotebookCase("metadata of the wrong types", lambda src, blank: _nb(_cells_edited(
        _edit(src, metadata=[1]), lambda cells: [dict(c, metadata={"nbgrader": [1], "tags": "q1"}) for c in cells])),
        "graded"),
    NotebookCase("answer is code, not a value", lambda src, blank: _nb(_answer(src, "q1", 'q1 = open("/etc/passwd").read()')),
                 "graded:not a plain value"),
    NotebookCase("answer never closes its quotes", lambda src, blank: _nb(_answer(src, "q1", 'q1 = """Hi Dana')),
                 "graded:not valid Python"),
    NotebookCase("answer nested 100,000 deep", lambda src, blank: _nb(_answer(src, "q1", "q1 = " + "[" * 100_000 + "]" * 100_000)),
                 "graded:q1"),
    NotebookCase("answer is a number", lambda src, blank: _nb(_answer(src, "q1", "q1 = 42")), "graded:as text in quotes"),
    NotebookCase("another exercise's notebook", lambda src, blank: _nb(_edit(src, metadata={"invitelab": {"exercise": "spot-generic"}})),
                 "graded:says it is exercise 'spot-generic'"),
    NotebookCase("the blank student notebook", lambda src, blank: _nb(blank), "graded"),
    NotebookCase("a Word file", lambda src, blank: b"PK\x03\x04 not a notebook", "error:not a notebook", name="essay.docx"),
    NotebookCase("a notebook renamed .txt", lambda src, blank: _nb(src), "graded:not named .ipynb", name="exercise.txt"),
    # issue 8's grader audit: what an instructor meets in a real class
    NotebookCase("a real nbformat 3 notebook", lambda src, blank: _nb(_nbformat3(src)), "graded:nbformat 3"),
    NotebookCase("the answer cell deleted", lambda src, blank: _nb(_cells_edited(
        src, lambda cells: [c for c in cells if c.get("id") != "q1"])), "graded:no answer found"),
    NotebookCase("answer left as the template's ...", lambda src, blank: _nb(_answer(src, "q1", "q1 = ...")),
                 "graded:You did not answer question 1"),
    NotebookCase("answer left as the example", lambda src, blank: _nb(_answer(src, "q1", 'q1 = """Hi ..."""')),
                 "graded:did not answer question 1 (the example"),
    NotebookCase("answer only whitespace", lambda src, blank: _nb(_answer(src, "q1", 'q1 = """ \n\t """')),
                 "graded:did not answer question 1 (only spaces)"),
    NotebookCase("outputs with script tags", lambda src, blank: _nb(_with_outputs(src, [
        {"output_type": "display_data", "metadata": {}, "data": {
            "text/html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
            "application/javascript": "alert(3)"}},
        {"output_type": "stream", "name": "stdout", "text": "<script>alert(4)</script>"}])), "graded"),
    NotebookCase("10 MB of outputs", lambda src, blank: _nb(_with_outputs(src, [
        {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo" * 950_000}}], first=True)),
        "graded"),
    NotebookCase("invalid UTF-8 inside an answer", lambda src, blank: _nb(_answer(src, "q1", 'q1 = "Hi Dana"')).replace(
        b"Hi Dana", b"Hi \xff\xfe Dana", 1), "error:not UTF-8"),
    NotebookCase("a file name with HTML", lambda src, blank: _nb(src), "graded",
                 name='"><img src=x onerror=alert(1)>.ipynb'),
]


def _with_outputs(nb, outputs, first=False):
    """Every code cell (or, with `first`, the first one) shows `outputs`, as a saved notebook would."""
    def edit(cells):
        code = [i for i, c in enumerate(cells) if c.get("cell_type") == "code"][:1 if first else None]
        return [dict(c, outputs=outputs) if i in code else c for i, c in enumerate(cells)]
    return _cells_edited(nb, edit)


def _nbformat3(nb):
    """The same notebook as Jupyter saved them before 2015: cells in worksheets, code in `input`,
    headings as heading cells, no cell ids or tags."""
    def old(cell):
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code":
            return {"cell_type": "code", "input": text, "language": "python", "outputs": [], "metadata": {}}
        if text.startswith("## ") and "\n" not in text:
            return {"cell_type": "heading", "level": 2, "source": text[3:], "metadata": {}}
        return {"cell_type": "markdown", "source": text, "metadata": {}}
    return {"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0,
            "worksheets": [{"cells": [old(c) for c in nb["cells"]], "metadata": {}}]}
