"""Word lists read from other packages' data, kept as sorted lines in thanklint's cache folder.

Decoding pyspellchecker's gzipped JSON takes about 0.25 s and wordfreq's msgpack about 0.15 s:
in a run on one draft that is more than all its rules. Stored as sorted text lines, a list is
read back in a few milliseconds, and a word is found in it by bisection, so only the words a
draft asks about are ever looked at (as `readability` does with the CMU dictionary).

An entry is used only when its key matches: the size, modification time and inode of every
source file, and thanklint's version and source. It is plain text, written to a temporary file
renamed into place, so concurrent writers never leave a torn entry; one that cannot be read is
built again. A folder that cannot be written only costs the time of building the list.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from .cachefiles import code_digest, make_folder, root, stamp, write_entry

#: Bumped when the stored form changes.
FORMAT = 1


class SortedLines:
    """Sorted text lines, searched by bisection."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def __contains__(self, line: object) -> bool:
        if not isinstance(line, str):
            return False
        at = bisect.bisect_left(self.lines, line)
        return at < len(self.lines) and self.lines[at] == line

    def value(self, word: str, separator: str = "\t") -> str | None:
        """What follows `word` and the separator on its line, or None without such a line."""
        prefix = word + separator
        at = bisect.bisect_left(self.lines, prefix)
        if at < len(self.lines) and self.lines[at].startswith(prefix):
            return self.lines[at][len(prefix) :]
        return None


def _key(sources: list[Path]) -> str:
    stamps = [[str(source), *stamp(source)] for source in sources]
    return hashlib.sha256(json.dumps([FORMAT, code_digest(), stamps]).encode()).hexdigest()


def load(name: str, sources: list[Path], build: Callable[[], Iterable[str]]) -> SortedLines:
    """The lines `build` makes from `sources` (none may hold a line break), sorted: read from
    the cache when they were stored for these very sources, else built and stored."""
    key = _key(sources)
    entry = root() / "words" / f"{name}.txt"
    try:
        stored_key, _, body = entry.read_text(encoding="utf-8").partition("\n")
        if stored_key == key:
            return SortedLines(body.split("\n") if body else [])
    except (OSError, UnicodeDecodeError):
        pass
    lines = sorted(build())
    try:
        make_folder(root(), entry.parent)
        write_entry(entry, key + "\n" + "\n".join(lines))
    except OSError:
        pass
    return SortedLines(lines)


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {package} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)
