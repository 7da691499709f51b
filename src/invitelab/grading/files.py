"""Write a file whole or not at all: a temporary file in the same folder, then a rename.

An interrupted run (Ctrl-C, a crash, a full disk) leaves the previous file, never half of one.
``check_output`` refuses, before anything is graded, an output that would destroy something: an
input (the submissions, the exercise, a rubric or profile file), a link, a device, a folder.
"""
from __future__ import annotations

import csv
import io
import os
import stat
import tempfile
from pathlib import Path

from ..atomic import write_whole


class OutputError(ValueError):
    """An output path that must not be written (one line: which and why)."""


def clean_text(text: str) -> str:
    """``text`` with lone surrogates (pasted broken emoji, undecodable file names) shown as U+FFFD,
    so that it can be written as UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def write_atomic(path: str | Path, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_whole(path, clean_text(text).encode("utf-8"))


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str | Path, inputs: list, *, folder: bool = False, create_parent: bool = False) -> Path:
    """Raise OutputError if writing ``path`` (a file, or with ``folder`` a folder of files) could
    replace one of ``inputs`` or something that is not a plain file."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    what = "folder" if folder else "file"
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(f"{path}: is a link; name a plain {what} for the output (the link is left alone)")
        if folder and not stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}: is a file, not a folder; name a folder for the feedback files")
        if not folder and stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}: is a folder; name a file for the output, such as {path / 'gradebook.csv'}")
        if not folder and not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{path}: is not a regular file (a device or a pipe); name a regular file")
    for item in inputs:
        if item and path.exists() and _same(path, Path(item)):
            raise OutputError(f"{path}: is an input ({item}); writing there would destroy it. Name another "
                              f"{what}")
    parent = path.parent
    if not create_parent and not parent.is_dir():
        raise OutputError(f"{path}: cannot write (the folder {str(parent)!r} does not exist)")
    if parent.is_dir() and not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write (the folder {str(parent)!r} is read-only)")
    probe = path if folder and path.is_dir() else parent
    if probe.is_dir():  # a read-only file system, a full disk or /proc say no only when asked
        try:
            fd, name = tempfile.mkstemp(prefix=".invitelab-probe.", dir=probe)
            os.close(fd)
            os.unlink(name)
        except OSError as error:
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    return path


def csv_text(header: list[str], rows: list[list]) -> str:
    """CSV with the csv module (quoting commas, quotes and newlines in names), UTF-8, \\r\\n rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
