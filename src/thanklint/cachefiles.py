"""What thanklint's caches share: where they live, the digest of thanklint's own code, and
entries written so that concurrent writers and readers never see a torn one."""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from . import __version__


def root() -> Path:
    """`$THANKLINT_CACHE_DIR`, else thanklint's folder in the platform's cache folder for the user
    (the rule cache and the word lists, which belong to no one project)."""
    if os.environ.get("THANKLINT_CACHE_DIR"):
        return Path(os.environ["THANKLINT_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "thanklint"


def stamp(file) -> tuple[int, int, int]:
    """What identifies one version of a file cheaply: size, modification time and inode (none
    for a file inside an archive, which cannot change)."""
    if not isinstance(file, Path):
        return (0, 0, 0)
    info = file.stat()
    return (info.st_size, info.st_mtime_ns, info.st_ino)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """thanklint's version and the digest of its own source (a development checkout changes
    without a new version number)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def write_entry(target: Path, text: str) -> None:
    """Write a temporary file beside `target` and rename it into place (atomic on one file
    system). An `OSError` propagates; the caller decides whether a cache may stay unwritten."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def make_folder(root: Path, folder: Path) -> None:
    """Create `folder` below a cache's `root`; a root created here is marked as a cache, to
    keep it out of version control and backups as other tools do."""
    if folder.is_dir():
        return
    new = not root.exists()
    folder.mkdir(parents=True, exist_ok=True)
    if new:
        (root / ".gitignore").write_text("# Created by thanklint.\n*\n", encoding="utf-8")
        (root / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache created by thanklint.\n",
            encoding="utf-8",
        )
