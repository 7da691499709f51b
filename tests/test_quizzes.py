"""The chapters' self-check quizzes (book/quizzes/*.json) and invitelab.book.quiz."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from invitelab.book import quiz
from invitelab.book.quiz import QuizError, load_quiz, show_quiz, validate_quiz

REPO = Path(__file__).resolve().parents[1]
QUIZ_DIR = REPO / "book" / "quizzes"
QUIZ_FILES = sorted(QUIZ_DIR.glob("*.json"))
SHOW_QUIZ_CALL = re.compile(r"""show_quiz\(\s*["']([^"']+)["']""")


def _good_quiz():
    return [
        {
            "question": "Which invitation is more likely to be read?",
            "type": "multiple_choice",
            "answers": [
                {"answer": "The default text", "correct": False, "feedback": "Not quite."},
                {"answer": "A short personal note", "correct": True, "feedback": "Yes."},
            ],
        },
        {
            "question": "Which of these are common ground?",
            "type": "many_choice",
            "answers": [
                {"answer": "Same university", "correct": True, "feedback": "Yes."},
                {"answer": "Same volunteer group", "correct": True, "feedback": "Yes."},
                {"answer": "Both have a profile", "correct": False, "feedback": "Everyone does."},
            ],
        },
    ]


# --- every quiz in the book ----------------------------------------------------------------

@pytest.mark.parametrize("path", QUIZ_FILES, ids=[p.stem for p in QUIZ_FILES])
def test_quiz_file_is_valid(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert validate_quiz(data) == [], f"{path.name}: " + "; ".join(validate_quiz(data))
    assert load_quiz(path.stem) == data


@pytest.mark.parametrize("path", QUIZ_FILES, ids=[p.stem for p in QUIZ_FILES])
def test_no_question_gives_its_answer_away(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = quiz.giveaways(data)
    assert problems == [], f"{path.name}: " + "; ".join(problems)


def test_giveaways_are_found():
    echo = [{"question": "Why does the note stay generic although it uses her name?",
             "type": "multiple_choice", "answers": [
                 {"answer": "It stays generic: a name alone is not enough", "correct": True,
                  "feedback": "Right."},
                 {"answer": "It is too short", "correct": False, "feedback": "No."}]}]
    problems = quiz.giveaways(echo)
    assert any("stem gives the answer away" in p and "generic" in p for p in problems)
    assert any("much longer" in p for p in problems)
    mismatch = [{"question": "Pick one", "type": "multiple_choice", "answers": [
        {"answer": "A reasonable option", "correct": True, "feedback": "No, this is wrong."},
        {"answer": "Another option here", "correct": False, "feedback": "Exactly right."}]}]
    problems = quiz.giveaways(mismatch)
    assert any("correct option's feedback says it is wrong" in p for p in problems)
    assert any("wrong option's feedback says it is right" in p for p in problems)
    assert quiz.giveaways(_good_quiz()) == []


def _pages():
    book = REPO / "book"
    for path in sorted(book.rglob("*")):
        if "_build" in path.parts or path.suffix not in (".md", ".ipynb"):
            continue
        yield path


def test_every_quiz_a_page_asks_for_exists():
    missing = []
    for page in _pages():
        for name in SHOW_QUIZ_CALL.findall(page.read_text(encoding="utf-8")):
            if not (QUIZ_DIR / f"{name}.json").is_file():
                missing.append(f"{page.relative_to(REPO)} -> book/quizzes/{name}.json")
    assert not missing, "pages ask for quizzes that do not exist: " + ", ".join(missing)


# --- validate_quiz --------------------------------------------------------------------------

def test_valid_quiz_has_no_problems():
    assert validate_quiz(_good_quiz()) == []


@pytest.mark.parametrize("data", [None, [], {"question": "x"}, "quiz"])
def test_quiz_must_be_a_non_empty_list(data):
    assert validate_quiz(data) == ["a quiz must be a non-empty JSON list of questions"]


def test_missing_feedback_is_reported():
    data = _good_quiz()
    del data[0]["answers"][0]["feedback"]
    assert validate_quiz(data) == ["question 1, answer 1: 'feedback' must be non-empty text"]


def test_empty_feedback_is_reported():
    data = _good_quiz()
    data[1]["answers"][2]["feedback"] = "  "
    assert validate_quiz(data) == ["question 2, answer 3: 'feedback' must be non-empty text"]


def test_multiple_choice_needs_exactly_one_correct_answer():
    data = _good_quiz()
    data[0]["answers"][0]["correct"] = True
    (problem,) = validate_quiz(data)
    assert "exactly one correct answer (found 2)" in problem
    data[0]["answers"][0]["correct"] = data[0]["answers"][1]["correct"] = False
    (problem,) = validate_quiz(data)
    assert "exactly one correct answer (found 0)" in problem


def test_many_choice_needs_a_correct_answer():
    data = _good_quiz()
    for answer in data[1]["answers"]:
        answer["correct"] = False
    assert validate_quiz(data) == ["question 2: needs at least one correct answer"]


def test_answers_must_exist():
    data = _good_quiz()
    data[0]["answers"] = []
    assert validate_quiz(data) == ["question 1: 'answers' must be a non-empty list"]
    del data[0]["answers"]
    assert validate_quiz(data) == ["question 1: 'answers' must be a non-empty list"]


def test_correct_must_be_a_boolean():
    data = _good_quiz()
    data[0]["answers"][1]["correct"] = "true"
    problems = validate_quiz(data)
    assert "question 1, answer 2: 'correct' must be true or false" in problems


def test_unknown_type_and_missing_question_text():
    data = _good_quiz()
    data[0]["type"] = "essay"
    data[1]["question"] = ""
    problems = validate_quiz(data)
    assert any("'type' must be one of" in p and "'essay'" in p for p in problems)
    assert "question 2: 'question' must be non-empty text" in problems


def test_lone_dollar_sign_is_reported():
    data = _good_quiz()
    data[0]["answers"][0]["answer"] = "It costs $5"
    (problem,) = validate_quiz(data)
    assert "odd number of '$'" in problem


def test_numeric_and_string_questions():
    data = [
        {"question": "How many characters?", "type": "numeric", "answers": [
            {"type": "value", "value": 200, "correct": True, "feedback": "Yes."},
            {"type": "range", "range": [0, 100], "correct": False, "feedback": "Longer."},
            {"type": "default", "feedback": "Check the chapter."},
        ]},
        {"question": "Name the habit.", "type": "string", "answers": [
            {"answer": "profile-first", "correct": True, "feedback": "Yes."},
            {"type": "default", "feedback": "Hint: profile..."},
        ]},
    ]
    assert validate_quiz(data) == []
    data[0]["answers"][0]["value"] = "200"
    assert validate_quiz(data) == [
        "question 1, answer 1: needs a numeric 'value' (or a 'range')"]


# --- load_quiz and show_quiz ----------------------------------------------------------------

@pytest.fixture
def quiz_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(quiz, "quiz_dir", lambda: tmp_path)
    (tmp_path / "demo.json").write_text(json.dumps(_good_quiz()), encoding="utf-8")
    return tmp_path


def test_load_quiz_reads_and_checks(quiz_folder):
    assert load_quiz("demo") == _good_quiz()


def test_unknown_quiz_is_a_one_line_error(quiz_folder):
    with pytest.raises(QuizError) as err:
        load_quiz("nope")
    message = str(err.value)
    assert "\n" not in message
    assert "unknown quiz 'nope'" in message and "available: demo" in message


@pytest.mark.parametrize("name", ["../secrets", "Demo", "demo.json", "", None])
def test_bad_quiz_names_are_refused(quiz_folder, name):
    with pytest.raises(QuizError, match="invalid quiz name"):
        load_quiz(name)


def test_malformed_json_is_a_one_line_error(quiz_folder):
    (quiz_folder / "broken.json").write_text('[{"question": "x",]', encoding="utf-8")
    with pytest.raises(QuizError) as err:
        load_quiz("broken")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("book/quizzes/broken.json is not valid JSON:")
    assert "line 1" in message


def test_invalid_quiz_is_a_one_line_error(quiz_folder):
    data = _good_quiz()
    del data[0]["answers"][0]["feedback"]
    data[1]["answers"][0]["feedback"] = ""
    (quiz_folder / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QuizError) as err:
        load_quiz("bad")
    assert str(err.value) == ("book/quizzes/bad.json: question 1, answer 1: 'feedback' must "
                              "be non-empty text (and 1 more)")


def test_show_quiz_displays_with_jupyterquiz(quiz_folder, monkeypatch):
    import jupyterquiz

    calls = []
    monkeypatch.setattr(jupyterquiz, "display_quiz", lambda data, **kw: calls.append((data, kw)))
    show_quiz("demo", shuffle_answers=False)
    (data, kwargs), = calls
    assert data == _good_quiz()
    assert kwargs["shuffle_answers"] is False
    assert kwargs["colors"]["--jq-correct-color"] == quiz.QUIZ_COLORS["--jq-correct-color"]


def test_show_quiz_renders_html_and_javascript(quiz_folder, capsys):
    # Outside IPython, display() prints the objects' reprs: enough to see both parts went out.
    show_quiz("demo")
    out = capsys.readouterr().out
    assert "IPython.core.display.HTML" in out and "IPython.core.display.Javascript" in out


def test_quiz_dir_is_the_repository_book_folder():
    if not QUIZ_DIR.is_dir():
        pytest.skip("book/quizzes does not exist yet")
    assert quiz.quiz_dir() == QUIZ_DIR


# A stem that asks for a reason or a diagnosis must not state one itself (issue 12: "... because
# he did not know a note was possible. Which theory fits best?", "... but his profile shows no
# internship there. What is the problem?").
ASKS_FOR_A_REASON = re.compile(r"\bwhy\b|which theory|what is the problem|what keeps", re.I)
STATES_A_REASON = re.compile(r"\bbecause\b|\bsince\b|\bshows no\b|\bdid not know\b|\bdoes not have\b",
                             re.I)


def _reason_giveaways(data) -> list[str]:
    return [f"question {i}: {q['question'][:70]!r} states the reason it asks for"
            for i, q in enumerate(data, 1)
            if ASKS_FOR_A_REASON.search(q.get("question", ""))
            and STATES_A_REASON.search(q.get("question", ""))]


@pytest.mark.parametrize("path", QUIZ_FILES, ids=[p.stem for p in QUIZ_FILES])
def test_no_stem_states_the_reason_it_asks_for(path):
    problems = _reason_giveaways(json.loads(path.read_text(encoding="utf-8")))
    assert problems == [], f"{path.name}: " + "; ".join(problems)


def test_reason_giveaways_are_found():
    stems = ["Mateo never adds a note, because he did not know a note was possible. Which theory fits best?",
             "Kenji writes this, but his profile shows no internship there. What is the problem?",
             "Mateo never adds a note. Which theory fits best?"]
    found = _reason_giveaways([{"question": s} for s in stems])
    assert [p.split(":")[0] for p in found] == ["question 1", "question 2"]
