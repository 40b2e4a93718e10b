"""How common an English word is: wordfreq's Zipf frequency, read straight from its data file.

Importing wordfreq costs 0.25 s (language tables for a hundred languages) and its first lookup
walks the whole call stack with `inspect` to find its data folder, which takes longer the more
modules are loaded: up to a second in a process that has loaded spaCy. For a word of Latin
letters (or several joined by hyphens), wordfreq's answer comes from the words' own entries in
its English list, so those are read here from the same file and combined and rounded as it
does; any other word is still asked of wordfreq.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

from . import lazyregex, wordlists
from .wordlists import SortedLines, package_file

#: Words whose tokens wordfreq takes as they are: Latin letters, maybe joined by hyphens.
_PLAIN = lazyregex.compile(r"[a-zß-öø-ÿ]+(?:-[a-zß-öø-ÿ]+)*")
#: What wordfreq leaves out of its top lists: a digit sequence ("2026", "3.5").
_NUMBER = lazyregex.compile(r"\d[\d.,]+")


def _source() -> Path:
    return package_file("wordfreq", "data", "large_en.msgpack.gz")


def _buckets() -> list[list[str]]:
    """wordfreq's large English list: bucket i holds the words of frequency -i centibels. Read
    only to build the stored lists below, and not kept: decoded, it holds 40 MiB of objects."""
    import gzip

    import msgpack

    with gzip.open(_source(), "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"{_source()}: not a wordfreq frequency list")
    return buckets


@lru_cache(maxsize=1)
def _centibels() -> SortedLines:
    """Each word's bucket (its frequency in negative centibels), as `word<TAB>bucket` lines."""
    return wordlists.load(
        "wordfreq-en",
        [_source()],
        lambda: (
            f"{word}\t{index}"
            for index, bucket in enumerate(_buckets())
            for word in bucket
            if "\t" not in word and "\n" not in word
        ),
    )


def load() -> None:
    """Load the frequency list now: before `--jobs` workers are forked, which then share it."""
    _centibels().split_now()


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")`: 0 for a word it does not know (remembered: the
    words of notes repeat, and each lookup is a bisection of 320,000 lines)."""
    # as wordfreq's tokenizer reads it, which drops the full stop of "Dr." or "etc."
    folded = unicodedata.normalize("NFC", word).casefold().rstrip(".")
    if not _PLAIN.fullmatch(folded):
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    centibels = _centibels()
    inverse = 0.0
    for part in folded.split("-"):  # wordfreq's tokens: hyphens separate words
        index = centibels.value(part)
        if index is None:
            return 0.0
        inverse += 1.0 / 10 ** (-int(index) / 100)
    frequency = max(1.0 / inverse, 1e-9)  # wordfreq's floor: Zipf 0
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # 3 significant digits
    return round(math.log(frequency, 10) + 9, 2)


#: How many of the most common words `top` can give.
RANKED = 100_000


@lru_cache(maxsize=1)
def _ranked() -> SortedLines:
    """The `RANKED` most common words, as `rank<TAB>word` lines (the rank padded, so that the
    sorted lines keep the order of frequency)."""
    return wordlists.load(
        "wordfreq-en-top",
        [_source()],
        lambda: (
            f"{rank:06d}\t{word}"
            for rank, word in enumerate(
                islice((w for w in chain.from_iterable(_buckets()) if not _NUMBER.match(w)), RANKED)
            )
            if "\t" not in word and "\n" not in word
        ),
    )


def top(count: int) -> list[str]:
    """`wordfreq.top_n_list("en", count)`: the most common words, most common first."""
    if count > RANKED:
        raise ValueError(f"only the {RANKED} most common words are stored")
    return [line.partition("\t")[2] for line in _ranked().first(count)]
