"""Regular expressions compiled on first use.

A module-level `re.compile` runs when the module is imported, whether or not the run uses the
pattern: the layout and residue modules hold some seventy, about 40 ms of a run in which every
draft comes from the cache and only a handful of them is ever matched.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Deferred:
    """Stands for a compiled pattern; compiles it when a method or attribute is first asked for."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        return getattr(compiled, name)


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name
    """`re.compile`, deferred until the pattern is first used."""
    return cast("re.Pattern[str]", _Deferred(pattern, int(flags)))
