"""Writing a fixed draft back without ever losing it.

A fix is written to a temporary file in the draft's own folder (same file system, so the
final step is an atomic rename), with the draft's permission bits, flushed to disk, and only
then moved over the draft. A full disk, a file-size limit or a kill during the write leaves
the draft as it was. A symlinked draft keeps its link: the file it points to is replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass


class ChangedOnDisk(Exception):
    """The draft changed between reading and writing (an editor saved it meanwhile)."""


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file cheaply: size, modification time and inode."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: str) -> Stamp:
        info = os.stat(path)
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


def write_atomically(path: str, data: bytes, expected: Stamp | None = None) -> None:
    """Replace the file at `path` (following symlinks) with `data`, or leave it untouched.

    `expected` is the stamp taken when the draft was read; if the file no longer matches it
    just before the replace, `ChangedOnDisk` is raised and nothing is written. Any `OSError`
    (full disk, read-only file or folder, size limit) propagates with the draft intact."""
    target = os.path.realpath(path)
    info = os.stat(target)
    if not os.access(target, os.W_OK) or not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(13, "the file is read-only", path)
    folder = os.path.dirname(target)
    handle, temporary = tempfile.mkstemp(prefix=".thanklint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:  # keep the draft's owner where we may (as its owner's group, or as root)
                    os.fchown(out.fileno(), info.st_uid, info.st_gid)
                except PermissionError:
                    pass
            os.fsync(out.fileno())
        if expected is not None and Stamp.of(target) != expected:
            raise ChangedOnDisk(path)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
