"""The error tree and exit codes.

Every error a user can cause is a `ThanklintError` with a message that names the file (and,
where it helps, the line and key), so the command line can print it without a traceback.
"""

from __future__ import annotations

import difflib
import reprlib
from enum import IntEnum


def did_you_mean(word: str, choices, otherwise: str = "") -> str:
    """ " (did you mean 'x'?)" for the closest choice, else `otherwise`: every "unknown ..." message."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else otherwise


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 4, 4, 50, 50


def shown(value: object, limit: int = 60) -> str:
    """A short `repr` of a bad value for an error message: a message echoes the value, never a
    whole file or an expanded YAML alias bomb."""
    text = _SHORT.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class ExitCode(IntEnum):
    """Documented exit codes (DESIGN.md, "Exit codes")."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


class ThanklintError(Exception):
    """Base class for errors reported to the user as `thanklint: <message>`, exit 2."""

    code = "error"


class ConfigError(ThanklintError):
    """A configuration file is unreadable or has an unknown key, rule id or bad value."""

    code = "config"


class UsageError(ConfigError):
    """The command line names an unknown rule or category (`--select`, `--ignore`)."""

    code = "usage"


class RuleError(ThanklintError):
    """A rule file is invalid: unknown key, bad severity, bad pattern or regex."""

    code = "rule"

    def __init__(self, path: str, message: str, line: int | None = None, key: str | None = None):
        where = f"{path}:{line}" if line else path
        what = f"{key}: {message}" if key else message
        super().__init__(f"{where}: {what}")
        self.path, self.line, self.key = path, line, key


class DraftError(ThanklintError):
    """A draft could not be read, decoded or its metadata is invalid; other drafts go on."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class ModelError(ThanklintError):
    """No spaCy English pipeline is installed."""

    code = "model"
