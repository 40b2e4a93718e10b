"""`metric`: a measure of the body (length, readability, sentence shape) must stay in bounds.

Measures come from an allow-list of named functions, never from attribute lookups on a
library, so a rule file cannot call arbitrary code. Readability scores come from
`thanklint.readability` (textstat's scores, without loading its whole syllable dictionary).
"""

from __future__ import annotations

from ..checks import Check, Hit, Option


def _words(span) -> int:
    return sum(1 for t in span if t.is_alpha or t.like_num)


def _count_words(parsed):
    return len(parsed.body_words), None


def _count_sentences(parsed):
    return len(parsed.body_sentences), None


def _count_paragraphs(parsed):
    return len(parsed.layout.paragraphs), None


def _reading_ease(parsed):
    from ..readability import flesch_reading_ease

    return round(flesch_reading_ease(parsed.body_text), 1), None


def _grade(parsed):
    from ..readability import flesch_kincaid_grade

    return round(flesch_kincaid_grade(parsed.body_text), 1), None


def _longest_sentence(parsed):
    if not parsed.body_sentences:
        return 0, None
    longest = max(parsed.body_sentences, key=_words)
    return _words(longest), (longest.start_char, longest.end_char)


#: Marks inside a sentence that give the reader a full pause: a sentence of 60 words with a
#: semicolon in the middle reads as two.
_PAUSES = frozenset({";", ":"})


def _longest_stretch(parsed):
    """The longest run of a body sentence without a full stop, colon or semicolon."""
    best, where = 0, None
    for sent in parsed.body_sentences:
        pauses = [t.i for t in sent if t.text in _PAUSES]
        for start, end in zip([sent.start] + [i + 1 for i in pauses], pauses + [sent.end]):
            stretch = sent.doc[start:end]
            if (count := _words(stretch)) > best:
                best, where = count, (stretch.start_char, stretch.end_char)
    return best, where


def _longest_paragraph(parsed):
    doc = parsed.doc
    best, where = 0, None
    for para in parsed.layout.paragraphs:
        span = doc.char_span(para.start, para.end, alignment_mode="expand")
        count = _words(span) if span is not None else 0
        if count > best:
            best, where = count, (para.start, para.end)
    return best, where


def _i_start_ratio(parsed):
    sents = parsed.body_sentences
    if not sents:
        return 0.0, None
    firsts = [next((t for t in s if not (t.is_space or t.is_punct)), None) for s in sents]
    return round(sum(1 for t in firsts if t is not None and t.text == "I") / len(sents), 2), None


def _capitals_ratio(parsed):
    """The share of body words of five letters or more written wholly in capitals (shorter ones
    are often initials, "SQL", "AWS", "SSIS", which a list of skills may be made of)."""
    words = [t for t in parsed.body_words if t.is_alpha and len(t) >= 5]
    if not words:
        return 0.0, None
    return round(sum(1 for t in words if t.is_upper) / len(words), 2), None


METRICS = {
    "words": (_count_words, "body words"),
    "sentences": (_count_sentences, "body sentences"),
    "paragraphs": (_count_paragraphs, "body paragraphs"),
    "flesch_reading_ease": (_reading_ease, "Flesch reading ease of the body (higher is easier)"),
    "flesch_kincaid_grade": (_grade, "Flesch-Kincaid grade level of the body"),
    "longest_sentence_words": (_longest_sentence, "words in the longest body sentence"),
    "longest_stretch_words": (
        _longest_stretch,
        "words in the longest run of a body sentence without a colon or semicolon",
    ),
    "longest_paragraph_words": (_longest_paragraph, "words in the longest body paragraph"),
    "i_start_ratio": (_i_start_ratio, "share of body sentences that start with 'I'"),
    "capitals_ratio": (_capitals_ratio, "share of body words written wholly in capitals"),
}


class Metric(Check):
    kind = "metric"
    summary = "Measures the body and reports a value outside its bounds."
    options = {
        "metric": Option("text", doc="what to measure", tunable=False, choices=tuple(METRICS)),
        "min": Option("number", None, "lowest acceptable value"),
        "max": Option("number", None, "highest acceptable value"),
        "min_body_words": Option("int", 0, "say nothing about drafts whose body is shorter than this"),
        "min_sentences": Option("int", 0, "say nothing about drafts whose body has fewer sentences than this"),
    }

    def before_workers(self):
        if self.settings["metric"] in ("flesch_reading_ease", "flesch_kincaid_grade"):
            from ..readability import load

            load()

    def run(self, parsed):
        if (
            len(parsed.body_words) < self.settings["min_body_words"]
            or len(parsed.body_sentences) < self.settings["min_sentences"]
            or not parsed.layout.body
        ):
            return
        value, where = METRICS[self.settings["metric"]][0](parsed)
        low, high = self.settings["min"], self.settings["max"]
        if (low is not None and value < low) or (high is not None and value > high):
            start, end = where or parsed.line_from(parsed.anchor)
            yield Hit(start, end, {"value": value, "min": low, "max": high})
