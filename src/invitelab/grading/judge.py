"""Judge one answer, in the grader's own process: the engine for invitations, keys for choices.

Each judge takes the question (with its key), the student's value and the grading context (the
profiles and the rubric) and returns a Mark: points, and plain-text feedback lines. Nothing here
runs student code; code answers arrive as data exported from the student's kernel.
"""
from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from invitelab import CRITERION_IDS, LEVELS, kitdata, score

from .answers import Answer
from .exercise import Question


@dataclass
class Context:
    profiles: dict
    rubric: object = None

    def person(self, pid):
        return self.profiles.get(pid) if pid else None


@dataclass
class Mark:
    question: str
    points: float | None  # None: graded by hand, or not gradable
    max: float
    lines: list[str] = field(default_factory=list)  # feedback, plain text (escaped when shown as HTML)
    results: list = field(default_factory=list)  # (label, text, engine Result) for invitations
    unanswered: str = ""  # when the student gave no answer: how the cell was left ("left as `q1 = ...`")


def _round(x: float) -> float:
    return math.floor(x * 2 + 0.5 + 1e-9) / 2  # to the nearest half point, halves up


def engine_result(q: Question, text: str, ctx: Context, recipient=None, sender=None):
    limit = q.params.get("limit")
    return score(text, recipient=ctx.person(recipient or q.params.get("recipient")),
                 sender=ctx.person(sender or q.params.get("sender")), limit=limit, rubric=ctx.rubric)


def _norm(value) -> str:
    return str(value).strip().lower().replace("_", " ") if value is not None else ""


def _as_list(value) -> list:
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return parts if len(parts) > 1 else list(value.strip()) if len(value.strip()) <= 12 and " " not in value.strip() else [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return [value]


def judge_levels(q, value, ctx, m):
    notes = q.params["notes"]
    if not isinstance(value, dict):
        m.lines.append("Expected a dict such as {\"A\": \"generic\", ...}; got " + type(value).__name__ + ".")
        return 0.0
    each = q.points / len(notes)
    got = {str(k).strip().upper(): _norm(v) for k, v in value.items()}
    total = 0.0
    for label, text in notes.items():
        level = engine_result(q, text, ctx).level
        answer = got.get(label.upper(), "")
        if answer == level:
            total += each
            m.lines.append(f"Note {label}: {level}, right.")
        elif not answer:
            m.lines.append(f"Note {label}: no level given.")
        else:
            m.lines.append(f"Note {label}: you said {answer}; the rubric says {level}.")
    return total


def judge_criteria(q, value, ctx, m):
    result = engine_result(q, q.params["note"], ctx)
    missed = {f.criterion for f in result.findings if f.status == "fail"}
    chosen = {_norm(v).replace(" ", "_") for v in _as_list(value) if _norm(v)}
    unknown = chosen - set(CRITERION_IDS)
    right, wrong = chosen & missed, chosen - missed - unknown
    if unknown:
        m.lines.append("Not criterion ids: " + ", ".join(sorted(unknown)) + ".")
    m.lines.append(f"{len(right)} of the {len(missed)} missed criteria named"
                   + (f"; {len(wrong)} named that the note meets ({', '.join(sorted(wrong))})" if wrong else "") + ".")
    for cid in sorted(missed - chosen):
        m.lines.append(f"Also missed: {cid}.")
    return max(0.0, q.points * (len(right) - len(wrong) - len(unknown)) / max(1, len(missed)))


def judge_invitation(q, value, ctx, m, label=""):
    if not isinstance(value, str):
        m.lines.append("Expected the invitation as text in quotes.")
        return 0.0
    result = engine_result(q, value, ctx)
    m.results.append((label or q.id, value, result))
    # the score follows the level (RUBRIC.md's bands), so a better level always earns more points
    points = q.points * result.score / 100
    m.lines.append(f"Level {result.level}, score {result.score:.0f}/100.")
    return points


def judge_criterion(q, value, ctx, m):
    if not isinstance(value, str):
        m.lines.append("Expected a sentence in quotes.")
        return 0.0
    result = engine_result(q, value, ctx)
    m.results.append((q.id, value, result))
    finding = result.finding(q.params["criterion"])
    m.lines.append(f"{finding.title}: {finding.status}. {finding.evidence}")
    return q.points if finding.status == "pass" else 0.0


def judge_choices(q, value, ctx, m):
    key = q.key
    if not isinstance(value, dict):
        m.lines.append("Expected a dict such as {\"A\": \"T1\", ...}; got " + type(value).__name__ + ".")
        return 0.0
    got = {str(k).strip().upper(): _norm(v) for k, v in value.items()}
    each, total = q.points / len(key), 0.0
    for label, right in key.items():
        answer = got.get(label.upper(), "")
        if answer == _norm(right):
            total += each
            m.lines.append(f"{label}: right.")
        else:
            m.lines.append(f"{label}: {'not answered' if not answer else 'not the expected answer'}.")
    return total


def judge_choice(q, value, ctx, m):
    right = _norm(value) == _norm(q.key)
    m.lines.append("Right." if right else "Not the expected answer.")
    return q.points if right else 0.0


def judge_pick(q, value, ctx, m):
    chosen = {_norm(v).upper() for v in _as_list(value) if _norm(v)}
    key = {str(k).upper() for k in q.key}
    right, wrong = chosen & key, chosen - key
    m.lines.append(f"{len(right)} of {len(key)} right" + (f", {len(wrong)} not worth mentioning" if wrong else "") + ".")
    return max(0.0, q.points * (len(right) - len(wrong)) / len(key))


def _lcs(a: list, b: list) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def judge_order(q, value, ctx, m):
    got = [_norm(v).upper() for v in _as_list(value) if _norm(v)][:50]
    key = [str(k).upper() for k in q.key]
    common = _lcs(got, key)
    if got == key:
        m.lines.append("All steps in order.")
    else:
        m.lines.append(f"{common} of {len(key)} steps in the right order relative to each other.")
    return q.points * common / len(key) if len(set(got)) == len(got) else q.points * common / len(key) / 2


@lru_cache(maxsize=2)
def acceptance_key(path: str) -> dict[str, float]:
    """Acceptance rate by level in the SIMULATED data, computed here with the csv module."""
    counts, accepted = defaultdict(int), defaultdict(int)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["level"]] += 1
            accepted[row["level"]] += row["accepted"].strip().lower() == "true"
    return {level: accepted[level] / counts[level] for level in LEVELS if counts[level]}


def judge_code(q, exported, ctx, m):
    """``exported`` is the description the kernel printed of the variable (data, never code)."""
    check = q.params["check"]
    if not isinstance(exported, dict) or exported.get("missing"):
        m.lines.append(f"`{q.id}` was not set when the notebook ran.")
        return 0.0
    if check == "acceptance_by_level":
        data = exported.get("data")
        if not isinstance(data, dict):
            m.lines.append(f"Expected a pandas Series (or dict) of rates by level; got {exported.get('type', '?')}.")
            return 0.0
        key = acceptance_key(str(kitdata.simulated_invitations_path()))
        each, total = q.points / len(key), 0.0
        for level, rate in key.items():
            value = data.get(level)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                share = value / 100 if 1 < value <= 100 else value  # a percentage counts too
                if abs(share - rate) <= 0.005:
                    total += each
                    m.lines.append(f"{level}: {value:.3g}, right.")
                    continue
                m.lines.append(f"{level}: {value:.4g} is not the share accepted in the data "
                               "(a fraction between 0 and 1: check the column and use the mean).")
            else:
                m.lines.append(f"{level}: missing.")
        return total
    if check == "simulated_chart":
        if exported.get("type") != "Axes":
            m.lines.append(f"Expected the chart's axes (what .plot returns); got {exported.get('type', '?')}.")
            return 0.0
        points, title = 0.0, str(exported.get("title", ""))
        if int(exported.get("bars", 0) or 0) >= len(LEVELS):
            points += q.points / 2
            m.lines.append("A bar for each level.")
        else:
            m.lines.append("The chart should have one bar per level.")
        if "simulated" in title.lower():
            points += q.points / 2
            m.lines.append("The title says the data are simulated.")
        else:
            m.lines.append("The title must say SIMULATED: every chart of simulated data does.")
        return points
    raise ValueError(f"unknown code check {check!r}")


JUDGES = {
    "levels": judge_levels, "criteria": judge_criteria, "invitation": judge_invitation,
    "criterion": judge_criterion, "choices": judge_choices, "choice": judge_choice,
    "pick": judge_pick, "order": judge_order,
}


def not_answered(q: Question, why: str) -> str:
    """The line a student reads for a question left unanswered."""
    return f"You did not answer {q.name}" + (f" ({why})" if why else "") + "."


def _exported_blank(q: Question, exported) -> str:
    """How a code answer was left, from what the kernel exported ("" when it was answered)."""
    if not isinstance(exported, dict):
        return ""
    kind = exported.get("type")
    if kind == "ellipsis":
        return f"left as `{q.id} = ...`"
    if kind == "NoneType":
        return f"`{q.id}` is None"
    if kind == "str" and exported.get("repr", "").strip("'\" ") in ("", "...", "\u2026"):
        return "empty"
    return ""


def judge(q: Question, answer: Answer, ctx: Context, exported=None) -> Mark:
    m = Mark(q.id, None, q.points)
    if q.manual:
        if answer.blank:
            m.points, m.unanswered = 0.0, answer.blank_why or "no answer"
            m.lines.append(not_answered(q, answer.blank_why))
        else:
            m.lines.append(f"Graded by your instructor ({q.points:g} points).")
        return m
    if q.kind == "code":
        why = _exported_blank(q, exported)
        if why:
            m.points, m.unanswered = 0.0, why
            m.lines.append(not_answered(q, why))
            return m
        m.points = _round(min(q.points, judge_code(q, exported, ctx, m)))
        return m
    if answer.problem:
        m.points = 0.0
        m.lines.append(answer.problem)
        return m
    if answer.blank:
        m.points, m.unanswered = 0.0, answer.blank_why or "no answer"
        m.lines.append(not_answered(q, answer.blank_why))
        return m
    m.points = _round(min(q.points, JUDGES[q.kind](q, answer.value, ctx, m)))
    return m
