"""Making untrusted text safe to print in human-readable output.

Draft text, file names and error messages come from files the user may not have written (a
colleague's draft, a cloned repository). Printed raw, their control characters could clear
the screen, set the window title, plant OSC 8 links, reorder text with bidi overrides, or
start a line with `::error` that GitHub Actions obeys. Every such character is shown as a
visible escape instead; tabs stay, and newlines only where a caller keeps them.
"""

from __future__ import annotations

import re

#: C0 and C1 controls (tab excepted), DEL, bidi embedding/override/isolate marks, Unicode line
#: and paragraph separators, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile(
    r"\r\n|[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
#: Our own checklist marks, and what a terminal that cannot show them gets instead.
ASCII_MARKS = str.maketrans({"✓": "+", "✗": "x", "·": "-"})


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 in a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """`text` with every unsafe character escaped (`\\x1b`, `\\u202e`); characters in `keep`
    ("\\n" for multi-line output such as a diff; a CRLF pair counts as one) pass through."""

    def replace(match: re.Match) -> str:
        found = match.group(0)
        if found == "\r\n":
            return found if "\n" in keep else "\\x0d\\x0a"
        return found if found in keep else _escape(found)

    return _UNSAFE.sub(replace, text)


def fits(text: str, encoding: str | None) -> bool:
    """Whether a stream with this encoding can print `text` as it is."""
    try:
        text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
