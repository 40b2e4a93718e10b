"""`paragraph-end`: a body paragraph that stops without closing punctuation, with a fix that
adds a full stop; or, with `unfinished`, one that stops on a word no sentence ends with ("... and
I had to", "I just wanted to check whether"), a draft cut off mid-sentence, which a full stop
would not mend. Lists, headings, lines ending in a link or an address and very short
paragraphs, and lines that are names or headings, are left alone."""

from __future__ import annotations

from .. import lazyregex
from ..checks import Check, Hit, Option

#: The characters of a paragraph's last word, matched from its end (on the reversed text: a
#: search for a word at the end would rescan every long word before it).
_WORD_FROM_END = lazyregex.compile(r"[\w%’'\")\]]+")
_NOT_PROSE = lazyregex.compile(r"^\s*(?:[-*+•#>]|\d+[.)])\s")
_LINK_OR_ADDRESS = lazyregex.compile(r"https?://|www\.|@|/")  # in the last word of the last line
#: A line that names rather than says: "Gabriel Ortiz" under "Thank you for your time,", or a
#: heading in capitals ("RE: INTERVIEW FOR THE POSITION OF PHARMACIST").
_NAME_OR_HEADING = lazyregex.compile(r"^\s*(?:(?:[A-Z][\w'’.-]*\s*){1,4}|[^a-z]+)$")
#: Words a finished sentence does not end with, in lower case: articles, possessives and the
#: conjunctions that open a clause (not prepositions, "to" or auxiliaries, which may close one:
#: "the team I would love to belong to", "as soon as I can"; nor "Line A" or "the main OR").
_DANGLING = frozenset("a an the my your our their its and or but because whether if than whose".split())


class ParagraphEnd(Check):
    fixable = True
    kind = "paragraph-end"
    summary = "Reports body paragraphs that end without punctuation, with a fix that adds a full stop."
    options = {
        "min_words": Option("int", 4, "paragraphs shorter than this (a one-line aside) are not checked"),
        "safe_fix": Option("bool", True, "whether `--fix` applies it (else only `--unsafe-fixes`)", tunable=False),
        "unfinished": Option(
            "bool",
            False,
            "report only paragraphs cut off on a word no sentence ends with (no fix); else only the others",
            tunable=False,
        ),
    }

    def offers_fixes(self):
        return not self.settings["unfinished"]

    def run(self, parsed):
        from ..layout import blank_out

        text = blank_out(parsed.draft.content)  # the lines as written (the parser's text joins hard-wrapped ones)
        for paragraph in parsed.layout.paragraphs:
            chunk = text[paragraph.start : paragraph.end].rstrip()
            last_line = chunk.rsplit("\n", 1)[-1]
            if (
                len(chunk.split()) < self.settings["min_words"]
                or not chunk[-1:].isalnum()
                or _NOT_PROSE.match(last_line)
                or _LINK_OR_ADDRESS.search(last_line.rsplit(None, 1)[-1])
                or _NAME_OR_HEADING.match(last_line)
                or (word := _WORD_FROM_END.match(chunk[::-1])) is None
            ):
                continue
            start, end = paragraph.start + len(chunk) - word.end(), paragraph.start + len(chunk)
            unfinished = text[start:end] in _DANGLING
            if unfinished != self.settings["unfinished"]:
                continue
            yield Hit(start, end, {"match": text[start:end]}, edits=None if unfinished else ((end, end, "."),))
