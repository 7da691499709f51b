"""No comment, word list, pattern or example of the engine quotes a note of a labelled set (issue 7
item 2; CONTRIBUTING). `tests/quoted_notes.py` lists every run of words the engine shares with a
labelled note; a long run found in one or two notes is a quotation. LinkedIn's own default texts
are quoted by many sources and may be written out (`quoted_notes.DEFAULT_TEXTS`, each with its reason)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quoted_notes  # noqa: E402


@pytest.fixture(scope="module")
def grams():
    return quoted_notes.labelled_ngrams()


def _quotes(grams):
    return [(f, line, " ".join(words), sorted(notes)) for f, line, words, notes in quoted_notes.quotations(grams)]


def test_the_scan_finds_a_quotation(grams, tmp_path, monkeypatch):
    note = next(k for k, v in grams.items() if len(v) == 1)  # six words of exactly one note
    fake = tmp_path / "fake.toml"
    fake.write_text("matches = [\"" + " ".join(note) + " and then some\"]\n", encoding="utf-8")
    monkeypatch.setattr(quoted_notes, "engine_files", lambda: [fake])
    monkeypatch.setattr(quoted_notes, "ROOT", tmp_path)
    monkeypatch.setattr(quoted_notes, "QUOTE_WORDS", 6)
    assert [r[2] for r in _quotes(grams)] == [" ".join(note)]
    assert not list(quoted_notes.quotations({}))


def test_default_texts_are_allowed_and_nothing_else():
    assert quoted_notes.allowed("i wanted to invite you to join my network on linkedin".split())
    assert quoted_notes.allowed("ich m chte mich gerne mit ihnen vernetzen".split())
    assert not quoted_notes.allowed("i noticed you went to the same school as me".split())


def test_no_engine_file_quotes_a_labelled_note(grams):
    quotes = _quotes(grams)
    assert not quotes, "\n".join(f"{f}:{line}: “{w}” = {n[:2]}" for f, line, w, n in quotes)
