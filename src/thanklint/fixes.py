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


#: Fixing one word can change how the draft parses and reveal another fix (a misspelling
#: read as a name before); fixes are re-applied until nothing changes, at most this often.
MAX_PASSES = 5


def converge(relint, text: str, findings: list[Finding], unsafe: bool) -> tuple[str, int]:
    """Apply fixes, lint the result again (`relint(text) -> findings`) and repeat until no fix
    is left, so that a second `--fix` finds nothing more to do. Returns the text and the
    number of fixes applied."""
    applied = 0
    chosen = fixable(findings, unsafe)
    for _ in range(MAX_PASSES):
        if not chosen:
            break
        after = apply_fixes(text, chosen)
        if after == text:
            break
        text, applied = after, applied + len(chosen)
        chosen = fixable(relint(text), unsafe)
    return text, applied


def write_back(path: str, draft_text: str, after: str) -> str | None:
    """Write a fixed draft over the file it was read from, keeping its BOM, unless the file no
    longer holds `draft_text` (the text that was linted). Returns why it was not written, or None."""
    from .safewrite import ChangedOnDisk, Stamp, write_atomically

    try:
        stamp = Stamp.of(path)
        with open(path, "rb") as handle:
            raw = handle.read(4 * len(draft_text) + 4)  # enough for the linted text in UTF-8 with a BOM
        current = raw.decode("utf-8", errors="replace")
        if current.removeprefix("\ufeff") != draft_text:
            return "changed since it was read; run again"
        bom = "\ufeff" if current.startswith("\ufeff") else ""
        write_atomically(path, (bom + after).encode("utf-8"), expected=stamp)
    except ChangedOnDisk:
        return "changed since it was read; run again"
    except OSError as exc:
        return f"cannot be written: {exc.strerror or exc}"
    return None
