"""`paragraph-end`: a body paragraph that stops without closing punctuation, with a fix that
adds a full stop. Lists, headings, lines ending in a link or an address and very short
paragraphs, and lines that are names or headings, are left alone."""

from __future__ import annotations

import re

from ..checks import Check, Hit, Option

_LAST_WORD = re.compile(r"[\w%’'\")\]]+\s*$")
_NOT_PROSE = re.compile(r"^\s*(?:[-*+•#>]|\d+[.)])\s")
_LINK_OR_ADDRESS = re.compile(r"\S*(?:https?://|www\.|@|/)\S*$")
#: A line that names rather than says: "Gabriel Ortiz" under "Thank you for your time,", or a
#: heading in capitals ("RE: INTERVIEW FOR THE POSITION OF PHARMACIST").
_NAME_OR_HEADING = re.compile(r"^\s*(?:(?:[A-Z][\w'’.-]*\s*){1,4}|[^a-z]+)$")


class ParagraphEnd(Check):
    fixable = True
    kind = "paragraph-end"
    summary = "Reports body paragraphs that end without punctuation, with a fix that adds a full stop."
    options = {
        "min_words": Option("int", 4, "paragraphs shorter than this (a one-line aside) are not checked"),
        "safe_fix": Option("bool", True, "whether `--fix` applies it (else only `--unsafe-fixes`)", tunable=False),
    }

    def run(self, parsed):
        from ..layout import blank_out

        text = blank_out(parsed.draft.content)  # the lines as written (the parser's text joins hard-wrapped ones)
        for paragraph in parsed.layout.paragraphs:
            chunk = text[paragraph.start : paragraph.end].rstrip()
            last_line = chunk.rsplit("\n", 1)[-1]
            if (
                len(chunk.split()) < self.settings["min_words"]
                or _NOT_PROSE.match(last_line)
                or _LINK_OR_ADDRESS.search(last_line)
                or _NAME_OR_HEADING.match(last_line)
            ):
                continue
            word = _LAST_WORD.search(chunk)
            if word is None or not chunk[-1].isalnum():
                continue
            start, end = paragraph.start + word.start(), paragraph.start + len(chunk)
            yield Hit(start, end, {"match": text[start:end]}, edits=((end, end, "."),))
