"""`occurrence`: the number of matches in a scope must stay within bounds.

This is how a linter sees what is *missing*: no thanks in the first sentences, no question,
no restated interest. A shortfall points at the start of the scope (or the first body line).
"""

from __future__ import annotations

import bisect

from ..checks import Check, Hit, Option, scope_ranges
from .existence import _PATTERN_OPTIONS


class Occurrence(Check):
    kind = "occurrence"
    summary = "Counts matches in a scope and reports too few or too many."
    counts_residue = False
    options = {
        **_PATTERN_OPTIONS,
        "min": Option("int", None, "fewest matches wanted"),
        "max": Option("int", None, "most matches allowed"),
        "max_per_100_words": Option("number", None, "most matches allowed per 100 body words"),
        "skip_empty_scope": Option(
            "bool", False, "say nothing when the scope is absent (no greeting, say)", tunable=False
        ),
        "min_body_words": Option("int", 0, "say nothing about drafts whose body is shorter than this"),
        "slot_after_counts": Option(
            "bool",
            False,
            'a match followed at once by a slot still counts ("would love to join [Company]" says the wish; '
            '"my background in [key skill]" says nothing)',
            tunable=False,
        ),
        "only_if_found_in": Option(
            "scope", None, "say nothing unless the patterns match somewhere in this scope", tunable=False
        ),
        "max_sentence_share": Option("number", None, "largest share (0-1) of body sentences that may contain a match"),
        "min_sentences": Option(
            "int",
            0,
            "with max_sentence_share: say nothing about bodies with fewer sentences",
            needs=("max_sentence_share",),
        ),
    }

    def run(self, parsed):
        scope = self.settings["scope"]
        ranges = scope_ranges(parsed, scope)
        if self.settings["skip_empty_scope"] and not ranges:
            return
        if len(parsed.body_words) < self.settings["min_body_words"]:
            return
        every = self.matches(parsed)
        wider = self.settings["only_if_found_in"]
        if wider is not None and not self.in_scope(parsed, every, wider):
            return
        found = self.in_scope(parsed, every, scope)
        low, high = self.settings["min"], self.settings["max"]
        values = {"count": len(found), "min": low, "max": high}
        if low is not None and len(found) < low:
            start = (
                ranges[0][0]
                if ranges and scope not in ("body", "body_and_postscript", "note", "all")
                else parsed.anchor
            )
            yield Hit(*parsed.line_from(start), values)
        if high is not None and len(found) > high:
            extra = found[high]
            yield Hit(extra.start, extra.end, {**values, "match": parsed.text[extra.start : extra.end]})
        rate = self.settings["max_per_100_words"]
        words = len(parsed.body_words)
        if rate is not None and words and len(found) * 100 / words > rate:
            first = found[0]
            density = round(len(found) * 100 / words, 1)
            yield Hit(
                first.start,
                first.end,
                {**values, "density": density, "rate": rate, "match": parsed.text[first.start : first.end]},
            )
        share = self.settings["max_sentence_share"]
        sents = parsed.body_sentences
        if share is not None and sents and len(sents) >= self.settings["min_sentences"]:
            starts = [s.start_char for s in sents]
            hit = {
                i for m in found if (i := bisect.bisect_right(starts, m.start) - 1) >= 0 and m.start < sents[i].end_char
            }
            if len(hit) / len(sents) > share:
                yield Hit(*parsed.line_from(parsed.anchor), {**values, "share": round(100 * len(hit) / len(sents))})
