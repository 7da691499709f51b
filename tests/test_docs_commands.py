"""Every `invitelab ...` command that the README, CONTRIBUTING, the grading guide and the book's
"For instructors" pages tell a reader to type is one the command line accepts: its sub-command
and every option exist and its arguments parse (checked with the real parser, nothing is run).

An advisor copies these commands as they are; an option that was renamed or never added (say,
`handouts --rubric`) would otherwise be found in front of a class. Shell redirections (`> file`)
are cut off; a bare `invitelab check` (a mention, not a command) and a command with `...` in
place of its arguments are checked for their sub-command only.
"""
from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from invitelab.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "book" / "grading-guide.md",
        *sorted((ROOT / "book" / "instructors").glob("*.md"))]
COMMAND = re.compile(r"(?:\.venv/bin/)?invitelab\s+\S")


def commands(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = [m.group(1) for m in re.finditer(r"`([^`\n]+)`", text) if COMMAND.match(m.group(1))]
    for block in re.findall(r"```(?:bash|sh|console)\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.split(r"\s+#", line)[0].strip()
            if COMMAND.match(line):
                found.append(line)
    return sorted(set(found))


CASES = [(path.relative_to(ROOT).as_posix(), cmd) for path in DOCS for cmd in commands(path)]


def test_the_docs_name_the_commands_readers_need():
    typed = {cmd.split()[1] for _, cmd in CASES}
    for sub in ("check", "score", "slides", "handouts", "forms", "dashboard", "grade", "rubric"):
        assert sub in typed, f"no page tells a reader how to run `invitelab {sub}`"
    assert any("handouts" in cmd and "--rubric" in cmd for _, cmd in CASES)


@pytest.mark.parametrize(("doc", "command"), CASES, ids=[f"{d}: {c[:60]}" for d, c in CASES])
def test_a_documented_command_parses(doc, command):
    argv = shlex.split(re.split(r"\s[|>]\s?", command)[0])[1:]
    if argv == ["..."]:
        return  # "`invitelab ...` means ..." in prose: no command to check
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    assert argv[0] in subcommands or argv[0] in ("-h", "--help"), f"{doc}: `{command}`: no sub-command {argv[0]!r}"
    if argv[0] in subcommands and (len(argv) == 1 or "..." in argv):
        # a mention or an elision: still, every --option it names must exist
        options = {s for a in subcommands[argv[0]]._actions for s in a.option_strings}
        unknown = [a for a in argv if a.startswith("-") and a.split("=")[0] not in options]
        assert not unknown, f"{doc}: `{command}`: unknown option(s) {unknown}"
        return
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            parser.parse_args(argv)
    except SystemExit as stop:
        assert stop.code == 0, f"{doc}: `{command}` is refused: {err.getvalue().strip().splitlines()[-1]}"
