"""Score a CSV of invitations: one output row per input row, problems in an `error` column.

Input: a `text` column and optional `id`, `recipient_id`, `sender_id` (UTF-8, with or without a
byte-order mark; UTF-16 with a byte-order mark too). Output: `id`, `score`, `level`, one column
per criterion, `error`. Rows are read and written a chunk at a time, so memory stays flat however
many rows there are.

Nothing is lost or changed without a word:
- the file is read once before anything is written, so a file-level problem (no `text` column, a
  column given twice, a quote that is never closed) stops the run with one line and no output;
- every input row, blank or broken ones included, gives exactly one output row, in order; a row
  that cannot be scored keeps its place with the problem in `error`, and the summary counts them;
- the output file is written beside the target under a temporary name and renamed at the end, so
  it appears whole or not at all; a target that is the input, a link, a device or a folder is
  refused;
- an interrupted run (Ctrl-C) writes nothing to a file, and in standard-output mode ends with a
  row saying the output is cut;
- cells that a spreadsheet would run as a formula (=, +, -, @) are written with a leading
  apostrophe.
"""
from __future__ import annotations

import csv
import io
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .engine import score
from .normalize import without_invisible
from .profiles import Profile
from .rubric import CRITERION_IDS, Rubric

OUTPUT_COLUMNS = ("id", "score", "level", *CRITERION_IDS, "error")
KNOWN_COLUMNS = ("id", "text", "recipient_id", "sender_id")
csv.field_size_limit(64 * 1024 * 1024)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class BatchError(ValueError):
    """The whole file cannot be scored (exit status 2); the message is one line."""


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run; the message says what was (not) written."""


@dataclass
class BatchSummary:
    rows: int = 0  # rows read (= rows written)
    scored: int = 0
    errors: int = 0
    problems: Counter = field(default_factory=Counter)  # kind of problem -> rows

    def problems_text(self) -> str:
        return ", ".join(f"{n} {kind}" for kind, n in self.problems.most_common())


def _undecodable(value: str) -> int | None:
    for ch in value:
        if "\udc80" <= ch <= "\udcff":
            return ord(ch) - 0xDC00
    return None


def _open_text(path: Path):
    """The file as text: BOM-aware (UTF-8 or UTF-16), undecodable bytes kept as surrogates."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise BatchError(f"{path}: cannot read the file ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BatchError(f"{path}: is a folder, not a CSV file")
    if not stat.S_ISREG(info.st_mode):
        raise BatchError(f"{path}: is not a regular file (a device or a pipe); save the CSV to a file first")
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise BatchError(f"{path}: cannot read the file ({error.strerror or error})") from None
    head = handle.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        handle.seek(0)
        return io.TextIOWrapper(handle, encoding="utf-16", errors="surrogateescape", newline="")
    handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
    return io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")


def _records(path: Path) -> Iterator[tuple[int, list[str] | None, str]]:
    """Yield (row number, cells or None, problem) for the header (row 1) and each data row.

    Parsing is strict about quotes, so a quote that is never closed is found (it would otherwise
    swallow the rest of the file into one note) and raises BatchError."""
    with _open_text(path) as text:
        reader = csv.reader(text, strict=True)
        number = 0
        while True:
            number += 1
            start_line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except UnicodeError:
                raise BatchError(f"{path}: not readable text (is this a CSV file, saved as UTF-8?)") from None
            except csv.Error as error:
                if "end of data" in str(error) or "EOF" in str(error):
                    raise BatchError(
                        f"{path}: row {number} (line {start_line}) opens a quote (\") that is never closed, so the "
                        f"rest of the file would be read as one note; close the quote or remove it") from None
                yield number, None, f"row {number}: malformed CSV ({error})"
                continue
            yield number, values, ""


def _header(path: Path, records) -> list[str]:
    try:
        _, header, problem = next(records)
    except StopIteration:
        raise BatchError(f"{path}: the file is empty (no header row with a 'text' column)") from None
    if header is None:
        raise BatchError(f"{path}: not a readable CSV file ({problem.partition(': ')[2]})")
    names = [h.strip().lower() for h in header]
    if "text" not in names:
        if any(_undecodable(h) is not None or "\x00" in h for h in header):
            raise BatchError(f"{path}: the header row is not readable text (is this a CSV file, saved as UTF-8?)")
        shown = ", ".join(repr(h) for h in header[:8]) or "none"
        raise BatchError(f"{path}: no 'text' column (columns found: {shown})")
    for name in KNOWN_COLUMNS:
        where = [str(i + 1) for i, n in enumerate(names) if n == name]
        if len(where) > 1:
            raise BatchError(f"{path}: the column {name!r} appears {len(where)} times (columns "
                             f"{', '.join(where)}); keep one")
    return names


def check_file(path: str | Path) -> int:
    """Read the whole file once: raise BatchError for a file-level problem, else return the number
    of data rows (each will give one output row)."""
    path = Path(path)
    records = _records(path)
    _header(path, records)
    return sum(1 for _ in records)


def open_rows(path: str | Path) -> Iterator[tuple[int, dict[str, str] | None, str]]:
    """Yield (row number, row or None, problem) for each data row; raise BatchError for the file."""
    path = Path(path)
    records = _records(path)
    names = _header(path, records)
    text_at = names.index("text")
    for number, values, problem in records:
        if values is None:
            yield number, None, problem
            continue
        row = {names[i]: values[i] for i in range(min(len(names), len(values)))}
        if not values or all(not v.strip() for v in values):
            yield number, row, f"row {number}: blank row (no text)"
        elif len(values) > len(names):
            yield number, row, f"row {number}: {len(values) - len(names)} more cells than columns"
        elif len(values) <= text_at:
            yield number, row, (f"row {number}: no text cell (the row has {len(values)} "
                                f"{'cell' if len(values) == 1 else 'cells'}, the header {len(names)})")
        else:
            yield number, row, ""


def _kind(problem: str) -> str:
    """A short name for a problem, for the summary ('blank', 'unknown recipient id', ...)."""
    first = problem.split("; ")[0].partition(": ")[2]
    for words, kind in (("blank row", "blank"), ("no text cell", "no text cell"),
                        ("more cells than columns", "extra cells"), ("malformed CSV", "malformed CSV"),
                        ("not UTF-8", "not UTF-8"), ("unknown recipient id", "unknown recipient id"),
                        ("unknown sender id", "unknown sender id"), ("could not score", "could not score")):
        if words in first:
            return kind
    return "other"


def _prepare(number: int, row: dict[str, str] | None, problem: str, people: dict[str, Profile]):
    """Check one input row: (output row, job) where job is None when the row cannot be scored."""
    out = {c: "" for c in OUTPUT_COLUMNS}
    row = row or {}
    out["id"] = (row.get("id") or "").strip() or str(number - 1)
    if _undecodable(out["id"]) is not None:
        out["id"] = str(number - 1)
    if problem:
        out["error"] = problem
        return out, None
    text = row.get("text", "")
    problems = []
    bad = _undecodable(text)
    if bad is not None:
        problems.append(f"row {number}: the text is not UTF-8 (byte 0x{bad:02x}); save the file as CSV UTF-8")
    ids = []
    for column, role in (("recipient_id", "recipient"), ("sender_id", "sender")):
        value = (row.get(column) or "").strip()
        ids.append(value or None)
        if _undecodable(value) is not None:
            problems.append(f"row {number}: {column} is not UTF-8")
        elif value and value not in people:
            problems.append(f"row {number}: unknown {role} id {value!r}")
    if problems:
        out["error"] = "; ".join(problems)
        return out, None
    return out, (number, text, ids[0], ids[1])


# State of a worker process (set once by _init_worker, so profiles are sent once, not per row).
_WORKER: dict = {}


def _init_worker(people: dict[str, Profile], rubric: Rubric | None, limit: int | None, ignore_sigint=False) -> None:
    if ignore_sigint:  # Ctrl-C is for the main process, which stops the workers itself
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(people=people, rubric=rubric, limit=limit)


def _score_one(job: tuple[int, str, str | None, str | None]) -> tuple[str, str, dict[str, str]] | str:
    number, text, rid, sid = job
    people = _WORKER["people"]
    try:
        text = without_invisible(text).text
        result = score(text, recipient=people.get(rid) if rid else None, sender=people.get(sid) if sid else None,
                       limit=_WORKER["limit"], rubric=_WORKER["rubric"])
    except Exception as error:  # the engine must never stop a batch; report and go on
        return f"row {number}: could not score ({type(error).__name__}: {error})"
    return f"{result.score:.1f}", result.level, {f.criterion: f.status for f in result.findings}


def _fill(out: dict[str, str], scored) -> dict[str, str]:
    if isinstance(scored, str):
        out["error"] = scored
    else:
        out["score"], out["level"], statuses = scored
        out.update(statuses)
    return out


PARALLEL_CHUNK = 2000  # rows read, scored by the worker processes, and written at a time


def score_rows(
    path: str | Path,
    people: dict[str, Profile],
    rubric: Rubric | None = None,
    limit: int | None = None,
    workers: int | None = None,
) -> Iterator[dict[str, str]]:
    """Score each row of a CSV file; yields output rows (dicts with OUTPUT_COLUMNS), in order.

    Rows are handled a chunk at a time, so memory stays flat. When the file has more than one
    chunk and the machine more than one core, the chunks after the first are scored by worker
    processes (`workers`, default: the number of cores). If the run is stopped (Ctrl-C, or the
    caller closes the generator), the workers are terminated at once."""
    rows = open_rows(path)
    _init_worker(people, rubric, limit)
    pool = None
    finished = False
    try:
        while True:
            chunk = [_prepare(number, row, problem, people) for number, row, problem in
                     (next(rows, (None, None, None)) for _ in range(PARALLEL_CHUNK)) if number is not None]
            if not chunk:
                finished = True
                return
            jobs = [job for _, job in chunk if job is not None]
            if pool is None and len(chunk) == PARALLEL_CHUNK and (workers or os.cpu_count() or 1) > 1:
                pool = _start_pool(people, rubric, limit, workers)
            if pool is not None and jobs:
                results = iter(pool.map(_score_one, jobs, chunksize=64))
            else:
                results = map(_score_one, jobs)
            for out, job in chunk:
                yield out if job is None else _fill(out, next(results))
    finally:
        if pool is not None:
            if finished:
                pool.close()
            else:
                pool.terminate()
            pool.join()


def _start_pool(people, rubric, limit, workers):
    import multiprocessing
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # forked workers start ignoring Ctrl-C
    except ValueError:  # not the main thread (a notebook's worker thread): the initializer does it
        previous = None
    try:
        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        return (context or multiprocessing).Pool(workers or os.cpu_count(), initializer=_init_worker,
                                                 initargs=(people, rubric, limit, True))
    except (OSError, ValueError, ImportError):  # no processes here (Pyodide, a locked-down host): go on in one
        return None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with =, +, -, @ (a formula) gets an apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_scores(rows: Iterator[dict[str, str]], out: IO[str], summary: BatchSummary | None = None) -> BatchSummary:
    writer = csv.DictWriter(out, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    summary = summary if summary is not None else BatchSummary()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        summary.rows += 1
        if row["error"]:
            summary.errors += 1
            summary.problems[_kind(row["error"])] += 1
        else:
            summary.scored += 1
    return summary


def check_output_path(out_path: str | Path, in_path: str | Path) -> Path:
    """Refuse an output that would destroy something: the input itself, a link, a device, a folder."""
    out_path = Path(out_path)
    try:
        info = os.lstat(out_path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise BatchError(f"{out_path}: cannot write ({error.strerror or error})") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise BatchError(f"{out_path}: is a link; name a regular file for the output (the link is left alone)")
        if stat.S_ISDIR(info.st_mode):
            raise BatchError(f"{out_path}: is a folder; name a file for the output, such as {out_path / 'scored.csv'}")
        if not stat.S_ISREG(info.st_mode):
            raise BatchError(f"{out_path}: is not a regular file (a device or a pipe); name a regular file, "
                             "or leave out -o to write to standard output")
        try:
            same = os.path.samefile(out_path, in_path)
        except OSError:
            same = False
        if same:
            raise BatchError(f"{out_path}: is the input file; writing there would replace the notes with their "
                             "scores. Name another file, such as scored.csv")
    folder = out_path.parent
    if not folder.is_dir():
        raise BatchError(f"{out_path}: cannot write (the folder {str(folder)!r} does not exist)")
    return out_path


def _cut_row(summary: BatchSummary, total: int) -> dict[str, str]:
    row = {c: "" for c in OUTPUT_COLUMNS}
    row["id"] = "INTERRUPTED"
    row["error"] = (f"interrupted: the output stops here, after {summary.rows} of {total} rows; "
                    "this file is incomplete, run the command again")
    return row


def score_csv(
    path: str | Path,
    out_path: str | Path | None,
    people: dict[str, Profile],
    rubric: Rubric | None = None,
    limit: int | None = None,
    workers: int | None = None,
    stdout: IO[str] | None = None,
) -> BatchSummary:
    """Score `path` into `out_path` (standard output when None or "-").

    Raises BatchError (one line) when the file cannot be scored, and BatchInterrupted on Ctrl-C.
    The output file appears whole or not at all."""
    path = Path(path)
    to_file = out_path is not None and str(out_path) != "-"
    if to_file:
        out_path = check_output_path(out_path, path)
    total = check_file(path)  # file-level problems stop the run before anything is written
    summary = BatchSummary()
    if not to_file:
        out = stdout or sys.stdout
        try:
            write_scores(score_rows(path, people, rubric, limit, workers), out, summary)
        except KeyboardInterrupt:
            csv.DictWriter(out, fieldnames=OUTPUT_COLUMNS, lineterminator="\n").writerow(_cut_row(summary, total))
            out.flush()
            raise BatchInterrupted(f"interrupted: the output above is cut after {summary.rows} of {total} rows "
                                   "(its last row says so)") from None
        _reconcile(summary, total, path)
        return summary
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".partial", dir=out_path.parent)
    except OSError as error:
        raise BatchError(f"{out_path}: cannot write ({error.strerror or error})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write_scores(score_rows(path, people, rubric, limit, workers), handle, summary)
            handle.flush()
            os.fsync(handle.fileno())
        _reconcile(summary, total, path)
        _set_mode(tmp, out_path)
        os.replace(tmp, out_path)
    except KeyboardInterrupt:
        tmp.unlink(missing_ok=True)
        raise BatchInterrupted("interrupted: nothing written") from None
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise BatchError(f"{out_path}: cannot write ({error.strerror or error}); nothing written") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return summary


def _reconcile(summary: BatchSummary, total: int, path: Path) -> None:
    if summary.rows != total:  # a bug, never a silent loss
        raise BatchError(f"{path}: read {total} rows but {summary.rows} were scored or reported; "
                         "nothing written (please report this)")


def _set_mode(tmp: Path, target: Path) -> None:
    """Give the new file the mode the old one had (or the usual one), not the temporary file's 0600."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
