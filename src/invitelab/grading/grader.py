"""Grade a class: every submission file gets one gradebook row, whatever it holds.

Written answers are read from the notebook as data and judged by the engine in this process (no
kernel: milliseconds a submission). Only exercises with code answers start kernels, one per
submission, in parallel, with a time limit (see ``execute``). The gradebook, the Canvas CSV and
the feedback files are written whole (temporary file, then rename), after everything is graded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from invitelab import default_rubric, kitdata
from invitelab.batch import safe_cell  # a name like =HYPERLINK(...) is shown as text, not run

from .answers import SubmissionError, code_cells, declared_exercise, find_answers, read_notebook
from .exercise import Exercise, load_exercise
from .feedback import ENGINE_KINDS, feedback_html
from .files import csv_text, write_atomic
from .judge import Context, Mark, judge
from .submissions import Submission, SubmissionsError, collect

DEFAULT_SOURCES = ("default", "default rubric")  # what `Rubric.source` says for the kit's own rubric
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


@dataclass
class Row:
    sub: Submission
    marks: list[Mark] = field(default_factory=list)
    status: str = "graded"
    messages: list[str] = field(default_factory=list)
    answers: dict = field(default_factory=dict)
    declares: str = ""  # the exercise id the notebook's metadata names, if any

    @property
    def total(self) -> float | None:
        if self.status == "error" and not self.marks:
            return None
        return sum(m.points or 0 for m in self.marks)


@dataclass
class Summary:
    rows: list[Row]
    exercise: Exercise
    skipped: int = 0
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rubric_source: str = "default"  # "default", or the rubric file's path as the instructor gave it

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.rows)

    @property
    def rubric_file(self) -> str:
        """The instructor's rubric file name ("" for the kit's default rubric)."""
        return "" if self.rubric_source in DEFAULT_SOURCES else Path(self.rubric_source).name

    @property
    def rubric_label(self) -> str:
        """The gradebook's rubric column: "default" or the file's name."""
        return self.rubric_file or "default"

    @property
    def rubric_words(self) -> str:
        """For the instructor: "the default rubric" or "your rubric my-rubric.toml"."""
        return f"your rubric {self.rubric_source}" if self.rubric_file else "the kit's default rubric"

    @property
    def rubric_is_used(self) -> bool:
        """Whether the rubric judges any answer of this exercise (keys and code checks ignore it)."""
        return any(q.kind in ENGINE_KINDS for q in self.exercise.questions)


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:g}"


def grade_submission(sub: Submission, exercise: Exercise, ctx: Context) -> tuple[Row, list[str] | None]:
    """Judge the written answers now; return the code cells to run if the exercise has code answers."""
    row = Row(sub)
    if sub.problem:
        row.status, row.messages = "error", [sub.problem]
        return row, None
    if not sub.file.lower().endswith(".ipynb"):
        row.status = "error"
        row.messages = [f"not a notebook ({Path(sub.file).name}); ask the student to submit the .ipynb file"]
        # a notebook renamed to .json or .txt is still graded, with a note
        try:
            nb = read_notebook(sub.data or b"")
        except SubmissionError:
            return row, None
        row.status, row.messages = "graded", [f"graded although the file is not named .ipynb ({Path(sub.file).name})"]
    else:
        try:
            nb = read_notebook(sub.data or b"")
        except SubmissionError as error:
            row.status, row.messages = "error", [str(error)]
            return row, None
    answers, notes = find_answers(nb, exercise)
    row.answers = answers
    row.declares = declared_exercise(nb)
    row.messages += notes
    if sub.late:
        row.messages.append("submitted late (the LMS marked the file LATE)")
    for q in exercise.questions:
        a = answers[q.id]
        for note in a.notes:
            row.messages.append(f"{q.id}: {note}")
        if q.kind == "code":
            continue
        row.marks.append(judge(q, a, ctx))
        if a.problem and not q.manual:
            row.messages.append(f"{q.id}: {a.problem}")
        elif a.blank and not a.found and not q.manual:
            row.messages.append(f"{q.id}: missing (no answer cell and no cell sets `{q.id}`)")
    manual = [q for q in exercise.questions if q.manual and not answers[q.id].blank]
    for q in manual:
        row.messages.append(f"{q.id} ({q.points:g} points) is left for the instructor to grade by hand")
    return row, (code_cells(nb) if exercise.needs_kernel else None)


def _finish_code(row: Row, exercise: Exercise, ctx: Context, run) -> None:
    for q in exercise.questions:
        if q.kind != "code":
            continue
        exported = run.values.get(q.id) if run is not None else None
        row.marks.append(judge(q, row.answers[q.id], ctx, exported))
    order = {q.id: i for i, q in enumerate(exercise.questions)}
    row.marks.sort(key=lambda m: order[m.question])
    if run is None:
        return
    if run.status != "ok":
        row.status = run.status
        row.messages.insert(0, run.message + "; the written answers were still graded")
    for err in run.errors:
        if run.status == "timeout" and "KeyboardInterrupt" in err:
            continue  # the grader's own interrupt at the time limit
        row.messages.append(f"code: {err}")




TEMPLATE_LEFT = ("left as", "the example")  # how answers untouched since the blank notebook are described


def _unanswered(row: Row, exercise: Exercise) -> None:
    """One message naming every question the student left unanswered, and how."""
    left = [(exercise.question(m.question), m.unanswered) for m in row.marks if m.unanswered]
    if not left:
        return
    if len(left) == len(exercise.questions) and all(why.startswith(TEMPLATE_LEFT) for _, why in left):
        row.messages.insert(0, "did not answer any question: every answer is as the blank student notebook has "
                               "it (was the notebook saved before it was uploaded?)")
        return
    row.messages.insert(0, ("did not answer any question: " if len(left) == len(exercise.questions) else "did not answer ")
                        + ", ".join(f"{q.name} ({why})" for q, why in left))


def _rubric_effect(summary: Summary, default_ctx: Context) -> str:
    """What the instructor's rubric changed: how many submissions' points differ from the default's."""
    ex, head = summary.exercise, f"{summary.rubric_words}"
    engine = [q for q in ex.questions if q.kind in ENGINE_KINDS]
    if not engine:
        return (f"{head} changes nothing in {ex.id}: its answers are checked against your key"
                + (" and by you" if ex.manual_points else "") + ", not by the rubric")
    changed = graded = 0
    for row in summary.rows:
        marks = {m.question: m for m in row.marks}
        if not marks:
            continue
        graded += 1
        for q in engine:
            mark = marks.get(q.id)
            if mark is not None and mark.points is not None and not mark.unanswered and q.id in row.answers:
                if judge(q, row.answers[q.id], default_ctx).points != mark.points:
                    changed += 1
                    break
    if changed:
        return f"{head} gives {changed} of {graded} graded submissions other points than the default rubric would"
    return (f"{head} gives every submission the same points as the default rubric would (a weight moves a note "
            "only inside its level's band; to make a missing part cost more, narrow a band: see the grading guide)")


def _refuse_another_exercise(rows: list[Row], ex: Exercise) -> None:
    """Stop (before any kernel starts or anything is written) when most notebooks say they are
    another exercise: the instructor named the wrong one, and would upload a class of zeros."""
    named = [r.declares for r in rows if r.declares]
    others = [d for d in named if d != ex.id]
    if named and len(others) * 2 > len(named):
        common = max(set(others), key=others.count)
        raise SubmissionsError(
            f"{others.count(common)} of {len(named)} notebooks say they are exercise {common!r}, not {ex.id!r}: "
            f"grade them with `invitelab grade {common} ...`; nothing was written")


def _internal(error: Exception) -> str:
    detail = " ".join(str(error).split())[:200]
    return (f"the grader could not grade this file ({type(error).__name__}: {detail}); grade it by hand "
            "and please report it")


def grade(exercise: str | Path, submissions: str | Path, *, jobs: int = 2, timeout: float = 60,
          rubric=None, profiles: dict | None = None) -> Summary:
    ex = load_exercise(exercise)
    rubric = rubric or default_rubric()
    ctx = Context(profiles if profiles is not None else kitdata.profiles(), rubric)
    subs, skipped = collect(submissions)
    if not subs:
        raise SubmissionsError(f"{submissions}: holds no submissions" + (f" (only {skipped} system files)" if skipped else "")
                               + "; nothing was written")
    rows, pending = [], {}
    for i, sub in enumerate(subs):
        try:
            row, cells = grade_submission(sub, ex, ctx)
        except Exception as error:  # noqa: BLE001 - one odd file must not stop a class's grading
            row, cells = Row(sub, status="error", messages=[_internal(error)]), None
        rows.append(row)
        if cells is not None:
            pending[i] = cells
    _refuse_another_exercise(rows, ex)
    if pending:
        from .execute import run_code

        names = [q.id for q in ex.questions if q.kind == "code"]
        runs = run_code(pending, names, timeout=timeout, parallel=jobs)
    else:
        runs = {}
    for i, row in enumerate(rows):
        try:
            if i in pending:
                _finish_code(row, ex, ctx, runs.get(i))
            elif ex.needs_kernel and row.status != "error":
                _finish_code(row, ex, ctx, None)
        except Exception as error:  # noqa: BLE001
            row.status, row.marks = "error", []
            row.messages.append(_internal(error))
        _unanswered(row, ex)
    by_student: dict[str, list[Row]] = {}
    for row in rows:
        by_student.setdefault(row.sub.student.lower(), []).append(row)
    summary = Summary(rows, ex, skipped, rubric_source=getattr(rubric, "source", "default") or "default")
    if summary.rubric_file:
        summary.warnings.append(_rubric_effect(summary, Context(ctx.profiles, default_rubric())))
    for group in by_student.values():
        if len(group) > 1:
            files = ", ".join(r.sub.file for r in group)
            for row in group:
                row.messages.append(f"this student has {len(group)} files ({files}); each is graded, none merged")
    return summary


def gradebook_text(summary: Summary) -> str:
    qids = [q.id for q in summary.exercise.questions]
    header = ["student", "file", *qids, "total", "max", "status", "message", "rubric"]
    body = []
    for row in summary.rows:
        points = {m.question: m.points for m in row.marks}
        body.append([safe_cell(row.sub.student), safe_cell(row.sub.file), *(_fmt(points.get(q)) for q in qids),
                     _fmt(row.total), _fmt(summary.exercise.max_points), row.status, "; ".join(row.messages),
                     safe_cell(summary.rubric_label)])
    return csv_text(header, body)


def canvas_text(summary: Summary, assignment_id: str = "") -> tuple[str, list[str]]:
    """Canvas gradebook import: one row per student; a student with several files is left blank."""
    ex = summary.exercise
    column = f"{ex.title} ({assignment_id})" if assignment_id else ex.title
    body = [["Points Possible", "", "", "", "", _fmt(ex.max_points)]]
    groups: dict[str, list[Row]] = {}
    for row in summary.rows:
        groups.setdefault(row.sub.student.lower(), []).append(row)
    warnings = []
    for group in groups.values():
        first = group[0]
        usable = [r for r in group if r.status != "error"]
        if len(group) > 1 and len(usable) == 1:
            value = _fmt(usable[0].total)
            warnings.append(f"{first.sub.student}: {len(group)} files; the Canvas CSV uses the only gradable one, "
                            f"{usable[0].sub.file}")
        elif len(group) > 1:
            warnings.append(f"{first.sub.student}: {len(group)} files, left blank in the Canvas CSV; choose one")
            value = ""
        else:
            value = _fmt(first.total)
        body.append([safe_cell(first.sub.student), first.sub.user_id, "", "", "", value])
    return csv_text([*CANVAS_HEADER, column], body), warnings


def _feedback_name(row: Row, several: bool) -> str:
    base = re.sub(r"[^\w.-]+", "_", row.sub.student).strip("._") or "student"  # letters of any script
    if several:
        base += "--" + re.sub(r"[^\w.-]+", "_", Path(row.sub.file).stem)
    return base[:120]


def feedback_names(rows: list[Row]) -> list[str]:
    """One file name per row, never the same twice (case-insensitive, as on macOS and Windows):
    "a<b" and "a>b", or two names in another script, must not overwrite each other's page."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.sub.student.lower()] = counts.get(row.sub.student.lower(), 0) + 1
    names, used = [], set()
    for row in rows:
        base = _feedback_name(row, counts[row.sub.student.lower()] > 1)
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        names.append(name + ".html")
    return names


class GradingInterrupted(KeyboardInterrupt):
    """Ctrl-C while the outputs were being written: says which files are whole (one line)."""


def write_outputs(summary: Summary, output: str | Path | None, feedback_dir: str | Path | None,
                  canvas: str | Path | None, assignment_id: str = "") -> None:
    """Everything is rendered first, then each file is written whole (temporary file + rename):
    the feedback files, the Canvas CSV, and the gradebook last, so an interrupted run leaves the
    old gradebook (or none), never a new one beside missing feedback."""
    files: list[tuple[Path, str]] = []
    if feedback_dir:
        for row, name in zip(summary.rows, feedback_names(summary.rows)):
            files.append((Path(feedback_dir) / name, feedback_html(row, summary.exercise, summary.rubric_file)))
    if canvas:
        text, warnings = canvas_text(summary, assignment_id)
        summary.warnings += warnings
        files.append((Path(canvas), text))
    if output:
        files.append((Path(output), gradebook_text(summary)))
    for path, text in files:
        try:
            write_atomic(path, text)
        except KeyboardInterrupt:
            done = len(summary.written)
            raise GradingInterrupted(
                f"interrupted: {done} of {len(files)} files written, each whole; "
                + (f"{output} was not written (an older one is left as it was)" if output else
                   "the rest were not written")) from None
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(path)) from None
        summary.written.append(str(path))
