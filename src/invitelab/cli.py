"""The `invitelab` command: check one note, or score a CSV of notes.

Errors are one line on standard error with exit status 2; never a traceback.

A sub-command's modules are imported when it runs (the engine for check and score, the batch
scorer for score), and only the sub-commands' parsers that a run can need are built, so that
`invitelab check` and `invitelab --help` start fast.
"""
from __future__ import annotations

import argparse
import os
import sys

EXAMPLES_CHECK = """examples:
  invitelab check "Hi Dana, I'm a junior at Ohio State. Your post on career fairs helped me. \\
      Could I ask how you moved into campus recruiting? Thanks, Alex" --to dana-whitfield --from alex-rivera
  invitelab check "$(cat draft.txt)" --to dana-whitfield --json
  echo "Hi Dana, ..." | invitelab check - --to dana-whitfield --limit 200
"""
EXAMPLES_SCORE = """examples:
  invitelab score drafts.csv -o scored.csv
  invitelab score drafts.csv --profiles my-class-profiles.json --rubric my-rubric.toml

The input needs a `text` column; `id`, `recipient_id` and `sender_id` are optional.
The output has id, score, level, one column per criterion (pass/fail/n/a) and error.
"""
EXAMPLES_MAIN = """examples:
  invitelab check "Hi Dana, ..." --to dana-whitfield --from alex-rivera
  invitelab score drafts.csv -o scored.csv
  invitelab profiles                 list the kit's fictional people
  invitelab rubric > my-rubric.toml  copy the default rubric to edit
"""


class CliError(Exception):
    pass


def _colour(enabled: bool):
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if enabled else text

    return paint


def _load_people(path: str | None):
    from . import kitdata
    from .profiles import ProfileError, load_profiles

    try:
        if path:
            return load_profiles(path)
        return kitdata.profiles()
    except ProfileError as error:
        raise CliError(str(error)) from None


def _rubric(path: str | None):
    from . import rubric

    try:
        return rubric.load_rubric(path) if path else rubric.default_rubric()
    except rubric.RubricError as error:
        raise CliError(str(error)) from None


def _person(people, pid: str | None, role: str, source: str):
    if pid is None:
        return None
    if pid not in people:
        known = ", ".join(sorted(people)[:12]) + (" ..." if len(people) > 12 else "")
        raise CliError(f"unknown {role} id {pid!r} in {source}; known ids: {known}")
    return people[pid]


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("the limit must be at least 1 character")
    return number


def render(result, paint, recipient=None, notice: str = "") -> str:
    from .engine import LEVEL_DESCRIPTIONS

    marks = {"pass": paint("✓ pass", "32"), "fail": paint("✗ fail", "31"), "n/a": paint("– n/a ", "2")}
    level_colour = {"generic": "31", "developing": "33", "personalized": "36", "exemplary": "32"}[result.level]
    to = f" to {recipient.name}" if recipient else ""
    lines = [
        f"Level: {paint(result.level, level_colour + ';1')} ({LEVEL_DESCRIPTIONS[result.level]})",
        f"Score: {result.score:.0f}/100    Length: {len(result.text)}/{result.limit} characters{to}",
        "",
    ]
    for f in result.findings:
        lines.append(f"{marks[f.status]}  {f.title} [{f.criterion}]")
        lines.append(f"          {f.evidence}")
        if f.suggestion:
            lines.append(f"          {paint('→ ' + f.suggestion, '1')}")
        if f.warning:
            lines.append(f"          {paint('! ' + f.warning, '33')}")
    shown = {f.warning for f in result.findings}
    lines += [paint("! " + w, "33") for w in (*result.warnings, notice) if w and w not in shown]
    lines += ["", paint("Next: ", "1") + result.next_steps]
    return "\n".join(lines)


def cmd_check(args) -> int:
    from . import kitdata
    from .engine import score
    from .normalize import without_invisible

    text = args.text
    if text == "-":
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CliError(f"standard input is not UTF-8 text (byte {error.start})") from None
    people = _load_people(args.profiles)
    source = args.profiles or str(kitdata.profiles_path())
    recipient = _person(people, args.to, "recipient", source)
    sender = _person(people, args.sender, "sender", source)
    rubric = _rubric(args.rubric)
    text, _, notice = without_invisible(text)  # zero-width, direction and control characters: said below
    result = score(text, recipient=recipient, sender=sender, limit=args.limit, rubric=rubric)
    if args.json:
        import json

        data = result.to_dict()
        if notice and notice not in data.get("warnings", []):
            data["warnings"] = [*data.get("warnings", []), notice]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        print(render(result, _colour(colour), recipient, notice))
    return 0


def cmd_score(args) -> int:
    from .batch import BatchError, BatchInterrupted, score_csv

    people = _load_people(args.profiles)
    rubric = _rubric(args.rubric)
    try:
        summary = score_csv(args.input, args.output, people, rubric=rubric, limit=args.limit)
    except BatchError as error:
        raise CliError(str(error)) from None
    except BatchInterrupted as interrupted:  # it says what was (not) written
        print(f"invitelab: {interrupted}", file=sys.stderr)
        return 130
    where = args.output if args.output not in (None, "-") else "standard output"
    print(f"scored {summary.scored} of {summary.rows} rows into {where}"
          + (f"; {summary.errors} {'row has' if summary.errors == 1 else 'rows have'} a problem in the error column"
             f" ({summary.problems_text()})" if summary.errors else ""),
          file=sys.stderr)
    return 0


def cmd_profiles(args) -> int:
    people = _load_people(args.profiles)
    for pid, p in people.items():
        kind = f"[{p.kind}] " if p.kind else ""
        print(f"{pid:24s} {kind}{p.name}: {p.headline}")
    return 0


def cmd_rubric(args) -> int:
    if getattr(args, "lexicon", False):
        from .engine.lexicon import listing  # the word lists a rubric's [lexicon] may change
        sys.stdout.write(listing())
        return 0
    from .rubric import DEFAULT_RUBRIC_PATH

    sys.stdout.write(DEFAULT_RUBRIC_PATH.read_text(encoding="utf-8"))
    return 0


CORE_COMMANDS = ("check", "score", "profiles", "rubric")  # defined here; the others by their packages


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with `command`, one of CORE_COMMANDS, only what that command needs."""
    parser = argparse.ArgumentParser(
        prog="invitelab",
        description="Score a LinkedIn connection invitation against the recipient's profile.",
        epilog=EXAMPLES_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    if command in (None, "check"):
        _add_check(sub)
    if command in (None, "score"):
        _add_score(sub)
    if command in (None, "profiles"):
        people = sub.add_parser("profiles", help="list profile ids", description="List the ids and names in a profile file.")
        people.add_argument("--profiles", metavar="FILE", help="profile file (default: the kit's data/profiles.json)")
        people.set_defaults(func=cmd_profiles)
    if command in (None, "rubric"):
        rubric = sub.add_parser("rubric", help="print the default rubric to copy and edit",
                                description="Print the default rubric (TOML). Save it, edit it, pass it with --rubric.")
        rubric.add_argument("--lexicon", action="store_true", help="list the word lists a rubric can change ([lexicon])")
        rubric.set_defaults(func=cmd_rubric)
    if command is not None:
        return parser

    from .grading.command import add_subcommands  # grade, exercises
    add_subcommands(sub)
    from .workshop.commands import add_guide_commands  # invitelab forms, invitelab dashboard
    add_guide_commands(sub, CliError)
    from .workshop.commands import add_workshop_commands  # slides, handouts
    add_workshop_commands(sub, CliError)
    return parser


def _add_check(sub) -> None:
    check = sub.add_parser("check", help="check one note and print feedback", epilog=EXAMPLES_CHECK,
                           formatter_class=argparse.RawDescriptionHelpFormatter,
                           description="Check one invitation note: level, score, and a line per criterion "
                                       "with evidence and a suggestion.")
    check.add_argument("text", metavar="TEXT", help="the note (quote it), or - to read it from standard input")
    check.add_argument("--to", required=True, metavar="RECIPIENT_ID", help="id of the recipient's profile")
    check.add_argument("--from", dest="sender", metavar="SENDER_ID", help="id of the sender's profile (enables common ground)")
    check.add_argument("--profiles", metavar="FILE", help="profile file (default: the kit's data/profiles.json)")
    check.add_argument("--limit", type=_positive_int, metavar="N", help="character limit (default 300; 200 for free accounts)")
    check.add_argument("--rubric", metavar="FILE", help="your rubric file (TOML), over the default")
    check.add_argument("--json", action="store_true", help="print the result as JSON (versioned shape)")
    check.set_defaults(func=cmd_check)


def _add_score(sub) -> None:
    batch = sub.add_parser("score", help="score a CSV of notes", epilog=EXAMPLES_SCORE,
                           formatter_class=argparse.RawDescriptionHelpFormatter,
                           description="Score every row of a CSV file of invitation notes.")
    batch.add_argument("input", metavar="INPUT.csv", help="CSV with a text column")
    batch.add_argument("--profiles", metavar="FILE", help="profile file (default: the kit's data/profiles.json)")
    batch.add_argument("--limit", type=_positive_int, metavar="N", help="character limit (default 300)")
    batch.add_argument("--rubric", metavar="FILE", help="your rubric file (TOML), over the default")
    batch.add_argument("-o", "--output", metavar="OUT.csv", help="where to write (default, or -: standard output); "
                       "never the input file, a link or a device")
    batch.set_defaults(func=cmd_score)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # `invitelab check ...` needs only check's parser; anything else (help, another command, a typo)
    # gets the whole one, so that help lists every command and a typo is told the choices.
    first = argv[0] if argv else None
    parser = build_parser(first if first in CORE_COMMANDS else None)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CliError as error:
        print(f"invitelab: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("invitelab: interrupted: nothing written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `invitelab score x.csv | head`: the reader stopped; say nothing more
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())
