"""The class dashboard: a workshop's before/after invitation notes, from a form tool's CSV export.

The instructor collects notes with any form tool (Google Forms, Microsoft Forms, Qualtrics, a
Canvas quiz), downloads the answers as CSV, and calls::

    from invitelab.workshop import dashboard
    export = dashboard.read_export("Workshop notes (Responses).csv")
    dashboard.detect_mapping(export)            # column title -> role, guessed from the titles
    report = dashboard.build(export, mapping={"Q3": "note"})   # override what the guess got wrong
    report.problems                             # every row that could not be used, with why
    report.save("class-report")                 # summary.html, summary.pdf, two PNG charts, a CSV

Every note is scored with :func:`invitelab.score` and no profiles (the rubric's *Without a
profile* rules). Rules this module keeps:

- **Nothing is dropped.** A row that cannot be used (empty, no note, a round that is neither
  before nor after, a missing student, a row of the wrong width) is listed in
  :attr:`Report.problems` with its spreadsheet row number and the reason; every other row counts.
- **No names unless asked.** Charts and the summary show no student name (``show_names=False``,
  the default): examples are "Student A", "Student B", and the student's own name is removed
  from the note they wrote. Only notes whose consent answer is yes are shown as examples.
- **Escaped.** Every piece of student text in HTML goes through :func:`html.escape`.

Roles a column can have: ``student``, ``round`` (before/after), ``note`` (one note per row),
``note_before`` and ``note_after`` (a "wide" export with both notes in one row), ``consent``,
``timestamp`` and ``ignore``.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

from invitelab import CRITERIA, LEVELS, score
from invitelab.atomic import write_whole
from invitelab.batch import safe_cell

ROLES = ("student", "round", "note", "note_before", "note_after", "consent", "timestamp", "recipient", "ignore")
ROUNDS = ("before", "after")
LEVEL_WORDS = {"generic": "Generic", "developing": "Developing", "personalized": "Personalized",
               "exemplary": "Exemplary"}
LEVEL_COLOURS = {"generic": "#b42318", "developing": "#b7791f", "personalized": "#2e7d32",
                 "exemplary": "#0b5cad"}
MAX_BYTES = 50_000_000
#: problems listed in the one-page summary (the notebook and the CSV list all of them)
SUMMARY_PROBLEMS = 6

__all__ = [
    "DashboardError",
    "Export",
    "Note",
    "Problem",
    "Report",
    "build",
    "detect_mapping",
    "read_export",
    "sample_class_path",
    "default_report_dir",
    "input_files",
    "is_drafts_file",
]


class DashboardError(ValueError):
    """The file cannot be read as a form export, or the column mapping is wrong (one line)."""


def sample_class_path() -> Path:
    """The kit's SIMULATED sample class (data/workshop/sample-class.csv)."""
    from invitelab import kitdata

    return kitdata.data_dir() / "workshop" / "sample-class.csv"


# ---------------------------------------------------------------------------------------------
# Reading the export


@dataclass(frozen=True)
class Export:
    """A form tool's CSV, read: column headers, each data row with its spreadsheet row number."""

    name: str
    headers: tuple[str, ...]
    titles: tuple[str, ...]  # what detection reads (Qualtrics: the question texts of row 2)
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str
    warnings: tuple[str, ...] = ()
    path: Path | None = None  # the file it was read from (None for bytes)
    #: rows the CSV reader could not parse (a stray quote): (row number, why); listed as problems
    malformed: tuple[tuple[int, str], ...] = ()
    #: a folder or several files (``read_export`` of a folder or a list): each file read, as
    #: (path, Export); the files that could not be read, as whole-file Problems; every input given
    parts: tuple = ()
    not_read: tuple = ()
    inputs: tuple = ()
    folder: Path | None = None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    if not data.strip():
        raise DashboardError(f"{name}: the file is empty")
    if data[:4] == b"PK\x03\x04":
        raise DashboardError(
            f"{name}: this is an Excel workbook, not a CSV file; open it in Excel (or your form "
            "tool) and save or download it as CSV, then load that file")
    if data[:5] == b"%PDF-" or data[:8] == b"\x89PNG\r\n\x1a\n":
        raise DashboardError(f"{name}: this is not a CSV file (it looks like a PDF or an image)")
    warnings = []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text, encoding = data.decode("utf-16", errors="replace"), "UTF-16"
    elif len(data) >= 4 and (not any(data[1:400:2]) or not any(data[0:400:2])):
        # UTF-16 without a byte-order mark (every other byte of plain text is 0)
        little = not any(data[1:400:2])
        text = data.decode("utf-16-le" if little else "utf-16-be", errors="replace")
        encoding = "UTF-16"
        warnings.append(f"{name} is UTF-16 without a byte-order mark; it was read as UTF-16. Check that the notes "
                        "look right; if not, save it again as 'CSV UTF-8'.")
    elif data[:3] == b"\xef\xbb\xbf":  # a byte-order mark says UTF-8 (the drafts download writes one)
        encoding = "UTF-8"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("utf-8-sig", errors="replace")
            warnings.append(f"{name} is marked UTF-8 but holds bytes that are not (a broken character): each "
                            "was read as \ufffd; check those notes")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            if data.count(b"\x00") > len(data) // 100:
                raise DashboardError(f"{name}: this is not a text CSV file (it holds binary data)") from None
            text, encoding = data.decode("cp1252", errors="replace"), "Windows-1252"
            warnings.append(
                f"{name} is not UTF-8; it was read as Windows-1252 (Excel's usual CSV on Windows). "
                "Check that accented letters look right; if not, save it again as 'CSV UTF-8'.")
    head = text[:100_000]  # binary data has many control characters; a stray NUL in a cell is kept
    if len(_CONTROL.findall(head)) > max(len(head) // 100, 10):
        raise DashboardError(f"{name}: this is not a text CSV file (it holds binary data)")
    return text, encoding, warnings


def _records(text: str, delimiter: str, name: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str]]]:
    """Each record with its spreadsheet row number (the first record is row 1), and the rows that
    are malformed. Strict about quotes, so a quote that is never closed is found: it would otherwise
    swallow the rest of the file into one note, silently."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, malformed, number = [], [], 0
    while True:
        number += 1
        start_line = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if "end of data" in str(error) or "EOF" in str(error):
                raise DashboardError(
                    f"{name}: row {number} (line {start_line}) opens a quote (\") that is never closed, so the "
                    "rest of the file would be read as one note; close the quote or remove it") from None
            if "field larger than field limit" in str(error):
                raise DashboardError(f"{name}: a cell is larger than 20 MB; is it the right file?") from None
            malformed.append((number, f"malformed CSV ({error}); the row was not read"))
            continue
        records.append((number, [c.strip() for c in rec]))
    return records, malformed


def read_export(source, *, name: str | None = None) -> Export:
    """Read a CSV export: a path, or the file's bytes (``name`` says what to call it in errors).

    UTF-8 (with or without a byte-order mark), UTF-16 and, failing those, Windows-1252 are read;
    comma, semicolon and tab separators are recognised. Qualtrics's three header rows are
    understood (its question texts are used to detect columns).
    """
    if isinstance(source, Export):
        return source
    if isinstance(source, (list, tuple)) or (isinstance(source, (str, os.PathLike)) and Path(source).is_dir()):
        return _read_many(source)
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "the file"
    else:
        path = Path(source)
        name = name or path.name
        try:
            if path.exists() and not path.is_dir() and not path.is_file():
                raise DashboardError(f"{name}: is not a regular file (a device or a pipe); save the CSV to a file first")
            if path.stat().st_size > MAX_BYTES:
                raise DashboardError(f"{name}: the file is larger than {MAX_BYTES // 1_000_000} MB; is it the right one?")
            data = path.read_bytes()
        except FileNotFoundError:
            raise DashboardError(f"{name}: file not found ({path})") from None
        except IsADirectoryError:
            raise DashboardError(f"{name}: is a folder, not a CSV file") from None
        except OSError as error:
            raise DashboardError(f"{name}: cannot be read ({error.strerror or error})") from None
    text, encoding, warnings = _decode(data, name)
    sample = text[:20000]
    try:
        # the header line only, and its start: the sniffer's patterns are quadratic on hostile lines
        dialect = csv.Sniffer().sniff((sample.split("\n", 1)[0] or sample)[:2000], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    csv.field_size_limit(max(csv.field_size_limit(), 20_000_000))
    numbered, malformed = _records(text, delimiter, name)
    first = next((k for k, (_, rec) in enumerate(numbered) if any(rec)), None)
    if first is None:
        raise DashboardError(f"{name}: the file has no header row (it holds only empty lines)")
    if malformed and malformed[0][0] < numbered[first][0]:
        raise DashboardError(f"{name}: the header row is not readable CSV ({malformed[0][1]})")
    headers = numbered[first][1]
    body = numbered[first + 1:]
    titles = list(headers)
    # Qualtrics: row 2 holds the question texts, row 3 the import ids ({"ImportId": ...}).
    if len(body) >= 2 and any(c.startswith('{"ImportId"') for c in body[1][1]):
        titles = [t or h for h, t in zip(headers, body[0][1] + [""] * len(headers))]
        body = body[2:]
        warnings.append(f"{name} looks like a Qualtrics export: its question texts (row 2) were used to find the columns.")
    # Unique, non-empty headers (a form may repeat a question title).
    seen: Counter = Counter()
    unique = []
    for k, h in enumerate(headers):
        h = h or f"Column {k + 1}"
        seen[h] += 1
        unique.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    rows = tuple((number, tuple(rec)) for number, rec in body)
    return Export(name, tuple(unique), tuple(titles[: len(unique)]), rows, encoding, tuple(warnings),
                  None if isinstance(source, (bytes, bytearray)) else Path(source), tuple(malformed))


# ---------------------------------------------------------------------------------------------
# Which column is which

_NOTE_WORDS = re.compile(r"\b(notes?|invitations?|invites?|messages?|connection request|draft|rewrite)\b", re.I)
_BEFORE_WORDS = re.compile(r"\b(before|pre|first|start|original|initial)\b|\bdraft ?1\b|pre-", re.I)
_AFTER_WORDS = re.compile(r"\b(after|post|rewrite|rewritten|revised|final|second|end)\b|\bdraft ?2\b|post-", re.I)
_RULES = (
    ("consent", re.compile(r"consent|permission|\bmay we\b|\bcan we\b|\bok(ay)? to\b|\ballow us\b|as an example|"
                           r"\bshare (it|this|your)\b|\bshow (it|this|your)\b", re.I)),
    ("ignore", re.compile(r"response ?id|ip ?address|latitude|longitude|location|distribution|user ?language|"
                          r"progress|duration|finished|status|recipient ?(first|last)|external ?ref|"
                          r"\bsection\b|\bn correct\b|\bn incorrect\b|^score$|points", re.I)),
    ("timestamp", re.compile(r"time ?stamp|submitted|submission (time|date)|start ?(date|time)|end ?(date|time)|"
                             r"recorded ?date|completion time|^date$|^time$", re.I)),
    ("round", re.compile(r"before or after|before/after|pre or post|pre/post|\bround\b|\bphase\b|\bsession\b|"
                         r"time ?point|\battempt\b|which (note|one)|\bwhen\b", re.I)),
    ("student", re.compile(r"\bstudent\b|\bname\b|\bnom\b|\bnombre\b|\bnome\b|e-?mail|\bsis\b|sis_id|login|user ?name|\bnet ?id\b|^id$|"
                           r"\bid\b|identifier|respondent", re.I)),
)


#: a column named just this holds the note (the drafts file's ``text``, a form's "Message")
_NOTE_NAMES = re.compile(r"^(the |your )?(text|notes?|messages?|invitations?|invites?|invitation (note|text|message)|"
                         r"note text|message text|body)\s*[:?]?$", re.I)
#: the drafts file's recipient column (``recipient_id``), a "To" or "Recipient" column
_RECIPIENT_NAMES = re.compile(r"^(recipient|recipient[ _]?id|to|to whom|addressee|profile[ _]?id)$", re.I)
#: an answer that is only a number (a draft number, a score, a count, an id): never a note
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)%?$")


def _guess(title: str) -> str | None:
    t = title.strip()
    if _NOTE_NAMES.match(t):
        return "note"
    if _RECIPIENT_NAMES.match(t):
        return "recipient"
    for role, pattern in _RULES:
        if pattern.search(t):
            # "Your note (before or after?)" is a round question only if it does not ask for a note.
            if role == "round" and _NOTE_WORDS.search(t) and not re.search(r"before or after|pre or post|\bround\b", t, re.I):
                break
            if role == "student" and _NOTE_WORDS.search(t) and not re.search(r"\bstudent\b|\bname\b", t, re.I):
                break
            return role
    if _NOTE_WORDS.search(t):
        before, after = bool(_BEFORE_WORDS.search(t)), bool(_AFTER_WORDS.search(t))
        if before and not after:
            return "note_before"
        if after and not before:
            return "note_after"
        return "note"
    return None


def detect_mapping(export, mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Guess each column's role from its title (and, for the note, from the answers' length),
    then apply ``mapping`` (column header or title -> role) over the guess.

    Returns header -> role for every column ("ignore" for those with no role).
    """
    export = read_export(export)
    if export.parts:  # a folder or several files: the columns of the files that share the most
        export = next(e for _, e in export.parts if frozenset(e.headers) == frozenset(export.headers))
    guessed: dict[str, str] = {}
    for header, title in zip(export.headers, export.titles):
        guessed[header] = _guess(title) or _guess(header) or "ignore"
    drafts = is_drafts_file(export)
    for k, header in enumerate(export.headers):  # a column of numbers (a draft number, a score) is never the note
        if drafts and header in ("text", "draft"):  # a drafts file: its text is the note, whatever it holds
            guessed[header] = "note" if header == "text" else "ignore"
        elif guessed[header] in ("note", "note_before", "note_after") and _numbers_only(export, k):
            guessed[header] = "ignore"
    # Keep one column per single role: the first (student: prefer a "name or id" over an email;
    # note: prefer a column named just text, note, message or invitation).
    for role in ("student", "round", "consent", "timestamp", "note", "recipient"):
        cols = [h for h, r in guessed.items() if r == role]
        if len(cols) > 1:
            if role == "student":
                cols.sort(key=lambda h: (0 if re.search(r"student|name", _title(export, h), re.I) else 1))
            if role == "note":
                cols.sort(key=lambda h: 0 if _NOTE_NAMES.match(_title(export, h)) or _NOTE_NAMES.match(h) else 1)
            for extra in cols[1:]:
                guessed[extra] = "ignore"
    if not any(r in ("note", "note_before", "note_after") for r in guessed.values()):
        # No title says "note": take the free-text column with the longest answers.
        lengths = {}
        for k, header in enumerate(export.headers):
            if guessed[header] != "ignore" or _numbers_only(export, k):
                continue
            values = [rec[k] for _, rec in export.rows[:500] if k < len(rec) and rec[k]]
            if values:
                lengths[header] = sum(map(len, values)) / len(values)
        if lengths:
            best = max(lengths, key=lengths.get)
            if lengths[best] >= 25:
                guessed[best] = "note"
    if mapping:
        by_title = {t: h for h, t in zip(export.headers, export.titles)}
        for column, role in mapping.items():
            header = column if column in guessed else by_title.get(column)
            if header is None:
                raise DashboardError(
                    f"mapping names a column {column!r} that is not in {export.name}; its columns are: "
                    + ", ".join(repr(h) for h in export.headers[:15]) + (" ..." if len(export.headers) > 15 else ""))
            role = str(role).strip().lower()
            if role not in ROLES:
                raise DashboardError(f"mapping: {role!r} is not a role; roles are {', '.join(ROLES)}")
            if role not in ("ignore", "note_before", "note_after"):
                for h, r in guessed.items():  # a single role moves to the column named
                    if r == role:
                        guessed[h] = "ignore"
            guessed[header] = role
    return guessed


def _numbers_only(export: Export, k: int) -> bool:
    """True when every answer in column ``k`` (of the first 500 rows) is a number: a draft number,
    a score (72.5), a count, an id. Such a column is never taken for the note (a mapping may still
    name it)."""
    values = [rec[k] for _, rec in export.rows[:500] if k < len(rec) and rec[k].strip()]
    return bool(values) and all(_NUMBER.match(v.strip()) for v in values)


def _title(export: Export, header: str) -> str:
    return export.titles[export.headers.index(header)]


def mapping_html(export, mapping: dict[str, str] | None = None) -> str:
    """A table of the columns and the role each was given (titles escaped; no answers shown)."""
    export = read_export(export)
    roles = detect_mapping(export, mapping)
    explain = {"student": "matches a student's before and after notes", "round": "before or after",
               "note": "the invitation note", "note_before": "the note before the workshop",
               "note_after": "the note after the workshop", "consent": "may we show it as an example",
               "timestamp": "when it was sent",
               "recipient": "who the note is to (shown in the draft history; scoring uses no profile)",
               "ignore": "not used"}
    rows = "".join(
        f"<tr><td>{escape(_short(title, 90))}</td><td><code>{escape(role)}</code></td>"
        f"<td>{escape(explain[role])}</td></tr>"
        for header, title, role in zip(export.headers, export.titles, (roles[h] for h in export.headers))
    )
    return (STYLE + '<div class="wk-dash"><table><caption>The columns of '
            + escape(export.name) + "</caption><thead><tr><th scope=\"col\">Column</th>"
            '<th scope="col">Role</th><th scope="col">Used as</th></tr></thead><tbody>'
            + rows + "</tbody></table></div>")


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Note:
    row: int
    student: str
    round: str | None
    text: str
    consent: bool
    order: int
    result: object = None  # invitelab.Result
    file: str = ""  # the file it came from, when several were read
    recipient: str = ""  # the recipient column (a drafts file's recipient_id), when there is one
    draft: int | None = None  # a drafts file's draft number
    draft_id: str = ""  # a drafts file's id (the same draft in two downloads counts once)
    saved_at: str = ""  # a drafts file's timestamp

    @property
    def level(self) -> str:
        return self.result.level

    @property
    def missed(self) -> list[str]:
        return [f.criterion for f in self.result.findings if f.status == "fail"]


@dataclass(frozen=True)
class Problem:
    row: int  # 0: the whole file
    reason: str
    file: str = ""  # the file, when several were read

    @property
    def where(self) -> str:
        if not self.file:
            return str(self.row)
        return f"{self.file}, row {self.row}" if self.row else f"{self.file} (whole file)"


_YES = re.compile(r"^\s*(y|yes|yeah|yep|true|1|ok|okay|sure|agree|i agree|i consent|consent given|"
                  r"oui|s[ií]|ja)\b", re.I)
_NO = re.compile(r"^\s*(n|no|not|false|0|don'?t|do not|i do not|nope)\b", re.I)


def _round(value: str) -> str | None:
    v = value.strip().lower()
    if not v:
        return None
    if re.search(r"\b(before|pre|start|beginning|first|initial|original)\b|^pre-|^1$|\b(round|draft|attempt) ?1\b", v):
        return "before"
    if re.search(r"\b(after|post|end|final|second|rewrite|revised|later)\b|^post-|^2$|\b(round|draft|attempt) ?2\b", v):
        return "after"
    return None


def _key(note: Note) -> str:
    """Who a note counts for: its student, or (no student) its own row."""
    return note.student or f"(row {note.row}{' of ' + note.file if note.file else ''})"


def _cell(rec: tuple[str, ...], k: int | None) -> str:
    return rec[k] if k is not None and k < len(rec) else ""


@dataclass
class Report:
    """A scored class: its notes, problems, tables, charts and summary."""

    export: Export
    mapping: dict[str, str]
    notes: list[Note]
    problems: list[Problem]
    warnings: list[str]
    title: str = "LinkedIn invitations workshop"
    show_names: bool = False
    simulated: bool = False
    _labels: dict[str, str] = field(default_factory=dict, repr=False)
    #: the files read, when several were (a folder of drafts files): the report never replaces one
    sources: list = field(default_factory=list)
    #: True when the notes came from students' drafts files (first draft "before", latest "after")
    drafts: bool = False
    #: every input given: the files (read or not) and the folders; the report replaces none of them
    inputs: list = field(default_factory=list)

    # -- who counts -------------------------------------------------------------------------
    def latest(self) -> dict[str, dict[str, Note]]:
        """Each student's last note of each round (a student with two "after" drafts counts
        once, by the later one). A note with no student counts as its own student."""
        out: dict[str, dict[str, Note]] = {}
        for n in sorted(self.notes, key=lambda n: n.order):
            if n.round is None:
                continue
            out.setdefault(_key(n), {})[n.round] = n
        return out

    def history(self) -> dict[str, list[Note]]:
        """Every note of each student, in the order written (a drafts file: by the time saved)."""
        out: dict[str, list[Note]] = {}
        for n in sorted(self.notes, key=lambda n: n.order):
            out.setdefault(_key(n), []).append(n)
        return out

    def history_html(self, limit: int | None = None) -> str:
        """Each student's drafts in order, level and score of each (labels, not names)."""
        groups = [(s, ns) for s, ns in self.history().items() if not s.startswith("(row ")]
        if not groups:
            return '<p class="wk-small">No student names or ids in the file, so no draft history.</p>'
        shown = groups if limit is None else groups[:limit]
        rows = "".join(
            f"<tr><td>{escape(self.label(s))}</td><td>{len(ns)}</td><td>"
            + " &rarr; ".join(f"{escape(LEVEL_WORDS[n.level])} ({n.result.score:.0f})" for n in ns)
            + "</td></tr>" for s, ns in shown)
        more = (f'<p class="wk-small">... and {len(groups) - len(shown)} more students.</p>'
                if len(shown) < len(groups) else "")
        return ('<table class="wk-history"><caption>Draft history: every note of each student, in order'
                '</caption><thead><tr><th scope="col">Student</th><th scope="col">Notes</th>'
                f'<th scope="col">Levels (score), first to latest</th></tr></thead><tbody>{rows}</tbody></table>{more}')

    def counted(self, round_: str) -> list[Note]:
        return [d[round_] for d in self.latest().values() if round_ in d]

    def level_counts(self) -> dict[str, Counter]:
        return {r: Counter(n.level for n in self.counted(r)) for r in ROUNDS}

    def missed_shares(self) -> list[tuple[str, str, float, float]]:
        """(criterion id, title, share of before notes failing it, share of after notes), most
        missed after the workshop first; criteria that never apply without profiles are left out."""
        out = []
        before, after = self.counted("before"), self.counted("after")
        for c in CRITERIA:
            statuses = [f.status for n in before + after for f in n.result.findings if f.criterion == c.id]
            if statuses and all(s == "n/a" for s in statuses):
                continue
            share = lambda notes, cid=c.id: (sum(cid in n.missed for n in notes) / len(notes)) if notes else 0.0  # noqa: E731
            out.append((c.id, c.title, share(before), share(after)))
        out.sort(key=lambda t: (-t[3], -t[2], t[0]))
        return out

    def pairs(self) -> list[tuple[str, Note, Note]]:
        return [(s, d["before"], d["after"]) for s, d in self.latest().items()
                if "before" in d and "after" in d and not s.startswith("(row ")]

    def counting_rule(self) -> str:
        """How several notes of one student count, in one sentence (said in the summary)."""
        if self.drafts:
            extra = sum(max(len(ns) - 2, 0) for s, ns in self.history().items() if not s.startswith("(row "))
            return ("From the students' drafts files, each student's first draft counts as 'before' and their "
                    "latest draft as 'after' (a student with one draft counts only before)"
                    + (f"; the {extra} draft{' in between is' if extra == 1 else 's in between are'} in the "
                       "draft history and in scored-notes.csv" if extra else "") + ". ")
        return ""

    def label(self, student: str) -> str:
        """The name shown for a student: "Student A", ... unless ``show_names``."""
        if self.show_names:
            return student
        if student not in self._labels:
            k = len(self._labels)
            letters = ""
            while True:
                letters = chr(65 + k % 26) + letters
                k = k // 26 - 1
                if k < 0:
                    break
            self._labels[student] = f"Student {letters}"
        return self._labels[student]

    def most_improved(self, n: int = 3) -> list[tuple[str, Note, Note]]:
        """The ``n`` biggest improvements (level first, then score) among students who said yes
        to showing their note. Returns (label, before, after)."""
        rank = {lvl: i for i, lvl in enumerate(LEVELS)}
        pairs = [(s, b, a) for s, b, a in self.pairs() if b.consent and a.consent]
        pairs.sort(key=lambda t: (-(rank[t[2].level] - rank[t[1].level]),
                                  -(t[2].result.score - t[1].result.score), t[1].row))
        return [(self.label(s), b, a) for s, b, a in pairs[:n]
                if (rank[a.level], a.result.score) > (rank[b.level], b.result.score)]

    def shown_text(self, note: Note) -> str:
        """The note as an example may show it: with the student's own name taken out."""
        text = note.text
        if self.show_names or not note.student:
            return text
        for part in sorted(set(re.findall(r"[^\W\d_]{2,}", note.student)), key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", "[name]", text, flags=re.I)
        return text

    # -- figures ----------------------------------------------------------------------------
    def figures(self) -> dict[str, object]:
        counts = self.level_counts()
        before, after = self.counted("before"), self.counted("after")
        good = lambda notes: sum(n.level in ("personalized", "exemplary") for n in notes)  # noqa: E731
        pairs = self.pairs()
        rank = {lvl: i for i, lvl in enumerate(LEVELS)}
        return {
            "students": len({n.student for n in self.notes if n.student}),
            "notes": len(self.notes),
            "before": len(before),
            "after": len(after),
            "good_before": good(before),
            "good_after": good(after),
            "pairs": len(pairs),
            "moved_up": sum(rank[a.level] > rank[b.level] for _, b, a in pairs),
            "moved_down": sum(rank[a.level] < rank[b.level] for _, b, a in pairs),
            "counts": counts,
            "problems": len(self.problems),
        }

    def text_summary(self) -> str:
        """A paragraph for the career center's report (no names)."""
        f = self.figures()
        pct = lambda a, b: f"{round(100 * a / b)}%" if b else "n/a"  # noqa: E731
        missed = [t for t in self.missed_shares() if t[3] > 0][:3]
        lead = "In this SIMULATED sample class, " if self.simulated else ""
        text = (
            f"{lead}{f['students']} student{'' if f['students'] == 1 else 's'} handed in {f['notes']} invitation "
            f"note{'' if f['notes'] == 1 else 's'}. "
            + (f"{f['good_before']} of {f['before']} first drafts ({pct(f['good_before'], f['before'])}) "
               f"were personalized or exemplary; of the latest drafts, {f['good_after']} of {f['after']} "
               if self.drafts else
               f"Before the workshop, {f['good_before']} of {f['before']} notes ({pct(f['good_before'], f['before'])}) "
               f"were personalized or exemplary; after it, {f['good_after']} of {f['after']} ")
            + f"({pct(f['good_after'], f['after'])}). "
        )
        if f["pairs"]:
            who = "the one student" if f["pairs"] == 1 else f"the {f['pairs']} students"
            text += (f"Of {who} with a note before and after, {f['moved_up']} moved up at "
                     f"least one level and {f['moved_down']} moved down. ")
        if missed:
            text += "The checks most often missed after the workshop: " + "; ".join(
                f"{title.lower()} ({round(100 * a)}% of notes)" for _, title, _, a in missed) + ". "
        text += self.counting_rule()
        text += "Notes were scored by the InviteLab checker without the recipients' profiles."
        if self.drafts:
            text = text[:-1] + " (so a level may differ from the one a student saw in the checker)."
        return text

    # -- charts -----------------------------------------------------------------------------
    def levels_alt(self) -> str:
        counts = self.level_counts()
        parts = []
        for r in ROUNDS:
            total = sum(counts[r].values())
            parts.append(f"{r} the workshop ({total} notes): " + ", ".join(
                f"{counts[r][lvl]} {lvl}" for lvl in LEVELS))
        return "Bar chart of the notes' levels. " + "; ".join(p[:1].upper() + p[1:] for p in parts) + "."

    def missed_alt(self, n: int = 6) -> str:
        rows = self.missed_shares()[:n]
        return ("Bar chart of the checks most often missed, as a share of notes before and after the workshop: "
                + "; ".join(f"{title}: {round(100 * b)}% before, {round(100 * a)}% after"
                            for _, title, b, a in rows) + ".")

    def _fig(self, kind: str):
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        simulated = "\nSIMULATED sample class" if self.simulated else ""
        from matplotlib.ticker import MaxNLocator

        fig, ax = plt.subplots(figsize=(5.6, 4.0), dpi=150)
        height = 0.38
        if kind == "levels":
            counts = self.level_counts()
            y = range(len(LEVELS))
            for k, (r, colour) in enumerate((("before", "#8c959f"), ("after", "#0b5cad"))):
                values = [counts[r][lvl] for lvl in LEVELS]
                bars = ax.barh([i + (height / 2 if k == 0 else -height / 2) for i in y], values,
                               height=height, color=colour, label=f"{r.capitalize()} ({sum(values)} notes)")
                ax.bar_label(bars, padding=2, fontsize=9)
            ax.set_yticks(list(y), [LEVEL_WORDS[lvl] for lvl in LEVELS], fontsize=10)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlim(0, max([1] + [c for r in ROUNDS for c in counts[r].values()]) * 1.15)
            ax.set_xlabel("Notes (each student's last note of each round)", fontsize=9)
            ax.set_title("Levels of the notes, before and after" + simulated, fontsize=11)
        else:
            import textwrap

            rows = self.missed_shares()[:6][::-1]
            y = range(len(rows))
            for k, (idx, colour, name) in enumerate(((2, "#8c959f", "Before"), (3, "#b42318", "After"))):
                values = [100 * t[idx] for t in rows]
                bars = ax.barh([i + (height / 2 if k == 0 else -height / 2) for i in y], values,
                               height=height, color=colour, label=name)
                ax.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=2, fontsize=9)
            ax.set_yticks(list(y), [textwrap.fill(t[1], 22) for t in rows], fontsize=9)
            ax.set_xlim(0, 115)
            ax.set_xlabel("Share of notes that miss this check (%)", fontsize=9)
            ax.set_title("Checks most often missed" + simulated, fontsize=11)
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2,
                  fontsize=9, frameon=False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        return fig

    def chart_png(self, kind: str = "levels") -> bytes:
        """A chart as PNG bytes: ``"levels"`` (levels before and after) or ``"missed"``."""
        if kind not in ("levels", "missed"):
            raise DashboardError(f"unknown chart {kind!r} (charts: levels, missed)")
        import matplotlib.pyplot as plt

        fig = self._fig(kind)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return buffer.getvalue()

    def chart_html(self, kind: str = "levels") -> str:
        """The chart as an <img> with alt text (works in a notebook and in the built book)."""
        alt = self.levels_alt() if kind == "levels" else self.missed_alt()
        data = base64.b64encode(self.chart_png(kind)).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" style="max-width:100%;height:auto">'

    # -- tables -----------------------------------------------------------------------------
    def file_label(self, text: str) -> str:
        """``text`` with each input file's name replaced by "file N" (its place in the list of files
        read, by name), unless ``show_names``: a student's drafts file is named after them
        (invitelab-drafts-nia-okafor-...csv), and the summary shows no names."""
        names = [Path(x).name for x in self.inputs if not Path(x).is_dir()] if self.sources else []
        if self.show_names or not names:
            return text
        numbers = {name: k + 1 for k, name in reversed(list(enumerate(names)))}
        for name in sorted(numbers, key=len, reverse=True):
            text = text.replace(name, f"file {numbers[name]}")
        return text

    def problems_html(self, limit: int | None = None, *, anonymous: bool = False) -> str:
        if not self.problems:
            return '<p class="wk-ok">Every row could be used.</p>'
        shown = self.problems if limit is None else self.problems[:limit]
        label = self.file_label if anonymous else str
        rows = "".join(f"<tr><td>{escape(label(p.where))}</td><td>{escape(label(p.reason))}</td></tr>" for p in shown)
        more = (f'<p class="wk-small">... and {len(self.problems) - len(shown)} more '
                "(all are listed in the notebook and in scored-notes.csv).</p>") if len(shown) < len(self.problems) else ""
        return (f'<table class="wk-problems"><caption>{len(self.problems)} row'
                f'{"s" if len(self.problems) != 1 else ""} with a problem (listed, never dropped)</caption>'
                f'<thead><tr><th scope="col">{"Where" if self.sources else "Row"}</th><th scope="col">Problem</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>{more}")

    def examples_html(self, n: int = 3) -> str:
        best = self.most_improved(n)
        if not best:
            why = ("no student said yes to showing their note" if not any(x.consent for x in self.notes)
                   else "no consenting student has a better note after than before")
            return f'<p class="wk-small">No examples to show: {why}.</p>'
        blocks = []
        for label, b, a in best:
            blocks.append(
                f'<div class="wk-example"><p><strong>{escape(label)}</strong>: '
                f"{escape(LEVEL_WORDS[b.level])} ({b.result.score:.0f}) &rarr; "
                f"{escape(LEVEL_WORDS[a.level])} ({a.result.score:.0f})</p>"
                f'<p class="wk-note"><span class="wk-tag">Before</span> {_example_text(self.shown_text(b))}</p>'
                f'<p class="wk-note"><span class="wk-tag">After</span> {_example_text(self.shown_text(a))}</p></div>'
            )
        return "".join(blocks)

    def levels_table_html(self) -> str:
        counts = self.level_counts()
        head = "".join(f'<th scope="col">{r.capitalize()}</th>' for r in ROUNDS)
        rows = "".join(f'<tr><th scope="row">{LEVEL_WORDS[lvl]}</th>'
                       + "".join(f"<td>{counts[r][lvl]}</td>" for r in ROUNDS) + "</tr>" for lvl in LEVELS)
        total = "".join(f"<td><strong>{sum(counts[r].values())}</strong></td>" for r in ROUNDS)
        return (f'<table><caption>Notes at each level</caption><thead><tr><th scope="col">Level</th>{head}'
                f'</tr></thead><tbody>{rows}<tr><th scope="row">Total</th>{total}</tr></tbody></table>')

    def section_html(self, name: str) -> str:
        """One part of the dashboard for a notebook or a page: ``"problems"``, ``"levels"`` (the
        chart and its table), ``"missed"``, ``"examples"`` or ``"paragraph"``."""
        parts = {
            "problems": lambda: self.problems_html() + "".join(
                f'<p class="wk-small">Note: {escape(w)}</p>' for w in self.warnings),
            "levels": lambda: self.chart_html("levels") + self.levels_table_html(),
            "missed": lambda: self.chart_html("missed"),
            "examples": lambda: self.examples_html(3),
            "paragraph": lambda: f"<p>{escape(self.text_summary())}</p>",
            "history": lambda: self.history_html(),
        }
        if name not in parts:
            raise DashboardError(f"unknown section {name!r} (sections: {', '.join(parts)})")
        return STYLE + '<div class="wk-dash">' + parts[name]() + "</div>"

    # -- the one-page summary -----------------------------------------------------------------
    def summary_html(self, *, for_pdf: bool = False) -> str:
        """The one-page summary, a complete HTML document (charts inline, no external file)."""
        f = self.figures()
        banner = ('<p class="wk-sim">SIMULATED sample class: fictional students, notes assembled by a '
                  "script. Not evidence about any workshop.</p>") if self.simulated else ""
        warnings = "".join(f'<p class="wk-small">Note: {escape(self.file_label(w))}</p>' for w in self.warnings[:3])
        pct = lambda a, b: f"{round(100 * a / b)}%" if b else "&ndash;"  # noqa: E731
        return (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(self.title)}: class summary</title>"
            f"<style>{SUMMARY_CSS}{PDF_CSS if for_pdf else ''}</style></head><body><main>"
            f"<h1>{escape(self.title)}: class summary</h1>"
            f'<p class="wk-small">Made on {date.today().isoformat()} by InviteLab\'s class dashboard from '
            f"{escape(self.export.name)}. Every note scored by the InviteLab checker, without profiles. "
            "No student names are shown.</p>" + banner
            + '<div class="wk-kpis">'
            + f'<div><span class="wk-big">{f["students"]}</span> students, {f["notes"]} notes</div>'
            + f'<div><span class="wk-big">{pct(f["good_before"], f["before"])} &rarr; '
              f'{pct(f["good_after"], f["after"])}</span> personalized or better, before &rarr; after</div>'
            + f'<div><span class="wk-big">{f["moved_up"]} of {f["pairs"]}</span> students moved up a level</div>'
            + "</div>"
            + f'<p class="wk-para">{escape(self.text_summary())}</p>'
            + '<div class="wk-charts">'
            + f'<figure>{self.chart_html("levels")}</figure>'
            + f'<figure>{self.chart_html("missed")}</figure></div>'
            + '<div class="wk-cols"><section><h2>Most improved (with consent)</h2>'
            + self.examples_html(3) + "</section>"
            + "<section><h2>Rows with a problem</h2>" + self.problems_html(SUMMARY_PROBLEMS, anonymous=True) + warnings
            + ('<p class="wk-small">File N is the Nth file given, in name order; scored-notes.csv names '
               "the files (a drafts file bears its student's name).</p>" if any(
                   self.file_label(x) != x for x in [p.where + p.reason for p in self.problems[:SUMMARY_PROBLEMS]]
                   + self.warnings[:3]) else "")
            + "</section></div></main></body></html>"
        )

    def pdf_bytes(self) -> bytes:
        """The summary as a one-page PDF (US Letter), made with WeasyPrint."""
        try:
            from weasyprint import HTML
        except ImportError:  # pragma: no cover - weasyprint is in requirements.txt
            raise DashboardError("the PDF needs WeasyPrint (pip install -r requirements.txt)") from None
        return HTML(string=self.summary_html(for_pdf=True)).write_pdf()

    def scored_csv(self) -> str:
        """Every row: its number, student (as in the file), round, level, score, checks missed and
        any problem. For the instructor's own records: it holds names."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        many = bool(self.sources)  # several files: say which file each row is from
        extra = (["recipient", "draft"] if self.drafts else [])
        writer.writerow((["file"] if many else []) + ["row", "student", "round", "level", "score", "missed",
                                                      "problem"] + extra)
        problems: dict[tuple[str, int], list[str]] = {}
        for p in self.problems:
            problems.setdefault((p.file, p.row), []).append(p.reason)
        done = set()
        latest = self.latest()
        for n in sorted(self.notes, key=lambda n: n.order):
            counted = n.round if n.round and latest.get(_key(n), {}).get(n.round) is n else ""
            round_ = n.round or ""
            if self.drafts and not counted:
                round_ = "history"  # an earlier draft: in the history, not in the class figures
            writer.writerow(([safe_cell(n.file)] if many else [])
                            + [n.row, safe_cell(n.student), round_, n.level, f"{n.result.score:.1f}",
                               " ".join(n.missed), "; ".join(problems.get((n.file, n.row), []))]
                            + ([safe_cell(n.recipient), "" if n.draft is None else n.draft] if self.drafts else []))
            done.add((n.file, n.row))
        for (file, row), reasons in sorted(problems.items()):
            if (file, row) not in done:
                writer.writerow(([safe_cell(file)] if many else []) + [row, "", "", "", "", "", "; ".join(reasons)]
                                + [""] * len(extra))
        return buffer.getvalue()

    def save(self, directory, *, pdf: bool = True) -> list[Path]:
        """Write summary.html, summary.pdf, levels.png, criteria-missed.png and scored-notes.csv.

        Everything is made first; then each file is written whole (a temporary file in the same
        folder, then a rename), summary.html last: Ctrl-C never leaves half a file, and a folder
        holding a new summary.html holds the rest of the new report too. A file of the report
        that would replace the input, a link or anything but a plain file is refused first."""
        out = Path(directory)
        inputs = [Path(x) for x in self.inputs or self.sources] or ([self.export.path] if self.export.path else [])
        if out.is_symlink() or (out.exists() and not out.is_dir()):
            kind = ("a link" if out.is_symlink() else "the input file" if any(_same_file(out, x) for x in inputs)
                    else "a file" if out.is_file() else "a pipe or a device")
            raise DashboardError(f"{out}: is {kind}, not a folder; name a folder for the report (-o class-report)")
        if any(_same_file(out, x) for x in inputs if x.is_dir()) or (
                self.sources and any(_same_file(out, x.parent) for x in inputs if not x.is_dir())):
            raise DashboardError(f"{out}: is the folder of the files read; the report would mix with the students' "
                                 "files (and be read as one next time). Name another folder for the report")
        files = {
            "levels.png": self.chart_png("levels"),
            "criteria-missed.png": self.chart_png("missed"),
            "scored-notes.csv": self.scored_csv().encode("utf-8-sig"),
        }
        if pdf:
            files["summary.pdf"] = self.pdf_bytes()
        files["summary.html"] = _utf8(self.summary_html())
        for name in files:
            target = out / name
            if target.is_symlink() or (target.exists() and not target.is_file()):
                raise DashboardError(f"{target}: is a link or a folder, not a file; nothing written (remove it, "
                                     "or name another folder)")
            if target.exists() and any(_same_file(target, source) for source in inputs):
                raise DashboardError(f"{target}: is the input file; writing the report there would replace "
                                     "the answers. Name another folder for the report")
        written: list[Path] = []
        try:
            out.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                write_whole(out / name, data)
                written.append(out / name)
        except KeyboardInterrupt:
            raise DashboardInterrupted(
                f"interrupted: {len(written)} of {len(files)} report files written, each whole; "
                + ("summary.html was not written" if (out / "summary.html") not in written else "")) from None
        except OSError as error:
            raise DashboardError(f"{out}: cannot write the report ({error.strerror or error}); "
                                 f"{len(written)} of {len(files)} files written") from None
        return written


class DashboardInterrupted(KeyboardInterrupt):
    """Ctrl-C while the report was being written: says which files are whole (one line)."""


def _utf8(text: str) -> bytes:
    """UTF-8, with any lone surrogate shown as U+FFFD."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _example_text(text: str) -> str:
    """A note for an example, escaped; an empty one says so."""
    if not text.strip():
        return "<em>(no note: a blank invitation)</em>"
    return escape(_short(text, 300))


def _short(text: str, n: int) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= n else one[: n - 1].rstrip() + "\u2026"


DRAFTS_COLUMNS = ("id", "student", "text", "timestamp", "draft")  # what marks a students' drafts file


def is_drafts_file(export: Export) -> bool:
    """True for the drafts CSV the studio notebook and the book's checker download."""
    return set(DRAFTS_COLUMNS) <= set(export.headers)


REPORT_FOLDER = "invitelab-class-report"


def default_report_dir(source=None) -> Path:
    """Where an advisor finds the report: a folder ``invitelab-class-report`` beside the input (for
    a folder of drafts files, beside that folder). When the input is inside the kit (the sample
    class, a file put next to the notebook, which a ``git pull`` may overwrite) or its folder cannot
    be written, the folder goes where the drafts export saves: Downloads, else the home folder
    (Colab: /content; ``INVITELAB_DRAFTS_DIR`` overrides), as
    :func:`invitelab.widgets.drafts.default_export_dir` chooses."""
    from invitelab import kitdata
    from invitelab.widgets.drafts import default_export_dir

    items = list(source) if isinstance(source, (list, tuple)) else [source] if source is not None else []
    if items and isinstance(items[0], (str, os.PathLike)):
        try:
            first = Path(items[0]).expanduser().resolve()
            parent = first.parent
            kit = kitdata.repo_root().resolve()
            inside_kit = parent == kit or kit in parent.parents
            if first.exists() and not inside_kit and os.access(parent, os.W_OK):
                return parent / REPORT_FOLDER
        except (OSError, ValueError):
            pass
    return default_export_dir() / REPORT_FOLDER


def input_files(source) -> list[Path]:
    """The CSV files to read for ``source``: a file, a folder (its files, in name order; hidden
    files and sub-folders are skipped) or a list of files and folders."""
    items = list(source) if isinstance(source, (list, tuple)) else [source]
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            inside = sorted((p for p in path.iterdir() if not p.name.startswith((".", "~$")) and not p.is_dir()),
                            key=lambda p: p.name.lower())
            if not inside:
                raise DashboardError(f"{path}: the folder holds no files; put the students' CSV files in it")
            files += inside
        else:
            files.append(path)
    return files


def build(source, mapping: dict[str, str] | None = None, *, title: str = "LinkedIn invitations workshop",
          show_names: bool = False, simulated: bool | None = None, rubric=None) -> Report:
    """Read, map and score a form export; see the module's docstring. ``rubric`` (an
    :class:`invitelab.Rubric`, e.g. from ``load_rubric("my-rubric.toml")``) scores with a course's
    own weights.

    ``source`` may also be a folder or a list of files (each student's own drafts file, say): every
    file is read with the same columns as the first readable one; a file that cannot be read, or
    whose columns differ, is listed in :attr:`Report.problems` (not fatal)."""
    cache: dict[str, object] = {}
    export = read_export(source)
    many = bool(export.parts)
    if not many:
        roles, notes, problems, warnings, has_round = _score_export(export, mapping, rubric, cache, "")
        sources: list = []
        inputs = [export.path] if export.path is not None else []
        drafts = is_drafts_file(export) and not has_round
    else:
        combined, inputs = export, list(export.inputs)
        exports, problems, notes, warnings = [], list(combined.not_read), [], list(combined.warnings)
        roles, first, has_round = {}, None, False
        for path, export in combined.parts:
            try:
                if frozenset(export.headers) != frozenset(combined.headers):
                    raise DashboardError(
                        f"its columns differ from those of {_like(combined)} "
                        "and the other files; run the dashboard on it on its own")
                part = _score_export(export, mapping, rubric, cache, path.name, order=len(notes))
            except DashboardError as error:
                problems.append(_not_read(path, error))
                continue
            first = first or export
            exports.append(export)
            part_roles, part_notes, part_problems, part_warnings, part_round = part
            roles = roles or part_roles
            has_round = has_round or part_round
            notes += part_notes
            problems += part_problems
            warnings += part_warnings
        if first is None:
            files = [x for x in inputs if not Path(x).is_dir()]
            raise DashboardError(f"none of the {len(files)} file{'' if len(files) == 1 else 's'} could be read: "
                                 + "; ".join(f"{p.file}: {p.reason}" for p in problems[:3]))
        export = Export(_files_name(len(exports), combined.folder), first.headers, first.titles, (), first.encoding,
                        (), None, ())
        sources = [Path(e.path) for e in exports if e.path is not None]
        drafts = all(is_drafts_file(e) for e in exports) and not has_round
        warnings = _dedupe_warnings(warnings)
    if drafts:
        notes, duplicates, renamed = _dedupe_drafts(notes)
        if renamed:
            warnings.append(f"{renamed} file{' holds' if renamed == 1 else 's hold'} drafts already read under another "
                            "student name (a student changed the name they typed): they count for the student "
                            "of the first file")
        if duplicates:
            warnings.append(f"{duplicates} draft{'' if duplicates == 1 else 's'} appeared in more than one file "
                            "(a student downloaded their drafts twice); each draft is counted once.")
    if not has_round:
        unordered = _assign_rounds(notes, drafts)
        if unordered:
            warnings.append(f"{unordered} student{' has' if unordered == 1 else 's have'} a draft whose timestamp "
                            "cannot be read (a spreadsheet may have changed it): their drafts are taken in the "
                            "order of the files (by name) and of the rows.")
        warnings.append("From the drafts files: each student's first draft is 'before' and their latest is "
                        "'after'; the drafts in between are in the draft history." if drafts else
                        "No before/after column: each student's first note is taken as 'before' and their "
                        "later notes as 'after'.")
    if simulated is None:
        try:
            simulated = not many and Path(str(source)).resolve() == sample_class_path().resolve()
        except (OSError, ValueError):
            simulated = False
        simulated = simulated or "SIMULATED" in export.name.upper() or export.name == "sample-class.csv"
    problems.sort(key=lambda p: (p.file, p.row))
    return Report(export, roles, notes, problems, warnings, title, show_names, bool(simulated),
                  sources=sources, drafts=drafts, inputs=inputs)


def _files_name(n: int, folder: Path | None) -> str:
    return f"{n} file{'' if n == 1 else 's'}" + (f" in the folder {folder.name}" if folder is not None else "")


def _not_read(path: Path, error: DashboardError) -> Problem:
    reason = str(error)
    reason = reason[len(path.name) + 2:] if reason.startswith(path.name + ": ") else reason
    return Problem(0, f"not read: {reason}", path.name)


def _like(combined: Export) -> str:
    """The first file with the columns most files share."""
    return next(e.name for _, e in combined.parts if frozenset(e.headers) == frozenset(combined.headers))


def _read_many(source) -> Export:
    """A folder or a list of files and folders, read: each readable file (a file given or
    downloaded twice once), the files not read, and the columns most of them share (a stray file
    in the folder does not set them)."""
    files = input_files(source)
    items = list(source) if isinstance(source, (list, tuple)) else [source]
    inputs = tuple(dict.fromkeys([*files, *(Path(x) for x in items if Path(x).is_dir())]))
    not_read, warnings, readable, seen_rows = [], [], [], {}
    for path in files:
        try:
            export = read_export(path)
        except DashboardError as error:
            not_read.append(_not_read(path, error))
            continue
        same = seen_rows.setdefault((export.headers, export.rows, export.malformed), path)
        if same is not path:  # the same file twice, or downloaded twice: its rows count once
            warnings.append(f"{path.name} was given twice: it was read once" if _same_file(path, same) else
                            f"{path.name} holds the same rows as {same.name} (the same file downloaded "
                            "twice): it was read once")
            continue
        readable.append((path, export))
    if not readable:
        raise DashboardError(f"none of the {len(files)} file{'' if len(files) == 1 else 's'} could be read: "
                             + "; ".join(f"{p.file}: {p.reason}" for p in not_read[:3]))
    common = Counter(frozenset(e.headers) for _, e in readable).most_common(1)[0][0]
    like = next(e for _, e in readable if frozenset(e.headers) == common)
    folder = Path(source) if not isinstance(source, (list, tuple)) else None
    return Export(_files_name(len(readable), folder), like.headers, like.titles, (), like.encoding,
                  tuple(warnings), None, (), parts=tuple(readable), not_read=tuple(not_read), inputs=inputs,
                  folder=folder)


def _dedupe_warnings(warnings: list[str]) -> list[str]:
    seen, out = set(), []
    for w in warnings:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _dedupe_drafts(notes: list[Note]) -> tuple[list[Note], int, int]:
    """The same draft (same id and text) in two downloads counts once. A student who typed another
    name before the second download has their drafts under two names: a file whose drafts were
    already read under another name counts, whole, for the student of the first file.
    Returns (notes, drafts counted once, students renamed)."""
    owner: dict[str, str] = {}  # draft id -> the student it counts for
    alias: dict[tuple[str, str], str] = {}  # (file, student as written) -> the student it counts for
    for n in notes:
        if not n.draft_id:
            continue
        first = owner.setdefault(n.draft_id, alias.get((n.file, n.student), n.student))
        if first != alias.get((n.file, n.student), n.student) and (n.file, n.student) not in alias:
            alias[(n.file, n.student)] = first
    seen, out, duplicates = set(), [], 0
    for n in notes:
        n.student = alias.get((n.file, n.student), n.student)
        key = (n.draft_id, n.text)
        if n.draft_id and key in seen:
            duplicates += 1
            continue
        seen.add(key)
        out.append(n)
    return out, duplicates, len(alias)


def _saved_stamp(note: Note) -> float | None:
    """When a draft was saved (seconds, UTC; a time without an offset is taken as UTC), or None
    when its timestamp cannot be read (empty, or changed by a spreadsheet: "7/12/2026 10:05")."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(note.saved_at.strip().replace("Z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return when.timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def _assign_rounds(notes: list[Note], drafts: bool) -> int:
    """No round column: a student's first note is "before", their later ones "after". For drafts
    files, "first" is by the time each draft was saved (then its number, then the order of the
    files and rows), across files; when one of a student's timestamps cannot be read, that
    student's drafts are taken in the order of the files (by name) and of their rows: draft
    numbers start again at 1 in each session, so they cannot order drafts across files.
    Returns how many students' drafts were ordered by file and row."""
    by_student: dict[str, list[Note]] = {}
    for n in notes:
        by_student.setdefault(_key(n), []).append(n)
    by_file_order = 0
    for group in by_student.values():
        stamps = {id(n): _saved_stamp(n) for n in group} if drafts else {}
        if drafts and all(v is not None for v in stamps.values()):
            group.sort(key=lambda n: (stamps[id(n)], n.draft if n.draft is not None else 0, n.order))
        else:
            by_file_order += drafts and len(group) > 1
            group.sort(key=lambda n: n.order)
        if drafts:  # the order the history and latest() read
            orders = sorted(n.order for n in group)
            for n, order in zip(group, orders):
                n.order = order
        group[0].round = "before"
        for n in group[1:]:
            n.round = "after"
    return by_file_order


def _score_export(export: Export, mapping, rubric, cache, file: str, order: int = 0):
    """Map and score one file: (roles, notes, problems, warnings, has a round column)."""
    roles = detect_mapping(export, mapping)
    index = {role: k for k, h in enumerate(export.headers) for role in [roles[h]] if role != "ignore"}
    has_long = "note" in index
    has_wide = "note_before" in index or "note_after" in index
    if not has_long and not has_wide:
        raise DashboardError(
            f"{export.name}: no column holds the notes; say which one, e.g. mapping={{'Your note': 'note'}} "
            f"(columns: {', '.join(repr(h) for h in export.headers[:12])})")
    drafts = is_drafts_file(export)
    warnings = list(export.warnings)
    if "student" not in index:
        warnings.append("No column names the student, so before and after notes cannot be matched; "
                        "levels are still counted.")
    if "consent" not in index:
        warnings.append("No consent column: no student's note is shown as an example."
                        + (" (A drafts file has none: ask students' permission before showing one.)"
                           if drafts else ""))
    notes: list[Note] = []
    problems: list[Problem] = []
    width = len(export.headers)
    col = {h: k for k, h in enumerate(export.headers)}

    def scored(text: str):
        if text not in cache:
            cache[text] = score(text) if rubric is None else score(text, rubric=rubric)
        return cache[text]

    def problem(row: int, reason: str) -> None:
        problems.append(Problem(row, reason, file))

    for row, reason in export.malformed:
        problem(row, reason)
    for k, header in enumerate(export.headers):  # "text" twice: the second is "text (2)"; say so if unused
        twin = re.fullmatch(r"(.*) \((\d+)\)", header)
        if twin and roles[header] == "ignore" and twin[1] in roles and roles[twin[1]] != "ignore" \
                and any(_cell(rec, k) for _, rec in export.rows):
            warnings.append(f"the column {twin[1]!r} appears more than once; the {roles[twin[1]]} is read from "
                            f"the first, and column {k + 1} ({header!r}) is not used; map it "
                            f"(--map \"{header}=...\") if it is the one to read")
    for row, rec in export.rows:
        if not any(rec):
            problem(row, "empty row: nothing to score")
            continue
        if len(rec) > width and any(rec[width:]):
            problem(row, f"the row has {len(rec)} cells but the header has {width}; the extra cells were not read")
        student = _cell(rec, index.get("student"))
        consent_text = _cell(rec, index.get("consent"))
        consent = bool(_YES.match(consent_text)) and not _NO.match(consent_text)
        extra = {"file": file, "recipient": _cell(rec, index.get("recipient"))}
        if drafts:
            number = _cell(rec, col["draft"]).strip()
            extra.update(draft_id=_cell(rec, col["id"]).strip(), saved_at=_cell(rec, col["timestamp"]),
                         draft=int(float(number)) if re.fullmatch(r"\d{1,6}(\.0+)?", number) else None)
        items: list[tuple[str | None, str, str]] = []  # (round, text, column)
        if has_long:
            raw_round = _cell(rec, index.get("round"))
            round_ = _round(raw_round) if "round" in index else None
            items.append((round_, _cell(rec, index["note"]), "note"))
            if "round" in index and round_ is None:
                problem(row, f"the round {_short(raw_round, 40)!r} is neither before nor after: "
                             "the note is scored but not counted before or after"
                        if raw_round else "no round (before or after): the note is scored but "
                                          "not counted before or after")
        for role in ("note_before", "note_after"):
            if role in index:
                items.append((role.split("_")[1], _cell(rec, index[role]), role))
        any_note = False
        for round_, text, column in items:
            if not text.strip():
                if column == "note" and index["note"] >= len(rec):
                    problem(row, f"the row has {len(rec)} cell{'' if len(rec) == 1 else 's'} but the "
                                 f"header has {width}: no note cell; scored as a blank invitation")
                elif column == "note":
                    problem(row, "the note is empty: scored as a blank invitation (generic)")
                else:
                    continue  # a wide row may leave one of the two empty
            any_note = True
            order += 1
            notes.append(Note(row, student, round_, text, consent, order, scored(text), **extra))
        if not any_note:
            problem(row, "no note in this row")
        elif not student and "student" in index:
            problem(row, "no student name or id: the note counts, but cannot be matched "
                         "with the same student's other note")
    return roles, notes, problems, warnings, "round" in index


# ---------------------------------------------------------------------------------------------
# Styles

STYLE = """<style>
.wk-dash{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:900px}
.wk-dash table{border-collapse:collapse;margin:6px 0 12px;font-size:.95em}
.wk-dash caption{text-align:left;font-weight:700;padding:4px 0}
.wk-dash th,.wk-dash td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
.wk-dash .wk-note{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:6px 8px;white-space:pre-wrap;word-break:break-word}
.wk-dash .wk-tag{font-weight:700;font-size:.8em;color:#4b5563;text-transform:uppercase;margin-right:4px}
.wk-dash .wk-small{font-size:.9em;color:#4b5563}
.wk-dash .wk-example{border:1px solid #d0d7de;border-radius:8px;padding:4px 10px;margin:0 0 8px;max-width:760px}
.wk-dash .wk-example .wk-note{margin:4px 0}
</style>"""

SUMMARY_CSS = """
body{font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#fff}
main{max-width:980px;margin:0 auto;padding:16px}
h1{font-size:1.45em;margin:0 0 4px}h2{font-size:1.05em;margin:8px 0 4px}
.wk-small{font-size:.85em;color:#4b5563;margin:2px 0}
.wk-sim{background:#3b3b3b;color:#fff;font-weight:700;padding:4px 8px;border-radius:4px;margin:6px 0}
.wk-kpis{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0}
.wk-kpis div{flex:1 1 200px;border:1px solid #d0d7de;border-radius:8px;padding:6px 10px;font-size:.9em}
.wk-big{display:block;font-size:1.5em;font-weight:700;color:#0b5cad}
.wk-para{margin:6px 0;line-height:1.4}
.wk-charts{display:flex;gap:10px;flex-wrap:wrap}
.wk-charts figure{flex:1 1 420px;margin:0}
.wk-charts img{width:100%;height:auto}
.wk-cols{display:flex;gap:14px;flex-wrap:wrap}
.wk-cols section{flex:1 1 380px}
.wk-example{border:1px solid #d0d7de;border-radius:8px;padding:4px 8px;margin:0 0 6px;font-size:.85em}
.wk-example p{margin:3px 0}
.wk-note{background:#f6f8fa;border-radius:4px;padding:3px 6px;word-break:break-word}
.wk-tag{font-weight:700;font-size:.8em;color:#4b5563;text-transform:uppercase;margin-right:4px}
table{border-collapse:collapse;font-size:.85em;width:100%}
caption{text-align:left;font-weight:700;padding:2px 0}
th,td{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
"""
PDF_CSS = """
@page{size:Letter;margin:11mm}
main{padding:0;max-width:none}
body{font-size:9.5pt}
h1{font-size:15pt}
.wk-kpis,.wk-charts,.wk-cols{display:flex;flex-wrap:nowrap}
.wk-charts figure{flex:1 1 0}
.wk-cols section{flex:1 1 0}
.wk-example{page-break-inside:avoid}
"""
