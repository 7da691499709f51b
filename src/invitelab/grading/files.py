"""Write a file whole or not at all: a temporary file in the same folder, then a rename.

An interrupted run (Ctrl-C, a crash, a full disk) leaves the previous file, never half of one.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def csv_text(header: list[str], rows: list[list]) -> str:
    """CSV with the csv module (quoting commas, quotes and newlines in names), UTF-8, \\r\\n rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
