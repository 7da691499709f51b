"""The lexicon (knowledge as data): every family is valid, carries examples, and they behave."""
import pytest

from invitelab.engine import lexicon
from invitelab.engine.lexicon import LexiconError


def test_there_are_lexicon_files():
    assert lexicon.files(), "no TOML file in invitelab/engine/lexicon/"


def test_every_family_loads_with_unique_ids():
    families = lexicon.families()
    ids = [f.id for f in families]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fam", lexicon.families(), ids=lambda f: f.id)
def test_every_family_has_examples_that_behave(fam):
    assert fam.matches, f"{fam.source}: [{fam.id}] needs `matches` examples"
    assert fam.ignores, f"{fam.source}: [{fam.id}] needs `ignores` examples"
    assert fam.example_problems() == []


def test_family_api():
    fam = lexicon.family("addressees.generic")
    assert fam is lexicon.family("addressees.generic")  # cached
    assert "there" in fam.word_set and "Dana" not in fam.word_set
    assert fam.search("Dear Hiring Manager").group(0) == "Hiring"  # whole words, first one found
    assert [m.group(0) for m in fam.finditer("hi there, hi all")] == ["there", "all"]
    assert fam.pattern is fam.pattern  # compiled once
    thanks = lexicon.family("closings.not_thanks")
    assert thanks.patterns and not thanks.words
    assert thanks.search("NO THANKS") and not thanks.search("thank you")


GOOD = """
[demo.greetings]
description = "A demo."
criteria = ["greeting"]
words = ["hello there"]
matches = ["Hello   there!"]
ignores = ["hello, there"]
"""


def test_parse_a_good_file_and_example_problems_are_found():
    (fam,) = lexicon.parse(GOOD, "demo.toml")
    assert fam.id == "demo.greetings" and fam.example_problems() == []
    (bad,) = lexicon.parse(GOOD.replace('ignores = ["hello, there"]', 'ignores = ["well hello there"]'), "demo.toml")
    assert bad.example_problems() == ["demo.toml: [demo.greetings] matches 'hello there' in its `ignores` example 'well hello there'"]
    (none,) = lexicon.parse(GOOD.replace('matches = ["Hello   there!"]\n', ""), "demo.toml")
    assert "has no `matches` examples" in none.example_problems()[0]


@pytest.mark.parametrize("text, message", [
    (GOOD + '\n[demo.greetings]\ndescription = "again"\n', "not valid TOML"),  # an id given twice
    (GOOD.replace("[demo.greetings]", "[other.words]"), "must be named [demo.…]"),
    (GOOD.replace('description = "A demo."\n', ""), "needs a `description`"),
    (GOOD.replace('criteria = ["greeting"]', 'criteria = ["grammar"]'), "unknown criterion 'grammar'"),
    (GOOD.replace('words = ["hello there"]', 'words = ["a"]\npatterns = ["b"]'), "exactly one of `words` or `patterns`"),
    (GOOD.replace('words = ["hello there"]', ""), "exactly one of `words` or `patterns`"),
    (GOOD.replace('words = ["hello there"]', "words = []"), "`words` is empty"),
    (GOOD.replace('words = ["hello there"]', 'words = "hello"'), "must be a list of strings"),
    (GOOD.replace('criteria = ["greeting"]', 'criteria = ["greeting"]\ncolour = "red"'), "unknown key(s) colour"),
    ("x = 1", "`x` is not a family table"),
    ("not toml [", "not valid TOML"),
])
def test_bad_files_give_one_friendly_line(text, message):
    with pytest.raises(LexiconError) as err:
        lexicon.parse(text, "demo.toml")
    assert message in str(err.value) and "\n" not in str(err.value)
    assert str(err.value).startswith("demo.toml")


def test_a_bad_pattern_is_named_when_first_used():
    (fam,) = lexicon.parse(GOOD.replace('words = ["hello there"]', "patterns = ['(unclosed']"), "demo.toml")
    with pytest.raises(LexiconError, match=r"demo.toml: \[demo.greetings\] has a pattern that is not a valid"):
        fam.search("x")


def test_unknown_family_is_one_line():
    with pytest.raises(LexiconError, match="no lexicon family 'nothing.here'"):
        lexicon.family("nothing.here")
    with pytest.raises(LexiconError, match=r"addressees.toml: has no family \[addressees.missing\]"):
        lexicon.family("addressees.missing")


def test_importing_the_engine_reads_no_lexicon_file():
    import subprocess
    import sys
    code = ("import invitelab; from invitelab.engine import lexicon; print(lexicon.load_file.cache_info().currsize); "
            "invitelab.score('Hi there, no thanks'); print(lexicon.load_file.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.split()
    assert before == "0" and int(after) >= 1  # read on first use only


def test_a_family_is_read_only():
    fam = lexicon.family("closings.not_thanks")
    with pytest.raises(AttributeError):
        fam.words = ("x",)
    assert "closings.not_thanks" in repr(fam)


def test_the_parsed_file_cache_follows_the_file(tmp_path, monkeypatch):
    import os
    import sys

    from invitelab.engine.lexicon import _read

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "demo.toml"
    path.write_text(GOOD, encoding="utf-8")
    first = _read(path)
    cached = list((tmp_path / "__pycache__").glob("demo.toml.*.lexicon"))
    assert len(cached) == 1 and _read(path) == first
    path.write_text(GOOD.replace("hello there", "good morning"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # another time and size: the cache is not used
    assert _read(path)["demo"]["greetings"]["words"] == ["good morning"]
    cached[0].write_bytes(b"not marshal data")  # a broken cache is ignored
    assert _read(path)["demo"]["greetings"]["words"] == ["good morning"]
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    other = tmp_path / "other.toml"
    other.write_text(GOOD, encoding="utf-8")
    assert _read(other) == first and not list((tmp_path / "__pycache__").glob("other.toml.*"))
