"""Saved drafts and their CSV export.

The CSV has the columns ``invitelab score`` reads (``id``, ``recipient_id``, ``sender_id``,
``text``), so a student's or a class's drafts can be re-scored from the command line, followed
by what the studio showed when the draft was saved.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from ..engine.criteria import CRITERION_IDS as CRITERIA_IDS  # the single source of criterion ids

CSV_COLUMNS = (
    "id",
    "saved_at",
    "recipient_id",
    "sender_id",
    "sender_description",
    "limit",
    "characters",
    "score",
    "level",
    *CRITERIA_IDS,
    "text",
)

EXPORT_FILENAME = "invitelab-drafts.csv"


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

    @classmethod
    def from_result(cls, number, text, result, *, recipient_id, sender_id, limit,
                    sender_description="", saved_at=None):  # fmt: skip
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
            saved_at=saved_at or datetime.now().isoformat(timespec="seconds"),
        )

    def row(self) -> dict:
        row = {
            "id": f"draft-{self.number}",
            "saved_at": self.saved_at,
            "recipient_id": self.recipient_id,
            "sender_id": self.sender_id,
            "sender_description": self.sender_description,
            "limit": self.limit,
            "characters": len(self.text),
            "score": f"{self.score:g}",
            "level": self.level,
            "text": self.text,
        }
        for cid in CRITERIA_IDS:
            row[cid] = self.statuses.get(cid, "")
        return row


def drafts_to_csv(drafts) -> str:
    """The drafts as CSV text (UTF-8 when written; quoted the way the csv module does)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for d in drafts:
        writer.writerow(d.row())
    return buf.getvalue()


def csv_data_uri(csv_text: str) -> str:
    return "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text, safe="")


def download_link_html(drafts, filename: str = EXPORT_FILENAME) -> str:
    if not drafts:
        return "<em>Save a draft to export your drafts as a spreadsheet (CSV).</em>"
    uri = csv_data_uri("\ufeff" + drafts_to_csv(drafts))  # BOM: spreadsheets read UTF-8 right
    n = len(drafts)
    return (
        f'<a download="{escape(filename)}" href="{uri}" '
        f'style="font-weight:600">Download {n} draft{"s" if n != 1 else ""} as CSV '
        f"({escape(filename)})</a>"
    )


def write_drafts_csv(drafts, directory: Path | str | None = None,
                     filename: str = EXPORT_FILENAME) -> Path:  # fmt: skip
    """Write the drafts next to the notebook (the current folder) and return the path."""
    path = Path(directory or Path.cwd()) / filename
    path.write_text("\ufeff" + drafts_to_csv(drafts), encoding="utf-8", newline="")
    return path


def history_rows(drafts):
    for d in drafts:
        preview = " ".join(d.text.split())
        preview = preview if len(preview) <= 60 else preview[:57] + "..."
        yield (d.number, len(d.text), f"{d.score:.0f}", d.level, preview)
