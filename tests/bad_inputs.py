"""The bad-input matrix (issues 8 and 13): one table of hostile or careless inputs and what must
come of each, for every entry point. Entry-point-agnostic: a case says what the input IS (a note,
a CSV file's bytes, a profile file, a rubric file, an output target) and the expected outcome;
each entry point's test (`tests/test_bad_input_matrix.py`; later the grader, dashboard and browser
checker) feeds it in its own way.

Outcomes:
- "scored": the note is scored (a level, no error); `check` may hold an extra expectation.
- "error": a clear one-line error (exit status 2 for a command), containing `message`.
- a CSV case lists one expected outcome per data row: "ok" or a substring of that row's `error`.
Never a traceback, never a lost row.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

ENGINE_TODO = "engine-side: needs the change described in the hardening report (lead wires it)"


@dataclass(frozen=True)
class NoteCase:
    id: str
    text: str
    limit: int | None = None
    check: tuple[str, str] | None = None  # (criterion, status) the result must have
    as_bytes: str = "scored"  # outcome when sent as UTF-8 bytes (stdin, a CSV cell): "scored" or "not UTF-8"
    engine_todo: tuple[str, ...] = ()  # entry points where `check` waits for the engine ("api", "widget", ...)


NOTES = [
    NoteCase("empty", "", check=("length", "pass")),
    NoteCase("whitespace", " \t \n  "),
    NoteCase("one megabyte", "Hi Dana, I enjoyed your post on career fairs. " * 22_000, check=("length", "fail")),
    NoteCase("ten megabytes", "Hi Dana, thanks. " * 620_000, check=("length", "fail")),
    NoteCase("NUL and control characters", "\x00\x01\x02 Hi Dana, thanks \x00\x1b[31m"),
    NoteCase("zero-width space in the name", "Hi D\u200bana, thanks", check=("greeting", "pass")),
    NoteCase("right-to-left override", "\u202eHi Dana, thanks\u202c", check=("greeting", "pass")),
    NoteCase("lone surrogate", "Hi Dana \ud83d thanks", as_bytes="not UTF-8"),
    NoteCase("HTML and script", "<script>alert('x')</script> Hi Dana <img src=x onerror=alert(1)>"),
    NoteCase("embedded newlines", "Hi Dana,\n\nI enjoyed your post.\n\nThanks,\nAlex"),
    NoteCase("Windows line ends", "Hi Dana,\r\nthanks\r\n"),
    NoteCase("only carriage returns with limit 1", "\r\r", limit=1, check=("length", "pass")),
    NoteCase("emoji and wide characters", "🙂" * 500 + " Ｈｉ　Ｄａｎａ"),
    NoteCase("template placeholders", "Hi [Name], {{ 7*7 }} ${x} ' OR 1=1 --"),
]


@dataclass(frozen=True)
class CsvCase:
    id: str
    content: bytes
    rows: tuple[str, ...] = ()  # expected outcome of each data row, in order
    message: str = ""  # when the whole file is refused
    formula_id: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.message)


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


CSVS = [
    CsvCase("good with BOM", b"\xef\xbb\xbf" + _csv("id,text\n1,Hi Dana\n"), ("ok",)),
    CsvCase("UTF-16 with BOM", _csv("id,text\n1,Hi Dana\n2,Caf\u00e9 chat\n", "utf-16"), ("ok", "ok")),
    CsvCase("cp1252 row", _csv("id,text\n1,Hi Dana\n2,Caf\u00e9 chat\n", "cp1252"), ("ok", "not UTF-8")),
    CsvCase("invalid UTF-8 row", b"id,text\n1,Hi \xff\xfe Dana\n2,Hi Dana\n", ("not UTF-8", "ok")),
    CsvCase("missing text column", _csv("id,note\n1,hello\n"), message="no 'text' column"),
    CsvCase("duplicated text column", _csv("id,text,text\n1,a,b\n"), message="appears 2 times"),
    CsvCase("duplicated id column", _csv("id,id,text\n1,2,Hi\n"), message="appears 2 times"),
    CsvCase("short rows", _csv("id,recipient_id,text\n1,dana-whitfield\n2\n3,,Hi Dana\n"),
            ("no text cell", "no text cell", "ok")),
    CsvCase("long row", _csv("id,text\n1,Hi Dana, thanks\n"), ("more cells than columns",)),
    CsvCase("embedded newline in a quoted note", _csv('id,text\n1,"Hi Dana,\nthanks"\n2,Hi\n'), ("ok", "ok")),
    CsvCase("unterminated quote", _csv('id,text\n1,"Hi Dana, thanks\n2,Hi Dana\n3,Hi Dana\n4,Hi Dana\n'),
            message="never closed"),
    CsvCase("blank rows", _csv("id,text\n1,Hi\n,\n , \n\n2,Hi Dana\n"),
            ("ok", "blank row", "blank row", "blank row", "ok")),
    CsvCase("unknown ids", _csv("id,recipient_id,sender_id,text\n1,ghost,,Hi\n2,dana-whitfield,nobody,Hi\n"
                                "3,dana-whitfield,alex-rivera,Hi Dana\n"),
            ("unknown recipient id 'ghost'", "unknown sender id 'nobody'", "ok")),
    CsvCase("empty file", b"", message="empty"),
    CsvCase("binary file", b"\xff\xd8\xff\xe0 binary\n\x00\x01\n", message="not readable text"),
    CsvCase("stray quote after a quoted field", _csv('id,text\n1,"Hi" Dana\n2,Hi Dana\n'), ("malformed CSV", "ok")),
    CsvCase("formula in an id", _csv('id,text\n=HYPERLINK("http://x"),Hi Dana\n@SUM(1),Hi\n'), ("ok", "ok"),
            formula_id=True),
    CsvCase("NUL in a cell", _csv("id,text\n1,Hi \x00 Dana\n"), ("ok",)),
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
    """An input or output path that is not a plain file: `make(tmp_path, input_csv)` returns the path."""
    id: str
    role: str  # "input" or "output"
    make: object = field(compare=False)
    message: str = ""
    needs_root: bool = False
    not_as_root: bool = False


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


def _read_only_folder(tmp, src):
    folder = tmp / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "out.csv"


PATHS = [
    PathCase("input is a folder", "input", lambda tmp, src: tmp, "is a folder"),
    PathCase("input missing", "input", lambda tmp, src: tmp / "missing.csv", "cannot read"),
    PathCase("input is a pipe", "input", _fifo, "not a regular file"),
    PathCase("input unreadable", "input", _unreadable, "cannot read", not_as_root=True),
    PathCase("output is the input", "output", lambda tmp, src: src, "is the input file"),
    PathCase("output is the input by another name", "output", lambda tmp, src: tmp / "." / src.name,
             "is the input file"),
    PathCase("output is a symlink", "output", _symlink, "is a link"),
    PathCase("output is a pipe", "output", _fifo, "not a regular file"),
    PathCase("output is a device", "output", _device, "not a regular file", needs_root=True),
    PathCase("output is a folder", "output", lambda tmp, src: tmp, "is a folder"),
    PathCase("output folder missing", "output", lambda tmp, src: tmp / "no" / "out.csv", "does not exist"),
    PathCase("output folder read-only", "output", _read_only_folder, "cannot write", not_as_root=True),
]
