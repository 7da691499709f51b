"""A criterion's record (id, title, why it matters, judge, examples) and the helpers that build a Finding."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..findings import Finding
from .reading import Reading


def finding(criterion: str, status: str, evidence: str, suggestion: str = "",
            span: tuple[int, int] | None = None, warning: str = "") -> Finding:
    return Finding(criterion, status, evidence, suggestion if status != "pass" else "", span=span,
                   warning=warning)


def quote(r: Reading, start: int, end: int) -> str:
    return f"“{r.note.snippet(start, end)}”"


# --- The criterion record (registered in order in criteria/__init__.py) -------------------


@dataclass(frozen=True)
class Criterion:
    """A rubric criterion: stable id, title, why it matters, its judge and its examples.

    ``judge(reading) -> Finding`` is a function of the :class:`~.reading.Reading` alone."""

    id: str
    title: str
    why: str
    judge: Callable[[Reading], Finding]
    passes: tuple[str, ...]  # example notes that pass (to Dana Whitfield, from Alex Rivera)
    fails: tuple[str, ...]  # example notes that fail
    # RUBRIC.md, the project's specification, is not in the repository: data/README.md maps its sections to files
    source: str = "Traslavina's article and the InviteLab rubric (book/chapters/anatomy.md, src/invitelab/rubric.toml)"
