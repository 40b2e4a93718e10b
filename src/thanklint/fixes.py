"""Fixes: built from a check's edits, applied only on request (`--fix`), safe ones unless
`--unsafe-fixes`, never two that overlap; `--diff` shows them without writing anything.

A fix is a list of edits in file offsets. Two rules hold for every fix, whichever check made
it: deleting a whole line takes its line break and the blank lines before it with it, and a
replacement that ends in a possessive "'s" never doubles one already in the text
("St. Brigid's's").
"""

from __future__ import annotations

import bisect
import difflib
import os
import re

from .findings import Edit, Finding, Fix

_POSSESSIVE = ("'s", "’s")
_REST_OF_LINE_BLANK = re.compile(r"[^\S\n]*(?:\n|\Z)")


def make_fix(
    text: str,
    start: int,
    end: int,
    safe: bool,
    replacement: str | None = None,
    edits: list[tuple[int, int, str]] | None = None,
) -> Fix:
    """The fix of a finding spanning [start, end) of `text`: one replacement of the span, or
    several edits (which may delete, insert or reach beyond the span)."""
    wanted = edits if edits else [(start, end, replacement or "")]
    cleaned = tuple(_clean(text, Edit(s, e, r)) for s, e, r in sorted(wanted))
    inside = [e for e in cleaned if start <= e.start and e.end <= end]
    span = text[start:end]
    for edit in reversed(inside):
        span = span[: edit.start - start] + edit.replacement + span[edit.end - start :]
    return Fix(span if inside or replacement is None else replacement, safe, cleaned)


def _clean(text: str, edit: Edit) -> Edit:
    s, e, r = edit.start, edit.end, edit.replacement
    if r.endswith(_POSSESSIVE) and text[e : e + 2] in _POSSESSIVE:
        r = r[:-2]
    if not r and s < e and _whole_line(text, s, e):
        before = _after_text(text, s)
        if before:
            s = before
        else:
            while e < len(text) and text[e].isspace():
                e += 1
    return Edit(s, e, r)


def _after_text(text: str, at: int, newlines: bool = True) -> int:
    """Where the whitespace before `at` starts (across line breaks unless `newlines` is off).
    Reads only that whitespace, not the text before it: every fix of a long draft stays cheap."""
    while at and text[at - 1].isspace() and (newlines or text[at - 1] != "\n"):
        at -= 1
    return at


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether only whitespace shares the lines of [start, end) with it."""
    before = _after_text(text, start, newlines=False)
    return (before == 0 or text[before - 1] == "\n") and _REST_OF_LINE_BLANK.match(text, end) is not None


def fixable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The findings whose fix may be applied, without overlapping edits (the earlier one wins)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted; apart from each other, so their ends are sorted too
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or not (f.fix.safe or unsafe):
            continue
        if any(_clashes(e, taken) for e in f.fix.edits):
            continue
        chosen.append(f)
        for e in f.fix.edits:
            bisect.insort(taken, (e.start, e.end))
    return chosen


def _clashes(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    """Whether an edit overlaps one of the taken ranges: only those that start no later than
    it ends and end no sooner than it starts can, and they are read from the nearest back."""
    at = bisect.bisect_right(taken, (edit.end, edit.end))
    while at and taken[at - 1][1] >= edit.start:
        at -= 1
        if _overlap(edit, taken[at]):
            return True
    return False


def _overlap(edit: Edit, taken: tuple[int, int]) -> bool:
    """Whether two edits touch the same text (an insertion clashes only strictly inside a
    replaced range, or at the same point as another insertion)."""
    (s1, e1), (s2, e2) = (edit.start, edit.end), taken
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Apply every edit of the chosen fixes in one pass over the text; of edits that overlap
    (two rules fixing the same "i"), the first is applied."""
    pieces, last = [], 0
    for edit in sorted((e for f in findings if f.fix is not None for e in f.fix.edits), key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        pieces += [text[last : edit.start], edit.replacement]
        last = edit.end
    return "".join(pieces) + text[last:]


def patch_path(path: str) -> str:
    """The path a patch names: relative to the current folder, with forward slashes, so that
    `git apply` and `patch -p1` find the file."""
    if path == "-":
        return path
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")


def unified_diff(path: str, before: str, after: str) -> str:
    name = patch_path(path)
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
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


def source_text(path: str, given: str | bytes | None) -> str | None:
    """The text of the file, or of what came on stdin (a BOM dropped), in which every position
    of a non-decoded draft is exact. (A draft's own text may differ: the other parts of a
    multipart e-mail are blanked in it, so it is no longer a mail a second lint could read.)"""
    if isinstance(given, str):
        return given.removeprefix("\ufeff")
    if given is None:
        with open(path, "rb") as handle:
            given = handle.read()
    try:
        return given.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
