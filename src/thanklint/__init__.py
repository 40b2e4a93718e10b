"""thanklint: lint post-interview thank-you notes and follow-up emails.

The public API is `lint_text`, `lint_paths`, and the records they return (`Report`,
`FileResult`, `Finding`, `Severity`). They are imported on first use, so that the command
line's `rules`, `explain` and `--help` do not load the linter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import Report, lint_paths, lint_text
    from .findings import Finding, Fix, Severity
    from .linter import FileResult

__all__ = ["FileResult", "Finding", "Fix", "Report", "Severity", "__version__", "lint_paths", "lint_text"]

#: Where each public name lives.
_HOMES = {
    "Report": "api",
    "lint_paths": "api",
    "lint_text": "api",
    "Finding": "findings",
    "Fix": "findings",
    "Severity": "findings",
    "FileResult": "linter",
}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'thanklint' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
