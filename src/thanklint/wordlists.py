"""Word lists read from other packages' data, kept as sorted lines in thanklint's cache folder.

Decoding pyspellchecker's gzipped JSON takes about 0.25 s and wordfreq's msgpack about 0.15 s:
in a run on one draft that is more than all its rules. Stored as sorted text lines, a list is
read back as one block of bytes in a millisecond or two, and a word is found in it by bisection
over byte offsets, so only the lines a draft asks about are ever decoded (splitting wordfreq's
320,000 lines into strings alone took a tenth of a second).

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


#: Lookups in a list's bytes before it is split into strings: a bisection over bytes costs about
#: 25 µs a word against 1 µs in a list, so a run of many drafts pays the split once.
SPLIT_AFTER = 2000


class SortedLines:
    """Sorted text lines held as UTF-8 bytes and searched by bisection over byte offsets (UTF-8
    bytes sort as their code points do, so the order is the lines' own), until enough lookups
    make splitting them into a list of strings pay."""

    def __init__(self, data: bytes):
        self._data = data
        self._list: list[str] | None = None
        self._lookups = 0

    @classmethod
    def of(cls, lines: list[str]) -> SortedLines:
        return cls("\n".join(lines).encode("utf-8"))

    @property
    def lines(self) -> list[str]:
        """Every line, decoded (for a caller that reads the whole list)."""
        self.split_now()
        return self._list or []

    def first(self, count: int) -> list[str]:
        """The first `count` lines, decoded without splitting the rest."""
        if self._list is not None:
            return self._list[:count]
        return [line.decode("utf-8") for line in self._data.split(b"\n", count)[:count]] if self._data else []

    def split_now(self) -> None:
        """Split the lines into strings at once: before `--jobs` workers are forked, which then
        share one list instead of each splitting its own after its first lookups."""
        if self._list is None:
            self._list = self._data.decode("utf-8").split("\n") if self._data else []

    def _first_not_below(self, target: str) -> str | None:
        """The first line not below `target`, or None when every line is: in the list of
        strings once enough lookups have made splitting pay, else in the bytes."""
        if self._list is None:
            self._lookups += 1
            if self._lookups > SPLIT_AFTER:
                self.split_now()
        if self._list is not None:
            at = bisect.bisect_left(self._list, target)
            return self._list[at] if at < len(self._list) else None
        start, end = self._line_from(target.encode("utf-8"))
        return self._data[start:end].decode("utf-8") if start < len(self._data) else None

    def _line_from(self, target: bytes) -> tuple[int, int]:
        """Start and end offsets of the first line not below `target` (the end of the data
        when every line is below it)."""
        data, lo, hi = self._data, 0, len(self._data)
        while lo < hi:  # lo is always the start of a line
            mid = (lo + hi) // 2
            start = max(lo, data.rfind(b"\n", lo, mid) + 1)
            end = data.find(b"\n", mid)
            end = len(data) if end < 0 else end
            if data[start:end] < target:
                lo = end + 1
            else:
                hi = start
        if lo >= len(data):
            return len(data), len(data)
        end = data.find(b"\n", lo)
        return lo, len(data) if end < 0 else end

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and self._first_not_below(line) == line

    def value(self, word: str, separator: str = "\t") -> str | None:
        """What follows `word` and the separator on its line, or None without such a line."""
        prefix = word + separator
        found = self._first_not_below(prefix)
        return found[len(prefix) :] if found is not None and found.startswith(prefix) else None


def _key(sources: list[Path]) -> str:
    stamps = [[str(source), *stamp(source)] for source in sources]
    return hashlib.sha256(json.dumps([FORMAT, code_digest(), stamps]).encode()).hexdigest()


def load(name: str, sources: list[Path], build: Callable[[], Iterable[str]]) -> SortedLines:
    """The lines `build` makes from `sources` (none may hold a line break), sorted: read from
    the cache when they were stored for these very sources, else built and stored."""
    key = _key(sources)
    entry = root() / "words" / f"{name}.txt"
    try:
        stored_key, _, body = entry.read_bytes().partition(b"\n")
        if stored_key == key.encode():
            return SortedLines(body)
    except OSError:
        pass
    lines = sorted(build())
    try:
        make_folder(root(), entry.parent)
        write_entry(entry, key + "\n" + "\n".join(lines))
    except OSError:
        pass
    return SortedLines.of(lines)


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {package} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)
