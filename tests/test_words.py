"""engine/words.py: the stemmer, the stop words and the English words, with their lists as data."""
from pathlib import Path

from invitelab.engine import lexicon, words
from invitelab.rubric import rubric_from_mapping

ENGLISH = Path(words.__file__).resolve().parents[1] / "data" / "english_words.txt"


def test_english_words_are_exactly_the_file_s_words():
    listed = ENGLISH.read_text(encoding="ascii").split()
    assert listed == sorted(listed)  # the binary search needs the file sorted
    known = words.english_words()
    assert all(w in known for w in listed)
    for other in ("", " ", "dana", "whitfield", "zzzz", "careers center", "career\n", " career", "Career",
                  "a0", listed[0][:-1] or "-", listed[-1] + "s", 5, None):
        assert (other in known) == (other in set(listed)), repr(other)


def test_the_stop_words_are_a_lexicon_family_a_rubric_can_change():
    assert {"the", "i'm", "would"} <= words.stopwords() and "recruiting" not in words.stopwords()
    assert words.stopwords() is lexicon.family("words.stopwords").word_set
    assert words.STOPWORDS == words.stopwords()  # the old constant's name still reads
    rubric = rubric_from_mapping({"extend": {"lexicon": {"words.stopwords": ["recruiting"]}}})
    with lexicon.using(rubric):
        assert "recruiting" in words.stopwords() and "the" in words.stopwords()
    assert "recruiting" not in words.stopwords()


def test_the_stemmer_keeps_the_keep_er_words_as_the_rubric_has_them():
    assert [words.stem(w) for w in ("recruiters", "recruiting", "engineering", "careers", "posters")] == \
        ["recruit", "recruit", "engin", "career", "poster"]
    off = rubric_from_mapping({"lexicon": {"words.keep_er": []}})
    with lexicon.using(off):
        assert words.stem("careers") == "car"  # the list emptied: "career" is stemmed like "recruiter"
    assert words.stem("careers") == "career"  # and the files' list again outside that check
