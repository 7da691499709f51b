"""Sample submissions for the grader's golden tests: a class as an LMS hands it out, good and bad.

Each sample is made from the exercise's own notebooks (the instructor's source for a full-marks
answer, the student's exercise.ipynb for a blank one) by a small, named change, so the samples
follow the exercises when they change and the golden files show what that did.
"""
from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def notebook(exercise: str, which: str) -> dict:
    return json.loads((ROOT / "exercises" / exercise / f"{which}.ipynb").read_text(encoding="utf-8"))


def dumps(nb: dict) -> bytes:
    return (json.dumps(nb, indent=1) + "\n").encode("utf-8")


def cell(nb: dict, cid: str) -> dict:
    return next(c for c in nb["cells"] if c.get("id") == cid)


def set_answer(nb: dict, qid: str, source: str) -> dict:
    nb = copy.deepcopy(nb)
    cell(nb, qid)["source"] = source
    return nb


def text_class(exercise: str = "write-three") -> dict[str, bytes]:
    """Canvas-style file names -> bytes, for an exercise graded without a kernel."""
    full, blank = notebook(exercise, "source"), notebook(exercise, "exercise")
    good_q1 = cell(full, "q1")["source"]
    files: dict[str, bytes] = {}
    files["smithtaylor_12345_67890_exercise.ipynb"] = dumps(full)
    files["blankbob_20001_30001_exercise.ipynb"] = dumps(blank)
    part = set_answer(blank, "q1", good_q1)
    part = set_answer(part, "q2", 'q2 = """Hi Tomas, I\'d like to add you to my professional network on LinkedIn."""')
    files["partlypat_20002_30002_exercise.ipynb"] = dumps(part)
    files["brokenbea_20003_30003_exercise.ipynb"] = dumps(full)[:700]  # truncated JSON
    files["emptyed_20004_30004_exercise.ipynb"] = b""
    files["renamedrita_20005_30005_exercise.txt"] = dumps(full)
    files["docdan_20006_30006_essay.docx"] = b"PK\x03\x04 not a notebook"
    deleted = copy.deepcopy(full)
    deleted["cells"] = [c for c in deleted["cells"] if c.get("id") != "q2"]
    files["deletedduc_20007_30007_exercise.ipynb"] = dumps(deleted)
    dup = copy.deepcopy(full)
    i = next(i for i, c in enumerate(dup["cells"]) if c.get("id") == "q1")
    copy_cell = copy.deepcopy(dup["cells"][i])
    copy_cell["id"] = "q1-copy"
    copy_cell["source"] = 'q1 = """Hi Dana, I\'d like to add you to my professional network on LinkedIn."""'
    dup["cells"].insert(i, copy_cell)  # an older draft above the real one
    files["duplicatedee_20008_30008_exercise.ipynb"] = dumps(dup)
    moved = copy.deepcopy(full)
    moved["cells"].reverse()
    files["reorderedray_20009_30009_exercise.ipynb"] = dumps(moved)
    stripped = copy.deepcopy(full)
    for c in stripped["cells"]:
        c["metadata"] = {"nbgrader": {"points": 100}} if c.get("id") == "q1" else {}
    stripped["metadata"] = {"kernelspec": {"name": "R"}}
    files["metadatameg_20010_30010_exercise.ipynb"] = dumps(stripped)
    retyped = set_answer(full, "q3", cell(full, "q3")["source"].replace("q3 = ", "my_note = "))
    for c in retyped["cells"]:
        if c.get("id") == "q3":
            c["metadata"] = {}
    files["retypedrex_20011_30011_exercise.ipynb"] = dumps(retyped)
    hostile = set_answer(full, "q1", 'q1 = __import__("os").system("echo pwned > /tmp/invitelab-pwned")')
    hostile = set_answer(hostile, "q2", 'q2 = """<script>alert("x")</script> Hi Tomas & co, <b>hire me</b>"""')
    hostile["cells"].insert(1, {"cell_type": "code", "id": "evil", "metadata": {}, "outputs": [], "execution_count": None,
                                "source": "import invitelab\ninvitelab.score = lambda *a, **k: None\n"
                                          "print(open('../exercises/write-three/source.ipynb').read())"})
    files["hostileh_20012_30012_exercise.ipynb"] = dumps(hostile)
    syntax = set_answer(full, "q3", 'q3 = """Hi James, I never closed my quotes')
    files["syntaxsy_20013_30013_exercise.ipynb"] = dumps(syntax)
    files["smithtaylor_LATE_12345_67891_exercise-1.ipynb"] = dumps(part)
    files["Lee, Ana_555_assignsubmission_file_/exercise.ipynb"] = dumps(full)
    files["__MACOSX/._smithtaylor_12345_67890_exercise.ipynb"] = b"\x00\x05\x16\x07"
    return files


def code_class() -> dict[str, bytes]:
    """Submissions of the pandas exercise: each bad case of code that runs."""
    full, blank = notebook("data-acceptance", "source"), notebook("data-acceptance", "exercise")
    q1 = cell(full, "q1")["source"]
    files = {"fullfay_1_1_exercise.ipynb": dumps(full), "blankbo_2_2_exercise.ipynb": dumps(blank)}
    files["raisingrai_3_3_exercise.ipynb"] = dumps(set_answer(full, "q2", "q2 = 1 / 0"))
    files["loopylou_4_4_exercise.ipynb"] = dumps(set_answer(full, "q2", "while True:\n    pass"))
    files["floodflo_5_5_exercise.ipynb"] = dumps(set_answer(
        full, "q2", cell(full, "q2")["source"] + "\nfor _ in range(200):\n    print('x' * 100_000)"))
    files["hostilehal_6_6_exercise.ipynb"] = dumps(set_answer(full, "q1", (
        "import invitelab, invitelab.grading\n"
        "invitelab.score = lambda *a, **k: None\n"
        "secret = open(invitelab.kitdata.exercises_dir() / 'data-acceptance' / 'source.ipynb').read()\n"
        "open('stolen-key.txt', 'w').write(secret[:100])\n"
        "q1 = {'generic': 1.0, 'developing': 1.0, 'personalized': 1.0, 'exemplary': 1.0}\n"
        "q3 = 'generic'\n")))
    files["exitedex_7_7_exercise.ipynb"] = dumps(set_answer(full, "q2", "import os\nos._exit(3)"))
    files["wrongwes_8_8_exercise.ipynb"] = dumps(set_answer(
        set_answer(full, "q1", q1.replace('.mean()', '.sum()')), "q3", 'q3 = "generic"'))
    return files


def write_folder(files: dict[str, bytes], folder: Path) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def write_zip(files: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path
