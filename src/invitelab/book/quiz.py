"""Self-check quizzes for the book's chapters.

Each chapter's quiz is a JSON file in ``book/quizzes/<name>.json``, in jupyterquiz's format: a
list of questions, each with ``question``, ``type`` and ``answers``; every answer has its
text, whether it is ``correct`` and the ``feedback`` a student sees after choosing it.
A chapter page shows its quiz with one hidden code cell::

    from invitelab.book.quiz import show_quiz
    show_quiz("why-impersonal")

The quiz is rendered as HTML and JavaScript, so it works in the static book without a kernel.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

__all__ = ["QuizError", "QUIZ_COLORS", "giveaways", "quiz_dir", "quiz_names", "load_quiz", "validate_quiz",
           "show_quiz"]

#: Colours of the rendered quiz: blue for a correct choice, dark orange for a wrong one (a pair
#: that people with any common colour-vision deficiency can tell apart), each with at least
#: 4.5:1 contrast against the quiz's white text. The feedback text says right or wrong too.
QUIZ_COLORS = {
    "--jq-multiple-choice-bg": "#392061",
    "--jq-many-choice-bg": "#6b2c5a",
    "--jq-numeric-bg": "#392061",
    "--jq-string-bg": "#392061",
    "--jq-correct-color": "#005a8c",
    "--jq-incorrect-color": "#a34400",
    "--jq-text-color": "#fafafa",
    "--jq-link-color": "#cfe3ff",
}

QUESTION_TYPES = ("multiple_choice", "many_choice", "numeric", "string")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A "$" not preceded by a backslash: jupyterquiz turns pairs of them into math.
_DOLLAR = re.compile(r"(?<!\\)\$")


class QuizError(ValueError):
    """A quiz that cannot be found, read or shown. The message is one line."""


def _repo_root_candidates() -> list[Path]:
    here = Path(__file__).resolve()
    # src/invitelab/book/quiz.py -> the repository (editable install, the usual case).
    candidates = [here.parents[3]]
    # Otherwise: the current folder or one of its parents (e.g. running inside book/chapters).
    cwd = Path.cwd().resolve()
    candidates += [cwd, *cwd.parents]
    return candidates


def quiz_dir() -> Path:
    """The folder that holds the quizzes: ``book/quizzes`` in the InviteLab repository."""
    for root in _repo_root_candidates():
        folder = root / "book" / "quizzes"
        if folder.is_dir():
            return folder
    raise QuizError(
        "cannot find the book/quizzes folder: install invitelab from a clone of the "
        "repository (pip install -e .) or run from inside it"
    )


def quiz_names() -> list[str]:
    """The names of all quizzes, sorted (a file ``book/quizzes/x.json`` is named ``x``)."""
    return sorted(p.stem for p in quiz_dir().glob("*.json"))


def load_quiz(name: str) -> list[dict[str, Any]]:
    """Read the quiz called ``name`` and check it; raise QuizError with a one-line reason."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise QuizError(
            f"invalid quiz name {name!r}: use the file name without .json, "
            "in lowercase letters, digits and hyphens (e.g. 'why-impersonal')"
        )
    folder = quiz_dir()
    path = folder / f"{name}.json"
    if not path.is_file():
        known = ", ".join(quiz_names()) or "none"
        raise QuizError(f"unknown quiz {name!r}: no file book/quizzes/{name}.json "
                        f"(available: {known})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise QuizError(f"book/quizzes/{name}.json is not valid JSON: {err.msg} "
                        f"at line {err.lineno}, column {err.colno}") from None
    problems = validate_quiz(data)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise QuizError(f"book/quizzes/{name}.json: {problems[0]}{more}")
    return data


def _text_problem(where: str, value: Any, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        return f"{where} must be non-empty text"
    if len(_DOLLAR.findall(value)) % 2:
        return (f"{where} has an odd number of '$' signs; the quiz shows text between two '$' "
                f"as math, so write amounts without '$' (e.g. 'USD 20')")
    return None


def validate_quiz(data: Any) -> list[str]:
    """Return the problems found in a quiz, as short sentences (an empty list: valid).

    Checked: the quiz is a non-empty list of questions; each question has text, a known
    ``type`` and a non-empty list of answers; a ``multiple_choice`` question has exactly one
    correct answer, other types at least one; every answer has its text (or a value or range
    for ``numeric``), a boolean ``correct`` (except a ``numeric``/``string`` "default"
    answer) and non-empty ``feedback``.
    """
    if not isinstance(data, list) or not data:
        return ["a quiz must be a non-empty JSON list of questions"]
    problems: list[str] = []
    for qi, question in enumerate(data, start=1):
        where = f"question {qi}"
        if not isinstance(question, dict):
            problems.append(f"{where} must be a JSON object")
            continue
        problem = _text_problem(f"{where}: 'question'", question.get("question"))
        if problem:
            problems.append(problem)
        qtype = question.get("type")
        if qtype not in QUESTION_TYPES:
            problems.append(f"{where}: 'type' must be one of {', '.join(QUESTION_TYPES)} "
                            f"(got {qtype!r})")
            continue
        answers = question.get("answers")
        if not isinstance(answers, list) or not answers:
            problems.append(f"{where}: 'answers' must be a non-empty list")
            continue
        if qtype in ("multiple_choice", "many_choice") and len(answers) < 2:
            problems.append(f"{where}: a choice question needs at least two answers")
        n_correct = 0
        for ai, answer in enumerate(answers, start=1):
            awhere = f"{where}, answer {ai}"
            if not isinstance(answer, dict):
                problems.append(f"{awhere} must be a JSON object")
                continue
            is_default = qtype in ("numeric", "string") and answer.get("type") == "default"
            if qtype in ("multiple_choice", "many_choice"):
                if "answer" not in answer and "code" not in answer:
                    problems.append(f"{awhere}: needs 'answer' text")
                problem = _text_problem(f"{awhere}: 'answer'", answer.get("answer"),
                                        required="code" not in answer)
                if problem:
                    problems.append(problem)
            elif qtype == "numeric" and not is_default:
                if answer.get("type") == "range":
                    rng = answer.get("range")
                    if not (isinstance(rng, list) and len(rng) == 2
                            and all(isinstance(x, (int, float)) for x in rng)):
                        problems.append(f"{awhere}: 'range' must be [low, high]")
                elif not isinstance(answer.get("value"), (int, float)):
                    problems.append(f"{awhere}: needs a numeric 'value' (or a 'range')")
            elif qtype == "string" and not is_default:
                if not isinstance(answer.get("answer"), str) or not answer["answer"].strip():
                    problems.append(f"{awhere}: needs 'answer' text")
            if not is_default:
                correct = answer.get("correct")
                if not isinstance(correct, bool):
                    problems.append(f"{awhere}: 'correct' must be true or false")
                elif correct:
                    n_correct += 1
            problem = _text_problem(f"{awhere}: 'feedback'", answer.get("feedback"))
            if problem:
                problems.append(problem)
        if qtype == "multiple_choice" and n_correct != 1:
            problems.append(f"{where}: a multiple_choice question needs exactly one correct "
                            f"answer (found {n_correct}); use many_choice for several")
        elif qtype != "multiple_choice" and n_correct < 1:
            problems.append(f"{where}: needs at least one correct answer")
    return problems


def show_quiz(name: str, **options: Any) -> None:
    """Display the quiz ``book/quizzes/<name>.json`` in a notebook or book page.

    ``options`` are passed to :func:`jupyterquiz.display_quiz` (for example
    ``shuffle_answers=False``); the book's colour-blind-safe colours are the default.
    """
    data = load_quiz(name)
    from jupyterquiz import display_quiz  # imported late: the engine itself is stdlib-only

    options.setdefault("colors", dict(QUIZ_COLORS))
    display_quiz(data, **options)


# -- quality: questions that give their answer away ---------------------------------------------

_STOPWORDS = frozenset(
    "about after again their there these those which while would could should other because "
    "before being where whose theirs yours every still since under until above below between "
    "into from with without your they them this that what when have were will shall only also "
    "than then just over more most some such very much many".split())
_SAYS_RIGHT = re.compile(r"^\W*(right|yes|correct|exactly)\b", re.I)
_SAYS_WRONG = re.compile(r"^\W*(no|not|wrong|incorrect|unlikely)\b", re.I)
#: the correct option may be at most this much longer than the longest wrong one
LONGEST_RATIO = 1.5


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", str(text).lower()) if len(w) >= 5 and w not in _STOPWORDS}


def giveaways(data: list[dict[str, Any]]) -> list[str]:
    """Ways a quiz gives its answers away or contradicts itself, as short sentences.

    - the stem shares a content word with the correct option and with no wrong one (an echo);
    - the correct option is much longer than every wrong one (test-wise students pick it);
    - a correct option's feedback opens with "No"/"Not"/"Wrong", or a wrong option's with
      "Right"/"Yes"/"Correct"/"Exactly" (the feedback does not match the option).
    """
    problems = []
    for i, q in enumerate(data, 1):
        if q.get("type") not in ("multiple_choice", "many_choice"):
            continue
        stem = _content_words(q.get("question", ""))
        answers = q.get("answers", [])
        right = [a for a in answers if a.get("correct") is True]
        wrong = [a for a in answers if a.get("correct") is not True]
        echoed_by_wrong = set().union(*(_content_words(a.get("answer", "")) & stem for a in wrong))
        for a in right:
            echo = (_content_words(a.get("answer", "")) & stem) - echoed_by_wrong
            if echo:
                problems.append(f"question {i}: the stem gives the answer away "
                                f"(only the correct option repeats {', '.join(sorted(echo))!r})")
            longest_wrong = max((len(str(b.get("answer", ""))) for b in wrong), default=0)
            if longest_wrong and len(str(a.get("answer", ""))) > LONGEST_RATIO * longest_wrong:
                problems.append(f"question {i}: the correct option is much longer than every "
                                "wrong one")
        for a in answers:
            feedback = str(a.get("feedback", ""))
            if a.get("correct") is True and _SAYS_WRONG.match(feedback):
                problems.append(f"question {i}: a correct option's feedback says it is wrong")
            if a.get("correct") is not True and _SAYS_RIGHT.match(feedback):
                problems.append(f"question {i}: a wrong option's feedback says it is right")
    return problems
