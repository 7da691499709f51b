"""The result types shared by the engine, the command line, the widgets, the grader and the book."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

JSON_VERSION = 1
LEVELS = ("generic", "developing", "personalized", "exemplary")


@dataclass(frozen=True, slots=True)
class Finding:
    """What one criterion found in one note."""

    criterion: str
    status: str  # "pass" | "fail" | "n/a"
    evidence: str  # the words of the note that decided it, or what is missing
    suggestion: str = ""  # when it does not pass: what to do, naming a profile fact if possible
    title: str = ""
    span: tuple[int, int] | None = None  # offsets of the evidence in the note, if it is there
    weight: float = 0.0  # weight after n/a criteria are spread over the others
    points: float = 0.0  # weight earned (weight if passed, else 0)
    warning: str = ""  # advice even when it passes (e.g. over 200 characters)

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data


@dataclass(frozen=True)
class Result:
    """The engine's verdict on one note."""

    text: str
    score: float
    level: str
    findings: tuple[Finding, ...]
    next_steps: str = ""
    warnings: tuple[str, ...] = ()
    recipient_id: str | None = None
    sender_id: str | None = None
    limit: int = 300
    statuses: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def finding(self, criterion: str) -> Finding:
        for f in self.findings:
            if f.criterion == criterion:
                return f
        raise KeyError(f"no criterion {criterion!r}")

    def status(self, criterion: str) -> str:
        return self.finding(criterion).status

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON shape used by the command line and the grader."""
        return {
            "version": JSON_VERSION,
            "score": self.score,
            "level": self.level,
            "next_steps": self.next_steps,
            "warnings": list(self.warnings),
            "recipient_id": self.recipient_id,
            "sender_id": self.sender_id,
            "limit": self.limit,
            "characters": len(self.text),
            "findings": [f.to_dict() for f in self.findings],
        }
