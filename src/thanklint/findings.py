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
class Fix:
    """A replacement for the finding's span; applied only with `--fix` (unsafe: `--unsafe-fixes`)."""

    replacement: str
    safe: bool


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
            "fix": None if self.fix is None else {"replacement": self.fix.replacement, "safe": self.fix.safe},
            "url": self.url,
        }
