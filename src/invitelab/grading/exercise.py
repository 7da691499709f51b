"""One exercise, written once in ``exercises/<id>/source.ipynb``, and the student notebook derived from it.

The source holds the prompts, the model answers (between nbgrader's ``### BEGIN SOLUTION`` and
``### END SOLUTION`` markers, or the whole answer cell), the points (nbgrader's cell metadata,
schema 3) and, for each question, ``metadata.invitelab``: its kind, its public parameters (the
notes to classify, the recipient's id ...) and, for questions with an instructor's key, ``key``.

``build_student`` derives ``exercise.ipynb``: solutions become ``name = ...`` (or "YOUR ANSWER
HERE" for written answers), keys, hidden tests and instructor-only cells are removed, outputs are
cleared. Nothing in the student notebook reveals an answer the engine cannot compute itself.
"""
from __future__ import annotations

import ast
import copy
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import kitdata

NBGRADER_SCHEMA = 3
BLANK_WRITTEN = "YOUR ANSWER HERE"
KINDS = ("levels", "criteria", "invitation", "criterion", "choices", "choice", "pick", "order", "code", "written")
# Kinds whose key an instructor writes (the others are judged by the engine or by hand).
KEYED = ("choices", "choice", "pick", "order")
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


class ExerciseError(ValueError):
    """An exercise source that cannot be used (one line, names the file and the problem)."""


@dataclass(frozen=True)
class Question:
    id: str  # "q1": the nbgrader grade_id of the answer cell and the answer's variable name
    kind: str
    points: float
    prompt: str  # text that starts the prompt cell ("Question 1"), to find a cell whose tag was lost
    params: dict = field(default_factory=dict)
    key: Any = None
    cell_type: str = "code"
    example: Any = None  # the value of the answer cell's "# Example: q1 = ..." line, if it has one

    @property
    def manual(self) -> bool:
        return self.kind == "written"

    @property
    def name(self) -> str:
        """How a student reads it: "question 1" (from the prompt "Question 1"), else the id."""
        return self.prompt[:1].lower() + self.prompt[1:] if self.prompt else self.id


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    chapter: str
    questions: tuple[Question, ...]
    path: Path

    @property
    def needs_kernel(self) -> bool:
        return any(q.kind == "code" for q in self.questions)

    @property
    def max_points(self) -> float:
        """Points the grader awards itself (written answers are graded by hand, apart)."""
        return sum(q.points for q in self.questions if not q.manual)

    @property
    def manual_points(self) -> float:
        return sum(q.points for q in self.questions if q.manual)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        return "".join(s for s in src if isinstance(s, str))
    return src if isinstance(src, str) else ""


def source_path(exercise: str | Path) -> Path:
    """An exercise id (``spot-generic``), its folder, or a path to a source notebook."""
    path = Path(exercise)
    if path.suffix == ".ipynb":
        return path
    if path.is_dir():
        return path / "source.ipynb"
    return kitdata.exercises_dir() / str(exercise) / "source.ipynb"


def exercise_ids() -> list[str]:
    root = kitdata.exercises_dir()
    return sorted(p.parent.name for p in root.glob("*/source.ipynb")) if root.is_dir() else []


def read_json_notebook(path: Path) -> dict:
    try:
        nb = json.loads(path.read_text(encoding="utf-8-sig"))
    except (FileNotFoundError, NotADirectoryError):  # a part of the path is a file: no such notebook either
        known = ", ".join(exercise_ids()) or "none"
        raise ExerciseError(f"{path}: no such exercise notebook (the kit's exercises: {known})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExerciseError(f"{path}: not a readable notebook ({error})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise ExerciseError(f"{path}: not a notebook (no list of cells)")
    return nb


EXAMPLE_LINE = re.compile(r"^#\s*Example:\s*(?P<name>\w+)\s*=\s*(?P<value>.+)$", re.M)


def starter_example(source: str, qid: str) -> Any:
    """The value an answer cell shows as its form (``# Example: q1 = {"A": "generic", "B": "..."}``),
    or None: a student who leaves it as it is has not answered."""
    for m in EXAMPLE_LINE.finditer(source):
        if m["name"] == qid:
            try:
                return ast.literal_eval(m["value"].strip())
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                return None
    return None


def parse_exercise(nb: dict, path: Path, require_keys: bool = True) -> Exercise:
    meta = nb.get("metadata", {}).get("invitelab", {})
    if not meta.get("exercise"):
        raise ExerciseError(f"{path}: the notebook's metadata has no invitelab.exercise id")
    questions, seen = [], set()
    for index, cell in enumerate(nb["cells"]):
        spec = cell.get("metadata", {}).get("invitelab", {})
        if "question" not in spec:
            continue
        grader = cell.get("metadata", {}).get("nbgrader", {})
        qid, kind = spec["question"], spec.get("kind")
        where = f"{path}: cell {index + 1} (question {qid})"
        if kind not in KINDS:
            raise ExerciseError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if qid in seen:
            raise ExerciseError(f"{where}: the question id repeats")
        if grader.get("grade_id") != qid or not grader.get("solution"):
            raise ExerciseError(f"{where}: nbgrader metadata needs grade_id {qid!r} and solution: true")
        if grader.get("schema_version") != NBGRADER_SCHEMA:
            raise ExerciseError(f"{where}: nbgrader schema_version must be {NBGRADER_SCHEMA}")
        if not isinstance(grader.get("points"), (int, float)) or grader["points"] <= 0:
            raise ExerciseError(f"{where}: nbgrader points must be a positive number")
        if require_keys and kind in KEYED and "key" not in spec:
            raise ExerciseError(f"{where}: a {kind} question needs a key in metadata.invitelab")
        if kind != "written" and cell.get("cell_type") != "code":
            raise ExerciseError(f"{where}: a {kind} answer must be a code cell (`{qid} = ...`)")
        seen.add(qid)
        params = {k: v for k, v in spec.items() if k not in ("question", "kind", "key", "prompt")}
        questions.append(Question(qid, kind, float(grader["points"]), spec.get("prompt", ""), params,
                                  spec.get("key"), cell.get("cell_type", "code"),
                                  starter_example(cell_source(cell), qid)))
    if not questions:
        raise ExerciseError(f"{path}: no question cells (metadata.invitelab.question)")
    return Exercise(meta["exercise"], meta.get("title", meta["exercise"]), meta.get("chapter", ""),
                    tuple(questions), path)


def load_exercise(exercise: str | Path) -> Exercise:
    """The instructor's exercise: questions, points and keys, from its source notebook."""
    path = source_path(exercise)
    return parse_exercise(read_json_notebook(path), path)


def load_public(exercise_id: str) -> Exercise:
    """The student's view of an exercise (no keys), from the derived exercise.ipynb."""
    path = kitdata.exercises_dir() / exercise_id / "exercise.ipynb"
    return parse_exercise(read_json_notebook(path), path, require_keys=False)


# ------------------------------------------------------------------------------------------
# Deriving the student notebook

def _region(text: str, begin: str, end: str) -> tuple[str, str, str] | None:
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip() == begin]
    ends = [i for i, line in enumerate(lines) if line.strip() == end]
    if not starts or not ends or ends[0] < starts[0]:
        return None
    a, b = starts[0], ends[0]
    return "".join(lines[:a]), "".join(lines[a + 1:b]), "".join(lines[b + 1:])


def code_stub(solution: str) -> str:
    """``name = <model answer>`` lines become ``name = ...``; everything else goes."""
    try:
        tree = ast.parse(solution)
    except SyntaxError as error:
        raise ExerciseError(f"a model answer is not valid Python: {error}") from None
    names = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id not in names:
                names.append(target.id)
    return "".join(f"{name} = ...\n" for name in names)


def _strip_solution(cell: dict) -> None:
    text = cell_source(cell)
    region = _region(text, BEGIN_SOLUTION, END_SOLUTION)
    before, solution, after = region if region else ("", text, "")
    if cell.get("cell_type") == "code":
        new = before + code_stub(textwrap.dedent(solution)) + after
    else:
        new = before + BLANK_WRITTEN + ("\n" if after else "") + after
    cell["source"] = new.rstrip("\n")


def _strip_hidden(cell: dict) -> None:
    text = cell_source(cell)
    while (region := _region(text, BEGIN_HIDDEN, END_HIDDEN)) is not None:
        text = region[0] + region[2]
    cell["source"] = text.rstrip("\n")


def build_student(source: dict) -> dict:
    """The student's exercise.ipynb from the source notebook (pure: returns a new dict)."""
    nb = copy.deepcopy(source)
    cells = []
    for cell in nb["cells"]:
        meta = cell.setdefault("metadata", {})
        if meta.get("invitelab", {}).get("instructor") or "instructor" in meta.get("tags", []):
            continue
        if "invitelab" in meta:
            meta["invitelab"].pop("key", None)
        if meta.get("nbgrader", {}).get("solution"):
            _strip_solution(cell)
        _strip_hidden(cell)
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    nb["cells"] = cells
    return nb


def dumps_notebook(nb: dict) -> str:
    """Deterministic JSON, as nbformat writes it (one-space indent, sorted keys)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def build_all(check_only: bool = False, ids: list[str] | None = None) -> list[tuple[str, str]]:
    """Build (or, with ``check_only``, compare) every exercise.ipynb. Returns (id, what happened)."""
    report = []
    for eid in ids or exercise_ids():
        source = source_path(eid)
        nb = read_json_notebook(source)
        parse_exercise(nb, source)  # validate first: a broken source never produces a student copy
        text = dumps_notebook(build_student(nb))
        target = source.parent / "exercise.ipynb"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            report.append((eid, "up to date"))
        elif check_only:
            report.append((eid, "STALE: run `invitelab exercises build`"))
        else:
            from .files import write_atomic

            write_atomic(target, text)
            report.append((eid, "built"))
    return report
