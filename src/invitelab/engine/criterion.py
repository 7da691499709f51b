"""A criterion's record (id, title, why it matters, check, examples) and the helpers that build a Finding."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..findings import Finding
from .context import Context
from .note import Note


def finding(criterion: str, status: str, evidence: str, suggestion: str = "",
            span: tuple[int, int] | None = None, warning: str = "") -> Finding:
    return Finding(criterion, status, evidence, suggestion if status != "pass" else "", span=span,
                   warning=warning)


def quote(note: Note, start: int, end: int) -> str:
    return f"“{note.snippet(start, end)}”"


# --- The criterion record (registered in order in criteria/__init__.py) -------------------


@dataclass(frozen=True)
class Criterion:
    """A rubric criterion: stable id, title, why it matters, its check and its examples."""

    id: str
    title: str
    why: str
    check: Callable[[Note, Context], Finding]
    passes: tuple[str, ...]  # example notes that pass (to Dana Whitfield, from Alex Rivera)
    fails: tuple[str, ...]  # example notes that fail
    source: str = "Traslavina's article and the InviteLab rubric (shared/spec/RUBRIC.md)"
