"""Command-line sub-commands of the workshop kit, added to ``invitelab`` by :mod:`invitelab.cli`:

    invitelab forms -o DIR           the form-tool imports (Google Forms script, Qualtrics TXT)
    invitelab dashboard ANSWERS.csv|FOLDER ... [-o DIR] [--map COLUMN=ROLE ...]   the class summary
    invitelab slides -o DIR [--pdf]   the workshop deck (offline reveal.js folder, optional PDF)
    invitelab handouts -o DIR [--paper letter|a4|both] [--rubric FILE]   the printable handouts (PDF)

Kept here so cli.py needs only a few lines; errors become the CLI's one-line CliError.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLES_FORMS = """examples:
  invitelab forms -o workshop-forms
      writes workshop-forms/invitelab-forms.gs (Google Forms: paste at script.google.com, Run)
      and workshop-forms/invitelab-forms-qualtrics.txt (Qualtrics: Import survey)
"""
EXAMPLES_DASHBOARD = """examples:
  invitelab dashboard "Workshop notes (Responses).csv" -o class-report
  invitelab dashboard export.csv -o report --map "Q3=note" --map "Q2=round" --map "Q1=student"
  invitelab dashboard export.csv -o report --no-pdf
  invitelab dashboard ~/Downloads/class-drafts       a folder of students' drafts files
  invitelab dashboard invitelab-drafts-*.csv         several drafts files at once

Students' drafts files (the studio notebook's and the book's "Download my drafts (CSV)") are read
directly: each student's first draft counts as before, their latest as after. A file in the folder
that cannot be read is listed in the report, not fatal. Without -o, the report goes in a folder
invitelab-class-report beside the input (or in Downloads / your home folder); its path is printed.

Roles for --map: student, round, note, consent, timestamp (and ignore). Columns are
auto-detected from their titles when not mapped.
"""


def add_guide_commands(sub, error_class) -> None:
    forms = sub.add_parser("forms", help="write the workshop forms for Google Forms and Qualtrics",
                           epilog=EXAMPLES_FORMS, formatter_class=argparse.RawDescriptionHelpFormatter,
                           description="Write form-tool imports of the self-assessment, notes and feedback forms.")
    forms.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into (created if needed)")
    forms.set_defaults(func=lambda args: _forms(args, error_class))

    dash = sub.add_parser("dashboard", help="summarise a class's before/after notes from a form export",
                          epilog=EXAMPLES_DASHBOARD, formatter_class=argparse.RawDescriptionHelpFormatter,
                          description="Score every note in a form tool's CSV export (no profiles needed) and "
                                      "write a one-page class summary (HTML, PDF) and its chart (PNG).")
    dash.add_argument("input", metavar="ANSWERS.csv", nargs="+",
                      help="the CSV the form tool exported, or students' drafts files, or a folder of them")
    dash.add_argument("-o", "--output", metavar="DIR",
                      help="folder to write the report into (default: invitelab-class-report beside the input)")
    dash.add_argument("--map", action="append", default=[], metavar="COLUMN=ROLE",
                      help="say which column holds what (repeatable)")
    dash.add_argument("--title", default="LinkedIn invitations workshop", help="the report's title")
    dash.add_argument("--names", action="store_true", help="show student names in the examples (off by default)")
    dash.add_argument("--rubric", metavar="FILE", help="your rubric file (TOML), over the default")
    dash.add_argument("--no-pdf", action="store_true", help="skip the PDF (HTML and PNG only)")
    dash.set_defaults(func=lambda args: _dashboard(args, error_class))


def _forms(args, error_class) -> int:
    from .forms import FormError, write_imports

    try:
        for path in write_imports(args.output):
            print(path)
    except FormError as error:
        raise error_class(str(error)) from None
    return 0


def _dashboard(args, error_class) -> int:
    from . import dashboard

    mapping = {}
    for item in args.map:
        column, sep, role = item.rpartition("=")
        if not sep or not column:
            raise error_class(f"--map {item!r}: write it as COLUMN=ROLE, e.g. --map \"Q3=note\"")
        mapping[column] = role.strip()
    rubric = None
    if args.rubric:
        from invitelab import RubricError, load_rubric

        try:
            rubric = load_rubric(args.rubric)
        except RubricError as error:
            raise error_class(str(error)) from None
    source = args.input[0] if len(args.input) == 1 else args.input
    output = args.output or dashboard.default_report_dir(source)
    try:
        report = dashboard.build(source, mapping=mapping or None, title=args.title, show_names=args.names,
                                 rubric=rubric)
        paths = report.save(output, pdf=not args.no_pdf)
    except dashboard.DashboardError as error:
        raise error_class(str(error)) from None
    except dashboard.DashboardInterrupted as interrupted:
        print(f"invitelab: {interrupted}", file=sys.stderr)
        return 130
    for warning in report.warnings:
        print(f"invitelab: note: {warning}", file=sys.stderr)
    print(report.text_summary())
    print(f"The report is in {Path(output).resolve()}:")
    for path in paths:
        print(Path(path).resolve())
    if report.problems:
        files = sum(1 for p in report.problems if not p.row and p.file)
        print(f"{len(report.problems) - files} row(s) have a problem"
              + (f" and {files} file(s) could not be read" if files else "") + "; they are listed in the report.",
              file=sys.stderr)
    return 0

def cmd_slides(args, error_type) -> int:
    from .slides import SlidesError, build_slides
    try:
        built = build_slides(args.output, pdf=args.pdf, form_link=args.form_link)
    except SlidesError as error:
        raise error_type(str(error)) from None
    print(f"wrote {built['slides']} slides to {built['html']}" + (f" and {built['pdf']}" if built["pdf"] else "")
          + "; open index.html from disk (works offline, S for speaker notes)", file=sys.stderr)
    return 0


def cmd_handouts(args, error_type) -> int:
    from .handouts import HandoutsError, build_handouts
    papers = ("letter", "a4") if args.paper == "both" else (args.paper,)
    rubric = None
    if args.rubric:
        from invitelab import RubricError, load_rubric
        try:
            rubric = load_rubric(args.rubric)
        except RubricError as error:
            raise error_type(str(error)) from None
    try:
        written = build_handouts(args.output, papers=papers, rubric=rubric, rubric_source=args.rubric)
    except HandoutsError as error:
        raise error_type(str(error)) from None
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def add_workshop_commands(sub, error_type) -> None:
    slides = sub.add_parser("slides", help="build the workshop slides (offline HTML deck, optional PDF)",
                            description="Build the workshop's reveal.js deck into a folder you can copy to a "
                                        "USB stick and open from disk with no network.")
    slides.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the deck into")
    slides.add_argument("--pdf", action="store_true", help="also print slides.pdf (needs Chrome, Chromium or Edge)")
    slides.add_argument("--form-link", metavar="URL", help="your notes form's link, shown on the slides that "
                        "ask for the before and after notes")
    slides.set_defaults(func=lambda args: cmd_slides(args, error_type))

    handouts = sub.add_parser("handouts", help="build the printable workshop handouts (PDF)",
                              description="Build the rubric card, worksheet, checklist, examples, "
                                          "self-assessment and feedback form as PDFs.")
    handouts.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the PDFs into")
    handouts.add_argument("--paper", choices=("letter", "a4", "both"), default="both",
                          help="paper size (default: both)")
    handouts.add_argument("--rubric", metavar="FILE", help="your rubric file (TOML): the rubric card shows its weights")
    handouts.set_defaults(func=lambda args: cmd_handouts(args, error_type))
