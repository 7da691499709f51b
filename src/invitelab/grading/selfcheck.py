"""Students' self-checks: ``start("spot-generic")`` once, then ``check("q1")`` after each answer.

A check reads the public exercise (the derived exercise.ipynb: no keys) and says, in plain words,
whether the answer is well-formed and, where the rubric engine itself can tell (levels, missed
criteria, the invitations you write), how it does. Answers from an instructor's key (theories,
facts, the order of steps) are checked for form only: the key is not in the student's notebook.
A check never raises and never grades: the grader reads the saved notebook on its own.
"""
from __future__ import annotations

import sys

_current = {"exercise": None}


def start(exercise_id: str) -> None:
    """Load the exercise's public questions for ``check``."""
    from .exercise import ExerciseError, load_public

    try:
        _current["exercise"] = load_public(exercise_id)
    except ExerciseError as error:
        print(f"Could not load exercise {exercise_id!r}: {error}")
        return
    ex = _current["exercise"]
    print(f"Exercise ready: {ex.title}. After each answer, run the check cell below it.")


def _say(ok: bool | None, text: str) -> None:
    sign = {True: "✓", False: "✗", None: "→"}[ok]
    print(f"{sign} {text}")


def _blank(value) -> bool:
    from .answers import _is_blank

    return _is_blank(value)


def _unchanged_example(value, q) -> bool:
    from .answers import unchanged_example

    return unchanged_example(value, q)


def check(question: str, value=Ellipsis) -> None:
    """Check your answer to one question (it reads the variable of that name from your notebook)."""
    ex = _current["exercise"]
    if ex is None:
        print("Run the first code cell of the notebook (the one with start(...)) first.")
        return
    try:
        q = ex.question(question)
    except KeyError:
        print(f"There is no question {question!r} in this exercise; the questions are "
              + ", ".join(q.id for q in ex.questions) + ".")
        return
    if q.manual:
        print(f"→ Question {q.id} is a written answer: your instructor grades it by hand ({q.points:g} points).")
        return
    if value is Ellipsis:
        caller = sys._getframe(1).f_globals
        value = caller.get(q.id, Ellipsis)
    if q.kind != "code" and _blank(value):
        print(f"Not answered yet: replace the ... after `{q.id} =` with your answer, run that cell, then this one.")
        return
    if q.kind != "code" and _unchanged_example(value, q):
        print(f"Not answered yet: this is the example from the question, with its ... still in it. Write your own "
              f"answer after `{q.id} =`, run that cell, then this one.")
        return
    try:
        CHECKS[q.kind](q, value)
    except Exception as error:  # a self-check must never leave a student with a traceback
        print(f"This check could not read your answer ({type(error).__name__}). Compare its form with the example "
              "in the question.")


def _context():
    from invitelab import kitdata

    from .judge import Context

    return Context(kitdata.profiles())


def _check_levels(q, value):
    from invitelab import LEVELS

    from .judge import engine_result

    if not isinstance(value, dict):
        _say(False, 'Write a dict: {"A": "generic", "B": "developing", ...}, one level per note.')
        return
    ctx = _context()
    got = {str(k).strip().upper(): str(v).strip().lower() for k, v in value.items()}
    bad = sorted(v for v in got.values() if v not in LEVELS)
    if bad:
        _say(False, f"Not a level: {', '.join(bad)}. The levels are {', '.join(LEVELS)}.")
        return
    missing = [k for k in q.params["notes"] if k.upper() not in got]
    if missing:
        _say(False, f"Give a level for note(s) {', '.join(missing)} too.")
        return
    right = sum(got[k.upper()] == engine_result(q, t, ctx).level for k, t in q.params["notes"].items())
    total = len(q.params["notes"])
    _say(right == total, f"{right} of {total} levels match the rubric."
         + ("" if right == total else " Re-read the level rules: generic first, then personalized, then exemplary."))


def _check_criteria(q, value):
    from invitelab import CRITERION_IDS

    from .judge import _as_list, engine_result

    chosen = {str(v).strip().lower() for v in _as_list(value)}
    unknown = sorted(chosen - set(CRITERION_IDS))
    if unknown:
        _say(False, f"Not criterion ids: {', '.join(unknown)}. Use ids such as " + ", ".join(CRITERION_IDS[:4]) + ".")
        return
    result = engine_result(q, q.params["note"], _context())
    missed = {f.criterion for f in result.findings if f.status == "fail"}
    right, extra = len(chosen & missed), len(chosen - missed)
    _say(right == len(missed) and not extra,
         f"You named {right} of the {len(missed)} criteria the note misses"
         + (f", and {extra} it meets" if extra else "") + ".")


def _check_invitation(q, value):
    from .judge import engine_result

    if not isinstance(value, str):
        _say(False, 'Write the invitation as text between triple quotes: q1 = """Hi ..."""')
        return
    result = engine_result(q, value.strip(), _context())
    _say(result.level in ("personalized", "exemplary"), f"Level {result.level}, score {result.score:.0f}/100.")
    for f in result.findings:
        if f.status == "fail":
            _say(None, f"{f.title}: {f.suggestion or f.evidence}")
    for w in result.warnings:
        _say(None, w)
    _say(None, "Next: " + result.next_steps)


def _check_criterion(q, value):
    from .judge import engine_result

    if not isinstance(value, str):
        _say(False, "Write one sentence in quotes.")
        return
    finding = engine_result(q, value, _context()).finding(q.params["criterion"])
    _say(finding.status == "pass", f"{finding.title}: {finding.evidence}")
    if finding.status != "pass" and finding.suggestion:
        _say(None, finding.suggestion)


def _form_only(q, value):
    params = q.params
    labels = params.get("items") or params.get("statements") or params.get("steps") or {}
    options = params.get("options")
    if q.kind == "choices":
        if not isinstance(value, dict):
            _say(False, 'Write a dict: {"A": "T1", ...}, one answer per item.')
            return
        missing = [k for k in labels if k not in {str(x).strip().upper() for x in value}]
        bad = [str(v) for v in value.values() if options and str(v).strip() not in options]
        if missing or bad:
            _say(False, (f"Answer item(s) {', '.join(missing)}. " if missing else "")
                 + (f"Not an option: {', '.join(bad)} (options: {', '.join(options)})." if bad else ""))
            return
    elif q.kind == "choice":
        if options and str(value).strip() not in options:
            _say(False, f"Choose one of: {', '.join(options)}.")
            return
    else:
        from .judge import _as_list

        chosen = [str(v).strip().upper() for v in _as_list(value)]
        unknown = [c for c in chosen if c not in labels]
        want = params.get("count", len(labels))
        if unknown:
            _say(False, f"Use the letters {', '.join(labels)}; not: {', '.join(unknown)}.")
            return
        if len(chosen) != want or len(set(chosen)) != len(chosen):
            _say(False, f"Give {want} different letters; you gave {len(chosen)}.")
            return
    _say(True, "Your answer has the right form. Your instructor's key decides the points, so think it through.")


def _check_code(q, value):
    check = q.params["check"]
    if value is Ellipsis:
        _say(False, f"`{q.id}` is not set yet: run the cell where you compute it.")
        return
    if check == "acceptance_by_level":
        from invitelab import LEVELS

        data = dict(value.items()) if hasattr(value, "items") else None
        if data is None:
            _say(False, "Make it a pandas Series with one rate per level (what groupby(...).mean() returns).")
            return
        missing = [lv for lv in LEVELS if lv not in data]
        odd = [str(k) for k, v in data.items() if not 0 <= float(v) <= 1]
        if missing:
            _say(False, f"Missing level(s): {', '.join(missing)}.")
        elif odd:
            _say(False, f"Rates are fractions between 0 and 1; check {', '.join(odd)}.")
        else:
            _say(True, "One rate between 0 and 1 for each level. The grader compares the numbers with the data.")
    else:
        if not hasattr(value, "get_title"):
            _say(False, "Store what .plot(...) returns: ax = acceptance.plot.bar(...)")
            return
        bars = len(getattr(value, "patches", []))
        simulated = "simulated" in value.get_title().lower()
        _say(bars >= 4 and simulated, f"{bars} bars; title {value.get_title()!r}"
             + ("" if simulated else ": the title must say SIMULATED") + ".")


CHECKS = {
    "levels": _check_levels, "criteria": _check_criteria, "invitation": _check_invitation,
    "criterion": _check_criterion, "choices": _form_only, "choice": _form_only, "pick": _form_only,
    "order": _form_only, "code": _check_code,
}
