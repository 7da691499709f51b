"""Collect submissions from a folder or an LMS zip, and read each student's name from the file's name.

- Canvas bulk download: ``smithtaylor_12345_67890_exercise.ipynb``,
  ``smithtaylor_LATE_12345_67890_exercise-1.ipynb`` (login-like name, user id, submission id).
- Moodle: a folder per student, ``Taylor Smith_12345_assignsubmission_file_/exercise.ipynb``.
- nbgrader: ``submitted/<student>/<assignment>/<file>.ipynb``; any folder per student.
- Otherwise the file's name without ``.ipynb`` is the student.

Every file becomes one Submission, whatever it holds; files are read into memory here, so nothing
a student's code does while it runs can change another submission.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_BYTES = 20 * 1024 * 1024  # a notebook bigger than this is reported, not read
CANVAS = re.compile(r"^(?P<student>[^_/]+?)(?P<late>_LATE)?_(?P<user>\d+)_(?P<sub>\d+)_(?P<name>.+)$")
MOODLE = re.compile(r"^(?P<student>.+?)_(?P<user>\d+)_assignsubmission_[a-z]+_?$")
JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", ".ipynb_checkpoints/")


class SubmissionsError(ValueError):
    """The submissions path itself is unusable (stops the run before anything is written)."""


@dataclass
class Submission:
    file: str  # the path inside the zip or folder, as the instructor sees it
    student: str
    user_id: str = ""  # the LMS's user id when the name carries one (Canvas, Moodle)
    late: bool = False
    data: bytes | None = None
    problem: str = ""  # set when the file could not be read at all


def student_of(relpath: str) -> tuple[str, str, bool]:
    """(student, LMS user id, late) from a file's path inside the submissions."""
    parts = PurePosixPath(relpath).parts
    name = parts[-1]
    m = CANVAS.match(name)
    if m:
        return m["student"], m["user"], bool(m["late"])
    folders = [p for p in parts[:-1] if p.lower() not in ("submitted", "submissions")]
    if folders:
        m = MOODLE.match(folders[0])
        if m:
            return m["student"].strip(), m["user"], False
        return folders[0], "", False
    stem = name[:-6] if name.lower().endswith(".ipynb") else name
    return stem, "", False


def _junk(relpath: str) -> bool:
    return any(j in relpath or relpath.endswith(j.rstrip("/")) for j in JUNK) or relpath.startswith(".")


def collect(path: str | Path) -> tuple[list[Submission], int]:
    """All submission files, sorted; and how many system files (``__MACOSX``...) were skipped."""
    path = Path(path)
    found, skipped = [], 0
    if path.exists() and not os.access(path, os.R_OK | (os.X_OK if path.is_dir() else 0)):
        raise SubmissionsError(f"{path}: cannot be read (permission denied)")
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = file.relative_to(path).as_posix()
            if _junk(rel):
                skipped += 1
                continue
            sub = Submission(rel, *student_of(rel))
            try:
                size = file.stat().st_size
                if size > MAX_BYTES:
                    sub.problem = f"the file is too large to be a notebook ({size // 1_000_000} MB)"
                else:
                    sub.data = file.read_bytes()
            except OSError as error:
                sub.problem = f"the file cannot be read ({error.strerror})"
            found.append(sub)
    elif path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                for info in sorted(archive.infolist(), key=lambda i: i.filename):
                    rel = info.filename
                    if info.is_dir():
                        continue
                    # "../../x.ipynb" or "/x.ipynb": nothing is extracted, the name only says who it is
                    safe = "/".join(part for part in PurePosixPath(rel.replace("\\", "/")).parts
                                    if part not in ("/", "..", ".")) or "unnamed"
                    if _junk(safe):
                        skipped += 1
                        continue
                    sub = Submission(rel, *student_of(safe))
                    if info.file_size > MAX_BYTES:
                        sub.problem = f"the file is too large to be a notebook ({info.file_size // 1_000_000} MB)"
                    else:
                        try:
                            with archive.open(info) as f:
                                sub.data = f.read(MAX_BYTES + 1)
                            if len(sub.data) > MAX_BYTES:  # the zip understated its size
                                sub.data, sub.problem = None, "the file is too large to be a notebook"
                        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
                            sub.problem = f"the file cannot be read from the zip ({error})"
                    found.append(sub)
        except (zipfile.BadZipFile, OSError) as error:
            raise SubmissionsError(f"{path}: the zip cannot be read ({error})") from None
    elif path.is_file() and path.suffix.lower() == ".ipynb":
        sub = Submission(path.name, *student_of(path.name))
        if path.stat().st_size > MAX_BYTES:
            sub.problem = f"the file is too large to be a notebook ({path.stat().st_size // 1_000_000} MB)"
        else:
            sub.data = path.read_bytes()
        found.append(sub)
    elif path.is_file() and path.suffix.lower() == ".zip":
        raise SubmissionsError(f"{path}: the zip cannot be read (damaged or incomplete: download it again)")
    elif path.exists():
        raise SubmissionsError(f"{path}: not a folder, a zip or a notebook")
    else:
        raise SubmissionsError(f"{path}: no such folder or zip")
    found.sort(key=lambda s: (s.student.lower(), s.file))
    return found, skipped
