"""Bad input gets a clear outcome: the engine never raises on text; files fail with one line."""
import json
import time

import pytest

from invitelab import ProfileError, RubricError, load_profiles, load_rubric, score
from invitelab.engine.examples import ALEX, DANA
from invitelab.rubric import rubric_from_mapping

HOSTILE = [
    "", " ", "\n\t  \n", "\x00\x01\x02 Hi Dana \x00", "Hi D\u200bana, thanks", "\u202eHi Dana, thanks\u202c",
    "<script>alert('x')</script> Hi Dana", "Hi Dana ' OR 1=1 --", "Hi Dana {{ 7*7 }} ${x}",
    "\ud83d", "Hi Dana \udcff", "🙂" * 500, "Ｈｉ　Ｄａｎａ", "Hi Dana" + "!" * 10_000,
    "a" * 50_000, "Hi Dana,\r\nthanks\r\n", "(" * 5000 + "Hi Dana" + ")" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(text):
    for recipient, sender in ((DANA, ALEX), (None, None), (DANA, None)):
        r = score(text, recipient=recipient, sender=sender)
        assert 0 <= r.score <= 100
        assert r.level in ("generic", "developing", "personalized", "exemplary")


def test_empty_note_is_generic_with_nothing_to_fault():
    r = score("", recipient=DANA, sender=ALEX)
    assert r.level == "generic"
    for cid in ("no_hard_ask", "length", "tone"):
        assert r.finding(cid).status == "pass"
    assert r.finding("not_template").status == "fail"


def test_a_one_megabyte_note_fails_length_quickly():
    text = "Hi Dana, I enjoyed your post on career fairs. " * 22_000
    assert len(text) > 1_000_000
    start = time.perf_counter()
    r = score(text, recipient=DANA, sender=ALEX)
    elapsed = time.perf_counter() - start
    assert r.finding("length").status == "fail"
    assert "1,0" in r.finding("length").evidence  # the count is shown with thousands separators
    assert elapsed < 1.0, elapsed


def test_wrong_types_are_refused_clearly():
    with pytest.raises(TypeError, match="text"):
        score(b"bytes", recipient=DANA)
    with pytest.raises(TypeError, match="Profile"):
        score("Hi", recipient={"id": "x"})
    assert score(None).level == "generic"


@pytest.mark.parametrize("content,message", [
    ("", "empty"),
    ("[{\"id\": \"a\", \"name\": \"A\"", "not valid JSON at line 1"),
    ("{\"x\": 1}", "JSON list"),
    ("[{\"name\": \"No Id\"}]", "no 'id'"),
    ("[{\"id\": \"a\"}]", "no 'name'"),
    ("[{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]", "repeats the id"),
    ("[{\"id\": \"a\", \"name\": \"A\", \"experience\": 5}]", "'experience' must be"),
    ("[{\"id\": \"a\", \"name\": \"A\", \"skills\": [1, {}]}]", "must be text"),
    ("[3]", "must be an object"),
])
def test_malformed_profile_files(tmp_path, content, message):
    path = tmp_path / "p.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as info:
        load_profiles(path)
    assert "\n" not in str(info.value)


def test_profile_file_not_utf8_and_missing(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes('[{"id": "a", "name": "Jos\xe9"}]'.encode("latin-1"))
    with pytest.raises(ProfileError, match="not UTF-8"):
        load_profiles(path)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profiles(tmp_path / "missing.json")


def test_profiles_accept_bom_unknown_keys_and_defaults(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"id": "x", "name": "Ana Lima", "shoe_size": 7}]).encode())
    people = load_profiles(path)
    assert people["x"].first_name == "Ana" and people["x"].experience == ()


@pytest.mark.parametrize("content,message", [
    ("limit = 0", "at least 1"),
    ("[weights]\ngreeting = -1", "number >= 0"),
    ("[weights]\nhello = 3", "unknown criterion 'hello'"),
    ("[phrases]\nsign_offs = 'Best'", "list of non-empty strings"),
    ("[phrases]\nfoo = ['x']", "unknown list 'foo'"),
    ("colour = 'red'", "unknown key 'colour'"),
    ("version = 2", "not supported"),
    ("limit = ", "not valid TOML"),
])
def test_bad_rubric_files(tmp_path, content, message):
    path = tmp_path / "r.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RubricError, match=message) as info:
        load_rubric(path)
    assert "\n" not in str(info.value)


def test_instructor_rubric_reweights_and_extends(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text("limit = 200\n[weights]\npurpose = 40\n[extend]\nsign_offs = ['go bucks']\n", encoding="utf-8")
    rubric = load_rubric(path)
    assert rubric.limit == 200 and rubric.weight("purpose") == 40 and rubric.weight("greeting") == 8
    note = "Hi Dana, could I ask how you started in campus recruiting? Go Bucks"
    default = score(note, recipient=DANA)
    custom = score(note, recipient=DANA, rubric=rubric)
    assert default.finding("polite_close").status == "fail"
    assert custom.finding("polite_close").status == "pass"
    assert custom.finding("purpose").weight > default.finding("purpose").weight


def test_zero_weights_cannot_all_be_zero():
    with pytest.raises(RubricError, match="at least one weight"):
        rubric_from_mapping({"weights": {c: 0 for c in ("greeting", "self_intro", "specific_detail", "common_ground",
                                                          "purpose", "no_hard_ask", "length", "not_template",
                                                          "polite_close", "tone")}})
