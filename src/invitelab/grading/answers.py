"""Read a student's notebook as data and find each answer, without running anything.

A written answer is a plain Python value (``q1 = "..."``, ``q2 = ["a", "c"]``) read with
``ast.literal_eval``, or the text of a Markdown cell. An answer is found by its tag (nbgrader's
``grade_id``, or a cell tag), then by its variable in any code cell, then by the cell below its
prompt; how it was found is reported, so a deleted, moved, duplicated or retyped cell is graded
or reported missing with a reason, never left in limbo.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .exercise import BLANK_WRITTEN, Exercise, Question, cell_source


class SubmissionError(ValueError):
    """A file that is not a usable notebook (one line: what is wrong)."""


@dataclass
class Answer:
    question: str
    value: Any = None
    found: str = ""  # "tag", "variable", "prompt" or "" (missing)
    blank: bool = True
    problem: str = ""  # why it cannot be graded (not valid Python, not a plain value ...)
    blank_why: str = ""  # when blank: how it was left ("left as `q1 = ...`", "empty" ...)
    notes: list[str] = field(default_factory=list)


def read_notebook(data: bytes) -> dict:
    """Parse a notebook file's bytes; raise SubmissionError with a one-line reason."""
    if not data.strip():
        raise SubmissionError("the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise SubmissionError("not a notebook: the file is UTF-16 text, not UTF-8; save it again from Jupyter")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SubmissionError(f"not a notebook: the file is not UTF-8 text (byte {error.start})") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as error:
        raise SubmissionError(f"the notebook is damaged: not valid JSON (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise SubmissionError("the notebook is damaged: its JSON is nested too deeply") from None
    except ValueError as error:  # e.g. a number of more than 4,300 digits
        raise SubmissionError(f"the notebook is damaged: {str(error).split(';')[0]}") from None
    if not isinstance(nb, dict):
        raise SubmissionError("not a notebook: the JSON has no list of cells")
    fmt = nb.get("nbformat", 4)
    if fmt == 3 and not isinstance(fmt, bool) and "cells" not in nb:
        return _from_nbformat3(nb)
    if not isinstance(nb.get("cells"), list):
        raise SubmissionError("not a notebook: the JSON has no list of cells")
    if fmt != 4 or isinstance(fmt, bool):
        if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt < 4:
            raise SubmissionError(f"an old notebook format (nbformat {fmt}); save it again in Jupyter")
        raise SubmissionError(f"not a notebook this grader reads (nbformat {str(fmt)[:20]!r}, not 4); "
                              "save it again in Jupyter")
    return nb


def _from_nbformat3(nb: dict) -> dict:
    """A notebook saved in the old format 3 (cells inside ``worksheets``, code in ``input``), read as
    format 4 so that its answers can be found by name; the row says it was converted."""
    worksheets = nb.get("worksheets")
    if not isinstance(worksheets, list):
        raise SubmissionError("an old notebook format (nbformat 3) with no worksheets; save it again in Jupyter")
    cells = []
    for sheet in worksheets:
        for cell in (sheet.get("cells") if isinstance(sheet, dict) else None) or []:
            if not isinstance(cell, dict):
                cells.append(cell)  # counted as damaged, as in a format 4 notebook
                continue
            kind = cell.get("cell_type")
            source = cell.get("input", "") if kind == "code" else cell.get("source", "")
            if kind == "heading":  # format 3's heading cells are Markdown headings in format 4
                level = cell.get("level", 1) if isinstance(cell.get("level"), int) else 1
                text = "".join(source) if isinstance(source, list) else str(source)
                kind, source = "markdown", "#" * max(1, min(level, 6)) + " " + text
            cells.append({"cell_type": kind if kind in ("code", "markdown", "raw") else "raw", "source": source,
                          "metadata": cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}})
    meta = nb.get("metadata") if isinstance(nb.get("metadata"), dict) else {}
    return {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 0, "converted_from": 3}


def _cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if isinstance(c, dict) and isinstance(c.get("metadata", {}), dict)]


def _tagged(cell: dict, qid: str) -> bool:
    meta = cell.get("metadata") or {}
    grader = meta.get("nbgrader")
    tags = meta.get("tags")
    return (isinstance(grader, dict) and grader.get("grade_id") == qid) or (isinstance(tags, list) and qid in tags)


def _assigned(source: str, name: str | None):
    """(found, value, problem) for the last top-level ``name = <value>`` in the code."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return False, None, f"the cell is not valid Python (line {error.lineno}: {error.msg}); check the quotes and brackets"
    except (ValueError, RecursionError, MemoryError):
        return False, None, "the cell cannot be read as Python"
    nodes = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and (name is None or target.id == name) and node.value is not None:
                nodes.append((target.id, node.value))
    if not nodes:
        return False, None, ""
    if name is None and len({n for n, _ in nodes}) != 1:
        return False, None, ""
    var, value_node = nodes[-1]
    try:
        value = ast.literal_eval(value_node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return True, None, (f"`{var} = ...` is not a plain value (text in quotes, a list or a dict); "
                            "it was not run, so it could not be graded")
    return True, (var, value), ""


PLACEHOLDERS = ("...", "\u2026", BLANK_WRITTEN.lower())  # the template's `...`, an editor's "…", nbgrader's text


def _is_blank(value) -> bool:
    if value is Ellipsis or value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or value.strip().lower() in PLACEHOLDERS
    if isinstance(value, (list, tuple, set, dict)):
        return len(value) == 0 or all(_is_blank(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _has_placeholder(value) -> bool:
    if isinstance(value, str):
        return "..." in value or "\u2026" in value
    if isinstance(value, dict):
        return any(_has_placeholder(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_placeholder(v) for v in value)
    return False


def unchanged_example(value, q: Question) -> bool:
    """The answer is the question's own example, with its ``...`` still in it (never an answer)."""
    example = q.example
    if example is None or not _has_placeholder(example):
        return False
    if isinstance(value, str) and isinstance(example, str):
        return " ".join(value.split()) == " ".join(example.split())
    return value == example


def blank_reason(value, q: Question) -> str:
    """Why a value counts as no answer ("" when it is an answer), in the words a student would use."""
    if value is Ellipsis:
        return f"left as `{q.id} = ...`"
    if value is None:
        return f"`{q.id} = None`"
    if isinstance(value, str):
        if not value:
            return "empty"
        if not value.strip():
            return "only spaces"
        if value.strip().lower() in PLACEHOLDERS:
            return f"left as {value.strip()!r}"
    if unchanged_example(value, q):
        return "the example in the question, left unchanged"
    if _is_blank(value):
        return "empty" if not value else "every part left as `...`"
    return ""


def _written(cell: dict) -> str:
    text = cell_source(cell).strip()
    return "" if text in ("", BLANK_WRITTEN) else text


def _prompt_index(cells: list[dict], prompt: str) -> int | None:
    if not prompt:
        return None
    heading = re.compile(rf"^#+\s*{re.escape(prompt)}(?!\d)", re.M | re.I)  # "## Question 1 (...", not "Question 10"
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "markdown" and heading.search(cell_source(cell)):
            return i
    return None


def find_answer(cells: list[dict], q: Question) -> Answer:
    answer = Answer(q.id)
    tagged = [c for c in cells if _tagged(c, q.id)]
    if q.cell_type == "markdown":
        texts = [t for t in (_written(c) for c in tagged) if t]
        if tagged:
            answer.found = "tag"
        else:
            start = _prompt_index(cells, q.prompt)
            after = [c for c in cells[start + 1:start + 3] if c.get("cell_type") == "markdown"] if start is not None else []
            texts = [t for t in (_written(c) for c in after[:1]) if t]
            if after:
                answer.found = "prompt"
                answer.notes.append("found below its prompt (the answer cell's metadata was changed)")
        if len(texts) > 1:
            answer.notes.append(f"{len(texts)} cells hold this answer; all are shown to the instructor")
        answer.value = "\n\n".join(texts)
        answer.blank = not texts
        if answer.blank:
            left = [cell_source(c).strip() for c in (tagged or after)]
            answer.blank_why = (f"left as “{BLANK_WRITTEN}”" if BLANK_WRITTEN in left else
                                "the answer cell is empty" if left else "no answer cell")
        return answer

    # code answers: by tag, then by variable anywhere, then below the prompt
    found = []
    for cell in tagged:
        ok, value, problem = _assigned(cell_source(cell), q.id)
        if ok or problem:
            found.append((value, problem))
    if found:
        answer.found = "tag"
    else:
        for cell in cells:
            if cell.get("cell_type") == "code" and not _tagged(cell, q.id):
                ok, value, problem = _assigned(cell_source(cell), q.id)
                if ok:
                    found.append((value, problem))
        if found:
            answer.found = "variable"
            answer.notes.append(f"found by its name `{q.id}` (the answer cell was moved, retyped or its metadata changed)")
    if not found:
        start = _prompt_index(cells, q.prompt)
        below = [c for c in cells[start + 1:start + 3] if c.get("cell_type") == "code"][:1] if start is not None else []
        for cell in below:
            ok, value, problem = _assigned(cell_source(cell), None)
            if ok:
                found.append((value, problem))
                answer.found = "prompt"
                answer.notes.append(f"found below its prompt, named `{value[0]}` instead of `{q.id}`" if value
                                    else "found below its prompt")
            elif problem and tagged:
                found.append((None, problem))
                answer.found = "tag"
        if not found and tagged:
            answer.found = "tag"
            bare = _bare_value(tagged, q)
            if bare is not None:
                found.append(((q.id, bare), ""))
                answer.notes.append(f"graded the answer written in its cell, though it is not assigned to `{q.id}` "
                                    f"(write `{q.id} = ...` so that check(\"{q.id}\") sees it)")
    if not found:
        if not answer.found:
            answer.problem = "no answer found: the answer cell was deleted and no cell sets `" + q.id + "`"
        else:
            answer.blank_why = _left_as(tagged)
        return answer
    real = [(v, p) for v, p in found if p or not blank_reason(v[1], q)]
    if len(found) > 1:
        answer.notes.append(f"{len(found)} cells set `{q.id}`; the last one with an answer was graded, as running the notebook top to bottom would")
    value, problem = (real or found)[-1]
    answer.problem = problem
    if value is not None:
        answer.value = value[1]
        answer.blank_why = blank_reason(value[1], q)
        answer.blank = bool(answer.blank_why)
    return answer


def _bare_value(cells: list[dict], q: Question):
    """A plain value written alone in the answer cell without ``q1 =`` (the student overwrote the
    whole line): the last such value that is an answer, or None."""
    for cell in reversed(cells):
        try:
            tree = ast.parse(cell_source(cell))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in reversed(tree.body):
            if isinstance(node, ast.Expr):
                try:
                    value = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    continue
                if not blank_reason(value, q):
                    return value
    return None


def _left_as(cells: list[dict]) -> str:
    """How answer cells with no ``q1 = ...`` in them were left."""
    text = "\n".join(cell_source(c) for c in cells)
    code = [ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    if any("NotImplementedError" in ln for ln in code):
        return "left as `raise NotImplementedError()`"
    return "the answer cell is empty" if not code else "the answer cell sets nothing"


def declared_exercise(nb: dict) -> str:
    """The exercise id a notebook's metadata names (the student notebook carries it), or ""."""
    meta = nb.get("metadata") if isinstance(nb.get("metadata"), dict) else {}
    lab = meta.get("invitelab")
    value = lab.get("exercise") if isinstance(lab, dict) else None
    return value if isinstance(value, str) else ""


def find_answers(nb: dict, exercise: Exercise) -> tuple[dict[str, Answer], list[str]]:
    """Every question's answer, and notes about the notebook as a whole."""
    cells = _cells(nb)
    notes = []
    if nb.get("converted_from") == 3:
        notes.append("an old notebook format (nbformat 3), read by the answers' names; ask the student to save it "
                     "again in a current Jupyter")
    if len(cells) != len(nb["cells"]):
        notes.append(f"{len(nb['cells']) - len(cells)} damaged cells were skipped")
    other = declared_exercise(nb)
    if other and other != exercise.id:
        notes.append(f"this notebook says it is exercise {other!r}, not {exercise.id!r}")
    answers = {q.id: find_answer(cells, q) for q in exercise.questions}
    if nb.get("converted_from") == 3:  # format 3 has no cell ids or tags: every answer is found by its name
        for answer in answers.values():
            answer.notes = [n for n in answer.notes if not n.startswith("found by its name")]
    return answers, notes


def code_cells(nb: dict) -> list[str]:
    """The student's code cells, in order, for execution (self-check cells are left out: feedback only)."""
    out = []
    for cell in _cells(nb):
        if cell.get("cell_type") != "code":
            continue
        src = cell_source(cell)
        if src.strip().startswith("check(") and src.strip().count("\n") == 0:
            continue
        out.append(src)
    return out
