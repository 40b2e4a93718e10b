"""Position encodings. thanklint counts code points (UTF-32); editors count UTF-16 code units by
default and some tools count UTF-8 bytes. Findings keep code points everywhere inside, and are
converted here, at the edge: by the language server and by `--position-encoding`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .findings import Finding

ENCODINGS = ("utf-32", "utf-16", "utf-8")
#: Line breaks as the Language Server Protocol counts them.
_LSP_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units `text` takes in `encoding`."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-16":
        return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown position encoding {encoding!r}; encodings: {', '.join(ENCODINGS)}")


def reencode(finding: Finding, text: str, encoding: str) -> Finding:
    """The finding with its columns and offsets counted in `encoding` (lines do not change)."""
    if encoding == "utf-32":
        return finding

    def column(line_start: int, offset: int) -> int:
        return units(text[line_start:offset], encoding) + 1

    start_of_line = finding.start - (finding.column - 1)
    end_of_line = finding.end - (finding.end_column - 1)
    return replace(
        finding,
        column=column(start_of_line, finding.start),
        end_column=column(end_of_line, finding.end),
        start=units(text[: finding.start], encoding),
        end=units(text[: finding.end], encoding),
    )


def reencode_report(report, encoding: str):
    """A `Report` whose findings count columns and offsets in `encoding`."""
    files = [
        replace(r, findings=[reencode(f, r.draft.text, encoding) for f in r.findings]) if r.draft else r
        for r in report.files
    ]
    return replace(report, files=files, position_encoding=encoding)


class LineTable:
    """Converts between code-point offsets into a text and LSP positions (0-based line, column
    in code units of the negotiated encoding), with the protocol's line breaks."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text, self.encoding = text, encoding
        self._starts = [0] + [m.end() for m in _LSP_BREAK.finditer(text)]

    def _line_end(self, line: int) -> int:
        """The offset where a line's text ends (before its line break)."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - 2 if self.text[end - 2 : end] == "\r\n" else end - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line, units(self.text[self._starts[line] : offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position; a column past the line's end means its end."""
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[line], self._line_end(line)
        counted = 0
        for at in range(start, end):
            if counted >= character:
                return at
            counted += units(self.text[at], self.encoding)
        return end
