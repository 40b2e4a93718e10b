"""thanklint: lint post-interview thank-you notes and follow-up emails.

The public API is `lint_text`, `lint_paths`, and the records they return (`Report`,
`FileResult`, `Finding`, `Severity`).
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Report, lint_paths, lint_text  # noqa: E402
from .findings import Finding, Fix, Severity  # noqa: E402
from .linter import FileResult  # noqa: E402

__all__ = ["FileResult", "Finding", "Fix", "Report", "Severity", "__version__", "lint_paths", "lint_text"]
