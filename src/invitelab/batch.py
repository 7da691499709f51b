"""Score a CSV of invitations: one output row per input row, problems in an `error` column.

Input: a `text` column and optional `id`, `recipient_id`, `sender_id` (UTF-8, with or without a
byte-order mark). Output: `id`, `score`, `level`, one column per criterion, `error`. Rows are read
and written one at a time, so memory stays flat however many rows there are.
"""
from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .engine import score
from .profiles import Profile
from .rubric import CRITERION_IDS, Rubric

OUTPUT_COLUMNS = ("id", "score", "level", *CRITERION_IDS, "error")
csv.field_size_limit(64 * 1024 * 1024)


class BatchError(ValueError):
    """The whole file cannot be scored (exit status 2); the message is one line."""


@dataclass
class BatchSummary:
    rows: int = 0
    scored: int = 0
    errors: int = 0


def _undecodable(value: str) -> int | None:
    for ch in value:
        if "\udc80" <= ch <= "\udcff":
            return ord(ch) - 0xDC00
    return None


def open_rows(path: str | Path) -> Iterator[tuple[int, dict[str, str] | None, str]]:
    """Yield (row number, row or None, problem) for each data row; raise BatchError for the file."""
    path = Path(path)
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise BatchError(f"{path}: cannot read the file ({error.strerror or error})") from None
    with handle:
        head = handle.read(4)
        handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        text = io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            raise BatchError(f"{path}: the file is empty (no header row with a 'text' column)") from None
        except csv.Error as error:
            raise BatchError(f"{path}: not a readable CSV file ({error})") from None
        names = [h.strip().lower() for h in header]
        if "text" not in names:
            if any("\udc80" <= c <= "\udcff" for h in header for c in h):
                raise BatchError(f"{path}: the header row is not readable text (is this a CSV file, saved as UTF-8?)")
            shown = ", ".join(repr(h) for h in header[:8]) or "none"
            raise BatchError(f"{path}: no 'text' column (columns found: {shown})")
        row_number = 1
        while True:
            row_number += 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield row_number, None, f"row {row_number}: malformed CSV ({error})"
                continue
            if not values or all(not v.strip() for v in values):
                continue
            row = {names[i]: values[i] for i in range(min(len(names), len(values)))}
            if len(values) > len(names):
                yield row_number, row, f"row {row_number}: {len(values) - len(names)} more cells than columns"
                continue
            yield row_number, row, ""


def _prepare(number: int, row: dict[str, str] | None, problem: str, people: dict[str, Profile]):
    """Check one input row: (output row, text, recipient id, sender id), or an output row with an error."""
    out = {c: "" for c in OUTPUT_COLUMNS}
    row = row or {}
    out["id"] = (row.get("id") or "").strip() or str(number - 1)
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
    if _undecodable(out["id"]) is not None:
        out["id"] = str(number - 1)
    if problems:
        out["error"] = "; ".join(problems)
        return out, None
    return out, (number, text, ids[0], ids[1])


# State of a worker process (set once by _init_worker, so profiles are sent once, not per row).
_WORKER: dict = {}


def _init_worker(people: dict[str, Profile], rubric: Rubric | None, limit: int | None) -> None:
    _WORKER.update(people=people, rubric=rubric, limit=limit)


def _score_one(job: tuple[int, str, str | None, str | None]) -> tuple[str, str, dict[str, str]] | str:
    number, text, rid, sid = job
    people = _WORKER["people"]
    try:
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
    processes (`workers`, default: the number of cores)."""
    rows = open_rows(path)
    _init_worker(people, rubric, limit)
    pool = None
    try:
        while True:
            chunk = [_prepare(number, row, problem, people) for number, row, problem in
                     (next(rows, (None, None, None)) for _ in range(PARALLEL_CHUNK)) if number is not None]
            if not chunk:
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
            pool.close()
            pool.join()


def _start_pool(people, rubric, limit, workers):
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        return (context or multiprocessing).Pool(workers or os.cpu_count(), initializer=_init_worker,
                                                 initargs=(people, rubric, limit))
    except (OSError, ValueError, ImportError):  # no processes here (Pyodide, a locked-down host): go on in one
        return None


def write_scores(rows: Iterator[dict[str, str]], out: IO[str]) -> BatchSummary:
    writer = csv.DictWriter(out, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    summary = BatchSummary()
    for row in rows:
        writer.writerow(row)
        summary.rows += 1
        if row["error"]:
            summary.errors += 1
        else:
            summary.scored += 1
    return summary


def score_csv(
    path: str | Path,
    out_path: str | Path | None,
    people: dict[str, Profile],
    rubric: Rubric | None = None,
    limit: int | None = None,
) -> BatchSummary:
    """Score `path` into `out_path` (standard output when None). The output file appears whole
    or not at all (it is written beside the target, then renamed)."""
    rows = score_rows(path, people, rubric, limit)
    if out_path is None:
        first = next(rows, None)  # raise file-level errors before writing a header
        def chain():
            if first is not None:
                yield first
            yield from rows
        return write_scores(chain(), sys.stdout)
    out_path = Path(out_path)
    first = next(rows, None)
    tmp = out_path.with_name(out_path.name + ".partial")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            def chain():
                if first is not None:
                    yield first
                yield from rows
            summary = write_scores(chain(), handle)
        tmp.replace(out_path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise BatchError(f"{out_path}: cannot write ({error.strerror or error})") from None
    return summary
