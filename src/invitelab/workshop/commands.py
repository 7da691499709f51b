"""The workshop's sub-commands (`invitelab slides`, `invitelab handouts`), added to the CLI's parser.

Kept here so cli.py needs only two lines; errors become the CLI's one-line CliError.
"""
from __future__ import annotations

import sys


def cmd_slides(args, error_type) -> int:
    from .slides import SlidesError, build_slides
    try:
        built = build_slides(args.output, pdf=args.pdf)
    except SlidesError as error:
        raise error_type(str(error)) from None
    print(f"wrote {built['slides']} slides to {built['html']}" + (f" and {built['pdf']}" if built["pdf"] else "")
          + "; open index.html from disk (works offline, S for speaker notes)", file=sys.stderr)
    return 0


def cmd_handouts(args, error_type) -> int:
    from .handouts import HandoutsError, build_handouts
    papers = ("letter", "a4") if args.paper == "both" else (args.paper,)
    try:
        written = build_handouts(args.output, papers=papers)
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
    slides.add_argument("--pdf", action="store_true", help="also print slides.pdf (needs Chromium)")
    slides.set_defaults(func=lambda args: cmd_slides(args, error_type))

    handouts = sub.add_parser("handouts", help="build the printable workshop handouts (PDF)",
                              description="Build the rubric card, worksheet, checklist, examples, "
                                          "self-assessment and feedback form as PDFs.")
    handouts.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the PDFs into")
    handouts.add_argument("--paper", choices=("letter", "a4", "both"), default="both",
                          help="paper size (default: both)")
    handouts.set_defaults(func=lambda args: cmd_handouts(args, error_type))
