"""Saved drafts and their CSV export: the file the class dashboard and the grader read.

One row per saved draft. The columns, in order (``DRAFTS_CSV_COLUMNS`` documents each):

==================== ==============================================================
``id``               unique id of this draft (``d-`` and 12 random hex digits)
``student``          the student's name or id, as typed once in the studio
``recipient_id``     who the note is to (a profile id from ``data/profiles.json``)
``sender_id``        the sender persona's id (empty when the student described themself)
``text``             the note, exactly as written
``timestamp``        when the draft was saved, ISO 8601 with the UTC offset
``draft``            the draft's number in this session: 1, 2, 3 ...
``sender_description`` the free-text "about you", when no persona was picked
``limit``            the character limit the note was checked against (200 or 300)
``characters``       the note's length (Python's ``len``)
``level``            the engine's level when it was saved
``score``            the engine's 0-100 score when it was saved
one per criterion    ``pass``, ``fail`` or ``n/a`` (greeting ... tone)
==================== ==============================================================

``id``, ``recipient_id``, ``sender_id`` and ``text`` are what ``invitelab score`` reads, so a
class's drafts can be re-scored from the command line. The file is UTF-8 with a byte-order
mark (spreadsheets then read accents right), quoted the way Python's csv module does, and is
named after the student: ``invitelab-drafts-<student>-<date>.csv``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from ..engine.criteria import CRITERION_IDS as CRITERIA_IDS  # the single source of criterion ids

DRAFTS_CSV_COLUMNS = {
    "id": "unique id of this draft",
    "student": "the student's name or id, typed once in the studio",
    "recipient_id": "who the note is to (a profile id)",
    "sender_id": "the sender persona's id (empty for a free-text description)",
    "text": "the note, exactly as written",
    "timestamp": "when the draft was saved (ISO 8601, with the UTC offset)",
    "draft": "the draft's number in this session (1, 2, 3 ...)",
    "sender_description": "the free-text description, when no persona was picked",
    "limit": "the character limit it was checked against",
    "characters": "the note's length",
    "level": "the engine's level when saved",
    "score": "the engine's 0-100 score when saved",
    **{cid: f"the {cid} check: pass, fail or n/a" for cid in CRITERIA_IDS},
}
CSV_COLUMNS = tuple(DRAFTS_CSV_COLUMNS)

EXPORT_FILENAME = "invitelab-drafts.csv"  # the name when no student name is given yet


def student_slug(student: str) -> str:
    """'Alex Rivera-Núñez' -> 'alex-rivera-nunez': safe in a file name on every system."""
    text = unicodedata.normalize("NFKD", str(student or "")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40].strip("-")


def export_filename(student: str, when: datetime | None = None) -> str:
    """``invitelab-drafts-<student>-<YYYYMMDD-HHMM>.csv`` (the plain name without a student)."""
    slug = student_slug(student)
    if not slug:
        return EXPORT_FILENAME
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M")
    return f"invitelab-drafts-{slug}-{stamp}.csv"


def default_export_dir() -> Path:
    """Where a student finds a saved file: Downloads if there is one, else the home folder.

    On Colab that is ``/content`` (the Files panel). Never the notebooks folder, which a
    ``git pull`` on a JupyterHub may overwrite.
    """
    override = os.environ.get("INVITELAB_DRAFTS_DIR")
    if override:
        return Path(override).expanduser()
    if Path("/content").is_dir() and os.environ.get("COLAB_RELEASE_TAG"):
        return Path("/content")
    home = Path.home()
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


@dataclass(frozen=True)
class Draft:
    number: int
    text: str
    recipient_id: str
    sender_id: str
    limit: int
    score: float
    level: str
    statuses: dict = field(default_factory=dict)
    sender_description: str = ""
    saved_at: str = ""
    student: str = ""
    id: str = field(default_factory=lambda: "d-" + uuid.uuid4().hex[:12])

    @classmethod
    def from_result(cls, number, text, result, *, recipient_id, sender_id, limit,
                    sender_description="", saved_at=None, student=""):  # fmt: skip
        statuses = {str(f.criterion): str(f.status) for f in result.findings}
        return cls(
            number=number,
            text=text,
            recipient_id=str(recipient_id or ""),
            sender_id=str(sender_id or ""),
            limit=int(limit),
            score=round(float(result.score), 1),
            level=str(result.level),
            statuses=statuses,
            sender_description=sender_description,
            saved_at=saved_at or datetime.now().astimezone().isoformat(timespec="seconds"),
            student=" ".join(str(student or "").split()),
        )

    def row(self, student: str | None = None) -> dict:
        row = {
            "id": self.id,
            "student": " ".join(str(student).split()) if student is not None else self.student,
            "recipient_id": self.recipient_id,
            "sender_id": self.sender_id,
            "text": self.text,
            "timestamp": self.saved_at,
            "draft": self.number,
            "sender_description": self.sender_description,
            "limit": self.limit,
            "characters": len(self.text),
            "level": self.level,
            "score": f"{self.score:g}",
        }
        for cid in CRITERIA_IDS:
            row[cid] = self.statuses.get(cid, "")
        return row


def drafts_to_csv(drafts, student: str | None = None) -> str:
    """The drafts as CSV text (UTF-8 when written; quoted the way the csv module does).

    ``student`` (the name typed in the studio) fills the ``student`` column of every row. A lone
    surrogate (half an emoji, pasted) cannot be written as UTF-8: it becomes U+FFFD.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for d in drafts:
        writer.writerow(d.row(student))
    return buf.getvalue().encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def csv_data_uri(csv_text: str) -> str:
    return "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text, safe="")


def download_link_html(drafts, filename: str = EXPORT_FILENAME, student: str | None = None) -> str:
    if not drafts:
        return "<em>Save a draft to export your drafts as a spreadsheet (CSV).</em>"
    uri = csv_data_uri("\ufeff" + drafts_to_csv(drafts, student))  # BOM: spreadsheets read UTF-8 right
    n = len(drafts)
    return (
        f'<a download="{escape(filename)}" href="{uri}" '
        f'style="font-weight:600">Download {n} draft{"s" if n != 1 else ""} as CSV '
        f"({escape(filename)})</a>"
    )


def write_drafts_csv(drafts, directory: Path | str | None = None,
                     filename: str | None = None, student: str | None = None) -> Path:  # fmt: skip
    """Write the drafts to ``directory`` (default: :func:`default_export_dir`); return the path.

    The file is named after the student (:func:`export_filename`); an existing file is never
    overwritten (a ``-2``, ``-3`` ... is added).
    """
    folder = Path(directory) if directory else default_export_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = filename or export_filename(student if student is not None else
                                       next((d.student for d in drafts if d.student), ""))  # fmt: skip
    path = folder / name
    n = 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    path.write_text("\ufeff" + drafts_to_csv(drafts, student), encoding="utf-8", newline="")
    return path


def history_rows(drafts):
    for d in drafts:
        preview = " ".join(d.text.split())
        preview = preview if len(preview) <= 60 else preview[:57] + "..."
        yield (d.number, d.level, f"{d.score:.0f}", len(d.text), preview)
