"""The fact matcher keeps what it reads from a note in one explicit NoteIndex, built once per note
and passed in (no hidden per-note memo written from several places)."""
from pathlib import Path

from invitelab.engine import facts as F
from invitelab.engine.examples import ALEX, DANA
from invitelab.engine.note import Note

TEXT = "Hi Dana, I'm a psych junior at OSU too. I loved your post on career fairs. Thanks, Alex"


def test_an_index_passed_in_is_the_one_used_and_it_is_built_once():
    note = Note(TEXT)
    index = F.NoteIndex(note)
    mentions = F.find_mentions(note, DANA, index)
    assert mentions and mentions is F.find_mentions(note, DANA, index)  # found once per profile
    assert note.facts_index is None  # the caller's index was used, none attached to the note
    assert [m.fact.kind for m in mentions] == [m.fact.kind for m in F.find_mentions(Note(TEXT), DANA)]
    assert F.find_mentions(note, ALEX, index) is not mentions  # another profile, its own mentions
    assert F.trailing_signature(note, index) == index.signature


def test_without_an_index_the_note_keeps_one():
    note = Note(TEXT)
    first = F.find_mentions(note, DANA)
    assert isinstance(note.facts_index, F.NoteIndex) and F.note_index(note) is note.facts_index
    assert F.find_mentions(note, DANA) is first


def test_the_tables_describe_the_note():
    note = Note("First line here.\nSecond line, two! Three")
    index = F.NoteIndex(note)
    assert index.sentence_ids == [0, 0, 0, 1, 1, 1, 2]
    assert index.sentence_bounds(4) == (3, 6)
    assert index.line_start(3) == len("First line here.\n")
    assert index.sentence(3, 6).words == ["second", "line", "two"]
    assert index.stops == [15, 16, 33]


def test_the_fact_matcher_writes_no_hidden_memo():
    source = (Path(F.__file__)).read_text(encoding="utf-8")
    assert "_memo" not in source and "note.__dict__" not in source
