"""The ``invitelab grade`` and ``invitelab exercises`` sub-commands (registered from cli.py)."""
from __future__ import annotations

import argparse
import sys

EXAMPLES_GRADE = """examples:
  invitelab grade write-three submissions.zip -o gradebook.csv --feedback feedback/
  invitelab grade write-three submissions.zip -o gradebook.csv --canvas   (also gradebook-canvas.csv)
  invitelab grade data-acceptance submissions/ -o gradebook.csv --jobs 2 --timeout 60
  invitelab grade write-three submissions.zip -o gradebook.csv --rubric my-rubric.toml   (regrade)

EXERCISE is an id (invitelab exercises list) or a path to a source.ipynb.
SUBMISSIONS is a folder (one file per student, or a folder per student as Moodle and nbgrader
keep them) or the zip Canvas's "Download Submissions" gives. Every file gets one gradebook row:
student, file, one column per question, total, max, status (graded, error, timeout), message.
"""


def add_subcommands(sub) -> None:
    grade = sub.add_parser("grade", help="grade a class's exercise notebooks", epilog=EXAMPLES_GRADE,
                           formatter_class=argparse.RawDescriptionHelpFormatter,
                           description="Grade every submitted notebook of one exercise.")
    grade.add_argument("exercise", metavar="EXERCISE", help="exercise id or path to its source.ipynb")
    grade.add_argument("submissions", metavar="SUBMISSIONS", help="folder or zip of submitted notebooks")
    grade.add_argument("-o", "--output", metavar="GRADEBOOK.csv", help="gradebook CSV (default, or -: standard output)")
    grade.add_argument("--feedback", metavar="DIR", help="write one HTML feedback file per submission here")
    grade.add_argument("--canvas", action="store_true",
                       help="also write GRADEBOOK-canvas.csv for Canvas's gradebook import")
    grade.add_argument("--canvas-assignment", metavar="ID", default="",
                       help="the Canvas assignment id, for the column name 'Title (ID)'")
    grade.add_argument("--jobs", type=int, default=2, metavar="N", help="kernels to run at once (code answers)")
    grade.add_argument("--timeout", type=float, default=60, metavar="S", help="seconds one submission's code may run")
    grade.add_argument("--rubric", metavar="FILE", help="your rubric file (TOML): regrade with changed weights")
    grade.add_argument("--profiles", metavar="FILE", help="profile file (default: the kit's data/profiles.json)")
    grade.set_defaults(func=cmd_grade)

    ex = sub.add_parser("exercises", help="list the exercises, or build the student notebooks",
                        description="build: derive each exercises/<id>/exercise.ipynb from its source.ipynb; "
                                    "check: fail if one is stale; list: show the exercises.")
    ex.add_argument("action", choices=["list", "build", "check"], help="what to do")
    ex.set_defaults(func=cmd_exercises)


def _fail(message: str) -> int:
    print(f"invitelab: error: {message}", file=sys.stderr)
    return 2


def _inside_submissions(submissions: str, outputs: list) -> str:
    """Why an output would overwrite the submissions or land among them ("" when none would)."""
    from pathlib import Path

    root = Path(submissions).resolve()
    for out in outputs:
        if not out:
            continue
        path = Path(out).resolve()
        if path == root:
            what = "folder" if root.is_dir() else "zip" if root.suffix.lower() == ".zip" else "file"
            return (f"{out} is the submissions {what} itself; writing there would destroy the students' files. "
                    "Write the gradebook and feedback elsewhere")
        if root.is_dir() and root in path.parents:
            return (f"{out} is inside the submissions ({submissions}); write the gradebook and feedback elsewhere, "
                    "or the next run would grade them too" + (" (and this one would replace a student's file)"
                                                             if path.is_file() else ""))
    return ""


def cmd_grade(args) -> int:
    from pathlib import Path

    from invitelab import ProfileError, RubricError, load_profiles, load_rubric

    from .exercise import ExerciseError, source_path
    from .files import OutputError, check_output
    from .grader import GradingInterrupted, grade, gradebook_text, write_outputs
    from .submissions import SubmissionsError

    if args.output == "-":  # as for `invitelab score`: standard output
        args.output = None
    if args.jobs < 1 or args.timeout <= 0:
        return _fail("--jobs must be at least 1 and --timeout more than 0 seconds")
    canvas = None
    if args.canvas:
        canvas = str(Path(args.output).with_name(Path(args.output).stem + "-canvas.csv")) if args.output else "canvas.csv"
    try:
        # every output is checked before anything is graded: a mistake costs no grading time
        inside = _inside_submissions(args.submissions, [args.output, canvas, args.feedback])
        if inside:
            return _fail(inside)
        inputs = [args.submissions, source_path(args.exercise), args.rubric, args.profiles]
        for out in (args.output, canvas):
            if out:
                check_output(out, inputs)
        if args.feedback:
            check_output(args.feedback, inputs, folder=True, create_parent=True)
        rubric = load_rubric(args.rubric) if args.rubric else None
        profiles = load_profiles(args.profiles) if args.profiles else None
        summary = grade(args.exercise, args.submissions, jobs=args.jobs, timeout=args.timeout,
                        rubric=rubric, profiles=profiles)
        write_outputs(summary, args.output, args.feedback, canvas, args.canvas_assignment)
    except (ExerciseError, SubmissionsError, RubricError, ProfileError, OutputError) as error:
        return _fail(str(error))
    except GradingInterrupted as interrupted:
        print(f"invitelab: {interrupted}", file=sys.stderr)
        return 130
    except OSError as error:
        return _fail(f"cannot write {error.filename or 'the output'}: {error.strerror or error}; "
                     "the files written before it are whole, the others were not written")
    if not args.output:
        sys.stdout.write(gradebook_text(summary))
    counts = ", ".join(f"{summary.count(s)} {s}" for s in ("graded", "timeout", "error") if summary.count(s))
    print(f"{len(summary.rows)} submissions of {summary.exercise.id}: {counts or 'none'}"
          + (f"; {summary.skipped} system files skipped" if summary.skipped else "")
          + (f"; scored with {summary.rubric_words}" if summary.rubric_is_used or summary.rubric_file else ""),
          file=sys.stderr)
    for line in summary.warnings:
        print(f"note: {line}", file=sys.stderr)
    for path in summary.written:
        if not (args.feedback and path.startswith(str(Path(args.feedback)))):
            print(f"wrote {path}", file=sys.stderr)
    if args.feedback:
        print(f"wrote {len(summary.rows)} feedback files in {args.feedback}", file=sys.stderr)
    return 0


def cmd_exercises(args) -> int:
    from .exercise import ExerciseError, build_all, exercise_ids, load_exercise

    try:
        if args.action == "list":
            for eid in exercise_ids():
                ex = load_exercise(eid)
                print(f"{eid:18s} {ex.title} ({ex.max_points:g} points"
                      + (f" + {ex.manual_points:g} by hand" if ex.manual_points else "")
                      + (", runs code" if ex.needs_kernel else "") + ")")
            return 0
        report = build_all(check_only=args.action == "check")
    except ExerciseError as error:
        return _fail(str(error))
    for eid, what in report:
        print(f"{eid}: {what}")
    return 1 if any(what.startswith("STALE") for _, what in report) else 0
