"""`capitalisation`: words that need a capital letter, with a fix that gives them one.

Matches come from patterns (a sentence start, a sign-off, a signature) and, with
`metadata_names`, from the people and the company the metadata names, written in lower case.
The fix changes first letters only, one edit per word, so it never rewrites anything else.
"""

from __future__ import annotations

import re

from .. import lazyregex
from ..checks import Check, Hit, Option
from ..frequency import zipf
from .existence import _PATTERN_OPTIONS, outermost

_WORD = lazyregex.compile(r"[^\W\d_][\w'’-]*")
#: Name words this common in English ("Mark", "Grace", "Labs") are left alone in lower case.
_COMMON_WORD = 4.0


class Capitalisation(Check):
    fixable = True
    kind = "capitalisation"
    proofreads = True
    summary = "Reports words that need a capital letter, with a fix that capitalises them."
    options = {
        **_PATTERN_OPTIONS,
        "patterns": Option("patterns", [], "what to find", tunable=False),
        "words": Option(
            "text",
            "first",
            "which words of a match need a capital: first or each",
            tunable=False,
            choices=("first", "each"),
        ),
        "metadata_names": Option(
            "bool", False, "also report the metadata's names written in lower case", tunable=False
        ),
        "safe_fix": Option("bool", True, "whether `--fix` applies it (else only `--unsafe-fixes`)", tunable=False),
    }

    def run(self, parsed):
        text = parsed.text
        spans: dict[tuple[int, int], tuple[tuple[int, int, str], ...]] = {}
        if self.settings["patterns"]:
            for m in outermost(self.in_scope(parsed, self.matches(parsed), self.settings["scope"])):
                words = list(_WORD.finditer(text, m.start, m.end))
                words = words[:1] if self.settings["words"] == "first" else words
                spans[(m.start, m.end)] = tuple(
                    (w.start(), w.start() + 1, w.group()[0].upper()) for w in words if w.group()[0].islower()
                )
        if self.settings["metadata_names"]:
            spans.update(self._names(parsed))
        for (start, end), edits in sorted(spans.items()):
            if edits:
                yield Hit(start, end, {"match": text[start:end]}, edits=edits)

    def _names(self, parsed) -> dict[tuple[int, int], tuple[tuple[int, int, str], ...]]:
        """Whole names first ("dana whitfield"), then people's rarer name words alone ("whitfield"),
        each with edits that restore the metadata's capitals; never inside an address."""
        meta = parsed.meta
        people = [n for n in (meta.recipient, meta.sender, *meta.interviewers) if n]
        names = people + ([meta.company] if meta.company else [])  # a company's words alone are often common nouns
        words = {w for n in people for w in n.split() if w[:1].isupper() and zipf(w.lower()) < _COMMON_WORD}
        ranges = [(r.start, r.end) for r in (parsed.region(s) for s in ("greeting", "body", "closing")) if r]
        found: dict[tuple[int, int], tuple[tuple[int, int, str], ...]] = {}
        text = parsed.text
        for wanted in sorted(set(names), key=len, reverse=True) + sorted(words):
            pattern = r"(?<![\w@./])" + r"\s+".join(re.escape(w) for w in wanted.split()) + r"(?![\w@]|[./]\w)"
            for m in re.finditer(pattern, text, re.I):
                if not any(s <= m.start() and m.end() <= e for s, e in ranges) or any(
                    s < m.end() and m.start() < e for s, e in found
                ):
                    continue
                edits = tuple(
                    (w.start(), w.start() + 1, c.group()[0])
                    for w, c in zip(_WORD.finditer(text, m.start(), m.end()), _WORD.finditer(wanted))
                    if c.group()[0].isupper() and w.group()[0].islower()
                )
                if edits and m.group().islower():  # "DANA" or "McKenzie" written "Mckenzie" are other problems
                    found[(m.start(), m.end())] = edits
        return found
