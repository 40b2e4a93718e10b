"""Severities, fixes and findings: the immutable records every check produces."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `--fail-on warning` is one comparison."""

    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Edit:
    """Replace the file text between two 0-based code-point offsets (equal offsets insert)."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    """A fix for one finding; applied only with `--fix` (unsafe: `--unsafe-fixes`).

    `edits` is what is applied: one or more non-overlapping edits in file offsets, which may
    delete, insert or reach beyond the finding's span. `replacement` is the finding's span as
    it reads after the fix, kept for clients that only know single replacements."""

    replacement: str
    safe: bool
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one draft, with 0-based offsets and 1-based line/column into the file."""

    line: int
    column: int
    rule_id: str
    end_line: int
    end_column: int
    start: int
    end: int
    category: str
    severity: Severity
    message: str
    fix: Fix | None = None
    url: str = ""

    def to_dict(self) -> dict:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "fix": None
            if self.fix is None
            else {
                "replacement": self.fix.replacement,
                "safe": self.fix.safe,
                "edits": [e.to_dict() for e in self.fix.edits],
            },
            "url": self.url,
        }
