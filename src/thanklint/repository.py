"""Notes already in the repository: a panel's notes are compared with every note for the same
interview, not only with the drafts of this run (a pre-commit hook sees only staged files), and
a note committed unchanged is not judged against the clock.

The repository is the folder tree under the nearest `.git` above a draft (else the draft's own
folder). Only notes whose metadata names the same company and interview date are parsed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from .checks.corpus import interview_key
from .draft import Draft, RealPaths, walk


def root_of(folder: Path) -> Path:
    """The top of the repository holding a (resolved) folder, or the folder outside a repository."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def companions(
    drafts: Iterable[Draft],
    read: Callable[[str, set[str]], Draft | None],
    suffixes: Callable[[str], tuple[str, ...]],
) -> list[Draft]:
    """Notes elsewhere in the drafts' repositories written for the same interviews as they are.
    `read(path, companies)` returns a draft ready for linting, or None when the file is not one
    to compare (for one thing, when it cannot name any of those companies, in lower case)."""
    wanted, folders, named = set(), set(), set()
    real = RealPaths()
    for draft in drafts:
        if draft.path == "-":
            continue
        named.add(path := real(draft.path))  # every draft of the run is linted, never read again
        if (key := interview_key(draft.meta)) is not None:
            wanted.add(key)
            folders.add(os.path.dirname(path))
    roots = {root_of(Path(folder)) for folder in folders}
    companies = {company for company, _ in wanted}
    found = []
    for path in walk(sorted(str(r) for r in roots), suffixes):
        if real(path) in named:
            continue
        companion = read(_shown(path), companies)
        if companion is not None and interview_key(companion.meta) in wanted:
            found.append(companion)
            named.add(real(path))
    return found


def _shown(path: str) -> str:
    """The path as a message names it: relative to the current folder when below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def unchanged_since_commit(path: str) -> bool:
    """Whether git tracks the file and it has not changed since the last commit (neither in the
    work tree nor staged). Outside a repository, or without git, a file counts as changed."""
    file = Path(path).resolve()
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--ignored", "--", file.name],
            cwd=file.parent,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return status.returncode == 0 and not status.stdout.strip()
