"""Applying fixes: only on request (`--fix`), safe ones unless `--unsafe-fixes`, never two that
overlap, and `--diff` shows them without writing anything."""

from __future__ import annotations

import difflib

from .findings import Finding


def fixable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The findings whose fix may be applied, without overlaps (the earlier one wins)."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or not (f.fix.safe or unsafe):
            continue
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    return chosen


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Replace each finding's span by its fix, from the end so offsets stay valid."""
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + f.fix.replacement + text[f.end :]
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}")
    )
