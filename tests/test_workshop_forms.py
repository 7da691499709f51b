"""The workshop's forms (forms.toml) in the guide and as form-tool imports."""

from __future__ import annotations

import json
import re

import pytest

from invitelab.workshop import forms


def test_forms_load_with_their_ids():
    loaded = forms.load()
    assert set(forms.FORM_NAMES) <= set(loaded)
    ids = [q.id for q in loaded["self_assessment"].questions]
    assert ids[:2] == ["confident_writing", "knows_why_generic"]
    assert [q.id for q in loaded["notes"].questions] == ["student", "round", "note", "consent"]


def test_apps_script_creates_every_question():
    script = forms.apps_script()
    for name in forms.FORM_NAMES:
        form = forms.get(name)
        assert f"function create_{name}()" in script and f"  create_{name}();" in script
        for q in form.questions:
            assert json.dumps(q.text, ensure_ascii=False) in script, q.id
    assert script.count("FormApp.create(") == len(forms.FORM_NAMES)
    assert script.count("addScaleItem") == sum(q.kind == "scale" for n in forms.FORM_NAMES for q in forms.get(n).questions)
    # balanced braces: a pasted script must parse
    assert script.count("{") == script.count("}")


def test_qualtrics_txt_has_one_question_per_form_question():
    txt = forms.qualtrics_txt()
    assert txt.startswith("[[AdvancedFormat]]\n")
    n = sum(len(forms.get(name).questions) for name in forms.FORM_NAMES)
    assert len(re.findall(r"^\[\[Question:(MC|TE)", txt, re.M)) == n
    assert "[[ID:feedback_pace]]" in txt and "Too slow\nAbout right\nToo fast" in txt
    for line in txt.splitlines():
        if line.startswith("[[Block:"):
            assert line.count(":") == 1  # a colon in a block name would break the tag


def test_form_html_escapes_and_bad_files_are_named(tmp_path):
    path = tmp_path / "forms.toml"
    path.write_text('[x]\ntitle = "<b>T</b>"\n[[x.questions]]\nid = "q"\ntext = "<script>1</script>"\nkind = "text"\n',
                    encoding="utf-8")
    html = forms.form_html("x", path)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>T" not in html
    path.write_text('[x]\n[[x.questions]]\nid = "q"\ntext = "Q"\nkind = "slider"\n', encoding="utf-8")
    with pytest.raises(forms.FormError, match="slider"):
        forms.load(path)
    with pytest.raises(forms.FormError, match="unknown form"):
        forms.get("nope")


def test_write_imports(tmp_path):
    paths = forms.write_imports(tmp_path / "out")
    assert [p.name for p in paths] == ["invitelab-forms.gs", "invitelab-forms-qualtrics.txt"]
    assert all(p.read_text(encoding="utf-8") for p in paths)
