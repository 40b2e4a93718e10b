"""Telling notes from the other files of a notes repository (a README, prep notes, a list of
questions to ask), so that only notes are judged as notes.

A file is not a note when it is laid out as a document (a heading, a list, a table or a code
block) and nothing marks it as a note: no metadata, no greeting, no sign-off, no word of
thanks and, under a heading alone, nothing a follow-up says ("any update on my submission", "it
has been three weeks"). A draft with any of these is linted, however rough, and so is plain
prose: a hurried two-line chaser with no greeting is still a note. Only files named on disk are
judged this way (stdin and text from an editor are always treated as notes).
"""

from __future__ import annotations

import re

from .draft import Draft
from .greetings import GREETING_WORDS
from .layout import blank_out, find_layout
from .metadata import Metadata
from .note_kind import infer_kind

_THANKS = re.compile(r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciate[sd]?|appreciation)\b", re.I)
_SALUTATION = re.compile(rf"(?:{GREETING_WORDS})\b", re.I)
_ENDS = 30  # lines
#: What only a document has beyond a heading: a list of two or more items, a table row or a
#: code fence.
_LAID_OUT_PATTERN = r"^[ \t]*(?:\|.*\|[ \t]*$|```)|(?:^[ \t]*(?:[-*+•]|\d+[.)])[ \t]+\S.*\n){2}"
_LAID_OUT = re.compile(_LAID_OUT_PATTERN, re.M)
#: What a README or a page of prep notes has and a note does not: a Markdown heading, or any of those.
_DOCUMENT = re.compile(rf"^[ \t]*#{{1,6}}[ \t]+\S|{_LAID_OUT_PATTERN}", re.M)
#: A line that is no sentence where nothing is laid out beyond a heading: the heading, a lone list item.
_NOT_PROSE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+•][ \t]|\d+[.)][ \t])")
REASON = "not a note (laid out as a document, with no greeting, sign-off, thanks or metadata); skipped"


def _prose(content: str) -> str:
    """The lines that are sentences ("## Status of the project" is a heading of prep notes; "It
    has been three weeks" under a heading is a follow-up's)."""
    return "\n".join(line for line in content.split("\n") if not _NOT_PROSE.match(line))


def not_a_note(draft: Draft) -> str | None:
    """Why the draft is skipped, or None when it may be a note."""
    if draft.meta != Metadata() or not draft.content.strip():  # metadata says it is a note; an empty one is an error
        return None
    content = blank_out(draft.content)
    if not _DOCUMENT.search(content) or _THANKS.search(content):
        return None
    if not _LAID_OUT.search(content) and infer_kind(_prose(content)) == "follow-up":
        return None  # prose under a heading that chases an application: an issue, not a README
    lines = content.split("\n")  # a greeting opens a note and a sign-off closes it: read only the ends
    head = find_layout("\n".join(lines[:_ENDS]))
    greeting = content[head.greeting.start : head.greeting.end].strip()
    # A heading such as "Questions to ask Northwind:" is laid out like "Ms. Whitfield:", so a
    # greeting counts here only with a salutation word or the comma of "Dana,".
    if _SALUTATION.match(greeting) or greeting.endswith(","):
        return None
    if find_layout("\n".join(lines[-_ENDS:])).sign_off:
        return None
    return REASON
