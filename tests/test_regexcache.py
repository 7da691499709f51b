"""engine/regexcache.py: patterns compiled from the kept code are the patterns re.compile makes."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from invitelab.engine import regexcache

SRC = Path(__file__).resolve().parents[1] / "src"

PATTERNS = [
    (r"(?<![\w'])(?:career(?:[\s\-]+fair)?|recruit\w*)(?![\w'])", re.IGNORECASE),
    (r"(?P<sig>[A-Z][\w'-]+(?:\s+[A-Z][\w'.-]+){0,2}),\s+(?P=sig)?", 0),
    (r"^\s*(?:of|\.|-)", re.IGNORECASE | re.MULTILINE),
    (r"caf\u00e9|na\u00efve", 0),
]


@pytest.mark.parametrize("source, flags", PATTERNS)
def test_a_pattern_equals_re_compile_fresh_and_from_the_kept_code(source, flags, monkeypatch):
    monkeypatch.setattr(regexcache, "_stored", {})
    monkeypatch.setattr(regexcache, "_new", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # nothing written from the test
    fresh = regexcache.compile(source, flags)
    assert fresh == re.compile(source, flags) and fresh.groupindex == re.compile(source, flags).groupindex
    regexcache._stored.update(regexcache._new)  # as the next process reads it
    kept = regexcache.compile(source, flags)
    assert kept == re.compile(source, flags) and kept.groups == re.compile(source, flags).groups
    text = "Hi Dana, Career Fair at OSU. Alex Rivera, Alex Rivera"
    assert [m.span() for m in kept.finditer(text)] == [m.span() for m in re.finditer(source, text, flags)]


def test_a_bad_pattern_is_re_s_error():
    with pytest.raises(re.error):
        regexcache.compile("(unclosed")


def test_a_second_process_compiles_from_the_kept_code(tmp_path):
    """After a check, the engine's patterns are in the cache, and a new process's patterns from it
    equal re.compile's."""
    code = ("import re\nfrom invitelab import score\nscore('Hi there, I would like to connect. Best, Alex')\n"
            "from invitelab.engine import regexcache as rc\nfrom re import _parser\n"
            "parsed = []\nreal = _parser.parse\n_parser.parse = lambda *a: parsed.append(a) or real(*a)\n"
            "score('Hi there, I would like to connect. Best, Alex')\n"
            "assert rc._stored, 'no cache read'\n"
            "assert all(rc.compile(s, f) == re.compile(s, f) for s, f in rc._stored)\n"
            "print(len(rc._stored), len(rc._new))")
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code.replace("assert rc._stored, 'no cache read'\n", "")], env=env,
                   check=True, capture_output=True)
    if not (SRC / "invitelab" / "engine" / "__pycache__").is_dir():
        pytest.skip("the checkout's __pycache__ cannot be written here")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    stored, new = map(int, out.stdout.split())
    assert stored > 10 and new == 0  # every pattern of that check came from the kept code
